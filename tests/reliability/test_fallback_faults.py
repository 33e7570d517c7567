"""Fallback chains under faults, over real sockets: a chain whose first target is down answers
from the second; a chain whose every target fails raises the last error carrying every attempt."""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

import pytest
from faults import (
    CONTENT,
    KINDS,
    MODELS,
    PROVIDERS,
    FaultServer,
    Native,
    Recorder,
    call,
    dead_url,
    provider_config,
    secret_strings,
)

from llmswitch import APIError
from llmswitch.testing import Action
from llmswitch.types import ChatCompletion

PAIRS = [(PROVIDERS[i], PROVIDERS[(i + 1) % len(PROVIDERS)]) for i in range(len(PROVIDERS))]


def chain_config(urls: dict[str, str]) -> dict[str, Any]:
    return {
        "providers": {p: provider_config(p, url) for p, url in urls.items()},
        "aliases": {"chain": [MODELS[p] for p in urls]},
    }


@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[f"{a}-then-{b}" for a, b in PAIRS])
def test_chain_whose_first_target_is_down_answers_from_the_second(
    first: str, second: str, kind: str, stream: bool
) -> None:
    with FaultServer() as up:
        up.script(Native(second).ok(stream))
        recorder = Recorder()
        config = chain_config({first: dead_url(), second: up.url})
        result = call(kind, config, recorder, model="chain", stream=stream)
    answer = result.value
    assert isinstance(answer, ChatCompletion), repr(answer)
    assert answer.provider == second
    assert answer.choices[0].message.content == CONTENT
    assert recorder.waits == [0.5, 1.0]  # the first target was retried before moving on
    assert len(up.chat_requests) == 1
    assert result.idle


# Every target fails differently; each error is one that moves a chain on.
FAILURES: dict[str, tuple[str, str]] = {
    "openai": ("5xx", "InternalServerError"),
    "qwen": ("quota", "QuotaExceededError"),
    "glm": ("refused", "APIConnectionError"),
    "ernie": ("rate", "RateLimitError"),
    "sensenova": ("malformed", "APIResponseValidationError"),
}


def _failing(provider: str, how: str, stream: bool) -> list[Action]:
    native = Native(provider)
    if how == "5xx":
        return [native.error("server", status=s) for s in (500, 502, 503)]
    if how == "quota":
        return [native.error("quota")]
    if how == "rate":
        return [native.error("rate", headers={"retry-after": "0.25"}) for _ in range(3)]
    if how == "malformed":
        if stream:  # the first SSE event is cut: nothing reached the caller yet
            first = native.frames()[0]
            return [native.stream_action([first[: first.index(b"{") + 12] + b"\n\n"])]
        ok = native.ok(False)
        return [Action(headers=dict(ok.headers), body=ok.body[:20])]
    return []


@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
@pytest.mark.parametrize("kind", KINDS)
def test_chain_whose_every_target_fails_carries_every_attempt(kind: str, stream: bool) -> None:
    with ExitStack() as stack:
        urls: dict[str, str] = {}
        servers: dict[str, FaultServer] = {}
        for provider, (how, _) in FAILURES.items():
            if how == "refused":
                urls[provider] = dead_url()
                continue
            server = stack.enter_context(FaultServer())
            server.script(*_failing(provider, how, stream))
            servers[provider] = server
            urls[provider] = server.url
        recorder = Recorder()
        result = call(kind, chain_config(urls), recorder, model="chain", stream=stream)
    error = result.value
    assert isinstance(error, APIError), repr(error)
    names = [type(e).__name__ for e in [*error.attempts, error]]
    assert names == [cls for _, cls in FAILURES.values()]
    assert [e.provider for e in [*error.attempts, error]] == list(FAILURES)
    assert error.provider == "sensenova"
    text = str(error)
    assert "after fallback" in text
    for provider in FAILURES:
        assert provider in text
    for secret in secret_strings():
        assert secret not in text and secret not in repr(error)
    # openai: 3 attempts (0.5, 1.0); qwen quota: 1; glm refused: 3 (0.5, 1.0); ernie rate
    # limit with Retry-After 0.25: 3 (0.25, 0.25); sensenova malformed: 1.
    assert recorder.waits == [0.5, 1.0, 0.5, 1.0, 0.25, 0.25]
    assert len(servers["openai"].chat_requests) == 3
    assert len(servers["qwen"].chat_requests) == 1
    assert len(servers["ernie"].chat_requests) == 3
    assert len(servers["sensenova"].chat_requests) == 1
    assert result.idle


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_stream_answered_by_malformed_200_json_is_a_validation_error(
    provider: str, kind: str
) -> None:
    ok = Native(provider).ok(False)
    with FaultServer() as server:
        server.script(Action(headers=dict(ok.headers), body=ok.body[:20]))
        result = call(kind, {"providers": {provider: provider_config(provider, server.url)}},
                      Recorder(), model=MODELS[provider], stream=True)  # fmt: skip
    assert type(result.value).__name__ == "APIResponseValidationError", repr(result.value)
    assert result.idle
