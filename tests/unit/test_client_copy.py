"""``copy`` / ``with_options`` on both clients: what the copy shares, what it takes, and the
retry policy rule (kept unless ``max_retries`` changes; a new one replaces it)."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from llmswitch import AsyncClient, Client
from llmswitch._retry import RetryPolicy

CONFIG = {"defaults": {"provider": "openai"}, "providers": {"openai": {"api_key": "sk-test-copy"}}}


@pytest.fixture(params=[Client, AsyncClient])
def client(request: pytest.FixtureRequest) -> Client | AsyncClient:
    made: Client | AsyncClient = request.param(CONFIG, retry_policy=RetryPolicy(3), timeout=7.0)
    return made


def test_copy_shares_config_and_pool_and_keeps_options(client: Client | AsyncClient) -> None:
    copied = client.copy()
    assert type(copied) is type(client)
    assert copied.config is client.config
    assert copied.http is client.http
    assert copied.timeout == 7.0
    assert copied.max_retries == client.max_retries


def test_retry_policy_is_kept_unless_max_retries_changes(client: Client | AsyncClient) -> None:
    assert client.copy()._retry_policy is client._retry_policy
    changed = client.with_options(max_retries=5)
    assert changed._retry_policy is None
    assert changed.max_retries == 5
    other = RetryPolicy(1)
    assert client.copy(retry_policy=other, max_retries=5)._retry_policy is other


def test_copy_changes_only_what_is_given(client: Client | AsyncClient) -> None:
    copied = client.copy(timeout=2.0, default_headers={"x-team": "a"}, base_url="http://h/v1")
    assert copied.timeout == 2.0
    assert copied.default_headers["x-team"] == "a"
    assert str(copied.base_url) == "http://h/v1/"
    assert client.timeout == 7.0
    assert "x-team" not in client.default_headers


def test_copy_takes_its_own_http_client() -> None:
    own = httpx.Client()
    try:
        assert Client(CONFIG).copy(http_client=own).http is own
    finally:
        own.close()
    aown = httpx.AsyncClient()
    try:
        assert AsyncClient(CONFIG).copy(http_client=aown).http is aown
    finally:
        asyncio.run(aown.aclose())
