"""Issue 14 items 6 and 7: ``timeout`` (a float) is a deadline (DESIGN section 5) for a
non-stream attempt and for each wait for a stream chunk, keep-alive comments included; an
``httpx.Timeout`` keeps httpx's per-operation meaning; a hanging OAuth token endpoint makes
every waiting caller fail within its own deadline, with one fetch on the wire. Real sockets on
127.0.0.1, sync and async."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest
from faults import MODELS, FaultServer, Native, config
from helpers_bounded import bounded

from llmswitch import APIConnectionError, APIError, APITimeoutError, AsyncClient, Client
from llmswitch.testing import Action

HI = [{"role": "user", "content": "hi"}]


def _drip(native: Native, every: float) -> Action:
    ok = native.ok(False)
    pieces = [ok.body[i : i + 2] for i in range(0, len(ok.body), 2)]
    return Action(status=200, headers=dict(ok.headers), chunks=pieces, chunk_delay=every)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_dripping_body_ends_within_the_deadline_plus_one_read(kind: str) -> None:
    """Each read returns within the read timeout, so httpx alone never times out: the
    call used to last as long as the server liked (a byte a second: forever)."""
    native = Native("openai")
    with FaultServer() as server:
        server.script(_drip(native, 0.05))  # ~200 pieces: 10 s if nothing stops it
        cfg = config("openai", server.url)

        def run() -> tuple[object, float]:
            start = time.monotonic()
            if kind == "sync":
                with Client(cfg, max_retries=0, timeout=0.5) as client:
                    try:
                        client.chat.completions.create(model=MODELS["openai"], messages=HI)
                    except APIError as exc:
                        return exc, time.monotonic() - start
                return None, time.monotonic() - start

            async def main() -> object:
                async with AsyncClient(cfg, max_retries=0, timeout=0.5) as client:
                    try:
                        await client.chat.completions.create(model=MODELS["openai"], messages=HI)
                    except APIError as exc:
                        return exc
                return None

            value = asyncio.run(main())
            return value, time.monotonic() - start

        error, elapsed = bounded(run)
    assert isinstance(error, APITimeoutError), error
    assert elapsed < 1.5, f"the call took {elapsed:.2f} s with timeout=0.5"


def test_an_httpx_timeout_keeps_its_per_operation_meaning() -> None:
    """apply_timeout: a float is a deadline, an httpx.Timeout is not (each read waits at most
    its read timeout, and a slow body that keeps reading is fine)."""
    from llmswitch._transport import RetryPolicy, apply_timeout, read_sync, sync_send

    native = Native("openai")
    with FaultServer() as server, Client(config("openai", server.url)) as client:
        adapter = client.adapter("openai")
        for value, outcome in ((httpx.Timeout(0.5), "answer"), (0.5, "APITimeoutError")):
            server.reset().script(_drip(native, 0.02))  # ~4-6 s of dripping, 0.02 s a read
            request = httpx.Request("POST", server.url + "/v1/chat/completions", json={})
            apply_timeout(request, value)

            def handle(response: httpx.Response) -> bytes:
                read_sync(response, "openai")
                return response.content

            try:
                body = bounded(
                    lambda r=request: sync_send(client.http, adapter, r, handle, RetryPolicy(0))
                )
                result = "answer" if b"chat.completion" in body else repr(body)
            except APIError as exc:
                result = type(exc).__name__
            assert result == outcome, (value, result)


def test_token_fetch_is_shared_and_each_waiter_keeps_its_deadline() -> None:
    """The token fetch ran under a lock: with the endpoint hanging, caller k failed after
    k x timeout and each caller sent its own fetch. Now one fetch is in flight and every
    caller fails within its own deadline."""
    with FaultServer(token_delay=3.0) as server:
        cfg = config("ernie", server.url)
        with Client(cfg, max_retries=0, timeout=0.5) as client:
            results: list[tuple[object, float]] = []
            lock = threading.Lock()

            def one() -> None:
                start = time.monotonic()
                try:
                    client.chat.completions.create(model=MODELS["ernie"], messages=HI)
                    value: object = None
                except APIError as exc:
                    value = exc
                with lock:
                    results.append((value, time.monotonic() - start))

            threads = [threading.Thread(target=one, daemon=True) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(20)
            assert not any(t.is_alive() for t in threads), "a caller hangs"
        fetches = server.token_fetches
    assert len(results) == 4
    for value, elapsed in results:
        assert isinstance(value, (APITimeoutError, APIConnectionError)), value
        assert elapsed < 1.5, f"a caller waited {elapsed:.2f} s with timeout=0.5 (convoy)"
    assert fetches == 1, f"{fetches} token fetches for one missing token"


def test_async_waiters_share_the_fetch_and_get_the_token() -> None:
    with FaultServer(Native("ernie").ok(False), token_delay=0.3) as server:
        cfg = config("ernie", server.url)

        async def main() -> list[object]:
            async with AsyncClient(cfg, max_retries=0, timeout=5.0) as client:
                calls = [
                    client.chat.completions.create(model=MODELS["ernie"], messages=HI)
                    for _ in range(6)
                ]
                return await asyncio.gather(*calls, return_exceptions=True)

        results = bounded(lambda: asyncio.run(main()))
        assert server.token_fetches == 1
    assert all(not isinstance(r, Exception) for r in results), results


def test_async_token_waiters_keep_their_deadline() -> None:
    with FaultServer(token_delay=3.0) as server:
        cfg = config("ernie", server.url)

        async def main() -> list[tuple[object, float]]:
            async with AsyncClient(cfg, max_retries=0, timeout=0.5) as client:

                async def one() -> tuple[object, float]:
                    start = time.monotonic()
                    try:
                        await client.chat.completions.create(model=MODELS["ernie"], messages=HI)
                    except APIError as exc:
                        return exc, time.monotonic() - start
                    return None, time.monotonic() - start

                return await asyncio.gather(*[one() for _ in range(4)])

        results = bounded(lambda: asyncio.run(main()))
        fetches = server.token_fetches
    for value, elapsed in results:
        assert isinstance(value, (APITimeoutError, APIConnectionError)), value
        assert elapsed < 1.5, f"a caller waited {elapsed:.2f} s with timeout=0.5"
    assert fetches == 1
