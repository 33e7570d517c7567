"""``response.cost`` (issue 16): the catalog's price of an answer, loaded lazily, and the cost
line of ``llmswitch chat``."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from llmswitch import Client
from llmswitch.catalog import cost, load_catalog
from llmswitch.testing import mock_provider


def test_cost_of_an_answer_is_its_usage_at_the_models_price_on_its_date() -> None:
    with mock_provider("qwen") as fake:
        fake.reply("hi", prompt_tokens=1000, completion_tokens=500)
        resp = Client(fake.config).chat.completions.create(
            model="qwen/qwen-plus", messages=[{"role": "user", "content": "x"}]
        )
    day = dt.datetime.fromtimestamp(resp.created, dt.timezone.utc).date() if resp.created else None
    point = load_catalog().price(load_catalog().model("qwen/qwen-plus"), on=day or dt.date.today())
    assert point is not None
    expected = (1000 * point.input + 500 * point.output) / 1_000_000
    assert resp.cost.amount == pytest.approx(expected)
    assert resp.cost.currency == point.currency
    assert resp.cost == cost(resp)


def test_unknown_price_gives_a_reason_not_a_number() -> None:
    with mock_provider("openai") as fake:
        resp = Client(fake.config).chat.completions.create(
            model="openai/no-such-model", messages=[{"role": "user", "content": "x"}]
        )
    assert resp.cost.amount is None and resp.cost.reason


def test_cost_does_not_load_the_catalog_at_import() -> None:
    code = "import sys, llmswitch; print('llmswitch.catalog' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
