"""Precision and recall of the scanner on real apps (not collected by pytest: it needs the apps).

Export each app of ``tests/fixtures/scan_accuracy/truth.toml`` at its commit into ``DIR/<name>``
(for example ``git --git-dir=MIRROR archive COMMIT | tar -x -C DIR/NAME``), then run
``python tests/plan/accuracy.py DIR``. Prints, per app, call sites found against those
established by hand, precision, recall, the features found and the plan's choice.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from llmswitch.plan import migration_plan

_CHAT = frozenset(
    {"chat.completions.create", "chat.completions.parse", "chat.completions.stream",
     "embeddings.create"}
)  # fmt: skip
TRUTH = Path(__file__).resolve().parents[1] / "fixtures" / "scan_accuracy" / "truth.toml"


def main(root: Path) -> None:
    apps = tomllib.loads(TRUTH.read_text(encoding="utf-8"))["apps"]
    for name, facts in apps.items():
        path = root / name
        if not path.is_dir():
            print(f"{name}: not exported under {root}")
            continue
        started = time.perf_counter()
        plan = migration_plan(path)
        elapsed = time.perf_counter() - started
        scan = plan.scan
        assert scan is not None
        found = {f"{f.file}:{f.line}" for f in scan.findings if f.kind in ("call", "langchain")}
        truth = set(facts["sites"])
        hits = len(found & truth)
        precision = hits / len(found) if found else 1.0
        recall = hits / len(truth) if truth else 1.0
        features = {*scan.features(), *(["embeddings"] if scan.uses_embeddings() else [])}
        features |= {f.name for f in scan.findings if f.kind == "feature"}
        features |= {e for e in scan.endpoints if e not in _CHAT}
        expected = set(facts["features"])
        cmp = plan.comparison
        chosen = " / ".join(str(r.model if r else None) for r in (plan.target, plan.fallback))
        print(
            f"{name} ({facts['repo']} {facts['commit'][:7]}): {len(truth)} true, "
            f"{len(found)} found, precision {precision:.2f}, recall {recall:.2f}; features "
            f"missed {sorted(expected - features)}, extra {sorted(features - expected)}; "
            f"{cmp.baseline.model if cmp else None} -> {chosen}; {elapsed:.1f}s"
        )
        for site in sorted(found - truth):
            print(f"  false positive: {site}")
        for site in sorted(truth - found):
            print(f"  missed: {site}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/apps"))
