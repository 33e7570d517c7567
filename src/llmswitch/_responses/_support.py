"""What each provider supports of the Responses API, from the same declarations the calls use:
the routing data (:mod:`._routes`: native for OpenAI) and, for translated providers, each
adapter's chat ``PARAMS`` under the chat name a Responses parameter is sent as. Read by the
scanner's verdicts (``llmswitch.plan``) and the docs."""

from __future__ import annotations

from collections.abc import Mapping

from ..providers._base import ParamSupport
from ._request import RESPONSES_ONLY
from ._routes import NATIVE_ENDPOINTS

__all__ = ["CHAT_NAMES", "KEPT_BY_LLMSWITCH", "endpoint_support", "param_support"]

CHAT_NAMES: Mapping[str, str] = {
    "max_output_tokens": "max_tokens",
    "temperature": "temperature",
    "top_p": "top_p",
    "tools": "tools",
    "tool_choice": "tool_choice",
    "parallel_tool_calls": "parallel_tool_calls",
    "text": "response_format",
    "reasoning": "reasoning_effort",
    "user": "user",
    "top_logprobs": "top_logprobs",
    "service_tier": "service_tier",
    "safety_identifier": "safety_identifier",
    "prompt_cache_key": "prompt_cache_key",
}
"""Responses parameter → the chat parameter it is translated into."""

KEEPS = "llmswitch keeps it"
KEPT_BY_LLMSWITCH: Mapping[str, str] = {
    "model": "", "input": "becomes the chat messages", "instructions": "a system message",
    "stream": "chat chunks become Responses events", "previous_response_id": KEEPS,
    "store": KEEPS, "metadata": KEEPS, "include": "accepted (nothing to add on chat APIs)",
    "truncation": "'disabled' only", "stream_options": "accepted",
    "extra_headers": "", "extra_query": "", "extra_body": "", "timeout": "",
    "text_format": "a strict json_schema response_format",
}  # fmt: skip
"""Responses parameters llmswitch handles itself when translating."""


def endpoint_support(provider: str, type_name: str) -> tuple[str, str]:
    """``(level, why)`` of ``client.responses`` on a provider: ``works`` (native) or
    ``mapped`` (translated onto its chat API)."""
    if type_name == "openai":
        return "works", "client.responses: OpenAI's /responses, natively"
    why = (
        f"client.responses, translated onto {provider}'s chat API (llmswitch keeps"
        " previous_response_id/store state; built-in tools other than web search and"
        " responses.cancel/compact/input_items are not offered)"
    )
    if provider in NATIVE_ENDPOINTS:
        why += f"; {provider}'s own Responses endpoint by opt-in: endpoints.responses = 'native'"
    return "mapped", why


def param_support(
    param: str, type_name: str, params: Mapping[str, ParamSupport]
) -> tuple[str, str]:
    """``(level, why)`` of one ``responses.create`` parameter on a provider (``params``: its
    adapter's chat declarations)."""
    if type_name == "openai":
        return "works", ""
    if param in KEPT_BY_LLMSWITCH:
        return "works", KEPT_BY_LLMSWITCH[param]
    if param in RESPONSES_ONLY:
        return "blocker", f"{param}: {RESPONSES_ONLY[param]}"
    chat = CHAT_NAMES.get(param)
    if chat is None:
        return "blocker", f"{param}: not a Responses parameter llmswitch knows"
    support = params.get(chat)
    if support is None or support.level == "native":
        return "works", f"sent as {chat}"
    if support.level == "mapped":
        return "mapped", f"sent as {chat}: {support.note}"
    return "blocker", f"sent as {chat}, which this provider lacks: {support.note}"
