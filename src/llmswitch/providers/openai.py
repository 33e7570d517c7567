"""OpenAI Chat Completions and Embeddings, and every OpenAI-compatible endpoint (sans-IO).

Wire facts: ``spec/wire-qwen-glm-openai.md`` section 4 (bodies, ``[DONE]``, in-stream errors,
base64 embeddings, error codes). The compatible presets (DeepSeek, Moonshot, Doubao, Hunyuan,
custom ``type = "openai-compatible"``) are rows in the registry that reuse this adapter.
"""

from __future__ import annotations

import base64
import json
import sys
from array import array
from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ValidationError

from .._sse import SSEEvent
from ..errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    QuotaExceededError,
    RateLimitError,
)
from ..types import (
    ChatCompletion,
    ChatCompletionChunk,
    CreateEmbeddingResponse,
    Embedding,
    EmbeddingUsage,
    attach_raw,
)
from ..types.models import AsyncPage, Model, ModelDeleted, SyncPage
from ._base import (
    OPTIONAL_CHAT_PARAMS,
    BearerAuth,
    ChatParams,
    EmbeddingParams,
    ParamSupport,
    ProviderSettings,
    cached_url,
    decode_json,
    error_finish,
    error_or_invalid,
    make_error,
    path_segment,
)
from ._usage import normalize_usage

__all__ = ["OpenAIAdapter", "OpenAIChunkParser", "decode_base64_embedding"]

DEFAULT_BASE_URL = "https://api.openai.com/v1"

# OpenAI error codes whose meaning is more specific than their HTTP status
# (spec/wire-qwen-glm-openai.md 4.6; developers.openai.com/docs/guides/error-codes).
_CODE_CLASSES: Mapping[str, type[APIStatusError]] = {
    "context_length_exceeded": ContextLengthExceededError,
    "string_above_max_length": ContextLengthExceededError,
    "content_policy_violation": ContentFilterError,
    "content_filter": ContentFilterError,
    "insufficient_quota": QuotaExceededError,
    "billing_hard_limit_reached": QuotaExceededError,
    "rate_limit_exceeded": RateLimitError,
    "server_error": InternalServerError,
}
_NOT_RETRYABLE = (QuotaExceededError, ContentFilterError, ContextLengthExceededError)


class _Item(BaseModel):
    index: int = 0
    embedding: list[float] | str


class _EmbeddingBody(BaseModel):
    data: list[_Item]
    model: str = ""
    usage: EmbeddingUsage | None = None


def decode_base64_embedding(value: str) -> list[float]:
    """Decode OpenAI's base64 embedding (little-endian float32) into floats."""
    floats = array("f", base64.b64decode(value))
    if sys.byteorder != "little":  # pragma: no cover - big-endian hosts only
        floats.byteswap()
    return floats.tolist()


def _carries_error(payload: bytes | str) -> bool:
    """True when an answer or chunk has a non-null top-level ``error`` beside its ``choices``
    (OpenAI-compatible gateways such as OpenRouter send this when the upstream fails). A
    substring test first: the JSON key ``"error"`` cannot appear unescaped inside a string."""
    mark: bytes | str = b'"error"' if isinstance(payload, bytes) else '"error"'
    if mark not in payload:  # type: ignore[operator]
        return False
    try:
        parsed = json.loads(payload)
    except (ValueError, RecursionError):
        return False
    return isinstance(parsed, dict) and bool(parsed.get("error"))


class OpenAIChunkParser:
    """``data: {chunk}`` events until ``data: [DONE]``; ``data: {"error": ...}`` raises, and so
    does a chunk that carries an ``error`` object beside its ``choices``."""

    __slots__ = ("_adapter", "done")

    def __init__(self, adapter: OpenAIAdapter) -> None:
        self._adapter = adapter
        self.done = False

    def feed(self, event: SSEEvent) -> list[ChatCompletionChunk]:
        data = event.data
        if data == "[DONE]":
            self.done = True
            return []
        try:
            chunk = ChatCompletionChunk.model_validate_json(data)
        except ValidationError as exc:
            raise self._adapter.error_from_stream(data, exc) from None
        if '"error"' in data and _carries_error(data):
            raise self._adapter.map_error(200, data.encode(), {})
        if chunk.usage is not None:
            normalize_usage(chunk.usage)  # cached / reasoning tokens under OpenAI's names
        attach_raw(chunk, data, self._adapter.name)
        return [chunk]

    def close(self) -> list[ChatCompletionChunk]:
        if not self.done:
            raise APIConnectionError(
                "the stream ended before its end marker (data: [DONE]); the answer is incomplete",
                provider=self._adapter.name,
                retryable=False,
            )
        return []


class OpenAIAdapter:
    """Chat and embeddings over OpenAI's wire format, bound to one configured provider."""

    PARAMS: ClassVar[Mapping[str, ParamSupport]] = {
        name: ParamSupport("native") for name in OPTIONAL_CHAT_PARAMS
    }
    default_base_url: ClassVar[str] = DEFAULT_BASE_URL
    default_encoding_format: ClassVar[str | None] = "base64"
    """Embeddings encoding asked for when the caller sets none (openai-python asks for base64,
    which is smaller on the wire; it is decoded to floats). ``None``: the field is not sent."""

    def __init__(self, settings: ProviderSettings) -> None:
        self.name = settings.name
        self.settings = settings
        self.base_url = (settings.base_url or self.default_base_url).rstrip("/")
        self.auth: httpx.Auth | None = BearerAuth(settings.api_key) if settings.api_key else None
        headers: dict[str, str] = {"Accept": "application/json"}
        if settings.organization:
            headers["OpenAI-Organization"] = settings.organization
        if settings.project:
            headers["OpenAI-Project"] = settings.project
        headers.update(settings.headers)
        self.headers = headers
        self._chat_url = self.base_url + "/chat/completions"
        self._embeddings_url = self.base_url + "/embeddings"

    # ---- chat -------------------------------------------------------------------------------

    def chat_body(self, params: ChatParams) -> dict[str, Any]:
        """The JSON body of a chat request (OpenAI's field names, unset fields left out)."""
        body: dict[str, Any] = {"model": params.model, "messages": params.messages}
        for name in OPTIONAL_CHAT_PARAMS:
            value = getattr(params, name)
            if value is not None:
                body[name] = value
        if params.stream:
            body["stream"] = True
            if params.stream_options is None:
                body["stream_options"] = {"include_usage": True}
        if params.extra_body:
            body.update(params.extra_body)
        return body

    def build_chat_request(self, params: ChatParams) -> httpx.Request:
        headers = self.headers
        if params.stream:
            headers = {**headers, "Accept": "text/event-stream"}
        return httpx.Request(
            "POST", cached_url(self._chat_url), json=self.chat_body(params), headers=headers
        )

    def parse_chat_response(self, response: httpx.Response) -> ChatCompletion:
        body = response.content
        try:
            completion = ChatCompletion.model_validate_json(body)
        except ValidationError as exc:
            raise self._error_in_body(response.status_code, body, response.headers, exc) from None
        if _carries_error(body):
            raise self.map_error(response.status_code, body, response.headers)
        failed = error_finish(completion.choices, self.name, body)
        if failed is not None:
            raise failed
        normalize_usage(completion.usage)  # cached / reasoning tokens under OpenAI's names
        attach_raw(completion, body, self.name)
        return completion

    def chunk_parser(self, params: ChatParams) -> OpenAIChunkParser:
        return OpenAIChunkParser(self)

    # ---- embeddings -------------------------------------------------------------------------

    def build_embeddings_request(self, params: EmbeddingParams) -> httpx.Request:
        """``{model, input, encoding_format, dimensions?, user?}``; subclasses choose the default
        encoding (or none at all) with ``default_encoding_format``."""
        body: dict[str, Any] = {"model": params.model, "input": params.input}
        if self.default_encoding_format is not None:
            body["encoding_format"] = params.encoding_format or self.default_encoding_format
        if params.dimensions is not None:
            body["dimensions"] = params.dimensions
        if params.user is not None:
            body["user"] = params.user
        if params.extra_body:
            body.update(params.extra_body)
        return httpx.Request(
            "POST", cached_url(self._embeddings_url), json=body, headers=self.headers
        )

    def parse_embeddings_response(
        self, response: httpx.Response, params: EmbeddingParams
    ) -> CreateEmbeddingResponse:
        body = response.content
        try:
            parsed = _EmbeddingBody.model_validate_json(body)
            # base64 asked for by the caller stays a string (as openai-python returns it);
            # base64 asked for by llmswitch's default (smaller on the wire) is decoded.
            keep = params.encoding_format == "base64"
            data = [
                Embedding(
                    index=item.index,
                    embedding=decode_base64_embedding(item.embedding)
                    if isinstance(item.embedding, str) and not keep
                    else item.embedding,
                )
                for item in parsed.data
            ]
        except (ValidationError, ValueError) as exc:
            raise self._error_in_body(response.status_code, body, response.headers, exc) from None
        result = CreateEmbeddingResponse(data=data, model=parsed.model, usage=parsed.usage)
        attach_raw(result, body, self.name)
        return result

    # ---- models -----------------------------------------------------------------------------

    def build_models_request(self, kind: str, model: str | None = None) -> httpx.Request:
        """``GET /models``, ``GET /models/{id}`` or ``DELETE /models/{id}``."""
        url = self.base_url + "/models"
        if model is not None:
            if model in ("", ".", ".."):  # quote() leaves dot segments, which climb the path
                path_segment(model, self.name)
            url += "/" + quote(model, safe="")
        method = "DELETE" if kind == "delete" else "GET"  # list, alist (async page), retrieve
        return httpx.Request(method, url, headers=self.headers)

    def parse_models_response(self, kind: str, response: httpx.Response) -> Any:
        """The list as a :class:`SyncPage` of :class:`Model`, one ``Model``, or ``ModelDeleted``."""
        body = response.content
        cls: Any = {"list": SyncPage[Model], "alist": AsyncPage[Model], "retrieve": Model}.get(
            kind, ModelDeleted
        )
        try:
            result = cls.model_validate_json(body)
        except ValidationError as exc:
            raise self._error_in_body(response.status_code, body, response.headers, exc) from None
        if kind in ("list", "alist"):
            for item in result.data:
                attach_raw(item, None, self.name)
        else:
            attach_raw(result, body, self.name)
        return result

    # ---- errors -----------------------------------------------------------------------------

    def map_error(self, status: int, body: bytes, headers: Mapping[str, str]) -> APIError:
        """``{"error": {"message", "type", "param", "code"}}`` → the typed error."""
        try:
            payload = decode_json(body, self.name) if body else None
        except APIError:
            payload = None
        error: Any = payload.get("error") if isinstance(payload, dict) else None
        if isinstance(error, str):
            error = {"message": error}
        if not isinstance(error, dict):
            error = payload if isinstance(payload, dict) else {}
        message = error.get("message")
        code = error.get("code")
        etype = error.get("type")
        code_text = str(code) if code is not None else None
        cls = _CODE_CLASSES.get(code_text or "")
        if cls is None and (status < 400 or etype in ("insufficient_quota", "content_filter")):
            # The error type names the class only when the status does not (errors inside a
            # 200 body or stream); a 4xx whose type says "server_error" stays a 4xx.
            cls = _CODE_CLASSES.get(str(etype or ""))
        if cls is None and status < 400:
            cls = APIStatusError
        retryable: bool | None = None
        if cls is not None and issubclass(cls, _NOT_RETRYABLE):
            retryable = False
        elif status < 400 and cls in (RateLimitError, InternalServerError):
            retryable = True
        text = message if isinstance(message, str) and message else ""
        if not text:
            text = body.decode("utf-8", "replace")[:500] or f"HTTP {status}"
        return make_error(
            self.name,
            status,
            text,
            body=body,
            headers=headers,
            code=code_text,
            type=str(etype) if etype else None,
            cls=cls,
            retryable=retryable,
        )

    def error_from_stream(self, data: str, exc: Exception) -> APIError:
        """An SSE event that is not a chunk: an error frame, or garbage."""
        return error_or_invalid(self, 200, data.encode(), {}, exc, ("error",))

    def _error_in_body(
        self, status: int, body: bytes, headers: Mapping[str, str], exc: Exception
    ) -> APIError:
        return error_or_invalid(self, status, body, headers, exc, ("error", "code"))
