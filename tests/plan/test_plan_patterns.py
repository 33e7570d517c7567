"""The scanner on tests/fixtures/scan_patterns: one folder per pattern real apps use (aliases,
``**params``, helpers, LangChain's old paths, clients passed around, the SDK's wider surface,
notebooks) or per look-alike (other SDKs, plain lists, instructor, tests and vendored code).

Each folder's ``expected.toml`` states the facts; a call site found that is not listed is a
false positive, one listed and not found is a miss.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from llmswitch.plan import scan
from llmswitch.plan.scan import ScanResult

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PATTERNS = Path(__file__).resolve().parents[1] / "fixtures" / "scan_patterns"
FOLDERS = sorted(p.name for p in PATTERNS.iterdir() if (p / "expected.toml").is_file())


def _expected(name: str) -> dict:  # type: ignore[type-arg]
    return tomllib.loads((PATTERNS / name / "expected.toml").read_text(encoding="utf-8"))


def _scan(name: str, tmp_path: Path) -> ScanResult:
    root = tmp_path / name
    shutil.copytree(PATTERNS / name, root)
    if name == "tests_vendor":  # ignored by git, so made here: a venv, node_modules, build output
        for folder in (".venv/lib/openai", "node_modules/pkg", "build/lib/app"):
            (root / folder).mkdir(parents=True)
            shutil.copy(root / "vendor" / "lib" / "copied.py", root / folder / "copied.py")
    return scan(root)


def _sites(findings: list, kinds: tuple[str, ...] = ("call",)) -> set[str]:  # type: ignore[type-arg]
    return {f"{f.file}:{f.line} {f.endpoint}" for f in findings if f.kind in kinds}


def test_every_folder_has_facts() -> None:
    assert len(FOLDERS) >= 11, FOLDERS


@pytest.mark.parametrize("name", FOLDERS)
def test_pattern(name: str, tmp_path: Path) -> None:
    expected = _expected(name)
    result = _scan(name, tmp_path)
    if "calls" in expected:
        assert _sites(result.findings) == set(expected["calls"])
    if "features" in expected:
        assert set(result.features()) == set(expected["features"])
    if "models" in expected:
        assert set(expected["models"]) <= set(result.models)
    if "params" in expected:
        assert set(expected["params"]) <= set(result.params)
    for name_ in expected.get("not_params", ()):
        params = [f for f in result.findings if f.kind == "param" and f.name == name_]
        assert all(f.endpoint == "instructor" and not f.blockers for f in params), params
    if "unchecked" in expected:
        assert {f"{f.file}:{f.line}" for f in result.unchecked()} == set(expected["unchecked"])
    else:
        assert result.unchecked() == []
    if "langchain" in expected:
        found = {f"{f.file}:{f.line}" for f in result.findings if f.kind == "langchain"}
        assert found == set(expected["langchain"])
    if "clients" in expected:
        found = {f"{f.file}:{f.line} {f.name}" for f in result.findings if f.kind == "client"}
        assert set(expected["clients"]) <= found
    if "errors" in expected:
        assert {f"{e.file}:{e.line}" for e in result.errors} == set(expected["errors"])
    if "test_calls" in expected:
        assert _sites(result.test_findings) == set(expected["test_calls"])
    if "embeddings" in expected:
        assert result.uses_embeddings() == expected["embeddings"]


def test_unseen_arguments_are_not_seen_on_every_provider(tmp_path: Path) -> None:
    result = _scan("params_as_data", tmp_path)
    (unseen,) = result.unchecked()
    assert unseen.name == "**" and "options" in unseen.detail
    assert {v.level for v in unseen.verdicts.values()} == {"not seen"}
    assert all(c["not seen"] == 1 for c in result.summary().values())
    call = next(f for f in result.findings if f.kind == "call" and f.line == unseen.line)
    assert "arguments not seen" in call.detail


def test_tests_can_be_included_or_skipped_and_excludes_extended(tmp_path: Path) -> None:
    root = tmp_path / "app"
    shutil.copytree(PATTERNS / "tests_vendor", root)
    included = scan(root, tests="include")
    assert "tests/test_main.py:7 images" in _sites(included.findings)
    skipped = scan(root, tests="skip")
    assert skipped.test_findings == [] and skipped.test_files == 0
    narrowed = scan(root, exclude=["app"])
    assert _sites(narrowed.findings) == set()
    everything = scan(root, default_excludes=False)
    assert "vendor/lib/copied.py:4 responses" in _sites(everything.findings)


def test_broken_cell_keeps_the_rest_of_the_notebook(tmp_path: Path) -> None:
    result = _scan("notebook_cell", tmp_path)
    (error,) = result.errors
    assert error.file == "explore.ipynb#cell3" and error.line == 1
    assert ("explore.ipynb#cell2", 2, "openai.OpenAI") in {
        (f.file, f.line, f.name) for f in result.findings if f.kind == "client"
    }


def test_a_vision_model_is_aliased_only_to_vision_models(tmp_path: Path) -> None:
    from llmswitch.catalog import load_catalog

    catalog = load_catalog()
    result = _scan("vision_helpers", tmp_path)
    (model,) = [f for f in result.findings if f.kind == "model" and "vision" in f.name]
    for provider, verdict in model.verdicts.items():
        has_vision = any(
            m.capabilities.vision is True and m.kind == "chat"
            for m in catalog.models(provider=provider)
        )
        assert (verdict.level == "mapped") == has_vision, (provider, verdict)
