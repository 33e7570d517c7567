"""Which files a scan reads (exclusions, tests apart), and how a file becomes a module: Python
source with its coding cookie, or a notebook's code cells, a broken cell reported on its own.
"""

from __future__ import annotations

import ast
import fnmatch
import io
import json
import os
import tokenize
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CELL_MARK",
    "DEFAULT_EXCLUDE",
    "Parsed",
    "ScanError",
    "is_test_path",
    "parse_file",
    "walk_files",
]

DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git", ".hg", ".svn", ".venv", "venv", "env", ".env*/", "node_modules", "__pycache__",
    "build", "dist", "site-packages", ".tox", ".nox", ".mypy_cache", ".ruff_cache",
    ".pytest_cache", ".eggs", "*.egg-info", "vendor", "vendored", "_vendor", "third_party",
    ".ipynb_checkpoints", "htmlcov", ".next", "out",
)  # fmt: skip
"""Skipped by default: VCS data, virtualenvs, installed and vendored packages, build output.
A pattern matches a directory name or a path relative to the scanned root (``fnmatch``)."""

_TEST_DIRS = frozenset({"tests", "test", "__tests__", "testdata", "test_data"})
CELL_MARK = "# %% llmswitch-cell "


@dataclass(frozen=True)
class ScanError:
    """A file (or notebook cell) the scanner could not read or parse."""

    file: str
    message: str
    line: int | None = None


@dataclass
class Parsed:
    """A parsed module, its source lines, and the problems met on the way (``tree`` is
    ``None`` for a file that could not be read, or that names nothing OpenAI-related)."""

    tree: ast.Module | None
    lines: list[str]
    problems: list[ScanError]


def is_test_path(rel: str) -> bool:
    """Test code: under a ``tests/`` directory, ``test_*.py``, ``*_test.py`` or ``conftest.py``."""
    parts = rel.split("/")
    name = parts[-1]
    if any(p in _TEST_DIRS for p in parts[:-1]):
        return True
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def _excluded(name: str, rel: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        bare = pattern.rstrip("/")
        if fnmatch.fnmatch(name, bare) or fnmatch.fnmatch(rel, bare):
            return True
    return False


def walk_files(root: Path, exclude: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """``(path, relative posix path)`` of every Python file, notebook and ``.env`` file."""
    patterns = tuple(exclude)
    if root.is_file():
        yield root, root.name
        return
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath)
        rel_dir = base.relative_to(root).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(d for d in dirnames if not _excluded(d, prefix + d, patterns))
        for name in sorted(filenames):
            if name.endswith((".py", ".ipynb")) or name == ".env" or name.startswith(".env."):
                rel = prefix + name
                if not _excluded(name, rel, tuple(p for p in patterns if not p.endswith("/"))):
                    yield base / name, rel


def _parse(text: str, rel: str) -> tuple[ast.Module | None, ScanError | None]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarning for invalid escapes etc.
            return ast.parse(text, filename=rel), None
    except (SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        message = getattr(exc, "msg", None) or str(exc)
        return None, ScanError(rel, f"syntax error: {message}", line)


def _cells(data: bytes) -> list[tuple[int, str]]:
    """The code cells of a notebook: ``(cell number, source)``, IPython magics and shell
    escapes (``%``, ``!``) commented out so the code parses."""
    notebook = json.loads(data)
    out: list[tuple[int, str]] = []
    for number, cell in enumerate(notebook.get("cells", []), 1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        lines = [
            "# " + line if line.lstrip().startswith(("%", "!", "?")) else line
            for line in text.splitlines()
        ]
        out.append((number, "\n".join(lines)))
    return out


def _notebook(data: bytes, rel: str) -> Parsed:
    """Code cells as one module (cells share names); a cell that does not parse is reported at
    ``file#cell<N>`` with the line inside the cell, and the other cells are still read."""
    cells = _cells(data)
    problems: list[ScanError] = []
    good: list[str] = []
    for number, text in cells:
        _tree, problem = _parse(text, rel)
        if problem is not None:
            problems.append(ScanError(f"{rel}#cell{number}", problem.message, problem.line))
            continue
        good.append(f"{CELL_MARK}{number}\n{text}")
    source = "\n".join(good) + "\n"
    tree, problem = _parse(source, rel)
    if problem is not None:  # cells that parse alone but not together: report, keep none
        problems.append(problem)
    return Parsed(tree, source.splitlines(), problems)


def parse_file(file: Path, rel: str, relevant: Callable[[str], bool] | None = None) -> Parsed:
    """Read and parse one ``.py`` or ``.ipynb`` file; problems are returned, never raised.
    A file whose text ``relevant`` rejects is not parsed (nothing in it can matter)."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        return Parsed(None, [], [ScanError(rel, f"cannot be read: {exc.strerror or exc}")])
    try:
        if file.suffix == ".ipynb":
            return _notebook(data, rel)  # few and small: always read (broken JSON is reported)
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
        if relevant is not None and not relevant(text):
            return Parsed(None, [], [])
    except (SyntaxError, UnicodeDecodeError, LookupError, ValueError, AttributeError) as exc:
        return Parsed(None, [], [ScanError(rel, f"cannot be decoded: {exc}")])
    tree, problem = _parse(text, rel)
    return Parsed(tree, text.splitlines(), [problem] if problem else [])
