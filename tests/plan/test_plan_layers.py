"""plan/ has layers and no import circles (every import counts: module level, inside a function,
under ``TYPE_CHECKING``), and no module over 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import llmswitch.plan

PLAN = Path(llmswitch.plan.__file__).parent
PACKAGE = "llmswitch.plan"


def _imports(file: Path) -> set[str]:
    """The plan modules ``file`` imports, anywhere in it."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:  # from .x import y / from . import x
                if node.module:
                    out.add(node.module.split(".")[0])
                else:
                    out.update(a.name for a in node.names)
            elif node.level == 0 and (node.module or "").startswith(PACKAGE + "."):
                out.add((node.module or "")[len(PACKAGE) + 1 :].split(".")[0])
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith(PACKAGE + "."):
                    out.add(a.name[len(PACKAGE) + 1 :].split(".")[0])
    return out


def _graph() -> dict[str, set[str]]:
    modules = {f.stem: f for f in PLAN.glob("*.py")}
    return {
        name: {m for m in _imports(file) if m in modules and m != name}
        for name, file in modules.items()
        if name != "__init__"
    }


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_no_import_circles_in_plan() -> None:
    graph = _graph()
    assert "compare" in graph and "_comparison" in graph  # the checker sees the package
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_checker_sees_function_level_and_type_checking_imports(tmp_path: Path) -> None:
    a = tmp_path / "a.py"
    a.write_text("def f():\n    from .b import g\n", encoding="utf-8")
    b = tmp_path / "b.py"
    b.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n")
    graph = {"a": _imports(a), "b": _imports(b)}
    assert graph == {"a": {"b"}, "b": {"a"}}
    assert _cycle(graph) == ["a", "b", "a"]


def test_no_module_over_400_lines() -> None:
    sizes = {f.name: len(f.read_text(encoding="utf-8").splitlines()) for f in PLAN.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}


def test_documented_import_paths() -> None:
    from llmswitch.plan import CandidateCost, Comparison, OfferUse, Report, compare, report, scan
    from llmswitch.plan.compare import CandidateCost as C2
    from llmswitch.plan.compare import OfferUse as O2
    from llmswitch.plan.report import Report as R2
    from llmswitch.plan.scan import Finding, ScanResult

    assert (CandidateCost, OfferUse, Report) == (C2, O2, R2)
    assert all(callable(x) for x in (compare, report, scan, Comparison, Finding, ScanResult))
