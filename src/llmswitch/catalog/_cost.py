"""The cost of one response: its usage priced at the catalog's price on the response's date.

``cost(response)`` reads only attributes every llmswitch response has (``provider``, ``model``,
``created``, ``usage``); usage details may be dicts or objects. Where no source gives a price
the result has ``amount=None`` and a ``reason``: the catalog never guesses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from ._catalog import Catalog, load_catalog
from .schema import CatalogError, Currency, FxRate, Model, PricePoint

__all__ = ["Cost", "CostLine", "cost"]

LineKind = Literal["input", "cached_input", "output", "reasoning"]


@dataclass(frozen=True)
class CostLine:
    """One billed part of a response: ``tokens`` at ``price_per_1m`` make ``amount``."""

    kind: LineKind
    tokens: int
    price_per_1m: float
    amount: float


@dataclass(frozen=True)
class Cost:
    """What a response cost, or why that is unknown.

    ``amount`` is ``None`` exactly when ``reason`` says why (no usage, a model the catalog does
    not know, no price on the response's date, a price no source states). ``lines`` break the
    amount down; ``price`` is the catalog's price point used (in ``currency``).
    """

    amount: float | None
    currency: Currency | None = None
    model: str | None = None
    on: dt.date | None = None
    lines: tuple[CostLine, ...] = ()
    price: PricePoint | None = None
    reason: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        """Whether the amount is known."""
        return self.amount is not None

    def __str__(self) -> str:
        if self.amount is None:
            return f"unknown ({self.reason})"
        point = self.price
        since = f", price from {point.applies_from}" if point is not None else ""
        amount = f"{self.amount:.10f}".rstrip("0").rstrip(".")
        return f"{amount} {self.currency} ({self.model} on {self.on}{since})"


@lru_cache(maxsize=1)
def _default_catalog() -> Catalog:
    return load_catalog()


def cost(
    response: Any,
    *,
    on: dt.date | None = None,
    catalog: Catalog | None = None,
    currency: Currency | None = None,
    fx: FxRate | float | None = None,
) -> Cost:
    """The cost of ``response`` (a chat completion or embeddings response, or a dict like one).

    The model is ``response.provider`` + ``response.model``; the date is ``on``, else the
    response's ``created`` time (UTC), else today. Prompt tokens include
    ``usage.prompt_tokens_details.cached_tokens``, billed at the cached-input price where the
    catalog has one; completion tokens include ``usage.completion_tokens_details
    .reasoning_tokens``, billed at the output price (or at the thinking-mode output price where
    the provider bills thinking answers differently). The amount is in the price's currency,
    or in ``currency`` converted at ``fx`` (default: the catalog's dated rate).

    >>> c = cost(response)  # doctest: +SKIP
    >>> c.amount, c.currency, [(l.kind, l.tokens) for l in c.lines]  # doctest: +SKIP
    (0.0034, 'CNY', [('input', 1000), ('output', 500)])
    """
    cat = catalog if catalog is not None else _default_catalog()
    notes: list[str] = []
    day = on if on is not None else _created_day(_get(response, "created"))
    if day is None:
        day = dt.datetime.now(dt.timezone.utc).date()
        notes.append("the response has no creation time: priced as of today")
    usage = _get(response, "usage")
    if usage is None:
        return Cost(None, on=day, reason="the response has no usage", notes=tuple(notes))
    model, problem = _find_model(cat, _get(response, "provider"), _get(response, "model"))
    if model is None:
        return Cost(None, on=day, reason=problem, notes=tuple(notes))
    point = cat.price(model, on=day)
    if point is None:
        return Cost(None, model=model.key, on=day, reason=_no_price(model, day), notes=tuple(notes))
    if currency is not None:
        point = cat.convert(point, currency, fx)
    return _priced(model, day, point, usage, notes)


def _priced(model: Model, day: dt.date, point: PricePoint, usage: Any, notes: list[str]) -> Cost:
    prompt = _int(_get(usage, "prompt_tokens"))
    completion = _int(_get(usage, "completion_tokens"))
    cached = min(_int(_get(_get(usage, "prompt_tokens_details"), "cached_tokens")), prompt)
    reasoning = _int(_get(_get(usage, "completion_tokens_details"), "reasoning_tokens"))
    if reasoning > completion:
        notes.append("reasoning tokens reported apart from completion tokens: both billed")
        completion += reasoning
    lines: list[CostLine] = []

    def add(kind: LineKind, tokens: int, price: float | None, what: str) -> str | None:
        if tokens <= 0:
            return None
        if price is None:
            return f"{what} price of {model.key} on {day} unknown (the source lists none)"
        lines.append(CostLine(kind, tokens, price, tokens * price / 1_000_000))
        return None

    problems = []
    if cached and point.cached_input is not None:
        problems.append(add("cached_input", cached, point.cached_input, "cached-input"))
        problems.append(add("input", prompt - cached, point.input, "input"))
    else:
        if cached:
            notes.append("cached tokens billed at the input price: no separate price sourced")
        problems.append(add("input", prompt, point.input, "input"))
    if reasoning and point.output_thinking is not None:
        notes.append("thinking-mode answer: all output at the thinking-mode output price")
        problems.append(add("output", completion, point.output_thinking, "thinking-mode output"))
    else:
        problems.append(add("output", completion - reasoning, point.output, "output"))
        problems.append(add("reasoning", reasoning, point.output, "output"))
    reason = next((p for p in problems if p is not None), None)
    common: dict[str, Any] = {
        "currency": point.currency,
        "model": model.key,
        "on": day,
        "price": point,
        "notes": tuple(notes),
    }
    if reason is not None:
        return Cost(None, reason=reason, **common)
    return Cost(sum(line.amount for line in lines), lines=tuple(lines), **common)


def _find_model(cat: Catalog, provider: Any, model_id: Any) -> tuple[Model | None, str]:
    if not isinstance(provider, str) or not provider:
        return None, "the response names no provider"
    if not isinstance(model_id, str) or not model_id:
        return None, "the response names no model"
    try:
        name = cat.provider_name(provider)
    except CatalogError:
        return None, f"provider {provider!r} is not in the catalog"
    bare = model_id.split("/", 1)[1] if model_id.lower().startswith(f"{name}/") else model_id
    wanted = bare.lower()
    candidates = list(cat.models(provider=name))
    for match in (
        lambda m: m.id == bare,
        lambda m: m.id.lower() == wanted,
        lambda m: wanted in (a.lower() for a in m.aliases),
    ):
        found = [m for m in candidates if match(m)]
        if found:
            return found[0], ""
    return None, f"model {model_id!r} of {name} is not in the catalog"


def _no_price(model: Model, day: dt.date) -> str:
    if model.retired is not None and day >= model.retired:
        return f"{model.key} was retired on {model.retired}"
    later = sorted(p.applies_from for p in model.prices if p.applies_from > day)
    if later:
        return f"no price of {model.key} known on {day} (first known from {later[0]})"
    return f"no source gives a price for {model.key}"


def _created_day(created: Any) -> dt.date | None:
    if isinstance(created, bool) or not isinstance(created, (int, float)) or created <= 0:
        return None
    return dt.datetime.fromtimestamp(created, tz=dt.timezone.utc).date()


def _get(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0
    return max(int(value), 0)
