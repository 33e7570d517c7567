"""The ``ast`` side of the scanner: learn across modules, then recognise OpenAI usage in each.

Produces raw hits (kind, name, line, detail, endpoint); :mod:`llmswitch.plan.scan` turns them
into findings with verdicts. :func:`learn` runs over every module first (twice, so facts learnt
late reach modules read early): which functions return a client, which attributes, variables
and parameters hold one, and the keyword arguments each function is called with.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from ._scan_names import (
    ENV_RE,
    LANGCHAIN_EMBEDDINGS,
    LANGCHAIN_ROOTS,
    MODEL_RE,
    OFFERED,
    V0_CALLS,
    endpoint_of,
    is_langchain_class,
    is_openai_client_class,
    parts_of,
    qualify,
)
from ._scan_origin import FOREIGN, OPENAI, Resolver, receiver_node
from ._scan_scope import Codebase, ModuleInfo, Scope

__all__ = ["ENV_RE", "Codebase", "Hit", "ModuleInfo", "find_hits", "learn"]

_ALWAYS = frozenset({"model", "messages", "input"})  # required arguments, same everywhere
INSTRUCTOR_PARAMS = frozenset({"response_model", "max_retries", "validation_context", "context"})
# Endpoints whose name alone says OpenAI (or a compatible SDK) even when the client's origin
# is not seen: reported unless the module uses another SDK.
_DISTINCTIVE = frozenset(
    {"chat.completions.create", "chat.completions.parse", "chat.completions.stream",
     "embeddings.create"}
)  # fmt: skip
# Options of the client constructor: never arguments of create (a dict that fed both is read
# flow-insensitively, so its client keys are dropped at the call).
_CLIENT_OPTIONS = frozenset(
    {"api_key", "base_url", "organization", "project", "default_headers", "default_query",
     "http_client", "max_retries", "azure_endpoint", "api_version", "azure_deployment",
     "azure_ad_token", "azure_ad_token_provider", "websocket_base_url"}
)  # fmt: skip
_CONTENT_PARTS = {
    "image_url": "vision",
    "input_image": "vision",
    "input_audio": "audio input",
}
# Methods of a LangChain chat model that need a feature of the model behind it. Counted where
# the codebase makes a LangChain OpenAI model and the receiver is a LangChain object (its module
# imports LangChain) or is called an LLM.
_LANGCHAIN_METHODS = {
    "bind_tools": "tools",
    "with_structured_output": "json_mode",
    "stream": "streaming",
    "astream": "streaming",
}


@dataclass(frozen=True)
class Hit:
    """One raw observation in a module."""

    kind: str  # import | client | call | param | model | env | langchain | feature
    name: str
    line: int
    detail: str = ""
    endpoint: str = ""


def learn(info: ModuleInfo, code: Codebase) -> None:
    """Add what this module teaches about clients and calls to ``code``."""
    resolver = Resolver(info, code)
    code.uses_openai = code.uses_openai or info.imports_openai
    code.uses_langchain = code.uses_langchain or info.imports_langchain_openai
    for scope in info.scopes[1:]:
        node = scope.node
        assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        if scope.cls is not None and node.name == "__init__":
            code.signatures[scope.cls.name].append(scope.positional)
        code.signatures[node.name].append(scope.positional)
        if any(resolver.classify(r, scope) == OPENAI for r in scope.returns):
            code.factories.add(node.name)
            if scope.cls is not None and node.name in scope.cls.properties:
                code.client_attrs.add(node.name)
        dicts = [resolver.keys(r, scope) for r in scope.returns if _dict_like(r)]
        if any(found for found, _ in dicts):
            returned = frozenset(k for found, _ in dicts for k in found)
            code.returned_keys[node.name] = (returned, all(ok for _, ok in dicts))
    for name, values in info.module.assigns.items():
        if any(resolver.classify(v, info.module) == OPENAI for v in values):
            code.client_vars.add(name)
    for cls in info.classes.values():
        for attr, pairs in cls.attrs.items():
            if any(resolver.classify(v, s) == OPENAI for v, s in pairs):
                code.client_attrs.add(attr)
    for attr, pairs in info.attr_assigns.items():
        if any(resolver.classify(v, s) == OPENAI for v, s in pairs):
            code.client_attrs.add(attr)
    for call, scope in info.calls:
        parts = parts_of(call.func)
        if not parts or "()" in parts:
            continue
        callee = parts[-1]
        for kw in call.keywords:
            if kw.arg is None:
                keys, complete = resolver.keys(kw.value, scope)
                code.call_keywords[callee] |= keys
                if not complete:
                    code.opaque_calls.add(callee)
            else:
                code.call_keywords[callee].add(kw.arg)
                if resolver.classify(kw.value, scope) == OPENAI:
                    code.client_params.add((callee, kw.arg))
        for index, arg in enumerate(call.args):
            if resolver.classify(arg, scope) == OPENAI:
                for names in code.signatures.get(callee, ()):
                    if index < len(names):
                        code.client_params.add((callee, names[index]))


def _dict_like(expr: ast.expr) -> bool:
    if isinstance(expr, ast.Call):
        return parts_of(expr.func) == ["dict"]
    return isinstance(expr, (ast.Dict, ast.Name))


def find_hits(info: ModuleInfo, code: Codebase) -> Iterator[Hit]:
    """Every OpenAI-related observation in one module."""
    resolver = Resolver(info, code)
    for node in info.imports:
        yield from _import_hits(node)
    for call, scope in info.calls:
        yield from _call_hits(call, scope, info, resolver)
    relevant = info.imports_openai or (code.uses_openai and not info.imports_foreign)
    if relevant:
        for d, _scope in info.dicts:
            yield from _content_parts(d)
    for const in info.constants:
        text = str(const.value)
        if MODEL_RE.match(text):
            yield Hit("model", text, const.lineno)
            if "vision" in text and code.uses_openai:
                yield Hit("feature", "vision", const.lineno, f"vision model {text}")
        elif ENV_RE.match(text):
            yield Hit("env", text, const.lineno)


def _content_parts(node: ast.Dict) -> Iterator[Hit]:
    for key, value in zip(node.keys, node.values, strict=True):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            continue
        label = None
        if key.value == "type" and isinstance(value, ast.Constant):
            label = _CONTENT_PARTS.get(str(value.value))
        elif key.value in ("image_url", "input_audio"):
            label = _CONTENT_PARTS[key.value]
        if label is not None:
            yield Hit("feature", label, node.lineno, f"content part {key.value!s}")
            return


def _import_hits(node: ast.Import | ast.ImportFrom) -> Iterator[Hit]:
    if isinstance(node, ast.Import):
        for a in node.names:
            if a.name.split(".")[0] in ("openai", "langchain_openai"):
                yield Hit("import", a.name, node.lineno, f"as {a.asname}" if a.asname else "")
        return
    module = node.module or ""
    root = module.split(".")[0]
    if node.level or root not in ("openai", *LANGCHAIN_ROOTS):
        return
    for a in node.names:
        qual = f"{module}.{a.name}"
        if root == "openai" or root == "langchain_openai" or is_langchain_class(qual):
            yield Hit("import", qual, node.lineno, f"as {a.asname}" if a.asname else "")


def _call_hits(call: ast.Call, scope: Scope, info: ModuleInfo, r: Resolver) -> Iterator[Hit]:
    parts = parts_of(call.func)
    if not parts:
        return
    qual = qualify(parts, info.aliases)
    kwargs = [k.arg or "**" for k in call.keywords]
    if is_openai_client_class(qual):
        yield Hit("client", qual, call.lineno, ", ".join(kwargs))
        return
    if is_langchain_class(qual):
        used = (
            "embeddings.create" if parts[-1] in LANGCHAIN_EMBEDDINGS else "chat.completions.create"
        )
        yield Hit("langchain", qual, call.lineno, ", ".join(kwargs), used)
        if "streaming" in kwargs:
            yield Hit("feature", "streaming", call.lineno, "LangChain streaming=True")
        return
    if r.code.uses_langchain and parts[-1] in _LANGCHAIN_METHODS and len(parts) > 1:
        named = any("llm" in p.lower() for p in parts[:-1])
        if named or (info.imports_langchain and parts[-1] not in ("stream", "astream")):
            yield Hit(
                "feature", _LANGCHAIN_METHODS[parts[-1]], call.lineno, f"LangChain .{parts[-1]}"
            )
    endpoint: str | None = None
    version, detail = "v1", ""
    bound: tuple[str, ...] = ()
    qparts = qual.split(".")
    if qparts[0] == "openai" and len(qparts) >= 3 and qparts[1] in V0_CALLS:
        endpoint, version = V0_CALLS[qparts[1]], "v0"
    else:
        found = endpoint_of(parts)
        if found is not None:
            endpoint, end = found
            receiver = receiver_node(call.func, len(parts) - end)
            origin = r.classify(receiver, scope) if receiver is not None else None
        elif (passed := _passed_endpoint(call)) is not None:
            chain, chain_parts, (endpoint, end) = passed
            receiver = receiver_node(chain, len(chain_parts) - end)
            origin = r.classify(receiver, scope) if receiver is not None else None
            qual, detail = qualify(chain_parts, info.aliases), "passed to a wrapper"
        else:
            alias = r.alias(call.func, scope)
            if alias is None:
                return
            endpoint, origin, bound, detail = (
                alias.endpoint, alias.origin, alias.keywords, "alias of the call"
            )  # fmt: skip
        if origin == FOREIGN:
            return
        if origin is None:
            if endpoint not in _DISTINCTIVE or info.imports_foreign:
                return
            if not (info.imports_openai or r.code.uses_openai):
                return
            detail = "; ".join(x for x in (detail, "client origin not seen") if x)
    keys: list[str] = [*bound, *(k.arg for k in call.keywords if k.arg)]
    unseen: list[str] = []
    for kw in call.keywords:
        if kw.arg is None:
            found_keys, complete = r.keys(kw.value, scope)
            keys += sorted(found_keys - _CLIENT_OPTIONS)
            if not complete:
                unseen.append(ast.unparse(kw.value)[:40])
    if unseen:
        detail = "; ".join(x for x in (detail, "arguments not seen: **" + ", **".join(unseen)) if x)
    yield Hit("call", _display(qual), call.lineno, version + (f"; {detail}" if detail else ""),
              endpoint)  # fmt: skip
    if endpoint not in OFFERED and endpoint not in ("chat.completions.parse",
                                                    "chat.completions.stream"):  # fmt: skip
        return  # the call itself is the blocker; its arguments add nothing
    for key in dict.fromkeys(keys):
        if key in INSTRUCTOR_PARAMS:
            yield Hit("param", key, call.lineno, "instructor", "instructor")
        elif key not in _ALWAYS:
            yield Hit("param", key, call.lineno, "", endpoint)
    for text in unseen:
        yield Hit("param", "**", call.lineno, f"not seen: **{text}", endpoint)


def _passed_endpoint(
    call: ast.Call,
) -> tuple[ast.expr, list[str], tuple[str, int]] | None:
    """An endpoint handed to a wrapper that calls it: ``asyncio.to_thread(client.x.create,
    model=...)``, ``sync_to_async(client.x.create)(model=...)``, ``retry(client.x.create)``."""
    holder = call.func if isinstance(call.func, ast.Call) else call
    if (parts_of(holder.func) or [""])[-1] == "partial":
        return None  # makes an alias; the call is where the alias is called
    for arg in holder.args[:2]:
        if isinstance(arg, ast.Attribute):
            parts = parts_of(arg)
            found = endpoint_of(parts) if parts else None
            if parts and found is not None:
                return arg, parts, found
    return None


def _display(qual: str) -> str:
    return qual.replace(".()", "()")
