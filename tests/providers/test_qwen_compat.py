"""Qwen compatible mode (``api = "compatible"``, ``/compatible-mode/v1``) against the fixtures
captured from openai-python (tests/fixtures/qwen/compat_*): OpenAI's wire, DashScope's codes."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

from conftest import fixture_bytes, fixture_json, scenarios
from llmswitch import (
    APIError,
    AuthenticationError,
    Client,
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    RateLimitError,
)
from llmswitch.providers.openai import OpenAIAdapter
from llmswitch.providers.qwen import QwenAdapter, QwenCompatibleAdapter

BASE = "https://dashscope.aliyuncs.com/compatible-mode/v1"
PARSED = fixture_json("qwen", "compat_sdk_parsed_results.json")["results"]
IGNORED = ("x-stainless", "user-agent", "accept-encoding", "connection", "content-length", "host",
           "accept")  # fmt: skip


def client(**table: Any) -> Client:
    providers = {"qwen": {"api_key": "sk-test", "api": "compatible", **table}}
    return Client({"providers": providers}, max_retries=0)


def call_kwargs(body: dict[str, Any]) -> dict[str, Any]:
    kwargs = dict(body)
    kwargs["model"] = "qwen/" + kwargs["model"]
    extra = {k: kwargs.pop(k) for k in ("enable_search", "top_k", "enable_thinking") if k in kwargs}
    if extra:
        kwargs["extra_body"] = extra
    kwargs.pop("stream", None)
    return kwargs


def assert_same_request(sent: httpx.Request, captured: dict[str, Any]) -> None:
    assert sent.method == captured["method"]
    assert sent.url.path == captured["path"]
    assert json.loads(sent.content) == captured["body_json"]
    for key, value in captured["headers"].items():
        if not key.lower().startswith(IGNORED):
            assert sent.headers.get(key) == value, key


def test_qwen_adapter_dispatches_on_settings_api() -> None:
    compat = client().adapter("qwen")
    assert isinstance(compat, QwenCompatibleAdapter) and isinstance(compat, OpenAIAdapter)
    native = Client({"providers": {"qwen": {"api_key": "sk-test"}}}).adapter("qwen")
    assert type(native) is QwenAdapter
    regional = client(region="intl").adapter("qwen")
    assert regional.base_url == "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"  # type: ignore[attr-defined]


def test_every_compat_scenario_is_covered() -> None:
    covered = {
        "compat_chat_plain", "compat_chat_system", "compat_chat_tools", "compat_chat_tool_result",
        "compat_chat_stream", "compat_chat_stream_tools", "compat_stream_error_event",
        "compat_embeddings", "compat_embeddings_float", "compat_error_400_context_length",
        "compat_error_400_data_inspection", "compat_error_401_invalid_api_key",
        "compat_error_429_rate_limit",
    }  # fmt: skip
    assert {n for n in scenarios("qwen", ".request.json") if n.startswith("compat_")} == covered


@pytest.mark.parametrize(
    "name",
    ["compat_chat_plain", "compat_chat_system", "compat_chat_tools", "compat_chat_tool_result"],
)
def test_chat_request_matches_sdk_and_answer_parses(name: str) -> None:
    captured = fixture_json("qwen", f"{name}.request.json")
    answer = fixture_json("qwen", f"{name}.response.json")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(
            answer["status"], json=answer["body"], headers=answer["headers"]
        )
        resp = client().chat.completions.create(**call_kwargs(captured["body_json"]))
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED[name.removeprefix("compat_")]
    message = resp.choices[0].message
    if "content" in expected:
        assert message.content == expected["content"]
    if "tool_call" in expected:
        call = message.tool_calls[0]  # type: ignore[index]
        assert (call.id, call.function.name) == (expected["tool_call"]["id"],
                                                 expected["tool_call"]["name"])  # fmt: skip
        assert json.loads(call.function.arguments) == expected["tool_call"]["arguments"]
        assert resp.choices[0].finish_reason == "tool_calls"
    if "usage" in expected:
        assert resp.usage is not None
        assert resp.usage.total_tokens == expected["usage"]["total_tokens"]
    assert resp.provider == "qwen"


@pytest.mark.parametrize("name", ["compat_chat_stream", "compat_chat_stream_tools"])
def test_stream_request_matches_and_chunks_assemble(name: str) -> None:
    captured = fixture_json("qwen", f"{name}.request.json")
    meta = fixture_json("qwen", f"{name}.response.meta.json")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(
            200, content=fixture_bytes("qwen", f"{name}.response.sse"), headers=meta["headers"]
        )
        with client().chat.completions.create(
            stream=True, **call_kwargs(captured["body_json"])
        ) as s:
            chunks = list(s)
            final = s.get_final_completion()
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED[name.removeprefix("compat_")]
    assert len(chunks) == expected["n_chunks"]
    assert final.choices[0].finish_reason == expected["finish"]
    if "text" in expected:
        assert final.choices[0].message.content == expected["text"]
        assert final.usage is not None
        assert final.usage.total_tokens == expected["usage"]["total_tokens"]
    else:
        call = final.choices[0].message.tool_calls[0]  # type: ignore[index]
        assert json.loads(call.function.arguments) == expected["arguments"]


def test_stream_error_event_raises_after_the_chunks_before_it() -> None:
    captured = fixture_json("qwen", "compat_stream_error_event.request.json")
    got: list[str] = []
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(
            200, content=fixture_bytes("qwen", "compat_stream_error_event.response.sse"),
            headers={"content-type": "text/event-stream"},
        )  # fmt: skip
        with pytest.raises(APIError) as info:  # noqa: SIM117
            with client().chat.completions.create(
                stream=True, **call_kwargs(captured["body_json"])
            ) as s:
                got.extend(c.choices[0].delta.content or "" for c in s)
    body = json.loads(route.calls.last.request.content)
    # Deliberate: llmswitch always asks for usage on streams.
    assert body.pop("stream_options") == {"include_usage": True}
    assert body == captured["body_json"]
    assert got == PARSED["stream_error_event"]["got"]
    assert isinstance(info.value, InternalServerError)  # type "server_error"
    assert info.value.message == PARSED["stream_error_event"]["message"]


@pytest.mark.parametrize(
    ("name", "cls", "retryable"),
    [
        ("compat_error_401_invalid_api_key", AuthenticationError, False),
        ("compat_error_400_data_inspection", ContentFilterError, False),
        ("compat_error_429_rate_limit", RateLimitError, True),
        ("compat_error_400_context_length", ContextLengthExceededError, False),
    ],
)
def test_error_codes_are_qwens(name: str, cls: type, retryable: bool) -> None:
    # openai-python sees BadRequestError for both 400s; llmswitch reads DashScope's code/message.
    answer = fixture_json("qwen", f"{name}.response.json")
    with respx.mock() as router:
        router.post(f"{BASE}/chat/completions").respond(
            answer["status"], json=answer["body"], headers=answer["headers"]
        )
        with pytest.raises(cls) as info:
            client().chat.completions.create(
                model="qwen/qwen-plus", messages=[{"role": "user", "content": "x"}]
            )
    expected = PARSED[name.removeprefix("compat_")]
    assert type(info.value) is cls
    assert info.value.status_code == expected["status_code"]
    assert info.value.code == expected["code"]
    assert info.value.request_id == expected["request_id"]
    assert info.value.retryable is retryable


@pytest.mark.parametrize("name", ["compat_embeddings", "compat_embeddings_float"])
def test_embeddings_ask_for_floats(name: str) -> None:
    captured = fixture_json("qwen", f"{name}.request.json")
    answer = fixture_json("qwen", f"{name}.response.json")
    with respx.mock() as router:
        route = router.post(f"{BASE}/embeddings").respond(200, json=answer["body"])
        body = captured["body_json"]
        resp = client().embeddings.create(
            model="qwen/" + body["model"], input=body["input"], dimensions=body.get("dimensions")
        )
    sent = json.loads(route.calls.last.request.content)
    # Deliberate: DashScope documents float only, so llmswitch asks for float where
    # openai-python's default is base64 (compat_embeddings); otherwise the body is the SDK's.
    assert sent == {**body, "encoding_format": "float"}
    expected = PARSED[name.removeprefix("compat_")]
    assert len(resp.data) == expected["n"]
    assert resp.data[0].embedding == expected["first"]
