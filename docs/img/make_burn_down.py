"""Regenerate docs/img/burn_down.png, the plot shown in docs/planner.md.

    python docs/img/make_burn_down.py [OUT.png]

Uses the support bot's workload (examples/support_bot/workload.toml) as of 2024-07-01.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main(out: Path = HERE / "burn_down.png") -> Path:
    from matplotlib.figure import Figure

    from llmswitch.plan import Workload, compare

    workload = Workload.from_toml(ROOT / "examples" / "support_bot" / "workload.toml")
    cmp = compare(workload)
    fig = Figure(figsize=(9, 5), layout="constrained")
    cmp.plot(ax=fig.subplots(), models=["deepseek/deepseek-chat", "qwen/qwen-plus",
                                        "qwen/qwen-max"], path=out)  # fmt: skip
    return out


if __name__ == "__main__":
    print(main(Path(sys.argv[1])) if len(sys.argv) > 1 else main())
