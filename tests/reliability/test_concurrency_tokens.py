"""500 concurrent async calls over a pool of 40 connections with a share of faults: every call is
answered or fails with a typed error, every attempt is accounted for on the server, the pool
ends idle, and the calls share one credential: one OAuth token fetch (ERNIE v1), one JWT
signature (GLM, SenseNova). The soak variant (``-m soak``) runs 5000 calls per provider."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import Counter
from typing import Any

import httpx
import pytest
from faults import MODELS, FaultServer, Native, Recorder, pool_idle, provider_config

from llmswitch import APIError, AsyncClient, QuotaExceededError
from llmswitch.testing import Action, RecordedRequest
from llmswitch.types import ChatCompletion

HI = [{"role": "user", "content": "hi"}]


class Mixed:
    """Answers by arrival order: 1 in 50 quota (not retried), 1 in 7 a 503 burst, 1 in 11 a reset
    before headers (both retried), 1 in 13 a rate-limit error inside a 200 body; else OK."""

    def __init__(self, provider: str) -> None:
        native = Native(provider)
        self.ok = {False: native.ok(False), True: native.ok(True)}
        self.quota = native.error("quota")
        self.busy = native.error("server", status=503)
        self.in_body = native.error("rate", status=200)
        self.reset = Action(reset_before_headers=True)
        self.count = 0
        self.lock = threading.Lock()

    def __call__(self, request: RecordedRequest) -> Action:
        with self.lock:
            self.count += 1
            n = self.count
        if n % 50 == 0:
            return self.quota
        if n % 7 == 0:
            return self.busy
        if n % 11 == 0:
            return self.reset
        if n % 13 == 0:
            return self.in_body
        stream = json.loads(request.body or b"{}").get("stream") is True or (
            request.headers.get("x-dashscope-sse") == "enable"
        )
        return self.ok[stream]


async def _one(client: AsyncClient, model: str, stream: bool) -> ChatCompletion:
    if not stream:
        return await client.chat.completions.create(model=model, messages=HI)
    s = await client.chat.completions.create(model=model, messages=HI, stream=True)
    async with s:
        return await s.get_final_completion()


def fan_out(provider: str, calls: int, *, connections: int = 40) -> dict[str, Any]:
    handler = Mixed(provider)
    with FaultServer(handler, token_delay=0.3) as server:
        recorder = Recorder()

        async def main() -> dict[str, Any]:
            limits = httpx.Limits(max_connections=connections, max_keepalive_connections=10)
            async with httpx.AsyncClient(limits=limits) as http:
                config = {"providers": {provider: provider_config(provider, server.url)}}
                async with AsyncClient(
                    config, http_client=http, retry_policy=recorder.policy
                ) as client:
                    results = await asyncio.gather(
                        *[_one(client, MODELS[provider], i % 4 == 0) for i in range(calls)],
                        return_exceptions=True,
                    )
                    return {
                        "results": results,
                        "idle": pool_idle(http),
                        "auth": client.adapter(provider).auth,
                    }

        started = time.monotonic()
        out = asyncio.run(main())
        out["elapsed"] = time.monotonic() - started
        out["requests"] = server.chat_requests
        out["tokens"] = server.token_fetches
        out["waits"] = recorder.waits
    return out


def _check(out: dict[str, Any], calls: int) -> Counter[str]:
    results = out["results"]
    kinds = Counter(type(r).__name__ for r in results)
    answered = sum(1 for r in results if isinstance(r, ChatCompletion))
    errors = [r for r in results if isinstance(r, BaseException)]
    assert answered + len(errors) == calls == len(results)
    assert all(isinstance(e, APIError) for e in errors), [repr(e) for e in errors[:3]]
    assert any(isinstance(e, QuotaExceededError) for e in errors), kinds
    assert answered >= calls * 0.9, kinds
    # every attempt reached the server: one per call plus one per retry (one wait each)
    assert len(out["requests"]) == calls + len(out["waits"])
    assert out["idle"], "a connection was left busy"
    return kinds


@pytest.mark.parametrize("provider", ["ernie", "glm", "sensenova", "openai"])
def test_500_concurrent_calls_with_faults_share_one_credential(provider: str) -> None:
    out = fan_out(provider, 500)
    _check(out, 500)
    assert out["elapsed"] < 90
    if provider == "ernie":
        assert out["tokens"] == 1  # one OAuth token fetch among the 500
        assert out["auth"].fetches == 1
    if provider == "glm":
        signed = {r.headers["authorization"] for r in out["requests"]}
        assert len(signed) == 1  # one JWT signed and shared (renewed only after 180 s)
    if provider == "sensenova":
        assert out["auth"].mints == 1


@pytest.mark.soak
@pytest.mark.parametrize("provider", ["ernie", "glm", "sensenova", "openai", "qwen"])
def test_soak_5000_concurrent_calls(provider: str) -> None:
    out = fan_out(provider, 5000, connections=100)
    _check(out, 5000)
    if provider == "ernie":
        assert out["tokens"] == 1
