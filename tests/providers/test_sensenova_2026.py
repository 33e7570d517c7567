"""SenseNova (issue 18): native vision parts, deep-reasoning models at their host, the 6.7
token gateway (``reasoning`` read as ``reasoning_content``, answer and stream), regions, the
native model list. Fixtures: tests/fixtures/sensenova/wire2026 (requests captured from sensenova
1.0.6 and openai 3.57.0; answers hand-built from documented shapes; README)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import respx

from conftest import fixture_bytes, fixture_json, scenarios
from llmswitch import Client
from llmswitch.errors import ConfigError, InvalidRequestError

DIR = "sensenova/wire2026"
NATIVE = "https://api.sensenova.cn/v1/llm/chat-completions"
REASONING = "https://chatapi.sensenova.cn/v1/llm/chat-completions"
TOKEN = "https://token.sensenova.cn/v1/chat/completions"
PARSED = fixture_json(DIR, "sdk_parsed_results.json")


def client(**table: Any) -> Client:
    table = {"api_key": "sk-sensenova-test", **table}
    return Client({"providers": {"sensenova": table}}, max_retries=0)


def body_of(name: str) -> dict[str, Any]:
    body: dict[str, Any] = fixture_json(DIR, f"{name}.request.json")["body_json"]
    return body


def answer(name: str) -> tuple[int, Any, dict[str, str]]:
    data = fixture_json(DIR, f"{name}.response.json")
    return data["status"], data["body"], data["headers"]


def test_every_scenario_is_covered() -> None:
    assert set(scenarios(DIR, ".request.json")) == {
        "native_deep_reasoning", "native_vision", "native_vision_file_id",
        "token_chat_reasoning", "token_stream_reasoning", "token_vision",
    }  # fmt: skip


def test_openai_image_parts_become_native_parts() -> None:
    captured = body_of("native_vision")
    status, body, headers = answer("native_vision")
    b64 = captured["messages"][0]["content"][1]["image_base64"]
    messages = [{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "https://example.com/cat_and_dog.jpg"}},
        {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{b64}"}},
        {"type": "text", "text": "两张图里分别有什么？"},
    ]}]  # fmt: skip
    with respx.mock() as router:
        route = router.post(NATIVE).respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="sensenova/SenseNova-V6-5-Pro", messages=messages, max_tokens=1024
        )
    assert json.loads(route.calls.last.request.content) == captured
    assert resp.choices[0].message.content == "图中有一只猫和一只狗。"


def test_native_file_id_parts_pass_through() -> None:
    captured = body_of("native_vision_file_id")
    status, body, headers = answer("native_vision_file_id")
    with respx.mock() as router:
        route = router.post(NATIVE).respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="sensenova/SenseNova-V6-5-Pro", messages=captured["messages"]
        )
    assert json.loads(route.calls.last.request.content) == captured
    assert resp.choices[0].message.content == "图中是一张发票。"


def test_unknown_part_type_is_refused() -> None:
    with pytest.raises(InvalidRequestError, match="not supported"):
        client().chat.completions.create(
            model="sensenova/SenseNova-V6-5-Pro",
            messages=[{"role": "user", "content": [{"type": "input_audio", "input_audio": {}}]}],
        )


def test_deep_reasoning_model_goes_to_its_host_and_reasoning_is_read() -> None:
    captured = body_of("native_deep_reasoning")
    status, body, headers = answer("native_deep_reasoning")
    history = [
        {"role": "user", "content": "earlier"},
        {"role": "assistant", "content": "a", "reasoning_content": "thoughts"},
        *captured["messages"],
    ]
    with respx.mock() as router:
        route = router.post(REASONING).respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="sensenova/SenseNova-V6-Reasoner", messages=captured["messages"], max_tokens=2048
        )
        assert json.loads(route.calls.last.request.content) == captured
        client().chat.completions.create(model="sensenova/SenseNova-V6-Reasoner", messages=history)
        sent = json.loads(route.calls.last.request.content)["messages"]
        assert sent[1] == {"role": "assistant", "content": "a"}  # reasoning is not sent back
    message = resp.choices[0].message
    assert message.content == "9.8 更大。"
    assert message.reasoning_content == "比较十分位：1 < 8，所以 9.8 更大。"
    assert resp.usage is not None and resp.usage.total_tokens == 54


def test_token_gateway_reasoning_field_answer() -> None:
    captured = body_of("token_chat_reasoning")
    status, body, headers = answer("token_chat_reasoning")
    with respx.mock() as router:
        route = router.post(TOKEN).respond(status, json=body, headers=headers)
        resp = client(region="token").chat.completions.create(
            model="sensenova/sensenova-6.7-flash-lite", messages=captured["messages"],
            max_tokens=2000,
        )  # fmt: skip
    sent = route.calls.last.request
    assert json.loads(sent.content) == captured
    assert sent.headers["authorization"] == "Bearer sk-sensenova-test"
    expected = PARSED["token_chat_reasoning"]
    message = resp.choices[0].message
    assert message.content == expected["content"]
    assert message.reasoning_content == expected["reasoning (model_extra)"]
    assert resp.usage is not None and resp.usage.prompt_tokens_details is not None
    assert resp.usage.prompt_tokens_details.cached_tokens == 0


def test_token_gateway_stream_assembles_reasoning() -> None:
    captured = body_of("token_stream_reasoning")
    meta = fixture_json(DIR, "token_stream_reasoning.response.meta.json")
    sse = fixture_bytes(DIR, "token_stream_reasoning.response.sse")
    with respx.mock() as router:
        route = router.post(TOKEN).respond(meta["status"], content=sse, headers=meta["headers"])
        with client(region="token").chat.completions.create(
            model="sensenova/sensenova-6.7-flash-lite", messages=captured["messages"],
            max_tokens=2000, stream=True,
        ) as stream:  # fmt: skip
            chunks = list(stream)
            final = stream.get_final_completion()
    sent = json.loads(route.calls.last.request.content)
    assert sent.pop("stream_options") == {"include_usage": True}  # llmswitch asks for usage
    assert sent == captured
    assert chunks[0].choices[0].delta.reasoning_content == "Thinking"
    assert [c.choices[0].finish_reason for c in chunks if c.choices] == [None, None, None, "stop"]
    assert final.choices[0].message.reasoning_content == "Thinking"
    assert final.choices[0].message.content == "Spring wind"
    assert final.usage is not None and final.usage.completion_tokens == 441


def test_token_gateway_vision_takes_openai_parts_and_drops_reasoning_from_history() -> None:
    captured = body_of("token_vision")
    status, body, headers = answer("token_vision")
    with respx.mock() as router:
        route = router.post(TOKEN).respond(status, json=body, headers=headers)
        resp = client(region="token").chat.completions.create(
            model="sensenova/sensenova-6.7-flash-lite", messages=captured["messages"],
            max_tokens=2000,
        )  # fmt: skip
        assert json.loads(route.calls.last.request.content) == captured
        client(region="token").chat.completions.create(
            model="sensenova/sensenova-6.7-flash-lite",
            messages=[{"role": "assistant", "content": "x", "reasoning": "r"},
                      {"role": "user", "content": "y"}],
        )  # fmt: skip
        sent = json.loads(route.calls.last.request.content)["messages"]
    assert sent[0] == {"role": "assistant", "content": "x"}
    assert resp.choices[0].message.content == PARSED["token_vision"]


@pytest.mark.parametrize(
    ("region", "url"),
    [
        ("reasoning", REASONING),
        ("native", NATIVE),
        ("compatible", "https://api.sensenova.cn/compatible-mode/v1/chat/completions"),
    ],
)
def test_regions(region: str, url: str) -> None:
    status, body, headers = answer(
        "token_vision" if region == "compatible" else "native_vision"
    )  # fmt: skip
    with respx.mock() as router:
        route = router.post(url).respond(status, json=body, headers=headers)
        client(region=region).chat.completions.create(
            model="sensenova/SenseNova-V6-5-Pro", messages=[{"role": "user", "content": "hi"}]
        )
    assert route.called


def test_unknown_region_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown SenseNova region"):
        client(region="mars").chat.completions.create(
            model="sensenova/SenseChat-5", messages=[{"role": "user", "content": "hi"}]
        )


def test_native_model_list_is_read_leniently() -> None:
    # The native list body is not documented; this hand-built one is a guess [L] (README).
    listing = {"data": [{"id": "SenseNova-V6-5-Pro"}, {"model": "SenseChat-5", "created": 7}]}
    with respx.mock() as router:
        router.get("https://api.sensenova.cn/v1/llm/models").respond(200, json=listing)
        page = client().models.list(provider="sensenova")
        one = client().models.retrieve("SenseChat-5", provider="sensenova")
    assert [(m.id, m.created, m.owned_by) for m in page] == [
        ("SenseNova-V6-5-Pro", 0, "sensetime"),
        ("SenseChat-5", 7, "sensetime"),
    ]
    assert one.id == "SenseChat-5"
