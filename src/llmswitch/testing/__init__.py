"""Test helpers for apps that use llmswitch: fakes that speak each provider's native wire.

``mock_provider("qwen")`` intercepts llmswitch's HTTP calls (with respx, so no network) and
answers in DashScope's own format; ``LoopbackServer`` is a real 127.0.0.1 server for tests that
need sockets. respx is imported only when a mock is created.

>>> from llmswitch import Client
>>> from llmswitch.testing import mock_provider
>>> with mock_provider("openai") as fake:                                   # doctest: +SKIP
...     fake.reply("Bonjour")
...     client = Client(fake.config)
...     client.chat.completions.create(model="openai/gpt-4o", messages=[...])
"""

from __future__ import annotations

import importlib
from collections import deque
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from ._model import FakeError, FakeWire, Kind, Reply
from ._pools import pool_idle
from ._server import Action, LoopbackServer, RecordedRequest

if TYPE_CHECKING:
    import respx

__all__ = [
    "Action",
    "FakeError",
    "FakeProvider",
    "FakeWire",
    "LoopbackServer",
    "RecordedRequest",
    "Reply",
    "fake_wire",
    "mock_provider",
    "pool_idle",
    "response_to_action",
]

# Provider name → module (in this package) and attribute of its fake wire. Lazy.
_FAKES: dict[str, tuple[str, str]] = {
    "openai": ("_openai", "OPENAI"),
    "deepseek": ("_openai", "DEEPSEEK"),
    "moonshot": ("_openai", "MOONSHOT"),
    "doubao": ("_openai", "DOUBAO"),
    "hunyuan": ("_openai", "HUNYUAN"),
    "qwen": ("_qwen", "QWEN"),
    "glm": ("_glm", "GLM"),
    "ernie": ("_ernie", "ERNIE"),
    "sensenova": ("_sensenova", "SENSENOVA"),
}


def fake_wire(provider: str) -> FakeWire:
    """The fake wire of a provider (``"openai"``, ``"qwen"``, ``"glm"``, ...)."""
    try:
        module_name, attr = _FAKES[provider]
    except KeyError:
        raise ValueError(
            f"no fake for provider {provider!r}; known: {', '.join(sorted(_FAKES))}"
        ) from None
    module = importlib.import_module(f"{__name__}.{module_name}")
    wire: FakeWire = getattr(module, attr)
    return wire


class FakeProvider:
    """A respx-backed fake of one provider. Script answers with :meth:`reply` / :meth:`fail`;
    unscripted calls get a default :class:`Reply`. ``requests`` records what was sent."""

    def __init__(self, provider: str, base_url: str | None = None) -> None:
        self.provider = provider
        self.wire = fake_wire(provider)
        self.base_url = base_url
        self.requests: list[httpx.Request] = []
        self._replies: deque[Reply] = deque()
        self._router: respx.MockRouter | None = None

    @property
    def config(self) -> dict[str, Any]:
        """A config dict for ``Client(...)`` that points this provider at the fake."""
        return {"providers": {self.provider: self.wire.config(self.base_url)}}

    def reply(self, content: str | None = None, **kwargs: Any) -> FakeProvider:
        """Queue a successful answer (``content`` text, or ``tool_calls=[...]``)."""
        if content is not None:
            kwargs["content"] = content
        self._replies.append(Reply(**kwargs))
        return self

    def fail(
        self,
        status: int = 500,
        code: str | None = None,
        message: str = "fake error",
        **kwargs: Any,
    ) -> FakeProvider:
        """Queue an error answer in the provider's own error format."""
        self._replies.append(Reply(error=FakeError(status, code, message, **kwargs)))
        return self

    def _answer(self, kind: Kind, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self._replies.popleft() if kind != "token" and self._replies else Reply()
        return self.wire.render(kind, request, reply)

    def __enter__(self) -> FakeProvider:
        import respx

        router = respx.mock(assert_all_called=False, assert_all_mocked=True)
        for method, pattern, kind in self.wire.routes(self.base_url):
            router.route(method=method, url__regex=pattern).mock(
                side_effect=lambda request, kind=kind: self._answer(kind, request)
            )
        router.__enter__()
        self._router = router
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._router is not None:
            self._router.__exit__(exc_type, exc, tb)
            self._router = None


def mock_provider(provider: str, base_url: str | None = None) -> FakeProvider:
    """Fake ``provider`` in its native wire format for the duration of a ``with`` block."""
    return FakeProvider(provider, base_url)


def response_to_action(response: httpx.Response, *, chunked: bool | None = None) -> Action:
    """Turn a rendered fake answer into a :class:`LoopbackServer` action (SSE is chunked per
    event, like the providers send it)."""
    body = response.content
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    is_sse = response.headers.get("content-type", "").startswith("text/event-stream")
    if chunked or (chunked is None and is_sse):
        parts = [p + b"\n\n" for p in body.split(b"\n\n") if p.strip()]
        return Action(status=response.status_code, headers=headers, chunks=parts)
    return Action(status=response.status_code, headers=headers, body=body)
