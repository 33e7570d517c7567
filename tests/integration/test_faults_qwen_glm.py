"""Qwen (native) and GLM over real sockets: each provider's own error bodies, quota vs rate
limit, and errors inside HTTP 200 streams, through the sync and the async client."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from conftest import fixture_bytes, fixture_json
from llmswitch import (
    AsyncClient,
    Client,
    ContentFilterError,
    QuotaExceededError,
    RetryPolicy,
)
from llmswitch.errors import InternalServerError
from llmswitch.testing import Action, LoopbackServer, Reply, fake_wire, response_to_action

KINDS = ["sync", "async"]
PATHS = {"qwen": "/api/v1", "glm": "/api/paas/v4"}
MODELS = {"qwen": "qwen/qwen-plus", "glm": "glm/glm-4-flash"}
KEYS = {"qwen": "sk-loopback-qwen", "glm": "loopid.loopback-secret"}
JSON = {"content-type": "application/json"}
SSE = {"content-type": "text/event-stream;charset=UTF-8"}
# Native error bodies: (quota: not retried, rate limit: retried).
QUOTA = {
    "qwen": {"code": "Throttling.AllocationQuota", "message": "Free allocated quota exceeded.",
             "request_id": "r-quota"},
    "glm": fixture_json("glm", "error_429_arrears.response.json")["body"],
}  # fmt: skip
RATE = {
    "qwen": fixture_json("qwen", "native_error_throttling.response.json")["body"],
    "glm": fixture_json("glm", "error_429_concurrency.response.json")["body"],
}
STREAM_ERROR = {  # a first chunk, then an error event inside the 200 stream
    "qwen": ("native_stream_error_event.response.sse", ContentFilterError),
    "glm": ("stream_error_frame.response.sse", InternalServerError),
}


async def _no_sleep(seconds: float) -> None:
    return None


def policy() -> RetryPolicy:
    return RetryPolicy(2, sleep=lambda s: None, async_sleep=_no_sleep)


def config(provider: str, server: LoopbackServer) -> dict[str, Any]:
    table = {"api_key": KEYS[provider], "base_url": server.url + PATHS[provider]}
    return {"providers": {provider: table}}


def error(status: int, body: dict[str, Any]) -> Action:
    return Action(status=status, headers=JSON, body=json.dumps(body).encode())


def answer(provider: str, *, stream: bool = False, **reply: Any) -> Action:
    """A successful native answer rendered by the provider's fake wire."""
    path = (
        "/services/aigc/text-generation/generation" if provider == "qwen" else "/chat/completions"
    )
    headers = {"X-DashScope-SSE": "enable"} if stream and provider == "qwen" else {}
    request = httpx.Request("POST", "http://fake" + PATHS[provider] + path, headers=headers,
                            json={"model": "m", "stream": stream})  # fmt: skip
    return response_to_action(fake_wire(provider).render("chat", request, Reply(**reply)))


def sse_action(name: str, provider: str) -> Action:
    body = fixture_bytes(provider, name)
    return Action(headers=SSE, chunks=[p + b"\n\n" for p in body.split(b"\n\n") if p.strip()])


def call(kind: str, provider: str, server: LoopbackServer, *, stream: bool = False) -> Any:
    """One chat call; returns (contents seen, result or the exception raised)."""
    messages = [{"role": "user", "content": "hi"}]
    seen: list[str] = []
    if kind == "sync":
        with Client(config(provider, server), retry_policy=policy()) as client:
            try:
                if not stream:
                    return seen, client.chat.completions.create(
                        model=MODELS[provider], messages=messages
                    )
                with client.chat.completions.create(
                    model=MODELS[provider], messages=messages, stream=True
                ) as s:
                    seen.extend(c.choices[0].delta.content or "" for c in s if c.choices)
                    return seen, s.get_final_completion()
            except Exception as exc:
                return seen, exc

    async def main() -> Any:
        async with AsyncClient(config(provider, server), retry_policy=policy()) as client:
            try:
                if not stream:
                    return seen, await client.chat.completions.create(
                        model=MODELS[provider], messages=messages
                    )
                s = await client.chat.completions.create(
                    model=MODELS[provider], messages=messages, stream=True
                )
                async with s:
                    async for c in s:
                        seen.extend(c.choices[0].delta.content or "" for _ in c.choices[:1])
                    return seen, await s.get_final_completion()
            except Exception as exc:
                return seen, exc

    return asyncio.run(main())


@pytest.mark.parametrize("provider", ["qwen", "glm"])
@pytest.mark.parametrize("kind", KINDS)
def test_quota_error_is_raised_at_once(kind: str, provider: str, loopback: LoopbackServer) -> None:
    loopback.enqueue(error(429, QUOTA[provider]), answer(provider, content="never"))
    _, result = call(kind, provider, loopback)
    assert isinstance(result, QuotaExceededError)
    assert result.retryable is False
    assert len(loopback.requests) == 1


@pytest.mark.parametrize("provider", ["qwen", "glm"])
@pytest.mark.parametrize("kind", KINDS)
def test_rate_limit_is_retried_then_succeeds(
    kind: str, provider: str, loopback: LoopbackServer
) -> None:
    loopback.enqueue(error(429, RATE[provider]), answer(provider, content="ok after a retry"))
    _, result = call(kind, provider, loopback)
    assert result.choices[0].message.content == "ok after a retry"
    assert result.model == ("qwen-plus" if provider == "qwen" else "m")  # glm fake echoes "m"
    assert len(loopback.requests) == 2
    sent = loopback.requests[-1]
    assert sent.path.startswith(PATHS[provider])
    assert sent.headers["authorization"] == "Bearer " + KEYS[provider]


@pytest.mark.parametrize("provider", ["qwen", "glm"])
@pytest.mark.parametrize("kind", KINDS)
def test_error_inside_a_200_stream_after_a_chunk(
    kind: str, provider: str, loopback: LoopbackServer
) -> None:
    name, cls = STREAM_ERROR[provider]
    loopback.enqueue(sse_action(name, provider))
    seen, result = call(kind, provider, loopback, stream=True)
    assert seen == ["你好"]
    assert isinstance(result, cls)
    assert len(loopback.requests) == 1  # a stream is not retried once a chunk reached the caller


@pytest.mark.parametrize("provider", ["qwen", "glm"])
@pytest.mark.parametrize("kind", KINDS)
def test_rate_limit_error_as_the_first_event_of_a_stream_is_retried(
    kind: str, provider: str, loopback: LoopbackServer
) -> None:
    code = {"qwen": "Throttling.RateQuota", "glm": "1302"}[provider]
    failing = answer(provider, stream=True, content="", error=_fake_error(code))
    loopback.enqueue(failing, answer(provider, stream=True, content="streamed fine"))
    seen, result = call(kind, provider, loopback, stream=True)
    assert not isinstance(result, Exception), repr(result)
    assert "".join(seen) == "streamed fine"
    assert result.choices[0].message.content == "streamed fine"
    assert result.usage is not None
    assert len(loopback.requests) == 2


def _fake_error(code: str) -> Any:
    from llmswitch.testing import FakeError

    return FakeError(429, code, "slow down", in_body=True)


@pytest.mark.parametrize("kind", KINDS)
def test_qwen_stream_over_sockets_reports_one_final_usage(
    kind: str, loopback: LoopbackServer
) -> None:
    loopback.enqueue(sse_action("native_chat_stream_incremental.response.sse", "qwen"))
    seen, result = call(kind, "qwen", loopback, stream=True)
    assert "".join(seen) == "你好！我是通义千问。"
    assert result.usage.total_tokens == 15
    assert loopback.requests[0].headers["x-dashscope-sse"] == "enable"
