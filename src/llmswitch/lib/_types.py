"""Type names shared by the helpers: the response-format type variable and what the helpers
accept as a response format or as "not given"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar, Union

import pydantic

__all__ = ["NotGivenLike", "ResponseFormatInput", "ResponseFormatT"]


class NotGivenLike(Protocol):
    """An openai-style "not given" sentinel (``NOT_GIVEN``, ``omit``): always falsy."""

    def __bool__(self) -> Literal[False]: ...


if TYPE_CHECKING:
    # For type checkers the variable defaults to None (PEP 696), as openai-python's does: a
    # call without a response format type returns ``ParsedChatCompletion[None]``.
    from typing_extensions import TypeVar as _DefaultedTypeVar

    ResponseFormatT = _DefaultedTypeVar("ResponseFormatT", default=None)
else:
    ResponseFormatT = TypeVar("ResponseFormatT")
"""The type given as ``response_format`` (``None`` when there is none)."""

ResponseFormatInput = Union[  # noqa: UP007 (typing.Union: subscriptable at runtime)
    type[ResponseFormatT], Mapping[str, Any], pydantic.BaseModel, NotGivenLike, None
]
"""What ``response_format`` may be: a pydantic model (or pydantic dataclass) type to parse
into, a wire value (a dict, or a pydantic instance), or not given."""
