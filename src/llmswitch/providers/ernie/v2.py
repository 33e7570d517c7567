"""Baidu ERNIE on Qianfan: v2 (OpenAI-shaped, bearer key) by default, v1 with access keys.

Wire facts: ``spec/wire-ernie-sensenova.md`` section 2 (Qianfan v2: ``/v2/chat/completions``,
``Authorization: Bearer bce-v3/...``, optional ``appid`` header, Qianfan extras such as
``penalty_score`` / ``web_search`` in ``extra_body``, ``{"error": ...}`` bodies also with HTTP
200) and section 1 for v1 (``v1.py``, OAuth in ``auth.py``).

Which API: ``api = "compatible"`` → v2, ``api = "native"`` → v1; otherwise v2 when an API key
is configured, else v1 when ``access_key`` + ``secret_key`` are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from ...errors import (
    APIError,
    APIStatusError,
    AuthenticationError,
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
)
from .._base import (
    OPENAI_PLATFORM_PARAMS,
    OPTIONAL_CHAT_PARAMS,
    ParamSupport,
    ProviderSettings,
    decode_json,
    make_error,
)
from ..openai import OpenAIAdapter

__all__ = ["DEFAULT_V2_BASE_URL", "V2_PARAMS", "ErnieAdapter", "uses_v1"]

DEFAULT_V2_BASE_URL = "https://qianfan.baidubce.com/v2"

# Qianfan v2 body fields (spec 2, "Request vs OpenAI" [M]); the rest are not documented for v2.
V2_PARAMS: Mapping[str, ParamSupport] = {
    **{name: ParamSupport("native") for name in OPTIONAL_CHAT_PARAMS},
    **OPENAI_PLATFORM_PARAMS,
    "n": ParamSupport("unsupported", "v2 does not document n > 1"),
    "logprobs": ParamSupport("unsupported", "v2 returns no logprobs"),
    "top_logprobs": ParamSupport("unsupported", "v2 returns no logprobs"),
    "logit_bias": ParamSupport("unsupported", "not in the v2 API"),
    "parallel_tool_calls": ParamSupport("unsupported", "not in the v2 API"),
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
        super().__init__(settings)
        if settings.app_id:
            self.headers["appid"] = settings.app_id

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
