"""Typed records of the catalog: providers, models, price points, offers, events, FX rates.

Every record is a frozen pydantic model with ``extra="forbid"``; an unknown term is ``None``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, PositiveFloat, model_validator

from ._offers import Event, FreeTokenGrant, Offer, PriceChange, SupportTerms
from ._records import (
    CAPABILITIES,
    CatalogError,
    Confidence,
    Currency,
    OfferStatus,
    Source,
    SourceKind,
    _Record,
)

__all__ = [
    "CAPABILITIES",
    "Capabilities",
    "CatalogError",
    "Confidence",
    "Currency",
    "Event",
    "FreeTokenGrant",
    "FxRate",
    "Model",
    "Offer",
    "OfferStatus",
    "PriceChange",
    "PricePoint",
    "Provider",
    "Source",
    "SourceKind",
    "SupportTerms",
]

class Provider(_Record):
    """A company or API the catalog knows; ``name`` is the prefix of model ids."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    company: str
    display_name: str | None = None
    kind: Literal["native", "openai-compatible", "company"]
    aliases: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    base_urls: dict[str, str] = Field(default_factory=dict)
    compatible_base_url: str | None = None
    api_key_env: tuple[str, ...] = ()
    docs_url: str | None = None
    pricing_url: str | None = None
    currency: Currency | None = None
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()

    def row(self, on: dt.date | None = None) -> dict[str, Any]:
        """Flat dict for tables (``on`` is accepted for symmetry and ignored)."""
        return {
            "name": self.name,
            "company": self.company,
            "kind": self.kind,
            "aliases": ", ".join(self.aliases),
            "regions": ", ".join(self.regions),
            "base_url": next(iter(self.base_urls.values()), None),
            "api_key_env": ", ".join(self.api_key_env),
            "docs_url": self.docs_url,
        }


class Capabilities(_Record):
    """What a model supports; ``None`` means no source says either way."""

    tools: bool | None = None
    json_mode: bool | None = None
    json_schema: bool | None = None
    """Structured output against a JSON schema (``response_format={"type": "json_schema"}``)."""
    vision: bool | None = None
    reasoning: bool | None = None
    """The model thinks before it answers (always, or in a thinking mode it can switch on)."""
    streaming: bool | None = None
    embeddings: bool | None = None


class PricePoint(_Record):
    """A list price per 1M tokens, dated and sourced.

    ``effective_from`` is the earliest date a dated source shows the price in force (or the
    date a source says it started); ``as_of`` is the date of ``source``. Later sources that only
    confirm the same price go in ``confirmed_by`` and do not move the start. Either price may be
    ``None`` (unknown; for embedding models ``output`` is ``None`` because only input is billed).

    ``cached_input`` is the price of input tokens served from the provider's context cache, and
    ``output_thinking`` the output price of an answer generated in thinking mode, where the
    provider bills those differently; ``None`` means the source states no separate price.
    """

    input: float | None = Field(default=None, ge=0)
    output: float | None = Field(default=None, ge=0)
    cached_input: float | None = Field(default=None, ge=0)
    output_thinking: float | None = Field(default=None, ge=0)
    currency: Currency
    as_of: dt.date
    effective_from: dt.date | None = None
    source: Source
    confirmed_by: tuple[Source, ...] = ()
    confidence: Confidence = "medium"
    note: str | None = None

    @property
    def applies_from(self) -> dt.date:
        """The date from which this point is known to apply (``effective_from`` or ``as_of``)."""
        return self.effective_from or self.as_of

    @property
    def source_kind(self) -> SourceKind:
        """Kind of the source: provider page, press, third party, or user."""
        return self.source.kind

    def convert(self, currency: Currency, fx: FxRate | float) -> PricePoint:
        """This point in ``currency``; ``fx`` is an :class:`FxRate` or CNY per 1 USD.

        >>> PricePoint(input=7.0, currency="CNY", as_of=dt.date(2024, 7, 1),
        ...            source=Source(url="x")).convert("USD", 7.0).input
        1.0
        """
        if currency == self.currency:
            return self
        cny_per_usd = fx.rate if isinstance(fx, FxRate) else float(fx)
        factor = cny_per_usd if currency == "CNY" else 1.0 / cny_per_usd

        def scale(value: float | None) -> float | None:
            return None if value is None else value * factor

        note = f"converted from {self.currency} at {cny_per_usd} CNY/USD"
        return self.model_copy(
            update={
                "input": scale(self.input),
                "output": scale(self.output),
                "cached_input": scale(self.cached_input),
                "output_thinking": scale(self.output_thinking),
                "currency": currency,
                "note": f"{self.note}; {note}" if self.note else note,
            }
        )


class Model(_Record):
    """A model a provider serves, under its real API id, with dated price points.

    ``released`` and ``retired`` bound the days it is on sale, when a source in
    ``lifecycle_sources`` states them; ``retired`` is the first day the provider no longer serves
    it. ``aliases`` are other ids the provider's responses name it by (dated snapshots).
    """

    provider: str
    id: str
    family: str | None = None
    kind: Literal["chat", "reasoning", "embedding"] = "chat"
    aliases: tuple[str, ...] = ()
    context_window: int | None = Field(default=None, gt=0)
    max_output_tokens: int | None = Field(default=None, gt=0)
    capabilities: Capabilities = Capabilities()
    released: dt.date | None = None
    retired: dt.date | None = None
    replaced_by: str | None = None
    lifecycle_sources: tuple[Source, ...] = ()
    prices: tuple[PricePoint, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check_lifecycle(self) -> Model:
        if (self.released or self.retired) and not self.lifecycle_sources:
            raise ValueError("released/retired need lifecycle_sources (where the dates come from)")
        if self.released and self.retired and self.released >= self.retired:
            raise ValueError(f"released ({self.released}) is not before retired ({self.retired})")
        return self

    @property
    def key(self) -> str:
        """``provider/id``, the string the client accepts."""
        return f"{self.provider}/{self.id}"

    @property
    def available_from(self) -> dt.date | None:
        """The first day a source shows it on sale: ``released``, else its earliest price point."""
        if self.released is not None:
            return self.released
        starts = [p.applies_from for p in self.prices]
        return min(starts) if starts else None

    def on_sale(self, on: dt.date) -> bool:
        """Whether a source shows the model on sale on ``on``: from :attr:`available_from` up to
        the day before ``retired``. With no dated source at all, ``False`` (the catalog does not
        guess when a model was sold).

        >>> Model(provider="p", id="m", prices=()).on_sale(dt.date(2024, 7, 1))
        False
        """
        start = self.available_from
        if start is None or on < start:
            return False
        return self.retired is None or on < self.retired

    def price(self, on: dt.date | None = None) -> PricePoint | None:
        """The price point in force on ``on`` (default: the newest), or ``None`` if unknown.

        The newest point whose ``applies_from`` is on or before the date wins; among points with
        the same date, the one listed last (e.g. a user's override) wins. On or after
        ``retired`` there is no price: the model is no longer sold.
        """
        if on is not None and self.retired is not None and on >= self.retired:
            return None
        best: PricePoint | None = None
        for point in self.prices:
            if on is not None and point.applies_from > on:
                continue
            if best is None or point.applies_from >= best.applies_from:
                best = point
        return best

    def row(self, on: dt.date | None = None) -> dict[str, Any]:
        """Flat dict for tables, with the price in force on ``on``."""
        point = self.price(on)
        row: dict[str, Any] = {
            "model": self.key,
            "family": self.family,
            "kind": self.kind,
            "context_window": self.context_window,
        }
        if on is not None:
            row["on_sale"] = self.on_sale(on)
        row.update({cap: getattr(self.capabilities, cap) for cap in CAPABILITIES})
        row.update(
            {
                "input_per_1m": point.input if point else None,
                "output_per_1m": point.output if point else None,
                "currency": point.currency if point else None,
                "price_from": point.applies_from if point else None,
                "price_as_of": point.as_of if point else None,
                "price_source": point.source.kind if point else None,
                "retired": self.retired,
            }
        )
        return row


class FxRate(_Record):
    """CNY per 1 USD on a date, with its source."""

    rate: PositiveFloat
    as_of: dt.date
    source: Source
    note: str | None = None
