"""openai-python's client options (``api_key``, ``base_url``, ``organization``, ``project``,
``default_headers``, ``default_query``) and how they apply.

They configure the *default provider* (``openai`` unless ``[defaults] provider`` says otherwise):
``Client(api_key=..., base_url=...)`` means what ``openai.OpenAI(api_key=..., base_url=...)``
means, and a config file or the environment fill in whatever is not given. Default headers and
query parameters go on every request the client sends, as in openai-python.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
from pydantic import SecretStr

from ._sentinels import is_given
from .providers._base import ProviderSettings

__all__ = ["ClientOptions", "apply_headers", "merge_options"]


@dataclass(frozen=True, slots=True)
class ClientOptions:
    """The openai-python constructor options of one client (``None``: not given)."""

    api_key: str | None = None
    organization: str | None = None
    project: str | None = None
    base_url: str | None = None
    default_headers: Mapping[str, Any] = field(default_factory=dict)
    default_query: Mapping[str, Any] = field(default_factory=dict)

    def settings_for(self, settings: ProviderSettings) -> ProviderSettings:
        """The default provider's settings with these options laid over them."""
        changes: dict[str, Any] = {}
        if self.api_key is not None:
            changes["api_key"] = SecretStr(self.api_key)
        if self.base_url is not None:
            changes["base_url"] = str(self.base_url)
        if self.organization is not None:
            changes["organization"] = self.organization
        if self.project is not None:
            changes["project"] = self.project
        return dataclasses.replace(settings, **changes) if changes else settings

    def __repr__(self) -> str:
        key = "***" if self.api_key else None
        return f"ClientOptions(api_key={key}, base_url={self.base_url!r})"


def merge_options(
    current: ClientOptions,
    *,
    api_key: str | None = None,
    organization: str | None = None,
    project: str | None = None,
    base_url: str | httpx.URL | None = None,
    default_headers: Mapping[str, Any] | None = None,
    set_default_headers: Mapping[str, Any] | None = None,
    default_query: Mapping[str, Any] | None = None,
    set_default_query: Mapping[str, Any] | None = None,
) -> ClientOptions:
    """The options of ``client.copy(...)`` / ``with_options(...)``: given values replace,
    ``default_headers`` / ``default_query`` merge, ``set_default_*`` replace wholesale."""
    if default_headers is not None and set_default_headers is not None:
        raise ValueError(
            "the `default_headers` and `set_default_headers` arguments are mutually exclusive"
        )
    if default_query is not None and set_default_query is not None:
        raise ValueError(
            "the `default_query` and `set_default_query` arguments are mutually exclusive"
        )
    headers = dict(current.default_headers)
    if set_default_headers is not None:
        headers = dict(set_default_headers)
    elif default_headers is not None:
        headers.update(default_headers)
    query = dict(current.default_query)
    if set_default_query is not None:
        query = dict(set_default_query)
    elif default_query is not None:
        query.update(default_query)
    return ClientOptions(
        api_key=api_key if api_key is not None else current.api_key,
        organization=organization if organization is not None else current.organization,
        project=project if project is not None else current.project,
        base_url=str(base_url) if base_url is not None else current.base_url,
        default_headers=headers,
        default_query=query,
    )


def apply_headers(request: httpx.Request, headers: Mapping[str, Any] | None) -> None:
    """Set headers on a request; a value of ``omit`` / ``NOT_GIVEN`` removes the header."""
    if not headers:
        return
    for name, value in headers.items():
        if not is_given(value):
            request.headers.pop(name, None)
        elif value is not None:
            request.headers[name] = str(value)


def apply_query(request: httpx.Request, query: Mapping[str, Any] | None) -> None:
    """Merge query parameters into a request's URL (``omit`` values are left out)."""
    if not query:
        return
    params = {k: v for k, v in query.items() if is_given(v) and v is not None}
    if params:
        request.url = request.url.copy_merge_params(params)
