"""``scan(path)``: find a codebase's OpenAI usage with ``ast`` and judge it per target provider.

Each :class:`Finding` has a file, line, snippet and a :class:`Verdict` per provider (works,
mapped, or blocker with why), read from the adapters' own ``PARAMS`` declarations. Files that
fail to parse (syntax errors, undecodable bytes) are listed in ``errors``; they never stop a scan.
Jupyter notebooks are scanned too: their code cells are read as one module (cells share
variables) and findings point at ``notebook.ipynb#cell<N>`` and the line inside that cell.
Test code is scanned apart (``ScanResult.test_findings``); virtualenvs, vendored packages and
build output are skipped (``exclude=``).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..catalog import Catalog, load_catalog
from ..providers import PROVIDERS
from ._scan_ast import ENV_RE, Codebase, Hit, ModuleInfo, find_hits, learn
from ._scan_files import (
    CELL_MARK,
    DEFAULT_EXCLUDE,
    ScanError,
    is_test_path,
    parse_file,
    walk_files,
)
from ._scan_names import relevant
from ._verdicts import Judge, Verdict

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DEFAULT_EXCLUDE",
    "DEFAULT_TARGETS",
    "Finding",
    "ScanError",
    "ScanResult",
    "Verdict",
    "scan",
]

DEFAULT_TARGETS: tuple[str, ...] = tuple(p for p in PROVIDERS if p != "openai")
"""Providers judged by default: every provider llmswitch can call except OpenAI itself."""

_SECRET = re.compile(r"""(["'])(sk-[\w-]{6,}|[A-Za-z0-9_\-.]{32,})\1""")
_ENV_LINE = re.compile(r"^\s*(?:export\s+)?(OPENAI_[A-Z0-9_]+)\s*=")
_FEATURE_PARAMS = {
    "tools": "tools",
    "tool_choice": "tools",
    "functions": "tools",
    "function_call": "tools",
    "parallel_tool_calls": "tools",
    "response_model": "tools",  # instructor's default mode sends it as a tool
    "response_format": "json_mode",
    "stream": "streaming",
    "stream_options": "streaming",
}
_FEATURE_ENDPOINTS = {"chat.completions.parse": "json_mode", "chat.completions.stream": "streaming"}
Tests = Literal["apart", "include", "skip"]

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Finding:
    """One use of the OpenAI API in the code, with a verdict per target provider."""

    file: str
    line: int
    kind: str
    """``import``, ``client``, ``call``, ``param``, ``model``, ``env`` or ``langchain``."""
    name: str
    snippet: str
    verdicts: dict[str, Verdict]
    endpoint: str = ""
    detail: str = ""

    @property
    def blockers(self) -> list[str]:
        """Providers on which this finding is a blocker."""
        return [p for p, v in self.verdicts.items() if v.level == "blocker"]

    def row(self) -> dict[str, Any]:
        """Flat dict: location, what, and one ``level: why`` column per provider."""
        row: dict[str, Any] = {
            "file": self.file,
            "line": self.line,
            "kind": self.kind,
            "name": self.name,
            "endpoint": self.endpoint,
            "detail": self.detail,
            "snippet": self.snippet,
        }
        for provider, v in self.verdicts.items():
            row[provider] = v.level + (f": {v.why}" if v.why and v.level != "works" else "")
        return row

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with verdicts as ``{"level", "why"}``."""
        data = {k: v for k, v in self.row().items() if k not in self.verdicts}
        data["verdicts"] = {p: {"level": v.level, "why": v.why} for p, v in self.verdicts.items()}
        return data


@dataclass
class ScanResult:
    """What :func:`scan` found: findings, unreadable files, and the providers judged.

    ``findings`` are the application's; findings in test code are in ``test_findings`` and
    count nowhere else (``tests="include"`` mixes them in, ``tests="skip"`` does not read them).
    """

    root: str
    providers: tuple[str, ...]
    findings: list[Finding] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    files: int = 0
    unavailable: dict[str, str] = field(default_factory=dict)
    test_findings: list[Finding] = field(default_factory=list)
    test_files: int = 0
    excluded: tuple[str, ...] = ()

    def blockers(self, provider: str | None = None) -> list[Finding]:
        """Findings that block ``provider`` (or any provider)."""
        return [f for f in self.findings if (provider in f.blockers if provider else f.blockers)]

    def unchecked(self) -> list[Finding]:
        """Findings the scanner could not judge: arguments it could not see (``**params`` whose
        keys are not resolved statically). Never read "no blockers" past these."""
        return [f for f in self.findings if any(v.level == "not seen" for v in f.verdicts.values())]

    def summary(self) -> dict[str, dict[str, int]]:
        """Per provider: how many findings work, need mapping, block, or could not be seen."""
        out: dict[str, dict[str, int]] = {}
        for provider in self.providers:
            counts = Counter(f.verdicts[provider].level for f in self.findings)
            out[provider] = {k: counts.get(k, 0) for k in ("works", "mapped", "blocker")}
            out[provider]["not seen"] = counts.get("not seen", 0)
        return out

    @property
    def models(self) -> list[str]:
        """OpenAI model names the code uses as literals, most used first."""
        counts = Counter(f.name for f in self.findings if f.kind == "model")
        return [name for name, _ in counts.most_common()]

    @property
    def endpoints(self) -> list[str]:
        """Endpoints the code calls (LangChain's OpenAI classes count as the endpoint they use)."""
        return sorted({f.endpoint for f in self.findings if f.kind in ("call", "langchain")})

    @property
    def params(self) -> list[str]:
        """Parameters passed to chat and embeddings calls (``**`` when some were not seen)."""
        return sorted({f.name for f in self.findings if f.kind == "param"})

    def features(self) -> tuple[str, ...]:
        """Workload features the code needs: from the parameters it passes, the endpoints it
        calls, the content parts it builds (images) and LangChain's methods."""
        found = {_FEATURE_PARAMS[p] for p in self.params if p in _FEATURE_PARAMS}
        found |= {_FEATURE_ENDPOINTS[e] for e in self.endpoints if e in _FEATURE_ENDPOINTS}
        found |= {f.name for f in self.findings if f.kind == "feature"}
        return tuple(f for f in ("tools", "json_mode", "vision", "streaming") if f in found)

    def evidence(self, feature: str) -> list[Finding]:
        """The findings that make the code need ``feature`` (or ``embeddings``)."""
        if feature == "embeddings":
            return [f for f in self.findings if f.endpoint == "embeddings.create"
                    and f.kind in ("call", "langchain")]  # fmt: skip
        return [
            f
            for f in self.findings
            if (f.kind == "param" and _FEATURE_PARAMS.get(f.name) == feature)
            or (f.kind == "feature" and f.name == feature)
            or (f.kind == "call" and _FEATURE_ENDPOINTS.get(f.endpoint) == feature)
        ]

    def uses_embeddings(self) -> bool:
        """True when the code calls the embeddings endpoint (or LangChain's OpenAIEmbeddings)."""
        return "embeddings.create" in self.endpoints

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict of the whole scan."""
        return {
            "root": self.root,
            "files": self.files,
            "providers": list(self.providers),
            "summary": self.summary(),
            "models": self.models,
            "endpoints": self.endpoints,
            "params": self.params,
            "features": list(self.features()),
            "unchecked": [f.to_dict() for f in self.unchecked()],
            "unavailable_adapters": self.unavailable,
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.__dict__ for e in self.errors],
            "tests": {
                "files": self.test_files,
                "findings": [f.to_dict() for f in self.test_findings],
            },
            "excluded": list(self.excluded),
        }

    def to_pandas(self) -> pd.DataFrame:
        """One row per finding (pandas imported here only)."""
        import pandas as pd

        return pd.DataFrame([f.row() for f in self.findings]).convert_dtypes()

    def _repr_html_(self) -> str:
        import html

        head = "".join(f"<th>{html.escape(p)}</th>" for p in ("file", "line", "kind", "name"))
        head += "".join(f"<th>{html.escape(p)}</th>" for p in self.providers)
        body = "".join(
            "<tr>"
            + "".join(f"<td>{html.escape(str(v))}</td>" for v in (f.file, f.line, f.kind, f.name))
            + "".join(
                f'<td title="{html.escape(f.verdicts[p].why)}">{f.verdicts[p].level}</td>'
                for p in self.providers
            )
            + "</tr>"
            for f in self.findings
        )
        errors = f"<p>{len(self.errors)} file(s) could not be parsed.</p>" if self.errors else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{errors}"


def scan(
    path: str | os.PathLike[str],
    *,
    providers: Iterable[str] | None = None,
    catalog: Catalog | None = None,
    progress: Progress | None = None,
    exclude: Iterable[str] = (),
    default_excludes: bool = True,
    tests: Tests = "apart",
) -> ScanResult:
    """Scan a file or directory tree of Python code for OpenAI API usage.

    ``providers`` are the targets to judge (default: :data:`DEFAULT_TARGETS`); ``progress`` is
    called as ``progress(done, total, file)`` after each file. ``exclude`` adds ``fnmatch``
    patterns (a directory name or a path relative to ``path``) to :data:`DEFAULT_EXCLUDE`
    (``default_excludes=False`` drops those). Test code is read apart (``tests="apart"``: in
    ``test_findings``), mixed in (``"include"``) or not read (``"skip"``).

    >>> result = scan("examples/support_bot")  # doctest: +SKIP
    >>> result.summary()["qwen"]  # doctest: +SKIP
    {'works': 9, 'mapped': 6, 'blocker': 0, 'not seen': 0}
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"{root}: no such file or directory")
    targets = tuple(providers) if providers is not None else DEFAULT_TARGETS
    judge = Judge(targets, catalog or load_catalog())
    patterns = (*(DEFAULT_EXCLUDE if default_excludes else ()), *exclude)
    result = ScanResult(str(root), targets, unavailable=dict(judge.unavailable), excluded=patterns)
    files = list(walk_files(root, patterns))
    code = Codebase()
    modules: list[tuple[str, ModuleInfo, list[str], bool]] = []
    for index, (file, rel) in enumerate(files, 1):
        in_tests = tests != "include" and is_test_path(rel)
        if not (in_tests and tests == "skip"):
            if file.suffix in (".py", ".ipynb"):
                parsed = parse_file(file, rel, relevant)
                result.errors.extend(parsed.problems)
                if parsed.tree is not None:
                    modules.append((rel, ModuleInfo(parsed.tree), parsed.lines, in_tests))
            else:
                found = list(_env_file(file, rel, judge))
                (result.test_findings if in_tests else result.findings).extend(found)
            if in_tests:
                result.test_files += 1
            else:
                result.files += 1
        if progress is not None:
            progress(index, len(files), rel)
    for _ in range(2):  # facts learnt late reach the modules read early
        for _rel, info, _lines, _t in modules:
            learn(info, code)
    for rel, info, lines, in_tests in modules:
        found = list(_findings(rel, info, lines, code, judge))
        found = _in_cells(found, lines) if rel.endswith(".ipynb") else found
        (result.test_findings if in_tests else result.findings).extend(found)
    for findings in (result.findings, result.test_findings):
        findings.sort(key=lambda f: (f.file, f.line, f.kind != "call"))
    return result


def _in_cells(findings: Iterable[Finding], lines: list[str]) -> list[Finding]:
    """Point notebook findings at ``file#cell<N>`` and the line within that cell."""
    cell_of: list[tuple[int, int]] = []  # per module line: (cell number, line in cell)
    cell, offset = 0, 0
    for index, text in enumerate(lines, 1):
        if text.startswith(CELL_MARK):
            cell, offset = int(text[len(CELL_MARK) :]), index
        cell_of.append((cell, index - offset))
    out = []
    for finding in findings:
        number, line = cell_of[finding.line - 1] if 0 < finding.line <= len(cell_of) else (0, 0)
        out.append(replace(finding, file=f"{finding.file}#cell{number}", line=line))
    return out


def _findings(
    rel: str, info: ModuleInfo, lines: list[str], code: Codebase, judge: Judge
) -> Iterator[Finding]:
    seen: set[tuple[str, str, int, str]] = set()
    for hit in find_hits(info, code):
        key = (hit.kind, hit.name, hit.line, hit.endpoint)
        if key in seen:
            continue
        seen.add(key)
        snippet = lines[hit.line - 1].strip()[:160] if 0 < hit.line <= len(lines) else ""
        snippet = _SECRET.sub(r"\1***\1", snippet)  # never copy a key into a report
        yield Finding(
            rel, hit.line, hit.kind, hit.name, snippet, _verdicts(hit, judge), hit.endpoint,
            hit.detail,
        )  # fmt: skip


def _verdicts(hit: Hit, judge: Judge) -> dict[str, Verdict]:
    if hit.kind == "call":
        verdicts = judge.endpoint(hit.endpoint)
        if hit.detail.startswith("v0") and hit.endpoint in (
            "chat.completions.create",
            "embeddings.create",
        ):
            why = f"openai<1.0 call: port to client.{hit.endpoint}"
            return {
                p: Verdict("mapped", why) if v.level == "works" else v for p, v in verdicts.items()
            }
        return verdicts
    if hit.kind == "param":
        if hit.name == "**":
            why = (f"{hit.detail.removeprefix('not seen: ')}: keys not resolved statically; check "
                   "which parameters it carries (tools, response_format, ...)")  # fmt: skip
            return judge.same("not seen", why)
        if hit.endpoint == "instructor":
            why = "instructor's argument, not sent as is: instructor sends it as a tool call"
            return judge.same("works", why)
        return judge.param(hit.endpoint, hit.name)
    if hit.kind == "feature":
        return judge.feature(hit.name)
    if hit.kind == "model":
        return judge.model(hit.name)
    if hit.kind == "env":
        return judge.env(hit.name)
    if hit.kind == "langchain":
        return judge.langchain(hit.name.rsplit(".", 1)[-1])
    if hit.kind == "client":
        why = "use llmswitch.Client() / AsyncClient(); keys and base_url move to llmswitch.toml"
        if "Azure" in hit.name:
            why += "; Azure deployment names become [aliases]"
        return judge.same("mapped", why)
    return judge.same(*_import_verdict(hit.name))


def _import_verdict(name: str) -> tuple[Any, str]:
    import llmswitch

    leaf = name.rsplit(".", 1)[-1]
    if name.startswith("langchain_openai"):
        return "mapped", "LangChain class: see its construction below"
    if name in ("openai",) or name.startswith("openai.types"):
        return "mapped", "import llmswitch (responses use OpenAI's field names: llmswitch.types)"
    if leaf in ("OpenAI", "Client", "AzureOpenAI"):
        return "mapped", "from llmswitch import Client"
    if leaf in ("AsyncOpenAI", "AsyncClient", "AsyncAzureOpenAI"):
        return "mapped", "from llmswitch import AsyncClient"
    if leaf in llmswitch.__all__:
        return "works", f"llmswitch.{leaf} has the same name"
    return "mapped", f"no llmswitch equivalent of {name}; check how it is used"


def _env_file(file: Path, rel: str, judge: Judge) -> Iterator[Finding]:
    try:
        text = file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    for number, line in enumerate(text.splitlines(), 1):
        match = _ENV_LINE.match(line)
        if match and ENV_RE.match(match.group(1)):
            snippet = line.split("=", 1)[0].strip() + "=***"  # never copy a secret
            yield Finding(rel, number, "env", match.group(1), snippet, judge.env(match.group(1)))
