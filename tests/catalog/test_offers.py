"""The researched offer terms (spec/offers.md), unknowns kept None, and offer status on dates."""

from __future__ import annotations

import datetime as dt

import pytest

from llmswitch.catalog import Catalog, load_catalog

D = dt.date


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


def test_nine_researched_offers_with_their_providers(cat: Catalog) -> None:
    by_provider = {o.provider for o in cat.offers()}
    assert by_provider == {
        "glm", "ernie", "qwen", "sensenova", "hunyuan", "baichuan", "yi", "tiangong", "stepfun",
    }  # fmt: skip


def test_zhipu_150m_is_50m_glm4_plus_100m_glm4_air(cat: Catalog) -> None:
    o = cat.offer("zhipu-migration-2024")
    assert o.total_free_tokens == 150_000_000
    assert [(g.model, g.tokens) for g in o.grants] == [
        ("glm-4", 50_000_000),
        ("glm-4-air", 100_000_000),
    ]
    assert o.announced == o.start == D(2024, 6, 25)
    assert o.end is None
    assert o.support.training is True and o.support.consulting is True
    assert o.confidence == "high"
    assert o.discrepancies  # the articles' "same benchmarks" claim


def test_baidu_50m_ernie_35_plus_tokens_matched_to_openai_usage(cat: Catalog) -> None:
    o = cat.offer("baidu-inclusive-2024")
    assert o.grants[0].model == "ernie-3.5-8k" and o.grants[0].tokens == 50_000_000
    assert o.grants[0].model_as_stated == "ERNIE 3.5"
    matched = o.grants[1]
    assert matched.tokens is None and "OpenAI usage" in (matched.note or "")
    assert o.total_free_tokens == 50_000_000 and o.total_is_lower_bound
    assert o.support.fine_tuning is True and o.support.migration_help is True
    assert any("OpenAI usage" in t for t in o.extra_terms)
    assert o.end is None


def test_alibaba_22m_qwen_plus(cat: Catalog) -> None:
    o = cat.offer("alibaba-migration-2024")
    assert [(g.model, g.tokens) for g in o.grants] == [("qwen-plus", 22_000_000)]
    assert o.confidence == "medium"


def test_sensetime_50m_model_and_dates_unknown(cat: Catalog) -> None:
    o = cat.offer("sensetime-migration-2024")
    assert o.total_free_tokens == 50_000_000
    assert o.grants[0].model is None
    assert o.name is None and o.start is None and o.announced is None and o.end is None
    assert o.support.training is True


def test_tencent_100m_until_end_of_july(cat: Catalog) -> None:
    o = cat.offer("tencent-hunyuan-2024")
    assert o.total_free_tokens == 100_000_000
    assert o.end == D(2024, 7, 31)
    assert o.eligibility == "New users"
    assert o.grants[0].model is None and o.start is None


def test_low_confidence_offers_keep_unknowns(cat: Catalog) -> None:
    assert cat.offer("baichuan-2024").total_free_tokens == 10_000_000
    assert cat.offer("baichuan-2024").confidence == "low"
    yi = cat.offer("yi-replacement-2024")
    assert yi.total_free_tokens is None and yi.grants == ()
    tiangong = cat.offer("tiangong-moving-2024")
    assert tiangong.total_free_tokens == 150_000_000
    assert [g.model for g in tiangong.grants] == [None, None]
    step = cat.offer("stepfun-migration-guide")
    assert step.total_free_tokens is None and step.support.rate_limits_matched is True


def test_openai_notice_and_block_dates(cat: Catalog) -> None:
    assert cat.event("openai-block-2024-07-09").date == D(2024, 7, 9)
    notice = cat.event("openai-notice-2024-06")
    assert D(2024, 6, 24) <= notice.date <= D(2024, 6, 30)
    assert [e.date for e in cat.events()] == sorted(e.date for e in cat.events())


def test_may_2024_price_cuts_have_before_after(cat: Catalog) -> None:
    cuts = cat.events(kind="price_cut")
    may = [e for e in cuts if e.date.year == 2024 and e.date.month == 5]
    assert {e.provider for e in may} >= {"glm", "qwen", "ernie", "hunyuan", "doubao"}
    glm = cat.event("zhipu-glm3-turbo-cut-2024-05-11").price_changes[0]
    assert (glm.input_before, glm.input_after) == (5.0, 1.0)
    speed = cat.event("baidu-ernie-free-2024-05-21").price_changes[0]
    assert (speed.model, speed.input_before, speed.input_after) == ("ernie-speed-8k", 4.0, 0.0)
    hunyuan = cat.event("tencent-hunyuan-cut-2024-05-22").price_changes[1]
    assert hunyuan.input_before is None and hunyuan.input_after == 15.0


@pytest.mark.parametrize(
    ("offer_id", "day", "status"),
    [
        ("zhipu-migration-2024", D(2024, 6, 24), "upcoming"),
        ("zhipu-migration-2024", D(2024, 6, 25), "active"),
        ("zhipu-migration-2024", D(2024, 7, 3), "active"),
        ("zhipu-migration-2024", D(2024, 7, 9), "active"),  # block day: GadInsider, 2024-07-10
        ("zhipu-migration-2024", D(2024, 7, 10), "active"),  # newest source
        ("zhipu-migration-2024", D(2024, 7, 11), "unknown"),  # never assumed still running
        ("baidu-inclusive-2024", D(2024, 7, 9), "active"),
        ("baidu-inclusive-2024", D(2024, 7, 11), "unknown"),
        ("alibaba-migration-2024", D(2024, 7, 3), "active"),  # The Batch
        ("alibaba-migration-2024", D(2024, 7, 9), "unknown"),  # no report of 9-10 July
        ("tencent-hunyuan-2024", D(2024, 7, 1), "unknown"),  # before it was first reported
        ("tencent-hunyuan-2024", D(2024, 7, 20), "active"),
        ("tencent-hunyuan-2024", D(2024, 7, 31), "active"),
        ("tencent-hunyuan-2024", D(2024, 8, 1), "expired"),
        ("sensetime-migration-2024", D(2024, 6, 27), "active"),
        ("sensetime-migration-2024", D(2024, 8, 1), "unknown"),
        ("tiangong-moving-2024", D(2024, 7, 1), "unknown"),
        ("stepfun-migration-guide", D(2025, 1, 1), "unknown"),
    ],
)
def test_status_on_dates(cat: Catalog, offer_id: str, day: dt.date, status: str) -> None:
    assert cat.offer(offer_id).status(on=day) == status


def test_last_confirmed_overrides_newest_source(cat: Catalog) -> None:
    o = cat.offer("zhipu-migration-2024").model_copy(update={"last_confirmed": D(2024, 9, 1)})
    assert o.status(on=D(2024, 8, 15)) == "active"
    assert o.status(on=D(2024, 9, 2)) == "unknown"


def test_active_on_returns_exactly_the_active_offers(cat: Catalog) -> None:
    for day in (D(2024, 6, 20), D(2024, 6, 27), D(2024, 7, 1), D(2024, 7, 20), D(2024, 8, 5)):
        active = {o.id for o in cat.offers(active_on=day)}
        assert active == {o.id for o in cat.offers() if o.status(day) == "active"}
    assert {o.id for o in cat.offers(active_on=D(2024, 7, 1))} == {
        "zhipu-migration-2024", "baidu-inclusive-2024", "alibaba-migration-2024",
    }  # fmt: skip
    assert [o.id for o in cat.offers(active_on=D(2024, 7, 20))] == ["tencent-hunyuan-2024"]
    assert cat.offers(active_on=D(2024, 6, 20)) == []


def test_offers_filter_by_provider_alias(cat: Catalog) -> None:
    assert [o.id for o in cat.offers(provider="zhipu")] == ["zhipu-migration-2024"]
    assert [o.id for o in cat.offers(provider="tencent")] == ["tencent-hunyuan-2024"]
