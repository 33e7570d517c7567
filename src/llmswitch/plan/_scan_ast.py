"""The ``ast`` side of the scanner: resolve import aliases, recognise OpenAI calls in one module.

Produces raw hits (kind, name, line, extra); :mod:`llmswitch.plan.scan` turns them into findings
with verdicts. Two passes over a codebase: :func:`collect_clients` learns which names hold
clients (assigned from a constructor, from a function that returns one, or annotated with a
client type), so that a client made in one function or file is recognised where it is used.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["ClientNames", "Hit", "collect_clients", "find_hits"]

CLIENT_CLASSES = frozenset(
    {
        "openai.OpenAI",
        "openai.AsyncOpenAI",
        "openai.AzureOpenAI",
        "openai.AsyncAzureOpenAI",
        "openai.Client",
        "openai.AsyncClient",
    }
)
LANGCHAIN_CLASSES = frozenset(
    {
        "langchain_openai.ChatOpenAI",
        "langchain_openai.AzureChatOpenAI",
        "langchain_openai.OpenAIEmbeddings",
        "langchain_openai.OpenAI",
        "langchain.chat_models.ChatOpenAI",
        "langchain_community.chat_models.ChatOpenAI",
        "langchain.embeddings.OpenAIEmbeddings",
    }
)
# v0 (openai < 1.0) module-level resources -> the v1 endpoint they correspond to.
V0_CALLS = {
    "ChatCompletion": "chat.completions.create",
    "Completion": "completions.create",
    "Embedding": "embeddings.create",
    "Image": "images",
    "Audio": "audio",
    "Moderation": "moderations",
    "File": "files",
    "FineTune": "fine_tuning",
    "FineTuningJob": "fine_tuning",
}
# Attribute paths of the v1 client (the tail of a call chain) -> endpoint name.
_CHAINS: list[tuple[tuple[str, ...], str]] = [
    (("chat", "completions", "create"), "chat.completions.create"),
    (("chat", "completions", "parse"), "chat.completions.parse"),
    (("chat", "completions", "stream"), "chat.completions.stream"),
    (("completions", "create"), "completions.create"),
    (("embeddings", "create"), "embeddings.create"),
]
_PREFIXES = {
    "responses": "responses",
    "assistants": "beta.assistants",
    "threads": "beta.threads",
    "vector_stores": "vector_stores",
    "images": "images",
    "audio": "audio",
    "moderations": "moderations",
    "files": "files",
    "fine_tuning": "fine_tuning",
    "batches": "batches",
    "realtime": "realtime",
}
MODEL_RE = re.compile(
    r"^(ft:)?(gpt-[0-9][\w.:-]*|gpt-image-[\w.-]+|chatgpt-[\w.-]+|o[134](-[\w.-]+)?|"
    r"text-embedding-[\w.-]+|text-(davinci|curie|babbage|ada)-\d+|davinci-\d+|babbage-\d+|"
    r"whisper-1|tts-1(-hd)?|dall-e-[23]|omni-moderation-[\w-]+|text-moderation-[\w-]+)$"
)
ENV_RE = re.compile(r"^OPENAI_[A-Z0-9_]+$")
OFFERED = frozenset({"chat.completions.create", "embeddings.create"})
_ALWAYS = frozenset({"model", "messages", "input"})  # required arguments, same everywhere


@dataclass(frozen=True)
class Hit:
    """One raw observation in a module."""

    kind: str  # import | client | call | param | model | env | langchain
    name: str
    line: int
    detail: str = ""
    endpoint: str = ""


@dataclass
class ClientNames:
    """Names known (across the codebase) to hold an OpenAI client, and client factories."""

    variables: set[str] = field(default_factory=set)
    factories: set[str] = field(default_factory=set)


def import_aliases(tree: ast.AST) -> dict[str, str]:
    """Local name -> qualified name, for imports of openai and LangChain's OpenAI classes."""
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in ("openai", "langchain_openai"):
                    aliases[a.asname or a.name.split(".")[0]] = (
                        a.name if a.asname else a.name.split(".")[0]
                    )
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            root = node.module.split(".")[0]
            if root in ("openai", "langchain_openai", "langchain", "langchain_community"):
                for a in node.names:
                    aliases[a.asname or a.name] = f"{node.module}.{a.name}"
    return aliases


def _parts(node: ast.expr) -> list[str] | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Call):  # get_client().chat.completions.create(...)
        inner = _parts(node.func)
        return None if inner is None else [*inner, "()", *reversed(parts)]
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


def _qualify(parts: list[str], aliases: dict[str, str]) -> str:
    root = aliases.get(parts[0])
    return ".".join([root, *parts[1:]]) if root else ".".join(parts)


def _is_client_ctor(call: ast.expr, aliases: dict[str, str], names: ClientNames) -> bool:
    if not isinstance(call, ast.Call):
        return False
    parts = _parts(call.func)
    if not parts:
        return False
    qual = _qualify(parts, aliases)
    return qual in CLIENT_CLASSES or (len(parts) == 1 and parts[0] in names.factories)


def collect_clients(tree: ast.AST, names: ClientNames) -> set[str]:
    """Add this module's client factories to ``names``; return the module's client variables
    (its own assignments, plus names it imports that another module assigned a client to)."""
    aliases = import_aliases(tree)
    local: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for sub in ast.walk(node):
                if (
                    isinstance(sub, ast.Return)
                    and sub.value is not None
                    and _is_client_ctor(sub.value, aliases, names)
                ):
                    names.factories.add(node.name)
            for arg in [*node.args.args, *node.args.kwonlyargs]:
                ann = arg.annotation
                parts = _parts(ann) if isinstance(ann, (ast.Name, ast.Attribute)) else None
                if parts and _qualify(parts, aliases) in CLIENT_CLASSES:
                    local.add(arg.arg)
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign) and _is_client_ctor(node.value, aliases, names):
            targets = node.targets
        elif (
            isinstance(node, ast.AnnAssign)
            and node.value is not None
            and _is_client_ctor(node.value, aliases, names)
        ):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                local.add(target.id)
            elif isinstance(target, ast.Attribute):
                local.add(target.attr)
    names.variables |= local
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            local.update(a.asname or a.name for a in node.names if a.name in names.variables)
    return local


def _endpoint(parts: list[str]) -> str | None:
    for chain, name in _CHAINS:
        if tuple(parts[-len(chain) :]) == chain and len(parts) > len(chain):
            if name == "completions.create" and parts[-3] == "chat":
                continue
            return name
    for part in parts[1:-1]:
        if part in _PREFIXES:
            return _PREFIXES[part]
    return None


def find_hits(tree: ast.AST, names: ClientNames, variables: set[str]) -> Iterator[Hit]:
    """Every OpenAI-related observation in one parsed module (``variables``: its client
    variables, from :func:`collect_clients`)."""
    aliases = import_aliases(tree)
    uses_openai = any(q.split(".")[0] in ("openai", "langchain_openai") for q in aliases.values())
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield from _import_hits(node)
        elif isinstance(node, ast.Call):
            yield from _call_hits(node, aliases, names, variables, uses_openai)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if MODEL_RE.match(node.value):
                yield Hit("model", node.value, node.lineno)
            elif ENV_RE.match(node.value):
                yield Hit("env", node.value, node.lineno)


def _import_hits(node: ast.Import | ast.ImportFrom) -> Iterator[Hit]:
    if isinstance(node, ast.Import):
        for a in node.names:
            if a.name.split(".")[0] in ("openai", "langchain_openai"):
                yield Hit("import", a.name, node.lineno, f"as {a.asname}" if a.asname else "")
        return
    module = node.module or ""
    if node.level or module.split(".")[0] not in ("openai", "langchain_openai"):
        return
    for a in node.names:
        yield Hit("import", f"{module}.{a.name}", node.lineno, f"as {a.asname}" if a.asname else "")


def _call_hits(
    node: ast.Call,
    aliases: dict[str, str],
    names: ClientNames,
    variables: set[str],
    uses_openai: bool,
) -> Iterator[Hit]:
    parts = _parts(node.func)
    if not parts:
        return
    qual = _qualify(parts, aliases)
    kwargs = [k.arg or "**" for k in node.keywords]
    if qual in CLIENT_CLASSES:
        yield Hit("client", qual, node.lineno, ", ".join(kwargs))
        return
    if qual in LANGCHAIN_CLASSES:
        yield Hit("langchain", qual, node.lineno, ", ".join(kwargs))
        return
    endpoint: str | None = None
    version = "v1"
    qparts = qual.split(".")
    if qparts[0] == "openai" and len(qparts) >= 3 and qparts[1] in V0_CALLS:
        endpoint, version = V0_CALLS[qparts[1]], "v0"
    else:
        endpoint = _endpoint(parts)
        if endpoint is None:
            return
        receiver = [p for p in parts[: -1 - endpoint.count(".")] if p != "()"]
        known = uses_openai or qparts[0] == "openai" or bool(set(receiver) & variables)
        known = known or any(p in names.factories for p in parts)
        if not known and endpoint != "chat.completions.create":
            return
    yield Hit("call", _display(qual), node.lineno, version, endpoint)
    if endpoint not in OFFERED:
        return  # the call itself is the blocker; its arguments add nothing
    for kw in kwargs:
        if kw not in _ALWAYS:
            yield Hit("param", kw, node.lineno, "", endpoint)


def _display(qual: str) -> str:
    return qual.replace(".()", "()")
