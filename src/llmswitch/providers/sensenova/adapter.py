"""SenseTime SenseNova native API (``api.sensenova.cn/v1``): chat, tools, streams, embeddings.

Wire facts: ``spec/wire-ernie-sensenova.md`` section 3: ``POST /llm/chat-completions`` with
``max_new_tokens`` (3.3), answers wrapped in ``data`` with string ``message`` / ``delta``
(3.4, 3.5), ``data:`` SSE ending with ``data:[DONE]``, top-level ``embeddings[]`` (3.6),
``{"error": {"code", "message", "details"}}`` bodies with gRPC-style codes (3.7). Auth: a JWT
from access key id + secret (``auth.py``) or an API key as bearer. Model ids (e.g.
``SenseChat-5``, ``SenseNova-V6-Pro``) are case-sensitive and passed through untouched. The
OpenAI-compatible endpoint is reached with ``type = "openai-compatible"`` (see the docs).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, cast

import httpx
from pydantic import ValidationError

from ...errors import (
    APIError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConfigError,
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
    UnsupportedParameterError,
    status_error_class,
)
from ...types import (
    ChatCompletion,
    CreateEmbeddingResponse,
    Embedding,
    EmbeddingUsage,
    attach_raw,
    normalize_finish_reason,
)
from ...types.models import AsyncPage, Model, SyncPage
from .._base import (
    OPENAI_PLATFORM_PARAMS,
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
)
from .auth import SenseNovaJWTAuth
from .compat import COMPAT_HOSTS, SenseNovaCompatibleAdapter
from .wire import (
    SenseNovaChunkParser,
    _SNAnswer,
    _SNEmbeddings,
    _usage,
    model_items,
    native_messages,
)

__all__ = ["DEFAULT_BASE_URL", "REGIONS", "SenseNovaAdapter", "SenseNovaChunkParser"]

DEFAULT_BASE_URL = "https://api.sensenova.cn/v1"
# Deep-reasoning models answer at their own host, same body and path [M] sensecore.cn
# ChatCompletions/ChatDeepReasoning; ``region = "reasoning"`` sends every model there.
REASONING_BASE_URL = "https://chatapi.sensenova.cn/v1"
_REASONING_MODEL = re.compile(r"reason", re.IGNORECASE)  # SenseNova-V6-Reasoner, ...
# settings.region → native base (None: api.sensenova.cn); "token" / "compatible" are OpenAI's
# wire (compat.py). No international host is documented.
REGIONS: Mapping[str, str] = {
    "native": DEFAULT_BASE_URL,
    "cn": DEFAULT_BASE_URL,
    "reasoning": REASONING_BASE_URL,
    **COMPAT_HOSTS,
}
_TINY = 1e-6

# Source: spec 3.3 mapping table (SN-doc [M], SN-sdk [H]).
_PARAMS: Mapping[str, ParamSupport] = {
    **OPENAI_PLATFORM_PARAMS,
    "temperature": ParamSupport("mapped", "range (0, 2]: 0 is sent as 1e-6"),
    "top_p": ParamSupport("mapped", "open interval (0, 1): 1 is sent as 0.999999, 0 as 1e-6"),
    "max_tokens": ParamSupport("mapped", "sent as max_new_tokens"),
    "max_completion_tokens": ParamSupport("mapped", "sent as max_new_tokens"),
    "stop": ParamSupport("unsupported", "not documented for the native chat API"),
    "seed": ParamSupport("unsupported", "not documented for the native chat API"),
    "user": ParamSupport("native"),
    "n": ParamSupport("native", "1-4, not on every model"),
    "presence_penalty": ParamSupport(
        "unsupported", "different semantics; pass extra_body={'repetition_penalty': (0, 2]}"
    ),
    "frequency_penalty": ParamSupport(
        "unsupported", "different semantics; pass extra_body={'repetition_penalty': (0, 2]}"
    ),
    "logprobs": ParamSupport("unsupported", "not in the native API"),
    "top_logprobs": ParamSupport("unsupported", "not in the native API"),
    "logit_bias": ParamSupport("unsupported", "not in the native API"),
    "tools": ParamSupport("native"),
    "tool_choice": ParamSupport("native", "object shape unconfirmed by the docs"),
    "parallel_tool_calls": ParamSupport("unsupported", "not in the native API"),
    "response_format": ParamSupport("unsupported", "not in the native API"),
    "stream_options": ParamSupport("mapped", "not sent: every chunk carries usage"),
    "reasoning_effort": ParamSupport(
        "unsupported",
        "no switch documented; reasoning models (SenseNova-V6-Reasoner) always reason, at"
        " chatapi.sensenova.cn; region 'token' (6.7) takes reasoning_effort",
    ),
}

# gRPC-style error.code → class and retryability, used when the HTTP status says nothing more
# specific (an error inside a 200). Source: spec 3.7 table (SN-comm [M] for 3/7, rest [L]).
_CODES: Mapping[int, tuple[type[APIStatusError], bool]] = {
    2: (InternalServerError, True),
    3: (BadRequestError, False),
    4: (InternalServerError, True),
    5: (NotFoundError, False),
    7: (PermissionDeniedError, False),
    8: (RateLimitError, True),
    10: (InternalServerError, True),
    13: (InternalServerError, True),
    14: (InternalServerError, True),
    16: (AuthenticationError, False),
}
_CONTEXT_WORDS = ("context length", "context_length", "too long", "max context")
_QUOTA_WORDS = ("quota", "balance", "insufficient", "arrears")


class SenseNovaAdapter:
    """Chat and embeddings over SenseNova's native wire, bound to one configured provider."""

    PARAMS: ClassVar[Mapping[str, ParamSupport]] = _PARAMS

    def __new__(cls, settings: ProviderSettings) -> SenseNovaAdapter:
        # region "token" / "compatible": SenseNova's OpenAI-compatible gateways (compat.py).
        region = _region(settings)
        if region is not None and region in COMPAT_HOSTS:
            if not settings.base_url:
                from dataclasses import replace

                settings = replace(settings, base_url=COMPAT_HOSTS[region])
            return cast(SenseNovaAdapter, SenseNovaCompatibleAdapter(settings))
        return super().__new__(cls)

    def __init__(self, settings: ProviderSettings) -> None:
        self.name = settings.name
        self.settings = settings
        region = _region(settings)
        self.base_url = (
            settings.base_url or REGIONS.get(region or "native", DEFAULT_BASE_URL)
        ).rstrip("/")
        # Deep-reasoning models go to their host unless base_url or region says otherwise.
        self._reasoning_url: str | None = None
        if not settings.base_url and region is None:
            self._reasoning_url = REASONING_BASE_URL + "/llm/chat-completions"
        self._endpoints = settings.endpoints
        self.auth: httpx.Auth | None
        if settings.api_key is not None:
            self.auth = BearerAuth(settings.api_key)
        elif settings.access_key is not None and settings.secret_key is not None:
            self.auth = SenseNovaJWTAuth(
                settings.access_key.get_secret_value(), settings.secret_key.get_secret_value()
            )
        else:
            raise ConfigError(
                f"provider {settings.name!r}: set api_key (SENSENOVA_API_KEY), or access_key and"
                " secret_key (SENSENOVA_ACCESS_KEY_ID / SENSENOVA_SECRET_ACCESS_KEY)"
            )
        self.headers = {"Accept": "application/json", **settings.headers}
        self._chat_url = self.base_url + "/llm/chat-completions"
        self._embeddings_url = self.base_url + "/llm/embeddings"

    # ---- chat -------------------------------------------------------------------------------

    def chat_body(self, params: ChatParams) -> dict[str, Any]:
        """The native JSON body (spec 3.3); unset fields are left out."""
        body: dict[str, Any] = {"model": params.model, "messages": native_messages(params.messages)}
        if params.temperature is not None:
            body["temperature"] = min(max(params.temperature, _TINY), 2.0)
        if params.top_p is not None:
            body["top_p"] = min(max(params.top_p, _TINY), 0.999999)
        max_tokens = params.max_completion_tokens or params.max_tokens
        if max_tokens is not None:
            body["max_new_tokens"] = max_tokens
        if params.n is not None:
            body["n"] = params.n
        if params.user is not None:
            body["user"] = params.user
        if params.tools is not None:
            body["tools"] = params.tools
        if params.tool_choice is not None:
            body["tool_choice"] = params.tool_choice
        if params.stream:
            body["stream"] = True
        if params.extra_body:
            body.update(params.extra_body)
        return body

    def chat_url(self, model: str) -> str:
        """``endpoints[model]`` (a URL, or a path under the base), the deep-reasoning host for
        reasoning models, else the base's chat path."""
        target = self._endpoints.get(model)
        if target:
            return target if "://" in target else self.base_url + "/" + target.lstrip("/")
        if self._reasoning_url is not None and _REASONING_MODEL.search(model):
            return self._reasoning_url
        return self._chat_url

    def build_chat_request(self, params: ChatParams) -> httpx.Request:
        headers = self.headers
        if params.stream:
            headers = {**headers, "Accept": "text/event-stream"}
        request = httpx.Request(
            "POST",
            cached_url(self.chat_url(params.model)),
            json=self.chat_body(params),
            headers=headers,
        )
        request.extensions["llmswitch_model"] = params.model
        return request

    def parse_chat_response(self, response: httpx.Response) -> ChatCompletion:
        body = response.content
        try:
            answer = _SNAnswer.model_validate_json(body)
        except ValidationError as exc:
            raise self._not_an_answer(response.status_code, body, response.headers, exc) from None
        if answer.error is not None or answer.data is None:
            raise self.map_error(response.status_code, body, response.headers)
        data = answer.data
        choices: list[dict[str, Any]] = []
        for item in data.choices:
            tool_calls = (
                [{"id": c.id, "function": c.function} for c in item.tool_calls]
                if item.tool_calls
                else None
            )
            content = item.message if item.message or not tool_calls else None
            message = {
                "content": content,
                "tool_calls": tool_calls,
                "reasoning_content": item.reasoning_content,
            }
            finish = normalize_finish_reason(item.finish_reason)
            choices.append({"index": item.index, "message": message, "finish_reason": finish})
        completion = ChatCompletion.model_validate(
            {
                "id": data.id,
                "choices": choices,
                "usage": _usage(data.usage),
                "model": response.request.extensions.get("llmswitch_model", ""),
            }
        )
        failed = error_finish(completion.choices, self.name, body)
        if failed is not None:
            raise failed
        attach_raw(completion, body, self.name)
        return completion

    def chunk_parser(self, params: ChatParams) -> SenseNovaChunkParser:
        return SenseNovaChunkParser(self, params.model)

    # ---- embeddings -------------------------------------------------------------------------

    def build_embeddings_request(self, params: EmbeddingParams) -> httpx.Request:
        if params.dimensions is not None:
            raise UnsupportedParameterError(self.name, "dimensions", "fixed-size vectors")
        body: dict[str, Any] = {"model": params.model, "input": params.input}
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
            parsed = _SNEmbeddings.model_validate_json(body)
        except ValidationError as exc:
            raise self._not_an_answer(response.status_code, body, response.headers, exc) from None
        if parsed.error is not None or parsed.embeddings is None:
            raise self.map_error(response.status_code, body, response.headers)
        data = [Embedding(index=i.index, embedding=i.embedding) for i in parsed.embeddings]
        usage = parsed.usage
        result = CreateEmbeddingResponse(
            data=data,
            model=params.model,
            usage=EmbeddingUsage(prompt_tokens=usage.prompt_tokens, total_tokens=usage.total_tokens)
            if usage
            else None,
        )
        attach_raw(result, body, self.name)
        return result

    # ---- models -----------------------------------------------------------------------------

    def build_models_request(self, kind: str, model: str | None = None) -> httpx.Request:
        """``GET /llm/models`` [H] sensenova 1.0.6 ``api_resources/model.py``; one model is
        looked up in the list."""
        if kind == "delete":
            raise InvalidRequestError(f"provider {self.name!r}: models cannot be deleted here")
        request = httpx.Request("GET", self.base_url + "/llm/models", headers=self.headers)
        if model is not None:
            request.extensions["llmswitch_model"] = model
        return request

    def parse_models_response(self, kind: str, response: httpx.Response) -> Any:
        body = response.content
        try:
            payload = decode_json(body, self.name)
        except APIError:
            payload = None
        items = model_items(payload)
        if items is None or (isinstance(payload, dict) and payload.get("error")):
            raise self.map_error(response.status_code, body, response.headers)
        if kind == "retrieve":
            wanted = response.request.extensions.get("llmswitch_model")
            for item in items:
                if item["id"] == wanted:
                    found = Model.model_validate(item)
                    attach_raw(found, None, self.name)
                    return found
            raise make_error(self.name, 404, f"model {wanted!r} is not in the list", cls=None)
        cls: Any = AsyncPage[Model] if kind == "alist" else SyncPage[Model]
        page = cls.model_validate({"data": items})
        for entry in page.data:
            attach_raw(entry, None, self.name)
        return page

    # ---- errors -----------------------------------------------------------------------------

    def map_error(self, status: int, body: bytes, headers: Mapping[str, str]) -> APIError:
        """``{"error": {"code", "message", "details"}}`` → the typed error (spec 3.7)."""
        try:
            error = _SNAnswer.model_validate_json(body).error if body else None
        except ValidationError:
            error = None
        code = error.code if error is not None else None
        message = error.message if error is not None and error.message else ""
        numeric = code if isinstance(code, int) else None
        if isinstance(code, str) and code.isdigit():
            numeric = int(code)
        cls: type[APIStatusError] | None = None
        retryable: bool | None = None
        if status < 400 or status == 409:
            cls, retryable = _CODES.get(numeric or 0, (APIStatusError, False))
            if status == 409:
                cls, retryable = InternalServerError, True
        lowered = message.lower()
        base = cls or status_error_class(status)
        if issubclass(base, BadRequestError) and any(w in lowered for w in _CONTEXT_WORDS):
            cls, retryable = ContextLengthExceededError, False
        elif issubclass(base, RateLimitError) and any(w in lowered for w in _QUOTA_WORDS):
            cls, retryable = QuotaExceededError, False
        elif "sensitive" in lowered and issubclass(base, BadRequestError):
            cls, retryable = ContentFilterError, False
        if not message:
            message = body.decode("utf-8", "replace")[:500] or f"HTTP {status}"
        return make_error(
            self.name,
            status,
            message,
            body=body,
            headers=headers,
            code=str(code) if code is not None else None,
            cls=cls,
            retryable=retryable,
        )

    def _not_an_answer(
        self, status: int, body: bytes, headers: Mapping[str, str], exc: Exception
    ) -> APIError:
        return error_or_invalid(self, status, body, headers, exc, ("error",))


def _region(settings: ProviderSettings) -> str | None:
    if settings.region is None:
        return None
    region = settings.region.strip().lower()
    if region not in REGIONS:
        known = ", ".join(REGIONS)
        raise ConfigError(
            f"unknown SenseNova region {settings.region!r}; use one of: {known} (or set base_url)"
        )
    return region
