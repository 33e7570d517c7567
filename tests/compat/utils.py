"""openai-python tests/utils.py without openai: assert_matches_type over pydantic models."""

from __future__ import annotations

import io
import os
import types
import inspect
import traceback
import contextlib
import collections.abc
from typing import Any, TypeVar, Iterator, Sequence, ForwardRef, Union, cast
from datetime import date, datetime
from typing_extensions import Literal, Annotated, TypeAliasType, get_args, get_origin, assert_type

import rich
import rich.console
import pydantic
from pydantic import BaseModel

BaseModelT = TypeVar("BaseModelT", bound=BaseModel)
NoneType = type(None)


class Omit:
    """Stand-in for ``openai._types.Omit`` in ``update_env`` (remove the variable)."""


def is_dict(obj: object) -> bool:
    return isinstance(obj, dict)


def is_list(obj: object) -> bool:
    return isinstance(obj, list)


def is_list_type(typ: Any) -> bool:
    return (get_origin(typ) or typ) is list


def is_sequence_type(typ: Any) -> bool:
    origin = get_origin(typ) or typ
    return origin is Sequence or origin is collections.abc.Sequence


def is_union_type(typ: Any) -> bool:
    origin = get_origin(typ)
    return origin is Union or origin is types.UnionType


def is_annotated_type(typ: Any) -> bool:
    return get_origin(typ) is Annotated


def is_type_alias_type(tp: Any) -> bool:
    return isinstance(tp, TypeAliasType) or type(tp).__name__ == "TypeAliasType"


def extract_type_arg(typ: Any, index: int) -> Any:
    return get_args(typ)[index]


def evaluate_forwardref(forwardref: ForwardRef, globalns: dict[str, Any]) -> type:
    return eval(str(forwardref), globalns)  # type: ignore[no-any-return]


def assert_matches_model(model: type[BaseModelT], value: BaseModelT, *, path: list[str]) -> bool:
    for name, field in model.model_fields.items():
        field_value = getattr(value, name)
        assert_matches_type(field.annotation, field_value, path=[*path, name], allow_none=False)
    return True


# Note: the `path` argument is only used to improve error messages when `--showlocals` is used
def assert_matches_type(type_: Any, value: object, *, path: list[str], allow_none: bool = False) -> None:
    if isinstance(type_, str) or type_ is Any:
        return
    if is_type_alias_type(type_):
        type_ = type_.__value__

    # unwrap `Annotated[T, ...]` -> `T`
    if is_annotated_type(type_):
        type_ = extract_type_arg(type_, 0)

    if allow_none and value is None:
        return

    if type_ is None or type_ is NoneType:
        assert value is None
        return

    origin = get_origin(type_) or type_

    if is_list_type(type_):
        return _assert_list_type(type_, value)

    if is_sequence_type(type_):
        assert isinstance(value, Sequence)
        return

    if origin == str:
        assert isinstance(value, str)
    elif origin == int:
        assert isinstance(value, int)
    elif origin == bool:
        assert isinstance(value, bool)
    elif origin == float:
        assert isinstance(value, float)
    elif origin == bytes:
        assert isinstance(value, bytes)
    elif origin == datetime:
        assert isinstance(value, datetime)
    elif origin == date:
        assert isinstance(value, date)
    elif origin == object:
        pass
    elif origin == Literal:
        assert value in get_args(type_)
    elif origin == dict:
        assert is_dict(value)
        args = get_args(type_)
        if args:
            key_type, items_type = args
            for key, item in cast(dict, value).items():
                assert_matches_type(key_type, key, path=[*path, "<dict key>"])
                assert_matches_type(items_type, item, path=[*path, "<dict item>"])
    elif is_union_type(type_):
        variants = get_args(type_)

        try:
            none_index = variants.index(type(None))
        except ValueError:
            pass
        else:
            if len(variants) == 2:
                if value is None:
                    return
                return assert_matches_type(type_=variants[not none_index], value=value, path=path)

        for i, variant in enumerate(variants):
            try:
                assert_matches_type(variant, value, path=[*path, f"variant {i}"])
                return
            except AssertionError:
                traceback.print_exc()
                continue

        raise AssertionError("Did not match any variants")
    elif inspect.isclass(origin) and issubclass(origin, BaseModel):
        assert isinstance(value, type_), f"{path}: expected {type_}, got {type(value)}"
        assert assert_matches_model(type_, cast(Any, value), path=path)
    elif inspect.isclass(origin) and isinstance(value, origin):
        pass
    else:
        assert None, f"Unhandled field type: {type_}"


def _assert_list_type(type_: type[object], value: object) -> None:
    assert is_list(value)


def rich_print_str(obj: object) -> str:
    """Like `rich.print()` but returns the string instead"""
    buf = io.StringIO()

    console = rich.console.Console(file=buf, width=120)
    console.print(obj)

    return buf.getvalue()


@contextlib.contextmanager
def update_env(**new_env: "str | Omit") -> Iterator[None]:
    old = os.environ.copy()

    try:
        for name, value in new_env.items():
            if isinstance(value, Omit) or type(value).__name__ == "Omit":
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

        yield None
    finally:
        os.environ.clear()
        os.environ.update(old)
