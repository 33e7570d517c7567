"""The content of the migration report, as format-neutral sections (see ``_doc.py``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Protocol

from ._doc import Block, Section, Table
from ._report_advice import advice_sections

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ._choice import Needs
    from ._comparison import Comparison
    from ._rows import CandidateCost
    from .scan import ScanResult

__all__ = ["ReportData", "sections"]


class ReportData(Protocol):
    """What the sections read from a report (``report.Report`` has these attributes)."""

    scan: ScanResult | None
    comparison: Comparison | None
    target: CandidateCost | None
    fallback: CandidateCost | None
    config: str
    why_not: dict[str, str]
    plot_file: str | None
    aliases: dict[str, list[str]]
    needs: Needs | None
    rejected: dict[str, str]
    notes: list[str]
    catalog: Catalog | None

    def blocker_line(self) -> str: ...


_MAX_FINDINGS = 200


def _money(value: float | None, currency: str) -> str:
    return "unknown" if value is None else f"{value:,.0f} {currency}"


def sections(rep: ReportData) -> list[Section]:
    """Summary, scan, costs, offers, config (each only when its input exists)."""
    out = [_summary(rep)]
    if rep.scan is not None and rep.catalog is not None:
        out += advice_sections(
            rep.scan, rep.comparison, rep.target, rep.fallback, rep.aliases, rep.needs, rep.catalog
        )
    if rep.scan is not None:
        out += _scan(rep.scan, rep)
    if rep.comparison is not None:
        out += _costs(rep.comparison, rep)
        out.append(_offers(rep.comparison))
    out.append(
        Section(
            "Generated `llmswitch.toml`",
            [
                "Save it next to your app (or point `LLMSWITCH_CONFIG` at it), export the keys it "
                "names, and replace `OpenAI()` with `llmswitch.Client()`: the model names in your "
                "code stay as they are and route to the target, then the fallback.",
                ("code", "toml", rep.config),
            ],
        )
    )
    return out


def _summary(rep: ReportData) -> Section:
    blocks: list[Block] = [f"Generated {dt.date.today().isoformat()} by llmswitch."]
    cmp = rep.comparison
    if cmp is not None:
        blocks.append(
            f"Workload: {cmp.workload.describe()}. Prices and offers as of **{cmp.on}**; "
            f"costs in {cmp.currency} (1 USD = {cmp.fx.rate} CNY, rate of {cmp.fx.as_of})."
        )
    lines = []
    if rep.target is not None and cmp is not None:
        t = rep.target
        lines.append(
            f"- **Target: `{t.model}`**: first year {_money(t.first_year, cmp.currency)} net of "
            f"offers, against {_money(cmp.baseline.first_year, cmp.currency)} on "
            f"`{cmp.baseline.model}` (saves {_money(t.savings, cmp.currency)})."
        )
        if t.free_tokens:
            lines.append(
                f"- Free tokens: {t.free_tokens:,} from {', '.join(t.offers)}; "
                f"{t.free_months} month(s) fully covered."
            )
    else:
        lines.append("- No target chosen: no candidate has a known price and no blocker.")
    if rep.fallback is not None:
        lines.append(f"- Fallback: `{rep.fallback.model}`.")
    if rep.scan is not None:
        s = rep.scan
        lines.append(
            f"- Scanned {s.files} file(s): {len(s.findings)} finding(s), "
            f"{len(s.errors)} file(s) not parsed."
        )
        if rep.needs is not None:
            lines.append(f"- The code needs: {rep.needs.describe()}.")
        if rep.target is not None:
            lines.append(f"- Blockers: {rep.blocker_line()}.")
        if s.test_files or s.test_findings:
            lines.append(
                f"- Tests, counted apart: {s.test_files} file(s), {len(s.test_findings)} "
                "finding(s) (in report.json)."
            )
    for provider, why in rep.why_not.items():
        lines.append(f"- Not chosen: {provider} ({why}).")
    for note in rep.notes:
        lines.append(f"- {note}")
    blocks.append("\n".join(lines))
    if rep.plot_file:
        blocks.append(f"![Cumulative cost, free tokens burned down]({rep.plot_file})")
    return Section("Summary", blocks)


def _scan(scan: ScanResult, rep: ReportData) -> list[Section]:
    summary = scan.summary()
    table = Table(
        ["provider", "works", "mapped", "blocker", "not seen"],
        [[p, c["works"], c["mapped"], c["blocker"], c["not seen"]] for p, c in summary.items()],
    )
    intro = (
        f"`{scan.root}`: endpoints {', '.join(f'`{e}`' for e in scan.endpoints) or 'none'}; "
        f"models {', '.join(f'`{m}`' for m in scan.models) or 'none named'}; "
        f"parameters {', '.join(f'`{p}`' for p in scan.params) or 'none'}."
    )
    out = [Section("Code scan", [intro, table])]
    if scan.unavailable:
        out[0].blocks.append(
            "- "
            + "\n- ".join(f"{p}: adapter not available ({w})" for p, w in scan.unavailable.items())
        )
    focus = rep.target.provider if rep.target else (scan.providers[0] if scan.providers else "")
    blockers = [f for f in scan.findings if f.blockers]
    if blockers:
        rows = [
            [f"{f.file}:{f.line}", f"`{f.snippet}`", ", ".join(f.blockers), _why(f, focus)]
            for f in blockers[:_MAX_FINDINGS]
        ]
        out.append(Section("Blockers", [Table(["where", "code", "blocks", "why"], rows)], 3))
    rows = [
        [f"{f.file}:{f.line}", f.kind, f"`{f.name}`", _verdict(f, focus)]
        for f in scan.findings[:_MAX_FINDINGS]
    ]
    more = len(scan.findings) - _MAX_FINDINGS
    blocks: list[Block] = [Table(["where", "kind", "what", f"on {focus}"], rows)]
    if more > 0:
        blocks.append(f"... and {more} more in report.json.")
    out.append(Section(f"All findings (verdicts for {focus})", blocks, 3))
    if scan.errors:
        errors: list[list[Any]] = [[e.file, e.line, e.message] for e in scan.errors]
        out.append(Section("Files not parsed", [Table(["file", "line", "error"], errors)], 3))
    return out


def _why(f: object, focus: str) -> str:
    verdicts = getattr(f, "verdicts", {})
    v = verdicts.get(focus)
    if v is not None and v.level == "blocker":
        return str(v.why)
    first = next((x for x in verdicts.values() if x.level == "blocker"), None)
    return str(first.why) if first else ""


def _verdict(f: object, focus: str) -> str:
    v = getattr(f, "verdicts", {}).get(focus)
    if v is None:
        return ""
    return str(v.level) + (f": {v.why}" if v.why and v.level != "works" else "")


def _costs(cmp: Comparison, rep: ReportData) -> list[Section]:
    cur = cmp.currency
    rows = []
    for r in [cmp.baseline, *cmp.candidates]:
        mark = " (target)" if rep.target and r.model == rep.target.model else ""
        mark = " (fallback)" if rep.fallback and r.model == rep.fallback.model else mark
        mark = " (baseline)" if r.role == "baseline" else mark
        rows.append(
            [
                f"`{r.model}`{mark}",
                r.input_price,
                r.output_price,
                r.monthly_cost,
                r.free_tokens or "",
                r.free_months or "",
                r.first_year,
                "" if r.role == "baseline" else r.savings,
                r.reason or "",
            ]
        )
    header = [
        "model",
        f"input /1M ({cur})",
        f"output /1M ({cur})",
        "monthly",
        "free tokens",
        "free months",
        "first year net",
        "savings",
        "note",
    ]
    out = [Section("Costs", [Table(header, rows)])]
    if cmp.excluded:
        gaps = Table(
            ["model", "feature gaps"], [[f"`{r.model}`", "; ".join(r.gaps)] for r in cmp.excluded]
        )
        out.append(Section("Left out for missing features", [gaps], 3))
    return out


def _offers(cmp: Comparison) -> Section:
    rows = []
    for use in cmp.offers:
        o = use.offer
        sources = ", ".join(
            f"[{s.outlet or 'source'}{f', {s.date}' if s.date else ''}]({s.url})" for s in o.sources
        )
        rows.append(
            [
                f"`{o.id}`",
                o.provider,
                use.status,
                "yes" if use.applied else "no",
                o.total_free_tokens,
                o.confidence,
                use.note or "",
                sources,
            ]
        )
    header = [
        "offer",
        "provider",
        "status",
        "applied",
        "free tokens",
        "confidence",
        "note",
        "sources",
    ]
    text = (
        f"Status on {cmp.on}: an offer whose end is unknown counts as active only up to the last "
        "date a source confirms it. Unknown terms stay unknown."
    )
    return Section("Offers", [text, Table(header, rows)])
