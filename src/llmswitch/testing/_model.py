"""What a fake answers and how a fake wire is shaped: shared by every provider's fake below
:mod:`llmswitch.testing` (they import this module, never the package)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

import httpx

__all__ = ["FakeError", "FakeWire", "Kind", "Reply"]

Kind = Literal["chat", "embeddings", "token"]


@dataclass
class FakeError:
    """An error the fake answers with, rendered in the provider's own error format."""

    status: int = 500
    code: str | None = None
    message: str = "fake error"
    retry_after: float | None = None
    in_body: bool = False
    """Send it as an error inside an HTTP 200 body / stream (providers that do that)."""


@dataclass
class Reply:
    """What the fake answers next: text or tool calls, usage, or an error."""

    content: str | None = "Hello from the llmswitch fake."
    tool_calls: list[dict[str, str]] | None = None
    """Each ``{"id": ..., "name": ..., "arguments": "<json>"}``."""
    finish_reason: str | None = None
    prompt_tokens: int = 10
    completion_tokens: int = 5
    error: FakeError | None = None
    dimensions: int = 4


class FakeWire(Protocol):
    """How one provider's fake is routed and rendered (one per native API)."""

    def routes(self, base_url: str | None) -> list[tuple[str, str, Kind]]:
        """``(method, url regex, kind)`` per endpoint the fake answers."""
        ...

    def render(self, kind: Kind, request: httpx.Request, reply: Reply) -> httpx.Response:
        """The provider's native answer to ``request`` (JSON or SSE by the request)."""
        ...

    def config(self, base_url: str | None) -> dict[str, Any]:
        """A ``[providers.<name>]`` table with fake credentials that routes to the fake."""
        ...
