"""Which providers get a Responses request natively, and how it is sent (the routing data of
``client.responses`` lives here, not in the adapters).

OpenAI (and any provider of type ``openai``) takes Responses requests as they are:
``POST {base_url}/responses``, ``GET`` / ``DELETE {base_url}/responses/{id}``. Providers that
serve a Responses endpoint of their own (:data:`NATIVE_ENDPOINTS`, from their docs) use it when
their config asks for it (``endpoints.responses = "native"``, or the endpoint URL); everyone
else, and these by default, is translated onto its chat API (:mod:`._request`,
:mod:`._answer`, :mod:`._events`), where llmswitch keeps the conversation state.
``endpoints.responses = "chat"`` translates even for OpenAI.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
from pydantic import ValidationError

from .._sentinels import is_given
from ..errors import InvalidRequestError
from ..providers._base import Adapter, error_or_invalid, request_id_from
from ..types import attach_request_id
from ..types.responses import Response
from ._request import plain

__all__ = [
    "NATIVE_ENDPOINTS",
    "NATIVE_NOTES",
    "STATELESS",
    "build_native",
    "check_id",
    "native_url",
    "parse_native",
]

NATIVE_ENDPOINTS: Mapping[str, str] = {
    "qwen": "https://dashscope.aliyuncs.com/compatible-mode/v1/responses",
    "glm": "https://open.bigmodel.cn/api/v1/responses",
    "deepseek": "https://api.deepseek.com/responses",
    "doubao": "https://ark.cn-beijing.volces.com/api/v3/responses",
}
"""Responses endpoints providers document (used only when a config opts in)."""

NATIVE_PATHS: Mapping[str, str] = {
    name: httpx.URL(url).path for name, url in NATIVE_ENDPOINTS.items()
}
"""The same, as paths on the host of the provider's configured ``base_url`` (a region's)."""

STATELESS = frozenset({"deepseek"})
"""Native endpoints that keep no state: their answers are kept by llmswitch, and a call that
continues one (``previous_response_id``) is translated onto the chat API instead."""

NATIVE_NOTES: Mapping[str, str] = {
    "openai": "native (POST /responses); OpenAI keeps the state",
    "qwen": "translated onto chat; DashScope's /compatible-mode/v1/responses by opt-in"
    " (function tools and images there unconfirmed)",
    "glm": "translated onto chat; BigModel's /api/v1/responses (glm-5.x) by opt-in",
    "deepseek": "translated onto chat; DeepSeek's /responses by opt-in (stateless there)",
    "doubao": "translated onto chat; Ark's /api/v3/responses by opt-in",
}


def native_url(adapter: Adapter) -> str | None:
    """The Responses endpoint to send to natively, or ``None`` to translate onto chat."""
    settings: Any = getattr(adapter, "settings", None)
    endpoints: Mapping[str, str] = getattr(settings, "endpoints", None) or {}
    kind = getattr(settings, "type", None)
    base = str(getattr(adapter, "base_url", "") or "").rstrip("/")
    choice = endpoints.get("responses")
    if choice == "chat":
        return None
    if choice == "native":
        path = NATIVE_PATHS.get(adapter.name)
        if path is None:
            return base + "/responses" if base else None
        url = httpx.URL(base or NATIVE_ENDPOINTS[adapter.name])
        return f"{url.scheme}://{url.netloc.decode('ascii')}{path}"
    if choice and choice.startswith(("http://", "https://")):
        return choice.rstrip("/")
    if kind == "openai" and base:
        return base + "/responses"
    return None


def check_id(response_id: str) -> str:
    if not response_id:
        raise ValueError(
            f"Expected a non-empty value for `response_id` but received {response_id!r}"
        )
    return response_id


def _headers(adapter: Adapter, stream: bool) -> dict[str, str]:
    headers = dict(getattr(adapter, "headers", None) or {"Accept": "application/json"})
    if stream:
        headers["Accept"] = "text/event-stream"
    return headers


def build_native(
    adapter: Adapter,
    url: str,
    args: Mapping[str, Any],
    model: str | None,
    stream: bool,
    extra_body: Mapping[str, Any] | None,
) -> httpx.Request:
    """``POST {url}`` with the call's given arguments as openai-python sends them: ``model``
    first, then ``stream``, then the others in the order of its signature."""
    body: dict[str, Any] = {}
    if model is not None:
        body["model"] = model
    if stream:
        body["stream"] = True
    elif args.get("stream") is False:  # given explicitly: openai-python sends it
        body["stream"] = False
    for name, value in args.items():
        if name == "stream":
            continue
        if is_given(value) and name != "model":
            body[name] = plain(value)
    if extra_body:
        body.update(extra_body)
    return httpx.Request("POST", url, json=body, headers=_headers(adapter, stream))


def build_native_get(
    adapter: Adapter, url: str, response_id: str, query: Mapping[str, Any], method: str = "GET"
) -> httpx.Request:
    params: dict[str, Any] = {}
    for name, value in query.items():
        if value is None or not is_given(value):
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        params[name] = value
    stream = params.get("stream") == "true"
    return httpx.Request(
        method, f"{url}/{check_id(response_id)}", params=params, headers=_headers(adapter, stream)
    )


def parse_native(adapter: Adapter, response: httpx.Response) -> Response:
    """A native Responses answer, validated (an error inside a 200 body is mapped)."""
    body = response.content
    try:
        result = Response.model_validate_json(body)
    except ValidationError as exc:
        raise error_or_invalid(
            adapter, response.status_code, body, response.headers, exc, ("error",)
        ) from None
    result.with_raw(body, adapter.name)
    attach_request_id(result, request_id_from(response.headers))
    return result


def no_native(adapter: Adapter, what: str) -> InvalidRequestError:
    return InvalidRequestError(
        f"{what}: no stored response with this id, and provider {adapter.name!r} has no"
        " Responses endpoint llmswitch sends to (see docs/responses.md)"
    )
