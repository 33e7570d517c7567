"""What a plan concludes from the pattern corpus: the app's own model as the baseline, a target
and a fallback that each meet every need found, "not seen" never read as "0 blockers",
per-provider advice for endpoints llmswitch does not serve, embeddings, the smallest change."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

from llmswitch.catalog import load_catalog
from llmswitch.plan import Workload, compare, migration_plan, report, scan
from llmswitch.plan._choice import gaps, needs_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PATTERNS = Path(__file__).resolve().parents[1] / "fixtures" / "scan_patterns"
DAY = dt.date(2025, 6, 1)
PLAN_FACTS = {
    p.parent.name: facts["plan"]
    for p in sorted(PATTERNS.glob("*/expected.toml"))
    if "plan" in (facts := tomllib.loads(p.read_text(encoding="utf-8")))
}


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    return load_catalog()


def _plan(name: str, tmp_path: Path, **kwargs):  # type: ignore[no-untyped-def]
    root = tmp_path / name
    shutil.copytree(PATTERNS / name, root)
    return migration_plan(root, on=DAY, **kwargs)


def test_baseline_is_the_model_the_app_uses(tmp_path: Path) -> None:
    rep = _plan("alias_call", tmp_path)
    assert rep.comparison is not None
    assert rep.comparison.baseline.model == "openai/gpt-4o-mini"
    assert rep.needs is not None and rep.needs.baselines == {"gpt-4o-mini": "openai/gpt-4o-mini"}
    forced = _plan("alias_call", tmp_path / "again", baseline="openai/gpt-4o")
    assert forced.comparison is not None and forced.comparison.baseline.model == "openai/gpt-4o"
    assert any("not a model the code uses" in n for n in forced.notes)


def test_target_and_fallback_meet_every_need(tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    rep = _plan("alias_call", tmp_path)
    assert rep.needs is not None
    assert set(rep.needs.features) == {"tools", "streaming"}
    assert rep.needs.context == catalog.model("openai/gpt-4o-mini").context_window
    assert rep.target is not None
    for row in (rep.target, rep.fallback):
        if row is not None:
            assert gaps(catalog.model(row.model), rep.needs, catalog) == [], row.model
    if rep.fallback is not None:
        assert rep.fallback.provider != rep.target.provider
    else:
        assert any("no fallback" in n for n in rep.notes)
    for model, why in rep.rejected.items():
        assert why and model not in (rep.target.model,)


def test_report_alone_checks_the_scan_needs(tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "vision"
    shutil.copytree(PATTERNS / "vision_helpers", root)
    result = scan(root)
    assert result.features() == ("vision",)
    plain = compare(Workload(input_tokens="10M", output_tokens="2M"), on=DAY)  # no vision asked
    rep = report(result, plain)
    needs = needs_of(result, catalog)
    if rep.target is None:
        assert any("meets every need" in n for n in rep.notes)
    else:
        assert catalog.model(rep.target.model).capabilities.vision is True
        assert gaps(catalog.model(rep.target.model), needs, catalog) == []
    assert all("vision" in why or "context" in why for why in rep.rejected.values())


def test_unseen_arguments_are_never_zero_blockers(tmp_path: Path) -> None:
    rep = _plan("params_as_data", tmp_path)
    assert rep.target is not None
    assert "not checked" in rep.blocker_line()
    md = rep.to_markdown()
    assert "## What the scan could not check" in md and "service.py:34" in md
    assert rep.to_dict()["blockers"] == rep.blocker_line()


def test_endpoints_get_advice_per_provider(tmp_path: Path) -> None:
    rep = _plan("sdk_surface", tmp_path)
    assert rep.scan is not None
    upload = next(f for f in rep.scan.findings if f.kind == "call" and f.endpoint == "uploads")
    whys = {p: v.why for p, v in upload.verdicts.items()}
    assert "Files API" in whys["qwen"] and "no equivalent known" in whys["deepseek"]
    assert len(set(whys.values())) > 1  # not one sentence for all
    md = rep.to_markdown()
    assert "## Endpoints llmswitch does not serve" in md and "`videos`" in md


def test_embeddings_warn_that_vectors_must_be_rebuilt(tmp_path: Path) -> None:
    rep = _plan("client_param", tmp_path)
    assert rep.needs is not None and rep.needs.embeddings
    md = rep.to_markdown()
    assert "Stored vectors must be rebuilt" in md
    if rep.aliases.get("text-embedding-3-small"):
        assert "`text-embedding-3-small` →" in md


def test_plain_client_gets_the_smallest_change(tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    rep = _plan("alias_call", tmp_path)
    assert rep.target is not None
    from llmswitch.plan._report_advice import compatible_endpoint

    endpoint = compatible_endpoint(rep.target.provider, catalog)
    md = rep.to_markdown()
    if endpoint is not None:
        assert "## Smallest change" in md
        assert f'base_url="{endpoint[0]}"' in md and endpoint[1] in md


def test_assumed_workload_and_baseline_are_said(tmp_path: Path) -> None:
    rep = _plan("lookalike_sdks", tmp_path)
    assert any(n.startswith("No workload given") for n in rep.notes)
    assert any("the model the code uses" in n for n in rep.notes)


def test_a_stated_context_replaces_the_models_window(tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    stated = Workload(input_tokens="1M", output_tokens="1M", context_tokens="16K")
    rep = _plan("alias_call", tmp_path, workload=stated)
    assert rep.needs is not None and rep.needs.context == 16_000
    assert "workload's context_tokens" in rep.needs.describe()
    assert "gpt-4o-mini has 128,000" in rep.needs.describe()
    assert rep.target is not None
    window = catalog.model(rep.target.model).context_window
    assert window is not None and window >= 16_000


@pytest.mark.parametrize("name", sorted(PLAN_FACTS))
def test_plan_states_the_folders_facts(name: str, tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    """Each pattern folder's ``[plan]`` facts: the baseline, the needs, what the report says;
    and, always, a target and fallback that meet every need, on two providers."""
    facts = PLAN_FACTS[name]
    rep = _plan(name, tmp_path)
    assert rep.comparison is not None and rep.needs is not None
    if "baseline" in facts:
        assert rep.comparison.baseline.model == facts["baseline"]
    if "needs" in facts:
        assert set(rep.needs.features) == set(facts["needs"])
    if "embeddings" in facts:
        assert rep.needs.embeddings == facts["embeddings"]
    if "blockers_say" in facts:
        assert facts["blockers_say"] in rep.blocker_line()
    md = rep.to_markdown()
    for text in facts.get("says", ()):
        assert text in md, text
    for row in (rep.target, rep.fallback):
        if row is not None:
            assert gaps(catalog.model(row.model), rep.needs, catalog) == [], row.model
    if rep.target is not None and rep.fallback is not None:
        assert rep.target.provider != rep.fallback.provider
    if rep.target is None or rep.fallback is None:
        assert any("no fallback" in n or "no target" in n for n in rep.notes), rep.notes
