"""Cost arithmetic of the planner: one model, twelve months, free tokens burned down first.

Pure functions over numbers, so the tests can check them against hand-computed figures.
Prices are per 1M tokens in the report currency; ``None`` means unknown, and an unknown price
for a volume that is not zero makes the cost unknown (never guessed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["MonthCost", "add_months", "burn_down"]


@dataclass(frozen=True)
class MonthCost:
    """One month of one candidate: volumes, free tokens used and left, cost net of offers."""

    month: int
    """1-based month of the projection."""
    start: dt.date
    input_tokens: float
    output_tokens: float
    embedding_tokens: float
    free_used: float
    free_left: float
    gross: float | None
    """Cost at list price, before free tokens (``None`` = price unknown)."""
    cost: float | None
    """Cost net of free tokens."""
    cumulative: float | None

    @property
    def covered(self) -> bool:
        """True when free tokens paid for every chat token of the month."""
        usage = self.input_tokens + self.output_tokens
        return usage > 0 and self.free_used >= usage - 1e-6


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``day``'s month.

    >>> add_months(dt.date(2024, 11, 9), 2)
    datetime.date(2025, 1, 1)
    """
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _price(tokens: float, per_million: float | None) -> float | None:
    if tokens == 0:
        return 0.0
    if per_million is None:
        return None
    return tokens * per_million / 1_000_000


def burn_down(
    volumes: Sequence[tuple[float, float, float]],
    *,
    free_tokens: float,
    input_price: float | None,
    output_price: float | None,
    embedding_price: float | None = None,
    start: dt.date,
) -> list[MonthCost]:
    """Month-by-month cost: free tokens pay for chat tokens (input + output) until used up.

    A partly covered month pays the uncovered share of its chat cost; embeddings are billed at
    ``embedding_price`` (free chat grants do not cover them).

    >>> [m.cost for m in burn_down([(1e6, 0, 0)] * 3, free_tokens=1.5e6, input_price=2.0,
    ...                            output_price=8.0, start=dt.date(2024, 7, 1))]
    [0.0, 1.0, 2.0]
    """
    left = float(free_tokens)
    total: float | None = 0.0
    out: list[MonthCost] = []
    for index, (inp, outp, emb) in enumerate(volumes):
        usage = inp + outp
        used = min(left, usage)
        left -= used
        share = used / usage if usage else 0.0
        chat_in, chat_out = _price(inp, input_price), _price(outp, output_price)
        embedding = _price(emb, embedding_price)
        gross: float | None = None
        cost: float | None = None
        if chat_in is not None and chat_out is not None and embedding is not None:
            gross = chat_in + chat_out + embedding
            cost = (chat_in + chat_out) * (1.0 - share) + embedding
        elif share >= 1.0 and embedding is not None:
            cost = embedding  # fully covered: the unknown chat price does not matter this month
        total = None if total is None or cost is None else total + cost
        out.append(
            MonthCost(
                month=index + 1,
                start=add_months(start, index),
                input_tokens=inp,
                output_tokens=outp,
                embedding_tokens=emb,
                free_used=used,
                free_left=left,
                gross=gross,
                cost=cost,
                cumulative=total,
            )
        )
    return out
