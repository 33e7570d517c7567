"""The live model list beside the catalog (issue 18, ``llmswitch models --live``) and the
generated "current models" tables of docs/providers.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import respx

from conftest import fixture_json
from llmswitch import Client
from llmswitch.catalog import load_catalog
from llmswitch.providers._live import (
    CURRENT_BEGIN,
    CURRENT_END,
    compare_live,
    endpoint_of,
    fetch_live,
    live_rows,
    render_current_models,
    render_live,
)
from llmswitch.types.models import Model

ROOT = Path(__file__).resolve().parents[2]


def test_docs_current_models_tables_are_generated() -> None:
    text = (ROOT / "docs" / "providers.md").read_text(encoding="utf-8")
    start, end = text.index(CURRENT_BEGIN), text.index(CURRENT_END) + len(CURRENT_END)
    assert text[start:end] == render_current_models(), "regenerate: see docs/providers.md"


def test_endpoints_per_provider() -> None:
    assert endpoint_of("qwen", "qwen3.7-plus").startswith("native: multimodal-generation")
    assert endpoint_of("qwen", "qwen-plus").startswith("native: text-generation")
    assert endpoint_of("qwen", "text-embedding-v3", "embedding") == "native: text-embedding"
    assert "chatapi.sensenova.cn" in endpoint_of("sensenova", "SenseNova-V6-Reasoner")
    assert "token.sensenova.cn" in endpoint_of("sensenova", "sensenova-6.8-flash-lite")


def test_compare_flags_each_side() -> None:
    catalog = load_catalog().models(provider="deepseek")
    ids = [m.id for m in catalog]
    live = [Model(id="deepseek-v4-flash", owned_by="deepseek"), Model(id="deepseek-flash")]
    rows = {r.id: r for r in compare_live(catalog, live, today=dt.date(2026, 11, 30))}
    assert rows["deepseek-v4-flash"].status == "ok"
    assert rows["deepseek-v4-flash"].owned_by == "deepseek"
    assert rows["deepseek-flash"].status == "not in catalog"
    assert not rows["deepseek-flash"].in_catalog
    retired = {m.id for m in catalog if m.retired and m.retired <= dt.date(2026, 11, 30)}
    for model_id in ids:
        if model_id in ("deepseek-v4-flash",):
            continue
        expected = "retired" if model_id in retired else "not served"
        assert rows[model_id].status == expected, model_id
    table = render_live(list(rows.values()))
    assert table.splitlines()[0].split() == ["model", "served", "catalog", "status", "context",
                                             "retired"]  # fmt: skip


def test_matching_by_alias_and_case() -> None:
    catalog = load_catalog().models(provider="sensenova")
    live = [Model(id=catalog[0].id.lower())]
    rows = compare_live(catalog, live)
    assert rows[0].served and rows[0].status in ("ok", "served after retirement")
    assert all(r.in_catalog for r in rows)  # the lower-cased id matched, nothing extra


def test_retired_but_served_is_flagged() -> None:
    catalog = [m for m in load_catalog().models(provider="glm") if m.retired]
    assert catalog, "the catalog dates at least one GLM model retired"
    rows = compare_live(catalog, [catalog[0].id], today=catalog[0].retired)
    assert rows[0].status == "served after retirement"


def test_fetch_live_pages_through_dashscope() -> None:
    body: dict[str, Any] = fixture_json("qwen/wire2026", "native_models_list.response.json")["body"]
    first = {**body, "output": {**body["output"], "page_size": 1, "total": 2,
                                "models": body["output"]["models"][:1]}}  # fmt: skip
    second = {**body, "output": {**body["output"], "page_no": 2, "page_size": 1, "total": 2,
                                 "models": body["output"]["models"][1:]}}  # fmt: skip
    client = Client({"providers": {"qwen": {"api_key": "sk-test"}}}, max_retries=0)
    with respx.mock() as router:
        route = router.get("https://dashscope.aliyuncs.com/api/v1/models")
        route.side_effect = [
            respx.MockResponse(200, json=first),
            respx.MockResponse(200, json=second),
        ]
        items = fetch_live(client, "qwen")
        assert route.calls[1].request.url.params["page_no"] == "2"
    assert [m.id for m in items] == ["qwen3.6-plus", "qwen3.5-397b-a17b"]


def test_live_rows_with_the_openai_fixture() -> None:
    body = fixture_json("openai/wire2026", "models_list.response.json")["body"]
    client = Client({"providers": {"openai": {"api_key": "sk-test"}}}, max_retries=0)
    with respx.mock() as router:
        router.get("https://api.openai.com/v1/models").respond(200, json=body)
        rows = {r.id: r for r in live_rows(client, "openai")}
    assert rows["gpt-5.5"].status == "not in catalog"
    assert rows["gpt-4o-mini"].status == "ok"
    assert rows["o3"].status == "not served"
