"""``catalog.cost(response)``: a response from each provider's fake costs the hand-computed price;
cached-input and reasoning tokens; unknown prices come back as a reason, never a guess."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from llmswitch import Client
from llmswitch.catalog import Catalog, Cost, cost, load_catalog
from llmswitch.testing import mock_provider

D = dt.date


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


def _respond(provider: str, model: str) -> Any:
    """A real response through the client from the provider's native-wire fake."""
    with mock_provider(provider) as fake:
        fake.reply("hi", prompt_tokens=1000, completion_tokens=500)
        client = Client(fake.config)
        return client.chat.completions.create(
            model=f"{provider}/{model}", messages=[{"role": "user", "content": "x"}]
        )


# (provider, model, on (None: the response's own date), amount, currency)
# Hand-computed for 1000 prompt + 500 completion tokens at the price per 1M in force that day.
FAKES = [
    # the fake's created time is 2025-01-01: gpt-4o at $2.50/$10 -> 0.0025 + 0.005
    ("openai", "gpt-4o", None, 0.0075, "USD"),
    # DashScope sends no created time: on 2024-07-01 qwen-plus is 4/12 CNY -> 0.004 + 0.006
    ("qwen", "qwen-plus", D(2024, 7, 1), 0.010, "CNY"),
    # glm-4 at 100/100 CNY on 2025-01-01 -> 0.1 + 0.05
    ("glm", "glm-4", None, 0.15, "CNY"),
    # ernie-3.5-8k at 12/12 CNY -> 0.012 + 0.006
    ("ernie", "ernie-3.5-8k", None, 0.018, "CNY"),
    # SenseChat-5 at 40/100 CNY (first sourced 2024-09-26) -> 0.04 + 0.05
    ("sensenova", "SenseChat-5", D(2024, 10, 1), 0.09, "CNY"),
    # deepseek-chat still at the V2 price 1/2 CNY on 2025-01-01 -> 0.001 + 0.001
    ("deepseek", "deepseek-chat", None, 0.002, "CNY"),
    # moonshot-v1-8k at 12/12 CNY -> 0.012 + 0.006
    ("moonshot", "moonshot-v1-8k", None, 0.018, "CNY"),
    # doubao-pro-32k at 0.8/2 CNY -> 0.0008 + 0.001
    ("doubao", "doubao-pro-32k", None, 0.0018, "CNY"),
    # hunyuan-lite is free
    ("hunyuan", "hunyuan-lite", None, 0.0, "CNY"),
]


@pytest.mark.parametrize(("provider", "model", "on", "amount", "currency"), FAKES)
def test_response_from_each_fake_costs_the_hand_computed_price(
    cat: Catalog, provider: str, model: str, on: dt.date | None, amount: float, currency: str
) -> None:
    response = _respond(provider, model)
    result = cost(response, on=on, catalog=cat)
    assert result.reason is None, result.reason
    assert result.amount == pytest.approx(amount)
    assert result.currency == currency and result.model == f"{provider}/{model}"
    assert [(line.kind, line.tokens) for line in result.lines] == [("input", 1000), ("output", 500)]


def test_date_comes_from_created_unless_on_is_given(cat: Catalog) -> None:
    response = _respond("openai", "gpt-4o")
    assert cost(response, catalog=cat).on == D(2025, 1, 1)
    july = cost(response, on=D(2024, 7, 9), catalog=cat)
    assert july.amount == pytest.approx(1000 * 5 / 1e6 + 500 * 15 / 1e6)


def test_no_created_time_prices_as_of_today_and_says_so(cat: Catalog) -> None:
    response = _respond("qwen", "qwen-plus")
    result = cost(response, catalog=cat)
    assert result.on == dt.datetime.now(dt.timezone.utc).date()
    assert any("priced as of today" in n for n in result.notes)


def _response(usage: Any, model: str = "gpt-4o", provider: str = "openai") -> Any:
    return SimpleNamespace(provider=provider, model=model, created=1735689600, usage=usage)


def test_cached_tokens_from_a_dict_are_billed_at_the_cached_price(cat: Catalog) -> None:
    usage = {
        "prompt_tokens": 1000,
        "completion_tokens": 500,
        "prompt_tokens_details": {"cached_tokens": 400},
    }
    result = cost(_response(usage), on=D(2025, 3, 1), catalog=cat)
    # 600 at $2.50, 400 cached at $1.25, 500 out at $10
    assert result.amount == pytest.approx(0.0015 + 0.0005 + 0.005)
    kinds = {line.kind: line.tokens for line in result.lines}
    assert kinds == {"cached_input": 400, "input": 600, "output": 500}


def test_cached_tokens_as_objects_and_no_cached_price_on_that_day(cat: Catalog) -> None:
    usage = SimpleNamespace(
        prompt_tokens=1000,
        completion_tokens=500,
        prompt_tokens_details=SimpleNamespace(cached_tokens=400),
        completion_tokens_details=None,
    )
    # 2024-11-01: gpt-4o at $2.50/$10, no cached price sourced yet: all input at $2.50
    result = cost(_response(usage), on=D(2024, 11, 1), catalog=cat)
    assert result.amount == pytest.approx(0.0025 + 0.005)
    assert any("cached tokens billed at the input price" in n for n in result.notes)


def test_reasoning_tokens_are_output_tokens_at_the_output_price(cat: Catalog) -> None:
    usage = {
        "prompt_tokens": 1000,
        "completion_tokens": 500,
        "completion_tokens_details": SimpleNamespace(reasoning_tokens=300),
    }
    response = _response(usage, model="deepseek-reasoner", provider="deepseek")
    result = cost(response, on=D(2025, 3, 1), catalog=cat)
    # deepseek-reasoner $0.55/$2.19: 1000 in, 200 answer + 300 reasoning out
    assert result.amount == pytest.approx(0.00055 + 500 * 2.19 / 1e6)
    assert {line.kind: line.tokens for line in result.lines} == {
        "input": 1000,
        "output": 200,
        "reasoning": 300,
    }


def test_thinking_mode_answer_at_the_thinking_output_price() -> None:
    source = {"url": "https://example.com/qwen-thinking", "date": "2026-11-30", "kind": "user"}
    extra = {
        "sources": {"thinking": source},
        "models": [
            {
                "provider": "qwen",
                "id": "qwen-plus",
                "prices": [
                    {
                        "input": 0.8,
                        "output": 2.0,
                        "output_thinking": 8.0,
                        "currency": "CNY",
                        "as_of": D(2026, 11, 30),
                        "source": "thinking",
                    }
                ],
            }
        ],
    }
    thinking_cat = load_catalog(extra=extra)
    usage = {"prompt_tokens": 1000, "completion_tokens": 500}
    plain = cost(_response(usage, "qwen-plus", "qwen"), on=D(2026, 12, 1), catalog=thinking_cat)
    assert plain.amount == pytest.approx(0.0008 + 0.001)
    usage["completion_tokens_details"] = {"reasoning_tokens": 300}
    thought = cost(_response(usage, "qwen-plus", "qwen"), on=D(2026, 12, 1), catalog=thinking_cat)
    assert thought.amount == pytest.approx(0.0008 + 500 * 8.0 / 1e6)


def test_currency_conversion_at_a_given_rate(cat: Catalog) -> None:
    response = _respond("qwen", "qwen-plus")
    usd = cost(response, on=D(2024, 7, 1), catalog=cat, currency="USD", fx=7.0)
    assert usd.currency == "USD" and usd.amount == pytest.approx(0.010 / 7.0)


def test_snapshot_ids_the_provider_returns_resolve_by_alias(cat: Catalog) -> None:
    usage = {"prompt_tokens": 1_000_000, "completion_tokens": 0}
    result = cost(_response(usage, "gpt-4o-mini-2024-07-18"), on=D(2024, 8, 1), catalog=cat)
    assert result.model == "openai/gpt-4o-mini" and result.amount == pytest.approx(0.15)
    dated = cost(_response(usage, "gpt-4o-2024-08-06"), on=D(2024, 9, 1), catalog=cat)
    assert dated.model == "openai/gpt-4o-2024-08-06" and dated.amount == pytest.approx(2.5)


@pytest.mark.parametrize(
    ("provider", "model", "on", "usage", "reason"),
    [
        ("qwen", "qwen-unknown", D(2025, 1, 1), {"prompt_tokens": 1}, "not in the catalog"),
        ("nobody", "x", D(2025, 1, 1), {"prompt_tokens": 1}, "provider 'nobody'"),
        ("sensenova", "SenseChat-5", D(2024, 7, 1), {"prompt_tokens": 1}, "first known from"),
        ("deepseek", "deepseek-chat", D(2026, 8, 1), {"prompt_tokens": 1}, "retired on 2026-07-24"),
        (
            "hunyuan",
            "hunyuan-standard-256k",
            D(2024, 7, 1),
            {"prompt_tokens": 10, "completion_tokens": 10},
            "output price",
        ),
        ("openai", "gpt-4o", D(2025, 1, 1), None, "no usage"),
    ],
)
def test_unknown_price_is_none_with_a_reason(
    cat: Catalog, provider: str, model: str, on: dt.date, usage: Any, reason: str
) -> None:
    result = cost(_response(usage, model, provider), on=on, catalog=cat)
    assert isinstance(result, Cost) and result.amount is None and not result.known
    assert reason in (result.reason or ""), result.reason
    assert str(result).startswith("unknown (")


def test_input_only_usage_of_an_embedding_model_needs_no_output_price(cat: Catalog) -> None:
    usage = {"prompt_tokens": 2_000_000, "total_tokens": 2_000_000}
    response = _response(usage, "text-embedding-3-small")
    result = cost(response, on=D(2024, 7, 1), catalog=cat)
    assert result.amount == pytest.approx(0.04) and result.currency == "USD"
    assert "USD" in str(result) and "openai/text-embedding-3-small" in str(result)


def test_shipped_qwen_plus_thinking_and_cache_prices(cat: Catalog) -> None:
    day = D(2026, 12, 1)
    usage: dict[str, Any] = {"prompt_tokens": 1000, "completion_tokens": 500}
    plain = cost(_response(usage, "qwen-plus", "qwen"), on=day, catalog=cat)
    assert plain.amount == pytest.approx(1000 * 0.8 / 1e6 + 500 * 2.0 / 1e6)
    usage["completion_tokens_details"] = {"reasoning_tokens": 200}
    usage["prompt_tokens_details"] = {"cached_tokens": 400}
    thought = cost(_response(usage, "qwen-plus", "qwen"), on=day, catalog=cat)
    # 600 at 0.8, 400 cached at 0.2, all 500 output of a thinking answer at 8
    assert thought.amount == pytest.approx((600 * 0.8 + 400 * 0.2 + 500 * 8.0) / 1e6)


def test_str_shows_small_amounts_without_rounding_them_to_zero(cat: Catalog) -> None:
    usage = {"prompt_tokens": 5}
    result = cost(_response(usage, "text-embedding-3-small"), on=D(2024, 7, 1), catalog=cat)
    assert str(result).startswith("0.0000001 USD (openai/text-embedding-3-small on 2024-07-01")
