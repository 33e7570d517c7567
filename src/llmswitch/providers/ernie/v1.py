"""Qianfan v1 ("wenxinworkshop") chat and embeddings, sans-IO (ERNIE with access/secret key).

Wire facts: ``spec/wire-ernie-sensenova.md`` section 1: model → endpoint path (1.1), body
mapping (1.3: top-level ``system``, ``max_output_tokens``, ``user_id``, ``functions``),
answers with ``result`` (1.4), SSE with ``is_end`` and no ``[DONE]`` (1.5), embeddings (1.7),
``error_code`` bodies inside HTTP 200 (1.8). Auth is :class:`~.auth.BaiduOAuth`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import httpx
from pydantic import ValidationError

from ...errors import (
    APIError,
    APIStatusError,
    AuthenticationError,
    InvalidRequestError,
    UnsupportedParameterError,
)
from ...types import (
    ChatCompletion,
    CreateEmbeddingResponse,
    Embedding,
    FunctionCall,
    ToolCall,
    attach_raw,
)
from .._base import (
    ChatParams,
    EmbeddingParams,
    ParamSupport,
    ProviderSettings,
    cached_url,
    error_finish,
    error_or_invalid,
    make_error,
)
from .auth import BaiduOAuth
from .v1_tables import ERROR_CODES, ERROR_HINTS, V1_ENDPOINTS, V1_PARAMS
from .v1_wire import (
    ErnieV1ChunkParser,
    _call_id,
    _finish,
    _usage,
    _V1Answer,
    _V1Embeddings,
    convert_messages,
    v1_endpoint,
)
from .v2 import ErnieAdapter

__all__ = ["V1_ENDPOINTS", "V1_PARAMS", "ErnieV1Adapter", "ErnieV1ChunkParser", "v1_endpoint"]

DEFAULT_V1_BASE_URL = "https://aip.baidubce.com"
_PREFIX = "/rpc/2.0/ai_custom/v1/wenxinworkshop"
EMBEDDING_BATCH_LIMIT = 16  # Baidu's own OpenAI adapter splits at 16 (spec 1.7)


class ErnieV1Adapter(ErnieAdapter):
    """Qianfan v1 with Baidu OAuth; chosen by :func:`~llmswitch.providers.ernie.ernie_adapter`
    when access_key and secret_key are configured (and no API key, or ``api = "native"``)."""

    PARAMS: ClassVar[Mapping[str, ParamSupport]] = V1_PARAMS
    default_base_url: ClassVar[str] = DEFAULT_V1_BASE_URL

    def __init__(
        self, settings: ProviderSettings, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.name = settings.name
        self.settings = settings
        self.base_url = (settings.base_url or DEFAULT_V1_BASE_URL).rstrip("/")
        if settings.access_key is None or settings.secret_key is None:
            from ...errors import ConfigError

            raise ConfigError(
                f"provider {settings.name!r}: the Qianfan v1 API needs access_key and secret_key"
                " (QIANFAN_AK / QIANFAN_SK)"
            )
        self.auth: httpx.Auth | None = BaiduOAuth(
            self.base_url,
            settings.access_key.get_secret_value(),
            settings.secret_key.get_secret_value(),
            provider=settings.name,
            clock=clock,
        )
        self.headers = {"Accept": "application/json", **settings.headers}
        self._endpoints = settings.endpoints

    # ---- chat -------------------------------------------------------------------------------

    def chat_body(self, params: ChatParams) -> dict[str, Any]:
        """The v1 JSON body (spec 1.3); unset fields are left out."""
        system, messages = convert_messages(params.messages, self.name)
        body: dict[str, Any] = {"messages": messages}
        if system is not None:
            body["system"] = system
        if params.temperature is not None:
            body["temperature"] = min(max(params.temperature, 0.01), 1.0)
        if params.top_p is not None:
            body["top_p"] = params.top_p
        max_tokens = params.max_completion_tokens or params.max_tokens
        if max_tokens is not None:
            body["max_output_tokens"] = max_tokens
        if params.stop is not None:
            body["stop"] = [params.stop] if isinstance(params.stop, str) else params.stop
        if params.user is not None:
            body["user_id"] = params.user
        if params.tools and params.tool_choice != "none":
            body["functions"] = [
                {k: v for k, v in t["function"].items() if k != "strict"} for t in params.tools
            ]
            choice = params.tool_choice
            if isinstance(choice, dict):
                body["tool_choice"] = choice
            elif choice == "required":
                raise UnsupportedParameterError(self.name, "tool_choice", "v1 has no 'required'")
        if params.response_format is not None:
            kind = params.response_format.get("type")
            if kind not in ("text", "json_object"):
                raise UnsupportedParameterError(
                    self.name, "response_format", f"v1 takes text or json_object, not {kind}"
                )
            body["response_format"] = kind
        if params.stream:
            body["stream"] = True
        if params.extra_body:
            body.update(params.extra_body)
        return body

    def build_chat_request(self, params: ChatParams) -> httpx.Request:
        url = (
            f"{self.base_url}{_PREFIX}/chat/{v1_endpoint(params.model, self._endpoints, self.name)}"
        )
        request = httpx.Request(
            "POST", cached_url(url), json=self.chat_body(params), headers=self.headers
        )
        request.extensions["llmswitch_model"] = params.model
        return request

    def parse_chat_response(self, response: httpx.Response) -> ChatCompletion:
        body = response.content
        try:
            answer = _V1Answer.model_validate_json(body)
        except ValidationError as exc:
            raise self._not_an_answer(response.status_code, body, response.headers, exc) from None
        if answer.error_code is not None:
            raise self.code_error(answer, response.status_code, body, response.headers)
        tool_calls = None
        content: str | None = answer.result
        if answer.function_call is not None:
            call = answer.function_call
            function = FunctionCall(name=call.name, arguments=call.arguments)
            tool_calls = [ToolCall(id=_call_id(answer), function=function)]
            content = answer.result or None
        message = {"content": content, "tool_calls": tool_calls}
        completion = ChatCompletion.model_validate(
            {
                "id": answer.id,
                "created": answer.created,
                "model": response.request.extensions.get("llmswitch_model", ""),
                "choices": [{"index": 0, "message": message, "finish_reason": _finish(answer)}],
                "usage": _usage(answer.usage),
            }
        )
        failed = error_finish(completion.choices, self.name, body)
        if failed is not None:
            raise failed
        attach_raw(completion, body, self.name)
        return completion

    def chunk_parser(self, params: ChatParams) -> ErnieV1ChunkParser:  # type: ignore[override]
        return ErnieV1ChunkParser(self, params.model)

    # ---- embeddings -------------------------------------------------------------------------

    def build_embeddings_request(self, params: EmbeddingParams) -> httpx.Request:
        if params.dimensions is not None:
            raise UnsupportedParameterError(self.name, "dimensions", "v1 vectors have fixed size")
        if len(params.input) > EMBEDDING_BATCH_LIMIT:
            raise InvalidRequestError(
                f"{self.name}: ERNIE v1 embeddings take at most {EMBEDDING_BATCH_LIMIT} texts per"
                f" call, got {len(params.input)}; split the input"
            )
        body: dict[str, Any] = {"input": params.input}
        if params.user is not None:
            body["user_id"] = params.user
        if params.extra_body:
            body.update(params.extra_body)
        endpoint = v1_endpoint(params.model, self._endpoints, self.name)
        url = f"{self.base_url}{_PREFIX}/embeddings/{endpoint}"
        return httpx.Request("POST", cached_url(url), json=body, headers=self.headers)

    def parse_embeddings_response(
        self, response: httpx.Response, params: EmbeddingParams
    ) -> CreateEmbeddingResponse:
        body = response.content
        try:
            parsed = _V1Embeddings.model_validate_json(body)
        except ValidationError as exc:
            raise self._not_an_answer(response.status_code, body, response.headers, exc) from None
        if parsed.error_code is not None:
            raise self.map_error(response.status_code, body, response.headers)
        data = [Embedding(index=i.index, embedding=i.embedding) for i in parsed.data]
        result = CreateEmbeddingResponse(data=data, model=params.model, usage=parsed.usage)
        attach_raw(result, body, self.name)
        return result

    # ---- errors -----------------------------------------------------------------------------

    def code_error(
        self, answer: _V1Answer, status: int, body: bytes, headers: Mapping[str, str]
    ) -> APIError:
        """An ``{"error_code", "error_msg"}`` body → the typed error (table in spec 1.8)."""
        code = answer.error_code or 0
        cls, retryable = ERROR_CODES.get(code, (APIStatusError, False))
        message = (answer.error_msg or f"error_code {code}") + ERROR_HINTS.get(code, "")
        return make_error(
            self.name,
            status,
            message,
            body=body,
            headers=headers,
            code=str(code),
            cls=cls,
            retryable=retryable,
            request_id=answer.id or headers.get("x-baidu-request-id"),
        )

    def map_error(self, status: int, body: bytes, headers: Mapping[str, str]) -> APIError:
        """v1 ``error_code`` bodies (any status), or BCE gateway errors (``X-Bce-Error-*``)."""
        try:
            answer = _V1Answer.model_validate_json(body) if body else None
        except ValidationError:
            answer = None
        if answer is not None and answer.error_code is not None:
            return self.code_error(answer, status, body, headers)
        bce_code = headers.get("x-bce-error-code")
        if bce_code:
            detail = headers.get("x-bce-error-message", "")
            cls = AuthenticationError if status in (401, 403) else None
            return make_error(
                self.name,
                status,
                f"{bce_code}: {detail}" if detail else bce_code,
                body=body,
                headers=headers,
                code=bce_code,
                cls=cls,
                request_id=headers.get("x-bce-request-id"),
            )
        return super().map_error(status, body, headers)

    def _not_an_answer(
        self, status: int, body: bytes, headers: Mapping[str, str], exc: Exception
    ) -> APIError:
        return error_or_invalid(self, status, body, headers, exc, ("error_code", "error"))
