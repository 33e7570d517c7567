"""User overrides: extra TOML or dict merged over the shipped data, and errors naming file+field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from llmswitch.catalog import CatalogError, load_catalog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "catalog"
D = dt.date


def test_extra_toml_overrides_a_price_and_adds_an_offer() -> None:
    cat = load_catalog(extra=FIXTURES / "negotiated.toml")
    negotiated = cat.price("qwen/qwen-plus", on=D(2024, 8, 2))
    assert negotiated is not None and (negotiated.input, negotiated.output) == (0.5, 1.5)
    assert negotiated.source.kind == "user"
    before = cat.price("qwen/qwen-plus", on=D(2024, 7, 1))
    assert before is not None and before.input == 4.0  # shipped history kept
    offer = cat.offer("acme-glm-credit-2024")
    assert offer.provider == "glm"  # written as "zhipu": aliases are resolved
    assert offer.total_free_tokens == 5_000_000
    assert offer.status(on=D(2024, 9, 1)) == "active"
    assert len(cat.offers()) == len(load_catalog().offers()) + 1


def test_extra_dict_overrides_fields_of_a_shipped_offer() -> None:
    extra: dict[str, Any] = {
        "offers": [{"id": "zhipu-migration-2024", "last_confirmed": dt.date(2024, 8, 31)}]
    }
    cat = load_catalog(extra=extra)
    o = cat.offer("zhipu-migration-2024")
    assert o.total_free_tokens == 150_000_000
    assert o.status(on=D(2024, 8, 15)) == "active"
    assert o.id in {x.id for x in cat.offers(active_on=D(2024, 8, 15))}


def test_fx_override_in_extra() -> None:
    extra = {"fx": {"rate": 7.3, "as_of": dt.date(2025, 1, 1), "source": {"url": "https://x"}}}
    cat = load_catalog(extra=extra)
    assert cat.fx.rate == 7.3
    p = cat.price("openai/gpt-4o", on=D(2024, 7, 1), currency="CNY")
    assert p is not None and p.input == pytest.approx(36.5)


def test_validation_error_names_file_and_field() -> None:
    with pytest.raises(CatalogError) as info:
        load_catalog(extra=FIXTURES / "bad_offer.toml")
    message = str(info.value)
    assert "bad_offer.toml" in message
    assert "offers['broken-offer'].grants[0].tokens" in message


def test_unknown_field_is_rejected_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "typo.toml"
    path.write_text('[[models]]\nprovider = "qwen"\nid = "qwen-plus"\ncontext_windw = 5\n')
    with pytest.raises(CatalogError, match=r"typo\.toml: models\[qwen/qwen-plus\]\.context_windw"):
        load_catalog(extra=path)


def test_unknown_model_in_offer_grant_is_rejected() -> None:
    extra = {
        "offers": [
            {
                "id": "x",
                "provider": "glm",
                "confidence": "low",
                "sources": [{"url": "https://example.com"}],
                "grants": [{"model": "glm-99", "tokens": 1}],
            }
        ]
    }
    with pytest.raises(CatalogError, match=r"<extra dict>: offers\['x'\]\.grants\[0\]\.model"):
        load_catalog(extra=extra)


def test_unknown_provider_and_source_reference_are_rejected() -> None:
    bad_provider = {"models": [{"provider": "nope", "id": "m"}]}
    with pytest.raises(CatalogError, match="unknown provider 'nope'"):
        load_catalog(extra=bad_provider)
    bad_ref = {"events": [{"id": "e", "date": dt.date(2024, 1, 1), "kind": "launch",
                           "title": "t", "sources": ["missing_ref"]}]}  # fmt: skip
    with pytest.raises(CatalogError, match="unknown source reference 'missing_ref'"):
        load_catalog(extra=bad_ref)


def test_dates_out_of_order_are_rejected() -> None:
    extra = {
        "offers": [
            {
                "id": "y",
                "provider": "glm",
                "confidence": "low",
                "sources": [{"url": "https://example.com"}],
                "start": dt.date(2024, 8, 1),
                "end": dt.date(2024, 7, 1),
            }
        ]
    }
    with pytest.raises(CatalogError, match=r"start .* is after end"):
        load_catalog(extra=extra)


def test_missing_or_invalid_toml_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read"):
        load_catalog(extra=tmp_path / "absent.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[[offers]\n")
    with pytest.raises(CatalogError, match=r"broken\.toml: invalid TOML"):
        load_catalog(extra=broken)


def test_catalog_error_is_a_value_error() -> None:
    assert issubclass(CatalogError, ValueError)
    with pytest.raises(ValueError):
        load_catalog().model("nope/nothing")


def test_extra_model_under_a_provider_alias_merges_into_the_shipped_model() -> None:
    extra = {
        "models": [
            {
                "provider": "dashscope",
                "id": "qwen-plus",
                "prices": [
                    {
                        "input": 0.1,
                        "output": 0.2,
                        "currency": "CNY",
                        "as_of": dt.date(2024, 9, 19),
                        "source": {"url": "https://example.com/quote", "kind": "user"},
                    }
                ],
            }
        ]
    }
    cat = load_catalog(extra=extra)
    assert len(cat.models(provider="qwen")) == len(load_catalog().models(provider="qwen"))
    same_day = cat.price("qwen/qwen-plus", on=D(2024, 12, 1))
    assert same_day is not None and same_day.input == 0.1  # the user's point wins the tie
