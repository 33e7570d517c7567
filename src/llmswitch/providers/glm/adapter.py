"""Zhipu AI GLM (BigModel API v4, mainland and Z.ai international) (sans-IO).

Wire facts: ``spec/wire-qwen-glm-openai.md`` 3.1-3.8: OpenAI-shaped bodies at
``/api/paas/v4``, temperature/top_p inside GLM's open interval (0, 1) with ``do_sample``,
``request_id``/``user_id``, the ``web_search`` tool, ``data:`` SSE ending in ``[DONE]`` with
usage in the last chunk, ``data: {"error": ...}`` frames, and ``{"error": {"code": "<digits>"}}``
errors. Answers parse with OpenAI's models, so this adapter extends
:class:`~llmswitch.providers.openai.OpenAIAdapter`; auth lives in ``auth.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import httpx
from pydantic import BaseModel, ValidationError

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
)
from .._base import (
    OPENAI_PLATFORM_PARAMS,
    BearerAuth,
    ChatParams,
    ParamSupport,
    ProviderSettings,
    make_error,
    request_id_from,
    thinking_switch,
)
from ..openai import OpenAIAdapter
from .auth import ZhipuJWTAuth

__all__ = ["GLM_ERROR_CODES", "REGIONS", "GLMAdapter"]

# settings.region → base URL (spec 3.1: ZP-client for the mainland, litellm-zai for Z.ai).
REGIONS: Mapping[str, str] = {
    "cn": "https://open.bigmodel.cn/api/paas/v4",
    "intl": "https://api.z.ai/api/paas/v4",
}
_REGION_ALIASES: Mapping[str, str] = {
    "china": "cn",
    "mainland": "cn",
    "cn-beijing": "cn",
    "bigmodel": "cn",
    "global": "intl",
    "international": "intl",
    "zai": "intl",
    "z.ai": "intl",
}

_Entry = tuple[type[APIStatusError], bool]  # (class, retryable)
_AUTH: _Entry = (AuthenticationError, False)
_DENIED: _Entry = (PermissionDeniedError, False)
_BAD: _Entry = (BadRequestError, False)
_RATE: _Entry = (RateLimitError, True)
_SERVER: _Entry = (InternalServerError, True)

# Zhipu's numeric codes (strings on the wire). Source: spec/wire-qwen-glm-openai.md 3.7
# (docs.z.ai/api-reference/api-code, community fixtures); issue 6 makes 1113 (arrears) a quota
# error. 1304 (daily call limit) is quota too: it is not worth retrying before the reset (spec 5).
GLM_ERROR_CODES: Mapping[str, _Entry] = {
    "1000": _AUTH,
    "1001": _AUTH,
    "1002": _AUTH,
    "1003": _AUTH,
    "1004": _AUTH,
    "1110": _DENIED,
    "1111": _DENIED,
    "1112": _DENIED,
    "1121": _DENIED,
    "1113": (QuotaExceededError, False),
    "1120": _SERVER,
    "1200": _BAD,
    "1210": _BAD,
    "1211": (NotFoundError, False),
    "1212": _BAD,
    "1213": _BAD,
    "1214": _BAD,
    "1215": _BAD,
    "1220": _DENIED,
    "1221": _BAD,
    "1222": _BAD,
    "1231": _BAD,
    "1230": _SERVER,
    "1234": _SERVER,
    "1261": (ContextLengthExceededError, False),
    "1300": (ContentFilterError, False),
    "1301": (ContentFilterError, False),
    "1302": _RATE,
    "1303": _RATE,
    "1304": (QuotaExceededError, False),
    "1305": _RATE,
    "500": _SERVER,
}

# GLM's documented sampling ranges are open intervals (0, 1); the SDK sends 0.01 / 0.99 at the
# edges and do_sample=false for temperature <= 0 (spec 3.3, fixtures chat_system and
# chat_temperature_zero). OpenAI's temperature (0, 2] above 0.99 is sent as 0.99.
_LOW, _HIGH = 0.01, 0.99

PARAMS: Mapping[str, ParamSupport] = {
    **OPENAI_PLATFORM_PARAMS,
    "reasoning_effort": ParamSupport(
        "mapped",
        "thinking.type: none/minimal disabled, other levels enabled (GLM-4.5 and later; no"
        " budget or level is documented)",
    ),
    "temperature": ParamSupport(
        "mapped", "kept in (0, 1): sent as 0.01-0.99; 0 sends do_sample=false (greedy)"
    ),
    "top_p": ParamSupport("mapped", "kept in (0, 1): sent as 0.01-0.99"),
    "max_tokens": ParamSupport("native"),
    "max_completion_tokens": ParamSupport("mapped", "sent as max_tokens"),
    "stop": ParamSupport("mapped", "a string is sent as a one-item list"),
    "seed": ParamSupport("native"),
    "user": ParamSupport("mapped", "sent as user_id"),
    "n": ParamSupport("unsupported", "GLM returns one choice"),
    "presence_penalty": ParamSupport("unsupported", "not in GLM's API"),
    "frequency_penalty": ParamSupport("unsupported", "not in GLM's API"),
    "logprobs": ParamSupport("unsupported", "not in GLM's API"),
    "top_logprobs": ParamSupport("unsupported", "not in GLM's API"),
    "logit_bias": ParamSupport("unsupported", "not in GLM's API"),
    "tools": ParamSupport("native", "function, web_search and retrieval tools"),
    "tool_choice": ParamSupport("native", "GLM documents only 'auto'"),
    "parallel_tool_calls": ParamSupport("unsupported", "not in GLM's API"),
    "response_format": ParamSupport("native", "text or json_object"),
    "stream_options": ParamSupport("mapped", "not sent: GLM puts usage in the last chunk"),
}


class _Nested(BaseModel):
    code: str | int | None = None
    message: str | None = None


class _ErrorBody(BaseModel):
    error: _Nested | str | None = None
    code: str | int | None = None
    msg: str | None = None
    message: str | None = None
    request_id: str | None = None


def glm_base_url(region: str | None) -> str:
    """The v4 base URL of ``region`` (``None`` → mainland); unknown regions are a ConfigError."""
    key = (region or "cn").strip().lower()
    base = REGIONS.get(_REGION_ALIASES.get(key, key))
    if base is None:
        known = ", ".join([*REGIONS, *_REGION_ALIASES])
        raise ConfigError(f"unknown GLM region {region!r}; use one of: {known} (or set base_url)")
    return base


def _clamp(value: float) -> float:
    return min(max(value, _LOW), _HIGH)


class GLMAdapter(OpenAIAdapter):
    """Chat and embeddings over Zhipu's v4 API, bound to one configured provider."""

    PARAMS: ClassVar[Mapping[str, ParamSupport]] = PARAMS
    default_encoding_format: ClassVar[str | None] = None  # GLM answers floats; no such field

    def __init__(self, settings: ProviderSettings) -> None:
        if not settings.base_url:
            from dataclasses import replace

            settings = replace(settings, base_url=glm_base_url(settings.region))
        super().__init__(settings)
        if self.base_url.startswith(REGIONS["intl"]) and "Accept-Language" not in settings.headers:
            self.headers["Accept-Language"] = "en-US,en"  # as ZaiClient sends it [H] _client.py
        self.auth = self.make_auth(settings)

    @staticmethod
    def make_auth(settings: ProviderSettings) -> httpx.Auth | None:
        """``auth = "jwt"`` signs tokens like the SDK; the default sends the raw key."""
        key = settings.api_key
        if key is None:
            return None
        mode = (settings.auth or "key").lower()
        if mode == "jwt":
            return ZhipuJWTAuth(key)
        if mode in ("key", "api_key", "bearer"):
            return BearerAuth(key)
        raise ConfigError(f"providers.{settings.name}.auth must be 'key' or 'jwt', not {mode!r}")

    # ---- chat -------------------------------------------------------------------------------

    def chat_body(self, params: ChatParams) -> dict[str, Any]:
        """GLM's body: OpenAI's names where they agree, the mappings in :data:`PARAMS` elsewhere."""
        body: dict[str, Any] = {"model": params.model, "messages": _messages(params.messages)}
        temperature = params.temperature
        if temperature is not None:
            body["do_sample"] = temperature > 0
            body["temperature"] = _clamp(temperature)
        if params.top_p is not None:
            body["top_p"] = _clamp(params.top_p)
        max_tokens = params.max_tokens
        if max_tokens is None:
            max_tokens = params.max_completion_tokens
        if max_tokens is not None:
            body["max_tokens"] = max_tokens
        if params.stop is not None:
            body["stop"] = [params.stop] if isinstance(params.stop, str) else params.stop
        if params.user is not None:
            body["user_id"] = params.user
        if params.reasoning_effort is not None:
            on = thinking_switch(params.reasoning_effort)
            body["thinking"] = {"type": "enabled" if on else "disabled"}
        for name in ("seed", "tools", "tool_choice", "response_format"):
            value = getattr(params, name)
            if value is not None:
                body[name] = value
        if params.stream:
            body["stream"] = True
        if params.extra_body:
            body.update(params.extra_body)
        return body

    # ---- models -----------------------------------------------------------------------------

    def build_models_request(self, kind: str, model: str | None = None) -> httpx.Request:
        """GLM documents no model-list endpoint (zai-sdk 0.2.3 has no models resource [H])."""
        raise InvalidRequestError(
            f"provider {self.name!r}: Zhipu documents no model-list API; see `llmswitch models`"
            " for the catalog's list"
        )

    # ---- errors -----------------------------------------------------------------------------

    def map_error(self, status: int, body: bytes, headers: Mapping[str, str]) -> APIError:
        """``{"error": {"code": "1261", "message": ...}}`` (also a flat ``{code, msg}``)."""
        try:
            parsed = _ErrorBody.model_validate_json(body) if body else _ErrorBody()
        except ValidationError:
            parsed = _ErrorBody()
        code, message = parsed.code, parsed.message or parsed.msg
        if isinstance(parsed.error, _Nested):
            code = parsed.error.code if parsed.error.code is not None else code
            message = parsed.error.message or message
        elif isinstance(parsed.error, str):
            message = parsed.error
        code_text = str(code) if code not in (None, "") else None
        entry = GLM_ERROR_CODES.get(code_text or "")
        cls, retryable = entry if entry else (None, None)
        if cls is None and status < 400:
            cls, retryable = APIStatusError, False
        return make_error(
            self.name,
            status,
            message or body.decode("utf-8", "replace")[:500] or f"HTTP {status}",
            body=body,
            headers=headers,
            code=code_text,
            cls=cls,
            retryable=retryable,
            request_id=parsed.request_id or request_id_from(headers, "x-request-id", "x-log-id"),
        )


def _messages(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """GLM has no ``developer`` role: it is sent as ``system``. An image given as a ``data:``
    URI is sent as bare base64, as the SDK does (``drop_prefix_image_data`` [H] zai-sdk 0.2.3
    ``zai/core/_utils/_utils.py``, zhipuai 2.1.5). Messages that need no change are not copied."""
    out = messages
    for index, message in enumerate(messages):
        changed = message
        if message.get("role") == "developer":
            changed = {**message, "role": "system"}
        content = message.get("content")
        if isinstance(content, list) and any(_data_image(part) for part in content):
            changed = {**changed, "content": [_bare_image(part) for part in content]}
        if changed is not message:
            if out is messages:
                out = list(messages)
            out[index] = changed
    return out


def _data_image(part: Any) -> bool:
    if not isinstance(part, dict) or part.get("type") != "image_url":
        return False
    image = part.get("image_url")
    url = image.get("url") if isinstance(image, dict) else image
    return isinstance(url, str) and url.startswith("data:image/")


def _bare_image(part: Any) -> Any:
    if not _data_image(part):
        return part
    image = part["image_url"]
    if isinstance(image, dict):
        return {**part, "image_url": {**image, "url": image["url"].split("base64,")[-1]}}
    return {**part, "image_url": image.split("base64,")[-1]}
