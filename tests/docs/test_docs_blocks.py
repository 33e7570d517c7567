"""Every code block in docs/ runs as written (issue 19).

- ``python`` blocks run in order, one namespace per page (a page is a session); a block of
  ``>>>`` lines is a doctest in that namespace. Every provider is faked in its own wire format
  (``llmswitch.testing.mock_provider``) with fake keys in the environment, so calls that would
  reach Qwen or GLM reach the fakes; nothing leaves the process.
- ``console`` blocks: each ``$ llmswitch ...`` line runs the CLI in the same process under the
  same fakes (``$ export VAR=...`` sets the variable); its exit code must be 0 (1 with
  ``--strict``).
- ``sh`` blocks: each command must be one the project has: ``pip install`` of this checkout or
  an extra that pyproject.toml defines, a tool in the dev environment, or a make target.
- ``toml`` blocks parse, and load as what they are (a config, a catalog extra, a workload).
- A block with no language is text (a diagram, sample output), not code.

A python block that makes its own fakes (``mock_provider``, ``LoopbackServer``) runs without
the page-wide ones.

Each page runs in a fresh copy of the repository's ``examples/`` and ``tests/fixtures/`` so
the paths the docs use resolve and nothing is written into the checkout.
"""

from __future__ import annotations

import asyncio
import contextlib
import doctest
import os
import re
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md"))
FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```", re.S | re.M)

FAKE_ENV = {
    "OPENAI_API_KEY": "sk-docs-fake",
    "DASHSCOPE_API_KEY": "sk-docs-fake",
    "ZHIPUAI_API_KEY": "docsid.docssecret",
    "QIANFAN_API_KEY": "bce-v3/ALTAK-docs/fake",
    "QIANFAN_AK": "docs-ak",
    "QIANFAN_SK": "docs-sk",
    "SENSENOVA_API_KEY": "docs-fake",
    "SENSENOVA_ACCESS_KEY_ID": "docs-ak",
    "SENSENOVA_SECRET_ACCESS_KEY": "docs-sk-0123456789abcdef0123456789",
    "DEEPSEEK_API_KEY": "sk-docs-fake",
    "MOONSHOT_API_KEY": "sk-docs-fake",
    "ARK_API_KEY": "docs-fake",
    "HUNYUAN_API_KEY": "docs-fake",
}


def blocks(page: Path) -> list[tuple[str, str, int]]:
    """``(language, code, line)`` of every fenced block of a page."""
    text = page.read_text(encoding="utf-8")
    return [
        (m.group(1).lower(), m.group(2), text.count("\n", 0, m.start()) + 1)
        for m in FENCE.finditer(text)
    ]


def _id(page: Path) -> str:
    return str(page.relative_to(DOCS))


@contextlib.contextmanager
def faked_providers() -> Iterator[None]:
    """Every provider faked (respx) at its real address; any other request fails."""
    pytest.importorskip("respx")
    from llmswitch.testing import _FAKES, mock_provider

    with contextlib.ExitStack() as stack:
        for provider in _FAKES:
            stack.enter_context(mock_provider(provider))
        yield


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with the examples and fixtures the docs name, fake keys, no
    config discovery from the caller."""
    for part in ("examples", "tests/fixtures/scan_patterns"):
        shutil.copytree(ROOT / part, tmp_path / part)
    for key in list(os.environ):
        if key.endswith(("_API_KEY", "_AK", "_SK")) or key.startswith("LLMSWITCH_"):
            monkeypatch.delenv(key, raising=False)
    for key, value in FAKE_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run_python(code: str, namespace: dict[str, Any], where: str) -> None:
    if code.lstrip().startswith(">>>"):
        parser = doctest.DocTestParser()
        test = parser.get_doctest(code, namespace, where, where, 0)
        runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
        out: list[str] = []
        runner.run(test, out=out.append, clear_globs=False)
        namespace.update(test.globs)  # a DocTest runs in a copy: the page's session goes on
        assert runner.failures == 0, "".join(out)
        return
    flags = 0x2000  # PyCF_ALLOW_TOP_LEVEL_AWAIT: a block may `await` / `async with`
    compiled = compile(code, where, "exec", flags=flags)
    result = eval(compiled, namespace)
    if asyncio.iscoroutine(result):
        asyncio.run(result)


@pytest.mark.parametrize("page", [p for p in PAGES if any(b[0] == "python" for b in blocks(p))],
                         ids=_id)  # fmt: skip
def test_python_blocks_run(page: Path, sandbox: Path) -> None:
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for language, code, line in blocks(page):
        if language != "python":
            continue
        own_fakes = "mock_provider(" in code or "LoopbackServer(" in code
        with contextlib.nullcontext() if own_fakes else faked_providers():
            _run_python(code, namespace, f"{_id(page)}:{line}")


def _commands(code: str) -> list[str]:
    """The ``$ ...`` lines of a console block, continuation lines joined."""
    out: list[str] = []
    lines = code.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("$ "):
            command = line[2:]
            while command.rstrip().endswith("\\") and i + 1 < len(lines):
                i += 1
                command = command.rstrip()[:-1] + " " + lines[i].strip()
            out.append(command)
        i += 1
    return out


def _strip_comment(command: str) -> list[str]:
    return shlex.split(command, comments=True)


@pytest.mark.parametrize("page", [p for p in PAGES if any(b[0] == "console" for b in blocks(p))],
                         ids=_id)  # fmt: skip
def test_console_blocks_run(
    page: Path, sandbox: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    from llmswitch.cli import main

    with faked_providers():
        for language, code, line in blocks(page):
            if language != "console":
                continue
            for command in _commands(code):
                argv = _strip_comment(command)
                where = f"{_id(page)}:{line}: $ {command}"
                if argv[0] == "export":
                    name, _, value = argv[1].partition("=")
                    monkeypatch.setenv(name, FAKE_ENV.get(name, value))
                    continue
                if argv[:3] == ["python", "-m", "llmswitch"]:
                    argv = ["llmswitch", *argv[3:]]
                assert argv[0] == "llmswitch", f"{where}: not an llmswitch command"
                if "src/" in argv:  # `scan src/`: the docs mean the user's own code
                    argv[argv.index("src/")] = "examples/support_bot"
                try:
                    code_ = main(argv[1:])
                except SystemExit as exc:  # --help, --version
                    code_ = int(exc.code or 0)
                captured = capsys.readouterr()
                allowed = (0, 1) if "--strict" in argv else (0,)
                assert code_ in allowed, f"{where}: exit {code_}\n{captured.err}"
                assert "Traceback" not in captured.err, where


def _pyproject() -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    data: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return data


def _check_sh(argv: list[str], where: str) -> None:
    project = _pyproject()
    extras = set(project["project"]["optional-dependencies"])
    if argv[:2] == ["pip", "install"] or argv[1:4] == ["-m", "pip", "install"]:
        targets = [a for a in argv if not a.startswith("-") and a not in ("pip", "install")]
        targets = [t for t in targets if not t.endswith(("python", "python3")) and t != "-m"]
        for target in targets:
            name, _, extra = target.partition("[")
            assert name == "." or Path(name).name == "llmswitch", (
                f"{where}: installs {name!r}, not this checkout"
            )
            for wanted in filter(None, extra.rstrip("]").split(",")):
                assert wanted in extras, f"{where}: no extra [{wanted}] in pyproject.toml"
        return
    if argv[0] == "make":
        makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
        for target in argv[1:]:
            assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"{where}: no target"
        return
    if argv[0] in ("git", "cd", "python", "python3", "source", ". "):
        return
    tool = Path(argv[0]).name
    assert shutil.which(tool, path=str(Path(sys.executable).parent)) or tool in ("llmswitch",), (
        f"{where}: {tool} is not a tool of the dev environment"
    )


SHELLS = ("sh", "bash", "shell")


@pytest.mark.parametrize("page", [p for p in PAGES if any(b[0] in SHELLS for b in blocks(p))],
                         ids=_id)  # fmt: skip
def test_shell_blocks_name_real_things(page: Path) -> None:
    for language, code, line in blocks(page):
        if language not in SHELLS:
            continue
        for command in code.splitlines():
            argv = _strip_comment(command.removeprefix("$ "))
            if argv:
                _check_sh(argv, f"{_id(page)}:{line}: {command}")


@pytest.mark.parametrize("page", [p for p in PAGES if any(b[0] == "toml" for b in blocks(p))],
                         ids=_id)  # fmt: skip
def test_toml_blocks_load(page: Path, sandbox: Path) -> None:
    from llmswitch._config import load_config
    from llmswitch.catalog import load_catalog
    from llmswitch.plan import Workload

    for language, code, line in blocks(page):
        if language != "toml":
            continue
        where = f"{_id(page)}:{line}"
        path = sandbox / "block.toml"
        path.write_text(code, encoding="utf-8")
        data = _toml(code, where)
        if {"models", "offers", "sources", "fx", "events"} & set(data):
            load_catalog(extra=path)
        elif {"workload", "input_tokens", "output_tokens"} & set(data):
            Workload.from_toml(path)
        else:
            load_config(data)


def _toml(code: str, where: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data: dict[str, Any] = tomllib.loads(code)
    except tomllib.TOMLDecodeError as exc:
        raise AssertionError(f"{where}: not valid TOML: {exc}") from None
    return data


def test_every_block_has_a_runner() -> None:
    known = {"python", "console", "sh", "bash", "shell", "toml", ""}
    for page in PAGES:
        for language, _, line in blocks(page):
            assert language in known, f"{_id(page)}:{line}: no runner for ```{language}"
