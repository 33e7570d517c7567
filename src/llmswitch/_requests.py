"""openai-python's low-level requests (``client.get/post/put/patch/delete(path, cast_to=...)``,
its README's "undocumented endpoints"): any path of the default provider's API, with its auth,
errors and retries.

A relative path joins the default provider's base URL; an absolute URL is used as given; a query
string in the path is kept and merged with ``options["params"]``. ``cast_to=httpx.Response``
gives the response itself, a pydantic model class parses the body into it, anything else gives
the decoded JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import httpx
from pydantic import BaseModel

from ._pipeline import Extras, Step, aread_then, provider_step, read_then
from ._routing import Router
from ._sentinels import NOT_GIVEN
from .providers._base import Adapter

__all__ = ["RequestOptions", "async_cast_handler", "cast_handler", "generic_steps"]

RequestOptions = Mapping[str, Any]
"""``{"headers", "params", "extra_json", "timeout"}`` as openai-python's ``options``."""


def generic_steps(
    client: Router,
    method: str,
    path: str,
    *,
    body: Any = None,
    content: bytes | str | None = None,
    options: RequestOptions | None = None,
) -> Iterator[Step[None]]:
    """The one step of a low-level request to the default provider."""
    options = options or {}

    def build(adapter: Adapter) -> httpx.Request:
        base = str(getattr(adapter, "base_url", "")).rstrip("/")
        url = httpx.URL(path if "://" in path else f"{base}/{path.lstrip('/')}")
        params = options.get("params")
        if params:
            url = url.copy_merge_params(dict(params))
        headers: dict[str, str] = dict(getattr(adapter, "headers", {}) or {})
        payload = body
        extra_json = options.get("extra_json")
        if extra_json:
            payload = {**(payload or {}), **extra_json}
        kwargs: dict[str, Any] = {}
        if content is not None:
            kwargs["content"] = content
        elif payload is not None:
            kwargs["json"] = payload
        return httpx.Request(method.upper(), url, headers=headers, **kwargs)

    extras = Extras(options.get("timeout", NOT_GIVEN), options.get("headers"), None, None)
    return provider_step(client, None, build, extras)


def _cast(cast_to: Any) -> Callable[[Adapter, httpx.Response], Any]:
    def cast(adapter: Adapter, response: httpx.Response) -> Any:
        if cast_to is httpx.Response:
            return response
        if isinstance(cast_to, type) and issubclass(cast_to, BaseModel):
            return cast_to.model_validate_json(response.content)
        if not response.content:
            return None
        return json.loads(response.content)

    return cast


def cast_handler(cast_to: Any) -> Callable[[Step[None]], Callable[[httpx.Response], Any]]:
    """Read the body, then cast it as ``cast_to`` asks."""
    return read_then(_cast(cast_to))


def async_cast_handler(cast_to: Any) -> Any:
    """Async twin of :func:`cast_handler`."""
    return aread_then(_cast(cast_to))
