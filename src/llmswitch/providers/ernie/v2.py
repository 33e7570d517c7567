"""Baidu ERNIE on Qianfan: v2 (OpenAI-shaped, bearer key) by default, v1 with access keys.

Wire facts: ``spec/wire-ernie-sensenova.md`` section 2 (Qianfan v2: ``/v2/chat/completions``,
``Authorization: Bearer bce-v3/...``, optional ``appid`` header, Qianfan extras such as
``penalty_score`` / ``web_search`` in ``extra_body``, ``{"error": ...}`` bodies also with HTTP
200) and section 1 for v1 (``v1.py``, OAuth in ``auth.py``).

Which API: ``api = "compatible"`` → v2, ``api = "native"`` → v1; otherwise v2 when an API key
is configured, else v1 when ``access_key`` + ``secret_key`` are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

import httpx

from ...errors import (
    APIError,
    APIStatusError,
    AuthenticationError,
    ConfigError,
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    InvalidRequestError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
    UnsupportedParameterError,
)
from .._base import (
    OPENAI_PLATFORM_PARAMS,
    OPTIONAL_CHAT_PARAMS,
    ChatParams,
    ParamSupport,
    ProviderSettings,
    decode_json,
    make_error,
    thinking_switch,
)
from ..openai import OpenAIAdapter

__all__ = ["DEFAULT_V2_BASE_URL", "V2_PARAMS", "ErnieAdapter", "uses_v1"]

DEFAULT_V2_BASE_URL = "https://qianfan.baidubce.com/v2"
# settings.region → v2 base. No international Qianfan host is documented (searched); Baidu AI
# Studio's OpenAI-compatible LLM API takes an AI Studio access token as the key [M]
# ai.baidu.com/ai-doc/AISTUDIO/Mmhslv9lf.
REGIONS: Mapping[str, str] = {
    "cn": DEFAULT_V2_BASE_URL,
    "qianfan": DEFAULT_V2_BASE_URL,
    "aistudio": "https://aistudio.baidu.com/llm/lmapi/v3",
}

# Reasoning on Qianfan v2 [M] cloud.baidu.com/doc/qianfan-docs/s/Wm95lyynv ("深度思考"):
# ``enable_thinking`` (default false) exists for the models listed there; ERNIE X1 and the
# *-thinking models always think (no switch is documented); ``reasoning_content`` comes beside
# ``content`` and sending it back is an HTTP 400.
THINKING_SWITCH_MODELS = re.compile(
    r"^(?:qwen3|ernie-4\.5-turbo-vl-preview$|ernie-4\.5-turbo-vl-32k-preview$"
    r"|ernie-4\.5-vl-28b-a3b$)",
    re.IGNORECASE,
)
THINKING_ONLY_MODELS = re.compile(r"^ernie-x1|thinking", re.IGNORECASE)

# Qianfan v2 body fields (spec 2, "Request vs OpenAI" [M]); the rest are not documented for v2.
V2_PARAMS: Mapping[str, ParamSupport] = {
    **{name: ParamSupport("native") for name in OPTIONAL_CHAT_PARAMS},
    **OPENAI_PLATFORM_PARAMS,
    "n": ParamSupport("unsupported", "v2 does not document n > 1"),
    "logprobs": ParamSupport("unsupported", "v2 returns no logprobs"),
    "top_logprobs": ParamSupport("unsupported", "v2 returns no logprobs"),
    "logit_bias": ParamSupport("unsupported", "not in the v2 API"),
    "parallel_tool_calls": ParamSupport("unsupported", "not in the v2 API"),
    "reasoning_effort": ParamSupport(
        "mapped",
        "enable_thinking on the models that document it (qwen3-*, ernie-4.5 VL previews):"
        " none/minimal off, other levels on; ERNIE X1 and *-thinking models always think"
        " (none is refused); other models: not sent",
    ),
}

# v2 error `code` / `type` values → class and retryability. Source: spec 2 error table (QF-mock,
# BD-doc v2 summary) and fixtures ernie/v2_error_*, qf_v2_error_200_body.
_V2_CODES: Mapping[str, tuple[type[APIStatusError], bool]] = {
    "characters_too_long": (ContextLengthExceededError, False),
    "tokens_too_long": (ContextLengthExceededError, False),
    "rate_limit_exceeded": (RateLimitError, True),
    "rpm_rate_limit_exceeded": (RateLimitError, True),
    "tpm_rate_limit_exceeded": (RateLimitError, True),
    "qps_rate_limit_exceeded": (RateLimitError, True),
    "quota_exceeded": (QuotaExceededError, False),
    "insufficient_quota": (QuotaExceededError, False),
    "no_parameter_permission": (PermissionDeniedError, False),
    "access_denied": (AuthenticationError, False),
    "invalid_iam_token": (AuthenticationError, False),
    "invalid_api_key": (AuthenticationError, False),
    "content_filter": (ContentFilterError, False),
    "sensitive_content": (ContentFilterError, False),
    "internal_error": (InternalServerError, True),
    "server_error": (InternalServerError, True),
}


def uses_v1(settings: ProviderSettings) -> bool:
    """True when these settings select the Qianfan v1 API (see the module docstring)."""
    if settings.api == "native":
        return True
    if settings.api == "compatible":
        return False
    return settings.api_key is None and settings.access_key is not None


class ErnieAdapter(OpenAIAdapter):
    """Qianfan v2 (``/v2/chat/completions``, ``/v2/embeddings``). The registry builds ERNIE
    adapters with :func:`llmswitch.providers.ernie.ernie_adapter`, which picks
    :class:`~.v1.ErnieV1Adapter` (a subclass) when the settings select v1.

    >>> settings = ProviderSettings("ernie", "ernie", api_key=SecretStr("bce-v3/..."))
    >>> ErnieAdapter(settings).build_chat_request(params)  # doctest: +SKIP
    """

    PARAMS: ClassVar[Mapping[str, ParamSupport]] = V2_PARAMS
    default_base_url: ClassVar[str] = DEFAULT_V2_BASE_URL
    default_encoding_format: ClassVar[str | None] = "float"

    def __init__(self, settings: ProviderSettings) -> None:
        if not settings.base_url and settings.region:
            key = settings.region.strip().lower()
            if key not in REGIONS:
                raise ConfigError(
                    f"unknown Qianfan region {settings.region!r}; use one of:"
                    f" {', '.join(REGIONS)} (or set base_url)"
                )
            from dataclasses import replace

            settings = replace(settings, base_url=REGIONS[key])
        super().__init__(settings)
        if settings.app_id:
            self.headers["appid"] = settings.app_id

    def chat_body(self, params: ChatParams) -> dict[str, Any]:
        body = super().chat_body(params)
        effort = body.pop("reasoning_effort", None)
        if effort is not None:
            on = thinking_switch(effort)
            model = params.model
            if THINKING_ONLY_MODELS.search(model):
                if not on:
                    raise UnsupportedParameterError(
                        self.name, "reasoning_effort", f"{model} always thinks; no switch"
                    )
            elif THINKING_SWITCH_MODELS.search(model):
                body.setdefault("enable_thinking", on)
        if any("reasoning_content" in m for m in body["messages"]):
            # Qianfan answers 400 when reasoning is sent back [M] 深度思考 page.
            body["messages"] = [
                {k: v for k, v in m.items() if k != "reasoning_content"} for m in body["messages"]
            ]
        return body

    def build_models_request(self, kind: str, model: str | None = None) -> httpx.Request:
        """``GET /v2/models`` [M] cloud.baidu.com/doc/qianfan-api/s/Dmba8k71y: the list only;
        v1 has no model list."""
        if self.PARAMS is not V2_PARAMS or kind not in ("list", "alist"):
            raise InvalidRequestError(
                f"provider {self.name!r}: Qianfan documents only the v2 model list"
                " (client.models.list with an API key)"
            )
        return super().build_models_request(kind, model)

    def map_error(self, status: int, body: bytes, headers: Mapping[str, str]) -> APIError:
        """``{"error": {"code", "message", "type"}, "id"}`` (any status, incl. 200)."""
        try:
            payload = decode_json(body, self.name) if body else None
        except APIError:
            payload = None
        error = payload.get("error") if isinstance(payload, dict) else None
        if not isinstance(error, dict):
            return super().map_error(status, body, headers)
        code = str(error.get("code") or "")
        etype = str(error.get("type") or "")
        found = _V2_CODES.get(code) or _V2_CODES.get(etype)
        if found is None:
            return super().map_error(status, body, headers)
        cls, retryable = found
        message = error.get("message")
        return make_error(
            self.name,
            status,
            message if isinstance(message, str) and message else f"{code or etype}",
            body=body,
            headers=headers,
            code=code or etype,
            cls=cls,
            retryable=retryable,
            request_id=headers.get("x-request-id") or payload.get("id"),  # type: ignore[union-attr]
        )
