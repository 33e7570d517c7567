"""Offers (free tokens, support terms, dates, status on a day) and market events."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, NonNegativeInt, model_validator

from ._records import Confidence, Currency, OfferStatus, Source, _Record

__all__ = ["Event", "FreeTokenGrant", "Offer", "PriceChange", "SupportTerms"]


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
