"""Models a user migrates to in late 2026: prices as sourced, capabilities, retirements, and
when each provider's data file was last checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from llmswitch.catalog import Catalog, CatalogError, load_catalog

D = dt.date
TODAY = D(2026, 11, 30)


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


# (model, effective_from, input, output, cached_input, currency, url fragment of the source)
FIGURES = [
    (
        "deepseek/deepseek-chat",
        D(2026, 1, 29),
        0.28,
        0.42,
        None,
        "USD",
        "llmprice.cn/blob/35f7904a",
    ),
    (
        "deepseek/deepseek-reasoner",
        D(2026, 1, 29),
        0.28,
        0.42,
        None,
        "USD",
        "llmprice.cn/blob/35f7904a",
    ),
    ("deepseek/deepseek-v4-flash", D(2026, 5, 25), 0.14, 0.28, None, "USD", "litellm/pull/28789"),
    ("deepseek/deepseek-v4-pro", D(2026, 5, 25), 0.435, 0.87, None, "USD", "litellm/pull/28789"),
    ("glm/glm-4.7", D(2026, 9, 13), 2.0, 8.0, 0.4, "CNY", "opencodex/pull/4444"),
    ("glm/glm-5", D(2026, 3, 7), 4.0, 18.0, None, "CNY", "llmprice.cn/blob/eb5fefcf"),
    ("glm/glm-5", D(2026, 9, 13), 4.0, 18.0, 1.0, "CNY", "opencodex/pull/4444"),
    ("glm/glm-5.1", D(2026, 9, 13), 6.0, 24.0, 1.3, "CNY", "opencodex/pull/4444"),
    ("glm/glm-5.2", D(2026, 9, 13), 8.0, 28.0, 2.0, "CNY", "opencodex/pull/4444"),
    ("glm/glm-5.3", D(2026, 9, 13), 8.0, 28.0, 2.0, "CNY", "opencodex/pull/4444"),
    ("qwen/qwen3-max", D(2026, 1, 29), 2.5, 10.0, None, "CNY", "llmprice.cn/blob/35f7904a"),
    ("qwen/qwen3-max", D(2026, 9, 11), 9.0, 54.0, None, "CNY", "models.dev/pull/6723"),
    ("qwen/qwen3.5-plus", D(2026, 3, 7), 0.8, 4.8, None, "CNY", "llmprice.cn/blob/eb5fefcf"),
    ("qwen/qwen3.5-plus", D(2026, 9, 11), 2.0, 12.0, None, "CNY", "models.dev/pull/6723"),
    (
        "ernie/ernie-4.5-turbo-128k",
        D(2026, 3, 7),
        0.8,
        3.2,
        None,
        "CNY",
        "llmprice.cn/blob/eb5fefcf",
    ),
    ("qwen/qwen3.5-flash", D(2026, 9, 11), 1.2, 7.2, None, "CNY", "models.dev/pull/6723"),
    ("qwen/qwen3.7-plus", D(2026, 8, 20), 2.0, 8.0, 0.4, "CNY", "midscene/pull/3010"),
    ("qwen/qwen3.7-flash", D(2026, 8, 2), 0.2, 0.8, 0.02, "CNY", "models.dev/pull/3954"),
    ("qwen/qwen-plus", D(2026, 11, 30), 0.8, 2.0, 0.2, "CNY", "document_detail/3023262"),
    ("qwen/qwen-flash", D(2026, 11, 30), 0.2, 1.5, 0.1, "CNY", "document_detail/3023262"),
    ("moonshot/kimi-k2.5", D(2026, 3, 7), 4.0, 21.0, None, "CNY", "llmprice.cn/blob/0ff1b4ea"),
    (
        "doubao/doubao-1.5-pro-32k",
        D(2025, 1, 23),
        0.8,
        2.0,
        None,
        "CNY",
        "llmprice.cn/blob/73812f0a",
    ),
    (
        "doubao/doubao-1.5-lite-32k",
        D(2025, 1, 23),
        0.3,
        0.6,
        None,
        "CNY",
        "llmprice.cn/blob/73812f0a",
    ),
    (
        "doubao/doubao-1.5-pro-256k",
        D(2025, 1, 23),
        5.0,
        9.0,
        None,
        "CNY",
        "llmprice.cn/blob/73812f0a",
    ),
    (
        "sensenova/sensenova-6.8-flash-lite",
        D(2026, 8, 29),
        0.0,
        0.0,
        None,
        "CNY",
        "models.dev/pull/5787",
    ),
]


@pytest.mark.parametrize(
    ("model", "start", "inp", "out", "cached", "currency", "url"),
    FIGURES,
    ids=[f"{m}@{d}" for m, d, *_ in FIGURES],
)
def test_current_price_value_currency_start_and_source(
    cat: Catalog,
    model: str,
    start: dt.date,
    inp: float,
    out: float,
    cached: float | None,
    currency: str,
    url: str,
) -> None:
    point = cat.price(model, on=start)
    assert point is not None
    assert (point.input, point.output, point.cached_input, point.currency) == (
        inp,
        out,
        cached,
        currency,
    )
    assert point.applies_from == start
    assert url in point.source.url
    assert point.source.date is not None or point.as_of == TODAY  # undated page: date checked


def test_deepseek_legacy_names_are_retired_and_not_on_sale_after(cat: Catalog) -> None:
    for key in ("deepseek/deepseek-chat", "deepseek/deepseek-reasoner"):
        model = cat.model(key)
        assert model.retired == D(2026, 7, 24) and model.replaced_by == "deepseek-v4-flash"
        assert model.lifecycle_sources and all(s.date for s in model.lifecycle_sources)
        assert model.on_sale(D(2026, 7, 23)) and not model.on_sale(D(2026, 7, 24))
        assert cat.price(key, on=D(2026, 7, 23)) is not None
        assert cat.price(key, on=D(2026, 7, 24)) is None  # no longer sold: no price
        assert cat.price(key) is not None  # the last list price stays readable
    on_sale = {m.key for m in cat.models(provider="deepseek", on_sale=TODAY)}
    assert on_sale == {"deepseek/deepseek-v4-flash", "deepseek/deepseek-v4-pro"}


def test_glm4_retired_after_june_2025(cat: Catalog) -> None:
    assert cat.model("glm/glm-4").retired == D(2025, 7, 1)
    assert "glm/glm-4" not in {m.key for m in cat.models(on_sale=TODAY)}


def test_today_has_a_priced_model_per_provider(cat: Catalog) -> None:
    for provider in ("qwen", "glm", "ernie", "deepseek", "moonshot", "doubao", "sensenova"):
        models = cat.models(provider=provider, on_sale=TODAY)
        priced = [m for m in models if m.kind != "embedding" and m.price(TODAY) is not None]
        assert priced, provider


def test_capabilities_of_current_models(cat: Catalog) -> None:
    flash = cat.model("qwen/qwen3.7-flash").capabilities
    assert (flash.tools, flash.json_schema, flash.vision, flash.reasoning) == (True,) * 4
    v4 = cat.model("deepseek/deepseek-v4-flash")
    assert v4.capabilities.reasoning and v4.capabilities.tools and v4.context_window == 1_000_000
    assert cat.model("glm/glm-5.3").context_window == 1_000_000
    assert cat.models(capability="reasoning", on_sale=TODAY)


def test_every_model_file_says_when_it_was_last_checked(cat: Catalog) -> None:
    data = Path(__file__).resolve().parents[2] / "src" / "llmswitch" / "catalog" / "data"
    for path in sorted((data / "models").glob("*.toml")):
        assert cat.last_checked(path.stem) is not None, path.name
    assert cat.last_checked("zhipu") == cat.last_checked("glm")


def test_last_checked_must_be_a_date() -> None:
    with pytest.raises(CatalogError, match="last_checked"):
        load_catalog(extra={"provider": "glm", "last_checked": "yesterday"})


def test_lifecycle_dates_need_a_source() -> None:
    with pytest.raises(CatalogError, match="lifecycle_sources"):
        load_catalog(extra={"models": [{"provider": "glm", "id": "x", "retired": D(2026, 1, 1)}]})


def test_a_model_on_sale_without_a_sourced_price_stays_unknown(cat: Catalog) -> None:
    ernie51 = cat.model("ernie/ernie-5.1")
    assert ernie51.on_sale(TODAY) and ernie51.released == D(2026, 6, 17)
    assert cat.price(ernie51, on=TODAY) is None and ernie51.prices == ()
