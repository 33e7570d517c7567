"""Structured-output parsing of Responses answers (openai-python's ``parse_response``):
``text_format=Model`` → the strict ``text.format`` to send, and a ``Response`` →
``ParsedResponse`` whose ``output_text`` parts carry ``parsed`` and whose function calls carry
``parsed_arguments``. Items of other types are kept as they are."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pydantic

from ...types.responses import (
    ParsedResponse,
    ParsedResponseFunctionToolCall,
    ParsedResponseOutputMessage,
    ParsedResponseOutputText,
    Response,
    ResponseOutputItem,
)
from ._completions import (
    _parse_content,
    carry_private_state,
    has_rich_response_format,
    is_given,
    model_fields_of,
    type_to_response_format_param,
)

__all__ = ["parse_response", "type_to_text_format_param"]


def type_to_text_format_param(text_format: object) -> dict[str, Any] | None:
    """``text_format=Model`` → ``{"type": "json_schema", "name", "schema", "strict": True}``."""
    param = type_to_response_format_param(text_format)
    if param is None:
        return None
    if param.get("type") == "json_schema" and "json_schema" in param:
        return {"type": "json_schema", **param["json_schema"]}
    return dict(param)


def _tool_named(input_tools: object, name: str) -> Mapping[str, Any] | None:
    if not is_given(input_tools) or input_tools is None:
        return None
    for tool in input_tools if isinstance(input_tools, Iterable) else ():
        function = isinstance(tool, Mapping) and tool.get("type") == "function"
        if function and tool.get("name") == name:
            found: Mapping[str, Any] = tool
            return found
    return None


def _arguments(input_tools: object, name: str, arguments: str) -> object:
    tool = _tool_named(input_tools, name)
    if tool is None or not tool.get("strict"):
        return None
    model = tool.get("model")
    if isinstance(model, type) and issubclass(model, pydantic.BaseModel):
        return model.model_validate_json(arguments)
    decoded: object = json.loads(arguments)
    return decoded


_ITEMS: pydantic.TypeAdapter[Any] | None = None


def _item(value: Any) -> Any:
    global _ITEMS
    if isinstance(value, pydantic.BaseModel):
        return value
    if _ITEMS is None:
        _ITEMS = pydantic.TypeAdapter(ResponseOutputItem)
    return _ITEMS.validate_python(value)


def parse_response(*, text_format: object, input_tools: object, response: Response) -> Any:
    """``response`` as a :class:`ParsedResponse` (``output_parsed``, ``parsed_arguments``)."""
    output: list[Any] = []
    for raw in response.output or []:
        item = _item(raw)
        kind = getattr(item, "type", None)
        if kind == "message":
            content: list[Any] = []
            for part in item.content:
                if getattr(part, "type", None) == "output_text":
                    parsed = None
                    if has_rich_response_format(text_format) and part.text:
                        parsed = _parse_content(text_format, part.text)
                    content.append(
                        ParsedResponseOutputText.model_construct(
                            **model_fields_of(part), parsed=parsed
                        )
                    )
                else:
                    content.append(part)
            fields = {**model_fields_of(item), "content": content}
            output.append(ParsedResponseOutputMessage.model_construct(**fields))
        elif kind == "function_call":
            parsed_arguments = _arguments(input_tools, item.name, item.arguments)
            output.append(
                ParsedResponseFunctionToolCall.model_construct(
                    **model_fields_of(item), parsed_arguments=parsed_arguments
                )
            )
        else:
            output.append(item)
    values = model_fields_of(response) if response.model_fields_set else {}
    values.update({k: v for k, v in response.__dict__.items() if not k.startswith("_")})
    values["output"] = output
    result: ParsedResponse[Any] = ParsedResponse.model_construct(**values)
    carry_private_state(response, result)
    return result
