"""``report(...)``: a migration report (Markdown, JSON, HTML) and a ready ``llmswitch.toml``.

It combines a scan (what the code uses and what blocks each provider), a comparison (what the
workload costs where, net of offers) and the offers as they stood (with sources and
confidence), picks a target and a fallback, and writes the config that routes the code's model
names to them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalog import Catalog, load_catalog
from ._comparison import Comparison
from ._config_gen import aliases_for, config_toml
from ._doc import Section, to_html, to_markdown
from ._report_sections import sections
from ._rows import CandidateCost
from .scan import ScanResult

__all__ = ["Report", "report"]


@dataclass
class Report:
    """A migration report; :meth:`write` saves every format and the config into a folder."""

    title: str
    scan: ScanResult | None
    comparison: Comparison | None
    target: CandidateCost | None
    fallback: CandidateCost | None
    aliases: dict[str, list[str]]
    config: str
    skipped_aliases: list[str] = field(default_factory=list)
    why_not: dict[str, str] = field(default_factory=dict)
    plot_file: str | None = None

    def sections(self) -> list[Section]:
        """The report's content, format-neutral."""
        return sections(self)

    def to_markdown(self) -> str:
        """The report as Markdown."""
        return to_markdown(self.title, self.sections())

    def to_html(self) -> str:
        """The report as one HTML page."""
        return to_html(self.title, self.sections())

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (scan, comparison, choice, aliases, config text)."""
        return {
            "title": self.title,
            "generated": dt.date.today().isoformat(),
            "target": self.target.model if self.target else None,
            "fallback": self.fallback.model if self.fallback else None,
            "not_chosen": self.why_not,
            "aliases": self.aliases,
            "skipped_aliases": self.skipped_aliases,
            "config": self.config,
            "scan": self.scan.to_dict() if self.scan else None,
            "comparison": self.comparison.to_dict() if self.comparison else None,
        }

    def write(self, out_dir: str | Path, *, plot: bool = True) -> dict[str, Path]:
        """Write ``report.md``, ``report.html``, ``report.json``, ``llmswitch.toml`` and, when
        matplotlib is installed, ``burn_down.png`` into ``out_dir``; return the paths.

        >>> report(scan("examples/support_bot"), cmp).write("build/plan")  # doctest: +SKIP
        """
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths: dict[str, Path] = {}
        if plot and self.comparison is not None:
            try:
                from matplotlib.figure import Figure
            except ImportError:
                self.plot_file = None
            else:  # a bare Figure: no pyplot, no GUI backend, works headless
                fig = Figure(figsize=(9, 5), layout="constrained")
                self.comparison.plot(ax=fig.subplots(), path=out / "burn_down.png")
                self.plot_file = "burn_down.png"
                paths["plot"] = out / "burn_down.png"
        paths["markdown"] = out / "report.md"
        paths["markdown"].write_text(self.to_markdown(), encoding="utf-8")
        paths["html"] = out / "report.html"
        paths["html"].write_text(self.to_html(), encoding="utf-8")
        paths["json"] = out / "report.json"
        text = json.dumps(self.to_dict(), indent=2, ensure_ascii=False, default=str)
        paths["json"].write_text(text + "\n", encoding="utf-8")
        paths["config"] = out / "llmswitch.toml"
        paths["config"].write_text(self.config, encoding="utf-8")
        return dict(sorted(paths.items()))


def report(
    scan: ScanResult | None = None,
    comparison: Comparison | None = None,
    *,
    target: str | None = None,
    fallback: str | None = None,
    title: str | None = None,
    catalog: Catalog | None = None,
) -> Report:
    """Build a migration report from a scan and/or a comparison.

    The target is ``target`` if given, else the priced candidate whose provider has the fewest
    blockers of its own in the scan (blockers common to every provider do not count), the
    cheapest first-year cost breaking ties; the fallback is the best such candidate of another
    provider (or, when there is none, the next model of the same provider). The config aliases
    every OpenAI model the code names (or the baseline's, without a scan) to
    ``[target, fallback]``.

    >>> from llmswitch.plan import Workload, compare, scan
    >>> rep = report(scan("examples/support_bot"), compare(Workload.from_toml(
    ...     "examples/support_bot/workload.toml")))  # doctest: +SKIP
    >>> rep.write("build/plan")  # doctest: +SKIP
    """
    cat = comparison.catalog if comparison is not None else catalog or load_catalog()
    why_not: dict[str, str] = {}
    chosen, backup = _choose(scan, comparison, target, fallback, why_not)
    chain = [r.model for r in (chosen, backup) if r is not None]
    if target and not chosen:
        chain = [target, *([fallback] if fallback else [])]
    models = scan.models if scan is not None and scan.models else []
    if not models and comparison is not None:
        models = [comparison.baseline.model.split("/", 1)[1]]
    aliases, skipped = aliases_for(models, chain, cat) if chain else ({}, [])
    embedding = {r.provider: r.embedding_model for r in (chosen, backup) if r is not None}
    if chain and any(embedding.values()):
        aliases, skipped = aliases_for(models, chain, cat, embedding)
    name = title or f"Migration plan for {Path(scan.root).name if scan else 'your workload'}"
    return Report(
        title=name,
        scan=scan,
        comparison=comparison,
        target=chosen,
        fallback=backup,
        aliases=aliases,
        config=config_toml(aliases, notes=skipped),
        skipped_aliases=skipped,
        why_not=why_not,
    )


def _choose(
    scan: ScanResult | None,
    comparison: Comparison | None,
    target: str | None,
    fallback: str | None,
    why_not: dict[str, str],
) -> tuple[CandidateCost | None, CandidateCost | None]:
    if comparison is None:
        return None, None
    own: dict[str, int] = {}
    if scan is not None:
        # a blocker on every provider is migration work, not a reason to prefer one of them
        everywhere = {id(f) for f in scan.blockers() if set(f.blockers) == set(scan.providers)}
        for provider in scan.providers:
            count = sum(1 for f in scan.blockers(provider) if id(f) not in everywhere)
            own[provider] = count
            if count:
                why_not[provider] = f"{count} blocker(s) specific to {provider} in the scan"
    ranked = sorted(
        (r for r in comparison.candidates if r.status == "ok"),
        key=lambda r: (own.get(r.provider, 0), r.first_year or 0.0),
    )
    chosen = comparison.get(target) if target is not None else (ranked[0] if ranked else None)
    backup: CandidateCost | None = None
    if fallback is not None:
        backup = comparison.get(fallback)
    elif chosen is not None:
        others = [r for r in ranked if r.provider != chosen.provider]
        others = others or [r for r in ranked if r.model != chosen.model]  # same provider
        backup = others[0] if others else None
    for r in (chosen, backup):
        if r is not None:
            why_not.pop(r.provider, None)
    return chosen, backup
