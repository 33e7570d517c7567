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
from ._choice import Needs, choose, gaps, needs_of, with_stated_context
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
    needs: Needs | None = None
    """What the scanned code needs of a model (features, context, embeddings, its models)."""
    rejected: dict[str, str] = field(default_factory=dict)
    """Priced candidates left out because they miss a need the code has, with the gaps."""
    notes: list[str] = field(default_factory=list)
    catalog: Catalog | None = field(default=None, repr=False)
    plot_svg: str | None = field(default=None, repr=False)
    """The plot as inline SVG markup, embedded in the HTML report (set by :meth:`write`)."""

    def blocker_line(self) -> str:
        """The blockers on the target, never "0" past what the scanner could not see."""
        if self.target is None or self.scan is None:
            return "no target chosen" if self.scan is not None else "no scan"
        count = len(self.scan.blockers(self.target.provider))
        unseen = len(self.scan.unchecked())
        line = f"{count} blocker(s) on {self.target.provider}"
        if unseen:
            line += (
                f" among the calls the scanner could read; {unseen} argument list(s) it could "
                "not see are not checked"
            )
        return line

    def sections(self) -> list[Section]:
        """The report's content, format-neutral."""
        return sections(self)

    def to_markdown(self) -> str:
        """The report as Markdown."""
        return to_markdown(self.title, self.sections())

    def to_html(self) -> str:
        """The report as one self-contained HTML page (the plot inline as SVG, no external
        file, readable on a phone: wide tables scroll sideways)."""
        images = {self.plot_file: self.plot_svg} if self.plot_file and self.plot_svg else {}
        return to_html(self.title, self.sections(), images=images)

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
            "blockers": self.blocker_line(),
            "needs": None
            if self.needs is None
            else {
                "features": list(self.needs.features),
                "context": self.needs.context,
                "embeddings": self.needs.embeddings,
                "baselines": self.needs.baselines,
                "why": self.needs.why,
            },
            "left_out_for_needs": self.rejected,
            "notes": self.notes,
            "aliases": self.aliases,
            "skipped_aliases": self.skipped_aliases,
            "config": self.config,
            "scan": self.scan.to_dict() if self.scan else None,
            "comparison": self.comparison.to_dict() if self.comparison else None,
        }

    def _plot(self, path: Path) -> str | None:
        """Save the burn-down plot as PNG to ``path``; return it as SVG markup (``None`` without
        matplotlib). The target and fallback are drawn even when they are not among the
        cheapest six."""
        try:
            from matplotlib.figure import Figure
        except ImportError:
            return None
        import io

        from ._plot import plot_comparison

        cmp = self.comparison
        assert cmp is not None
        rows = cmp.best(6)
        for chosen in (self.target, self.fallback):
            if chosen is not None and chosen.role != "baseline" and chosen not in rows:
                rows.append(chosen)
        title = f"First-year cost net of free tokens, as of {cmp.on}\n{cmp.workload.describe()}"
        fig = Figure(figsize=(10, 5.5), layout="constrained")  # no pyplot: works headless
        plot_comparison(
            cmp.baseline,
            rows,
            currency=cmp.currency,
            title=title,
            ax=fig.subplots(),
            path=path,
            target=self.target.model if self.target else None,
            fallback=self.fallback.model if self.fallback else None,
        )
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg")
        text = buffer.getvalue()
        return text[text.index("<svg") :]

    def write(self, out_dir: str | Path, *, plot: bool = True) -> dict[str, Path]:
        """Write ``report.md``, ``report.html``, ``report.json``, ``llmswitch.toml`` and, when
        matplotlib is installed, ``burn_down.png`` into ``out_dir``; return the paths.

        Files of the same names already in ``out_dir`` are overwritten. ``report.html`` stands
        alone (the plot is inline SVG in it); ``report.md`` shows ``burn_down.png`` beside it.

        >>> report(scan("examples/support_bot"), cmp).write("build/plan")  # doctest: +SKIP
        """
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths: dict[str, Path] = {}
        if plot and self.comparison is not None:
            svg = self._plot(out / "burn_down.png")
            if svg is not None:
                self.plot_file, self.plot_svg = "burn_down.png", svg
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

    The target is ``target`` if given, else the priced candidate that meets every need the scan
    shows (features, embeddings, the context window of the app's models) whose provider has the
    fewest blockers of its own (blockers common to every provider do not count), the cheapest
    first-year cost breaking ties; the fallback is the best such candidate of another provider
    (none when no other provider meets every need: the report says so). The config aliases
    every OpenAI model the code names (or the baseline's, without a scan) to
    ``[target, fallback]``.

    >>> from llmswitch.plan import Workload, compare, scan
    >>> rep = report(scan("examples/support_bot"), compare(Workload.from_toml(
    ...     "examples/support_bot/workload.toml")))  # doctest: +SKIP
    >>> rep.write("build/plan")  # doctest: +SKIP
    """
    cat = comparison.catalog if comparison is not None else catalog or load_catalog()
    why_not: dict[str, str] = {}
    needs = needs_of(scan, cat) if scan is not None else None
    if needs is not None and comparison is not None:
        needs = with_stated_context(needs, comparison.workload.context_tokens)
    rejected: dict[str, str] = {}
    chosen, backup = _choose(scan, comparison, target, fallback, why_not, needs, rejected)
    notes = _notes(comparison, needs, chosen, backup, rejected, cat)
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
        needs=needs,
        rejected=rejected,
        notes=notes,
        catalog=cat,
    )


def _notes(
    comparison: Comparison | None,
    needs: Needs | None,
    chosen: CandidateCost | None,
    backup: CandidateCost | None,
    rejected: dict[str, str],
    cat: Catalog,
) -> list[str]:
    notes: list[str] = []
    if comparison is None or needs is None:
        return notes
    base = comparison.baseline.model
    used = [k for k in needs.baselines.values() if k]
    if used and base not in used:
        named = ", ".join(f"`{k}`" for k in used)
        notes.append(
            f"The baseline `{base}` is not a model the code uses ({named}):"
            f" compare against `{used[0]}` (`compare(..., baseline={used[0]!r})`, "
            f"`--baseline {used[0]}`) for savings that mean something."
        )
    unknown = [name for name, key in needs.baselines.items() if key is None]
    if unknown:
        more = f" and {len(unknown) - 8} more" if len(unknown) > 8 else ""
        listed = ", ".join(f"`{n}`" for n in unknown[:8])
        notes.append(f"Not in the catalog, so not priced as a baseline: {listed}{more}.")
    for role, row in (("target", chosen), ("fallback", backup)):
        if row is not None:
            missing = gaps(cat.model(row.model), needs, cat)
            if missing:
                notes.append(f"The {role} `{row.model}` misses: {'; '.join(missing)}.")
    if chosen is None:
        near = dict(rejected)
        near.update({r.model: "; ".join(r.gaps) for r in comparison.excluded})
        closest = sorted(near.items(), key=lambda item: item[1].count(";"))[:3]
        notes.append(
            f"No priced candidate meets every need of the code ({needs.describe()}): no target. "
            "Closest: " + "; ".join(f"`{m}` ({why})" for m, why in closest) + "."
        )
    elif chosen is not None and backup is None:
        notes.append(
            f"No candidate of another provider than {chosen.provider} meets every need: "
            "no fallback."
        )
    return notes


def _canonical(cat: Catalog, name: str) -> str:
    try:
        return cat.provider_name(name)
    except Exception:  # a name the catalog does not know stays as given
        return name


def _choose(
    scan: ScanResult | None,
    comparison: Comparison | None,
    target: str | None,
    fallback: str | None,
    why_not: dict[str, str],
    needs: Needs | None,
    rejected: dict[str, str],
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
    # only providers the scan judged: one it did not read for has blockers nobody counted
    judged = {_canonical(comparison.catalog, p) for p in scan.providers} if scan else None
    ranked = sorted(
        (
            r
            for r in comparison.candidates
            if r.status == "ok" and (judged is None or r.provider in judged)
        ),
        key=lambda r: (own.get(r.provider, 0), r.first_year or 0.0),
    )
    if needs is not None:
        best, second = choose(ranked, needs, comparison.catalog, rejected)
    else:
        best = ranked[0] if ranked else None
        second = next((r for r in ranked if best and r.provider != best.provider), None)
    chosen = comparison.get(target) if target is not None else best
    backup: CandidateCost | None = None
    if fallback is not None:
        backup = comparison.get(fallback)
    elif target is None:
        backup = second
    elif chosen is not None:
        fit = [r for r in ranked if r.model not in rejected and r.provider != chosen.provider]
        backup = fit[0] if fit else None
    for r in (chosen, backup):
        if r is not None:
            why_not.pop(r.provider, None)
    return chosen, backup
