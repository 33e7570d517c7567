"""What every provider adapter shares: call parameters, the adapter protocol, auth helpers.

Adapters are sans-IO: they turn :class:`ChatParams` into an ``httpx.Request`` and an
``httpx.Response`` (or SSE events) into llmswitch types, and never touch a socket or a clock
they were not given. The transport and client know nothing of any provider.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

import httpx
from pydantic import SecretStr

from .._secrets import register_secret
from .._sse import SSEEvent
from ..errors import (
    APIError,
    APIResponseValidationError,
    APIStatusError,
    InternalServerError,
    InvalidRequestError,
    parse_retry_after,
    status_error_class,
    status_is_retryable,
)
from ..types import ChatCompletion, ChatCompletionChunk, CreateEmbeddingResponse
from ..types.chat import ERROR_FINISH_REASONS
from ._params import (
    OPENAI_PLATFORM_PARAMS,
    OPTIONAL_CHAT_PARAMS,
    ChatParams,
    EmbeddingInput,
    EmbeddingParams,
    ParamSupport,
    Support,
    thinking_switch,
)

__all__ = [
    "OPENAI_PLATFORM_PARAMS",
    "OPTIONAL_CHAT_PARAMS",
    "Adapter",
    "BearerAuth",
    "ChatParams",
    "ChunkParser",
    "EmbeddingInput",
    "EmbeddingParams",
    "ErrorMapper",
    "ParamSupport",
    "ProviderSettings",
    "Support",
    "cached_url",
    "decode_json",
    "error_finish",
    "error_or_invalid",
    "make_error",
    "path_segment",
    "request_id_from",
    "thinking_switch",
]



@dataclass(slots=True)
class ProviderSettings:
    """Resolved settings of one configured provider (config file, then environment)."""

    name: str
    type: str
    base_url: str | None = None
    api_key: SecretStr | None = None
    access_key: SecretStr | None = None
    secret_key: SecretStr | None = None
    organization: str | None = None
    project: str | None = None
    region: str | None = None
    api: str | None = None
    workspace: str | None = None
    app_id: str | None = None
    auth: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    endpoints: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for secret in (self.api_key, self.access_key, self.secret_key):
            if secret is not None:
                register_secret(secret.get_secret_value())

    def __repr__(self) -> str:
        base_url = self.base_url
        if base_url and "@" in base_url:  # a password in the URL stays out of the repr
            base_url = str(httpx.URL(base_url).copy_with(password=None))
        return f"ProviderSettings(name={self.name!r}, type={self.type!r}, base_url={base_url!r})"


class ChunkParser(Protocol):
    """Stateful, per stream: SSE events in, chunks out."""

    done: bool
    """True once the provider's end marker has been seen; the stream stops reading."""

    def feed(self, event: SSEEvent) -> list[ChatCompletionChunk]:
        """Parse one event; raise a mapped :class:`APIError` for an error event."""
        ...

    def close(self) -> list[ChatCompletionChunk]:
        """End of body: return any last chunk, or raise if the stream was cut short."""
        ...


class ErrorMapper(Protocol):
    """The part of an adapter that a stream parser or the transport needs: its name and its
    error table."""

    name: str

    def map_error(self, status: int, body: bytes, headers: Mapping[str, str]) -> APIError: ...


class Adapter(Protocol):
    """The surface a provider module exposes (an instance is bound to one configured provider)."""

    name: str
    PARAMS: ClassVar[Mapping[str, ParamSupport]]
    auth: httpx.Auth | None

    def build_chat_request(self, params: ChatParams) -> httpx.Request: ...

    def parse_chat_response(self, response: httpx.Response) -> ChatCompletion: ...

    def chunk_parser(self, params: ChatParams) -> ChunkParser: ...

    def build_embeddings_request(self, params: EmbeddingParams) -> httpx.Request: ...

    def parse_embeddings_response(
        self, response: httpx.Response, params: EmbeddingParams
    ) -> CreateEmbeddingResponse: ...

    def map_error(self, status: int, body: bytes, headers: Mapping[str, str]) -> APIError: ...


class BearerAuth(httpx.Auth):
    """``Authorization: Bearer <key>`` (OpenAI, Qwen, Qianfan v2, compatible presets)."""

    def __init__(self, key: SecretStr, *, scheme: str = "Bearer") -> None:
        self._key = key
        self._value = f"{scheme} {key.get_secret_value()}" if scheme else key.get_secret_value()
        register_secret(key.get_secret_value())

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._value
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(key=***)"


@functools.lru_cache(maxsize=1024)
def cached_url(url: str) -> httpx.URL:
    """Parse an endpoint URL once: httpx re-parses a string URL on every request (tens of µs)."""
    return httpx.URL(url)


_SEGMENT = re.compile(r"[A-Za-z0-9._~:@+-]+")


def path_segment(value: str, provider: str, what: str = "model") -> str:
    """``value`` checked for use as one URL path segment, or :class:`InvalidRequestError`.

    A model id that becomes a path segment (ERNIE v1's endpoint names) must not be able to
    move the request elsewhere on the host, which also receives the credentials: ``/``,
    ``..``, ``?``, ``#``, ``%`` (percent-encoded forms), ``\\``, spaces and control or
    non-ASCII characters are refused before anything is sent.

    >>> path_segment("completions_pro", "ernie")
    'completions_pro'
    """
    if not value or ".." in value or value == "." or not _SEGMENT.fullmatch(value):
        raise InvalidRequestError(
            f"{provider}: {what} {value!r} cannot be used: it becomes a URL path segment, which"
            " may hold only letters, digits and . _ ~ : @ + - (no '/', '..', '?', '#', '%',"
            " spaces or control characters)"
        )
    return value


def request_id_from(headers: Mapping[str, str], *names: str) -> str | None:
    """First present request-id header among ``names`` (defaults to the common ones)."""
    for name in names or ("x-request-id", "request-id", "x-dashscope-request-id"):
        value = headers.get(name)
        if value:
            return value
    return None


def decode_json(body: bytes | str, provider: str) -> Any:
    """``json.loads`` that raises :class:`APIResponseValidationError` instead of ValueError, and
    instead of RecursionError for JSON nested deeper than the interpreter's stack (an answer
    nested 100k deep must not escape ``except APIError``)."""
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        detail = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise APIResponseValidationError(
            f"the provider answered with invalid JSON: {detail}",
            provider=provider,
            raw=text[:2000],
        ) from None


def error_finish(
    choices: Any, provider: str, raw: bytes | str, model: str = ""
) -> InternalServerError | None:
    """The error to raise when a choice finished with an error finish reason (``"error"``,
    GLM ``"network_error"``): the answer is cut short, not complete (DESIGN section 3)."""
    for choice in choices:
        reason = choice.finish_reason
        if reason is not None and reason in ERROR_FINISH_REASONS:
            text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
            return InternalServerError(
                f"the provider ended the answer with finish_reason {reason!r}: it failed"
                " before completing, and what was received is incomplete",
                provider=provider,
                status_code=200,
                code=reason,
                retryable=True,
                raw=text[:4000],
            )
    return None


def validation_error(
    exc: Exception, provider: str, body: bytes | str
) -> APIResponseValidationError:
    """Wrap a parse failure of a provider's answer into the typed error, keeping the body."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return APIResponseValidationError(
        f"the provider's answer does not match its documented format: {detail}",
        provider=provider,
        raw=text[:2000],
    )


def error_or_invalid(
    adapter: Adapter,
    status: int,
    body: bytes,
    headers: Mapping[str, str],
    exc: Exception,
    keys: tuple[str, ...],
) -> APIError:
    """A body that did not parse as an answer: the provider's own error when its JSON carries one
    of ``keys`` (an error inside a 200, say), else :class:`APIResponseValidationError`."""
    payload = decode_json(body, adapter.name)
    if isinstance(payload, dict) and any(key in payload for key in keys):
        return adapter.map_error(status, body, headers)
    return validation_error(exc, adapter.name, body)


def make_error(
    provider: str,
    status: int,
    message: str,
    *,
    body: bytes | str = b"",
    headers: Mapping[str, str] | None = None,
    code: str | None = None,
    cls: type[APIStatusError] | None = None,
    retryable: bool | None = None,
    request_id: str | None = None,
    type: str | None = None,
) -> APIStatusError:
    """Build a status error: class from ``cls`` or the HTTP status, retryability from the status
    unless given, Retry-After and request id from the headers."""
    headers = headers or {}
    error_cls = cls or status_error_class(status)
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    return error_cls(
        message or f"HTTP {status}",
        provider=provider,
        status_code=status,
        code=code,
        request_id=request_id or request_id_from(headers),
        retryable=status_is_retryable(status) if retryable is None else retryable,
        raw=text[:4000],
        retry_after=parse_retry_after(headers),
        type=type,
    )
