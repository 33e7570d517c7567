"""Token usage as providers report it → OpenAI's ``CompletionUsage`` details.

Cached prompt tokens go to ``usage.prompt_tokens_details.cached_tokens`` whatever the provider
calls them; the provider's own fields stay on the usage object as extras:

- OpenAI, GLM, Qwen (both APIs), SenseNova 6.7: ``prompt_tokens_details.cached_tokens`` already
  [H] openai ``completion_usage.py``, zai-sdk ``chat_completion.py``; [M] Model Studio
  context-cache page; [M] SenseNova 6.7 API.md;
- DeepSeek: ``prompt_cache_hit_tokens`` (and ``prompt_cache_miss_tokens``) at the top of
  ``usage`` [M] api-docs.deepseek.com context caching;
- a top-level ``cached_tokens`` (Moonshot-style answers; dashscope 2.0.2 tongyi.py reads it as
  the fallback for OpenAI-shaped answers [H]);
- ``input_tokens_details.cached_tokens`` (Responses-style usage) [H] openai types.

Reasoning tokens: ``completion_tokens_details.reasoning_tokens``, or
``output_tokens_details.reasoning_tokens`` (DashScope native, Responses-style) [H]/[M].
"""

from __future__ import annotations

from typing import Any

from ..types import Usage
from ..types.chat import CompletionTokensDetails, PromptTokensDetails

__all__ = ["cached_from_extras", "normalize_usage"]

_CACHED_KEYS = ("prompt_cache_hit_tokens", "cached_tokens")


def cached_from_extras(extra: dict[str, Any]) -> int | None:
    """The cached prompt tokens a provider reports outside ``prompt_tokens_details``."""
    for key in _CACHED_KEYS:
        value = extra.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    details = extra.get("input_tokens_details")
    if isinstance(details, dict):
        value = details.get("cached_tokens")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def normalize_usage(usage: Usage | None) -> Usage | None:
    """Fill ``prompt_tokens_details.cached_tokens`` and
    ``completion_tokens_details.reasoning_tokens`` from the provider's own fields, in place
    (only when OpenAI's field is missing). Cheap when there is nothing to do."""
    if usage is None:
        return None
    extra = usage.__pydantic_extra__
    if not extra:
        return usage
    prompt = usage.prompt_tokens_details
    if prompt is None or prompt.cached_tokens is None:
        cached = cached_from_extras(extra)
        if cached is not None:
            if prompt is None:
                usage.prompt_tokens_details = PromptTokensDetails(cached_tokens=cached)
            else:
                prompt.cached_tokens = cached
    completion = usage.completion_tokens_details
    if completion is None or completion.reasoning_tokens is None:
        details = extra.get("output_tokens_details")
        reasoning = details.get("reasoning_tokens") if isinstance(details, dict) else None
        if isinstance(reasoning, int) and not isinstance(reasoning, bool):
            if completion is None:
                usage.completion_tokens_details = CompletionTokensDetails(
                    reasoning_tokens=reasoning
                )
            else:
                completion.reasoning_tokens = reasoning
    return usage
