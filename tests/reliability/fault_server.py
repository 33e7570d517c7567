"""The reliability suite's fault server and call runner: a scripted 127.0.0.1 server that also
answers Baidu's token endpoint, each provider's answers and faults in its own wire format
(rendered by ``llmswitch.testing``'s fakes), and one call through the sync or async client with
waits recorded, never slept. The matrix that uses them is in ``faults.py``.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import FrameType
from typing import Any

import httpx

from llmswitch import AsyncClient, Client, RetryPolicy
from llmswitch.providers._base import ChatParams
from llmswitch.testing import (
    Action,
    FakeError,
    LoopbackServer,
    RecordedRequest,
    Reply,
    fake_wire,
    pool_idle,
    response_to_action,
)

PROVIDERS = ("openai", "qwen", "glm", "ernie", "sensenova")
MODES = ("json", "stream")
KINDS = ("sync", "async")
HI = [{"role": "user", "content": "hi"}]
CONTENT = "ok from the loopback"
READ_TIMEOUT = 0.2  # the call's timeout in the slow-body cells; the server stalls 0.6 s
STALL = 0.6

MODELS = {
    "openai": "openai/gpt-4o-mini",
    "qwen": "qwen/qwen-plus",
    "glm": "glm/glm-4-flash",
    "ernie": "ernie/ERNIE-3.5-8K",
    "sensenova": "sensenova/SenseChat-5",
}
# Credentials used by every test here: long and distinctive, so a leak is found by substring.
SECRETS: dict[str, dict[str, str]] = {
    "openai": {"api_key": "sk-rel-openai-SECRET-0f3a9c7e5d1b"},
    "qwen": {"api_key": "sk-rel-qwen-SECRET-8e2d4c6a0b9f"},
    "glm": {"api_key": "relglmid.rel-glm-SECRET-4b7d9e1f3a5c"},
    "ernie": {
        "access_key": "rel-ernie-AK-SECRET-6c8e0a2b4d",
        "secret_key": "rel-ernie-SK-SECRET-1a3c5e7f9b",
    },
    "sensenova": {
        "access_key": "rel-sn-AK-SECRET-2d4f6b8a0c",
        "secret_key": "rel-sn-SK-SECRET-7e9a1c3e5b7d9f1a3c5e7a9b1d3f",
    },
}  # fmt: skip
PATHS = {"openai": "/v1", "qwen": "/api/v1", "glm": "/api/paas/v4", "ernie": "", "sensenova": "/v1"}
TOKEN_PATH = "/oauth/2.0/token"
TOKEN_PREFIX = "24.rel-oauth-token-SECRET-"


def provider_config(provider: str, base: str) -> dict[str, Any]:
    """``[providers.<name>]`` pointing at ``base`` with this suite's secrets (GLM signs JWTs)."""
    table: dict[str, Any] = {**SECRETS[provider], "base_url": base + PATHS[provider]}
    if provider == "glm":
        table["auth"] = "jwt"
    return table


def config(provider: str, base: str) -> dict[str, Any]:
    return {"providers": {provider: provider_config(provider, base)}}


def secret_strings(provider: str | None = None) -> list[str]:
    """Every configured secret (all providers, or one); the secret half of a GLM key too."""
    names = [provider] if provider else list(SECRETS)
    out: list[str] = []
    for name in names:
        for value in SECRETS[name].values():
            out.append(value)
            if name == "glm":
                out.append(value.split(".", 1)[1])
    return out


# ---- the fault server ---------------------------------------------------------------------------


class FaultServer:
    """A :class:`LoopbackServer` that answers Baidu's OAuth token endpoint on its own (numbered
    tokens, or scripted token answers) and plays a script of actions for every other request.
    Counts chat requests and token fetches separately."""

    def __init__(
        self,
        default: Action | Callable[[RecordedRequest], Action] | None = None,
        *,
        token_delay: float = 0.0,
    ) -> None:
        self.chat: deque[Action] = deque()
        self.tokens: deque[Action] = deque()
        self.default = default
        """Answer when the script is empty: an action, or a function of the request."""
        self.token_delay = token_delay
        self.chat_requests: list[RecordedRequest] = []
        self.token_fetches = 0
        self.issued: list[str] = []
        self._lock = threading.Lock()
        self._server = LoopbackServer(self._handle, record=False)

    @property
    def url(self) -> str:
        return self._server.url

    def reset(self) -> FaultServer:
        """Forget scripts and counts (one server can serve many tests)."""
        with self._lock:
            self.chat.clear()
            self.tokens.clear()
            self.chat_requests = []
            self.token_fetches = 0
            self.issued = []
        return self

    def script(self, *actions: Action) -> FaultServer:
        self.chat.extend(actions)
        return self

    def _handle(self, request: RecordedRequest) -> Action:
        with self._lock:
            if request.path.startswith(TOKEN_PATH):
                self.token_fetches += 1
                if self.tokens:
                    return self.tokens.popleft()
                token = f"{TOKEN_PREFIX}{self.token_fetches}.2592000.0.0-1"
                self.issued.append(token)
                body = json.dumps({"access_token": token, "expires_in": 2592000}).encode()
                return Action(body=body, delay=self.token_delay)
            self.chat_requests.append(request)
            if self.chat:
                return self.chat.popleft()
        if callable(self.default):
            return self.default(request)
        if self.default is not None:
            return self.default
        return Action(status=599, body=b'{"error": {"message": "no scripted answer left"}}')

    def __enter__(self) -> FaultServer:
        self._server.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.stop()


def dead_url() -> str:
    """A 127.0.0.1 URL nobody listens on (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# ---- each provider's wire -----------------------------------------------------------------------


@cache
def _request(provider: str, stream: bool) -> httpx.Request:
    """The exact request llmswitch sends (the fakes read path, headers and body from it)."""
    with Client(config(provider, "http://fake")) as client:
        adapter = client.adapter(provider)
        model = MODELS[provider].split("/", 1)[1]
        return adapter.build_chat_request(ChatParams(model=model, messages=HI, stream=stream))


# Native error codes per provider: (HTTP status, code, message). ERNIE v1 sends its errors in
# HTTP 200 bodies (error_code), except a gateway's 5xx.
CODES: dict[str, dict[str, tuple[int, str | None, str]]] = {
    "openai": {
        "rate": (429, "rate_limit_exceeded", "Rate limit reached for requests"),
        "quota": (429, "insufficient_quota", "You exceeded your current quota"),
        "server": (500, "server_error", "The server had an error"),
        "region": (403, "unsupported_country_region_territory",
                   "Country, region, or territory not supported"),
    },
    "qwen": {
        "rate": (429, "Throttling.RateQuota", "Requests rate limit exceeded"),
        "quota": (429, "Throttling.AllocationQuota", "Free allocated quota exceeded."),
        "server": (500, "InternalError", "An internal error has occured"),
        "region": (401, "InvalidApiKey", "Invalid API-key provided."),
    },
    "glm": {
        "rate": (429, "1302", "您当前使用该API的并发数过高"),
        "quota": (429, "1113", "您的账户已欠费，请充值后重试。"),
        "server": (500, "500", "Internal Error"),
        "expired": (401, "1003", "Authorization Token已过期"),
        "region": (401, "1002", "Authorization Token非法，请确认Authorization Token正确传递。"),
    },
    "ernie": {
        "rate": (200, "18", "Open api qps request limit reached"),
        "quota": (200, "17", "Open api daily request limit reached"),
        "server": (200, "336100", "try again later"),
        "expired": (200, "111", "Access token expired"),
    },
    "sensenova": {
        "rate": (429, "8", "rate limit exceeded"),
        "quota": (429, "8", "quota exhausted"),
        "server": (500, "13", "internal error"),
        "expired": (401, "16", "invalid token: expired"),
    },
}  # fmt: skip


class Native:
    """Answers and faults of one provider, rendered by its fake wire (``llmswitch.testing``)."""

    def __init__(self, provider: str) -> None:
        self.provider = provider
        self.wire = fake_wire(provider)

    def _render(self, reply: Reply, stream: bool) -> httpx.Response:
        return self.wire.render("chat", _request(self.provider, stream), reply)

    def ok(self, stream: bool) -> Action:
        return response_to_action(self._render(Reply(content=CONTENT), stream))

    def frames(self) -> list[bytes]:
        """The SSE events of a successful stream, one per chunk of the body."""
        chunks = self.ok(True).chunks
        assert chunks and len(chunks) >= 3, chunks
        return list(chunks)

    def ok_chunked_json(self, **action: Any) -> Action:
        """A successful JSON answer sent in two chunks (so a fault can hit mid-body)."""
        ok = self.ok(False)
        half = len(ok.body) // 2
        return Action(status=200, headers=dict(ok.headers), chunks=[ok.body[:half], ok.body[half:]],
                      **action)  # fmt: skip

    def error(self, what: str, *, status: int | None = None, headers: dict[str, str] | None = None,
              in_body: bool = False) -> Action:  # fmt: skip
        """The provider's native error ``what`` (see :data:`CODES`) as a JSON answer."""
        code_status, code, message = CODES[self.provider][what]
        status = status or code_status
        fake = FakeError(status, code, message, in_body=in_body or status == 200)
        action = response_to_action(self._render(Reply(error=fake), False), chunked=False)
        if self.provider == "ernie":  # v1: error_code bodies; a gateway 5xx keeps its status
            action.status = status if status >= 500 else 200
        action.headers.update(headers or {})
        return action

    def error_frame(self, what: str) -> bytes:
        """The provider's in-stream error event for ``what`` (the last event it renders)."""
        status, code, message = CODES[self.provider][what]
        fake = FakeError(status if status != 200 else 500, code, message, in_body=True)
        chunks = response_to_action(self._render(Reply(content="x", error=fake), True)).chunks
        assert chunks
        return chunks[-1]

    def stream_action(self, chunks: list[bytes], **action: Any) -> Action:
        return Action(status=200, headers=dict(self.ok(True).headers), chunks=chunks, **action)


# ---- running one call ---------------------------------------------------------------------------


class Recorder:
    """A RetryPolicy whose sleeps are recorded, never slept (and no jitter)."""

    def __init__(self, max_retries: int = 2) -> None:
        self.waits: list[float] = []

        async def async_sleep(seconds: float) -> None:
            self.waits.append(seconds)

        self.policy = RetryPolicy(
            max_retries, sleep=self.waits.append, async_sleep=async_sleep, random=lambda: 0.0
        )




@dataclass
class Result:
    value: Any
    """The ChatCompletion (a stream: the assembled one), or the exception raised."""
    chunks: int = 0
    """Stream chunks the caller received (before an error, if any)."""
    idle: bool = True


def call(
    kind: str,
    cfg: dict[str, Any],
    recorder: Recorder,
    *,
    model: str,
    stream: bool,
    timeout: float | None = None,
) -> Result:
    """One chat call through the sync or async client; records chunks seen and pool state."""
    out = Result(None)
    if kind == "sync":
        with Client(cfg, retry_policy=recorder.policy) as client:
            try:
                if stream:
                    with client.chat.completions.create(
                        model=model, messages=HI, stream=True, timeout=timeout
                    ) as s:
                        for _ in s:
                            out.chunks += 1
                        out.value = s.get_final_completion()
                else:
                    out.value = client.chat.completions.create(
                        model=model, messages=HI, timeout=timeout
                    )
            except Exception as exc:
                out.value = exc
            out.idle = pool_idle(client.http)
        return out

    async def main() -> None:
        async with AsyncClient(cfg, retry_policy=recorder.policy) as client:
            try:
                if stream:
                    s = await client.chat.completions.create(
                        model=model, messages=HI, stream=True, timeout=timeout
                    )
                    async with s:
                        async for _ in s:
                            out.chunks += 1
                        out.value = await s.get_final_completion()
                else:
                    out.value = await client.chat.completions.create(
                        model=model, messages=HI, timeout=timeout
                    )
            except Exception as exc:
                out.value = exc
            out.idle = pool_idle(client.http)

    asyncio.run(main())
    return out


# ---- secrets in traceback frames (issue 14 item 3) ---------------------------------------------

HERE = str(Path(__file__).resolve().parent)


def _frames(exc: BaseException) -> Iterator[FrameType]:
    """Every frame of ``exc``'s traceback and of the exceptions chained to it."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        tb = item.__traceback__
        while tb is not None:
            yield tb.tb_frame
            tb = tb.tb_next
        todo += [item.__cause__, item.__context__]


def frame_leaks(exc: BaseException, secrets: list[str]) -> list[str]:
    """``function: local = repr`` for each frame local whose repr shows a secret."""
    found = []
    for frame in _frames(exc):
        if frame.f_code.co_filename.startswith(HERE):
            continue  # the test's own frames hold the config it passed in: not llmswitch's
        for name, value in frame.f_locals.items():
            try:
                text = repr(value)
            except Exception:  # a half-built object; not what an error tracker shows
                continue
            for secret in secrets:
                if secret in text:
                    found.append(f"{frame.f_code.co_name}: {name} = {text[:120]}")
    return found
