"""The report's advice sections: the app's models against their replacements (the baseline per
alias), the smallest code change, stored embeddings, what to do about each endpoint llmswitch
does not serve, and what the scan could not check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..providers import PROVIDERS
from ._choice import Needs
from ._doc import Block, Section, Table
from ._verdicts import ENDPOINTS

if TYPE_CHECKING:
    from ._comparison import Comparison
    from ._rows import CandidateCost
    from .scan import ScanResult

__all__ = ["advice_sections", "compatible_endpoint"]


def compatible_endpoint(provider: str, catalog: Catalog) -> tuple[str, str] | None:
    """An OpenAI-compatible base URL of ``provider`` and the variable holding its key."""
    try:
        url = catalog.provider(provider).compatible_base_url
    except (KeyError, ValueError):
        url = None
    spec = PROVIDERS.get(provider)
    if url is None and spec is not None and spec.type == "openai-compatible":
        url = spec.base_url
    if not url or spec is None:
        return None
    keys = spec.env.get("api_key") or spec.env.get("access_key") or ("API_KEY",)
    return url, keys[0]


def advice_sections(
    scan: ScanResult,
    comparison: Comparison | None,
    target: CandidateCost | None,
    fallback: CandidateCost | None,
    aliases: dict[str, list[str]],
    needs: Needs | None,
    catalog: Catalog,
) -> list[Section]:
    """Sections that exist only when the scan gives them something to say."""
    out: list[Section] = []
    if needs is not None and comparison is not None and needs.baselines:
        out.append(_models(needs, comparison, target, fallback, aliases, catalog))
    if target is not None:
        change = _smallest_change(scan, target, catalog)
        if change is not None:
            out.append(change)
    if needs is not None and needs.embeddings:
        out.append(_embeddings(scan, aliases))
    endpoints = [e for e in scan.endpoints if e not in ENDPOINTS]
    if endpoints:
        out.append(_endpoints(scan, endpoints, target, fallback))
    unchecked = _unchecked(scan)
    if unchecked is not None:
        out.append(unchecked)
    return out


def _price(catalog: Catalog, key: str | None, cmp: Comparison) -> str:
    if key is None:
        return "not in the catalog"
    point = catalog.price(key, on=cmp.on, currency=cmp.currency, fx=cmp.fx)
    if point is None or point.input is None:
        return "unknown"
    out = "unknown" if point.output is None else f"{point.output:,.2f}"
    return f"{point.input:,.2f} / {out}"


def _models(
    needs: Needs,
    cmp: Comparison,
    target: CandidateCost | None,
    fallback: CandidateCost | None,
    aliases: dict[str, list[str]],
    catalog: Catalog,
) -> Section:
    rows = []
    for name, key in needs.baselines.items():
        chain = aliases.get(name, [])
        rows.append(
            [
                f"`{name}`",
                f"`{key}`" if key else "*not in the catalog*",
                _price(catalog, key, cmp),
                ", ".join(f"`{c}` ({_price(catalog, c, cmp)})" for c in chain) or "not aliased",
            ]
        )
    header = ["model in the code", "baseline", f"in / out per 1M ({cmp.currency})", "routed to"]
    text = (
        f"Each model the code names is its own baseline. The code needs: {needs.describe()}; "
        "the target and the fallback were chosen among the candidates that meet all of it."
    )
    return Section("The app's models and their replacements", [text, Table(header, rows)])


def _smallest_change(scan: ScanResult, target: CandidateCost, catalog: Catalog) -> Section | None:
    plain = [
        f for f in scan.findings if f.kind in ("client", "langchain") and "Azure" not in f.name
    ]
    endpoint = compatible_endpoint(target.provider, catalog)
    if not plain or endpoint is None:
        return None
    url, key = endpoint
    model = target.model.split("/", 1)[1]
    where = ", ".join(f"{f.file}:{f.line}" for f in plain[:5]) + (" ..." if len(plain) > 5 else "")
    lines: list[Block] = [
        f"The client(s) made at {where} can talk to {target.provider}'s OpenAI-compatible endpoint "
        "without llmswitch: change its base URL and key, and the model name. This keeps "
        "OpenAI-only parameters as they are (the provider may reject them) and has no fallback; "
        "llmswitch.Client with the generated config translates parameters and falls back.",
    ]
    code = []
    if any(f.kind == "client" for f in plain):
        code.append(f'client = OpenAI(base_url="{url}", api_key=os.environ["{key}"])')
    embedders = [m.id for m in catalog.models(provider=target.provider) if m.kind == "embedding"]
    for cls in dict.fromkeys(f.name.rsplit(".", 1)[-1] for f in plain if f.kind == "langchain"):
        if "Embeddings" not in cls:
            code.append(f'llm = {cls}(base_url="{url}", api_key=os.environ["{key}"], '
                        f'model="{model}")')  # fmt: skip
        elif embedders:
            code.append(f'embeddings = {cls}(base_url="{url}", api_key=os.environ["{key}"], '
                        f'model="{embedders[0]}")')  # fmt: skip
    code.append(f'# and model="{model}" where the code names an OpenAI model')
    lines.append(("code", "python", "\n".join(code)))
    return Section("Smallest change", lines)


def _embeddings(scan: ScanResult, aliases: dict[str, list[str]]) -> Section:
    models = [m for m in scan.models if m.startswith("text-embedding") or "embedding" in m]
    moves = [f"`{m}` → `{aliases[m][0]}`" for m in models if aliases.get(m)]
    text = (
        "**Stored vectors must be rebuilt.** Embeddings of different models live in different "
        "spaces and usually differ in dimension: vectors made with the OpenAI model cannot be "
        "searched with vectors of the new one. Re-embed every stored document with the new model "
        "(and resize the index if its dimension is fixed) before switching queries; never mix "
        "the two in one index."
    )
    blocks: list[Block] = [text]
    if moves:
        blocks.append("- " + "\n- ".join(moves))
    else:
        blocks.append(
            "The embedding model is not named as a literal in the code: find it in the config."
        )
    return Section("Embeddings", blocks)


def _endpoints(
    scan: ScanResult,
    endpoints: list[str],
    target: CandidateCost | None,
    fallback: CandidateCost | None,
) -> Section:
    focus = [r.provider for r in (target, fallback) if r is not None] or list(scan.providers)
    rows = []
    for endpoint in endpoints:
        found = [f for f in scan.findings if f.kind == "call" and f.endpoint == endpoint]
        where = f"{found[0].file}:{found[0].line}" + (
            f" (+{len(found) - 1})" if len(found) > 1 else ""
        )
        for provider in scan.providers:
            why = found[0].verdicts[provider].why
            if provider in focus or " has " in why:
                rows.append([f"`{endpoint}`", where, provider, why])
    text = (
        "llmswitch serves chat completions and embeddings. For every other endpoint the code "
        "calls, what to do on the target and fallback providers (and on any provider with an "
        "API of its own for it):"
    )
    return Section("Endpoints llmswitch does not serve", [text, Table(
        ["endpoint", "where", "provider", "what to do"], rows)])  # fmt: skip


def _unchecked(scan: ScanResult) -> Section | None:
    rows: list[list[object]] = []
    for f in scan.unchecked():
        rows.append([f"{f.file}:{f.line}", f"`{f.snippet}`", f.detail])
    for f in scan.findings:
        if f.kind == "call" and "client origin not seen" in f.detail:
            rows.append([f"{f.file}:{f.line}", f"`{f.snippet}`", "client origin not seen: "
                         "counted as OpenAI because of its endpoint"])  # fmt: skip
    for e in scan.errors:
        rows.append([e.file + (f":{e.line}" if e.line else ""), "", f"not parsed: {e.message}"])
    if not rows:
        return None
    text = (
        "The scanner could not read these. Their parameters are not in the verdicts above, so "
        "check them by hand before trusting the blocker count:"
    )
    return Section("What the scan could not check", [text, Table(["where", "code", "why"], rows)])
