"""Fault injection for the reliability suite: a scripted 127.0.0.1 server, each provider's faults
in its own wire format, the provider x fault x mode matrix (expected outcomes as data) and the
generator of ``docs/reliability.md``.

Regenerate the doc after changing the matrix::

    PYTHONPATH=src python tests/reliability/faults.py > docs/reliability.md

The matrix is data: :func:`matrix` yields one :class:`Cell` per provider x fault x mode; a cell
either expects an :class:`Outcome` (the answer or the typed error, the chat requests the server
saw, token fetches, the waits between attempts) or is :class:`NA` with the reason.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
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


# ---- the matrix ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What a cell must produce. ``result`` is ``"answer"`` or an error class name."""

    result: str
    requests: int
    """Chat requests the server received (transport attempts plus auth replays)."""
    waits: tuple[float, ...] = ()
    """Recorded waits between attempts: attempts made = len(waits) + 1."""
    tokens: int | None = None
    """OAuth token fetches (ERNIE v1 only)."""
    seen: bool = False
    """A stream error arrives after chunks reached the caller."""
    bug: str | None = None
    """A known library bug: the test runs as xfail(strict=True) with this reason."""

    @property
    def attempts(self) -> int:
        return len(self.waits) + 1


@dataclass(frozen=True)
class NA:
    reason: str


@dataclass
class Script:
    chat: list[Action] = field(default_factory=list)
    tokens: list[Action] = field(default_factory=list)
    refused: bool = False
    timeout: float | None = None


@dataclass
class Cell:
    provider: str
    fault: str
    mode: str
    expected: Outcome | NA
    script: Script | None = None

    @property
    def id(self) -> str:
        return f"{self.provider}-{self.fault}-{self.mode}"


NA_JSON_EVENTS = "a non-stream answer is one JSON body, it has no events (see: error in 200 JSON)"
NA_JSON_SSE = "a non-stream answer is JSON, not SSE (see: malformed JSON, reset mid-body)"
NA_NO_TOKEN = "a static bearer key: no token to expire"
NA_SN_REGION = "SenseNova has one API region (api.sensenova.cn); a foreign key is a bad key"

FaultFn = Callable[[Native, str], "tuple[Script, Outcome | NA] | NA"]
FAULTS: dict[str, tuple[str, FaultFn]] = {}


def fault(name: str, title: str) -> Callable[[FaultFn], FaultFn]:
    def register(fn: FaultFn) -> FaultFn:
        FAULTS[name] = (title, fn)
        return fn

    return register


def _tok(n: Native, count: int = 1) -> int | None:
    return count if n.provider == "ernie" else None


@fault("retry_after", "429 with `Retry-After: 1.5`, then OK")
def _retry_after(n: Native, mode: str) -> tuple[Script, Outcome]:
    stream = mode == "stream"
    err = n.error("rate", headers={"retry-after": "1.5"})
    return Script([err, n.ok(stream)]), Outcome("answer", 2, (1.5,), _tok(n))


@fault("retry_after_ms", "429 with `retry-after-ms: 250`, then OK")
def _retry_after_ms(n: Native, mode: str) -> tuple[Script, Outcome]:
    err = n.error("rate", headers={"retry-after-ms": "250", "retry-after": "9"})
    return Script([err, n.ok(mode == "stream")]), Outcome("answer", 2, (0.25,), _tok(n))


@fault("quota", "429 quota / balance exhausted")
def _quota(n: Native, mode: str) -> tuple[Script, Outcome]:
    script = Script([n.error("quota"), n.ok(mode == "stream")])
    return script, Outcome("QuotaExceededError", 1, (), _tok(n))


@fault("5xx_recovers", "502, 503, then OK")
def _burst_ok(n: Native, mode: str) -> tuple[Script, Outcome]:
    chat = [n.error("server", status=502), n.error("server", status=503), n.ok(mode == "stream")]
    return Script(chat), Outcome("answer", 3, (0.5, 1.0), _tok(n))


@fault("5xx_exhausts", "500, 502, 503 (longer than the retry budget)")
def _burst_fail(n: Native, mode: str) -> tuple[Script, Outcome]:
    chat = [n.error("server", status=s) for s in (500, 502, 503)]
    return Script(chat), Outcome("InternalServerError", 3, (0.5, 1.0), _tok(n))


@fault("refused", "connection refused")
def _refused(n: Native, mode: str) -> tuple[Script, Outcome]:
    return Script(refused=True), Outcome("APIConnectionError", 0, (0.5, 1.0), _tok(n, 0))


@fault("reset_before_headers", "TCP reset before the status line, then OK")
def _reset_before(n: Native, mode: str) -> tuple[Script, Outcome]:
    chat = [Action(reset_before_headers=True), n.ok(mode == "stream")]
    return Script(chat), Outcome("answer", 2, (0.5,), _tok(n))


@fault("reset_after_headers", "TCP reset after the headers, before any body byte, then OK")
def _reset_after_headers(n: Native, mode: str) -> tuple[Script, Outcome]:
    if mode == "json":
        first = n.ok_chunked_json(reset_after_chunks=0)
        return Script([first, n.ok(False)]), Outcome("answer", 2, (0.5,), _tok(n))
    first = n.stream_action(n.frames(), reset_after_chunks=0)
    return Script([first, n.ok(True)]), Outcome("answer", 2, (0.5,), _tok(n))


@fault("reset_mid_body", "TCP reset mid-body (a stream: after the first event)")
def _reset_mid(n: Native, mode: str) -> tuple[Script, Outcome]:
    if mode == "json":  # nothing reached the caller: retried
        first = n.ok_chunked_json(reset_after_chunks=1)
        return Script([first, n.ok(False)]), Outcome("answer", 2, (0.5,), _tok(n))
    frames = n.frames()
    first = n.stream_action([*frames[:2], b""], reset_after_chunks=3, chunk_delay=0.1)
    return Script([first, n.ok(True)]), Outcome("APIConnectionError", 1, (), _tok(n), seen=True)


@fault("slow_headers", "no status line within the read timeout, then OK")
def _slow_headers(n: Native, mode: str) -> tuple[Script, Outcome]:
    stream = mode == "stream"
    slow = n.ok(stream)
    slow.delay = STALL
    script = Script([slow, n.ok(stream)], timeout=READ_TIMEOUT)
    return script, Outcome("answer", 2, (0.5,), _tok(n))


@fault("slow_body", "headers, then the body stalls past the read timeout, then OK")
def _slow_body(n: Native, mode: str) -> tuple[Script, Outcome]:
    if mode == "json":
        slow = n.ok_chunked_json(chunk_delay=STALL)
        script = Script([slow, n.ok(False)], timeout=READ_TIMEOUT)
        return script, Outcome("answer", 2, (0.5,), _tok(n))
    slow = n.stream_action(n.frames(), chunk_delay=STALL)
    script = Script([slow, n.ok(True)], timeout=READ_TIMEOUT)
    return script, Outcome("answer", 2, (0.5,), _tok(n))


@fault("malformed_json", "malformed JSON (a stream: in the second event)")
def _malformed(n: Native, mode: str) -> tuple[Script, Outcome]:
    if mode == "json":
        ok = n.ok(False)
        bad = Action(status=200, headers=dict(ok.headers), body=ok.body[: len(ok.body) // 2])
        script = Script([bad, n.ok(False)])
        return script, Outcome("APIResponseValidationError", 1, (), _tok(n))
    frames = n.frames()
    second = frames[1]
    broken = second[: second.index(b"{") + 12] + b"\n\n"
    script = Script([n.stream_action([frames[0], broken, *frames[2:]]), n.ok(True)])
    return script, Outcome("APIResponseValidationError", 1, (), _tok(n), seen=True)


@fault("truncated_sse", "SSE cut mid-event, connection closed without the chunked end")
def _truncated(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if mode == "json":
        return NA(NA_JSON_SSE)
    frames = n.frames()
    chunks = [frames[0], frames[1][: len(frames[1]) // 2]]
    script = Script([n.stream_action(chunks, close_without_end=True), n.ok(True)])
    return script, Outcome("APIConnectionError", 1, (), _tok(n), seen=True)


@fault("no_end_marker", "stream ends cleanly without its end marker")
def _no_end(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if mode == "json":
        return NA(NA_JSON_SSE)
    frames = n.frames()  # the last event is the end marker ([DONE], is_end, finish_reason)
    script = Script([n.stream_action(frames[:-1]), n.ok(True)])
    return script, Outcome("APIConnectionError", 1, (), _tok(n), seen=True)


@fault("error_event_midstream", "server-error event inside a 200 stream, after content")
def _event_mid(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if mode == "json":
        return NA(NA_JSON_EVENTS)
    frames = n.frames()
    script = Script([n.stream_action([*frames[:2], n.error_frame("server")]), n.ok(True)])
    return script, Outcome("InternalServerError", 1, (), _tok(n), seen=True)


@fault("error_event_first", "rate-limit event as the first event of a 200 stream, then OK")
def _event_first(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if mode == "json":
        return NA(NA_JSON_EVENTS)
    script = Script([n.stream_action([n.error_frame("rate")]), n.ok(True)])
    return script, Outcome("answer", 2, (0.5,), _tok(n))


@fault("error_in_200_json", "rate-limit error inside an HTTP 200 JSON body, then OK")
def _in_200(n: Native, mode: str) -> tuple[Script, Outcome]:
    script = Script([n.error("rate", status=200), n.ok(mode == "stream")])
    return script, Outcome("answer", 2, (0.5,), _tok(n))


@fault("expired_token", "token expired (ERNIE v1 OAuth, GLM / SenseNova JWT), then OK")
def _expired(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if n.provider in ("openai", "qwen"):
        return NA(NA_NO_TOKEN)
    script = Script([n.error("expired"), n.ok(mode == "stream")])
    return script, Outcome("answer", 2, (), _tok(n, 2))


@fault("wrong_region", "a key of another region / site")
def _region(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if n.provider == "sensenova":
        return NA(NA_SN_REGION)
    if n.provider == "ernie":  # the OAuth endpoint does not know the key
        refused = Action(
            status=401,
            body=b'{"error": "invalid_client", "error_description": "unknown client id"}',
        )
        return Script(tokens=[refused]), Outcome("AuthenticationError", 0, (), 1)
    cls = "PermissionDeniedError" if n.provider == "openai" else "AuthenticationError"
    replays = 2 if n.provider == "glm" else 1  # the JWT auth re-signs once on a 401
    error = OPENAI_REGION if n.provider == "openai" else n.error("region")
    return Script([error, error]), Outcome(cls, replays)


# OpenAI's answer to a request from an unsupported region, as its API sends it (the fake would
# render type "server_error" for a 403: see test_openai_fake_403_is_permission_denied).
OPENAI_REGION = Action(
    status=403,
    headers={"content-type": "application/json", "x-request-id": "req_region"},
    body=json.dumps(
        {"error": {"code": "unsupported_country_region_territory",
                   "message": "Country, region, or territory not supported",
                   "param": None, "type": "request_forbidden"}}
    ).encode(),
)  # fmt: skip


def matrix() -> Iterator[Cell]:
    """Every provider x fault x mode, in a stable order."""
    for name, (_, build) in FAULTS.items():
        for provider in PROVIDERS:
            native = Native(provider)
            for mode in MODES:
                made = build(native, mode)
                if isinstance(made, NA):
                    yield Cell(provider, name, mode, made)
                else:
                    script, outcome = made
                    yield Cell(provider, name, mode, outcome, script)


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


def pool_idle(http: httpx.Client | httpx.AsyncClient) -> bool:
    """True when no connection of the client's pool is busy and no request waits for one."""
    transport: Any = http._transport
    pools = transport._pools.values() if hasattr(transport, "_pools") else [transport]
    for pool in pools:
        core = pool._pool
        if core._requests:
            return False
        if not all(c.is_idle() or c.is_closed() for c in core.connections):
            return False
    return True


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


# ---- docs/reliability.md ------------------------------------------------------------------------


def _describe(expected: Outcome | NA, bugs: dict[str, int], nas: dict[str, int]) -> str:
    if isinstance(expected, NA):
        number = nas.setdefault(expected.reason, len(nas) + 1)
        return f"n/a [{number}]"
    attempts = expected.attempts
    text = "answer" if expected.result == "answer" else f"`{expected.result}`"
    text += f", {attempts} attempt{'s' if attempts > 1 else ''}"
    if expected.waits:
        text += ", waits " + " + ".join(f"{w:g}" for w in expected.waits) + " s"
    if expected.requests != attempts and expected.result != "APIConnectionError":
        text += f", {expected.requests} requests"
    if expected.tokens is not None and expected.tokens != 1:
        text += f", {expected.tokens} token fetches"
    if expected.bug:
        number = bugs.setdefault(expected.bug, len(bugs) + 1)
        text += f" (**xfail: bug {number}**)"
    return text


def render_doc() -> str:
    """The text of ``docs/reliability.md``, generated from :func:`matrix`."""
    cells = list(matrix())
    index = {(c.provider, c.fault, c.mode): c for c in cells}
    bugs: dict[str, int] = {}
    nas: dict[str, int] = {}
    applicable = sum(1 for c in cells if not isinstance(c.expected, NA))
    lines = [
        "# Reliability: provider x fault matrix",
        "",
        "<!-- Generated by tests/reliability/faults.py from the matrix its tests run; do not edit."
        " Regenerate: PYTHONPATH=src python tests/reliability/faults.py > docs/reliability.md -->",
        "",
        "Every cell below is a test in `tests/reliability/test_fault_matrix.py` that runs over",
        "real sockets on 127.0.0.1, once with `Client` and once with `AsyncClient`, with the",
        "provider's own wire format (its error bodies, codes and SSE framing). Each test asserts",
        "the answer or",
        "the typed error, the number of requests the server saw, the waits between attempts",
        "(recorded through an injected sleep with no jitter, so `Retry-After` is checked exactly),",
        "that the connection pool is idle afterwards, and that no secret appears in the error.",
        "Default policy: 2 retries, backoff `min(0.5 * 2**n, 8)` s (jitter off in the tests).",
        "",
        f"{len(cells)} cells (providers x faults x modes), {applicable} applicable,"
        f" {2 * applicable} tests (sync and async). "
        '"attempts" are the transport\'s attempts; "requests" are counted when auth replays'
        " make them differ (a JWT re-signed after a 401, an OAuth token refreshed). ERNIE runs"
        " the v1 API with Baidu OAuth (one token fetch per client unless noted).",
        "",
    ]
    header = "| fault | " + " | ".join(PROVIDERS) + " |"
    rule = "|---" * (len(PROVIDERS) + 1) + "|"
    for mode, title in (("json", "Non-stream calls"), ("stream", "Streamed calls (`stream=True`)")):
        lines += [f"## {title}", "", header, rule]
        for name, (what, _) in FAULTS.items():
            row = [_describe(index[(p, name, mode)].expected, bugs, nas) for p in PROVIDERS]
            lines.append(f"| {what} | " + " | ".join(row) + " |")
        lines.append("")
    lines += ["## Not applicable", ""]
    lines += [f"{n}. {reason}" for reason, n in nas.items()]
    lines += ["", "## Known bugs (tests marked xfail, strict)", ""]
    lines += [f"{n}. {reason}" for reason, n in bugs.items()] or ["None."]
    lines += [
        "",
        "## Native faults used",
        "",
        "| provider | rate limit | quota | server error | expired token | wrong region |",
        "|---|---|---|---|---|---|",
    ]
    for provider in PROVIDERS:
        codes = CODES[provider]
        row = []
        for what in ("rate", "quota", "server", "expired", "region"):
            if what not in codes:
                row.append("-")
                continue
            status, code, _ = codes[what]
            row.append(f"HTTP {status}, code `{code}`")
        lines.append(f"| {provider} | " + " | ".join(row) + " |")
    lines += [
        "",
        "ERNIE's wrong-region key is refused by the OAuth endpoint (HTTP 401 `invalid_client`).",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render_doc(), end="")
