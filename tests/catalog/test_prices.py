"""Dated price points: price(on=) picks the point in force; currency conversion with fx."""

from __future__ import annotations

import datetime as dt

import pytest

from llmswitch.catalog import Catalog, FxRate, Source, load_catalog

D = dt.date


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


def test_gpt4o_mid_2024_vs_later(cat: Catalog) -> None:
    mid = cat.price("openai/gpt-4o", on=D(2024, 7, 9))
    assert mid is not None and (mid.input, mid.output, mid.currency) == (5.0, 15.0, "USD")
    later = cat.price("openai/gpt-4o", on=D(2025, 1, 1))
    assert later is not None and (later.input, later.output) == (2.5, 10.0)


def test_qwen_plus_mid_2024_vs_late_2024(cat: Catalog) -> None:
    mid = cat.price("qwen/qwen-plus", on=D(2024, 7, 1))
    assert mid is not None and (mid.input, mid.output) == (4.0, 12.0)
    assert mid.source.kind == "third_party" and mid.confidence == "medium"
    late = cat.price("qwen/qwen-plus", on=D(2024, 12, 1))
    assert late is not None and (late.input, late.output) == (0.8, 2.0)
    assert late.source_kind == "provider"


def test_ernie_speed_free_from_2024_05_21(cat: Catalog) -> None:
    before = cat.price("ernie/ernie-speed-8k", on=D(2024, 5, 20))
    after = cat.price("ernie/ernie-speed-8k", on=D(2024, 5, 21))
    assert before is not None and (before.input, before.output) == (4.0, 8.0)
    assert after is not None and (after.input, after.output) == (0.0, 0.0)


def test_deepseek_v2_vs_v3_price(cat: Catalog) -> None:
    assert cat.price("deepseek/deepseek-chat", on=D(2024, 7, 1)).input == 1.0  # type: ignore[union-attr]
    assert cat.price("deepseek/deepseek-chat", on=D(2025, 3, 1)).output == 8.0  # type: ignore[union-attr]


def test_price_before_any_point_and_unsourced_prices_are_none(cat: Catalog) -> None:
    assert cat.price("openai/gpt-4o-mini", on=D(2024, 7, 1)) is None
    assert cat.price("sensenova/SenseChat-5", on=D(2024, 7, 1)) is None  # first sourced Sept
    assert cat.model("qwen/text-embedding-v3").prices == ()
    assert cat.model("sensenova/nova-embedding-stable").prices == ()


def test_default_price_is_newest(cat: Catalog) -> None:
    newest = cat.price("qwen/qwen-max")
    assert newest is not None and newest.as_of == D(2026, 5, 1)


def test_embedding_price_has_no_output(cat: Catalog) -> None:
    p = cat.price("openai/text-embedding-3-small")
    assert p is not None and p.input == 0.02 and p.output is None


def test_convert_with_default_rate(cat: Catalog) -> None:
    usd = cat.price("qwen/qwen-plus", on=D(2024, 7, 1), currency="USD")
    assert usd is not None and usd.currency == "USD"
    assert usd.input == pytest.approx(4.0 / 7.1265)
    assert "7.1265" in (usd.note or "")


def test_convert_with_fx_override(cat: Catalog) -> None:
    cny = cat.price("openai/gpt-4o", on=D(2024, 7, 1), currency="CNY", fx=7.0)
    assert cny is not None and (cny.input, cny.output) == pytest.approx((35.0, 105.0))
    rate = FxRate(rate=8.0, as_of=D(2025, 1, 1), source=Source(url="https://example.com"))
    point = cat.price("openai/gpt-4o", on=D(2024, 7, 1))
    assert point is not None
    assert cat.convert(point, "CNY", rate).input == pytest.approx(40.0)
    assert cat.convert(point, "USD") is point
