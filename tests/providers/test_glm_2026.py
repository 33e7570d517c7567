"""GLM (issue 18): thinking switch, reasoning text and tokens (answer and stream), cached
tokens, data-URI images sent as bare base64, the z.ai host's Accept-Language, no model list.
Fixtures: tests/fixtures/glm/wire2026 (requests captured from zai-sdk 0.2.3; answers hand-built
from its types; README)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import respx

from conftest import fixture_bytes, fixture_json, scenarios
from llmswitch import Client
from llmswitch.errors import InvalidRequestError

DIR = "glm/wire2026"
CN = "https://open.bigmodel.cn/api/paas/v4/chat/completions"
INTL = "https://api.z.ai/api/paas/v4/chat/completions"
PARSED = fixture_json(DIR, "sdk_parsed_results.json")


def client(**table: Any) -> Client:
    table = {"api_key": "abc123.secretsecret", **table}
    return Client({"providers": {"glm": table}}, max_retries=0)


def captured(name: str) -> dict[str, Any]:
    data: dict[str, Any] = fixture_json(DIR, f"{name}.request.json")
    body = data["body_json"]
    # zai-sdk sends "response_format": null when unset; llmswitch leaves unset fields out.
    assert body.pop("response_format") is None
    return data


def answer(name: str) -> tuple[int, Any, dict[str, str]]:
    data = fixture_json(DIR, f"{name}.response.json")
    return data["status"], data["body"], data["headers"]


def test_every_scenario_is_covered() -> None:
    assert set(scenarios(DIR, ".request.json")) == {
        "chat_thinking", "chat_thinking_disabled", "chat_thinking_stream", "chat_vision_base64",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("name", "effort", "region", "url"),
    [
        ("chat_thinking", "high", None, CN),
        ("chat_thinking_disabled", "none", "intl", INTL),
    ],
)
def test_thinking_switch_request_and_answer(
    name: str, effort: str, region: str | None, url: str
) -> None:
    cap = captured(name)
    status, body, headers = answer(name)
    table = {"region": region} if region else {}
    with respx.mock() as router:
        route = router.post(url).respond(status, json=body, headers=headers)
        resp = client(**table).chat.completions.create(
            model="glm/glm-4.7",
            messages=cap["body_json"]["messages"],
            reasoning_effort=effort,  # type: ignore[arg-type]
        )
    sent = route.calls.last.request
    assert json.loads(sent.content) == cap["body_json"]
    assert sent.headers["authorization"] == cap["headers"]["Authorization"]
    assert sent.headers.get("accept-language") == cap["headers"].get("Accept-Language")
    message = resp.choices[0].message
    assert message.content == body["choices"][0]["message"]["content"]
    assert message.reasoning_content == body["choices"][0]["message"].get("reasoning_content")
    usage = resp.usage
    assert usage is not None and usage.prompt_tokens_details is not None
    assert (
        usage.prompt_tokens_details.cached_tokens
        == (body["usage"]["prompt_tokens_details"]["cached_tokens"])
    )
    if name == "chat_thinking":
        assert usage.completion_tokens_details is not None
        assert usage.completion_tokens_details.reasoning_tokens == 80


def test_thinking_stream_is_assembled() -> None:
    cap = captured("chat_thinking_stream")
    meta = fixture_json(DIR, "chat_thinking_stream.response.meta.json")
    sse = fixture_bytes(DIR, "chat_thinking_stream.response.sse")
    with respx.mock() as router:
        route = router.post(CN).respond(meta["status"], content=sse, headers=meta["headers"])
        with client().chat.completions.create(
            model="glm/glm-4.7",
            messages=cap["body_json"]["messages"],
            stream=True,
            reasoning_effort="medium",
        ) as stream:
            chunks = list(stream)
            final = stream.get_final_completion()
    assert json.loads(route.calls.last.request.content) == cap["body_json"]
    assert [c.choices[0].delta.reasoning_content for c in chunks][:2] == ["比较", "小数。"]
    assert final.choices[0].message.reasoning_content == "比较小数。"
    assert final.choices[0].message.content == "9.8 更大。"
    assert final.usage is not None and final.usage.completion_tokens_details is not None
    assert final.usage.completion_tokens_details.reasoning_tokens == 4


def test_data_uri_image_is_sent_as_bare_base64_like_the_sdk() -> None:
    cap = captured("chat_vision_base64")
    status, body, headers = answer("chat_vision_base64")
    bare = cap["body_json"]["messages"][0]["content"][0]["image_url"]["url"]
    messages = [{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "data:image/png;base64," + bare}},
        {"type": "text", "text": "图里是什么？"},
    ]}]  # fmt: skip
    with respx.mock() as router:
        route = router.post(CN).respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="glm/glm-4.5v", messages=messages, reasoning_effort="none"
        )
    assert json.loads(route.calls.last.request.content) == cap["body_json"]
    assert messages[0]["content"][0]["image_url"]["url"].startswith("data:")  # type: ignore[index]
    assert resp.choices[0].message.content == body["choices"][0]["message"]["content"]


def test_http_image_urls_are_sent_unchanged() -> None:
    status, body, headers = answer("chat_vision_base64")
    part = {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}
    with respx.mock() as router:
        route = router.post(CN).respond(status, json=body, headers=headers)
        client().chat.completions.create(
            model="glm/glm-4.5v", messages=[{"role": "user", "content": [part]}]
        )
    assert json.loads(route.calls.last.request.content)["messages"][0]["content"] == [part]


def test_no_model_list_api() -> None:
    with pytest.raises(InvalidRequestError, match="no model-list API"):
        client().models.list(provider="glm")
