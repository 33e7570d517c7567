"""Meta-tests that keep the structure honest: every provider has a module, a fake, fixtures and
a docs row, and docs/providers.md's parameter table matches the adapters' declarations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def _adapter_for(provider: str, **table: str) -> object:
    from llmswitch._config import load_config, provider_settings

    config = load_config({"providers": {provider: table}})
    settings = provider_settings(config, provider)
    return adapter_class(settings.type)(settings)


_CREDENTIALS: dict[str, list[dict[str, str]]] = {
    "openai": [{"api_key": "sk-x"}],
    "qwen": [{"api_key": "sk-x"}, {"api_key": "sk-x", "api": "compatible"}],
    "glm": [{"api_key": "id.secret"}],
    "ernie": [{"api_key": "bce-v3/x"}, {"access_key": "ak", "secret_key": "sk"}],
    "sensenova": [{"api_key": "sk-x"}],
}


@pytest.mark.parametrize("provider", NATIVE)
def test_catalog_models_are_ids_the_adapters_send(provider: str) -> None:
    """Every model the catalog lists for a native provider builds a request on each of its APIs,
    with the model id on the wire as the catalog spells it (ERNIE v1: mapped to its endpoint)."""
    import json as _json

    from llmswitch.catalog import load_catalog
    from llmswitch.providers._base import ChatParams, EmbeddingParams
    from llmswitch.providers.ernie.v1_wire import v1_endpoint

    models = load_catalog().models(provider=provider)
    assert len(models) > 0
    for table in _CREDENTIALS[provider]:
        adapter: Any = _adapter_for(provider, **table)
        for model in models:
            if model.capabilities.embeddings:
                request = adapter.build_embeddings_request(
                    EmbeddingParams(model=model.id, input=["x"])
                )
            else:
                request = adapter.build_chat_request(
                    ChatParams(model=model.id, messages=[{"role": "user", "content": "x"}])
                )
            body = _json.loads(request.content)
            if "access_key" in table:  # ERNIE v1: the model picks the endpoint in the path
                assert request.url.path.endswith("/" + v1_endpoint(model.id, {})), model.id
            else:
                assert body.get("model") == model.id, (model.id, body)


def test_no_module_in_src_over_400_lines() -> None:
    """A module is one idea; one that passes 400 lines is split, downward (docs/architecture.md)."""
    src = Path(__file__).resolve().parents[1] / "src" / "llmswitch"
    sizes = {
        str(f.relative_to(src)): len(f.read_text(encoding="utf-8").splitlines())
        for f in src.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > 400} == {}
