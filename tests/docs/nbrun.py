"""Run examples/compare_offers.ipynb and write its outputs back (``make notebook``), or compare
them with the committed ones (tests/docs/test_docs_notebook.py).

    python tests/docs/nbrun.py            # regenerate the outputs in place
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "compare_offers.ipynb"


def execute(path: Path = NOTEBOOK) -> Any:
    """The notebook, run top to bottom in a fresh kernel (llmswitch from this checkout)."""
    import nbclient
    import nbformat

    src = str(ROOT / "src")
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (src, os.environ.get("PYTHONPATH", "")) if p
    )
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=180,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    for cell in nb.cells:  # the kernel's own log lines on stderr are not the notebook's output
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not _kernel_log(o)]
    return nb


def _kernel_log(output: Any) -> bool:
    if output.get("output_type") != "stream" or output.get("name") != "stderr":
        return False
    lines = [line for line in output.get("text", "").splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("[IPKernelApp]") for line in lines)


def outputs(nb: Any) -> list[list[dict[str, Any]]]:
    """What each code cell shows, without what changes from run to run (execution counts,
    image bytes: an image is compared by being there)."""
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        shown = []
        for item in cell.get("outputs", []):
            kind = item["output_type"]
            if kind == "stream":
                shown.append({"stream": item["name"], "text": item["text"]})
            elif kind in ("execute_result", "display_data"):
                data = item.get("data", {})
                shown.append({key: ("<image>" if key.startswith("image/") else value)
                              for key, value in sorted(data.items())})  # fmt: skip
            else:
                shown.append({"error": item.get("ename"), "value": item.get("evalue")})
        out.append(shown)
    return out


def main() -> None:
    import nbformat

    nb = execute()
    nbformat.write(nb, NOTEBOOK)
    print(f"wrote the outputs of {NOTEBOOK.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
