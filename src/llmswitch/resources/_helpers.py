"""What ``parse`` and ``stream`` share, sync and async: the ``create`` arguments they send."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._response import APIResponse, AsyncAPIResponse, LegacyAPIResponse
from .._sentinels import NOT_GIVEN, is_given

__all__ = ["helper_kwargs", "parsed"]


def helper_kwargs(arguments: dict[str, Any], helper: str) -> dict[str, Any]:
    """``create``'s keyword arguments from a ``parse`` / ``stream`` call: a pydantic
    ``response_format`` becomes the strict JSON schema to send. (openai-python also names the
    helper in an ``X-Stainless-Helper-Method`` header; llmswitch sends none of openai's
    telemetry headers.)"""
    from ..lib import type_to_response_format_param

    kwargs = {k: v for k, v in arguments.items() if k not in ("self", "checked", "__class__")}
    kwargs = {k: v for k, v in kwargs.items() if not k.startswith("_")}
    fmt = kwargs.get("response_format", NOT_GIVEN)
    if is_given(fmt):
        kwargs["response_format"] = type_to_response_format_param(fmt)
    return kwargs


def parsed(
    result: Any, response_format: Any, tools: Any, parse: Callable[..., Any]
) -> Any:
    """The parsed completion; under ``with_raw_response`` / ``with_streaming_response`` the
    raw response, whose ``parse()`` gives the parsed completion."""
    if isinstance(result, (LegacyAPIResponse, APIResponse, AsyncAPIResponse)):
        inner = result._parse

        def parse_raw() -> Any:
            return parse(inner(), response_format=response_format, tools=tools)

        async def aparse_raw() -> Any:
            return parse(await inner(), response_format=response_format, tools=tools)

        result._parse = aparse_raw if isinstance(result, AsyncAPIResponse) else parse_raw
        return result
    return parse(result, response_format=response_format, tools=tools)
