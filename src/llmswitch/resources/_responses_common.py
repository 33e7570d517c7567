"""What ``client.responses`` and its async twin share: the parameter names of ``create``,
the given arguments of a call, ``parse``'s ``text_format``, stored responses as results
(also under ``with_raw_response``), and the store each client keeps."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from .._response import APIResponse, AsyncAPIResponse, LegacyAPIResponse
from .._sentinels import is_given
from ._wrappers import ResponseMode

__all__ = [
    "CREATE_PARAMS",
    "given",
    "helper_signature",
    "raw_parsed",
    "stored_result",
    "text_format_args",
]

CREATE_PARAMS: tuple[str, ...] = (
    "background", "context_management", "conversation", "include", "input", "instructions",
    "max_output_tokens", "max_tool_calls", "metadata", "model", "moderation",
    "parallel_tool_calls", "previous_response_id", "prompt", "prompt_cache_key",
    "prompt_cache_options", "prompt_cache_retention", "reasoning", "safety_identifier",
    "service_tier", "store", "stream_options", "temperature", "text", "tool_choice", "tools",
    "top_logprobs", "top_p", "truncation", "user",
)  # fmt: skip


def given(arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The ``create`` parameters the caller gave (``NOT_GIVEN`` / ``omit`` left out)."""
    return {
        name: arguments[name]
        for name in CREATE_PARAMS
        if name in arguments and is_given(arguments[name])
    }


def text_format_args(arguments: dict[str, Any], what: str) -> dict[str, Any]:
    """``parse`` / ``stream`` arguments as ``create`` keyword arguments: ``text_format`` becomes
    ``text.format``; helper-only names are removed."""
    from ..lib import type_to_text_format_param

    drop = ("self", "text_format", "__class__", "verbosity")
    kwargs = {k: v for k, v in arguments.items() if k not in drop}
    verbosity = arguments.get("verbosity")
    if verbosity is not None and is_given(verbosity):
        text = dict(kwargs.get("text") or {}) if is_given(kwargs.get("text")) else {}
        text["verbosity"] = verbosity
        kwargs["text"] = text
    text_format = arguments.get("text_format")
    if text_format is not None and is_given(text_format):
        text = dict(kwargs.get("text") or {}) if is_given(kwargs.get("text")) else {}
        if "format" in text:
            raise TypeError(f"{what}: give text_format or text.format, not both")
        text["format"] = type_to_text_format_param(text_format)
        kwargs["text"] = text
    return kwargs


def helper_signature(
    create: Callable[..., Any], extra: Mapping[str, Any], drop: tuple[str, ...] = ()
) -> inspect.Signature:
    """``create``'s signature with ``extra`` keyword parameters added (before the ``extra_*``
    ones) and ``drop`` removed: ``stream`` / ``parse`` take what ``create`` takes."""
    params = [p for p in inspect.signature(create).parameters.values() if p.name not in drop]
    split = next(i for i, p in enumerate(params) if p.name == "extra_headers")
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=ann)
        for name, (ann, default) in extra.items()
    ]
    return inspect.Signature([*params[:split], *added, *params[split:]])


def stored_result(
    body: Mapping[str, Any], result: Any, mode: ResponseMode, asynchronous: bool = False
) -> Any:
    """A result llmswitch answers from its store, in the call's response mode (a raw response
    over a synthetic ``200`` whose body is the stored JSON)."""
    if mode == "parsed":
        return result
    request = httpx.Request("GET", f"https://llmswitch.invalid/responses/{body.get('id', '')}")
    http = httpx.Response(200, json=dict(body), request=request)
    if mode == "raw":
        http.read()
        return LegacyAPIResponse(http, lambda: result)
    if asynchronous:
        return AsyncAPIResponse(http, lambda: _ready(result))
    return APIResponse(http, lambda: result)


async def _ready(value: Any) -> Any:
    return value


def raw_parsed(raw: Any, parse: Callable[[Any], Any]) -> Any:
    """``with_raw_response.parse(...)`` / ``with_streaming_response.parse(...)``: the raw
    response whose ``parse()`` gives the ``ParsedResponse`` (as in openai-python)."""
    inner = raw._parse
    if isinstance(raw, AsyncAPIResponse):

        async def parse_async() -> Any:
            return parse(await inner())

        raw._parse = parse_async
    else:
        raw._parse = lambda: parse(inner())
    return raw
