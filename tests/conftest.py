"""Shared test helpers: fixture files (copied from spec/fixtures) and a loopback server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from llmswitch.testing import LoopbackServer

FIXTURES = Path(__file__).parent / "fixtures"

# Scanner inputs under fixtures/ include apps' own tests (which import openai): data, not tests.
collect_ignore = ["fixtures"]


def fixture_json(provider: str, name: str) -> Any:
    """Load ``tests/fixtures/<provider>/<name>`` as JSON."""
    return json.loads((FIXTURES / provider / name).read_text(encoding="utf-8"))


def fixture_bytes(provider: str, name: str) -> bytes:
    """Load ``tests/fixtures/<provider>/<name>`` as bytes (SSE bodies are byte-exact)."""
    return (FIXTURES / provider / name).read_bytes()


def scenarios(provider: str, suffix: str) -> list[str]:
    """Scenario names of a provider that have a file ending in ``suffix``."""
    return sorted(p.name[: -len(suffix)] for p in (FIXTURES / provider).glob(f"*{suffix}"))


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    """A scripted HTTP server on 127.0.0.1, stopped after the test."""
    with LoopbackServer() as server:
        yield server
