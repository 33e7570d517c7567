"""Parsing chat completions into ``ParsedChatCompletion`` (what ``chat.completions.parse()``
returns), with the bodies of openai-python's tests/lib/chat/test_completions.py: each test names
the test it came from. Completions come back through an llmswitch ``Client`` from a respx mock
(no network), or are built in the test."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from enum import Enum
from typing import Any, Literal

import httpx
import pydantic
import pytest
import respx
from _query_models import Column, Condition, DynamicValue, Operator, OrderBy, Query, Table
from pydantic import BaseModel, Field

from llmswitch import Client
from llmswitch.lib import (
    ContentFilterFinishReasonError,
    LengthFinishReasonError,
    parse_chat_completion,
    parse_completion,
    pydantic_function_tool,
    type_to_response_format_param,
    validate_input_tools,
    validate_response_format,
)
from llmswitch.types import ChatCompletion
from llmswitch.types.parsed import (
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedChoice,
    ParsedFunction,
    ParsedFunctionToolCall,
)

BASE = "http://127.0.0.1:9/v1"
MODEL = "openai/gpt-4o-2024-08-06"
ASK = [{"role": "user", "content": "What's the weather like in SF?"}]


class Location(BaseModel):
    city: str
    temperature: float
    units: Literal["c", "f"]


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False) as mock:
        yield mock


@pytest.fixture
def client() -> Client:
    return Client({"providers": {"openai": {"api_key": "sk-test", "base_url": BASE}}})


def _completion(content: str | None = None, **message: Any) -> dict[str, Any]:
    finish = message.pop("finish_reason", "stop")
    return {
        "id": "chatcmpl-ABfvbtVnTu5DeC4EFnRYj8mtfOM99",
        "object": "chat.completion",
        "created": 1727346143,
        "model": "gpt-4o-2024-08-06",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None, **message},
                "logprobs": None,
                "finish_reason": finish,
            }
        ],
        "usage": {"prompt_tokens": 79, "completion_tokens": 14, "total_tokens": 93},
        "system_fingerprint": "fp_5050236cbd",
    }


def _call(
    client: Client,
    router: respx.MockRouter,
    body: dict[str, Any],
    *,
    response_format: Any = None,
    tools: Any = None,
) -> ParsedChatCompletion[Any]:
    """What ``chat.completions.parse()`` does: check the tools, send the strict format, parse."""
    route = router.post(f"{BASE}/chat/completions").mock(
        return_value=httpx.Response(200, json=body)
    )
    checked = validate_input_tools(tools)
    completion = client.chat.completions.create(
        model=MODEL,
        messages=ASK,
        response_format=type_to_response_format_param(response_format),
        tools=tools,
    )
    assert route.called
    return parse_completion(completion, response_format=response_format, tools=checked)


def _sent(router: respx.MockRouter) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(router.calls.last.request.content)
    return body


def test_parse_nothing(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_nothing"""
    text = "I'm unable to provide real-time weather updates."
    completion = _call(client, router, _completion(text))
    assert isinstance(completion, ParsedChatCompletion)
    choice = completion.choices[0]
    assert isinstance(choice, ParsedChoice)
    assert isinstance(choice.message, ParsedChatCompletionMessage)
    assert choice.message.content == text
    assert choice.message.parsed is None
    assert choice.message.tool_calls is None
    assert choice.finish_reason == "stop"
    assert completion.id == "chatcmpl-ABfvbtVnTu5DeC4EFnRYj8mtfOM99"
    assert completion.created == 1727346143
    assert completion.system_fingerprint == "fp_5050236cbd"
    assert completion.usage is not None and completion.usage.total_tokens == 93
    assert "response_format" not in _sent(router)


def test_parse_pydantic_model(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_pydantic_model"""
    content = '{"city":"San Francisco","temperature":65,"units":"f"}'
    completion = _call(client, router, _completion(content), response_format=Location)
    message = completion.choices[0].message
    assert message.parsed == Location(city="San Francisco", temperature=65.0, units="f")
    assert message.content == content
    sent = _sent(router)["response_format"]
    assert sent["type"] == "json_schema"
    assert sent["json_schema"]["name"] == "Location"
    assert sent["json_schema"]["strict"] is True
    assert sent["json_schema"]["schema"]["required"] == ["city", "temperature", "units"]


def test_parse_keeps_provider_raw_and_what_the_dump_had(
    client: Client, router: respx.MockRouter
) -> None:
    content = '{"city":"San Francisco","temperature":65,"units":"f"}'
    body = _completion(content)
    completion = _call(client, router, body, response_format=Location)
    assert completion.provider == "openai"
    assert completion.raw["id"] == body["id"]
    dumped = completion.model_dump()
    assert dumped["choices"][0]["message"]["parsed"] == {
        "city": "San Francisco",
        "temperature": 65.0,
        "units": "f",
    }
    assert "provider" not in json.loads(completion.model_dump_json()) or (
        "provider" in ChatCompletion.model_fields  # older types kept provider as a field
    )


def test_parse_pydantic_model_optional_default(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_pydantic_model_optional_default"""

    class Location(BaseModel):
        city: str
        temperature: float
        units: Literal["c", "f"] | None = None

    content = '{"city":"San Francisco","temperature":65,"units":"f"}'
    completion = _call(client, router, _completion(content), response_format=Location)
    assert completion.choices[0].message.parsed == Location(
        city="San Francisco", temperature=65.0, units="f"
    )


def test_parse_pydantic_model_enum(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_pydantic_model_enum"""

    class Color(Enum):
        """The detected color"""

        RED = "red"
        BLUE = "blue"
        GREEN = "green"

    class ColorDetection(BaseModel):
        color: Color
        hex_color_code: str = Field(description="The hex color code of the detected color")

    content = '{"color":"red","hex_color_code":"#FF0000"}'
    completion = _call(client, router, _completion(content), response_format=ColorDetection)
    parsed = completion.choices[0].message.parsed
    assert isinstance(parsed, ColorDetection)
    assert parsed.color is Color.RED
    assert parsed.hex_color_code == "#FF0000"


def test_parse_pydantic_model_multiple_choices(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_pydantic_model_multiple_choices"""
    body = _completion('{"city":"San Francisco","temperature":64,"units":"f"}')
    first = body["choices"][0]
    body["choices"] = [
        {**first, "index": i, "message": {**first["message"], "content": text}}
        for i, text in enumerate(
            [
                '{"city":"San Francisco","temperature":64,"units":"f"}',
                '{"city":"San Francisco","temperature":65,"units":"f"}',
                '{"city":"San Francisco","temperature":63.0,"units":"f"}',
            ]
        )
    ]
    completion = _call(client, router, body, response_format=Location)
    assert [c.index for c in completion.choices] == [0, 1, 2]
    assert [c.message.parsed for c in completion.choices] == [
        Location(city="San Francisco", temperature=t, units="f") for t in (64.0, 65.0, 63.0)
    ]


def test_parse_pydantic_dataclass(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_pydantic_dataclass"""
    from pydantic.dataclasses import dataclass

    @dataclass
    class CalendarEvent:
        name: str
        date: str
        participants: list[str]

    content = '{"name":"Science Fair","date":"Friday","participants":["Alice","Bob"]}'
    completion = _call(client, router, _completion(content), response_format=CalendarEvent)
    assert completion.choices[0].message.parsed == CalendarEvent(
        name="Science Fair", date="Friday", participants=["Alice", "Bob"]
    )
    assert _sent(router)["response_format"]["json_schema"]["name"] == "CalendarEvent"


def test_parse_max_tokens_reached(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_max_tokens_reached"""
    body = _completion('{"', finish_reason="length")
    body["usage"] = {"prompt_tokens": 79, "completion_tokens": 1, "total_tokens": 80}
    with pytest.raises(LengthFinishReasonError) as info:
        _call(client, router, body, response_format=Location)
    assert str(info.value).startswith(
        "Could not parse response content as the length limit was reached - "
    )
    assert "completion_tokens=1" in str(info.value)
    assert info.value.completion.choices[0].message.content == '{"'


def test_length_finish_raises_even_with_nothing_to_parse() -> None:
    completion = ChatCompletion.model_validate(_completion("Hi", finish_reason="length"))
    with pytest.raises(LengthFinishReasonError):
        parse_chat_completion(response_format=None, input_tools=None, chat_completion=completion)


def test_content_filter_finish_raises() -> None:
    completion = ChatCompletion.model_validate(_completion(None, finish_reason="content_filter"))
    with pytest.raises(ContentFilterFinishReasonError) as info:
        parse_completion(completion, response_format=Location)
    assert str(info.value) == (
        "Could not parse response content as the request was rejected by the content filter"
    )


def test_finish_reason_errors_are_llmswitch_errors() -> None:
    from llmswitch.errors import LLMSwitchError

    assert issubclass(LengthFinishReasonError, LLMSwitchError)
    assert issubclass(ContentFilterFinishReasonError, LLMSwitchError)


def test_parse_pydantic_model_refusal(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_pydantic_model_refusal"""
    refusal = "I'm very sorry, but I can't assist with that."
    completion = _call(client, router, _completion(None, refusal=refusal), response_format=Location)
    message = completion.choices[0].message
    assert message.refusal == refusal
    assert message.parsed is None
    assert message.content is None


def test_parse_pydantic_tool(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_pydantic_tool"""

    class GetWeatherArgs(BaseModel):
        city: str
        country: str
        units: Literal["c", "f"] = "c"

    call = {
        "id": "call_Y6qJ7ofLgOrBnMD5WbVAeiRV",
        "type": "function",
        "function": {
            "name": "GetWeatherArgs",
            "arguments": '{"city":"Edinburgh","country":"UK","units":"c"}',
        },
    }
    body = _completion(None, tool_calls=[call], finish_reason="tool_calls")
    tools = [pydantic_function_tool(GetWeatherArgs)]
    completion = _call(client, router, body, tools=tools)
    choice = completion.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.parsed is None
    [tool_call] = choice.message.tool_calls or []
    assert isinstance(tool_call, ParsedFunctionToolCall)
    assert isinstance(tool_call.function, ParsedFunction)
    assert tool_call.id == "call_Y6qJ7ofLgOrBnMD5WbVAeiRV"
    assert tool_call.function.name == "GetWeatherArgs"
    assert tool_call.function.arguments == '{"city":"Edinburgh","country":"UK","units":"c"}'
    assert tool_call.function.parsed_arguments == GetWeatherArgs(
        city="Edinburgh", country="UK", units="c"
    )
    sent = _sent(router)["tools"][0]
    assert sent["function"]["strict"] is True
    assert sent["function"]["parameters"]["additionalProperties"] is False


def test_parse_multiple_pydantic_tools(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_multiple_pydantic_tools"""

    class GetWeatherArgs(BaseModel):
        """Get the temperature for the given country/city combo"""

        city: str
        country: str
        units: Literal["c", "f"] = "c"

    class GetStockPrice(BaseModel):
        ticker: str
        exchange: str

    calls = [
        {
            "id": "call_fdNz3vOBKYgOIpMdWotB9MjY",
            "type": "function",
            "function": {
                "name": "GetWeatherArgs",
                "arguments": '{"city": "Edinburgh", "country": "GB", "units": "c"}',
            },
        },
        {
            "id": "call_h1DWI1POMJLb0KwIyQHWXD4p",
            "type": "function",
            "function": {
                "name": "get_stock_price",
                "arguments": '{"ticker": "AAPL", "exchange": "NASDAQ"}',
            },
        },
    ]
    tools = [
        pydantic_function_tool(GetWeatherArgs),
        pydantic_function_tool(
            GetStockPrice,
            name="get_stock_price",
            description="Fetch the latest price for a given ticker",
        ),
    ]
    body = _completion(None, tool_calls=calls, finish_reason="tool_calls")
    completion = _call(client, router, body, tools=tools)
    parsed = [c.function.parsed_arguments for c in completion.choices[0].message.tool_calls or []]
    assert parsed == [
        GetWeatherArgs(city="Edinburgh", country="GB", units="c"),
        GetStockPrice(exchange="NASDAQ", ticker="AAPL"),
    ]


STRICT_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "state": {"type": "string"}},
            "required": ["city", "state"],
            "additionalProperties": False,
        },
        "strict": True,
    },
}


def test_parse_strict_tools(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_parse_strict_tools"""
    call = {
        "id": "call_CUdUoJpsWWVdxXntucvnol1M",
        "type": "function",
        "function": {"name": "get_weather", "arguments": '{"city":"San Francisco","state":"CA"}'},
    }
    body = _completion(None, tool_calls=[call], finish_reason="tool_calls")
    completion = _call(client, router, body, tools=[STRICT_TOOL])
    [tool_call] = completion.choices[0].message.tool_calls or []
    assert tool_call.function.parsed_arguments == {"city": "San Francisco", "state": "CA"}


def test_pydantic_tool_model_all_types(client: Client, router: respx.MockRouter) -> None:
    """openai: test_completions.py::test_pydantic_tool_model_all_types"""
    arguments = json.dumps(
        {
            "name": "May 2022 Fulfilled Orders Not Delivered on Time",
            "table_name": "orders",
            "columns": ["id", "status", "delivered_at"],
            "conditions": [
                {"column": "ordered_at", "operator": ">=", "value": "2022-05-01"},
                {"column": "status", "operator": "=", "value": "fulfilled"},
                {
                    "column": "delivered_at",
                    "operator": ">",
                    "value": {"column_name": "expected_delivery_date"},
                },
            ],
            "order_by": "asc",
        }
    )
    call = {
        "id": "call_1",
        "type": "function",
        "function": {"name": "Query", "arguments": arguments},
    }
    body = _completion(None, tool_calls=[call], finish_reason="tool_calls")
    completion = _call(
        client, router, body, tools=[pydantic_function_tool(Query)], response_format=Query
    )
    [tool_call] = completion.choices[0].message.tool_calls or []
    query = tool_call.function.parsed_arguments
    assert isinstance(query, Query)
    assert query.table_name is Table.orders
    assert query.columns == [Column.id, Column.status, Column.delivered_at]
    assert query.conditions[0] == Condition(
        column="ordered_at", operator=Operator.ge, value="2022-05-01"
    )
    assert query.conditions[2].value == DynamicValue(column_name="expected_delivery_date")
    assert query.order_by is OrderBy.asc
    assert completion.choices[0].message.parsed is None  # no content to parse


def test_parse_non_strict_tools() -> None:
    """openai: test_completions.py::test_parse_non_strict_tools"""
    tools = [{"type": "function", "function": {"name": "get_weather", "parameters": {}}}]
    message = "`get_weather` is not strict. Only `strict` function tools can be auto-parsed"
    with pytest.raises(ValueError, match=re.escape(message)):
        validate_input_tools(tools)


def test_only_function_tools_can_be_parsed() -> None:
    with pytest.raises(ValueError, match="only `function` tool types support auto-parsing"):
        validate_input_tools([{"type": "web_search"}])
    assert validate_input_tools(None) is None
    assert validate_input_tools([STRICT_TOOL]) == [STRICT_TOOL]


def test_non_strict_tool_calls_keep_no_parsed_arguments() -> None:
    call = {"id": "c", "type": "function", "function": {"name": "lookup", "arguments": "{}"}}
    completion = ChatCompletion.model_validate(
        _completion(None, tool_calls=[call], finish_reason="tool_calls")
    )
    tools = [{"type": "function", "function": {"name": "lookup", "parameters": {}}}]
    parsed = parse_completion(completion, tools=tools)
    [tool_call] = parsed.choices[0].message.tool_calls or []
    assert tool_call.function.parsed_arguments is None
    # An unknown tool name, or no tools at all: nothing is parsed either.
    [unknown] = parse_completion(completion).choices[0].message.tool_calls or []
    assert unknown.function.parsed_arguments is None


def test_json_object_response_format_is_not_parsed() -> None:
    completion = ChatCompletion.model_validate(_completion('{"a": 1}'))
    parsed = parse_completion(completion, response_format={"type": "json_object"})
    assert parsed.choices[0].message.parsed is None


def test_content_that_does_not_validate_raises_pydantic_error() -> None:
    completion = ChatCompletion.model_validate(_completion('{"city": "SF"}'))
    with pytest.raises(pydantic.ValidationError):
        parse_completion(completion, response_format=Location)


def test_tool_arguments_that_do_not_validate_raise_pydantic_error() -> None:
    class Args(BaseModel):
        x: int

    call = {"id": "c", "type": "function", "function": {"name": "Args", "arguments": '{"x":"?"}'}}
    completion = ChatCompletion.model_validate(
        _completion(None, tool_calls=[call], finish_reason="tool_calls")
    )
    with pytest.raises(pydantic.ValidationError):
        parse_completion(completion, tools=[pydantic_function_tool(Args)])


def test_openai_style_sentinels_mean_not_given() -> None:
    class Omit:
        def __bool__(self) -> bool:
            return False

    completion = ChatCompletion.model_validate(_completion("plain text"))
    parsed = parse_completion(completion, response_format=Omit(), tools=Omit())
    assert parsed.choices[0].message.parsed is None
    assert validate_input_tools(Omit()) is None


def test_tools_given_as_models_are_read() -> None:
    from llmswitch.types.request import ChatCompletionTool

    tool = ChatCompletionTool.model_validate(STRICT_TOOL)
    call = {
        "id": "c",
        "type": "function",
        "function": {"name": "get_weather", "arguments": '{"city":"SF","state":"CA"}'},
    }
    completion = ChatCompletion.model_validate(
        _completion(None, tool_calls=[call], finish_reason="tool_calls")
    )
    parsed = parse_completion(completion, tools=[tool])
    [tool_call] = parsed.choices[0].message.tool_calls or []
    assert tool_call.function.parsed_arguments == {"city": "SF", "state": "CA"}


def test_create_disallows_pydantic() -> None:
    """openai: tests/lib/chat/test_create_validation.py::test_method_create_disallows_pydantic
    (the check ``create()`` makes)"""
    with pytest.raises(TypeError, match=r"You tried to pass a `BaseModel` class"):
        validate_response_format(Location)
    validate_response_format({"type": "json_object"})
    validate_response_format(None)
