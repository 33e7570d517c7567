"""``pydantic_function_tool``: a strict function tool from a pydantic model.

The tool is a plain dict, sent as is; its ``function`` entry is a :class:`PydanticFunctionTool`
(a ``dict`` subclass) that also remembers the model, so ``parse()`` / ``stream()`` can validate
the arguments the model sends back into an instance of it (``parsed_arguments``).
"""

from __future__ import annotations

from typing import Any

import pydantic

from ._pydantic import to_strict_json_schema

__all__ = ["PydanticFunctionTool", "pydantic_function_tool"]


class PydanticFunctionTool(dict[str, Any]):
    """A function definition (``name``, ``strict``, ``parameters``, ``description``) that
    carries the pydantic model its parameters came from."""

    model: type[pydantic.BaseModel]

    def __init__(self, definition: dict[str, Any], model: type[pydantic.BaseModel]) -> None:
        super().__init__(definition)
        self.model = model

    def cast(self) -> dict[str, Any]:
        """This definition, typed as a plain dict."""
        return self


def pydantic_function_tool(
    model: type[pydantic.BaseModel],
    *,
    name: str | None = None,
    description: str | None = None,
) -> dict[str, Any]:
    """A strict function tool whose parameters are ``model``'s strict JSON schema.

    ``name`` defaults to the class name and ``description`` to the class docstring (if any).
    Pass the result in ``tools=[...]``; ``parse()`` and ``stream()`` then return the call's
    arguments as an instance of ``model`` in ``tool_call.function.parsed_arguments``.

    >>> class GetWeather(pydantic.BaseModel):
    ...     '''Weather in a city.'''
    ...     city: str
    >>> tool = pydantic_function_tool(GetWeather)
    >>> tool["type"], tool["function"]["name"], tool["function"]["strict"]
    ('function', 'GetWeather', True)
    """
    if description is None:
        # The class's own docstring only (inspect.getdoc would inherit pydantic's).
        description = model.__doc__
    function = PydanticFunctionTool(
        {
            "name": name or model.__name__,
            "strict": True,
            "parameters": to_strict_json_schema(model),
        },
        model,
    )
    if description is not None:
        function["description"] = description
    return {"type": "function", "function": function}
