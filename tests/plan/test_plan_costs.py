"""Cost arithmetic of the planner, against hand-computed figures."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import pytest

from llmswitch.catalog import load_catalog
from llmswitch.plan import Workload, WorkloadError, compare, parse_tokens
from llmswitch.plan._costs import burn_down

JULY1 = dt.date(2024, 7, 1)


def _user_prices() -> dict[str, Any]:
    """glm-4-air at 1/1 CNY and glm-4 at 100/100 CNY from 2024-06-01 (a user's own prices)."""
    source = {"url": "https://example.com/contract", "date": "2024-06-01", "kind": "user"}
    return {
        "sources": {"contract": source},
        "models": [
            {
                "provider": "glm",
                "id": model,
                "prices": [
                    {
                        "input": price,
                        "output": price,
                        "currency": "CNY",
                        "as_of": dt.date(2024, 6, 1),
                        "effective_from": dt.date(2024, 6, 1),
                        "source": "contract",
                    }
                ],
            }
            for model, price in (("glm-4-air", 1.0), ("glm-4", 100.0))
        ],
    }


def test_parse_tokens_accepts_suffixes() -> None:
    assert parse_tokens("50M") == 50_000_000
    assert parse_tokens("1.5B") == 1_500_000_000
    assert parse_tokens("200k") == 200_000
    assert parse_tokens("1_000") == 1_000
    with pytest.raises(WorkloadError, match="50M"):
        parse_tokens("lots")


def test_burn_down_partial_month_pays_uncovered_share() -> None:
    months = burn_down(
        [(1e6, 1e6, 0)] * 3, free_tokens=3e6, input_price=1.0, output_price=3.0, start=JULY1
    )
    # 2M tokens a month cost 4.0; 3M free cover month 1 and half of month 2
    assert [m.cost for m in months] == [0.0, 2.0, 4.0]
    assert [m.cumulative for m in months] == [0.0, 2.0, 6.0]
    assert [m.covered for m in months] == [True, False, False]
    assert months[2].start == dt.date(2024, 9, 1)


def test_free_tokens_run_out_in_month_3_with_user_price_override() -> None:
    cat = load_catalog(extra=_user_prices())
    w = Workload(input_tokens="30M", output_tokens="10M")  # 40M a month
    cmp = compare(w, on=JULY1, catalog=cat, candidates=["glm/glm-4-air"])
    row = cmp.get("glm/glm-4-air")
    assert row.input_price == 1.0 and row.price_source == "third_party"
    assert row.free_tokens == 100_000_000 and row.offers == ("zhipu-migration-2024",)
    # month 1: 40M free, month 2: 40M free, month 3: 20M free + 20M paid (20 CNY), then 40/month
    assert [m.cost for m in row.months[:4]] == [0.0, 0.0, 20.0, 40.0]
    assert row.runs_out_in == 3 and row.free_months == 2
    assert row.first_year == pytest.approx(20 + 9 * 40)
    assert row.first_year_gross == pytest.approx(12 * 40)


def test_per_model_grant_applies_only_to_its_model() -> None:
    cat = load_catalog(extra=_user_prices())
    w = Workload(input_tokens="30M", output_tokens="10M")
    cmp = compare(w, on=JULY1, catalog=cat, candidates=["glm"])
    assert cmp.get("glm/glm-4").free_tokens == 50_000_000
    assert cmp.get("glm/glm-4-air").free_tokens == 100_000_000
    assert cmp.get("glm/glm-4-flash").free_tokens == 0
    glm4 = cmp.get("glm/glm-4")
    # 40M covered in month 1, 10M of 40M in month 2: 4000 * 0.75, then 4000 a month
    assert glm4.months[1].cost == pytest.approx(3000.0)
    assert glm4.first_year == pytest.approx(3000 + 10 * 4000)


def test_expired_offer_is_excluded() -> None:
    w = Workload(input_tokens="1M")
    during = compare(w, on=dt.date(2024, 7, 15), candidates=["hunyuan/hunyuan-lite"])
    after = compare(w, on=dt.date(2024, 8, 1), candidates=["hunyuan/hunyuan-lite"])
    assert during.get("hunyuan/hunyuan-lite").free_tokens == 100_000_000
    assert after.get("hunyuan/hunyuan-lite").free_tokens == 0
    use = next(u for u in after.offers if u.offer.id == "tencent-hunyuan-2024")
    assert use.status == "expired" and not use.applied and "2024-07-31" in (use.note or "")


def test_historical_mode_shows_offers_as_they_stood() -> None:
    w = Workload(input_tokens="50M", output_tokens="10M")
    cmp = compare(w, on=dt.date(2024, 7, 9))
    status = {u.offer.id: u.status for u in cmp.offers}
    assert status["tencent-hunyuan-2024"] == "unknown"  # first reported 2024-07-10
    assert status["zhipu-migration-2024"] == "active"  # confirmed by a report of 2024-07-10
    assert cmp.get("glm/glm-4-air").free_tokens == 100_000_000
    loose = compare(w, on=dt.date(2024, 7, 9), include_unconfirmed=True)
    assert loose.get("glm/glm-4-air").free_tokens == 100_000_000


def test_unknown_price_is_listed_with_reason_not_a_cost() -> None:
    cmp = compare(Workload(input_tokens="50M", output_tokens="10M"), on=JULY1)
    row = cmp.get("sensenova/SenseChat-5")
    assert row.status == "unknown price" and row.first_year is None
    assert "first known from 2024-09-26" in (row.reason or "")
    assert row.savings is None
    # a month fully paid by free tokens costs 0 even when the list price is unknown
    small = compare(Workload(input_tokens="1M", output_tokens="1M"), on=JULY1)
    assert small.get("glm/glm-4").first_year == 0.0


def test_currency_rate_override() -> None:
    w = Workload(input_tokens="1M", output_tokens="1M")
    cmp = compare(w, on=JULY1, fx=7.0, candidates=["qwen/qwen-plus"])
    # gpt-4o on 2024-07-01: 5 + 15 USD per 1M -> 20 USD = 140 CNY a month
    assert cmp.baseline.monthly_cost == pytest.approx(140.0)
    assert cmp.baseline.first_year == pytest.approx(1680.0)
    usd = compare(w, on=JULY1, fx=8.0, currency="USD", candidates=["qwen/qwen-plus"])
    plus = usd.get("qwen/qwen-plus")
    assert (plus.input_price, plus.output_price) == (0.5, 1.5)  # 4 and 12 CNY at 8 CNY/USD
    assert usd.baseline.monthly_cost == pytest.approx(20.0)
    default = compare(w, on=JULY1, candidates=["qwen/qwen-plus"])
    assert default.fx.rate == 7.1265 and default.currency == "CNY"


def test_savings_and_feature_gaps() -> None:
    w = Workload(input_tokens="50M", output_tokens="10M", features=["tools"])
    cmp = compare(w, on=JULY1)
    plus = cmp.get("qwen/qwen-plus")
    # 60M/month at 4/12 CNY = 320/month; 22M free in month 1
    assert plus.first_year == pytest.approx(320 * (1 - 22 / 60) + 320 * 11)
    assert plus.savings == pytest.approx(cmp.baseline.first_year - plus.first_year)
    speed = cmp.get("ernie/ernie-speed-8k")
    assert speed.status == "excluded" and speed.gaps == ("tools: unknown (no source says)",)
    assert cmp.best(1)[0].model == "glm/glm-4-flash"


def test_growth_compounds_monthly() -> None:
    w = Workload(input_tokens="1M", growth=0.1)
    assert w.volume(3)[0] == pytest.approx(1_210_000)


def test_workload_from_toml_and_errors(tmp_path: Any) -> None:
    path = tmp_path / "w.toml"
    path.write_text(
        '[workload]\ninput_tokens = "50M"\noutput_tokens = "10M"\nfeatures = ["tools"]\n'
        "start = 2024-07-01\n",
        encoding="utf-8",
    )
    w = Workload.from_toml(path)
    assert (w.input_tokens, w.features, w.start) == (50_000_000, ("tools",), JULY1)
    path.write_text('input_tokens = "50M"\ncolour = "red"\n', encoding="utf-8")
    with pytest.raises(WorkloadError, match="unknown key 'colour'"):
        Workload.from_toml(path)
    with pytest.raises(WorkloadError, match="does not exist"):
        Workload.from_toml(tmp_path / "missing.toml")
    with pytest.raises(WorkloadError, match="unknown feature"):
        Workload(features=["telepathy"])


def test_tables_and_plot(tmp_path: Any) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    cmp = compare(Workload(input_tokens="50M", output_tokens="10M"), on=JULY1)
    df = cmp.to_pandas()
    assert df.iloc[0]["model"] == "openai/gpt-4o"
    assert "<table>" in cmp._repr_html_() and "unknown" in cmp._repr_html_()
    assert len(cmp.burn_down()) == 12 * (1 + len(cmp.candidates))
    for suffix in ("png", "svg"):
        cmp.plot(path=tmp_path / f"plot.{suffix}")
        assert (tmp_path / f"plot.{suffix}").stat().st_size > 1000
    assert cmp.to_dict()["baseline"]["model"] == "openai/gpt-4o"


def test_import_plan_is_light() -> None:
    """``import llmswitch.plan`` adds none of pandas, matplotlib, rich to what ``import
    llmswitch`` already loads (httpx loads rich for its own CLI when rich is installed)."""
    code = (
        "import sys; names = ('pandas', 'matplotlib', 'rich'); import llmswitch; "
        "before = {m for m in names if m in sys.modules}; import llmswitch.plan; "
        "print(','.join(m for m in names if m in sys.modules and m not in before))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_models_a_source_dates_as_retired_or_unreleased_are_not_candidates() -> None:
    import datetime as dt

    w = Workload(input_tokens="1M", output_tokens="1M")
    # deepseek-chat was retired on 2026-07-24 (catalog: lifecycle source)
    before = compare(w, on=dt.date(2026, 7, 1))
    after = compare(w, on=dt.date(2026, 8, 1))
    assert any(r.model == "deepseek/deepseek-chat" for r in before.candidates)
    assert not any(r.model == "deepseek/deepseek-chat" for r in after.candidates)
    assert not any(r.model == "deepseek/deepseek-chat" for r in after.excluded)
    # a model released later is not offered in 2024
    early = compare(w, on=dt.date(2024, 7, 1))
    assert not any(r.model.startswith("deepseek/deepseek-v4") for r in early.candidates)
