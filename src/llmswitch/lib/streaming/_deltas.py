"""Folding streamed deltas (as plain dicts) into the object they build up."""

from __future__ import annotations

from typing import Any

__all__ = ["accumulate_delta"]

# Keys whose value is replaced, never concatenated: identifiers and discriminators that some
# providers repeat on every chunk (a role, a tool call's id, type and name).
_REPLACED_KEYS = frozenset({"index", "type", "role", "id", "name"})


def accumulate_delta(acc: dict[str, Any], delta: dict[str, Any]) -> dict[str, Any]:
    """Merge ``delta`` into ``acc`` (in place; returns ``acc``).

    Strings are concatenated; dicts merged key by key; a list of dicts with an ``index`` key
    (tool calls) is merged entry by entry, matching on ``index`` (a new index is appended);
    any other list is extended. ``None`` never overwrites a value. Identifiers (``index``,
    ``type``, ``role``, ``id``, ``name``) are replaced by the latest non-empty value, other
    scalars by the latest value.

    >>> acc = {"content": "Hel", "tool_calls": [{"index": 0, "function": {"arguments": "{"}}]}
    >>> accumulate_delta(acc, {"content": "lo", "tool_calls": [
    ...     {"index": 0, "function": {"arguments": "}"}}, {"index": 1, "id": "b"}]})
    {'content': 'Hello', 'tool_calls': [{'index': 0, 'function': {'arguments': '{}'}}, \
{'index': 1, 'id': 'b'}]}
    """
    for key, value in delta.items():
        if value is None:
            acc.setdefault(key, None)
            continue
        current = acc.get(key)
        if current is None:
            acc[key] = value
        elif key in _REPLACED_KEYS:
            if value != "":  # Qwen sends an empty tool call id after the first chunk
                acc[key] = value
        elif isinstance(current, str) and isinstance(value, str):
            acc[key] = current + value
        elif isinstance(current, dict) and isinstance(value, dict):
            accumulate_delta(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            _accumulate_list(current, value)
        else:
            acc[key] = value
    return acc


def _accumulate_list(acc: list[Any], delta: list[Any]) -> None:
    for entry in delta:
        if isinstance(entry, dict) and "index" in entry:
            index = entry["index"]
            for existing in acc:
                if isinstance(existing, dict) and existing.get("index") == index:
                    accumulate_delta(existing, entry)
                    break
            else:
                acc.append(_copy(entry))
        else:
            acc.append(entry)


def _copy(entry: dict[str, Any]) -> dict[str, Any]:
    """A copy of a new entry deep enough that later merges never write into the delta."""
    return {k: _copy(v) if isinstance(v, dict) else v for k, v in entry.items()}
