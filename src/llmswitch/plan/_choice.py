"""What a scan says the plan needs, and the choice of a target and a fallback that meet it.

The needs come from the code, not from a default: the features found (tools, JSON mode,
vision, streaming), embeddings, and the context window of the OpenAI models the app names (a
model that served a 128K-token conversation is not replaced by an 8K one). The baseline is the
app's own model, per alias. The target and the fallback each meet every need, and the fallback
is on another provider; where nothing meets them, the plan says which need rules them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..catalog import Catalog, Model
from ._rows import CandidateCost
from ._verdicts import _model_kind

if TYPE_CHECKING:
    from .scan import ScanResult

__all__ = ["Needs", "catalog_model", "choose", "gaps", "needs_of", "with_stated_context"]

_DATE = re.compile(r"-(\d{4}-\d{2}-\d{2}|\d{4})$")


@dataclass(frozen=True)
class Needs:
    """What the code needs of a model, and why (the finding that shows each need)."""

    features: tuple[str, ...] = ()
    context: int | None = None
    embeddings: bool = False
    baselines: dict[str, str | None] = field(default_factory=dict)
    """Each chat model the code names -> its catalog key (``None``: not in the catalog)."""
    context_model: str | None = None
    """The model whose window is the context need (the app's main model)."""
    why: dict[str, str] = field(default_factory=dict)

    @property
    def baseline(self) -> str | None:
        """The app's main chat model (the most used one the catalog knows)."""
        return next((k for k in self.baselines.values() if k), None)

    def describe(self) -> str:
        """One line: every need and where it comes from."""
        parts = [f"{f} ({self.why.get(f, 'found')})" for f in self.features]
        if self.embeddings:
            parts.append(f"embeddings ({self.why.get('embeddings', 'found')})")
        if self.context:
            parts.append(f"context ≥ {self.context:,} ({self.why.get('context', '')})")
        return "; ".join(parts) or "nothing beyond plain chat"


def catalog_model(name: str, catalog: Catalog) -> Model | None:
    """The catalog's OpenAI model for a name in the code: exact, else without a date suffix
    (``gpt-4o-2024-08-06`` is priced as listed, ``gpt-4o-mini-2024-07-18`` as ``gpt-4o-mini``)."""
    known = {m.id: m for m in catalog.models(provider="openai")}
    candidate = name.removeprefix("ft:").split(":")[0]
    while candidate:
        if candidate in known:
            return known[candidate]
        shorter = _DATE.sub("", candidate)
        if shorter == candidate:
            return None
        candidate = shorter
    return None


def needs_of(scan: ScanResult, catalog: Catalog) -> Needs:
    """The needs a scan shows: features with their first evidence, embeddings, the context
    window of the app's main model (the most used one the catalog knows; an app that lists
    every OpenAI model does not need the largest window of them all), and each chat model's
    catalog key (its baseline)."""
    why: dict[str, str] = {}
    for feature in (*scan.features(), "embeddings"):
        evidence = scan.evidence(feature)
        if evidence:
            first = evidence[0]
            why[feature] = f"{first.file}:{first.line}" + (
                f" and {len(evidence) - 1} more" if len(evidence) > 1 else ""
            )
    baselines: dict[str, str | None] = {}
    context: tuple[int, str] | None = None
    for name in scan.models:
        if _model_kind(name) != "chat":
            continue
        model = catalog_model(name, catalog)
        baselines[name] = model.key if model else None
        if context is None and model is not None and model.context_window:
            context = (model.context_window, name)  # the main model's, not the largest named
    if context:
        why["context"] = f"the context window of {context[1]}, the model the code uses most"
    return Needs(
        features=scan.features(),
        context=context[0] if context else None,
        context_model=context[1] if context else None,
        embeddings=scan.uses_embeddings(),
        baselines=baselines,
        why=why,
    )


def with_stated_context(needs: Needs, stated: int | str | None) -> Needs:
    """A workload's own ``context_tokens`` (measured by its owner) replaces the window of the
    app's model as the context need; the reason says both."""
    if not stated:
        return needs
    value = int(stated)
    if value == needs.context:
        return needs
    why = dict(needs.why)
    why["context"] = "the workload's context_tokens"
    if needs.context and needs.context_model:
        why["context"] += f"; the code's {needs.context_model} has {needs.context:,}"
    return replace(needs, context=value, why=why)


def gaps(model: Model, needs: Needs, catalog: Catalog) -> list[str]:
    """Why ``model`` cannot serve the code (empty when it can)."""
    out = []
    for feature in needs.features:
        value = getattr(model.capabilities, feature)
        if value is not True:
            out.append(f"{feature}: {'no' if value is False else 'unknown (no source says)'}")
    if needs.context:
        if model.context_window is None:
            out.append("context window unknown")
        elif model.context_window < needs.context:
            out.append(f"context {model.context_window:,} < {needs.context:,}")
    if needs.embeddings and not any(
        m.kind == "embedding" for m in catalog.models(provider=model.provider)
    ):
        out.append(f"embeddings: no {model.provider} embedding model in the catalog")
    return out


def choose(
    ranked: list[CandidateCost],
    needs: Needs,
    catalog: Catalog,
    rejected: dict[str, str],
) -> tuple[CandidateCost | None, CandidateCost | None]:
    """The first of ``ranked`` that meets every need, and the first after it of another
    provider that does too; ``rejected`` gets, per model left out, its gaps."""
    fit: list[CandidateCost] = []
    for row in ranked:
        missing = gaps(catalog.model(row.model), needs, catalog)
        if missing:
            rejected[row.model] = "; ".join(missing)
        else:
            fit.append(row)
    target = fit[0] if fit else None
    fallback = next((r for r in fit if target and r.provider != target.provider), None)
    return target, fallback
