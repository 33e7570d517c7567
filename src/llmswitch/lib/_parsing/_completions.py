"""Structured outputs for chat completions: request helpers and response parsing.

Before the call: :func:`type_to_response_format_param` turns ``response_format=SomeModel`` into
the strict ``json_schema`` response format; :func:`validate_input_tools` checks that every tool
``parse()`` is given can be parsed (strict function tools only).

After the call: :func:`parse_chat_completion` turns a :class:`ChatCompletion` into a
:class:`ParsedChatCompletion`: ``message.parsed`` is the content validated into the
``response_format`` type, ``tool_call.function.parsed_arguments`` the arguments of a strict
tool (an instance of the model given to ``pydantic_function_tool``, else the decoded JSON). A
choice that stopped at the length limit or at the content filter raises
:class:`LengthFinishReasonError` / :class:`ContentFilterFinishReasonError`: its content cannot
be parsed.

"Not given" is ``None`` or an openai-style ``NOT_GIVEN`` / ``omit`` sentinel.
"""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Iterable, Mapping
from typing import Any, TypeGuard, cast

import pydantic

from ...types.chat import ChatCompletion, ChatCompletionMessage, Choice, FunctionCall, ToolCall
from ...types.parsed import (
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedChoice,
    ParsedFunction,
    ParsedFunctionToolCall,
)
from .._errors import ContentFilterFinishReasonError, LengthFinishReasonError
from .._pydantic import is_basemodel_type, is_dataclass_like_type, to_strict_json_schema
from .._tools import PydanticFunctionTool
from .._types import ResponseFormatInput, ResponseFormatT

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

log = logging.getLogger("llmswitch.lib.parsing")

_SENTINEL_TYPES = frozenset({"NotGiven", "Omit"})


def is_given(value: object) -> bool:
    """False for ``None`` and for openai-style ``NOT_GIVEN`` / ``omit`` sentinels (llmswitch's
    own or openai-python's, recognised by their class name)."""
    return value is not None and type(value).__name__ not in _SENTINEL_TYPES


def tool_dicts(tools: object) -> list[Mapping[str, Any]]:
    """The given tools as mappings (dicts pass through, so a :class:`PydanticFunctionTool` keeps
    its model; pydantic tool models are dumped); ``[]`` when not given."""
    if not is_given(tools):
        return []
    out: list[Mapping[str, Any]] = []
    for tool in cast(Iterable[object], tools):
        if isinstance(tool, pydantic.BaseModel):
            out.append(tool.model_dump(exclude_none=True, by_alias=True))
        elif isinstance(tool, Mapping):
            out.append(tool)
        else:
            raise TypeError(f"Expected a tool dict or model, got {type(tool).__name__}")
    return out


def _function_of(tool: Mapping[str, Any]) -> Mapping[str, Any]:
    function = tool.get("function")
    return function if isinstance(function, Mapping) else {}


def is_strict_function_tool(tool: Mapping[str, Any]) -> bool:
    """Whether ``tool`` is a function tool with ``strict: true``."""
    return tool.get("type") == "function" and _function_of(tool).get("strict") is True


def select_strict_tools(tools: object) -> list[Mapping[str, Any]]:
    """The strict function tools among ``tools``."""
    return [tool for tool in tool_dicts(tools) if is_strict_function_tool(tool)]


def validate_input_tools(tools: object) -> list[Mapping[str, Any]] | None:
    """Check that every tool can be auto-parsed (strict function tools only), as ``parse()``
    does before sending; returns the tools (``None`` when not given).

    Raises ``ValueError`` naming the first tool that cannot be parsed."""
    if not is_given(tools):
        return None
    checked = tool_dicts(tools)
    for tool in checked:
        if tool.get("type") != "function":
            raise ValueError(
                "Currently only `function` tool types support auto-parsing;"
                f" Received `{tool.get('type')}`",
            )
        function = _function_of(tool)
        if function.get("strict") is not True:
            raise ValueError(
                f"`{function.get('name')}` is not strict."
                " Only `strict` function tools can be auto-parsed"
            )
    return checked


def validate_response_format(response_format: object) -> None:
    """What ``create()`` checks, as openai-python: a pydantic model class as ``response_format``
    belongs to ``parse()`` (``create()`` would not parse the answer into it)."""
    if is_basemodel_type(response_format):
        raise TypeError(
            "You tried to pass a `BaseModel` class to `chat.completions.create()`;"
            " You must use `chat.completions.parse()` instead"
        )


def is_response_format_param(response_format: object) -> bool:
    """Whether ``response_format`` is a wire value (a dict, or a pydantic instance such as
    ``ResponseFormatJSONSchema(...)``) rather than a type to parse into."""
    return isinstance(response_format, (Mapping, pydantic.BaseModel))


def has_rich_response_format(response_format: object) -> TypeGuard[type[Any]]:
    """Whether ``response_format`` is a type to parse the content into (a pydantic model or
    pydantic dataclass), as opposed to a wire value or nothing."""
    return (
        is_given(response_format)
        and not is_response_format_param(response_format)
        and inspect.isclass(response_format)
    )


def is_parseable_tool(tool: Mapping[str, Any]) -> bool:
    """Whether the arguments of calls to ``tool`` get parsed (pydantic or strict tools)."""
    if tool.get("type") != "function":
        return False
    function = tool.get("function")
    if isinstance(function, PydanticFunctionTool):
        return True
    return bool(_function_of(tool).get("strict"))


def has_parseable_input(*, response_format: object, input_tools: object = None) -> bool:
    """Whether anything of the answer will be parsed (a rich response format, or a parseable
    tool): then a length or content-filter finish is an error as soon as it is seen."""
    if has_rich_response_format(response_format):
        return True
    return any(is_parseable_tool(tool) for tool in tool_dicts(input_tools))


def type_to_response_format_param(response_format: object) -> Any:
    """The ``response_format`` to send: a pydantic model (or pydantic dataclass) becomes a
    strict ``json_schema`` format named after it; a dict or pydantic instance passes through;
    not given gives ``None``.

    >>> class Answer(pydantic.BaseModel):
    ...     value: int
    >>> param = type_to_response_format_param(Answer)
    >>> param["type"], param["json_schema"]["name"], param["json_schema"]["strict"]
    ('json_schema', 'Answer', True)
    """
    if not is_given(response_format):
        return None
    if is_response_format_param(response_format):
        return response_format
    schema_source: type[pydantic.BaseModel] | pydantic.TypeAdapter[Any]
    if is_basemodel_type(response_format):
        schema_source = response_format
    elif is_dataclass_like_type(response_format):
        schema_source = pydantic.TypeAdapter(cast(type, response_format))
    else:
        raise TypeError(f"Unsupported response_format type - {response_format}")
    return {
        "type": "json_schema",
        "json_schema": {
            "schema": to_strict_json_schema(schema_source),
            "name": cast(type, response_format).__name__,
            "strict": True,
        },
    }


def _parse_content(response_format: type[ResponseFormatT], content: str) -> ResponseFormatT:
    if is_basemodel_type(response_format):
        return cast(ResponseFormatT, response_format.model_validate_json(content))
    if is_dataclass_like_type(response_format):
        return pydantic.TypeAdapter(response_format).validate_json(content)
    raise TypeError(f"Unable to automatically parse response format type {response_format}")


def maybe_parse_content(*, response_format: object, message: ChatCompletionMessage) -> Any | None:
    """The message content validated into ``response_format`` when that is a type, the
    message has content and no refusal; else ``None``."""
    if has_rich_response_format(response_format) and message.content and not message.refusal:
        return _parse_content(response_format, message.content)
    return None


def get_input_tool_by_name(
    *, input_tools: Iterable[Mapping[str, Any]], name: str
) -> Mapping[str, Any] | None:
    """The function tool called ``name`` among ``input_tools``."""
    for tool in input_tools:
        if tool.get("type") == "function" and _function_of(tool).get("name") == name:
            return tool
    return None


def parse_function_tool_arguments(
    *, input_tools: Iterable[Mapping[str, Any]], function: FunctionCall
) -> object | None:
    """The parsed arguments of a call: an instance of the model of a pydantic tool, the decoded
    JSON of another strict tool, ``None`` for a non-strict or unknown tool."""
    tool = get_input_tool_by_name(input_tools=input_tools, name=function.name)
    if tool is None:
        return None
    definition = tool.get("function")
    if isinstance(definition, PydanticFunctionTool):
        return definition.model.model_validate_json(function.arguments)
    if not _function_of(tool).get("strict"):
        return None
    decoded: object = json.loads(function.arguments)
    return decoded


def model_fields_of(model: pydantic.BaseModel) -> dict[str, Any]:
    """The values of a model's fields that were set (and of its extra fields, if its config
    keeps them), one level deep: nested models stay instances, so rebuilding into a subclass
    neither re-serialises them nor marks defaults as set."""
    values = {name: getattr(model, name) for name in model.model_fields_set}
    if model.model_extra:
        values.update(model.model_extra)
    return values


def carry_private_state(source: pydantic.BaseModel, target: pydantic.BaseModel) -> None:
    """Copy what a response keeps beside its fields (raw body, request id, ...) onto the model
    rebuilt from it, so ``raw`` and friends answer as the original would."""
    rebuilt = target.model_fields_set
    for key, value in source.__dict__.items():
        # Everything but the fields given to the rebuilt model: private entries, and fields
        # an adapter set without pydantic (which the rebuilt model only has defaults for).
        if key not in rebuilt:
            target.__dict__[key] = value
    private = source.__pydantic_private__
    if private:
        merged = dict(target.__pydantic_private__ or {})
        merged.update(private)
        object.__setattr__(target, "__pydantic_private__", merged)


def _parsed_tool_call(
    tool_call: ToolCall, input_tools: list[Mapping[str, Any]]
) -> ParsedFunctionToolCall:
    function = ParsedFunction.model_validate(
        {
            **model_fields_of(tool_call.function),
            "parsed_arguments": parse_function_tool_arguments(
                input_tools=input_tools, function=tool_call.function
            ),
        }
    )
    return ParsedFunctionToolCall.model_validate(
        {**model_fields_of(tool_call), "function": function}
    )


def _parsed_choice(
    choice: Choice, response_format: object, input_tools: list[Mapping[str, Any]]
) -> ParsedChoice[Any]:
    message = choice.message
    tool_calls: list[ParsedFunctionToolCall] = []
    for tool_call in message.tool_calls or []:
        kind = getattr(tool_call, "type", "function")
        if kind == "function":
            tool_calls.append(_parsed_tool_call(tool_call, input_tools))
        else:  # e.g. custom tools: nothing to call or parse here
            log.warning(
                "Tool calls of type %r are not parsed. Ignoring tool call: %s",
                kind,
                getattr(tool_call, "id", ""),
                stacklevel=3,
            )
    parsed_message: ParsedChatCompletionMessage[Any] = ParsedChatCompletionMessage.model_validate(
        {
            **model_fields_of(message),
            "parsed": maybe_parse_content(response_format=response_format, message=message),
            "tool_calls": tool_calls or None,
        }
    )
    return ParsedChoice.model_validate({**model_fields_of(choice), "message": parsed_message})


def parse_chat_completion(
    *,
    response_format: ResponseFormatInput[ResponseFormatT],
    input_tools: object,
    chat_completion: ChatCompletion,
) -> ParsedChatCompletion[ResponseFormatT]:
    """``chat_completion`` with its content and tool call arguments parsed.

    Raises :class:`LengthFinishReasonError` or :class:`ContentFilterFinishReasonError` when a
    choice finished at the length limit or the content filter (whether or not anything was to
    be parsed, as openai-python does), and pydantic's ``ValidationError`` when the content does
    not validate into ``response_format``. ``provider`` and ``raw`` are carried over.
    """
    tools = tool_dicts(input_tools)
    choices: list[ParsedChoice[Any]] = []
    for choice in chat_completion.choices:
        if choice.finish_reason == "length":
            raise LengthFinishReasonError(completion=chat_completion)
        if choice.finish_reason == "content_filter":
            raise ContentFilterFinishReasonError()
        choices.append(_parsed_choice(choice, response_format, tools))
    parsed: ParsedChatCompletion[Any] = ParsedChatCompletion.model_validate(
        {**model_fields_of(chat_completion), "choices": choices}
    )
    carry_private_state(chat_completion, parsed)
    return cast(ParsedChatCompletion[ResponseFormatT], parsed)


def parse_completion(
    completion: ChatCompletion,
    *,
    response_format: ResponseFormatInput[ResponseFormatT] = None,
    tools: object = None,
) -> ParsedChatCompletion[ResponseFormatT]:
    """The entry point of ``chat.completions.parse()``: :func:`parse_chat_completion` of the
    completion the call returned, with the call's ``response_format`` and ``tools``."""
    return parse_chat_completion(
        response_format=response_format, input_tools=tools, chat_completion=completion
    )
