"""Typed records of the catalog: providers, models, price points, offers, events, FX rates.

Every record is a frozen pydantic model with ``extra="forbid"``; an unknown term is ``None``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveFloat, model_validator

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


class FreeTokenGrant(_Record):
    """Free tokens for one model (``model`` is an API id of the offer's provider, or ``None``)."""

    model: str | None = None
    model_as_stated: str | None = None
    tokens: NonNegativeInt | None = None
    note: str | None = None


class SupportTerms(_Record):
    """Non-token terms of an offer; ``None`` = no source mentions it."""

    migration_help: bool | None = None
    training: bool | None = None
    fine_tuning: bool | None = None
    consulting: bool | None = None
    expert_support: bool | None = None
    openai_compatible_api: bool | None = None
    rate_limits_matched: bool | None = None
    details: str | None = None


class Offer(_Record):
    """A provider's offer to developers leaving OpenAI, with its researched terms."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    provider: str
    name: str | None = None
    name_original: str | None = None
    grants: tuple[FreeTokenGrant, ...] = ()
    free_tokens_stated: NonNegativeInt | None = None
    models_as_stated: tuple[str, ...] = ()
    extra_terms: tuple[str, ...] = ()
    eligibility: str | None = None
    support: SupportTerms = SupportTerms()
    announced: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    first_reported: dt.date | None = None
    last_confirmed: dt.date | None = None
    sources: tuple[Source, ...] = Field(min_length=1)
    confidence: Confidence
    confidence_note: str | None = None
    in_seed_articles: bool | None = None
    notes: tuple[str, ...] = ()
    discrepancies: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Offer:
        pairs = [
            ("announced", self.announced, "end", self.end),
            ("start", self.start, "end", self.end),
            ("announced", self.announced, "last_confirmed", self.last_confirmed),
            ("start", self.start, "last_confirmed", self.last_confirmed),
        ]
        for a_name, a, b_name, b in pairs:
            if a is not None and b is not None and a > b:
                raise ValueError(f"{a_name} ({a}) is after {b_name} ({b})")
        known = [g.tokens for g in self.grants if g.tokens is not None]
        unknown = any(g.tokens is None for g in self.grants)
        stated = self.free_tokens_stated
        if stated is not None and known and not unknown and sum(known) != stated:
            raise ValueError(f"grants sum to {sum(known)} but free_tokens_stated is {stated}")
        return self

    @property
    def total_free_tokens(self) -> int | None:
        """Sum of the known per-model grants, else the stated total, else ``None``.

        When some grant has unknown size (Baidu's tokens matched to OpenAI usage) this is a
        lower bound; see :attr:`total_is_lower_bound`.
        """
        known = [g.tokens for g in self.grants if g.tokens is not None]
        if known:
            return sum(known)
        return self.free_tokens_stated

    @property
    def total_is_lower_bound(self) -> bool:
        """True when part of the grant has an unknown size."""
        return any(g.tokens is None for g in self.grants) and self.total_free_tokens is not None

    @property
    def models(self) -> tuple[str, ...]:
        """API ids of the models the grants name (those that name one)."""
        return tuple(g.model for g in self.grants if g.model is not None)

    @property
    def confirmed_until(self) -> dt.date | None:
        """``last_confirmed``, else the newest dated source."""
        if self.last_confirmed is not None:
            return self.last_confirmed
        dates = [s.date for s in self.sources if s.date is not None]
        return max(dates) if dates else None

    def status(self, on: dt.date | None = None) -> OfferStatus:
        """``upcoming`` | ``active`` | ``expired`` | ``unknown`` on ``on`` (default today).

        Upcoming before the start (or the announcement when the start is unknown); expired after
        a known end; with no known end, active only up to :attr:`confirmed_until`. With neither
        start nor announcement known, active only from ``first_reported``; before that, unknown.
        """
        day = on or dt.date.today()
        lower = self.start or self.announced
        if lower is not None and day < lower:
            return "upcoming"
        if self.end is not None and day > self.end:
            return "expired"
        if lower is None and (self.first_reported is None or day < self.first_reported):
            return "unknown"
        if self.end is not None:
            return "active"
        until = self.confirmed_until
        return "active" if until is not None and day <= until else "unknown"

    def row(self, on: dt.date | None = None) -> dict[str, Any]:
        """Flat dict for tables; ``status`` is computed for ``on`` (default today)."""
        return {
            "offer": self.id,
            "provider": self.provider,
            "name": self.name,
            "total_free_tokens": self.total_free_tokens,
            "lower_bound": self.total_is_lower_bound,
            "grants": "; ".join(
                f"{g.model or g.model_as_stated or '?'}: {'?' if g.tokens is None else g.tokens}"
                for g in self.grants
            ),
            "announced": self.announced,
            "start": self.start,
            "end": self.end,
            "confirmed_until": self.confirmed_until,
            "status": self.status(on),
            "confidence": self.confidence,
            "sources": len(self.sources),
        }


class PriceChange(_Record):
    """Before/after list prices of one model in an event (per 1M tokens; ``None`` = unknown)."""

    model: str | None = None
    model_as_stated: str
    currency: Currency = "CNY"
    input_before: float | None = Field(default=None, ge=0)
    input_after: float | None = Field(default=None, ge=0)
    output_before: float | None = Field(default=None, ge=0)
    output_after: float | None = Field(default=None, ge=0)
    note: str | None = None


class Event(_Record):
    """A dated event that frames the offers (OpenAI's notice and block, the May 2024 cuts)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    date: dt.date
    date_precision: Literal["day", "month"] = "day"
    kind: Literal["notice", "block", "price_cut", "launch", "promotion"]
    provider: str | None = None
    title: str
    description: str | None = None
    price_changes: tuple[PriceChange, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=1)
    confidence: Confidence = "medium"
    notes: tuple[str, ...] = ()

    def row(self, on: dt.date | None = None) -> dict[str, Any]:
        """Flat dict for tables (``on`` is accepted for symmetry and ignored)."""
        return {
            "event": self.id,
            "date": self.date,
            "kind": self.kind,
            "provider": self.provider,
            "title": self.title,
            "price_changes": len(self.price_changes),
            "confidence": self.confidence,
        }


class FxRate(_Record):
    """CNY per 1 USD on a date, with its source."""

    rate: PositiveFloat
    as_of: dt.date
    source: Source
    note: str | None = None
