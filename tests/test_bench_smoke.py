"""The benchmark runs end to end with tiny counts (so it cannot rot); no timing is asserted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_quick_run_prints_the_table_and_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    env.pop("LLMSWITCH_BENCH_PEERS_PYTHON", None)
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--providers",
         "openai,qwen", "--json", str(out)],
        capture_output=True, text=True, env=env, timeout=240, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "| llmswitch/openai |" in result.stdout
    assert "| raw/qwen |" in result.stdout
    assert "import llmswitch" in result.stdout
    data = json.loads(out.read_text())
    assert {"llmswitch/openai", "raw/openai", "llmswitch/qwen", "raw/qwen"} <= set(data["results"])
    # llmswitch adds no heavy module to what httpx itself loads (its CLI imports rich when click
    # is installed, as it is in the dev environment)
    heavy = set(filter(None, data["imports"]["llmswitch"]["heavy"].split(",")))
    assert heavy <= set(filter(None, data["imports"]["raw"]["heavy"].split(",")))
