"""Issue 14 item 10 and the smaller items: a forked child gets fresh locks and pools (no
deadlock on a lock another thread held, no keep-alive connection shared with the parent), and
API calls do not follow a redirect to another origin (same-origin ones are followed, as in
openai-python).
Real sockets on 127.0.0.1; the child is bounded (killed after 20 s)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import threading
import time
from typing import Any

import httpx
import pytest
from faults import MODELS, FaultServer, Native, config
from helpers_bounded import bounded

from llmswitch import APIError, AsyncClient, Client
from llmswitch.testing import Action, LoopbackServer, RecordedRequest

HI = [{"role": "user", "content": "hi"}]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _in_child(fn: Any, limit: float = 20.0) -> dict[str, Any]:
    """Run ``fn()`` in a forked child; its JSON-able result, or ``{"hung": True}``."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        os.close(read)
        try:
            out = {"value": fn()}
        except BaseException as exc:  # reported to the parent
            out = {"error": f"{type(exc).__name__}: {exc}"}
        os.write(write, json.dumps(out).encode())
        os._exit(0)
    os.close(write)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read)
        return {"hung": True}
    data = b""
    while chunk := os.read(read, 65536):
        data += chunk
    os.close(read)
    return json.loads(data or b"{}")


def test_a_fork_during_a_token_fetch_does_not_leave_the_child_blocked() -> None:
    """Another thread of the parent is fetching Baidu's token (its endpoint is slow) when the
    process forks: the child inherited the fetch's lock (or flight) held, and blocked forever."""
    ok = Native("ernie").ok(False)
    with (
        FaultServer(ok, token_delay=1.5) as server,
        Client(config("ernie", server.url), max_retries=0) as client,
    ):
        if True:
            background = threading.Thread(
                target=lambda: client.chat.completions.create(model=MODELS["ernie"], messages=HI),
                daemon=True,
            )
            background.start()
            time.sleep(0.3)  # the token request is in flight, its lock or flight taken

            def child() -> str:
                answer = client.chat.completions.create(model=MODELS["ernie"], messages=HI)
                return answer.choices[0].message.content or ""

            result = _in_child(child)
            background.join(10)
    assert result.get("hung") is not True, "the child blocked on a lock inherited at the fork"
    assert "value" in result, result


@pytest.mark.parametrize("provider", ["glm", "sensenova"])
def test_a_fork_while_a_jwt_is_signed_does_not_leave_the_child_blocked(provider: str) -> None:
    """Another thread of the parent holds the JWT auth's signing lock when the process forks:
    the child must get a free lock and sign its own token."""
    from pydantic import SecretStr

    from llmswitch.providers.glm.auth import ZhipuJWTAuth
    from llmswitch.providers.sensenova.auth import SenseNovaJWTAuth

    auth: ZhipuJWTAuth | SenseNovaJWTAuth
    if provider == "glm":
        auth = ZhipuJWTAuth(SecretStr("fork-id.fork-secret-0123456789abcdefghijklmnopqrstuv"))
    else:
        auth = SenseNovaJWTAuth("fork-ak", "fork-secret-0123456789abcdefghijklmnopqrstuv")
    with auth._lock:  # as if another thread were signing at the fork
        result = _in_child(lambda: bool(auth.token()), limit=10.0)
    assert result.get("hung") is not True, "the child blocked on a lock inherited at the fork"
    assert result == {"value": True}, result


def test_a_forked_child_does_not_share_pooled_connections() -> None:
    """Pooled keep-alive connections were inherited: parent and child wrote requests on the
    same socket and could read each other's answers."""
    peers: list[tuple[str, int] | None] = []
    native = Native("openai")

    def handler(request: RecordedRequest) -> Action:
        peers.append(request.peer)
        return native.ok(False)

    with FaultServer(handler) as server, Client(config("openai", server.url)) as client:
        client.chat.completions.create(model=MODELS["openai"], messages=HI)  # pools a socket
        result = _in_child(
            lambda: client.chat.completions.create(model=MODELS["openai"], messages=HI).id
        )
        client.chat.completions.create(model=MODELS["openai"], messages=HI)
    assert "value" in result, result
    first, in_child, parent_again = peers
    assert in_child != first, "the child reused the parent's pooled connection"
    assert parent_again == first, "the parent's own pool should be untouched"


# ---- redirects ----------------------------------------------------------------------------------


def _redirect(to: str, status: int) -> Action:
    return Action(status=status, headers={"location": to, "content-type": "text/plain"})


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_to_another_origin_is_not_followed(status: int, kind: str) -> None:
    """httpx strips only Authorization on a cross-origin redirect: the config's headers went
    along, and a 301/302 turned the POST into a GET whose answer was returned as the model's."""
    with LoopbackServer() as other, FaultServer() as server:
        other.enqueue(Action(body=Native("openai").ok(False).body))
        cfg = config("openai", server.url)
        cfg["providers"]["openai"]["headers"] = {"x-team-token": "team-SECRET-42aa"}
        server.script(_redirect(other.url + "/steal", status))

        def run() -> object:
            if kind == "sync":
                with Client(cfg, max_retries=0) as client:
                    try:
                        return client.chat.completions.create(model=MODELS["openai"], messages=HI)
                    except APIError as exc:
                        return exc

            async def main() -> object:
                async with AsyncClient(cfg, max_retries=0) as client:
                    try:
                        return await client.chat.completions.create(
                            model=MODELS["openai"], messages=HI
                        )
                    except APIError as exc:
                        return exc

            return asyncio.run(main())

        value = bounded(run)
        seen = list(other.requests)
    assert isinstance(value, APIError), f"the other host's answer was returned: {value!r}"
    assert value.provider == "openai" and value.status_code == status
    assert seen == [], "the request (with the config's headers) went to the other origin"


def test_a_same_origin_redirect_is_followed_as_openai_python_does() -> None:
    native = Native("openai")
    with FaultServer() as server:
        cfg = config("openai", server.url)
        with Client(cfg, max_retries=0) as client:
            server.script(_redirect(server.url + "/v1/chat/completions2", 307), native.ok(False))
            answer = client.chat.completions.create(model=MODELS["openai"], messages=HI)
            assert answer.choices[0].message.content
            # a 302 on the provider's own host is its routing: followed (as a GET), as
            # openai-python follows it; only another origin is refused
            server.script(_redirect(server.url + "/v1/other", 302), native.ok(False))
            answer = client.chat.completions.create(model=MODELS["openai"], messages=HI)
            assert answer.choices[0].message.content


def test_a_callers_http_client_that_follows_redirects_is_checked_after_the_fact() -> None:
    with LoopbackServer() as other, FaultServer() as server:
        other.enqueue(Action(body=Native("openai").ok(False).body))
        server.script(_redirect(other.url + "/v1/chat/completions", 302))
        http = httpx.Client(follow_redirects=True)
        with (
            Client(config("openai", server.url), http_client=http, max_retries=0) as client,
            pytest.raises(APIError, match="redirect"),
        ):
            client.chat.completions.create(model=MODELS["openai"], messages=HI)
        http.close()
