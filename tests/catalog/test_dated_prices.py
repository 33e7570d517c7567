"""Each price point added or corrected for issue 16: value, currency, start date and source.

A row says: on ``effective_from`` the point is in force with these figures, from this source;
the day before, it is not (an earlier point, or no price). Confirming sources never move the
start (``confirmed_by``).
"""

from __future__ import annotations

import datetime as dt

import pytest

from llmswitch.catalog import Catalog, load_catalog

D = dt.date


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


# (model, effective_from, input, output, currency, url fragment of the source)
FIGURES = [
    ("glm/glm-4", D(2024, 1, 17), 100.0, 100.0, "CNY", "MetaGPT/blob/4e13eaca"),
    ("glm/glm-4-0520", D(2024, 6, 25), 100.0, 100.0, "CNY", "FastChat/issues/3420"),
    ("glm/glm-4-air", D(2024, 6, 25), 1.0, 1.0, "CNY", "FastChat/issues/3420"),
    ("glm/glm-4-air", D(2025, 2, 2), 0.5, 0.5, "CNY", "one-api/commit/36a03f46"),
    ("glm/glm-4-airx", D(2024, 6, 25), 10.0, 10.0, "CNY", "FastChat/issues/3420"),
    ("glm/glm-4-flash", D(2024, 6, 25), 0.1, 0.1, "CNY", "FastChat/issues/3420"),
    ("glm/glm-4-flash", D(2024, 8, 27), 0.0, 0.0, "CNY", "pot-desktop/issues/916"),
    ("glm/glm-4-plus", D(2024, 12, 8), 50.0, 50.0, "CNY", "llmprice.cn/blob/efbad8bf"),
    ("ernie/ernie-4.0-8k", D(2024, 2, 7), 120.0, 120.0, "CNY", "MetaGPT/blob/d180d391"),
    ("ernie/ernie-3.5-8k", D(2024, 2, 23), 12.0, 12.0, "CNY", "MetaGPT/blob/79c71dc5"),
    ("qwen/qwen-max", D(2024, 5, 21), 40.0, 120.0, "CNY", "MetaGPT/blob/712dfb23"),
    ("qwen/qwen-plus", D(2024, 5, 21), 4.0, 12.0, "CNY", "MetaGPT/blob/712dfb23"),
    ("qwen/qwen-turbo", D(2024, 5, 21), 2.0, 6.0, "CNY", "MetaGPT/blob/712dfb23"),
    ("qwen/qwen-long", D(2024, 5, 21), 0.5, 2.0, "CNY", "MetaGPT/blob/712dfb23"),
    ("moonshot/moonshot-v1-8k", D(2024, 2, 18), 12.0, 12.0, "CNY", "one-api/commit/2acc2f50"),
    ("moonshot/moonshot-v1-32k", D(2024, 2, 18), 24.0, 24.0, "CNY", "one-api/commit/2acc2f50"),
    ("moonshot/moonshot-v1-128k", D(2024, 2, 18), 60.0, 60.0, "CNY", "one-api/commit/2acc2f50"),
    ("doubao/doubao-pro-32k", D(2024, 5, 29), 0.8, 2.0, "CNY", "llmprice.cn/blob/0f7e3635"),
    ("doubao/doubao-lite-32k", D(2024, 5, 29), 0.3, 0.6, "CNY", "llmprice.cn/blob/0f7e3635"),
    ("doubao/doubao-pro-128k", D(2024, 5, 29), 5.0, 9.0, "CNY", "llmprice.cn/blob/0f7e3635"),
    ("sensenova/SenseChat-5", D(2024, 9, 26), 40.0, 100.0, "CNY", "lobehub/pull/4162"),
    ("sensenova/SenseChat-Turbo", D(2024, 9, 26), 2.0, 5.0, "CNY", "lobehub/pull/4162"),
    ("sensenova/SenseChat-128K", D(2024, 9, 26), 60.0, 60.0, "CNY", "lobehub/pull/4162"),
    ("sensenova/SenseChat-Vision", D(2024, 9, 26), 100.0, 100.0, "CNY", "lobehub/pull/4162"),
    ("openai/gpt-4o", D(2024, 5, 14), 5.0, 15.0, "USD", "prediction-market-agent/issues/177"),
    ("openai/gpt-4o", D(2024, 10, 3), 2.5, 10.0, "USD", "LibreChat/pull/4387"),
    (
        "openai/gpt-4o-2024-05-13",
        D(2024, 5, 14),
        5.0,
        15.0,
        "USD",
        "prediction-market-agent/issues/177",
    ),
    ("openai/gpt-4o-2024-08-06", D(2024, 8, 8), 2.5, 10.0, "USD", "llmprice.cn/blob/260b9f95"),
    ("openai/gpt-4o-mini", D(2024, 7, 18), 0.15, 0.6, "USD", "llmprice.cn/blob/c35891e4"),
    ("openai/gpt-3.5-turbo", D(2024, 3, 16), 0.5, 1.5, "USD", "one-api/commit/4998d583"),
    ("ernie/embedding-v1", D(2023, 7, 29), 2.0, None, "CNY", "one-api/commit/130e6bfd"),
    ("openai/text-embedding-3-small", D(2024, 1, 26), 0.02, None, "USD", "tokencost/issues/20"),
    ("openai/text-embedding-3-large", D(2024, 1, 26), 0.13, None, "USD", "tokencost/issues/20"),
]


@pytest.mark.parametrize(
    ("model", "start", "inp", "out", "currency", "url"),
    FIGURES,
    ids=[f"{m}@{d}" for m, d, *_ in FIGURES],
)
def test_price_point_value_currency_start_and_source(
    cat: Catalog,
    model: str,
    start: dt.date,
    inp: float,
    out: float | None,
    currency: str,
    url: str,
) -> None:
    point = cat.price(model, on=start)
    assert point is not None, f"{model}: no price on {start}"
    assert (point.input, point.output, point.currency) == (inp, out, currency)
    assert point.applies_from == start
    assert url in point.source.url and point.source.date is not None
    before = cat.price(model, on=start - dt.timedelta(days=1))
    assert before is None or before.applies_from < start


def test_confirming_sources_keep_the_earlier_start(cat: Catalog) -> None:
    glm4 = cat.price("glm/glm-4", on=D(2024, 7, 22))
    assert glm4 is not None and glm4.effective_from == D(2024, 1, 17)
    dates = [s.date for s in glm4.confirmed_by]
    assert D(2024, 7, 22) in dates and all(d is not None and d >= D(2024, 1, 17) for d in dates)
    ernie4 = cat.price("ernie/ernie-4.0-8k", on=D(2024, 7, 9))
    assert ernie4 is not None and ernie4.effective_from == D(2024, 2, 7)


def test_gpt4o_alias_keeps_may_price_until_it_moves_to_the_august_snapshot(cat: Catalog) -> None:
    for day in (D(2024, 7, 9), D(2024, 8, 6), D(2024, 9, 20), D(2024, 10, 2)):
        point = cat.price("openai/gpt-4o", on=day)
        assert point is not None and (point.input, point.output) == (5.0, 15.0), day
    snapshot = cat.price("openai/gpt-4o-2024-08-06", on=D(2024, 9, 1))
    assert snapshot is not None and (snapshot.input, snapshot.output) == (2.5, 10.0)


def test_cached_input_price_only_where_a_dated_source_gives_it(cat: Catalog) -> None:
    assert cat.price("openai/gpt-4o", on=D(2024, 11, 1)).cached_input is None  # type: ignore[union-attr]
    later = cat.price("openai/gpt-4o", on=D(2025, 1, 1))
    assert later is not None and later.cached_input == 1.25


def test_prices_no_source_states_stay_unknown(cat: Catalog) -> None:
    # hunyuan-standard-256k: only the input of the 22 May 2024 cut is sourced
    point = cat.price("hunyuan/hunyuan-standard-256k", on=D(2024, 7, 1))
    assert point is not None and point.input == 15.0 and point.output is None
    # SenseChat before its first source, GLM-4-Plus before December 2024
    assert cat.price("sensenova/SenseChat-5", on=D(2024, 7, 9)) is None
    assert cat.price("glm/glm-4-plus", on=D(2024, 9, 1)) is None


def test_converted_usd_sources_are_not_high_confidence_alone(cat: Catalog) -> None:
    for model in ("qwen/qwen-plus", "qwen/qwen-turbo"):
        point = cat.price(model, on=D(2024, 7, 1))
        assert point is not None and "MetaGPT" in point.source.url
        assert point.confidence == "medium"
