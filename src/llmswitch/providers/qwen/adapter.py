"""Alibaba DashScope (Qwen): the native API (default) and compatible mode (sans-IO).

Wire facts: ``spec/wire-qwen-glm-openai.md`` 1.1-1.8 (native endpoints, envelope, SSE with
``finish_reason: "null"``, no ``[DONE]``, cumulative usage, embeddings, errors) and 2
(``/compatible-mode/v1``, driven through :class:`~llmswitch.providers.openai.OpenAIAdapter`).
``QwenAdapter(settings)`` returns a :class:`QwenCompatibleAdapter` when
``settings.api == "compatible"``. Stream parsing lives in ``stream.py``, the error table
in ``errors.py``, wire models in ``wire.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, cast

import httpx
from pydantic import ValidationError

from ...errors import APIError, ContextLengthExceededError, InvalidRequestError
from ...types import (
    ChatCompletion,
    ChatCompletionMessage,
    Choice,
    CreateEmbeddingResponse,
    Embedding,
    EmbeddingUsage,
    attach_raw,
)
from .._base import (
    ChatParams,
    EmbeddingParams,
    ParamSupport,
    ProviderSettings,
    cached_url,
    error_finish,
    validation_error,
)
from ..openai import OpenAIAdapter
from .errors import QWEN_ERROR_CODES, qwen_error
from .models import MODELS_PAGE_SIZE, native_models
from .params import COMPATIBLE_PARAMS, NATIVE_PARAMS, thinking_fields
from .regions import REGIONS, region_host
from .reroute import MULTIMODAL_PATH, TEXT_PATH, QwenAuth
from .routing import endpoint_override, learned
from .stream import QwenChunkParser
from .wire import (
    EmbeddingBody,
    NativeBody,
    convert_messages,
    native_tool_calls,
    native_usage,
    text_of,
    wants_multimodal,
)

__all__ = ["REGIONS", "QwenAdapter", "QwenCompatibleAdapter", "region_host"]

_EMBEDDING_PATH = "/services/embeddings/text-embedding/text-embedding"
_SEED_MAX = 2**63 - 1


def _check_range(name: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:
        raise InvalidRequestError(f"{name}={value} is outside OpenAI's range [{low}, {high}]")


class QwenAdapter:
    """DashScope's native API, bound to one configured provider."""

    PARAMS: ClassVar[Mapping[str, ParamSupport]] = NATIVE_PARAMS

    def __new__(cls, settings: ProviderSettings) -> QwenAdapter:
        # Dispatch on settings.api: compatible mode is the OpenAI adapter with Qwen's errors.
        if settings.api == "compatible":
            return cast(QwenAdapter, QwenCompatibleAdapter(settings))
        return super().__new__(cls)

    def __init__(self, settings: ProviderSettings) -> None:
        self.name = settings.name
        self.settings = settings
        base = settings.base_url or region_host(settings.region, settings.workspace) + "/api/v1"
        self.base_url = base.rstrip("/")
        key = settings.api_key
        self.auth: httpx.Auth | None = QwenAuth(key, settings.name) if key else None
        headers = {"Accept": "application/json"}
        if settings.workspace:
            headers["X-DashScope-WorkSpace"] = settings.workspace
        headers.update(settings.headers)
        self.headers = headers
        self.stream_headers = {
            **headers,
            "Accept": "text/event-stream",
            "X-DashScope-SSE": "enable",
        }
        self._endpoints = settings.endpoints
        self._text_url = self.base_url + TEXT_PATH
        self._multimodal_url = self.base_url + MULTIMODAL_PATH

    # ---- chat -------------------------------------------------------------------------------

    def chat_route(self, params: ChatParams) -> tuple[str, bool]:
        """``(url, multimodal)``: the ``endpoints`` table in config (exact id, then glob; value
        ``"multimodal"``, ``"text"``, a path or a URL), a binding learned from a url error, the
        model's family, then the content (``routing.py``)."""
        url, multimodal, _ = self._route(params)
        return url, multimodal

    def _route(self, params: ChatParams) -> tuple[str, bool, bool]:
        """``(url, multimodal, pinned)``; ``pinned`` when config chose (no url-error retry)."""
        model = params.model
        override = endpoint_override(self._endpoints, model) if self._endpoints else None
        if isinstance(override, bool):
            return (self._multimodal_url if override else self._text_url), override, True
        if override:
            url = override if "://" in override else self.base_url + "/" + override.lstrip("/")
            return url, "multimodal" in override, True
        known = learned(self.name, model)
        if known is None:
            known = wants_multimodal(model, params.messages)
        return (self._multimodal_url if known else self._text_url), known, False

    def chat_body(self, params: ChatParams, multimodal: bool = False) -> dict[str, Any]:
        """The native envelope ``{model, input: {messages}, parameters}`` (spec 1.3)."""
        # result_format "message" on both paths, as dashscope 2.0.2 sends it [H].
        parameters: dict[str, Any] = {"result_format": "message"}
        if params.stream:
            parameters["incremental_output"] = True
        if params.temperature is not None:
            _check_range("temperature", params.temperature, 0.0, 2.0)
            parameters["temperature"] = min(params.temperature, 1.99)
        if params.top_p is not None:
            _check_range("top_p", params.top_p, 0.0, 1.0)
            parameters["top_p"] = max(params.top_p, 0.01)
        max_tokens = params.max_tokens
        if max_tokens is None:
            max_tokens = params.max_completion_tokens
        if max_tokens is not None:
            parameters["max_tokens"] = max_tokens
        if params.seed is not None:
            _check_range("seed", params.seed, 0, _SEED_MAX)
            parameters["seed"] = params.seed
        if params.reasoning_effort is not None or params.extra_body:
            parameters.update(thinking_fields(params.reasoning_effort, params.extra_body))
        for name in _PASS_THROUGH:
            value = getattr(params, name)
            if value is not None:
                parameters[name] = value
        if params.extra_body:
            parameters.update(params.extra_body)
        return {
            "model": params.model,
            "input": {"messages": convert_messages(params.messages, multimodal)},
            "parameters": parameters,
        }

    def build_chat_request(self, params: ChatParams) -> httpx.Request:
        url, multimodal, pinned = self._route(params)
        headers = self.stream_headers if params.stream else self.headers
        request = httpx.Request(
            "POST", cached_url(url), json=self.chat_body(params, multimodal), headers=headers
        )
        request.extensions["llmswitch_model"] = params.model
        if not pinned:  # a url error may be retried on the other path (reroute.py)
            request.extensions["llmswitch_reroute"] = True
        return request

    def parse_chat_response(self, response: httpx.Response) -> ChatCompletion:
        body = response.content
        try:
            parsed = NativeBody.model_validate_json(body)
        except ValidationError as exc:
            raise self._bad_body(response, exc) from None
        output = parsed.output
        if output is None or parsed.code:
            raise self.map_error(response.status_code, body, response.headers)
        choices: list[Choice] = []
        if output.choices is not None:
            for index, choice in enumerate(output.choices):
                message = choice.message
                choices.append(
                    Choice(
                        index=choice.index if choice.index is not None else index,
                        message=ChatCompletionMessage(
                            content=text_of(message.content) if message else None,
                            tool_calls=native_tool_calls(message.tool_calls) if message else None,
                            reasoning_content=message.reasoning_content if message else None,
                        ),
                        finish_reason=choice.finish_reason,
                        logprobs=choice.logprobs,
                    )
                )
        else:  # result_format "text" (legacy): {"output": {"text", "finish_reason"}}
            choices.append(
                Choice(
                    message=ChatCompletionMessage(content=output.text),
                    finish_reason=output.finish_reason,
                )
            )
        model = _model_of(response)
        completion = ChatCompletion(
            id=parsed.request_id, model=model, choices=choices, usage=native_usage(parsed.usage)
        )
        failed = error_finish(completion.choices, self.name, body)
        if failed is not None:
            raise failed
        attach_raw(completion, body, self.name)
        return completion

    def chunk_parser(self, params: ChatParams) -> QwenChunkParser:
        incremental = (params.extra_body or {}).get("incremental_output", True)
        _, multimodal, pinned = self._route(params)
        return QwenChunkParser(
            self.name,
            params.model,
            n=params.n or 1,
            cumulative=not incremental,
            other_path=None if pinned else not multimodal,
        )

    # ---- embeddings -------------------------------------------------------------------------

    def build_embeddings_request(self, params: EmbeddingParams) -> httpx.Request:
        parameters: dict[str, Any] = {}
        if params.dimensions is not None:
            parameters["dimension"] = params.dimensions
        if params.extra_body:
            parameters.update(params.extra_body)
        body = {"model": params.model, "input": {"texts": params.input}, "parameters": parameters}
        url = self._endpoints.get("embeddings") or self.base_url + _EMBEDDING_PATH
        return httpx.Request("POST", cached_url(url), json=body, headers=self.headers)

    def parse_embeddings_response(
        self, response: httpx.Response, params: EmbeddingParams
    ) -> CreateEmbeddingResponse:
        body = response.content
        try:
            parsed = EmbeddingBody.model_validate_json(body)
        except ValidationError as exc:
            raise self._bad_body(response, exc) from None
        if parsed.output is None or parsed.code:
            raise self.map_error(response.status_code, body, response.headers)
        items = sorted(parsed.output.embeddings, key=lambda item: item.text_index)
        data = [Embedding(index=item.text_index, embedding=item.embedding) for item in items]
        tokens = parsed.usage.total_tokens if parsed.usage else 0
        usage = EmbeddingUsage(prompt_tokens=tokens, total_tokens=tokens)
        result = CreateEmbeddingResponse(data=data, model=params.model, usage=usage)
        attach_raw(result, body, self.name)
        return result

    # ---- models -----------------------------------------------------------------------------

    def build_models_request(self, kind: str, model: str | None = None) -> httpx.Request:
        """``GET /models?page_no=1&page_size=N`` (one model: ``&model=<id>``) [H] dashscope
        2.0.2 ``v2/resources/models.py``, 1.26 ``models.py``. The page carries ``total``; ask
        for the next one with ``extra_query={"page_no": 2}``."""
        if kind == "delete":
            raise InvalidRequestError(f"provider {self.name!r}: models cannot be deleted here")
        query: dict[str, Any] = {"page_no": 1, "page_size": MODELS_PAGE_SIZE}
        if model is not None:
            query = {"model": model, "page_no": 1, "page_size": 1}
        return httpx.Request("GET", self.base_url + "/models", params=query, headers=self.headers)

    def parse_models_response(self, kind: str, response: httpx.Response) -> Any:
        return native_models(self, kind, response)

    # ---- errors -----------------------------------------------------------------------------

    def map_error(self, status: int, body: bytes, headers: Mapping[str, str]) -> APIError:
        """Flat ``{code, message, request_id}`` (JSON or SSE-framed) → the typed error."""
        return qwen_error(self.name, status, body, headers)

    def _bad_body(self, response: httpx.Response, exc: Exception) -> APIError:
        body = response.content
        if b'"code"' in body:
            return self.map_error(response.status_code, body, response.headers)
        return validation_error(exc, self.name, body)


_PASS_THROUGH = (
    "stop",
    "n",
    "presence_penalty",
    "logprobs",
    "top_logprobs",
    "tools",
    "tool_choice",
    "parallel_tool_calls",
    "response_format",
)


def _model_of(response: httpx.Response) -> str:
    try:
        model = response.request.extensions.get("llmswitch_model", "")
    except RuntimeError:  # a response built without a request (tests)
        return ""
    return model if isinstance(model, str) else ""


class QwenCompatibleAdapter(OpenAIAdapter):
    """DashScope's ``/compatible-mode/v1`` (OpenAI's wire) with DashScope's error codes."""

    PARAMS: ClassVar[Mapping[str, ParamSupport]] = COMPATIBLE_PARAMS

    def __init__(self, settings: ProviderSettings) -> None:
        if not settings.base_url:
            host = region_host(settings.region, settings.workspace)
            settings = _with_base(settings, host + "/compatible-mode/v1")
        super().__init__(settings)
        if settings.workspace:
            self.headers["X-DashScope-WorkSpace"] = settings.workspace

    def chat_body(self, params: ChatParams) -> dict[str, Any]:
        body = super().chat_body(params)
        if "max_completion_tokens" in body:
            body.setdefault("max_tokens", body.pop("max_completion_tokens"))
        effort = body.pop("reasoning_effort", None)
        if effort is not None or params.extra_body:
            for key, value in thinking_fields(effort, params.extra_body).items():
                body.setdefault(key, value)
        if any("reasoning_content" in m for m in body["messages"]):
            # Not input on DashScope; re-sending bills it again [H] tongyi.py.
            body["messages"] = [
                {k: v for k, v in m.items() if k != "reasoning_content"} for m in body["messages"]
            ]
        return body

    def build_embeddings_request(self, params: EmbeddingParams) -> httpx.Request:
        # DashScope documents float only; openai-python would ask for base64 (spec 2).
        if params.encoding_format is None:
            params.encoding_format = "float"
        return super().build_embeddings_request(params)

    def map_error(self, status: int, body: bytes, headers: Mapping[str, str]) -> APIError:
        """DashScope's codes first (spec 2); OpenAI's table for the rest (e.g. server_error)."""
        error = qwen_error(self.name, status, body, headers)
        if error.code in QWEN_ERROR_CODES or isinstance(error, ContextLengthExceededError):
            return error
        return super().map_error(status, body, headers)


def _with_base(settings: ProviderSettings, base_url: str) -> ProviderSettings:
    from dataclasses import replace

    return replace(settings, base_url=base_url)
