"""What an application consumes per month: tokens, requests, features, growth.

A :class:`Workload` is built from keyword arguments or a TOML file; token volumes accept
``"50M"``-style strings (``K`` = thousand, ``M`` = million, ``B`` = billion).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["FEATURES", "Workload", "WorkloadError", "parse_tokens"]

FEATURES = ("tools", "json_mode", "vision", "streaming")
"""Chat features a workload can need (embeddings are implied by ``embedding_tokens``)."""

_SUFFIX = {"": 1, "K": 1_000, "M": 1_000_000, "B": 1_000_000_000, "G": 1_000_000_000}
_TOKENS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMBG]?)\s*$", re.IGNORECASE)


class WorkloadError(ValueError):
    """A workload value or file is invalid; the message names the file and the key."""


def parse_tokens(value: int | float | str, *, key: str = "tokens") -> int:
    """A token volume from an int or a string such as ``"50M"``, ``"1.5B"``, ``"200k"``.

    >>> parse_tokens("50M"), parse_tokens("1.5k"), parse_tokens(2_000)
    (50000000, 1500, 2000)
    """
    if isinstance(value, bool):
        raise WorkloadError(f"{key}: expected a token count such as 50M, got {value!r}")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        match = _TOKENS.match(value.replace("_", "").replace(",", ""))
        if match is None:
            raise WorkloadError(
                f"{key}: cannot read {value!r} as a token count; write e.g. 50M, 1.5B or 200000"
            )
        number = float(match.group(1)) * _SUFFIX[match.group(2).upper()]
    else:
        raise WorkloadError(f"{key}: expected a token count such as 50M, got {value!r}")
    if number < 0:
        raise WorkloadError(f"{key}: a token count cannot be negative, got {value!r}")
    return round(number)


@dataclass(frozen=True)
class Workload:
    """Monthly usage of an app, and what it needs from a model.

    ``growth`` is the month-over-month growth of all volumes (``0.1`` = +10 % a month);
    ``start`` is the first month of the projection (default: the comparison date).

    >>> w = Workload(input_tokens="50M", output_tokens="10M", features=["tools"])
    >>> w.input_tokens, w.output_tokens, w.features
    (50000000, 10000000, ('tools',))
    """

    input_tokens: int | str = 0
    output_tokens: int | str = 0
    embedding_tokens: int | str = 0
    requests: int | None = None
    features: tuple[str, ...] | list[str] = ()
    context_tokens: int | str | None = None
    growth: float = 0.0
    name: str | None = None
    start: dt.date | None = None
    notes: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        for key in ("input_tokens", "output_tokens", "embedding_tokens"):
            object.__setattr__(self, key, parse_tokens(getattr(self, key), key=key))
        if self.context_tokens is not None:
            object.__setattr__(
                self, "context_tokens", parse_tokens(self.context_tokens, key="context_tokens")
            )
        features = (self.features,) if isinstance(self.features, str) else tuple(self.features)
        unknown = [f for f in features if f not in FEATURES]
        if unknown:
            raise WorkloadError(
                f"features: unknown feature {unknown[0]!r}; known: {', '.join(FEATURES)}"
            )
        object.__setattr__(self, "features", tuple(dict.fromkeys(features)))
        if not isinstance(self.growth, (int, float)) or self.growth <= -1:
            raise WorkloadError(f"growth: expected a monthly rate above -1, got {self.growth!r}")
        if self.requests is not None and (not isinstance(self.requests, int) or self.requests < 0):
            raise WorkloadError(f"requests: expected a non-negative integer, got {self.requests!r}")
        object.__setattr__(self, "notes", tuple(self.notes))

    @property
    def chat_tokens(self) -> int:
        """Input plus output tokens of month 1."""
        return int(self.input_tokens) + int(self.output_tokens)

    @property
    def needs(self) -> tuple[str, ...]:
        """Capabilities a candidate must have: the features, plus embeddings if used."""
        return (*self.features, *(("embeddings",) if int(self.embedding_tokens) > 0 else ()))

    def volume(self, month: int) -> tuple[float, float, float]:
        """``(input, output, embedding)`` tokens of month ``month`` (1-based), with growth."""
        factor = (1.0 + self.growth) ** (month - 1)
        return (
            int(self.input_tokens) * factor,
            int(self.output_tokens) * factor,
            int(self.embedding_tokens) * factor,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain values (dates as ISO strings), for JSON reports."""
        data = asdict(self)
        data["features"] = list(self.features)
        data["start"] = self.start.isoformat() if self.start else None
        data["notes"] = list(self.notes)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<dict>") -> Workload:
        """Build from a mapping: top-level keys or a ``[workload]`` table.

        >>> Workload.from_dict({"workload": {"input_tokens": "2M"}}).input_tokens
        2000000
        """
        table = data.get("workload", data)
        if not isinstance(table, Mapping):
            raise WorkloadError(f"{source}: [workload] must be a table")
        allowed = {f for f in cls.__dataclass_fields__}
        extra = sorted(set(table) - allowed)
        if extra:
            raise WorkloadError(
                f"{source}: unknown key {extra[0]!r}; allowed keys: {', '.join(sorted(allowed))}"
            )
        kwargs = dict(table)
        start = kwargs.get("start")
        if isinstance(start, str):
            try:
                kwargs["start"] = dt.date.fromisoformat(start)
            except ValueError:
                raise WorkloadError(
                    f"{source}: start: {start!r} is not a YYYY-MM-DD date"
                ) from None
        elif isinstance(start, dt.datetime):
            kwargs["start"] = start.date()
        if isinstance(kwargs.get("notes"), str):
            kwargs["notes"] = (kwargs["notes"],)
        try:
            return cls(**kwargs)
        except WorkloadError as exc:
            raise WorkloadError(f"{source}: {exc}") from None
        except TypeError as exc:
            raise WorkloadError(f"{source}: {exc}") from None

    @classmethod
    def from_toml(cls, path: str | Path) -> Workload:
        """Read a workload file (see ``examples/*/workload.toml``).

        >>> Workload.from_toml("examples/support_bot/workload.toml")  # doctest: +SKIP
        """
        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise WorkloadError(f"workload file {str(file)!r} does not exist") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise WorkloadError(f"{file}: cannot be read: {exc}") from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise WorkloadError(f"{file}: not valid TOML: {exc}") from None
        return cls.from_dict(data, source=str(file))

    def describe(self) -> str:
        """One line: volumes, features and growth."""
        parts = [f"{_short(int(self.input_tokens))} in", f"{_short(int(self.output_tokens))} out"]
        if int(self.embedding_tokens):
            parts.append(f"{_short(int(self.embedding_tokens))} embedding")
        text = " + ".join(parts) + " tokens/month"
        if self.features:
            text += f"; needs {', '.join(self.features)}"
        if self.context_tokens:
            text += f"; context ≥ {_short(int(self.context_tokens))}"
        if self.growth:
            text += f"; growth {self.growth:+.0%}/month"
        return text


def _short(n: int) -> str:
    for size, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")):
        if n >= size:
            value = n / size
            return f"{value:.{0 if value == int(value) else 1}f}{suffix}"
    return str(n)
