"""Notebook path: result lists render with pandas (to_pandas) and without it (_repr_html_)."""

from __future__ import annotations

import datetime as dt

import pytest

from llmswitch.catalog import load_catalog

pd = pytest.importorskip("pandas")


def test_offers_to_pandas_has_status_on_query_date() -> None:
    df = load_catalog().offers(active_on=dt.date(2024, 7, 1)).to_pandas()
    assert list(df["status"]) == ["active"] * 3
    assert set(df["provider"]) == {"glm", "ernie", "qwen"}
    assert df.loc[df["provider"] == "glm", "total_free_tokens"].item() == 150_000_000


def test_models_to_pandas_has_prices_and_capabilities() -> None:
    df = load_catalog().models(provider="qwen").to_pandas()
    assert {"model", "context_window", "tools", "input_per_1m", "currency"} <= set(df.columns)
    row = df.set_index("model").loc["qwen/qwen-plus"]
    assert row["input_per_1m"] == 0.8 and row["currency"] == "CNY"


def test_repr_html_without_pandas() -> None:
    cat = load_catalog()
    html = cat.offers()._repr_html_()
    assert html.startswith("<table>") and "zhipu-migration-2024" in html
    assert "150,000,000" in html and "<em>unknown</em>" in html
    assert "<table>" in cat.events()._repr_html_()
    assert "<table>" in cat.providers()._repr_html_()
    assert "no results" in cat.offers(active_on=dt.date(2020, 1, 1))._repr_html_()


def test_events_and_providers_to_pandas() -> None:
    cat = load_catalog()
    assert len(cat.events().to_pandas()) == len(cat.events())
    assert "api_key_env" in cat.providers().to_pandas().columns


def test_docs_session_runs_as_shown() -> None:
    import doctest
    from pathlib import Path

    doc = Path(__file__).resolve().parents[2] / "docs" / "catalog.md"
    if not doc.exists():
        pytest.skip("docs/catalog.md not present")
    result = doctest.testfile(
        str(doc), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert result.failed == 0
