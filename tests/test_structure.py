"""Meta-tests that keep the structure honest: every provider has a module, a fake, fixtures and
a docs row, and docs/providers.md's parameter table matches the adapters' declarations."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmswitch.providers import ADAPTER_TYPES, PROVIDERS, adapter_class
from llmswitch.providers._base import OPTIONAL_CHAT_PARAMS
from llmswitch.providers._matrix import (
    COLUMNS,
    MATRIX_BEGIN,
    MATRIX_END,
    param_matrix,
    render_matrix,
)
from llmswitch.testing import fake_wire

ROOT = Path(__file__).resolve().parent.parent
NATIVE = ("openai", "qwen", "glm", "ernie", "sensenova")


def test_docs_parameter_table_is_generated_from_the_adapters() -> None:
    text = (ROOT / "docs" / "providers.md").read_text(encoding="utf-8")
    start, end = text.index(MATRIX_BEGIN), text.index(MATRIX_END) + len(MATRIX_END)
    assert text[start:end] == render_matrix(), "run: python -m llmswitch.providers._matrix"


def test_every_column_declares_every_parameter() -> None:
    matrix = param_matrix()
    assert set(matrix) == {label for label, _, _ in COLUMNS}
    for label, params in matrix.items():
        assert set(OPTIONAL_CHAT_PARAMS) <= set(params), label
        for name, support in params.items():
            if support.level != "native":
                assert support.note, f"{label}.{name} is {support.level} without a note"


@pytest.mark.parametrize("name", sorted(PROVIDERS))
def test_every_provider_has_adapter_fake_and_docs_row(name: str) -> None:
    spec = PROVIDERS[name]
    assert spec.type in ADAPTER_TYPES
    assert adapter_class(spec.type) is not None
    assert fake_wire(name) is not None
    assert f"`{name}`" in (ROOT / "docs" / "providers.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NATIVE)
def test_every_native_provider_has_fixtures_and_notes(name: str) -> None:
    assert any((ROOT / "tests" / "fixtures" / name).glob("*.request.json"))
    if name != "openai":
        assert (ROOT / "docs" / "providers" / f"{name}.md").is_file()
