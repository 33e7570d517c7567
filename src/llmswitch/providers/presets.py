"""OpenAI-compatible presets whose wire differs from OpenAI's in a few fields, and the factory
the registry calls for ``type = "openai-compatible"``.

DeepSeek (2026 API) [M] api-docs.deepseek.com/guides/thinking_mode:

- thinking switch ``thinking: {"type": "enabled" | "disabled"}`` (on by default) and effort
  ``reasoning_effort: "low" | "high" | "max"``; the server maps OpenAI's other levels
  (minimal/low → low, medium/high/xhigh → high, max → max); ``none`` is the switch turned off;
- reasoning text in ``message.reasoning_content`` / ``delta.reasoning_content``; in thinking
  mode every earlier assistant turn with ``tool_calls`` must carry its ``reasoning_content``
  (DeepSeek answers 400 otherwise), so it is sent back as given;
- cached prompt tokens in ``usage.prompt_cache_hit_tokens`` [M] context-caching guide, moved to
  ``prompt_tokens_details.cached_tokens`` by the OpenAI adapter (``_usage.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import urlsplit

from ._base import ChatParams, ParamSupport, ProviderSettings, thinking_switch
from .openai import OpenAIAdapter

__all__ = ["DEEPSEEK_EFFORTS", "DeepSeekAdapter", "compatible_adapter"]

# OpenAI's reasoning_effort → DeepSeek's own levels (the server's documented mapping, sent
# explicitly so the request says what the server will do).
DEEPSEEK_EFFORTS: Mapping[str, str] = {
    "minimal": "low",
    "low": "low",
    "medium": "high",
    "high": "high",
    "xhigh": "high",
    "max": "max",
}


class DeepSeekAdapter(OpenAIAdapter):
    """DeepSeek's OpenAI-compatible API with its thinking switch."""

    PARAMS: ClassVar[Mapping[str, ParamSupport]] = {
        **OpenAIAdapter.PARAMS,
        "reasoning_effort": ParamSupport(
            "mapped",
            "thinking.type disabled for none; else thinking enabled and reasoning_effort"
            " low (minimal, low), high (medium, high, xhigh) or max",
        ),
    }

    def chat_body(self, params: ChatParams) -> dict[str, Any]:
        body = super().chat_body(params)
        effort = body.pop("reasoning_effort", None)
        if effort is not None:
            thinking_switch(effort)  # checks the level
            on = effort != "none"  # minimal is low thinking here, as DeepSeek maps it
            if "thinking" not in body:
                body["thinking"] = {"type": "enabled" if on else "disabled"}
            if on and effort in DEEPSEEK_EFFORTS:
                body.setdefault("reasoning_effort", DEEPSEEK_EFFORTS[effort])
        return body


def _host(url: str | None) -> str:
    try:
        return (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return ""


def compatible_adapter(settings: ProviderSettings) -> OpenAIAdapter:
    """The adapter of an OpenAI-compatible provider: a preset with its own fields (DeepSeek, by
    name or by host), else :class:`OpenAIAdapter`."""
    host = _host(settings.base_url)
    if settings.name == "deepseek" or host == "api.deepseek.com":
        return DeepSeekAdapter(settings)
    return OpenAIAdapter(settings)
