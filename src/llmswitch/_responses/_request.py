"""A Responses request → chat messages and chat options (IO-free, shared by every adapter).

``instructions`` becomes a leading ``system`` message; a string ``input`` one ``user``
message; input items become chat messages (``input_text`` → ``text`` parts, ``input_image`` →
``image_url`` parts, consecutive ``function_call`` items → one assistant message with
``tool_calls``, ``function_call_output`` → a ``tool`` message, a ``reasoning`` item → the
``reasoning_content`` of the next assistant turn if that turn calls tools (DeepSeek's thinking
mode requires it there; adapters of providers that take none strip it), else dropped).
Options map onto their chat names (``max_output_tokens`` → ``max_tokens``, ``text.format`` →
``response_format``, ``reasoning.effort`` → ``reasoning_effort``, flat function tools → nested
chat tools); what has no chat equivalent raises :class:`UnsupportedParameterError` unless the
provider drops unsupported parameters. The adapter's ``PARAMS`` then check the chat options as
for any chat call.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from ..errors import InvalidRequestError, UnsupportedParameterError

__all__ = [
    "RESPONSES_ONLY",
    "chat_options_of",
    "input_messages",
    "plain",
    "tools_to_chat",
]

# Responses parameters with no chat-completions equivalent, and why (raised when translating
# onto a provider's chat API and set to something other than their neutral value).
RESPONSES_ONLY: Mapping[str, str] = {
    "background": "background mode needs a server that keeps running the response",
    "conversation": "OpenAI's Conversations API; use previous_response_id",
    "prompt": "OpenAI's stored prompt templates",
    "context_management": "OpenAI's server-side context compaction",
    "moderation": "OpenAI's moderation option",
    "prompt_cache_options": "OpenAI's prompt-cache options",
    "prompt_cache_retention": "OpenAI's prompt-cache retention",
    "max_tool_calls": "built-in tool calls run on OpenAI's servers",
}
# Value that means "nothing asked for": these are accepted and ignored.
_NEUTRAL: Mapping[str, Any] = {"background": False, "truncation": "disabled"}


def plain(value: Any) -> Any:
    """Pydantic models (at any depth) as plain dicts; mappings and sequences copied."""
    if isinstance(value, BaseModel):
        return value.model_dump(exclude_none=True, by_alias=True)
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _part(part: Any, where: str) -> dict[str, Any]:
    kind = part.get("type")
    if kind in ("input_text", "output_text", "text"):
        return {"type": "text", "text": part.get("text", "")}
    if kind == "input_image":
        url = part.get("image_url") or part.get("file_id")
        if not url:
            raise InvalidRequestError(f"{where}: input_image needs image_url (a URL or data URI)")
        image: dict[str, Any] = {"url": url}
        if part.get("detail"):
            image["detail"] = part["detail"]
        return {"type": "image_url", "image_url": image}
    if kind == "input_file":
        file = {k: part[k] for k in ("file_id", "file_data", "filename") if part.get(k)}
        return {"type": "file", "file": file}
    if kind == "refusal":
        return {"type": "text", "text": part.get("refusal", "")}
    raise InvalidRequestError(f"{where}: content part type {kind!r} has no chat equivalent")


def _content(content: Any, role: str, where: str) -> Any:
    if isinstance(content, str):
        return content
    if not isinstance(content, list):
        raise InvalidRequestError(f"{where}.content must be a string or a list of parts")
    parts = [_part(plain(p), f"{where}.content[{i}]") for i, p in enumerate(content)]
    if all(p["type"] == "text" for p in parts) and (role != "user" or len(parts) == 1):
        return "".join(p["text"] for p in parts)
    return parts


def _output_text(output: Any) -> Any:
    if isinstance(output, str):
        return output
    if isinstance(output, list):
        parts = [_part(plain(p), "function_call_output.output") for p in output]
        if all(p["type"] == "text" for p in parts):
            return "".join(p["text"] for p in parts)
        return parts
    return json.dumps(output, ensure_ascii=False)


def input_messages(input: Any) -> list[dict[str, Any]]:
    """``input`` (a string, or a list of items) as chat messages."""
    if isinstance(input, str):
        return [{"role": "user", "content": input}]
    if not isinstance(input, (list, tuple)):
        raise InvalidRequestError("input must be a string or a list of input items")
    out: list[dict[str, Any]] = []
    reasoning: str | None = None  # of the next assistant turn
    for index, raw in enumerate(input):
        item = plain(raw)
        where = f"input[{index}]"
        if not isinstance(item, dict):
            raise InvalidRequestError(
                f"{where} must be a dict or a model, got {type(raw).__name__}"
            )
        kind = item.get("type") or ("message" if "role" in item else None)
        if kind == "message":
            role = item.get("role")
            if role not in ("user", "assistant", "system", "developer"):
                raise InvalidRequestError(f"{where} has role {role!r}")
            content = _content(item.get("content"), role, where)
            if (
                role == "assistant"
                and out
                and out[-1]["role"] == "assistant"
                and not out[-1].get("content")
            ):
                out[-1]["content"] = content
                continue
            out.append({"role": role, "content": content})
            if role == "assistant" and reasoning:
                out[-1]["reasoning_content"], reasoning = reasoning, None
        elif kind == "function_call":
            call = {
                "id": item.get("call_id") or item.get("id"),
                "type": "function",
                "function": {"name": item.get("name"), "arguments": item.get("arguments", "")},
            }
            last = out[-1] if out else None
            if last is not None and last["role"] == "assistant":
                last.setdefault("tool_calls", []).append(call)
            else:
                out.append({"role": "assistant", "content": None, "tool_calls": [call]})
                if reasoning:
                    out[-1]["reasoning_content"], reasoning = reasoning, None
        elif kind == "function_call_output":
            out.append(
                {
                    "role": "tool",
                    "tool_call_id": item.get("call_id"),
                    "content": _output_text(item.get("output", "")),
                }
            )
        elif kind == "reasoning":
            parts = item.get("content") or item.get("summary") or []
            reasoning = "".join(p.get("text", "") for p in parts if isinstance(p, dict)) or None
        else:
            raise InvalidRequestError(
                f"{where}: input item type {kind!r} cannot be sent to a chat API (llmswitch"
                " translates messages, function calls and function call outputs)"
            )
    for message in out:  # reasoning goes back only with tool calls (DeepSeek needs it there)
        if "reasoning_content" in message and not message.get("tool_calls"):
            del message["reasoning_content"]
    return out


def tools_to_chat(
    tools: Any, provider: str, drop: bool
) -> tuple[list[dict[str, Any]] | None, dict[str, Any] | None]:
    """Responses tools → ``(chat tools, web_search_options)``. Function tools are nested into
    the chat form; ``web_search`` / ``web_search_preview`` become ``web_search_options``
    (checked against the provider's ``PARAMS`` like any option); other built-in tools raise."""
    out: list[dict[str, Any]] = []
    search: dict[str, Any] | None = None
    for index, raw in enumerate(tools or ()):
        tool = plain(raw)
        kind = tool.get("type")
        if kind == "function":
            function = {"name": tool.get("name")}
            for key in ("description", "parameters", "strict"):
                if tool.get(key) is not None:
                    function[key] = tool[key]
            out.append({"type": "function", "function": function})
        elif kind in ("web_search", "web_search_preview"):
            search = {k: tool[k] for k in ("search_context_size", "user_location") if k in tool}
        elif not drop:
            raise UnsupportedParameterError(
                provider,
                f"tools[{index}] (type {kind!r})",
                "built-in Responses tools run on OpenAI's servers; only function and web"
                " search tools are translated",
            )
    return out or None, search


def _tool_choice(choice: Any) -> Any:
    choice = plain(choice)
    if isinstance(choice, str) or choice is None:
        return choice
    kind = choice.get("type")
    if kind == "function":
        return {"type": "function", "function": {"name": choice.get("name")}}
    if kind in ("required", "any", "tool"):
        return "required"
    if kind in ("web_search", "web_search_preview"):
        return "auto"
    raise InvalidRequestError(f"tool_choice {choice!r} has no chat equivalent")


def _text_format(text: Any) -> tuple[dict[str, Any] | None, str | None]:
    text = plain(text) or {}
    fmt = text.get("format") or {}
    verbosity = text.get("verbosity")
    kind = fmt.get("type")
    if kind == "json_schema":
        schema = {k: fmt[k] for k in ("name", "description", "schema", "strict") if k in fmt}
        return {"type": "json_schema", "json_schema": schema}, verbosity
    if kind == "json_object":
        return {"type": "json_object"}, verbosity
    return None, verbosity


def chat_options_of(args: Mapping[str, Any], provider: str, drop: bool) -> dict[str, Any]:
    """The chat options of a Responses call (``args``: the given arguments only)."""
    for name, why in RESPONSES_ONLY.items():
        value = args.get(name)
        if value is not None and value != _NEUTRAL.get(name) and not drop:
            raise UnsupportedParameterError(provider, name, why)
    if args.get("truncation") == "auto" and not drop:
        raise UnsupportedParameterError(provider, "truncation", "chat APIs do not truncate")
    options: dict[str, Any] = {}
    simple = ("temperature", "top_p", "parallel_tool_calls", "user", "service_tier",
              "safety_identifier", "prompt_cache_key")  # fmt: skip
    for name in simple:
        if args.get(name) is not None:
            options[name] = args[name]
    if args.get("top_logprobs"):  # 0, OpenAI's echoed default, asks for nothing
        options["logprobs"] = True
        options["top_logprobs"] = args["top_logprobs"]
    if "message.output_text.logprobs" in (args.get("include") or ()):
        options["logprobs"] = True
    if args.get("max_output_tokens") is not None:
        options["max_tokens"] = args["max_output_tokens"]
    tools, search = tools_to_chat(args.get("tools"), provider, drop)
    if tools:
        options["tools"] = tools
    if search is not None:
        options["web_search_options"] = search
    if args.get("tool_choice") is not None:
        options["tool_choice"] = _tool_choice(args["tool_choice"])
    response_format, verbosity = _text_format(args.get("text"))
    if response_format is not None:
        options["response_format"] = response_format
    if verbosity is not None:
        options["verbosity"] = verbosity
    reasoning = plain(args.get("reasoning")) or {}
    if reasoning.get("effort") is not None:
        options["reasoning_effort"] = reasoning["effort"]
    return options
