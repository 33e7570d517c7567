"""Fixtures of openai-python's tests/conftest.py, for llmswitch.

openai's fixtures build ``OpenAI(base_url=..., api_key=..., admin_api_key=...,
_strict_response_validation=strict, http_client=DefaultHttpx2Client())``. Here:
``llmswitch.Client(base_url=base_url, api_key=api_key)``; ``admin_api_key`` (admin API),
``_strict_response_validation`` (private) and the httpx2/aiohttp default clients are dropped
(MAPPING.md). The ``loose``/``strict`` parametrisations are kept so test ids match openai's.

``LLMSWITCH_COMPAT_SHIM=1`` (diagnostics for BASELINE.md only, never for the pass rate): when
the openai-style constructor raises TypeError, the fixtures fall back to llmswitch's config
dict so that the tests get past construction and show their next failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from typing import Any, AsyncIterator, Iterator
from unittest import mock

import pytest

import llmswitch
from llmswitch import AsyncClient, Client

from ._compat import SleepRecorder

base_url = os.environ.get("TEST_API_BASE_URL", "http://127.0.0.1:4010")
api_key = "My API Key"


# ---- isolation (was the suite's root conftest): per test, so the rest of llmswitch's suite is
# untouched. No developer's llmswitch.toml or provider keys; no network beyond 127.0.0.1.

_ALLOWED_HOSTS = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def _compat_isolation(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    import socket

    for name in list(os.environ):
        if name.endswith("_API_KEY") or name in (
            "LLMSWITCH_CONFIG", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"
        ):  # fmt: skip
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else address
        if (
            isinstance(host, str)
            and self.family in (socket.AF_INET, socket.AF_INET6)
            and host not in _ALLOWED_HOSTS
        ):
            raise ConnectionRefusedError(f"compat suite: network access to {host!r} refused")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)

SHIM = os.environ.get("LLMSWITCH_COMPAT_SHIM") == "1"


def make_client(cls: Any, **kwargs: Any) -> Any:
    try:
        return cls(**kwargs)
    except TypeError:
        if not SHIM:
            raise
        provider: dict[str, Any] = {}
        for key in ("api_key", "base_url", "organization", "project"):
            if kwargs.get(key) is not None:
                provider[key] = kwargs[key]
        if kwargs.get("default_headers"):
            provider["headers"] = dict(kwargs["default_headers"])
        config = {"defaults": {"provider": "openai"}, "providers": {"openai": provider}}
        rest = {k: v for k, v in kwargs.items() if k in ("timeout", "max_retries", "http_client")}
        return cls(config, **rest)


def _param(request: pytest.FixtureRequest) -> bool:
    strict = getattr(request, "param", True)
    if isinstance(strict, dict):
        strict = strict.get("strict", True)
    if not isinstance(strict, bool):
        raise TypeError(f"Unexpected fixture parameter type {type(strict)}, expected {bool}")
    return strict


@pytest.fixture
def client(request: pytest.FixtureRequest) -> Iterator[Client]:
    _param(request)  # loose / strict: no llmswitch equivalent, kept for the test ids
    c = make_client(Client, base_url=base_url, api_key=api_key)
    with c:
        yield c


@pytest.fixture
async def async_client(request: pytest.FixtureRequest) -> AsyncIterator[AsyncClient]:
    _param(request)
    c = make_client(AsyncClient, base_url=base_url, api_key=api_key)
    async with c:
        yield c


# --------------------------------------------------------------------------------------------
# Retry waits (replaces mock.patch("openai._base_client.BaseClient._calculate_retry_timeout")).


def _patch_llmswitch_retry_defaults() -> Any:
    """llmswitch's RetryPolicy binds time.sleep/asyncio.sleep as parameter defaults at import;
    point them at the *current* time.sleep/asyncio.sleep so that patching those is observed.
    A no-op when llmswitch has no such class (then patching time.sleep/asyncio.sleep is
    enough, as it is for openai)."""
    policy = getattr(llmswitch, "RetryPolicy", None)
    init = getattr(policy, "__init__", None)
    kwdefaults = getattr(init, "__kwdefaults__", None)
    if not kwdefaults or "sleep" not in kwdefaults:
        return None
    saved = dict(kwdefaults)
    kwdefaults["sleep"] = lambda s: time.sleep(s)

    async def _async_sleep(s: float) -> None:
        await asyncio.sleep(s)

    kwdefaults["async_sleep"] = _async_sleep
    return saved


_patch_llmswitch_retry_defaults()


@pytest.fixture
def retry_sleeps() -> Iterator[SleepRecorder]:
    """Record every retry wait and return at once."""
    recorder = SleepRecorder()
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch("time.sleep", recorder.sleep))
        stack.enter_context(mock.patch("asyncio.sleep", recorder.async_sleep))
        try:
            import anyio  # openai's async client sleeps through anyio.sleep
        except ImportError:
            pass
        else:
            stack.enter_context(mock.patch.object(anyio, "sleep", recorder.async_sleep))
        yield recorder
