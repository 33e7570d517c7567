"""DashScope's bearer key, plus one retry on the other ``aigc`` endpoint after a url error.

DashScope answers a chat sent to the wrong one of text-generation / multimodal-generation with
HTTP 400 ``InvalidParameter`` "url error, please check url" [H] dashscope 2.0.2
``acli/providers/tongyi.py`` (``_is_url_error``), whose agent then tries the other path and
remembers the binding. The family table in ``routing.py`` gets current models right; this
catches a model it does not know yet: the request is re-sent once to the other path with its
messages in that path's form, and the binding is learned for the rest of the process (so the
next call goes straight there). An auth flow is the one place that sees both the request and
the answer before the transport maps the error; nothing else in the request changes.

A url error inside an HTTP 200 stream (an ``event:error`` frame) is not retried here (reading
the stream's first event would hold back its start); the chunk parser learns the binding, so
the next call is routed right.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Generator
from typing import Any

import httpx
from pydantic import SecretStr

from ..._secrets import register_secret
from .routing import is_url_error, learn

__all__ = ["MULTIMODAL_PATH", "TEXT_PATH", "QwenAuth", "switch_body"]

TEXT_PATH = "/services/aigc/text-generation/generation"
MULTIMODAL_PATH = "/services/aigc/multimodal-generation/generation"


def _switch_message(message: Any, to_multimodal: bool) -> Any:
    if not isinstance(message, dict):
        return message
    content = message.get("content")
    if to_multimodal:
        if isinstance(content, str):
            return {**message, "content": [{"text": content}]}
        if content is None:
            return {**message, "content": []}
        return message
    if isinstance(content, list):
        if any(not isinstance(p, dict) or set(p) - {"text", "cache_control"} for p in content):
            raise ValueError("media parts cannot go to text-generation")
        return {**message, "content": "".join(str(p.get("text", "")) for p in content)}
    return message


def switch_body(body: dict[str, Any], to_multimodal: bool) -> dict[str, Any] | None:
    """The native body in the other path's message form, or ``None`` when it cannot move (a
    media part cannot go to text-generation)."""
    source = body.get("input")
    if not isinstance(source, dict) or not isinstance(source.get("messages"), list):
        return None
    try:
        messages = [_switch_message(m, to_multimodal) for m in source["messages"]]
    except ValueError:
        return None
    return {**body, "input": {**source, "messages": messages}}


def _other(request: httpx.Request) -> tuple[httpx.Request, bool] | None:
    """The same call on the other path, and whether that path is multimodal."""
    path = request.url.path
    if path.endswith(TEXT_PATH):
        to_multimodal, new_path = True, path[: -len(TEXT_PATH)] + MULTIMODAL_PATH
    elif path.endswith(MULTIMODAL_PATH):
        to_multimodal, new_path = False, path[: -len(MULTIMODAL_PATH)] + TEXT_PATH
    else:
        return None
    try:
        body = json.loads(request.content)
    except (ValueError, httpx.RequestNotRead):
        return None
    switched = switch_body(body, to_multimodal) if isinstance(body, dict) else None
    if switched is None:
        return None
    headers = httpx.Headers(request.headers)
    headers.pop("content-length", None)
    retry = httpx.Request(
        request.method,
        request.url.copy_with(path=new_path),
        headers=headers,
        content=json.dumps(switched, ensure_ascii=False).encode(),
        extensions=dict(request.extensions),
    )
    return retry, to_multimodal


class QwenAuth(httpx.Auth):
    """``Authorization: Bearer <key>``; a url error on a chat path is retried once on the other
    path (see the module docstring). ``provider`` keys the learned bindings."""

    def __init__(self, key: SecretStr, provider: str) -> None:
        self._value = f"Bearer {key.get_secret_value()}"
        self._provider = provider
        register_secret(key.get_secret_value())

    def __repr__(self) -> str:
        return "QwenAuth(key=***)"

    def _retry(self, request: httpx.Request, body: bytes) -> httpx.Request | None:
        if not is_url_error(body):
            return None
        other = _other(request)
        if other is None:
            return None
        retry, multimodal = other
        model = request.extensions.get("llmswitch_model")
        if isinstance(model, str) and model:
            learn(self._provider, model, multimodal)
        return retry

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._value
        response = yield request
        if response.status_code == 400 and request.extensions.get("llmswitch_reroute"):
            retry = self._retry(request, response.read())
            if retry is not None:
                yield retry

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        request.headers["Authorization"] = self._value
        response = yield request
        if response.status_code == 400 and request.extensions.get("llmswitch_reroute"):
            retry = self._retry(request, await response.aread())
            if retry is not None:
                yield retry
