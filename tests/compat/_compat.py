"""Stand-ins for the openai-python test helpers and private imports the adapted tests use.

Nothing here imitates llmswitch behaviour: these are test utilities (openai's ``tests/``
helpers, ``openai._utils`` test helpers, inline-snapshot's value accessors) re-implemented
without depending on openai, plus ``compat_import`` which turns a name llmswitch does not export
(yet) into a placeholder that fails *the test that uses it* with a clear message, instead of
failing the whole module at import time.
"""

from __future__ import annotations

import asyncio
import glob
import inspect
import json
import os
import time
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Callable, Iterator, TypeVar

import httpx

HERE = os.path.dirname(os.path.abspath(__file__))
T = TypeVar("T")

# --------------------------------------------------------------------------------------------
# Missing names


class MissingAPIError(AssertionError):
    """Raised when a test touches a name llmswitch does not provide."""


class Missing:
    """Placeholder for ``module.name`` that llmswitch lacks; any use fails the test."""

    def __init__(self, qualname: str, reason: str = "") -> None:
        object.__setattr__(self, "_qualname", qualname)
        object.__setattr__(self, "_reason", reason)

    def _fail(self, *_: Any, **__: Any) -> Any:
        raise MissingAPIError(f"MISSING API: {self._qualname} is not provided by llmswitch ({self._reason})")

    def __repr__(self) -> str:
        return f"<MISSING API {self._qualname}>"

    __call__ = _fail
    __getitem__ = _fail
    __iter__ = _fail
    __enter__ = _fail
    __instancecheck__ = _fail
    __subclasscheck__ = _fail
    __mro_entries__ = _fail

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        self._fail()


def compat_import(module: str, name: str) -> Any:
    """``from <module> import <name>``, or a :class:`Missing` placeholder."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        return Missing(f"{module}.{name}", f"module {module} cannot be imported: {exc}")
    try:
        return getattr(mod, name)
    except AttributeError:
        return Missing(f"{module}.{name}", "name not exported")


# --------------------------------------------------------------------------------------------
# openai._utils / openai._compat test helpers (copied semantics)

PYDANTIC_V1 = False


def consume_sync_iterator(iterator: Iterator[Any]) -> None:
    for _ in iterator:
        ...


async def consume_async_iterator(iterator: AsyncIterator[Any]) -> None:
    async for _ in iterator:
        ...


def model_copy(model: Any, *, deep: bool = False) -> Any:
    return model.model_copy(deep=deep)


def model_parse(model: type[T], data: Any) -> T:
    return model.model_validate(data)  # type: ignore[attr-defined,no-any-return]


def assert_signatures_in_sync(
    source_func: Callable[..., Any],
    check_func: Callable[..., Any],
    *,
    exclude_params: set[str] = set(),
    description: str = "",
) -> None:
    """openai._utils._reflection.assert_signatures_in_sync, verbatim semantics."""
    check_sig = inspect.signature(check_func)
    source_sig = inspect.signature(source_func)

    errors: list[str] = []

    for name, source_param in source_sig.parameters.items():
        if name in exclude_params:
            continue

        custom_param = check_sig.parameters.get(name)
        if not custom_param:
            errors.append(f"the `{name}` param is missing")
            continue

        if custom_param.annotation != source_param.annotation:
            errors.append(
                f"types for the `{name}` param are do not match; source={repr(source_param.annotation)} checking={repr(custom_param.annotation)}"
            )
            continue

    if errors:
        raise AssertionError(
            f"{len(errors)} errors encountered when comparing signatures{description}:\n\n" + "\n\n".join(errors)
        )


async def asyncify_call(fn: Callable[..., T], *args: Any) -> T:
    return await asyncio.to_thread(fn, *args)


# openai._constants / openai._base_client values the tests compare against
DEFAULT_TIMEOUT = httpx.Timeout(timeout=600, connect=5.0)
HTTPX_DEFAULT_TIMEOUT = httpx.Timeout(5.0)

# --------------------------------------------------------------------------------------------
# inline-snapshot stand-ins: the recorded bodies are data; comparisons are plain equality.


def snapshot(value: Any = None) -> Any:
    return value


@dataclass
class _External:
    pattern: str

    def load(self) -> bytes:
        matches = sorted(glob.glob(os.path.join(HERE, "data", "external", self.pattern)))
        assert len(matches) == 1, f"external snapshot {self.pattern!r}: {len(matches)} matches"
        with open(matches[0], "rb") as f:
            return f.read()


def external(pattern: str) -> _External:
    return _External(pattern)


def get_snapshot_value(value: Any) -> Any:
    if isinstance(value, _External):
        return value.load()
    return value


def outsource(value: Any) -> Any:  # only used in OPENAI_LIVE mode, never here
    raise RuntimeError("live snapshot recording is not supported in the compat suite")


# --------------------------------------------------------------------------------------------
# `client._build_request(FinalRequestOptions(...))` → send it through the public API and capture
# the request (see MAPPING.md, "private request building").


class _NotGivenT:
    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> bool:
        return False


_NOT_GIVEN: Any = _NotGivenT()


@dataclass
class FinalRequestOptions:
    method: str
    url: str
    params: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    json_data: Any = None
    extra_json: Any = None
    timeout: Any = _NOT_GIVEN
    max_retries: Any = _NOT_GIVEN
    files: Any = None

    @classmethod
    def construct(cls, **kwargs: Any) -> FinalRequestOptions:
        return cls(**kwargs)


def make_request_options(
    *,
    query: dict[str, Any] | None = None,
    extra_headers: dict[str, Any] | None = None,
    extra_query: dict[str, Any] | None = None,
    extra_body: Any = None,
    timeout: Any = _NOT_GIVEN,
) -> dict[str, Any]:
    """openai._base_client.make_request_options: merge query + extra_query, keep the rest."""
    options: dict[str, Any] = {}
    if extra_headers is not None:
        options["headers"] = extra_headers
    if extra_body is not None:
        options["extra_json"] = extra_body
    if query is not None:
        options["params"] = query
    if extra_query is not None:
        options["params"] = {**options.get("params", {}), **extra_query}
    if not isinstance(timeout, _NotGivenT):
        options["timeout"] = timeout
    return options


_OK_BODIES = {
    "/models": {"object": "list", "data": []},
    "/chat/completions": {
        "id": "chatcmpl-compat",
        "object": "chat.completion",
        "created": 0,
        "model": "gpt-4o",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop", "logprobs": None}
        ],
    },
}


def _ok(request: httpx.Request) -> httpx.Response:
    for suffix, body in _OK_BODIES.items():
        if request.url.path.endswith(suffix):
            return httpx.Response(200, json=body)
    return httpx.Response(200, json={})


def build_request(client: Any, options: FinalRequestOptions) -> httpx.Request:
    """Replacement for openai's private ``client._build_request(options)``.

    The request goes out through llmswitch's public API under a respx router that answers 200
    to anything, and the request as it reached the transport is returned:

    - GET ``/foo`` (the generic path openai's tests use for client-wide defaults) is sent as
      ``client.models.list(extra_headers=..., extra_query=..., timeout=...)``;
    - POST ``/foo`` without a body as ``client.chat.completions.create(model="gpt-4o", ...)``
      with the same extras;
    - anything else (a body, ``extra_json``, another path, an absolute URL) through openai's
      documented generic methods ``client.get/post(path, cast_to=httpx.Response, body=...,
      options={...})``.
    """
    import respx

    extras: dict[str, Any] = {}
    if options.headers:
        extras["extra_headers"] = options.headers
    if options.params:
        extras["extra_query"] = options.params
    if not isinstance(options.timeout, _NotGivenT):
        extras["timeout"] = options.timeout

    with respx.mock(assert_all_called=False, assert_all_mocked=True) as router:
        route = router.route().mock(side_effect=_ok)
        generic = not (options.url == "/foo" and options.json_data is None and options.extra_json is None)
        try:
            _send(client, options, extras, generic)
        except Exception:
            # openai's _build_request only builds; what happens after the request reached the
            # transport (e.g. a client-side deadline with timeout=0) is not what these tests
            # check. No request at all is still a failure (below).
            if not route.calls:
                raise
        assert route.calls, "no request was sent"
        return route.calls.last.request


def _send(client: Any, options: FinalRequestOptions, extras: dict[str, Any], generic: bool) -> None:
    if not generic and options.method == "get":
        _run(client.models.list(**extras))
    elif not generic and options.method == "post":
        _run(
            client.chat.completions.create(
                model="gpt-4o", messages=[{"role": "user", "content": "hi"}], **extras
            )
        )
    else:
        opts: dict[str, Any] = {}
        if options.headers:
            opts["headers"] = options.headers
        if options.params:
            opts["params"] = options.params
        if options.extra_json is not None:
            opts["extra_json"] = options.extra_json
        if not isinstance(options.timeout, _NotGivenT):
            opts["timeout"] = options.timeout
        method = getattr(client, options.method)
        kwargs: dict[str, Any] = {"cast_to": httpx.Response, "options": opts}
        if options.method != "get":
            kwargs["body"] = options.json_data
        _run(method(options.url, **kwargs))


def _run(value: Any) -> Any:
    """Await a coroutine from sync test code (async clients in sync tests)."""
    if inspect.isawaitable(value):
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(_await(value))
        # inside a running loop (async test): run in a helper thread with its own loop
        import concurrent.futures

        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, _await(value)).result()
    return value


async def _await(value: Any) -> Any:
    return await value


def get_params(client: Any) -> dict[str, str]:
    """openai's ``_get_params(client)``: the query of a default GET request."""
    request = build_request(client, FinalRequestOptions(method="get", url="/foo"))
    return dict(httpx.URL(request.url).params)


# --------------------------------------------------------------------------------------------
# Retry waits. openai's tests patch ``BaseClient._calculate_retry_timeout`` to 0.1 s (speed) or
# call it directly (to check the computed wait). The compat suite observes the waits instead:
# ``time.sleep`` / ``asyncio.sleep`` are replaced by recorders that return at once.


class SleepRecorder:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.calls.append(float(seconds))

    async def async_sleep(self, seconds: float, *args: Any, **kwargs: Any) -> None:
        self.calls.append(float(seconds))
        await _REAL_ASYNC_SLEEP(0)


_REAL_ASYNC_SLEEP = asyncio.sleep
_REAL_TIME_SLEEP = time.sleep


# typing-only names from openai.lib._parsing (type variables of the helpers' generics)
ResponseFormatT = TypeVar("ResponseFormatT")
TextFormatT = TypeVar("TextFormatT")


def construct_type_unchecked(*, value: Any, type_: Any) -> Any:
    """Stand-in for openai._models.construct_type_unchecked (build without validation).

    Validates when the value is complete; otherwise ``model_construct`` with the given fields
    (nested values stay as given: openai would build nested models loosely)."""
    try:
        return type_.model_validate(value)
    except Exception:
        return type_.model_construct(**value)
