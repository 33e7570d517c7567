"""examples/compare_offers.ipynb is committed with its outputs, and they are current: running it
again shows the same thing (``make notebook`` rewrites them). Numbers are rounded, token
counts whole, notes in full."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbrun import NOTEBOOK, execute, outputs


@pytest.fixture(scope="module")
def committed() -> Any:
    nbformat = pytest.importorskip("nbformat")
    return nbformat.read(NOTEBOOK, as_version=4)


@pytest.fixture(scope="module")
def fresh() -> Any:
    for module in ("nbclient", "ipykernel", "pandas", "matplotlib"):
        pytest.importorskip(module)
    return execute()


def test_committed_with_outputs(committed: Any) -> None:
    code = [c for c in committed.cells if c.cell_type == "code"]
    assert code and all(c.get("outputs") for c in code), "run `make notebook` and commit it"


def test_outputs_are_current(committed: Any, fresh: Any) -> None:
    errors = [o for outs in outputs(fresh) for o in outs if "error" in o]
    assert errors == []
    for index, (old, new) in enumerate(zip(outputs(committed), outputs(fresh), strict=True)):
        assert old == new, f"code cell {index}: outputs are stale; run `make notebook`"


def _tables(nb: Any) -> list[str]:
    """What a reader sees: the HTML of a rich output (Jupyter shows that), else its text."""
    shown = []
    for outs in outputs(nb):
        for o in outs:
            if "text/html" not in o and ("text/plain" in o or "text" in o):
                shown.append(o.get("text/plain") or o["text"])
    return shown


def test_numbers_rounded_tokens_whole_notes_whole(committed: Any) -> None:
    text = "\n".join(_tables(committed))
    text = re.sub(r"1 USD = [\d.]+ CNY", "", text)  # an exchange rate keeps its 4 decimals
    assert not re.search(r"\d\.\d{3,}", text), "a number is shown with more than 2 decimals"
    assert not re.search(r"\d{5,}\.0\b", text), "a token count is shown as a float"
    assert "..." not in text, "a cell is cut off"
    html = [o["text/html"] for outs in outputs(committed) for o in outs if "text/html" in o]
    assert html and not any(re.search(r"\d\.\d{3,}<", h) for h in html)
    assert not any("...</td>" in h or "…</td>" in h for h in html)
    assert not any("[IPKernelApp]" in t for t in _tables(committed))
