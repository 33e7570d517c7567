"""``migration_plan(path)``: the whole job in one call: scan, derive what the code needs, compare
against the model the app really uses, choose, report.

This is what ``llmswitch plan PATH`` runs. The workload's features and embedding need are those
the code shows, added to any the workload file states; its context is the window of the app's
main model unless the workload states ``context_tokens``; the baseline is the app's own model
(the most used chat model the code names that the catalog prices) unless one is given.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

from ..catalog import Catalog, Currency, FxRate, load_catalog
from ._choice import needs_of
from .compare import compare
from .report import Report, report
from .scan import ScanResult, Tests, scan
from .workload import Workload

__all__ = ["DEFAULT_BASELINE", "migration_plan"]

DEFAULT_BASELINE = "openai/gpt-4o"
"""The baseline when the code names no OpenAI chat model the catalog knows."""


def migration_plan(
    code: str | os.PathLike[str] | ScanResult,
    workload: Workload | None = None,
    *,
    baseline: str | None = None,
    target: str | None = None,
    fallback: str | None = None,
    on: dt.date | None = None,
    catalog: Catalog | None = None,
    fx: FxRate | float | None = None,
    currency: Currency = "CNY",
    include_unconfirmed: bool = False,
    providers: list[str] | None = None,
    exclude: tuple[str, ...] | list[str] = (),
    default_excludes: bool = True,
    tests: Tests = "apart",
) -> Report:
    """Scan ``code`` (a path, or a :class:`ScanResult`), and plan its migration.

    Without ``workload``, 10M input + 2M output tokens a month are assumed (1M embedding tokens
    when the code embeds) and the report says so. ``baseline`` overrides the app's own model.

    >>> rep = migration_plan("examples/support_bot")  # doctest: +SKIP
    >>> rep.comparison.baseline.model, rep.target.model  # doctest: +SKIP
    """
    cat = catalog or load_catalog()
    result = (
        code
        if isinstance(code, ScanResult)
        else scan(
            Path(code),
            providers=providers,
            catalog=cat,
            exclude=exclude,
            default_excludes=default_excludes,
            tests=tests,
        )
    )
    needs = needs_of(result, cat)
    assumed = workload is None
    base = workload or Workload(input_tokens="10M", output_tokens="2M")
    features = tuple(dict.fromkeys((*base.features, *needs.features)))
    context = int(base.context_tokens or 0) or needs.context  # a stated context wins
    embedding = int(base.embedding_tokens)
    if needs.embeddings and not embedding and assumed:
        embedding = 1_000_000
    work = replace(base, features=features, context_tokens=context, embedding_tokens=embedding)
    chosen_baseline = baseline or needs.baseline or DEFAULT_BASELINE
    cmp = compare(
        work, baseline=chosen_baseline, on=on, catalog=cat, fx=fx, currency=currency,
        include_unconfirmed=include_unconfirmed,
    )  # fmt: skip
    rep = report(result, cmp, target=target, fallback=fallback, catalog=cat)
    if assumed:
        rep.notes.insert(
            0,
            "No workload given: assumed 10M input + 2M output tokens a month"
            + (" and 1M embedding tokens" if embedding and not int(base.embedding_tokens) else "")
            + "; give one for real figures.",
        )
    if baseline is None:
        if needs.baseline is None:
            rep.notes.insert(
                0, f"The code names no OpenAI chat model the catalog prices: baseline "
                f"{DEFAULT_BASELINE} assumed."
            )  # fmt: skip
        else:
            rep.notes.insert(0, f"Baseline: {needs.baseline}, the model the code uses.")
    return rep
