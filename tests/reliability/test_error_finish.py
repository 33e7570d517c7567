"""Issue 14 item 1: an ``error`` object beside ``choices`` (OpenRouter-style gateways when the
upstream fails mid-answer), ``finish_reason: "error"`` and GLM's ``network_error`` raise a typed
error on every OpenAI-shaped wire, streamed or not, sync and async; an unknown finish reason
passes through as sent, never as ``stop``. Real sockets on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from fault_server import Recorder
from helpers_bounded import bounded

from llmswitch import APIError, APIStatusError, AsyncClient, Client
from llmswitch.testing import Action, LoopbackServer

KINDS = ("sync", "async")

# provider table (OpenAI wire, Qianfan v2, DashScope compatible, GLM v4) -> model string
WIRES: dict[str, tuple[dict[str, Any], str]] = {
    "openai": ({"api_key": "sk-test-error-finish-1"}, "openai/gpt-4o-mini"),
    "deepseek": ({"api_key": "sk-test-error-finish-2"}, "deepseek/deepseek-chat"),
    "ernie": ({"api_key": "bce-v3/test-error-finish", "api": "compatible"}, "ernie/ernie-4.0"),
    "qwen": ({"api_key": "sk-test-error-finish-3", "api": "compatible"}, "qwen/qwen-plus"),
    "glm": ({"api_key": "glmid.glm-test-error-finish"}, "glm/glm-4-flash"),
}


def _chunk(content: str | None, finish: str | None, **extra: Any) -> bytes:
    body = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "m",
            "choices": [{"index": 0, "delta": {"content": content} if content else {},
                         "finish_reason": finish}], **extra}  # fmt: skip
    return b"data: " + json.dumps(body).encode() + b"\n\n"


def _body(content: str, finish: str, **extra: Any) -> bytes:
    return json.dumps(
        {
            "id": "r1",
            "object": "chat.completion",
            "created": 1,
            "model": "m",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": finish,
                }
            ],
            **extra,
        }
    ).encode()


UPSTREAM = {"code": 502, "message": "upstream provider failed mid-stream"}
SSE = {"content-type": "text/event-stream"}


def _stream(frames: list[bytes]) -> Action:
    return Action(headers=SSE, chunks=[*frames, b"data: [DONE]\n\n"])


def _config(provider: str, url: str) -> tuple[dict[str, Any], str]:
    table, model = WIRES[provider]
    path = {"ernie": "/v2", "qwen": "/compatible-mode/v1", "glm": "/api/paas/v4"}.get(
        provider, "/v1"
    )
    return {"providers": {provider: {**table, "base_url": url + path}}}, model


def _call(kind: str, cfg: dict[str, Any], model: str, stream: bool) -> tuple[Any, int]:
    """(answer or exception, chunks received before it)."""
    seen = 0
    recorder = Recorder(max_retries=0)
    msgs = [{"role": "user", "content": "hi"}]
    if kind == "sync":
        with Client(cfg, retry_policy=recorder.policy) as client:
            try:
                if not stream:
                    return client.chat.completions.create(model=model, messages=msgs), 0
                with client.chat.completions.create(model=model, messages=msgs, stream=True) as s:
                    for _ in s:
                        seen += 1
                    return s.get_final_completion(), seen
            except Exception as exc:
                return exc, seen

    async def main() -> tuple[Any, int]:
        nonlocal seen
        async with AsyncClient(cfg, retry_policy=recorder.policy) as client:
            try:
                if not stream:
                    return await client.chat.completions.create(model=model, messages=msgs), 0
                s = await client.chat.completions.create(model=model, messages=msgs, stream=True)
                async with s:
                    async for _ in s:
                        seen += 1
                    return await s.get_final_completion(), seen
            except Exception as exc:
                return exc, seen

    return asyncio.run(main())


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("provider", list(WIRES))
def test_error_object_beside_choices_in_a_stream_raises(provider: str, kind: str) -> None:
    frames = [_chunk("half an ans", None), _chunk("wer", "error", error=UPSTREAM)]
    with LoopbackServer() as server:
        server.enqueue(_stream(frames))
        cfg, model = _config(provider, server.url)
        value, seen = bounded(lambda: _call(kind, cfg, model, True))
    assert isinstance(value, APIError), f"half an answer accepted as complete: {value!r}"
    assert seen == 1 and value.provider == provider
    assert "upstream provider failed" in str(value) or value.code == "error"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("provider", list(WIRES))
def test_error_object_beside_choices_in_a_200_body_raises(provider: str, kind: str) -> None:
    body = _body("half an answer", "stop", error=UPSTREAM)
    with LoopbackServer() as server:
        server.enqueue(Action(body=body))
        cfg, model = _config(provider, server.url)
        value, _ = bounded(lambda: _call(kind, cfg, model, False))
    assert isinstance(value, APIStatusError), repr(value)
    assert value.status_code == 200 and "upstream provider failed" in str(value)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("provider", "reason"), [("openai", "error"), ("glm", "network_error")])
@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
def test_error_finish_reason_raises(provider: str, reason: str, stream: bool, kind: str) -> None:
    with LoopbackServer() as server:
        if stream:
            server.enqueue(_stream([_chunk("half", None), _chunk(None, reason)]))
        else:
            server.enqueue(Action(body=_body("half", reason)))
        cfg, model = _config(provider, server.url)
        value, _ = bounded(lambda: _call(kind, cfg, model, stream))
    assert isinstance(value, APIStatusError), f"{reason!r} was accepted: {value!r}"
    assert value.code == reason and value.status_code == 200


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
def test_unknown_finish_reason_passes_through_never_as_stop(stream: bool, kind: str) -> None:
    with LoopbackServer() as server:
        if stream:
            server.enqueue(_stream([_chunk("all", None), _chunk(None, "guardrail_intervened")]))
        else:
            server.enqueue(Action(body=_body("all", "guardrail_intervened")))
        cfg, model = _config("openai", server.url)
        value, _ = bounded(lambda: _call(kind, cfg, model, stream))
    assert not isinstance(value, Exception), repr(value)
    assert value.choices[0].finish_reason == "guardrail_intervened"
