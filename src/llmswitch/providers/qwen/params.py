"""What the Qwen adapters declare per OpenAI parameter (generated into docs/providers.md), and
the thinking controls both DashScope APIs share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...errors import InvalidRequestError
from .._base import OPENAI_PLATFORM_PARAMS, OPTIONAL_CHAT_PARAMS, ParamSupport, thinking_switch

__all__ = ["COMPATIBLE_PARAMS", "NATIVE_PARAMS", "thinking_fields"]

_NATIVE = ParamSupport("native")
# Declarations of the native API (spec 1.3). Generated into docs/providers.md.
NATIVE_PARAMS: Mapping[str, ParamSupport] = {
    "temperature": ParamSupport("mapped", "DashScope range is [0, 2): 2.0 is sent as 1.99"),
    "top_p": ParamSupport("mapped", "DashScope range is (0, 1]: 0 is sent as 0.01"),
    "max_tokens": _NATIVE,
    "max_completion_tokens": ParamSupport("mapped", "sent as parameters.max_tokens"),
    "stop": _NATIVE,
    "seed": ParamSupport("native", "range [0, 2^63-1]"),
    "user": ParamSupport("unsupported", "the native API has no end-user field"),
    "n": ParamSupport("native", "1-4, on models that document it"),
    "presence_penalty": _NATIVE,
    "frequency_penalty": ParamSupport(
        "unsupported", "DashScope has repetition_penalty (multiplicative); pass it in extra_body"
    ),
    "logprobs": _NATIVE,
    "top_logprobs": ParamSupport("native", "0-5"),
    "logit_bias": ParamSupport("unsupported", "not in DashScope's API"),
    "tools": _NATIVE,
    "tool_choice": _NATIVE,
    "parallel_tool_calls": _NATIVE,
    "response_format": ParamSupport("native", "text, json_object, json_schema"),
    "stream_options": ParamSupport(
        "mapped", "not sent: usage is in every native chunk and reported once, at the end"
    ),
    **OPENAI_PLATFORM_PARAMS,
    "reasoning_effort": ParamSupport(
        "mapped",
        "parameters.enable_thinking: none/minimal off, other levels on; budget:"
        " extra_body={'thinking_budget': N} (turns thinking on)",
    ),
}
# Compatible mode speaks OpenAI's body (spec 2; DS-doc-api lists what it accepts).
COMPATIBLE_PARAMS: Mapping[str, ParamSupport] = {
    **{name: _NATIVE for name in OPTIONAL_CHAT_PARAMS},
    **OPENAI_PLATFORM_PARAMS,
    "max_completion_tokens": ParamSupport("mapped", "sent as max_tokens"),
    "frequency_penalty": ParamSupport("unsupported", "not accepted by DashScope"),
    "logit_bias": ParamSupport("unsupported", "not accepted by DashScope"),
    "reasoning_effort": ParamSupport(
        "mapped",
        "enable_thinking: none/minimal off, other levels on; budget:"
        " extra_body={'thinking_budget': N} (turns thinking on)",
    ),
}


def thinking_fields(effort: str | None, extra: dict[str, Any] | None) -> dict[str, Any]:
    """``enable_thinking`` / ``thinking_budget`` of a call (the same names in the native
    ``parameters`` and the compatible body [H] dashscope 2.0.2 ``v2/protocols/native.py``; [M]
    deep-thinking page). A budget given without a switch turns thinking on; a budget with
    thinking turned off is refused before sending."""
    out: dict[str, Any] = {}
    extra = extra or {}
    if effort is not None and "enable_thinking" not in extra:
        out["enable_thinking"] = thinking_switch(effort)
    budget = extra.get("thinking_budget")
    if budget is not None:
        if isinstance(budget, bool) or not isinstance(budget, int) or budget <= 0:
            raise InvalidRequestError(
                f"thinking_budget={budget!r}: DashScope takes a positive integer (at most the"
                " model's maximum chain-of-thought length)"
            )
        switch = extra.get("enable_thinking", out.get("enable_thinking"))
        if switch is False:
            raise InvalidRequestError(
                "thinking_budget is set but thinking is off (reasoning_effort none/minimal or"
                " enable_thinking=False); drop one of them"
            )
        if switch is None:
            out["enable_thinking"] = True
    return out
