"""openai-python's helpers for structured outputs and streams, for llmswitch.

- :func:`pydantic_function_tool`: a strict function tool from a pydantic model.
- :func:`type_to_response_format_param`: ``response_format=SomeModel`` → the strict
  ``json_schema`` format to send; :func:`validate_input_tools`: checks ``parse()``'s tools.
- :func:`parse_completion`: a :class:`ChatCompletion` → :class:`ParsedChatCompletion`
  (``message.parsed``, ``tool_call.function.parsed_arguments``), raising
  :class:`LengthFinishReasonError` / :class:`ContentFilterFinishReasonError` as openai does.
- :class:`ChatCompletionStreamManager` / :class:`AsyncChatCompletionStreamManager`: what
  ``chat.completions.stream()`` returns; entered, they open the llmswitch stream and yield
  openai's events (:mod:`llmswitch.lib.streaming`).

This package sits just below the resources: it imports types, errors and pydantic only.
"""

from __future__ import annotations

from ._errors import ContentFilterFinishReasonError, LengthFinishReasonError
from ._parsing import (
    ResponseFormatT,
    has_parseable_input,
    has_rich_response_format,
    maybe_parse_content,
    parse_chat_completion,
    parse_completion,
    parse_function_tool_arguments,
    select_strict_tools,
    type_to_response_format_param,
    validate_input_tools,
    validate_response_format,
)
from ._pydantic import to_strict_json_schema
from ._tools import PydanticFunctionTool, pydantic_function_tool
from ._types import NotGivenLike, ResponseFormatInput
from .streaming import (
    AsyncChatCompletionStream,
    AsyncChatCompletionStreamManager,
    ChatCompletionStream,
    ChatCompletionStreamEvent,
    ChatCompletionStreamManager,
    ChatCompletionStreamState,
)

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncChatCompletionStreamManager",
    "ChatCompletionStream",
    "ChatCompletionStreamEvent",
    "ChatCompletionStreamManager",
    "ChatCompletionStreamState",
    "ContentFilterFinishReasonError",
    "LengthFinishReasonError",
    "NotGivenLike",
    "PydanticFunctionTool",
    "ResponseFormatInput",
    "ResponseFormatT",
    "has_parseable_input",
    "has_rich_response_format",
    "maybe_parse_content",
    "parse_chat_completion",
    "parse_completion",
    "parse_function_tool_arguments",
    "pydantic_function_tool",
    "select_strict_tools",
    "to_strict_json_schema",
    "type_to_response_format_param",
    "validate_input_tools",
    "validate_response_format",
]

# Responses API (issue 20): parse_response / type_to_text_format_param.
from ._parsing._responses import parse_response, type_to_text_format_param

__all__ += ["parse_response", "type_to_text_format_param"]
