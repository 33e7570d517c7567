"""The transport against a real server on 127.0.0.1: retries, waits, faults, streams, fallback.

Every case runs through the sync and the async client; waits are recorded, not slept.
"""

from __future__ import annotations

import json
import logging
import socket
from typing import Any

import pytest
from helpers_loopback import Recorder, answer, run

from llmswitch import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    QuotaExceededError,
    RateLimitError,
)
from llmswitch.testing import Action, LoopbackServer

KINDS = ["sync", "async"]
MODEL = "openai/gpt-4o-mini"


def cfg(server: LoopbackServer, **extra: Any) -> dict[str, Any]:
    return {"providers": {"openai": {"api_key": "sk-loopback-secret", "base_url": server.url}},
            **extra}  # fmt: skip


def error(status: int, code: str, headers: dict[str, str] | None = None) -> Action:
    body = b'{"error": {"message": "m", "type": "t", "param": null, "code": "%s"}}' % code.encode()
    return Action(status=status, headers={"content-type": "application/json", **(headers or {})},
                  body=body)  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_429_with_retry_after_waits_that_long_then_succeeds(
    kind: str, loopback: LoopbackServer
) -> None:
    loopback.enqueue(
        error(429, "rate_limit_exceeded", {"retry-after": "1.5"}), answer(content="ok")
    )
    rec = Recorder()
    result = run(kind, cfg(loopback), rec, model=MODEL)
    assert result.choices[0].message.content == "ok"
    assert len(loopback.requests) == 2
    assert rec.waits == [1.5]


@pytest.mark.parametrize("kind", KINDS)
def test_retry_after_ms_is_preferred(kind: str, loopback: LoopbackServer) -> None:
    loopback.enqueue(
        error(429, "rate_limit_exceeded", {"retry-after-ms": "250", "retry-after": "9"}),
        answer(content="ok"),
    )
    rec = Recorder()
    run(kind, cfg(loopback), rec, model=MODEL)
    assert rec.waits == [0.25]


@pytest.mark.parametrize("kind", KINDS)
def test_500_twice_then_success_uses_exponential_backoff(
    kind: str, loopback: LoopbackServer
) -> None:
    loopback.enqueue(error(500, "server_error"), error(502, "x"), answer(content="fine"))
    rec = Recorder()
    result = run(kind, cfg(loopback), rec, model=MODEL)
    assert result.choices[0].message.content == "fine"
    assert len(loopback.requests) == 3
    assert rec.waits == [0.5, 1.0]


@pytest.mark.parametrize("kind", KINDS)
def test_5xx_burst_longer_than_budget_raises_after_three_attempts(
    kind: str, loopback: LoopbackServer
) -> None:
    loopback.enqueue(*[error(503, "overloaded") for _ in range(3)])
    result = run(kind, cfg(loopback), Recorder(), model=MODEL)
    assert isinstance(result, InternalServerError)
    assert result.status_code == 503
    assert len(loopback.requests) == 3


@pytest.mark.parametrize("kind", KINDS)
def test_quota_429_is_raised_at_once(kind: str, loopback: LoopbackServer) -> None:
    loopback.enqueue(error(429, "insufficient_quota"), answer())
    rec = Recorder()
    result = run(kind, cfg(loopback), rec, model=MODEL)
    assert isinstance(result, QuotaExceededError)
    assert len(loopback.requests) == 1
    assert rec.waits == []


@pytest.mark.parametrize("kind", KINDS)
def test_retry_after_above_cap_is_not_waited_for(kind: str, loopback: LoopbackServer) -> None:
    # As openai-python: a Retry-After above the cap (120 s) is not waited for and not retried.
    loopback.enqueue(error(429, "rate_limit_exceeded", {"retry-after": "600"}), answer())
    result = run(kind, cfg(loopback), Recorder(), model=MODEL)
    assert isinstance(result, RateLimitError)
    assert result.retry_after == 600
    assert len(loopback.requests) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_retry_after_within_the_cap_is_waited_for(kind: str, loopback: LoopbackServer) -> None:
    loopback.enqueue(error(429, "rate_limit_exceeded", {"retry-after": "90"}), answer())
    recorder = Recorder()
    result = run(kind, cfg(loopback), recorder, model=MODEL)
    assert result.choices[0].message.content
    assert recorder.waits == [90.0]


@pytest.mark.parametrize("kind", KINDS)
def test_retry_after_above_cap_moves_a_fallback_chain_on(
    kind: str, loopback: LoopbackServer
) -> None:
    # A fallback target exists: the long wait is not taken, the next target answers.
    loopback.enqueue(error(429, "rate_limit_exceeded", {"retry-after": "600"}), answer())
    config = cfg(loopback)
    config["aliases"] = {"chain": [f"openai/{MODEL}", f"openai/{MODEL}-backup"]}
    recorder = Recorder()
    result = run(kind, config, recorder, model="chain")
    assert result.choices[0].message.content
    assert recorder.waits == []
    assert len(loopback.requests) == 2
    assert json.loads(loopback.requests[1].body)["model"] == f"{MODEL}-backup"


@pytest.mark.parametrize("kind", KINDS)
def test_x_should_retry_false_overrides_status(kind: str, loopback: LoopbackServer) -> None:
    loopback.enqueue(error(500, "server_error", {"x-should-retry": "false"}), answer())
    result = run(kind, cfg(loopback), Recorder(), model=MODEL)
    assert isinstance(result, InternalServerError)
    assert len(loopback.requests) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_connection_reset_before_headers_is_retried(kind: str, loopback: LoopbackServer) -> None:
    loopback.enqueue(Action(reset_before_headers=True), answer(content="after reset"))
    result = run(kind, cfg(loopback), Recorder(), model=MODEL)
    assert result.choices[0].message.content == "after reset"
    assert len(loopback.requests) == 2


@pytest.mark.parametrize("kind", KINDS)
def test_read_timeout_is_a_typed_error_after_retries(kind: str, loopback: LoopbackServer) -> None:
    loopback.enqueue(*[Action(delay=0.6, body=b"{}") for _ in range(3)])
    result = run(kind, cfg(loopback), Recorder(), model=MODEL, timeout=0.15)
    assert isinstance(result, APITimeoutError)
    assert len(loopback.requests) == 3


@pytest.mark.parametrize("kind", KINDS)
def test_connection_refused_is_a_connection_error(kind: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = {"providers": {"openai": {"api_key": "sk-x", "base_url": f"http://127.0.0.1:{port}"}}}
    rec = Recorder()
    result = run(kind, config, rec, model=MODEL)
    assert isinstance(result, APIConnectionError)
    assert len(rec.waits) == 2


@pytest.mark.parametrize("kind", KINDS)
def test_stream_is_retried_before_its_first_byte(kind: str, loopback: LoopbackServer) -> None:
    loopback.enqueue(error(503, "overloaded"), answer(stream=True, content="streamed reply"))
    chunks, final = run(kind, cfg(loopback), Recorder(), model=MODEL, stream=True)
    assert final.choices[0].message.content == "streamed reply"
    assert final.usage.total_tokens == 15
    assert len(loopback.requests) == 2
    assert len(chunks) > 3


@pytest.mark.parametrize("kind", KINDS)
def test_stream_cut_midway_raises_and_is_not_retried(kind: str, loopback: LoopbackServer) -> None:
    action = answer(stream=True, content="one two three four five six")
    action.reset_after_chunks = 3
    loopback.enqueue(action, answer(stream=True))
    result = run(kind, cfg(loopback), Recorder(), model=MODEL, stream=True)
    assert isinstance(result, APIConnectionError)
    assert len(loopback.requests) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_stream_without_done_marker_raises(kind: str, loopback: LoopbackServer) -> None:
    action = answer(stream=True, content="a b c")
    assert action.chunks is not None
    action.chunks = [c for c in action.chunks if b"[DONE]" not in c]
    loopback.enqueue(action)
    result = run(kind, cfg(loopback), Recorder(), model=MODEL, stream=True)
    assert isinstance(result, APIConnectionError)
    assert "end marker" in str(result)


@pytest.mark.parametrize("kind", KINDS)
def test_error_event_mid_stream_raises_typed_error(kind: str, loopback: LoopbackServer) -> None:
    chunks = [
        b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",'
        b'"choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\n',
        b'data: {"error":{"message":"overloaded","type":"server_error","code":null}}\n\n',
    ]
    headers = {"content-type": "text/event-stream"}
    loopback.enqueue(Action(headers=headers, chunks=chunks))
    result = run(kind, cfg(loopback), Recorder(), model=MODEL, stream=True)
    assert isinstance(result, InternalServerError)
    assert result.message == "overloaded"
    assert len(loopback.requests) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_fallback_chain_answers_from_second_target(kind: str) -> None:
    with LoopbackServer() as down, LoopbackServer() as up:
        down.enqueue(*[error(503, "overloaded") for _ in range(3)])
        up.enqueue(answer(provider="deepseek", content="from deepseek"))
        config = {
            "providers": {
                "openai": {"api_key": "sk-a", "base_url": down.url},
                "deepseek": {"api_key": "sk-b", "base_url": up.url},
            },
            "aliases": {"gpt-4o": ["openai/gpt-4o", "deepseek/deepseek-chat"]},
        }
        result = run(kind, config, Recorder(), model="gpt-4o")
        assert result.choices[0].message.content == "from deepseek"
        assert result.provider == "deepseek"
        assert len(down.requests) == 3
        assert up.requests[0].body.find(b'"deepseek-chat"') > 0


@pytest.mark.parametrize("kind", KINDS)
def test_fallback_chain_all_failing_carries_every_attempt(kind: str) -> None:
    with LoopbackServer() as one, LoopbackServer() as two:
        one.enqueue(*[error(500, "server_error") for _ in range(3)])
        two.enqueue(error(429, "insufficient_quota"))
        config = {
            "providers": {
                "openai": {"api_key": "sk-a", "base_url": one.url},
                "moonshot": {"api_key": "sk-b", "base_url": two.url},
            },
            "aliases": {"chat": ["openai/gpt-4o", "moonshot/moonshot-v1-8k"]},
        }
        result = run(kind, config, Recorder(), model="chat")
        assert isinstance(result, QuotaExceededError)
        assert [type(e).__name__ for e in result.attempts] == ["InternalServerError"]
        assert "after fallback" in str(result)


@pytest.mark.parametrize("kind", KINDS)
def test_bad_request_does_not_fall_back(kind: str) -> None:
    with LoopbackServer() as one, LoopbackServer() as two:
        one.enqueue(error(400, "invalid_value"))
        config = {
            "providers": {
                "openai": {"api_key": "sk-a", "base_url": one.url},
                "moonshot": {"api_key": "sk-b", "base_url": two.url},
            },
            "aliases": {"chat": ["openai/gpt-4o", "moonshot/moonshot-v1-8k"]},
        }
        result = run(kind, config, Recorder(), model="chat")
        assert type(result).__name__ == "BadRequestError"
        assert two.requests == []


def test_each_retry_logs_one_debug_line_without_secrets(
    loopback: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    loopback.enqueue(error(500, "server_error"), error(429, "rate_limit_exceeded"), answer())
    with caplog.at_level(logging.DEBUG, logger="llmswitch"):
        run("sync", cfg(loopback), Recorder(), model=MODEL)
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("retrying")]
    assert len(lines) == 2
    assert "openai" in lines[0] and "500" in lines[0] and "0.500s" in lines[0]
    assert "RateLimitError" in lines[1] and "429" in lines[1]
    assert all("sk-loopback-secret" not in r.getMessage() for r in caplog.records)
