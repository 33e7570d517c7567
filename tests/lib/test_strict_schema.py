"""Strict JSON schemas, response formats and pydantic function tools.

Ported from openai-python's tests/lib/test_pydantic.py (test_most_types, test_enums,
test_nested_inline_ref_expansion), plus the cases openai's schema rules cover without a test.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Literal

import pydantic
import pytest
from _query_models import Query
from pydantic import BaseModel, Field

from llmswitch.lib import (
    PydanticFunctionTool,
    pydantic_function_tool,
    to_strict_json_schema,
    type_to_response_format_param,
)


def test_most_types() -> None:
    """openai: tests/lib/test_pydantic.py::test_most_types"""
    assert pydantic_function_tool(Query)["function"] == {
        "name": "Query",
        "strict": True,
        "parameters": {
            "$defs": {
                "Column": {
                    "enum": [
                        "id",
                        "status",
                        "expected_delivery_date",
                        "delivered_at",
                        "shipped_at",
                        "ordered_at",
                        "canceled_at",
                    ],
                    "title": "Column",
                    "type": "string",
                },
                "Condition": {
                    "properties": {
                        "column": {"title": "Column", "type": "string"},
                        "operator": {"$ref": "#/$defs/Operator"},
                        "value": {
                            "anyOf": [
                                {"type": "string"},
                                {"type": "integer"},
                                {"$ref": "#/$defs/DynamicValue"},
                            ],
                            "title": "Value",
                        },
                    },
                    "required": ["column", "operator", "value"],
                    "title": "Condition",
                    "type": "object",
                    "additionalProperties": False,
                },
                "DynamicValue": {
                    "properties": {"column_name": {"title": "Column Name", "type": "string"}},
                    "required": ["column_name"],
                    "title": "DynamicValue",
                    "type": "object",
                    "additionalProperties": False,
                },
                "Operator": {
                    "enum": ["=", ">", "<", "<=", ">=", "!="],
                    "title": "Operator",
                    "type": "string",
                },
                "OrderBy": {"enum": ["asc", "desc"], "title": "OrderBy", "type": "string"},
                "Table": {
                    "enum": ["orders", "customers", "products"],
                    "title": "Table",
                    "type": "string",
                },
            },
            "properties": {
                "name": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Name"},
                "table_name": {"$ref": "#/$defs/Table"},
                "columns": {
                    "items": {"$ref": "#/$defs/Column"},
                    "title": "Columns",
                    "type": "array",
                },
                "conditions": {
                    "items": {"$ref": "#/$defs/Condition"},
                    "title": "Conditions",
                    "type": "array",
                },
                "order_by": {"$ref": "#/$defs/OrderBy"},
            },
            "required": ["name", "table_name", "columns", "conditions", "order_by"],
            "title": "Query",
            "type": "object",
            "additionalProperties": False,
        },
    }


class Color(Enum):
    RED = "red"
    BLUE = "blue"
    GREEN = "green"


class ColorDetection(BaseModel):
    color: Color = Field(description="The detected color")
    hex_color_code: str = Field(description="The hex color code of the detected color")


def test_enums() -> None:
    """openai: tests/lib/test_pydantic.py::test_enums ($ref with a description is inlined)"""
    assert pydantic_function_tool(ColorDetection)["function"] == {
        "name": "ColorDetection",
        "strict": True,
        "parameters": {
            "$defs": {
                "Color": {"enum": ["red", "blue", "green"], "title": "Color", "type": "string"}
            },
            "properties": {
                "color": {
                    "description": "The detected color",
                    "enum": ["red", "blue", "green"],
                    "title": "Color",
                    "type": "string",
                },
                "hex_color_code": {
                    "description": "The hex color code of the detected color",
                    "title": "Hex Color Code",
                    "type": "string",
                },
            },
            "required": ["color", "hex_color_code"],
            "title": "ColorDetection",
            "type": "object",
            "additionalProperties": False,
        },
    }


class Star(BaseModel):
    name: str = Field(description="The name of the star.")


class Galaxy(BaseModel):
    name: str = Field(description="The name of the galaxy.")
    largest_star: Star = Field(description="The largest star in the galaxy.")


class Universe(BaseModel):
    name: str = Field(description="The name of the universe.")
    galaxy: Galaxy = Field(description="A galaxy in the universe.")


def test_nested_inline_ref_expansion() -> None:
    """openai: tests/lib/test_pydantic.py::test_nested_inline_ref_expansion"""
    star = {
        "title": "Star",
        "type": "object",
        "properties": {
            "name": {"type": "string", "title": "Name", "description": "The name of the star."}
        },
        "required": ["name"],
        "additionalProperties": False,
    }
    galaxy_properties = {
        "name": {"type": "string", "title": "Name", "description": "The name of the galaxy."},
        "largest_star": {**star, "description": "The largest star in the galaxy."},
    }
    assert to_strict_json_schema(Universe) == {
        "title": "Universe",
        "type": "object",
        "$defs": {
            "Star": star,
            "Galaxy": {
                "title": "Galaxy",
                "type": "object",
                "properties": galaxy_properties,
                "required": ["name", "largest_star"],
                "additionalProperties": False,
            },
        },
        "properties": {
            "name": {"type": "string", "title": "Name", "description": "The name of the universe."},
            "galaxy": {
                "title": "Galaxy",
                "type": "object",
                "properties": galaxy_properties,
                "required": ["name", "largest_star"],
                "description": "A galaxy in the universe.",
                "additionalProperties": False,
            },
        },
        "required": ["name", "galaxy"],
        "additionalProperties": False,
    }


def test_optional_fields_are_required_and_nullable_without_a_null_default() -> None:
    class Location(BaseModel):
        city: str
        units: Literal["c", "f"] | None = None
        note: str = "none"

    schema = to_strict_json_schema(Location)
    assert schema["required"] == ["city", "units", "note"]
    assert schema["additionalProperties"] is False
    units = schema["properties"]["units"]
    assert "default" not in units  # a None default is dropped ...
    assert {"type": "null"} in units["anyOf"]  # ... the field stays nullable
    assert schema["properties"]["note"]["default"] == "none"  # other defaults stay


def test_bare_refs_stay_references_and_definitions_become_strict() -> None:
    class Inner(BaseModel):
        x: int

    class Outer(BaseModel):
        inner: Inner
        inners: list[Inner]

    schema = to_strict_json_schema(Outer)
    assert schema["properties"]["inner"] == {"$ref": "#/$defs/Inner"}
    assert schema["properties"]["inners"]["items"] == {"$ref": "#/$defs/Inner"}
    assert schema["$defs"]["Inner"]["additionalProperties"] is False
    assert schema["$defs"]["Inner"]["required"] == ["x"]


def test_single_all_of_is_flattened_into_its_parent() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"allOf": [{"type": "object", "properties": {"b": {}}}]}},
    }
    adapter: pydantic.TypeAdapter[object] = pydantic.TypeAdapter(object)
    adapter.json_schema = lambda **_: schema  # type: ignore[method-assign]
    strict = to_strict_json_schema(adapter)
    assert strict["properties"]["a"] == {
        "type": "object",
        "properties": {"b": {}},
        "required": ["b"],
        "additionalProperties": False,
    }


def test_recursive_models_keep_their_self_reference() -> None:
    class Node(BaseModel):
        value: int
        children: list[Node]

    schema = to_strict_json_schema(Node)
    assert schema["$defs"]["Node"]["properties"]["children"]["items"] == {"$ref": "#/$defs/Node"}
    assert schema["$defs"]["Node"]["additionalProperties"] is False


def test_non_models_are_rejected() -> None:
    with pytest.raises(TypeError, match="Non BaseModel types"):
        to_strict_json_schema(dict)  # type: ignore[arg-type]


def test_response_format_from_a_model() -> None:
    class Answer(BaseModel):
        value: int

    assert type_to_response_format_param(Answer) == {
        "type": "json_schema",
        "json_schema": {
            "schema": {
                "properties": {"value": {"title": "Value", "type": "integer"}},
                "required": ["value"],
                "title": "Answer",
                "type": "object",
                "additionalProperties": False,
            },
            "name": "Answer",
            "strict": True,
        },
    }


def test_response_format_from_a_pydantic_dataclass() -> None:
    from pydantic.dataclasses import dataclass

    @dataclass
    class CalendarEvent:
        name: str
        participants: list[str]

    param = type_to_response_format_param(CalendarEvent)
    assert param["json_schema"]["name"] == "CalendarEvent"
    assert param["json_schema"]["schema"]["required"] == ["name", "participants"]
    assert param["json_schema"]["schema"]["additionalProperties"] is False


def test_response_format_params_and_not_given_pass_through() -> None:
    fmt = {"type": "json_object"}
    assert type_to_response_format_param(fmt) is fmt
    assert type_to_response_format_param(None) is None

    class NotGiven:  # openai-style sentinel, recognised by its class name
        def __bool__(self) -> bool:
            return False

    assert type_to_response_format_param(NotGiven()) is None
    with pytest.raises(TypeError, match="Unsupported response_format type"):
        type_to_response_format_param(int)


def test_pydantic_function_tool_name_description_and_model() -> None:
    class GetWeatherArgs(BaseModel):
        """Get the temperature for the given country/city combo"""

        city: str

    class GetStockPrice(BaseModel):
        ticker: str

    weather = pydantic_function_tool(GetWeatherArgs)
    assert weather["type"] == "function"
    assert weather["function"]["name"] == "GetWeatherArgs"
    assert weather["function"]["description"] == (
        "Get the temperature for the given country/city combo"
    )
    assert isinstance(weather["function"], PydanticFunctionTool)
    assert weather["function"].model is GetWeatherArgs

    stock = pydantic_function_tool(GetStockPrice, name="get_stock_price", description="Price")
    assert stock["function"]["name"] == "get_stock_price"
    assert stock["function"]["description"] == "Price"
    # No docstring, no description key (not pydantic's inherited docstring).
    assert "description" not in pydantic_function_tool(GetStockPrice)["function"]
    # The tool is plain JSON on the wire.
    assert json.loads(json.dumps(stock))["function"]["parameters"]["required"] == ["ticker"]
