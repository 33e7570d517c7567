"""Structured-output parsing of chat completions (see :mod:`._completions`)."""

from __future__ import annotations

from ._completions import (
    ResponseFormatT,
    carry_private_state,
    get_input_tool_by_name,
    has_parseable_input,
    has_rich_response_format,
    is_given,
    is_parseable_tool,
    is_response_format_param,
    is_strict_function_tool,
    maybe_parse_content,
    model_fields_of,
    parse_chat_completion,
    parse_completion,
    parse_function_tool_arguments,
    select_strict_tools,
    tool_dicts,
    type_to_response_format_param,
    validate_input_tools,
    validate_response_format,
)

__all__ = [
    "ResponseFormatT",
    "carry_private_state",
    "get_input_tool_by_name",
    "has_parseable_input",
    "has_rich_response_format",
    "is_given",
    "is_parseable_tool",
    "is_response_format_param",
    "is_strict_function_tool",
    "maybe_parse_content",
    "model_fields_of",
    "parse_chat_completion",
    "parse_completion",
    "parse_function_tool_arguments",
    "select_strict_tools",
    "tool_dicts",
    "type_to_response_format_param",
    "validate_input_tools",
    "validate_response_format",
]
