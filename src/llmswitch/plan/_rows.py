"""The rows of a comparison: one model's cost (:class:`CandidateCost`) and one offer as it stood
on the comparison date (:class:`OfferUse`). Plain data, below everything that builds or shows them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from ..catalog import Offer
from ._costs import MonthCost

__all__ = ["CandidateCost", "OfferUse", "Status"]

Status = Literal["ok", "unknown price", "excluded"]


@dataclass(frozen=True)
class OfferUse:
    """An offer as it stood on the comparison date, and whether the comparison applied it."""

    offer: Offer
    status: str
    applied: bool
    note: str | None = None

    def row(self) -> dict[str, Any]:
        """Flat dict for tables and JSON."""
        o = self.offer
        return {
            "offer": o.id,
            "provider": o.provider,
            "name": o.name,
            "status": self.status,
            "applied": self.applied,
            "total_free_tokens": o.total_free_tokens,
            "lower_bound": o.total_is_lower_bound,
            "grants": "; ".join(
                f"{g.model or g.model_as_stated or 'model not stated'}: "
                f"{'unknown' if g.tokens is None else f'{g.tokens:,}'}"
                for g in o.grants
            ),
            "confidence": o.confidence,
            "sources": [
                {"url": s.url, "outlet": s.outlet, "date": s.date.isoformat() if s.date else None}
                for s in o.sources
            ],
            "note": self.note,
        }


@dataclass(frozen=True)
class CandidateCost:
    """One model's cost for the workload (or why it has none)."""

    model: str
    provider: str
    role: Literal["baseline", "candidate"]
    status: Status
    reason: str | None = None
    gaps: tuple[str, ...] = ()
    input_price: float | None = None
    output_price: float | None = None
    price_as_of: dt.date | None = None
    price_source: str | None = None
    embedding_model: str | None = None
    embedding_price: float | None = None
    free_tokens: int = 0
    offers: tuple[str, ...] = ()
    months: tuple[MonthCost, ...] = ()
    notes: tuple[str, ...] = ()
    savings: float | None = field(default=None, compare=False)

    @property
    def monthly_cost(self) -> float | None:
        """Cost of month 1 at list price, before free tokens."""
        return self.months[0].gross if self.months else None

    @property
    def first_year_gross(self) -> float | None:
        """Twelve months at list price (``None`` if any month's price is unknown)."""
        values = [m.gross for m in self.months]
        return None if not values or None in values else sum(v for v in values if v is not None)

    @property
    def first_year(self) -> float | None:
        """Twelve months net of free tokens (``None`` if unknown)."""
        return self.months[-1].cumulative if self.months else None

    @property
    def free_months(self) -> int:
        """Months fully paid for by free tokens."""
        return sum(1 for m in self.months if m.covered)

    @property
    def runs_out_in(self) -> int | None:
        """The month in which the free tokens run out (``None``: none, or they outlast the
        projection)."""
        if not self.free_tokens:
            return None
        for m in self.months:
            if m.free_left <= 0:
                return m.month
        return None

    def row(self) -> dict[str, Any]:
        """Flat dict for tables and JSON."""
        return {
            "model": self.model,
            "provider": self.provider,
            "role": self.role,
            "status": self.status,
            "input_per_1m": self.input_price,
            "output_per_1m": self.output_price,
            "price_as_of": self.price_as_of,
            "price_source": self.price_source,
            "embedding_model": self.embedding_model,
            "monthly_cost": self.monthly_cost,
            "free_tokens": self.free_tokens,
            "free_months": self.free_months,
            "free_runs_out_month": self.runs_out_in,
            "first_year_gross": self.first_year_gross,
            "first_year_net": self.first_year,
            "savings_vs_baseline": self.savings,
            "offers": ", ".join(self.offers),
            "reason": self.reason or ("; ".join(self.gaps) if self.gaps else None),
        }
