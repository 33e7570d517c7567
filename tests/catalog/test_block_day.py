"""The dates users compare on: 1 July 2024 and the block day, 9 July 2024.

``compare`` prices every chat model a source shows on sale that day, and applies exactly the
offers a dated source confirms running.
"""

from __future__ import annotations

import datetime as dt

import pytest

from llmswitch.catalog import Catalog, load_catalog
from llmswitch.plan import Workload, compare

JULY1, BLOCK_DAY = dt.date(2024, 7, 1), dt.date(2024, 7, 9)

# On sale, but a price no source states: listed with the reason, never guessed.
PARTLY_UNKNOWN = {"hunyuan/hunyuan-standard-256k": "output price not sourced"}


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


@pytest.mark.parametrize("day", [JULY1, BLOCK_DAY])
def test_compare_prices_every_chat_model_on_sale(cat: Catalog, day: dt.date) -> None:
    cmp = compare(Workload(input_tokens="40M", output_tokens="8M"), on=day, catalog=cat)
    on_sale = [r for r in (cmp.baseline, *cmp.rows) if cat.model(r.model).on_sale(day)]
    assert len(on_sale) >= 25
    unpriced = {r.model: r.reason for r in on_sale if r.status != "ok"}
    assert set(unpriced) == set(PARTLY_UNKNOWN), unpriced
    for r in on_sale:
        if r.status == "ok":
            assert r.first_year is not None and r.price_as_of is not None, r.model


def test_models_on_sale_is_the_query_the_planner_can_filter_with(cat: Catalog) -> None:
    keys = {m.key for m in cat.models(on_sale=JULY1)}
    assert {"glm/glm-4", "glm/glm-4-air", "ernie/ernie-3.5-8k", "qwen/qwen-plus"} <= keys
    assert "openai/gpt-4o-mini" not in keys  # released 2024-07-18
    assert "sensenova/SenseChat-5" not in keys  # no source dates it before Sept 2024
    assert "openai/gpt-4o-mini" in {m.key for m in cat.models(on_sale=dt.date(2024, 7, 18))}
    rows = cat.models(provider="glm", on_sale=JULY1).rows()
    assert all(r["on_sale"] is True for r in rows)


def test_block_day_applies_the_offers_reports_of_9_10_july_confirm(cat: Catalog) -> None:
    cmp = compare(Workload(input_tokens="40M", output_tokens="8M"), on=BLOCK_DAY, catalog=cat)
    applied = {u.offer.id for u in cmp.offers if u.applied}
    assert applied == {"zhipu-migration-2024", "baidu-inclusive-2024"}
    status = {u.offer.id: u.status for u in cmp.offers}
    assert status["alibaba-migration-2024"] == "unknown"  # last confirmed 2024-07-03
    assert status["tencent-hunyuan-2024"] == "unknown"  # first reported 2024-07-10
    for oid in applied:
        dated = [s for s in cat.offer(oid).sources if s.date and s.date >= BLOCK_DAY]
        assert dated and all("gadinsider" in s.url for s in dated)
    assert cmp.get("glm/glm-4").free_tokens == 50_000_000
    assert cmp.get("ernie/ernie-3.5-8k").free_tokens == 50_000_000
    glm4 = cmp.get("glm/glm-4")
    # 48M tokens a month at 100 CNY per 1M, 50M free: month 1 free, month 2 pays 46M
    assert glm4.months[0].cost == 0.0
    assert glm4.months[1].cost == pytest.approx(46 * 100.0)


def test_july_1_applies_the_three_confirmed_offers(cat: Catalog) -> None:
    cmp = compare(Workload(input_tokens="40M", output_tokens="8M"), on=JULY1, catalog=cat)
    applied = {u.offer.id for u in cmp.offers if u.applied}
    assert applied == {"zhipu-migration-2024", "baidu-inclusive-2024", "alibaba-migration-2024"}
    plus = cmp.get("qwen/qwen-plus")
    assert plus.free_tokens == 22_000_000 and plus.input_price == 4.0


def test_demo_workload_has_no_unknown_cost_for_a_model_on_sale(cat: Catalog) -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    workload = Workload.from_toml(root / "examples" / "support_bot" / "workload.toml")
    cmp = compare(workload, catalog=cat)  # the demo's date: the workload's start, 2024-07-01
    assert cmp.on == JULY1
    unknown = [r.model for r in cmp.candidates if r.status == "unknown price"]
    assert unknown and not [m for m in unknown if cat.model(m).on_sale(JULY1)]
    assert cmp.best(1) and cmp.baseline.first_year is not None
