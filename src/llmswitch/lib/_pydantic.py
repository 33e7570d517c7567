"""Strict JSON schemas from pydantic models, as OpenAI's structured outputs require them.

:func:`to_strict_json_schema` takes pydantic's JSON schema of a model (or of a ``TypeAdapter``,
for pydantic dataclasses) and makes it *strict*, exactly as openai-python does:

- every object gets ``additionalProperties: false`` (unless it says otherwise);
- every property is listed in ``required`` (optional fields stay nullable through their
  ``anyOf [..., null]`` and lose a ``null`` default);
- ``$defs`` / ``definitions`` are made strict too; a ``$ref`` that has sibling keys (a
  ``description``, say) is replaced by the definition it points to, merged under the siblings,
  since a strict schema cannot carry both; a bare ``$ref`` stays a reference;
- a single-entry ``allOf`` is flattened into its parent.
"""

from __future__ import annotations

import inspect
from typing import Any, TypeGuard

import pydantic

__all__ = [
    "is_basemodel_type",
    "is_dataclass_like_type",
    "resolve_ref",
    "to_strict_json_schema",
]


def to_strict_json_schema(
    model: type[pydantic.BaseModel] | pydantic.TypeAdapter[Any],
) -> dict[str, Any]:
    """The strict JSON schema of a pydantic model class or ``TypeAdapter``.

    >>> class Point(pydantic.BaseModel):
    ...     x: int
    ...     label: str | None = None
    >>> schema = to_strict_json_schema(Point)
    >>> schema["required"], schema["additionalProperties"]
    (['x', 'label'], False)
    """
    if inspect.isclass(model) and is_basemodel_type(model):
        schema = model.model_json_schema()
    elif isinstance(model, pydantic.TypeAdapter):
        schema = model.json_schema()
    else:
        raise TypeError(f"Non BaseModel types are only supported with Pydantic v2 - {model}")
    return _make_strict(schema, path=(), root=schema)


def _is_dict(value: object) -> TypeGuard[dict[str, Any]]:
    return isinstance(value, dict)


def _make_strict(node: object, *, path: tuple[str, ...], root: dict[str, Any]) -> dict[str, Any]:
    """Make one schema node strict, in place (and return it)."""
    if not _is_dict(node):
        raise TypeError(f"Expected {node} to be a dictionary; path={path}")

    for defs_key in ("$defs", "definitions"):
        defs = node.get(defs_key)
        if _is_dict(defs):
            for name, definition in defs.items():
                _make_strict(definition, path=(*path, defs_key, name), root=root)

    if node.get("type") == "object" and "additionalProperties" not in node:
        node["additionalProperties"] = False

    properties = node.get("properties")
    if _is_dict(properties):
        node["required"] = list(properties)
        node["properties"] = {
            name: _make_strict(value, path=(*path, "properties", name), root=root)
            for name, value in properties.items()
        }

    items = node.get("items")
    if _is_dict(items):
        node["items"] = _make_strict(items, path=(*path, "items"), root=root)

    any_of = node.get("anyOf")
    if isinstance(any_of, list):
        node["anyOf"] = [
            _make_strict(variant, path=(*path, "anyOf", str(i)), root=root)
            for i, variant in enumerate(any_of)
        ]

    all_of = node.get("allOf")
    if isinstance(all_of, list):
        if len(all_of) == 1:
            node.update(_make_strict(all_of[0], path=(*path, "allOf", "0"), root=root))
            node.pop("allOf")
        else:
            node["allOf"] = [
                _make_strict(entry, path=(*path, "allOf", str(i)), root=root)
                for i, entry in enumerate(all_of)
            ]

    # A None default says nothing the nullable type does not already say.
    if "default" in node and node["default"] is None:
        del node["default"]

    ref = node.get("$ref")
    if ref and len(node) > 1:
        if not isinstance(ref, str):
            raise TypeError(f"Received non-string $ref - {ref}")
        target = resolve_ref(root=root, ref=ref)
        if not _is_dict(target):
            raise ValueError(f"Expected `$ref: {ref}` to resolved to a dictionary but got {target}")
        # The node's own keys win over the definition's; then the merged node is made strict,
        # since the definition's keys may not be.
        node.update({**target, **node})
        del node["$ref"]
        return _make_strict(node, path=path, root=root)

    return node


def resolve_ref(*, root: dict[str, Any], ref: str) -> object:
    """The schema a local ``$ref`` (``#/$defs/Name``) points to within ``root``."""
    if not ref.startswith("#/"):
        raise ValueError(f"Unexpected $ref format {ref!r}; Does not start with #/")
    resolved: object = root
    for key in ref[2:].split("/"):
        if not _is_dict(resolved):
            raise ValueError(f"encountered non-dictionary entry while resolving {ref}")
        resolved = resolved[key]
        if not _is_dict(resolved):
            raise ValueError(f"encountered non-dictionary entry while resolving {ref} - {resolved}")
    return resolved


def is_basemodel_type(value: object) -> TypeGuard[type[pydantic.BaseModel]]:
    """Whether ``value`` is a pydantic model class."""
    return inspect.isclass(value) and issubclass(value, pydantic.BaseModel)


def is_dataclass_like_type(value: object) -> bool:
    """Whether ``value`` looks like a pydantic dataclass (or another type pydantic configured)."""
    return inspect.isclass(value) and hasattr(value, "__pydantic_config__")
