"""Baidu OAuth over real sockets: one token fetch for many concurrent first calls (threads and
asyncio), cached until near expiry, and "token expired" inside a 200 body refreshed once."""

from __future__ import annotations

import asyncio
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, urlsplit

import pytest

from llmswitch import AsyncClient, Client, RetryPolicy, errors
from llmswitch.testing import Action, LoopbackServer, RecordedRequest

CHAT_OK = {
    "id": "as-ok",
    "object": "chat.completion",
    "created": 1735689600,
    "result": "好的。",
    "is_truncated": False,
    "need_clear_history": False,
    "finish_reason": "normal",
    "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
}
HELLO = [{"role": "user", "content": "你好"}]


async def _no_sleep(_: float) -> None:
    return None


def _policy() -> RetryPolicy:
    return RetryPolicy(2, sleep=lambda s: None, async_sleep=_no_sleep)


def _json(payload: object, delay: float = 0.0) -> Action:
    return Action(body=json.dumps(payload).encode(), delay=delay)


class BaiduServer:
    """Handler for LoopbackServer: issues numbered tokens, answers chats, can refuse a token."""

    def __init__(self, token_delay: float = 0.0) -> None:
        self.token_delay = token_delay
        self.issued = 0
        self.refused: set[str] = set()
        self.lock = threading.Lock()

    def __call__(self, request: RecordedRequest) -> Action:
        parts = urlsplit(request.path)
        query = parse_qs(parts.query)
        if parts.path == "/oauth/2.0/token":
            assert query["grant_type"] == ["client_credentials"]
            with self.lock:
                self.issued += 1
                token = f"24.token-{self.issued}.2592000.0.0-1"
            return _json({"access_token": token, "expires_in": 2592000}, self.token_delay)
        token = query["access_token"][0]
        if token in self.refused:
            return _json({"error_code": 111, "error_msg": "Access token expired"})
        return _json(CHAT_OK)


def _config(url: str) -> dict[str, object]:
    return {
        "providers": {
            "ernie": {"access_key": "loop-ak", "secret_key": "loop-sk-secret", "base_url": url}
        }
    }


def _chat_paths(server: LoopbackServer) -> list[str]:
    return [r.path for r in server.requests if not r.path.startswith("/oauth")]


def test_expired_token_in_200_body_refreshes_once_and_replays() -> None:
    baidu = BaiduServer()
    with (
        LoopbackServer(handler=baidu) as server,
        Client(_config(server.url), retry_policy=_policy()) as client,
    ):
        first = client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
        assert first.choices[0].message.content == "好的。"
        assert baidu.issued == 1
        baidu.refused.add("24.token-1.2592000.0.0-1")  # the server now calls it expired
        second = client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
        assert second.choices[0].message.content == "好的。"
        assert baidu.issued == 2
        paths = [r.path.split("?")[0] for r in server.requests]
        assert paths == [
            "/oauth/2.0/token",
            *["/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions"] * 2,
            "/oauth/2.0/token",
            "/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions",
        ]
        assert "token-2" in server.requests[-1].path
        third = client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
        assert third.choices[0].message.content and baidu.issued == 2


def test_token_refused_twice_raises_authentication_error_after_one_refresh() -> None:
    baidu = BaiduServer()
    baidu.refused.update({"24.token-1.2592000.0.0-1", "24.token-2.2592000.0.0-1"})
    with (  # noqa: SIM117
        LoopbackServer(handler=baidu) as server,
        Client(_config(server.url), retry_policy=_policy()) as client,
    ):
        with pytest.raises(errors.AuthenticationError) as info:
            client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
    assert baidu.issued == 2
    assert info.value.code == "111"
    assert "token-2" not in str(info.value)


def test_expired_token_on_a_stream_request_refreshes_and_streams() -> None:
    baidu = BaiduServer()
    sse = (
        'data: {"id":"as-s","result":"好","sentence_id":0,"is_end":false}\n\n'
        'data: {"id":"as-s","result":"","sentence_id":1,"is_end":true,'
        '"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}\n\n'
    ).encode()

    def handler(request: RecordedRequest) -> Action:
        action = baidu(request)
        streaming = json.loads(request.body or b"{}").get("stream")
        if streaming and b"error_code" not in action.body:
            chunks = [e + b"\n\n" for e in sse.split(b"\n\n") if e]
            return Action(headers={"content-type": "text/event-stream"}, chunks=chunks)
        return action

    baidu.refused.add("24.token-1.2592000.0.0-1")
    with LoopbackServer(handler=handler) as server, Client(_config(server.url)) as client:  # noqa: SIM117
        with client.chat.completions.create(
            model="ernie/ERNIE-Speed-8K", messages=HELLO, stream=True
        ) as stream:
            final = stream.get_final_completion()
    assert final.choices[0].message.content == "好"
    assert baidu.issued == 2


def test_twenty_concurrent_first_calls_fetch_one_token_sync() -> None:
    baidu = BaiduServer(token_delay=0.3)
    with (
        LoopbackServer(handler=baidu) as server,
        Client(_config(server.url), retry_policy=_policy()) as client,
    ):
        client.adapter("ernie")  # built once, then shared by the threads
        barrier = threading.Barrier(20)

        def call(_: int) -> str | None:
            barrier.wait()
            return (
                client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
                .choices[0]
                .message.content
            )

        with ThreadPoolExecutor(20) as pool:
            results = list(pool.map(call, range(20)))
    assert results == ["好的。"] * 20
    assert baidu.issued == 1
    assert len(_chat_paths(server)) == 20


async def test_twenty_concurrent_first_calls_fetch_one_token_async() -> None:
    baidu = BaiduServer(token_delay=0.3)
    with LoopbackServer(handler=baidu) as server:
        async with AsyncClient(_config(server.url), retry_policy=_policy()) as client:
            results = await asyncio.gather(
                *[
                    client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
                    for _ in range(20)
                ]
            )
            assert [r.choices[0].message.content for r in results] == ["好的。"] * 20
            assert baidu.issued == 1
            baidu.refused.add("24.token-1.2592000.0.0-1")
            await asyncio.gather(
                *[
                    client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
                    for _ in range(5)
                ]
            )
    assert baidu.issued == 2  # five refusals of the same token, one refresh


def test_token_is_refetched_shortly_before_expiry_with_an_injected_clock() -> None:
    baidu = BaiduServer()
    now = [1000.0]
    with LoopbackServer(handler=baidu) as server, Client(_config(server.url)) as client:
        client.adapter("ernie").auth.clock = lambda: now[0]  # type: ignore[union-attr]
        client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
        now[0] += 2592000 - 3601  # just over an hour left: still cached
        client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
        assert baidu.issued == 1
        now[0] += 2  # inside the refresh margin
        client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
        assert baidu.issued == 2


def test_one_auth_object_works_across_event_loops() -> None:
    """The asyncio.Lock is created per running loop, so a shared auth never hits
    "bound to a different event loop"."""
    import httpx

    from llmswitch.providers.ernie.auth import BaiduOAuth

    baidu = BaiduServer()
    with LoopbackServer(handler=baidu) as server:
        auth = BaiduOAuth(server.url, "loop-ak", "loop-sk-secret")
        url = server.url + "/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions"

        async def one() -> None:
            async with httpx.AsyncClient() as http:
                response = await http.post(url, json={"messages": HELLO}, auth=auth)
                assert response.json()["result"] == "好的。"

        asyncio.run(one())
        auth.invalidate()
        asyncio.run(one())
    assert baidu.issued == 2 == auth.fetches
