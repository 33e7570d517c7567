"""``compare(workload, ...)``: what a workload costs on each candidate model over twelve months.

For each candidate that meets the workload's needs: the list price on the comparison date (in
the report currency), the free tokens of every offer active that day burned down month by month,
the first-year cost net of offers and the savings against the baseline. Candidates whose price
is unknown stay in the table with the reason; candidates that lack a feature are listed apart
with their gaps. The report currency defaults to CNY (most candidates price in CNY).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..catalog import Catalog, Currency, FxRate, Model, Offer, Source, load_catalog
from ._comparison import Comparison
from ._costs import burn_down
from ._rows import CandidateCost, OfferUse
from .workload import Workload

__all__ = ["CandidateCost", "Comparison", "OfferUse", "compare"]


def compare(
    workload: Workload,
    baseline: str = "openai/gpt-4o",
    on: dt.date | None = None,
    *,
    catalog: Catalog | None = None,
    fx: FxRate | float | None = None,
    currency: Currency = "CNY",
    candidates: Iterable[str] | None = None,
    months: int = 12,
    include_unconfirmed: bool = False,
) -> Comparison:
    """Cost ``workload`` on every candidate model against ``baseline``, as of ``on``.

    ``on`` defaults to ``workload.start``, else today; prices are those in force that day and
    offers those ``active`` that day (``include_unconfirmed=True`` also applies offers whose
    status is ``unknown`` because no source confirms them after their start). ``candidates``
    are ``provider/model`` keys or provider names (default: every chat model of every provider
    llmswitch can call, except the baseline's). ``fx`` is CNY per USD (default: the catalog's
    dated rate).

    >>> cmp = compare(Workload(input_tokens="50M", output_tokens="10M"), on=dt.date(2024, 7, 1))
    >>> cmp.row("qwen/qwen-plus")["free_tokens"]
    22000000
    """
    cat = catalog or load_catalog()
    day = on or workload.start or dt.date.today()
    rate = _fx_rate(cat, fx, day)
    base_model = cat.model(baseline)
    chosen = _candidates(cat, candidates, exclude_provider=base_model.provider, day=day)
    offer_uses = [_offer_use(o, day, include_unconfirmed) for o in cat.offers()]
    applied = [u.offer for u in offer_uses if u.applied]
    volumes = [workload.volume(m) for m in range(1, months + 1)]
    ctx = _Context(cat, workload, day, rate, currency, volumes)
    base = ctx.cost(base_model, "baseline", [])
    rows = [ctx.cost(m, "candidate", applied) for m in chosen]
    base_total = base.first_year
    rows = [_with_savings(r, base_total) if r.status == "ok" else r for r in rows if r is not None]
    return Comparison(
        workload=workload,
        on=day,
        currency=currency,
        fx=rate,
        baseline=base,
        rows=rows,
        offers=offer_uses,
        catalog=cat,
    )


def _with_savings(row: CandidateCost, base_total: float | None) -> CandidateCost:
    if base_total is None or row.first_year is None:
        return row
    return replace(row, savings=base_total - row.first_year)


def _fx_rate(cat: Catalog, fx: FxRate | float | None, day: dt.date) -> FxRate:
    if fx is None:
        return cat.fx
    if isinstance(fx, FxRate):
        return fx
    return FxRate(
        rate=float(fx),
        as_of=day,
        source=Source(url="(given by the caller)", kind="user"),
        note="rate passed as fx=",
    )


def _candidates(
    cat: Catalog, names: Iterable[str] | None, exclude_provider: str, day: dt.date
) -> list[Model]:
    """The models to compare: all but those a source dates as not yet released or already
    retired on ``day`` (a model with no price that day stays, its row says why); a model named
    explicitly is kept whatever its dates."""
    from ..providers import PROVIDERS

    if names is None:
        return [
            m
            for m in cat.models()
            if m.kind in ("chat", "reasoning")
            and m.provider in PROVIDERS
            and m.provider != exclude_provider
            and _served(m, day)
        ]
    out: list[Model] = []
    for name in names:
        if "/" in name:
            out.append(cat.model(name))
        else:
            out.extend(
                m
                for m in cat.models(provider=name)
                if m.kind in ("chat", "reasoning") and _served(m, day)
            )
    return list({m.key: m for m in out}.values())


def _served(model: Model, day: dt.date) -> bool:
    """Not released after ``day`` nor retired on or before it, by the dates sources state."""
    if model.released is not None and day < model.released:
        return False
    return model.retired is None or day < model.retired


def _offer_use(offer: Offer, day: dt.date, include_unconfirmed: bool) -> OfferUse:
    status = offer.status(day)
    if status == "active":
        return OfferUse(offer, status, True, _grant_note(offer))
    if status == "unknown" and include_unconfirmed:
        note = f"applied although unconfirmed after {offer.confirmed_until}"
        return OfferUse(offer, status, True, note)
    why = {
        "upcoming": f"not started on {day}",
        "expired": f"ended {offer.end}",
        "unknown": f"no source confirms it running on {day}"
        + (f" (last confirmed {offer.confirmed_until})" if offer.confirmed_until else ""),
    }[status]
    return OfferUse(offer, status, False, why)


def _grant_note(offer: Offer) -> str | None:
    notes = []
    if any(g.model is None and g.tokens for g in offer.grants):
        notes.append("model not stated: counted for each model of the provider")
    if any(g.tokens is None for g in offer.grants):
        notes.append("part of the grant has no stated size and is not counted")
    return "; ".join(notes) or None


@dataclass
class _Context:
    cat: Catalog
    workload: Workload
    day: dt.date
    fx: FxRate
    currency: Currency
    volumes: list[tuple[float, float, float]]

    def gaps(self, model: Model) -> list[str]:
        caps = model.capabilities
        gaps = []
        for need in self.workload.features:
            value = getattr(caps, need)
            if value is not True:
                gaps.append(f"{need}: {'no' if value is False else 'unknown (no source says)'}")
        need_ctx = self.workload.context_tokens
        if need_ctx:
            if model.context_window is None:
                gaps.append("context window unknown")
            elif model.context_window < int(need_ctx):
                gaps.append(f"context {model.context_window:,} < {int(need_ctx):,}")
        return gaps

    def embedding(self, provider: str) -> tuple[Model | None, float | None, str | None]:
        models = [
            m
            for m in self.cat.models(provider=provider)
            if m.kind == "embedding" and _served(m, self.day)
        ]
        if not models:
            return None, None, f"embeddings: {provider} has no embedding model in the catalog"
        priced = []
        for m in models:
            point = self.cat.price(m, on=self.day, currency=self.currency, fx=self.fx)
            if point is not None and point.input is not None:
                priced.append((point.input, m))
        if not priced:
            return models[0], None, f"no embedding price known for {provider} on {self.day}"
        price, model = min(priced, key=lambda p: p[0])
        return model, price, None

    def cost(self, model: Model, role: str, offers: list[Offer]) -> CandidateCost:
        gaps = self.gaps(model)
        emb_model, emb_price, emb_problem = None, None, None
        if int(self.workload.embedding_tokens) > 0:
            emb_model, emb_price, emb_problem = self.embedding(model.provider)
            if emb_model is None and emb_problem:
                gaps.append(emb_problem)
        common: dict[str, Any] = {"model": model.key, "provider": model.provider, "role": role}
        if gaps and role == "candidate":
            return CandidateCost(status="excluded", gaps=tuple(gaps), **common)
        free, used = _free_tokens(model, offers)
        point = self.cat.price(model, on=self.day, currency=self.currency, fx=self.fx)
        months = burn_down(
            self.volumes,
            free_tokens=free,
            input_price=point.input if point else None,
            output_price=point.output if point else None,
            embedding_price=emb_price,
            start=self.day.replace(day=1),
        )
        reason = _unknown_reason(model, point is None, self.day)
        if reason is None and point is not None:
            if point.input is None and self.workload.input_tokens:
                reason = f"input price unknown ({point.as_of} source lists none)"
            elif point.output is None and self.workload.output_tokens:
                reason = f"output price unknown ({point.as_of} source lists none)"
        if reason is None and emb_problem:
            reason = emb_problem
        notes = tuple(f"{role} lacks {g}" for g in gaps) if role == "baseline" else ()
        return CandidateCost(
            status="ok" if months[-1].cumulative is not None else "unknown price",
            reason=reason if months[-1].cumulative is None else None,
            input_price=point.input if point else None,
            output_price=point.output if point else None,
            price_as_of=point.as_of if point else None,
            price_source=point.source.kind if point else None,
            embedding_model=emb_model.key if emb_model else None,
            embedding_price=emb_price,
            free_tokens=int(free),
            offers=tuple(used),
            months=tuple(months),
            notes=notes,
            **common,
        )


def _unknown_reason(model: Model, missing: bool, day: dt.date) -> str | None:
    if not missing:
        return None
    if model.retired is not None and day >= model.retired:
        return f"retired on {model.retired}" + (
            f" (replaced by {model.replaced_by})" if model.replaced_by else ""
        )
    later = sorted(p.applies_from for p in model.prices if p.applies_from > day)
    if later:
        return f"no price known on or before {day} (first known from {later[0]})"
    return "no price found by the catalog's sources"


def _free_tokens(model: Model, offers: list[Offer]) -> tuple[int, list[str]]:
    total, used = 0, []
    for offer in offers:
        if offer.provider != model.provider:
            continue
        tokens = sum(g.tokens for g in offer.grants if g.tokens and g.model in (model.id, None))
        if tokens:
            total += tokens
            used.append(offer.id)
    return total, used
