"""docs/testing.md's code blocks run as written (so the guide cannot rot)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "testing.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_docs_testing_block_runs(index: int) -> None:
    exec(compile(BLOCKS[index], f"docs/testing.md block {index}", "exec"), {})
