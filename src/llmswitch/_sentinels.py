"""openai-python's "argument not given" sentinels: ``NOT_GIVEN`` / ``NotGiven`` and ``omit`` /
``Omit``, so code written as ``tools=tools or NOT_GIVEN`` ports unchanged.

Both are falsy. An argument set to either (llmswitch's, or openai's own objects of the same
names) is treated as not passed.
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["NOT_GIVEN", "NotGiven", "Omit", "is_given", "omit"]


class NotGiven:
    """The type of :data:`NOT_GIVEN`: an argument the caller did not give (``None`` may be a
    meaningful value, this never is).

    >>> bool(NOT_GIVEN)
    False
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


class Omit:
    """The type of :data:`omit`: leave this field out of the request (also a default header)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "omit"


omit = Omit()

_SENTINEL_NAMES = frozenset({"NotGiven", "Omit"})


def is_given(value: Any) -> bool:
    """False for ``NOT_GIVEN`` / ``omit``, llmswitch's or openai-python's own.

    >>> is_given(NOT_GIVEN), is_given(None), is_given(0)
    (False, True, True)
    """
    if isinstance(value, (NotGiven, Omit)):
        return False
    cls = type(value)
    return not (cls.__name__ in _SENTINEL_NAMES and cls.__module__.startswith("openai"))
