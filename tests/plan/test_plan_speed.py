"""A 1,800-file tree scans in under 15 seconds (issue 17), with every OpenAI call site found.

The tree is shaped like a real repository: one module in ten uses the OpenAI SDK (the pattern
corpus, each copy grown by forty helper functions), the rest are ordinary Python modules
(copies of the standard library's own modules).
"""

from __future__ import annotations

import sysconfig
import time
from pathlib import Path

from llmswitch.plan import scan

PATTERNS = Path(__file__).resolve().parents[1] / "fixtures" / "scan_patterns"
FILES = 1_800


def test_1800_files_scan_in_under_15_seconds(tmp_path: Path) -> None:
    users = sorted(
        p for p in PATTERNS.rglob("*.py") if "tests_vendor" not in p.parts and p.stat().st_size
    )
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    ordinary = sorted(p for p in stdlib.glob("*.py") if 2_000 < p.stat().st_size < 60_000)
    padding = "\n".join(f"def helper_{i}(x):\n    return {{'k': x, 'n': {i}}}\n" for i in range(40))
    expected = 0
    for index in range(FILES):
        folder = tmp_path / f"pkg{index // 100}"
        folder.mkdir(exist_ok=True)
        if index % 10 == 0:
            source = users[(index // 10) % len(users)]
            text = source.read_text(encoding="utf-8") + "\n" + padding
            expected += 1
        else:
            source = ordinary[index % len(ordinary)]
            text = source.read_text(encoding="utf-8", errors="replace")
        (folder / f"m{index}_{source.name}").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = scan(tmp_path)
    elapsed = time.perf_counter() - started
    assert result.files == FILES
    files_with_calls = {f.file for f in result.findings if f.kind == "call"}
    assert len(files_with_calls) >= expected * 0.6  # helpers modules have none of their own
    assert elapsed < 15, f"{FILES} files took {elapsed:.1f}s"
