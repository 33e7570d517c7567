"""One call's parameters in OpenAI's terms (``ChatParams``, ``EmbeddingParams``) and how an
adapter declares its support for each (``ParamSupport``, the OpenAI-platform-only ones, the
``reasoning_effort`` switch)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

__all__ = [
    "OPENAI_PLATFORM_PARAMS",
    "OPTIONAL_CHAT_PARAMS",
    "ChatParams",
    "EmbeddingInput",
    "EmbeddingParams",
    "ParamSupport",
    "Support",
    "thinking_switch",
]

Support = Literal["native", "mapped", "unsupported"]

@dataclass(frozen=True, slots=True)
class ParamSupport:
    """How a provider honours one OpenAI parameter: natively, mapped (how), or not at all."""

    level: Support
    note: str = ""


@dataclass(slots=True)
class ChatParams:
    """One chat call, in OpenAI's terms, after model resolution. ``model`` is the provider's id."""

    model: str
    messages: list[dict[str, Any]]
    stream: bool = False
    temperature: float | None = None
    top_p: float | None = None
    max_tokens: int | None = None
    max_completion_tokens: int | None = None
    stop: str | list[str] | None = None
    seed: int | None = None
    user: str | None = None
    n: int | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = None
    logit_bias: dict[str, int] | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    parallel_tool_calls: bool | None = None
    response_format: dict[str, Any] | None = None
    stream_options: dict[str, Any] | None = None
    reasoning_effort: str | None = None
    # OpenAI platform parameters (stored completions, audio, predicted outputs, ...): native on
    # OpenAI's wire, declared per adapter like every other parameter.
    audio: dict[str, Any] | None = None
    function_call: str | dict[str, Any] | None = None
    functions: list[dict[str, Any]] | None = None
    metadata: dict[str, str] | None = None
    modalities: list[str] | None = None
    moderation: dict[str, Any] | None = None
    prediction: dict[str, Any] | None = None
    prompt_cache_key: str | None = None
    prompt_cache_options: dict[str, Any] | None = None
    prompt_cache_retention: str | None = None
    safety_identifier: str | None = None
    service_tier: str | None = None
    store: bool | None = None
    verbosity: str | None = None
    web_search_options: dict[str, Any] | None = None
    extra_body: dict[str, Any] | None = None


# Parameters only OpenAI's own platform honours, with the reason each is unsupported elsewhere;
# adapters of other providers declare these (or their own mapping) in PARAMS.
OPENAI_PLATFORM_PARAMS: Mapping[str, ParamSupport] = {
    "audio": ParamSupport("unsupported", "audio output is an OpenAI model feature"),
    "function_call": ParamSupport("unsupported", "legacy OpenAI functions; use tool_choice"),
    "functions": ParamSupport("unsupported", "legacy OpenAI functions; use tools"),
    "metadata": ParamSupport("unsupported", "tags for OpenAI's stored completions"),
    "modalities": ParamSupport("unsupported", "audio output is an OpenAI model feature"),
    "moderation": ParamSupport("unsupported", "OpenAI's moderation option"),
    "prediction": ParamSupport("unsupported", "OpenAI's predicted outputs"),
    "prompt_cache_key": ParamSupport("unsupported", "OpenAI's prompt-cache routing key"),
    "prompt_cache_options": ParamSupport("unsupported", "OpenAI's prompt-cache options"),
    "prompt_cache_retention": ParamSupport("unsupported", "OpenAI's prompt-cache retention"),
    "safety_identifier": ParamSupport("unsupported", "OpenAI's abuse-detection identifier"),
    "service_tier": ParamSupport("unsupported", "OpenAI's processing tiers"),
    "store": ParamSupport("unsupported", "stored completions are an OpenAI platform feature"),
    "verbosity": ParamSupport("unsupported", "an OpenAI GPT-5 model control"),
    "web_search_options": ParamSupport("unsupported", "OpenAI's search models"),
    "reasoning_effort": ParamSupport("unsupported", "no reasoning control on this API"),
}

_EFFORTS = {"none": False, "minimal": False, "low": True, "medium": True, "high": True,
            "xhigh": True, "max": True}  # fmt: skip


def thinking_switch(effort: str) -> bool:
    """OpenAI's ``reasoning_effort`` as the on/off thinking switch of providers that have one
    (Qwen ``enable_thinking``, GLM ``thinking.type``): ``none`` / ``minimal`` → off, any other
    level → on. No budget is invented: set the provider's own budget in ``extra_body``.

    >>> thinking_switch("minimal"), thinking_switch("high")
    (False, True)
    """
    try:
        return _EFFORTS[effort]
    except (KeyError, TypeError):
        from ..errors import InvalidRequestError

        raise InvalidRequestError(
            f"reasoning_effort={effort!r} is not one of: {', '.join(_EFFORTS)}"
        ) from None


OPTIONAL_CHAT_PARAMS: tuple[str, ...] = tuple(
    f.name
    for f in fields(ChatParams)
    if f.name not in ("model", "messages", "stream", "extra_body")
)


EmbeddingInput = str | list[str] | list[int] | list[list[int]]
"""What ``embeddings.create(input=...)`` takes: text, texts, or token arrays (OpenAI's wire)."""


@dataclass(slots=True)
class EmbeddingParams:
    """One embeddings call. ``input`` is a list of strings; on OpenAI's wire also a single string
    or token arrays, sent as given (the client refuses those for other providers)."""

    model: str
    input: str | list[str] | list[int] | list[list[int]]
    dimensions: int | None = None
    user: str | None = None
    encoding_format: Literal["float", "base64"] | None = None
    extra_body: dict[str, Any] | None = None


