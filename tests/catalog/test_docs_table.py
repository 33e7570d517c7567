"""docs/catalog.md's models table is generated from the data and fails on drift."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmswitch.catalog import load_catalog
from llmswitch.catalog._docs import BEGIN, END, models_table, update_doc

DOC = Path(__file__).resolve().parents[2] / "docs" / "catalog.md"


def test_committed_models_table_matches_the_data() -> None:
    if not DOC.exists():
        pytest.skip("docs/catalog.md not present")
    text = DOC.read_text(encoding="utf-8")
    block = text.split(BEGIN, 1)[1].split(END, 1)[0]
    assert block.strip() == models_table().strip(), (
        "docs/catalog.md is stale: run python -m llmswitch.catalog._docs docs/catalog.md"
    )


def test_table_lists_every_chat_model_with_its_block_day_and_newest_price() -> None:
    cat = load_catalog()
    table = models_table(cat)
    for model in cat.models():
        if model.kind != "embedding":
            assert f"`{model.key}`" in table
    row = next(line for line in table.splitlines() if "`glm/glm-4`" in line)
    assert "100 / 100 CNY" in row and "retired 2025-07-01" in row
    row = next(line for line in table.splitlines() if "`openai/gpt-4o-mini`" in line)
    assert "| – |" in row  # not on sale on the block day
    row = next(line for line in table.splitlines() if "hunyuan-standard-256k" in line)
    assert "15 / ? CNY" in row  # output price no source states


def test_update_doc_rewrites_only_the_generated_block(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text(f"intro\n{BEGIN}\nold\n{END}\noutro\n", encoding="utf-8")
    assert update_doc(doc) is True
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("intro\n") and text.endswith("outro\n") and "old" not in text
    assert update_doc(doc) is False
    other = tmp_path / "x.md"
    other.write_text("no markers", encoding="utf-8")
    with pytest.raises(ValueError, match="marker"):
        update_doc(other)
