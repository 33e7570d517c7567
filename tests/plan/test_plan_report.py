"""Reports (Markdown, HTML, JSON), the generated llmswitch.toml, and the docs image script."""

from __future__ import annotations

import datetime as dt
import json
import runpy
from pathlib import Path

import pytest

from llmswitch import Client
from llmswitch.plan import Workload, compare, report, scan

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
JULY1 = dt.date(2024, 7, 1)


@pytest.fixture(scope="module")
def support_bot_report():  # type: ignore[no-untyped-def]
    result = scan(EXAMPLES / "support_bot")
    workload = Workload.from_toml(EXAMPLES / "support_bot" / "workload.toml")
    return report(result, compare(workload))


def test_target_has_fewest_own_blockers_then_lowest_cost(support_bot_report) -> None:  # type: ignore[no-untyped-def]
    rep = support_bot_report
    assert rep.target is not None and rep.fallback is not None
    assert rep.target.provider != rep.fallback.provider
    own = {p: len(rep.scan.blockers(p)) for p in rep.scan.providers}
    assert own[rep.target.provider] == min(own.values())
    assert rep.aliases == {"gpt-4o": [rep.target.model, rep.fallback.model]}


def test_generated_config_loads_in_client_with_env_refs(
    support_bot_report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    rep = support_bot_report
    for provider in ("DEEPSEEK_API_KEY", "DASHSCOPE_API_KEY"):
        monkeypatch.delenv(provider, raising=False)
    path = tmp_path / "llmswitch.toml"
    path.write_text(rep.config, encoding="utf-8")
    assert "${" in rep.config and "sk-" not in rep.config
    client = Client(path)
    assert client.config.aliases["gpt-4o"] == [rep.target.model, rep.fallback.model]


def test_markdown_html_json(support_bot_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("matplotlib")
    rep = support_bot_report
    paths = rep.write(tmp_path)
    md = paths["markdown"].read_text(encoding="utf-8")
    for heading in ("## Summary", "## Code scan", "## Costs", "## Offers", "llmswitch.toml"):
        assert heading in md
    assert "![Cumulative cost" in md and paths["plot"].stat().st_size > 1000
    assert "zhipu-migration-2024" in md and "https://" in md  # offers with their sources
    html = paths["html"].read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<table>" in html and "<svg" in html
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["target"] == rep.target.model
    assert data["comparison"]["offers"][0]["sources"][0]["url"].startswith("http")
    assert paths["config"].read_text(encoding="utf-8") == rep.config


def test_report_without_scan_aliases_the_baseline() -> None:
    cmp = compare(Workload(input_tokens="5M", output_tokens="1M"), on=JULY1)
    rep = report(comparison=cmp)
    assert list(rep.aliases) == ["gpt-4o"]
    assert "## Code scan" not in rep.to_markdown()


def test_embedding_and_unservable_models(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        "from openai import OpenAI\nc = OpenAI()\n"
        "c.embeddings.create(model='text-embedding-3-small', input=['a'])\n"
        "c.images.generate(model='dall-e-3', prompt='x')\n",
        encoding="utf-8",
    )
    result = scan(tmp_path)
    cmp = compare(Workload(input_tokens="1M", embedding_tokens="1M"))
    rep = report(result, cmp, target="qwen/qwen-plus", fallback="glm/glm-4-air")
    assert rep.aliases["text-embedding-3-small"][0].startswith("qwen/")
    assert "dall-e-3" not in rep.aliases
    assert any("dall-e-3" in s for s in rep.skipped_aliases)


def test_docs_image_script(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    script = ROOT / "docs" / "img" / "make_burn_down.py"
    module = runpy.run_path(str(script))
    out = module["main"](tmp_path / "burn.png")
    assert out.stat().st_size > 1000
    assert (ROOT / "docs" / "img" / "burn_down.png").is_file()  # committed, shown in planner.md


def test_planner_docs_session_runs_as_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest

    monkeypatch.chdir(ROOT)
    doc = ROOT / "docs" / "planner.md"
    failures, _ = doctest.testfile(
        str(doc), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert failures == 0
