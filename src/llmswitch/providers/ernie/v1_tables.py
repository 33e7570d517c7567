"""Qianfan v1 lookup tables: model → endpoint, parameter support, error codes.

Sources are named above each table (``spec/wire-ernie-sensenova.md`` 1.1, 1.3, 1.8, 1.9).
"""

from __future__ import annotations

from collections.abc import Mapping

from ...errors import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ContextLengthExceededError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
)
from .._base import OPENAI_PLATFORM_PARAMS, ParamSupport

__all__ = ["ERROR_CODES", "ERROR_HINTS", "V1_ENDPOINTS", "V1_PARAMS"]

# Model name (lower-cased) → endpoint path segment. Source: spec 1.1 table (qianfan 0.4.12.3
# `_local_models`, erniebot `_API_INFO_DICT`, one-api). A name not listed here and not in
# `settings.endpoints` is sent lower-cased as its own endpoint (one-api's fallback); a wrong one
# comes back as error_code 3 / 336005 (NotFoundError).
V1_ENDPOINTS: Mapping[str, str] = {
    "ernie-4.0-8k": "completions_pro",
    "ernie-bot-4": "completions_pro",
    "ernie-4.0": "completions_pro",
    "ernie-4.0-8k-preview-0518": "completions_adv_pro",
    "ernie-3.5-8k": "completions",
    "ernie-bot": "completions",
    "ernie 3.5": "completions",
    "ernie-3.5": "completions",
    "ernie-bot-8k": "ernie_bot_8k",
    "ernie-speed-8k": "ernie_speed",
    "ernie-speed": "ernie_speed",
    "ernie speed": "ernie_speed",
    "ernie-lite-8k-0922": "eb-instant",
    "ernie-bot-turbo": "eb-instant",
    "ernie-lite": "eb-instant",
    "ernie-lite-8k-0308": "ernie-lite-8k",
    "ernie-tiny": "ernie-tiny-8k",
    "ernie-functions-8k": "ernie-func-8k",
    "ernie-function-8k": "ernie-func-8k",
    "ernie-character-8k": "ernie-char-8k",
    "ernie-character-fiction-8k": "ernie-char-fiction-8k",
    "ernie-fiction-8k": "ernie-char-fiction-8k",
    "ernie speed-appbuilder": "ai_apaas",
    "ernie-speed-appbuilder": "ai_apaas",
    "ernie-bot-turbo-ai": "ai_apaas",
    # embeddings
    "embedding-v1": "embedding-v1",
    "ernie-text-embedding": "embedding-v1",
    "bge-large-zh": "bge_large_zh",
    "bge-large-en": "bge_large_en",
    "tao-8k": "tao_8k",
}

V1_PARAMS: Mapping[str, ParamSupport] = {
    **OPENAI_PLATFORM_PARAMS,
    "temperature": ParamSupport("mapped", "range (0, 1]: 0 is sent as 0.01, above 1 as 1.0"),
    "top_p": ParamSupport("native"),
    "max_tokens": ParamSupport("mapped", "sent as max_output_tokens"),
    "max_completion_tokens": ParamSupport("mapped", "sent as max_output_tokens"),
    "stop": ParamSupport("mapped", "always a list"),
    "seed": ParamSupport("unsupported", "v1 has no seed"),
    "user": ParamSupport("mapped", "sent as user_id"),
    "n": ParamSupport("unsupported", "v1 returns one answer"),
    "presence_penalty": ParamSupport(
        "unsupported", "different scale; pass extra_body={'penalty_score': 1.0-2.0}"
    ),
    "frequency_penalty": ParamSupport(
        "unsupported", "different scale; pass extra_body={'penalty_score': 1.0-2.0}"
    ),
    "logprobs": ParamSupport("unsupported", "not in the v1 API"),
    "top_logprobs": ParamSupport("unsupported", "not in the v1 API"),
    "logit_bias": ParamSupport("unsupported", "not in the v1 API"),
    "tools": ParamSupport("mapped", "sent as functions (one call per turn)"),
    "tool_choice": ParamSupport("mapped", "auto: omitted; none: functions omitted; no required"),
    "parallel_tool_calls": ParamSupport("unsupported", "v1 makes one function call per turn"),
    "response_format": ParamSupport("mapped", "json_object/text as a string; no json_schema"),
    "stream_options": ParamSupport("mapped", "not sent: the last chunk always has usage"),
}

# error_code → (class, retryable). Source: spec 1.8 table (qianfan consts, erniebot errors) and
# 1.9 retry rule (retry 1, 2, 4, 18, 336000, 336100, 336501, 336502; never 17, 19, 3360xx).
ERROR_CODES: Mapping[int, tuple[type[APIStatusError], bool]] = {
    1: (InternalServerError, True),
    2: (InternalServerError, True),
    3: (NotFoundError, False),
    4: (RateLimitError, True),
    6: (PermissionDeniedError, False),
    13: (AuthenticationError, False),
    14: (AuthenticationError, False),
    15: (AuthenticationError, False),
    17: (QuotaExceededError, False),
    18: (RateLimitError, True),
    19: (QuotaExceededError, False),
    100: (AuthenticationError, False),
    110: (AuthenticationError, False),
    111: (AuthenticationError, False),
    336000: (InternalServerError, True),
    336001: (BadRequestError, False),
    336002: (BadRequestError, False),
    336003: (BadRequestError, False),
    336004: (PermissionDeniedError, False),
    336005: (NotFoundError, False),
    336006: (BadRequestError, False),
    336007: (ContextLengthExceededError, False),
    336100: (InternalServerError, True),
    336101: (BadRequestError, False),
    336102: (BadRequestError, False),
    336103: (ContextLengthExceededError, False),
    336104: (BadRequestError, False),
    336105: (BadRequestError, False),
    336501: (RateLimitError, True),
    336502: (RateLimitError, True),
}
ERROR_HINTS: Mapping[int, str] = {
    3: " (the endpoint does not exist or is not enabled: map the model with"
    " [providers.ernie.endpoints] or check the model name)",
    336005: " (unknown custom endpoint: check [providers.ernie.endpoints])",
    17: " (daily quota used up, or paid service not enabled / account in arrears)",
}
