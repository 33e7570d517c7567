"""DeepSeek preset (issue 18): thinking switch and effort, reasoning tokens, cached tokens
(``prompt_cache_hit_tokens``), reasoning sent back on tool turns, live model list. Fixtures:
tests/fixtures/deepseek (requests captured from openai 3.57.0; answers hand-built from
DeepSeek's documented shapes; README)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

from conftest import fixture_json
from llmswitch import BadRequestError, Client
from llmswitch.providers._base import ProviderSettings
from llmswitch.providers.openai import OpenAIAdapter
from llmswitch.providers.presets import DeepSeekAdapter, compatible_adapter

BASE = "https://api.deepseek.com/v1"
PARSED = fixture_json("deepseek", "sdk_parsed_results.json")


def client(**table: Any) -> Client:
    return Client({"providers": {"deepseek": {"api_key": "sk-test", **table}}}, max_retries=0)


def answer(name: str) -> tuple[int, Any, dict[str, str]]:
    data = fixture_json("deepseek", f"{name}.response.json")
    return data["status"], data["body"], data["headers"]


def captured_body(name: str) -> dict[str, Any]:
    body: dict[str, Any] = fixture_json("deepseek", f"{name}.request.json")["body_json"]
    return body


def test_the_preset_gets_its_own_adapter_by_name_or_host() -> None:
    assert type(compatible_adapter(ProviderSettings("deepseek", "openai-compatible"))) is (
        DeepSeekAdapter
    )
    custom = ProviderSettings("ds", "openai-compatible", base_url="https://api.deepseek.com")
    assert type(compatible_adapter(custom)) is DeepSeekAdapter
    other = ProviderSettings("kimi", "openai-compatible", base_url="https://api.moonshot.cn/v1")
    assert type(compatible_adapter(other)) is OpenAIAdapter


def test_thinking_request_and_answer() -> None:
    status, body, headers = answer("chat_thinking")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="deepseek/deepseek-flash",
            messages=[{"role": "user", "content": "9.11 和 9.8 哪个大？"}],
            reasoning_effort="high",
        )
    assert json.loads(route.calls.last.request.content) == captured_body("chat_thinking")
    assert resp.choices[0].message.reasoning_content == "比较 9.11 与 9.8：十分位 1 < 8……"
    assert resp.usage is not None and resp.usage.completion_tokens_details is not None
    assert resp.usage.completion_tokens_details.reasoning_tokens == 108
    assert resp.usage.prompt_tokens_details is not None
    assert resp.usage.prompt_tokens_details.cached_tokens == 0


@pytest.mark.parametrize(
    ("effort", "fields"),
    [
        ("none", {"thinking": {"type": "disabled"}}),
        ("minimal", {"thinking": {"type": "enabled"}, "reasoning_effort": "low"}),
        ("low", {"thinking": {"type": "enabled"}, "reasoning_effort": "low"}),
        ("medium", {"thinking": {"type": "enabled"}, "reasoning_effort": "high"}),
        ("xhigh", {"thinking": {"type": "enabled"}, "reasoning_effort": "high"}),
        ("max", {"thinking": {"type": "enabled"}, "reasoning_effort": "max"}),
    ],
)
def test_effort_mapping(effort: str, fields: dict[str, Any]) -> None:
    status, body, headers = answer("chat_cache_hit")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(status, json=body, headers=headers)
        client().chat.completions.create(
            model="deepseek/deepseek-flash",
            messages=[{"role": "user", "content": "hi"}],
            reasoning_effort=effort,  # type: ignore[arg-type]
        )
    sent = json.loads(route.calls.last.request.content)
    assert {k: v for k, v in sent.items() if k in ("thinking", "reasoning_effort")} == fields


def test_cache_hit_tokens_become_cached_tokens() -> None:
    status, body, headers = answer("chat_cache_hit")
    messages = [{"role": "system", "content": "<long document>"},
                {"role": "user", "content": "第二章讲了什么？"}]  # fmt: skip
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="deepseek/deepseek-flash", messages=messages, reasoning_effort="none"
        )
    assert json.loads(route.calls.last.request.content) == captured_body("chat_cache_hit")
    usage = resp.usage
    assert usage is not None and usage.prompt_tokens_details is not None
    assert usage.prompt_tokens_details.cached_tokens == 2944
    assert usage.model_extra == {"prompt_cache_hit_tokens": 2944, "prompt_cache_miss_tokens": 75}


def test_stream_usage_cache_hit_tokens() -> None:
    sse = (
        'data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"deepseek-flash",'
        '"choices":[{"index":0,"delta":{"reasoning_content":"r"},"finish_reason":null}]}\n\n'
        'data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"deepseek-flash",'
        '"choices":[{"index":0,"delta":{"content":"a"},"finish_reason":"stop"}]}\n\n'
        'data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"deepseek-flash",'
        '"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12,'
        '"prompt_cache_hit_tokens":8,"prompt_cache_miss_tokens":2}}\n\ndata: [DONE]\n\n'
    )
    with respx.mock() as router:
        router.post(f"{BASE}/chat/completions").respond(
            200, content=sse.encode(), headers={"content-type": "text/event-stream"}
        )
        with client().chat.completions.create(
            model="deepseek/deepseek-flash", messages=[{"role": "user", "content": "q"}],
            stream=True,
        ) as stream:  # fmt: skip
            final = stream.get_final_completion()
    assert final.choices[0].message.reasoning_content == "r"
    assert final.usage is not None and final.usage.prompt_tokens_details is not None
    assert final.usage.prompt_tokens_details.cached_tokens == 8


def test_reasoning_is_sent_back_on_a_tool_turn_as_deepseek_requires() -> None:
    captured = captured_body("chat_thinking_tool_turn")
    status, body, headers = answer("chat_thinking_tool_turn")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="deepseek/deepseek-flash",
            messages=captured["messages"],
            tools=captured["tools"],
            extra_body={"thinking": {"type": "enabled"}},
        )
    assert json.loads(route.calls.last.request.content) == captured
    assert resp.choices[0].message.content == "北京现在 3 °C，晴。"
    assert resp.usage is not None and resp.usage.prompt_tokens_details is not None
    assert resp.usage.prompt_tokens_details.cached_tokens == 64


def test_missing_reasoning_on_a_tool_turn_is_deepseeks_400() -> None:
    captured = captured_body("error_400_reasoning_not_passed_back")
    status, body, headers = answer("error_400_reasoning_not_passed_back")
    with respx.mock() as router:
        router.post(f"{BASE}/chat/completions").respond(status, json=body, headers=headers)
        with pytest.raises(BadRequestError, match="must be passed back"):
            client().chat.completions.create(
                model="deepseek/deepseek-flash",
                messages=captured["messages"],
                tools=captured["tools"],
                reasoning_effort="high",
            )


def test_live_model_list() -> None:
    status, body, headers = answer("models_list")
    with respx.mock() as router:
        route = router.get(f"{BASE}/models").respond(status, json=body, headers=headers)
        page = client().models.list(provider="deepseek")
    sent: httpx.Request = route.calls.last.request
    assert sent.method == "GET"
    assert [(m.id, m.owned_by, m.created) for m in page] == [
        ("deepseek-flash", "deepseek", 0),
        ("deepseek-v4-pro", "deepseek", 0),
    ]
