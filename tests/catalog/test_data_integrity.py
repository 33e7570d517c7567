"""Every shipped record loads and is consistent: sources, dates, tokens, cross references."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from llmswitch.catalog import CAPABILITIES, Catalog, load_catalog


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


def test_every_offer_has_dated_or_named_sources(cat: Catalog) -> None:
    for offer in cat.offers():
        assert offer.sources, offer.id
        for src in offer.sources:
            assert src.url, offer.id
            assert src.outlet, (offer.id, src.url)


def test_every_event_and_price_point_is_sourced(cat: Catalog) -> None:
    for event in cat.events():
        assert event.sources and all(s.url for s in event.sources), event.id
    for model in cat.models():
        for point in model.prices:
            assert point.source.url, model.key
            assert point.source.kind in {"provider", "press", "third_party", "user"}


def test_offer_dates_are_ordered(cat: Catalog) -> None:
    for o in cat.offers():
        if o.announced and o.start:
            assert o.announced <= o.start, o.id
        if o.end:
            for d in (o.announced, o.start, o.first_reported):
                assert d is None or d <= o.end, o.id


def test_free_tokens_are_non_negative(cat: Catalog) -> None:
    for o in cat.offers():
        for g in o.grants:
            assert g.tokens is None or g.tokens >= 0, o.id
        assert o.total_free_tokens is None or o.total_free_tokens >= 0


def test_offer_models_exist_in_model_table(cat: Catalog) -> None:
    for o in cat.offers():
        for model_id in o.models:
            assert cat.model(f"{o.provider}/{model_id}").provider == o.provider


def test_every_model_provider_exists(cat: Catalog) -> None:
    names = {p.name for p in cat.providers()}
    for m in cat.models():
        assert m.provider in names, m.key
    for o in cat.offers():
        assert o.provider in names, o.id
    for e in cat.events():
        assert e.provider is None or e.provider in names, e.id


def test_model_ids_are_unique_per_provider(cat: Catalog) -> None:
    keys = [m.key for m in cat.models()]
    assert len(keys) == len(set(keys))


def test_providers_cover_native_and_presets(cat: Catalog) -> None:
    native = {p.name for p in cat.providers(kind="native")}
    assert native == {"openai", "ernie", "qwen", "glm", "sensenova"}
    compat = {p.name for p in cat.providers(kind="openai-compatible")}
    assert {"deepseek", "moonshot", "doubao", "hunyuan"} <= compat
    for p in cat.providers():
        if p.kind != "company":
            assert p.base_urls and p.api_key_env and p.docs_url, p.name


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("baidu", "ernie"),
        ("qianfan", "ernie"),
        ("dashscope", "qwen"),
        ("alibaba", "qwen"),
        ("zhipu", "glm"),
        ("bigmodel", "glm"),
        ("sensetime", "sensenova"),
        ("tencent", "hunyuan"),
    ],
)
def test_provider_aliases(cat: Catalog, alias: str, name: str) -> None:
    assert cat.provider_name(alias) == name


def test_required_models_exist(cat: Catalog) -> None:
    required = [
        "openai/gpt-4o", "openai/gpt-4o-mini", "openai/gpt-4.1", "openai/gpt-4.1-mini",
        "openai/gpt-4.1-nano", "openai/o3", "openai/o3-mini", "openai/o4-mini",
        "openai/text-embedding-3-small", "openai/text-embedding-3-large",
        "qwen/qwen-plus", "qwen/qwen-max", "qwen/qwen-turbo", "qwen/text-embedding-v3",
        "glm/glm-4-plus", "glm/glm-4-air", "glm/glm-4-flash", "glm/glm-4", "glm/embedding-3",
        "ernie/ernie-4.0-8k", "ernie/ernie-3.5-8k", "ernie/ernie-speed-8k", "ernie/ernie-lite-8k",
        "ernie/embedding-v1", "sensenova/SenseChat-5", "deepseek/deepseek-chat",
        "moonshot/moonshot-v1-8k",
    ]  # fmt: skip
    for key in required:
        assert cat.model(key).key == key


def test_model_lookup_accepts_aliases_and_bare_ids(cat: Catalog) -> None:
    assert cat.model("dashscope/qwen-plus").key == "qwen/qwen-plus"
    assert cat.model("zhipu/glm-4-air").key == "glm/glm-4-air"
    assert cat.model("qwen-plus").key == "qwen/qwen-plus"


def test_capability_filter(cat: Catalog) -> None:
    embedders = cat.models(capability="embeddings")
    assert {m.key for m in embedders} >= {"openai/text-embedding-3-small", "glm/embedding-3"}
    assert all(m.capabilities.embeddings for m in embedders)
    assert all(m.capabilities.tools for m in cat.models(provider="glm", capability="tools"))
    assert set(CAPABILITIES) == {
        "tools",
        "json_mode",
        "json_schema",
        "vision",
        "reasoning",
        "streaming",
        "embeddings",
    }


def test_fx_default_is_dated_and_sourced(cat: Catalog) -> None:
    assert cat.fx.rate == pytest.approx(7.1265)
    assert cat.fx.as_of == dt.date(2024, 7, 1)
    assert cat.fx.source.url.startswith("https://")


def test_import_does_not_import_pandas() -> None:
    code = "import llmswitch.catalog, sys; assert 'pandas' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
