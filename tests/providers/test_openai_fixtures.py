"""OpenAI adapter against the fixtures captured from openai-python (tests/fixtures/openai)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

from conftest import fixture_bytes, fixture_json
from llmswitch import (
    APIError,
    AuthenticationError,
    Client,
    ContextLengthExceededError,
    InternalServerError,
    QuotaExceededError,
    RateLimitError,
)

BASE = "https://api.openai.com/v1"
CONFIG = {
    "providers": {
        "openai": {"api_key": "sk-test", "organization": "org-test123", "project": "proj_test456"}
    }
}
PARSED = fixture_json("openai", "sdk_parsed_results.json")["results"]
TELEMETRY = ("x-stainless", "user-agent", "accept-encoding", "connection", "content-length", "host")


def client() -> Client:
    return Client(CONFIG, max_retries=0)


def call_kwargs(body: dict[str, Any]) -> dict[str, Any]:
    """The SDK call that produced ``body``: every field except the model becomes a kwarg."""
    kwargs = dict(body)
    kwargs["model"] = "openai/" + kwargs["model"]
    return kwargs


def assert_same_request(sent: httpx.Request, captured: dict[str, Any]) -> None:
    assert sent.method == captured["method"]
    assert sent.url.path == captured["path"]
    assert json.loads(sent.content) == captured["body_json"]
    wanted = {
        k.lower(): v
        for k, v in captured["headers"].items()
        if not k.lower().startswith(TELEMETRY) and k.lower() != "accept"
    }
    for key, value in wanted.items():
        assert sent.headers.get(key) == value, key


def respond_json(router: respx.MockRouter, name: str) -> respx.Route:
    answer = fixture_json("openai", f"{name}.response.json")
    return router.post(f"{BASE}/{'embeddings' if 'embed' in name else 'chat/completions'}").respond(
        answer["status"], json=answer["body"], headers=answer["headers"]
    )


@pytest.mark.parametrize("name", ["chat_plain", "chat_system", "chat_tools", "chat_tool_result"])
def test_chat_request_matches_sdk_and_answer_parses(name: str) -> None:
    captured = fixture_json("openai", f"{name}.request.json")
    with respx.mock() as router:
        route = respond_json(router, name)
        resp = client().chat.completions.create(**call_kwargs(captured["body_json"]))
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED[name]
    message = resp.choices[0].message
    if "content" in expected:
        assert message.content == expected["content"]
    if "finish_reason" in expected:
        assert resp.choices[0].finish_reason == expected["finish_reason"]
    if "tool_call" in expected:
        call = message.tool_calls[0]  # type: ignore[index]
        assert call.id == expected["tool_call"]["id"]
        assert call.function.name == expected["tool_call"]["name"]
        assert json.loads(call.function.arguments) == expected["tool_call"]["arguments"]
    if "usage" in expected:
        assert resp.usage is not None
        assert resp.usage.prompt_tokens == expected["usage"]["prompt_tokens"]
        assert resp.usage.total_tokens == expected["usage"]["total_tokens"]
    assert resp.provider == "openai"
    assert resp.raw["id"] == resp.id


@pytest.mark.parametrize("name", ["chat_stream", "chat_stream_tools"])
def test_stream_request_matches_sdk_and_chunks_assemble(name: str) -> None:
    captured = fixture_json("openai", f"{name}.request.json")
    meta = fixture_json("openai", f"{name}.response.meta.json")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(
            meta["status"], content=fixture_bytes("openai", f"{name}.response.sse"),
            headers=meta["headers"],
        )  # fmt: skip
        with client().chat.completions.create(**call_kwargs(captured["body_json"])) as stream:
            chunks = list(stream)
            final = stream.get_final_completion()
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED[name]
    assert len(chunks) == expected["n_chunks"]
    assert final.usage is not None
    if name == "chat_stream":
        assert final.choices[0].message.content == expected["text"]
        assert final.choices[0].finish_reason == expected["finish"]
        assert final.usage.total_tokens == expected["usage"]["total_tokens"]
        assert len(chunks[-1].choices) == expected["last_chunk_choices"]
    else:
        call = final.choices[0].message.tool_calls[0]  # type: ignore[index]
        assert final.choices[0].finish_reason == "tool_calls"
        assert call.id == "call_Dn2RJJSxzDm49vlVTehseJ0k"
        assert json.loads(call.function.arguments) == {"location": "Boston"}


def test_stream_error_event_raises_after_the_chunks_before_it() -> None:
    captured = fixture_json("openai", "stream_error_event.request.json")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(
            200, content=fixture_bytes("openai", "stream_error_event.response.sse"),
            headers={"content-type": "text/event-stream"},
        )  # fmt: skip
        got: list[str] = []
        with (
            pytest.raises(APIError) as info,
            client().chat.completions.create(**call_kwargs(captured["body_json"])) as stream,
        ):
            for chunk in stream:
                got.append(chunk.choices[0].delta.content or "")
    body = json.loads(route.calls.last.request.content)
    # llmswitch always asks for usage on streams (documented); otherwise the body is the SDK's.
    assert body.pop("stream_options") == {"include_usage": True}
    assert body == captured["body_json"]
    assert got == PARSED["stream_error_event"]["got"]
    assert isinstance(info.value, InternalServerError)
    assert info.value.message == PARSED["stream_error_event"]["message"]


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("error_401_invalid_api_key", AuthenticationError),
        ("error_429_rate_limit", RateLimitError),
        ("error_429_insufficient_quota", QuotaExceededError),
        ("error_400_context_length", ContextLengthExceededError),
        ("error_500_server", InternalServerError),
    ],
)
def test_errors_map_to_typed_classes(name: str, cls: type[APIError]) -> None:
    expected = PARSED[name]
    with respx.mock() as router:
        respond_json(router, name)
        with pytest.raises(cls) as info:
            client().chat.completions.create(
                model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "x"}]
            )
    error = info.value
    assert type(error) is cls
    assert error.status_code == expected["status_code"]
    assert error.code == expected["code"]  # null stays null, as openai-python parses it
    assert error.type == expected["type"]
    assert error.request_id == expected["request_id"]
    # The SDK echoes the key back in the 401 text; llmswitch redacts it.
    assert expected["message"].replace("sk-test", "***").endswith(error.message)
    assert "sk-test" not in str(error) and "sk-test" not in repr(error)
    assert error.retryable is (cls in (RateLimitError, InternalServerError))


def test_rate_limit_error_carries_retry_after_ms() -> None:
    with respx.mock() as router:
        respond_json(router, "error_429_rate_limit")
        with pytest.raises(RateLimitError) as info:
            client().chat.completions.create(
                model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "x"}]
            )
    assert info.value.retry_after == pytest.approx(0.3)


@pytest.mark.parametrize("name", ["embeddings", "embeddings_float"])
def test_embeddings_request_matches_sdk_and_decodes_floats(name: str) -> None:
    captured = fixture_json("openai", f"{name}.request.json")
    body = captured["body_json"]
    kwargs: dict[str, Any] = {"model": "openai/" + body["model"], "input": body["input"]}
    if "dimensions" in body:
        kwargs["dimensions"] = body["dimensions"]
    if body.get("encoding_format") == "float":
        kwargs["encoding_format"] = "float"
    with respx.mock() as router:
        route = respond_json(router, name)
        resp = client().embeddings.create(**kwargs)
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED[name]
    assert len(resp.data) == expected["n"]
    assert all(isinstance(v, float) for v in resp.data[0].embedding)
    assert resp.data[0].embedding == pytest.approx(expected["first"], rel=1e-6)
    assert [d.index for d in resp.data] == [0, 1]
