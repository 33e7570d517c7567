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

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from fault_server import (  # noqa: F401  (re-exported for the tests)
    CODES,
    CONTENT,
    HI,
    KINDS,
    MODELS,
    MODES,
    PATHS,
    PROVIDERS,
    READ_TIMEOUT,
    STALL,
    TOKEN_PATH,
    TOKEN_PREFIX,
    FaultServer,
    Native,
    Recorder,
    Result,
    call,
    config,
    dead_url,
    pool_idle,
    provider_config,
    secret_strings,
)

from llmswitch.testing import (
    Action,
)

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


# ---- issue 14: hardening faults ------------------------------------------------------------------

NA_NO_CHOICES_ERROR = (
    "the native wire has no `error` object beside `choices` (its errors are own-format events,"
    " covered above); OpenAI-compatible wires: test_error_finish.py"
)
NA_NO_ERROR_FINISH = "the native wire has no error finish reason"
_UPSTREAM = {"code": 502, "message": "upstream provider failed mid-answer"}


def _openai_shaped(n: Native) -> bool:
    return n.provider in ("openai", "glm")


@fault(
    "error_beside_choices", "`error` object beside `choices` in a 200 (gateway upstream failure)"
)
def _error_beside(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if not _openai_shaped(n):
        return NA(NA_NO_CHOICES_ERROR)
    ok = n.ok(mode == "stream")
    if mode == "json":
        body = json.loads(ok.body)
        body["error"] = _UPSTREAM
        bad = Action(status=200, headers=dict(ok.headers), body=json.dumps(body).encode())
        return Script([bad, n.ok(False)]), Outcome("APIStatusError", 1)
    frames = n.frames()
    second = json.loads(frames[1].split(b"data: ", 1)[1])
    second["error"] = _UPSTREAM
    second["choices"][0]["finish_reason"] = "error"
    broken = b"data: " + json.dumps(second).encode() + b"\n\n"
    script = Script([n.stream_action([frames[0], broken]), n.ok(True)])
    return script, Outcome("APIStatusError", 1, seen=True)


@fault("error_finish", 'finish reason `"error"` (GLM: `"network_error"`), content cut short')
def _error_finish(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if not _openai_shaped(n):
        return NA(NA_NO_ERROR_FINISH)
    reason = "network_error" if n.provider == "glm" else "error"
    ok = n.ok(mode == "stream")
    if mode == "json":
        body = json.loads(ok.body)
        body["choices"][0]["finish_reason"] = reason
        bad = Action(status=200, headers=dict(ok.headers), body=json.dumps(body).encode())
        # an upstream failure is a server error: retried while nothing reached the caller
        return Script([bad, n.ok(False)]), Outcome("answer", 2, (0.5,))
    frames = n.frames()
    at = next(i for i, f in enumerate(frames) if b'"finish_reason": "stop"' in f)
    last = json.loads(frames[at].split(b"data: ", 1)[1])  # the chunk with the finish reason
    last["choices"][0]["finish_reason"] = reason
    cut = b"data: " + json.dumps(last).encode() + b"\n\n"
    script = Script([n.stream_action([*frames[:at], cut, *frames[at + 1 :]]), n.ok(True)])
    return script, Outcome("InternalServerError", 1, seen=True)


DEEP = b'{"a":' * 100_000 + b"1" + b"}" * 100_000


@fault("deep_json", "a 200 body (a stream: an event) nested 100k deep")
def _deep_json(n: Native, mode: str) -> tuple[Script, Outcome]:
    ok = n.ok(mode == "stream")
    if mode == "json":
        bad = Action(status=200, headers=dict(ok.headers), body=DEEP)
        return Script([bad, n.ok(False)]), Outcome("APIResponseValidationError", 1, (), _tok(n))
    frames = n.frames()
    script = Script([n.stream_action([frames[0], b"data: " + DEEP + b"\n\n"]), n.ok(True)])
    return script, Outcome("APIResponseValidationError", 1, (), _tok(n), seen=True)


@fault("deep_json_error", "HTTP 500 whose error body is nested 100k deep, then OK")
def _deep_error(n: Native, mode: str) -> tuple[Script, Outcome]:
    bad = Action(status=500, body=DEEP)
    return Script([bad, n.ok(mode == "stream")]), Outcome("answer", 2, (0.5,), _tok(n))


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


@fault("sse_line_limit", "an SSE line that never ends (past the 16 MiB line limit)")
def _sse_line_limit(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if mode == "json":
        return NA(NA_JSON_SSE)
    frames = n.frames()
    endless = [frames[0], b"data: ", *[b"x" * 65536] * 260]
    script = Script([n.stream_action(endless), n.ok(True)])
    return script, Outcome("APIResponseValidationError", 1, (), _tok(n), seen=True)


DEADLINE = 0.5  # a float timeout: the call's deadline in the deadline cells
DRIP = 0.05  # seconds between dripped pieces (each read returns well within the deadline)


@fault("drip_body", "a 200 whose body drips (a stream: only keep-alives before any chunk), then OK")
def _drip(n: Native, mode: str) -> tuple[Script, Outcome]:
    if mode == "json":
        ok = n.ok(False)
        pieces = [ok.body[i : i + 4] for i in range(0, len(ok.body), 4)]
        slow = Action(status=200, headers=dict(ok.headers), chunks=pieces, chunk_delay=DRIP)
        script = Script([slow, n.ok(False)], timeout=DEADLINE)
        return script, Outcome("answer", 2, (0.5,), _tok(n))
    alive = Action(status=200, headers=dict(n.ok(True).headers), chunks=[b": keep-alive\n\n"] * 200,
                   chunk_delay=DRIP)  # fmt: skip
    script = Script([alive, n.ok(True)], timeout=DEADLINE)
    return script, Outcome("answer", 2, (0.5,), _tok(n))


@fault("keepalive_gap", "a stream that sends only keep-alive comments after its first chunks")
def _keepalive_gap(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if mode == "json":
        return NA(NA_JSON_SSE)
    frames = n.frames()
    chunks = [*frames[:2], *[b": keep-alive\n\n"] * 200]
    script = Script([n.stream_action(chunks, chunk_delay=DRIP), n.ok(True)], timeout=DEADLINE)
    return script, Outcome("APITimeoutError", 1, (), _tok(n), seen=True)


@fault("token_endpoint_hangs", "the OAuth token endpoint hangs past the deadline, then OK")
def _token_hangs(n: Native, mode: str) -> tuple[Script, Outcome] | NA:
    if n.provider != "ernie":
        return NA("no token endpoint: a static key, or a JWT signed locally")
    token = json.dumps({"access_token": TOKEN_PREFIX + "slow", "expires_in": 2592000}).encode()
    hung = Action(body=token, delay=1.5)  # answers only after the call's 0.5 s deadline
    script = Script([n.ok(mode == "stream")], tokens=[hung], timeout=DEADLINE)
    return script, Outcome("answer", 1, (0.5,), 2)


@fault("redirect_other_origin", "307 to another origin (config headers would go along)")
def _redirect_other(n: Native, mode: str) -> tuple[Script, Outcome]:
    away = Action(status=307, headers={"location": dead_url() + "/elsewhere"})
    script = Script([away, n.ok(mode == "stream")])
    return script, Outcome("RedirectRefused", 1, (), _tok(n))


# Issue 14, closing note of docs/reliability.md: each defect, its root cause, the pinning test.
HARDENING: list[tuple[str, str, str]] = [
    (
        "1. Swallowed errors",
        "the OpenAI-wire parsers validated `choices` and ignored every other key, and"
        " `normalize_finish_reason` mapped any unknown value (`error`, `network_error`) to `stop`",
        "tests/reliability/test_error_finish.py; matrix rows `error_beside_choices`,"
        " `error_finish`",
    ),
    (
        "2. Config trust",
        "`load_config` read a discovered `./llmswitch.toml` without opt-in and `${VAR}` expanded"
        " any environment variable, so a file shipped in a repository could point a provider"
        " at its own host with the user's key from the environment",
        "tests/unit/test_config.py::test_a_discovered_file_cannot_send_the_env_key_to_its_own_"
        "host, ::test_a_discovered_file_cannot_expand_other_variables,"
        " ::test_trusting_a_file_allows_it_until_it_changes (the trust model: docs/config.md,"
        " Security)",
    ),
    (
        "3. Secrets in traceback locals",
        "Baidu's token request carries `client_secret` in its URL and every v1 call its"
        " `access_token`; the finished httpx and auth-flow frames of a traceback kept those"
        " requests as locals, and the OAuth flow left the token in the caller's request URL",
        "tests/reliability/test_secrets_frames.py::test_no_frame_of_the_error_holds_a_secret;"
        " every error cell of this matrix scans its traceback's frame locals too",
    ),
    (
        "4. Redaction forgets",
        "the registry was a 4,096-entry FIFO, every GLM/SenseNova JWT was registered into it,"
        " and `redact` sorted and searched every secret on every call",
        "tests/reliability/test_secrets_frames.py::"
        "test_a_live_clients_key_stays_masked_however_many_others_exist,"
        " ::test_masking_cost_does_not_grow_with_the_number_of_secrets",
    ),
    (
        "5. Deep JSON",
        "`decode_json` (the fallback parser behind every adapter's error path) and the stream's"
        " JSON-error check caught `ValueError` only; `json.loads` raises `RecursionError`",
        "matrix rows `deep_json`, `deep_json_error`",
    ),
    (
        "6. No deadline",
        "`timeout` only became httpx's per-operation timeouts: every read may take that long, so"
        " a body that drips a byte a second or a stream of keep-alive comments never ends",
        "matrix rows `drip_body`, `keepalive_gap` (`timeout=0.5`); tests/reliability/"
        "test_deadlines.py",
    ),
    (
        "7. Token lock convoy",
        "`BaiduOAuth` held its lock across the token request, so when the endpoint hung caller"
        " k failed after k x timeout and each caller sent its own fetch",
        "tests/reliability/test_deadlines.py::test_token_fetch_is_shared_and_each_waiter_keeps_"
        "its_deadline, ::test_async_token_waiters_keep_their_deadline; matrix row"
        " `token_endpoint_hangs`",
    ),
    (
        "8. Quadratic SSE",
        "`SSEDecoder.feed` concatenated each read onto the unfinished line and rescanned the"
        " whole buffer (32 MiB line: 7.5 s of CPU), and kept one decoded `str` per data line"
        " without bound",
        "tests/unit/test_sse.py::test_a_32_mib_line_in_64_kib_reads_costs_linear_time,"
        " ::test_data_lines_without_a_blank_line_are_bounded_by_the_event_limit; matrix row"
        " `sse_line_limit`",
    ),
    (
        "9. Model string into a URL path",
        "`v1_endpoint` used an unknown ERNIE v1 model id (and config `endpoints` values) as the"
        " path segment as given, so `../` reached any path on Baidu's host with the app's"
        " access token; `models.retrieve` let `..` climb the path",
        "tests/reliability/test_model_paths.py (an `InvalidRequestError` before anything is"
        " sent, not even the token request)",
    ),
    (
        "10. Fork",
        "locks (Baidu token fetch, GLM/SenseNova signing, the secret registry, the lazy"
        " transport) and pooled keep-alive connections were inherited as they were: a child"
        " forked during a token fetch blocked forever, and parent and child shared sockets",
        "tests/reliability/test_fork_redirects.py::test_a_fork_during_a_token_fetch_does_not_"
        "leave_the_child_blocked, ::test_a_forked_child_does_not_share_pooled_connections",
    ),
    (
        "Smaller: redirects",
        "the default clients followed every redirect: config `headers` crossed origins"
        " (httpx strips only `Authorization`) and a 301/302 turned the POST into a GET whose"
        " answer was returned as the model's",
        "matrix row `redirect_other_origin`; tests/reliability/test_fork_redirects.py",
    ),
    (
        "Smaller: base_url",
        "a password in `base_url` was not a registered secret (httpx logs the URL, the config"
        " repr shows it), and plain `http://` to a remote host passed silently",
        "tests/unit/test_config.py::test_password_in_base_url_is_masked_and_plain_http_warns_once",
    ),
]


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
    lines += ["", "## Hardening (issue 14): root causes and the tests that pin them", ""]
    lines += [f"- **{item}**: {cause}. Pinned by {test}." for item, cause, test in HARDENING]
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
