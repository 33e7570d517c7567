"""The base of every catalog record, the value types they share, and where facts come from."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = [
    "CAPABILITIES",
    "CatalogError",
    "Confidence",
    "Currency",
    "OfferStatus",
    "Source",
    "SourceKind",
]

Currency = Literal["CNY", "USD"]
Confidence = Literal["high", "medium", "low"]
OfferStatus = Literal["upcoming", "active", "expired", "unknown"]
SourceKind = Literal["provider", "press", "third_party", "user"]
"""``provider``: the provider's own page; ``press``: news coverage; ``third_party``: a
tracker, aggregator or another project's config table; ``user``: added by the user (extra TOML)."""

CAPABILITIES = (
    "tools",
    "json_mode",
    "json_schema",
    "vision",
    "reasoning",
    "streaming",
    "embeddings",
)


class CatalogError(ValueError):
    """A catalog file or query is invalid; the message names the file and the field."""


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Record):
    """Where a fact comes from: address, outlet, publication (or check) date, kind."""

    url: str
    outlet: str | None = None
    date: dt.date | None = None
    kind: SourceKind = "press"
    note: str | None = None
