"""Where a value came from: is this receiver an OpenAI client, another SDK's client, or unknown?

The scanner follows a client to where it was made (a constructor, a factory, a wrapper such as
``instructor.from_openai``, an attribute set in ``__init__``, a parameter some caller passes a
client to), never by the variable's name alone; it also resolves aliases of a call
(``create = client.chat.completions.create``, ``functools.partial(...)``) and the keys of a
``**params`` dict.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ._scan_names import (
    FOREIGN_ROOTS,
    WRAPPERS,
    endpoint_of,
    is_openai_client_class,
    parts_of,
    qualify,
)
from ._scan_scope import Codebase, ModuleInfo, Scope

__all__ = ["FOREIGN", "OPENAI", "Alias", "Resolver"]

OPENAI = "openai"
FOREIGN = "foreign"
_FOREIGN_CLASSES = frozenset(
    {"Anthropic", "AsyncAnthropic", "Groq", "AsyncGroq", "Mistral", "Cerebras", "AsyncCerebras",
     "Fireworks", "AsyncFireworks", "Together", "AsyncTogether", "ZhipuAI", "Writer", "Cohere",
     "ClientV2", "AnthropicBedrock", "AnthropicVertex"}
)  # fmt: skip
_DEPTH = 6


def _merge(values: list[str | None]) -> str | None:
    if OPENAI in values:
        return OPENAI
    return FOREIGN if FOREIGN in values else None


@dataclass(frozen=True)
class Alias:
    """A callable that stands for an OpenAI endpoint, with keywords bound by ``partial``."""

    endpoint: str
    origin: str | None
    keywords: tuple[str, ...] = ()


class Resolver:
    """Answers origin questions inside one module, using what the codebase taught."""

    def __init__(self, info: ModuleInfo, code: Codebase) -> None:
        self.info = info
        self.code = code
        # answers per (node, scope): a value assigned from itself (x = x or OpenAI()) is read
        # once, and a module of many reassignments stays linear
        self._origins: dict[tuple[int, int], str | None] = {}
        self._keys: dict[tuple[int, int], tuple[frozenset[str], bool]] = {}
        self._named: dict[tuple[str, int], str | None] = {}
        self._named_keys: dict[tuple[str, int], tuple[frozenset[str], bool]] = {}

    # -- clients -------------------------------------------------------------------------
    def classify(self, expr: ast.expr, scope: Scope, depth: int = 0) -> str | None:
        """``OPENAI``, ``FOREIGN`` or ``None`` (not known) for the value of ``expr``."""
        key = (id(expr), id(scope))
        if key in self._origins:
            return self._origins[key]
        if depth > _DEPTH:
            return None
        self._origins[key] = None  # while in progress: a cycle adds nothing
        found = self._classify(expr, scope, depth)
        self._origins[key] = found
        return found

    def _classify(self, expr: ast.expr, scope: Scope, depth: int) -> str | None:
        if isinstance(expr, ast.Await):
            return self.classify(expr.value, scope, depth + 1)
        if isinstance(expr, ast.IfExp):
            return _merge([self.classify(e, scope, depth + 1) for e in (expr.body, expr.orelse)])
        if isinstance(expr, ast.BoolOp):
            return _merge([self.classify(e, scope, depth + 1) for e in expr.values])
        if isinstance(expr, ast.Call):
            return self._call(expr, scope, depth)
        if isinstance(expr, ast.Name):
            return self._name(expr.id, scope, depth)
        if isinstance(expr, ast.Attribute):
            return self._attribute(expr, scope, depth)
        return None

    def type_of(self, annotation: ast.expr | None) -> str | None:
        """An annotation naming an OpenAI client class (or another SDK's)."""
        if annotation is None:
            return None
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = ast.parse(annotation.value, mode="eval").body
            except SyntaxError:
                return None
        if isinstance(annotation, ast.BinOp):  # OpenAI | None
            return _merge([self.type_of(annotation.left), self.type_of(annotation.right)])
        if isinstance(annotation, ast.Subscript):  # Optional[OpenAI]
            return self.type_of(annotation.slice)
        if isinstance(annotation, ast.Tuple):
            return _merge([self.type_of(e) for e in annotation.elts])
        parts = parts_of(annotation) if isinstance(annotation, (ast.Name, ast.Attribute)) else None
        if not parts:
            return None
        qual = qualify(parts, self.info.aliases)
        if is_openai_client_class(qual):
            return OPENAI
        if qual.split(".")[0] in FOREIGN_ROOTS or parts[-1] in _FOREIGN_CLASSES:
            return FOREIGN
        return None

    def _call(self, call: ast.Call, scope: Scope, depth: int) -> str | None:
        parts = parts_of(call.func)
        if not parts:
            return None
        qual = qualify(parts, self.info.aliases)
        leaf = parts[-1]
        if is_openai_client_class(qual):
            return OPENAI
        if leaf in WRAPPERS and call.args:
            return self.classify(call.args[0], scope, depth + 1)
        if qual.split(".")[0] in FOREIGN_ROOTS or leaf in _FOREIGN_CLASSES:
            return FOREIGN
        if leaf in self.code.factories and (len(parts) == 1 or parts[0] in ("self", "cls")):
            return OPENAI
        if leaf in self.code.factories and "()" not in parts and len(parts) == 2:
            return OPENAI  # module.make_client()
        return None

    def _name(self, name: str, scope: Scope, depth: int) -> str | None:
        if name in ("self", "cls") and scope.cls is not None:
            return FOREIGN  # the class itself, not a client (a subclass of OpenAI is rare)
        owner = scope.lookup(name)
        if owner is None:
            qual = self.info.aliases.get(name, "")
            if qual == "openai":
                return OPENAI  # the module-level client of openai>=1
            if qual.split(".")[0] in FOREIGN_ROOTS:
                return FOREIGN
            if name in self.info.from_imported and name in self.code.client_vars:
                return OPENAI
            return None
        memo = (name, id(owner))
        if memo in self._named:
            return self._named[memo]
        self._named[memo] = None  # while in progress: client = client or OpenAI()
        found: list[str | None] = [self.type_of(owner.annotations.get(name))]
        found += [self.classify(v, owner, depth + 1) for v in owner.assigns.get(name, ())]
        arg = owner.params.get(name)
        if arg is not None:
            found.append(self.type_of(arg.annotation))
            if (owner.name, name) in self.code.client_params or (
                owner.name == "__init__"
                and owner.cls is not None
                and (owner.cls.name, name) in self.code.client_params
            ):
                found.append(OPENAI)
        self._named[memo] = _merge(found)
        return self._named[memo]

    def _attribute(self, expr: ast.Attribute, scope: Scope, depth: int) -> str | None:
        owner = expr.value
        attr = expr.attr
        if isinstance(owner, ast.Name) and owner.id in ("self", "cls") and scope.cls is not None:
            values = scope.cls.attrs.get(attr, [])
            found = [self.classify(v, s, depth + 1) for v, s in values]
            if attr in scope.cls.properties and attr in self.code.factories:
                found.append(OPENAI)
            if values or attr in scope.cls.properties:
                merged = _merge(found)
                if merged is not None:
                    return merged
        local = [self.classify(v, s, depth + 1) for v, s in self.info.attr_assigns.get(attr, [])]
        if FOREIGN in local and OPENAI not in local:
            return FOREIGN
        if self.info.imports_foreign and not self.info.imports_openai:
            return _merge(
                local
            )  # another SDK's module: a same-named attribute elsewhere says nothing
        if attr in self.code.client_attrs:
            return OPENAI
        return _merge(local)

    # -- aliases of a call -----------------------------------------------------------------
    def alias(self, func: ast.expr, scope: Scope, depth: int = 0) -> Alias | None:
        """What ``func`` in ``func(...)`` stands for, when it is an OpenAI endpoint."""
        if depth > _DEPTH:
            return None
        values: list[tuple[ast.expr, Scope]] = []
        if isinstance(func, ast.Name):
            owner = scope.lookup(func.id)
            if owner is not None:
                values = [(v, owner) for v in owner.assigns.get(func.id, ())]
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in ("self", "cls")
            and scope.cls is not None
        ):
            values = list(scope.cls.attrs.get(func.attr, ()))
        for value, owner in values:
            found = self._alias_value(value, owner, depth)
            if found is not None:
                return found
        return None

    def _alias_value(self, value: ast.expr, scope: Scope, depth: int) -> Alias | None:
        if isinstance(value, ast.Call):
            parts = parts_of(value.func)
            if parts and parts[-1] == "partial" and value.args:
                inner = self._alias_value(value.args[0], scope, depth + 1)
                if inner is not None:
                    bound = tuple(k.arg for k in value.keywords if k.arg)
                    return Alias(inner.endpoint, inner.origin, inner.keywords + bound)
            return None
        if isinstance(value, ast.Attribute):
            parts = parts_of(value)
            found = endpoint_of(parts) if parts else None
            if found is None:
                return None
            endpoint, end = found
            receiver = receiver_node(value, len(parts or ()) - end)
            origin = self.classify(receiver, scope) if receiver is not None else None
            return Alias(endpoint, origin)
        if isinstance(value, (ast.Name, ast.Attribute)):
            return self.alias(value, scope, depth + 1)
        return None

    # -- keys of **params ------------------------------------------------------------------
    def keys(self, expr: ast.expr, scope: Scope, depth: int = 0) -> tuple[set[str], bool]:
        """The keys of a dict passed as ``**expr``, and whether all of them were seen."""
        key = (id(expr), id(scope))
        if key in self._keys:
            found, complete = self._keys[key]
            return set(found), complete
        if depth > _DEPTH:
            return set(), False
        self._keys[key] = (frozenset(), True)  # while in progress: params = {**params, ...}
        keys, complete = self._dict_keys(expr, scope, depth)
        self._keys[key] = (frozenset(keys), complete)
        return keys, complete

    def _dict_keys(self, expr: ast.expr, scope: Scope, depth: int) -> tuple[set[str], bool]:
        branches = (
            [expr.body, expr.orelse] if isinstance(expr, ast.IfExp)
            else expr.values if isinstance(expr, ast.BoolOp) else None
        )  # fmt: skip
        if branches is not None:
            keys: set[str] = set()
            complete = True
            for branch in branches:
                found, ok = self.keys(branch, scope, depth + 1)
                keys |= found
                complete = complete and ok
            return keys, complete
        if isinstance(expr, ast.Dict):
            keys = set()
            complete = True
            for k, v in zip(expr.keys, expr.values, strict=True):
                if k is None:
                    inner, ok = self.keys(v, scope, depth + 1)
                    keys |= inner
                    complete = complete and ok
                elif isinstance(k, ast.Constant) and isinstance(k.value, str):
                    keys.add(k.value)
                else:
                    complete = False
            return keys, complete
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
            left, lok = self.keys(expr.left, scope, depth + 1)
            right, rok = self.keys(expr.right, scope, depth + 1)
            return left | right, lok and rok
        if isinstance(expr, ast.Call):
            return self._call_keys(expr, scope, depth)
        if isinstance(expr, ast.Name):
            return self._name_keys(expr.id, scope, depth)
        return set(), False

    def _call_keys(self, call: ast.Call, scope: Scope, depth: int) -> tuple[set[str], bool]:
        parts = parts_of(call.func)
        if parts == ["dict"]:
            keys = {k.arg for k in call.keywords if k.arg}
            complete = True
            for kw in call.keywords:
                if kw.arg is None:
                    inner, ok = self.keys(kw.value, scope, depth + 1)
                    keys |= inner
                    complete = complete and ok
            for arg in call.args:
                inner, ok = self.keys(arg, scope, depth + 1)
                keys |= inner
                complete = complete and ok
            return keys, complete
        if parts and parts[-1] in ("copy", "deepcopy"):
            target = call.args[0] if call.args else call.func
            if isinstance(target, ast.Attribute) and parts[-1] == "copy" and not call.args:
                target = target.value
            return self.keys(target, scope, depth + 1)
        if parts and parts[-1] in self.code.returned_keys:
            keys_, complete = self.code.returned_keys[parts[-1]]
            return set(keys_), complete
        return set(), False

    def _name_keys(self, name: str, scope: Scope, depth: int) -> tuple[set[str], bool]:
        owner = scope.lookup(name)
        if owner is None:
            return set(), False
        memo = (name, id(owner))
        if memo in self._named_keys:
            known, done = self._named_keys[memo]
            return set(known), done
        self._named_keys[memo] = (frozenset(), True)  # in progress: params = {**params, ...}
        found, complete = self._binding_keys(name, owner, depth)
        self._named_keys[memo] = (frozenset(found), complete)
        return found, complete

    def _binding_keys(self, name: str, owner: Scope, depth: int) -> tuple[set[str], bool]:
        keys = set(owner.keys.get(name, ()))
        complete = name not in owner.opaque
        values = owner.assigns.get(name, [])
        if owner.kwarg == name:
            passed = self.code.call_keywords.get(owner.name, set())
            return keys | passed, complete and owner.name not in self.code.opaque_calls
        if not values:
            return keys, False
        for value in values:
            inner, ok = self.keys(value, owner, depth + 1)
            keys |= inner
            complete = complete and ok
        return keys, complete


def receiver_node(func: ast.expr, steps: int) -> ast.expr | None:
    """The node ``steps`` attribute accesses below ``func`` (the client of a call chain)."""
    node: ast.expr = func
    for _ in range(steps):
        if isinstance(node, ast.Attribute):
            node = node.value
        else:
            return node if isinstance(node, ast.Call) else None
    return node
