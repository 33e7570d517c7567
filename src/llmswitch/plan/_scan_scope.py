"""One walk over a module: its scopes (module, functions), classes, assignments, dict keys set by
subscript, calls, dict literals and constants, so the scanner can ask where a value came from.

:class:`Codebase` holds what one module learns for the others: functions that return an OpenAI
client, attribute and variable names that hold one, parameters that receive one at some call
site, and the keyword arguments each function is called with (for ``**kwargs`` passed on).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from ._scan_names import FOREIGN_ROOTS, import_aliases, is_langchain_class

__all__ = ["ClassInfo", "Codebase", "ModuleInfo", "Scope"]

_FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef)
_LANGCHAIN_ANY = frozenset(
    {"langchain", "langchain_openai", "langchain_community", "langchain_core"}
)
# Nodes with nothing below them worth walking (a string constant is still collected).
_LEAVES = frozenset(
    {ast.Name, ast.Constant, ast.Load, ast.Store, ast.Del, ast.Pass, ast.Break, ast.Continue,
     ast.alias, ast.Global, ast.Nonlocal}
    | {t for t in vars(ast).values() if isinstance(t, type)
       and issubclass(t, (ast.operator, ast.cmpop, ast.unaryop, ast.boolop))}
)  # fmt: skip
_INTERESTING = frozenset(
    {ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr, ast.withitem, ast.Return,
     ast.Call, ast.Dict, ast.Import, ast.ImportFrom}
)  # fmt: skip


def _children(node: ast.AST) -> Iterator[ast.AST]:
    """``ast.iter_child_nodes``, a little faster (the scanner's hot loop)."""
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, list):
            for item in value:
                if isinstance(item, ast.AST):
                    yield item
        elif isinstance(value, ast.AST):
            yield value


@dataclass(eq=False)
class ClassInfo:
    """A class: the values assigned to ``self.<attr>`` in its methods, with their scopes."""

    name: str
    attrs: dict[str, list[tuple[ast.expr, Scope]]] = field(default_factory=dict)
    properties: set[str] = field(default_factory=set)


@dataclass(eq=False)
class Scope:
    """The module or one function: assignments, keys set by subscript, parameters, returns."""

    node: ast.AST
    parent: Scope | None
    cls: ClassInfo | None
    name: str = ""
    assigns: dict[str, list[ast.expr]] = field(default_factory=lambda: defaultdict(list))
    annotations: dict[str, ast.expr] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    opaque: set[str] = field(default_factory=set)
    params: dict[str, ast.arg] = field(default_factory=dict)
    positional: list[str] = field(default_factory=list)
    kwarg: str | None = None
    returns: list[ast.expr] = field(default_factory=list)

    def lookup(self, name: str) -> Scope | None:
        """The innermost scope (this one or an enclosing one) that binds ``name``."""
        scope: Scope | None = self
        while scope is not None:
            if name in scope.assigns or name in scope.params or name in scope.annotations:
                return scope
            scope = scope.parent
        return None


@dataclass
class Codebase:
    """Facts that cross modules, learnt in a first pass over every module."""

    factories: set[str] = field(default_factory=set)
    client_attrs: set[str] = field(default_factory=set)
    client_vars: set[str] = field(default_factory=set)
    client_params: set[tuple[str, str]] = field(default_factory=set)
    signatures: dict[str, list[list[str]]] = field(default_factory=lambda: defaultdict(list))
    call_keywords: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    opaque_calls: set[str] = field(default_factory=set)
    returned_keys: dict[str, tuple[frozenset[str], bool]] = field(default_factory=dict)
    uses_openai: bool = False
    uses_langchain: bool = False


class ModuleInfo:
    """Everything the scanner reads from one parsed module, gathered in one walk."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.module = Scope(tree, None, None)
        self.scopes: list[Scope] = [self.module]
        self.classes: dict[str, ClassInfo] = {}
        self.calls: list[tuple[ast.Call, Scope]] = []
        self.dicts: list[tuple[ast.Dict, Scope]] = []
        self.constants: list[ast.Constant] = []
        self.imports: list[ast.Import | ast.ImportFrom] = []
        self.attr_assigns: dict[str, list[tuple[ast.expr, Scope]]] = defaultdict(list)
        self.from_imported: set[str] = set()
        self._walk()
        self._keys_to_binders()
        self.aliases = import_aliases(self.imports)
        roots = {q.split(".")[0] for q in self.aliases.values()}
        self.imports_openai = "openai" in roots
        self.imports_foreign = bool(roots & FOREIGN_ROOTS)
        self.imports_langchain = bool(roots & _LANGCHAIN_ANY)
        self.imports_langchain_openai = any(is_langchain_class(q) for q in self.aliases.values())

    def _keys_to_binders(self) -> None:
        """``params["tools"] = ...`` in a function that does not bind ``params`` adds the key to
        the scope that does (a module-level dict filled in a method)."""
        for scope in self.scopes[1:]:
            for name in {*scope.keys, *scope.opaque}:
                if name in scope.assigns or name in scope.params or scope.parent is None:
                    continue
                owner = scope.parent.lookup(name)
                if owner is not None:
                    owner.keys[name].extend(scope.keys.get(name, ()))
                    if name in scope.opaque:
                        owner.opaque.add(name)

    def _walk(self) -> None:
        stack: list[tuple[ast.AST, Scope, ClassInfo | None]] = [(self.tree, self.module, None)]
        interesting = _INTERESTING
        while stack:
            node, scope, cls = stack.pop()
            for child in _children(node):
                kind = type(child)
                if kind in _LEAVES:
                    if kind is ast.Constant and isinstance(child.value, str):  # type: ignore[attr-defined]
                        self.constants.append(child)  # type: ignore[arg-type]
                elif kind in _FUNCS:
                    inner = self._function(child, scope, cls)  # type: ignore[arg-type]
                    stack.append((child, inner, None))
                elif kind is ast.ClassDef:
                    name = child.name  # type: ignore[attr-defined]
                    stack.append((child, scope, self.classes.setdefault(name, ClassInfo(name))))
                else:
                    if kind in interesting:
                        self._visit(child, scope)
                    stack.append((child, scope, cls))

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, outer: Scope,
                  cls: ClassInfo | None) -> Scope:  # fmt: skip
        scope = Scope(node, outer, cls if cls is not None else outer.cls, node.name)
        args = node.args
        every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        for arg in every:
            scope.params[arg.arg] = arg
        scope.positional = [a.arg for a in [*args.posonlyargs, *args.args]]
        if cls is not None and scope.positional and not _is_static(node):
            scope.positional = scope.positional[1:]
        if args.kwarg is not None:
            scope.kwarg = args.kwarg.arg
            scope.params[args.kwarg.arg] = args.kwarg
        names = {_decorator_name(d) for d in node.decorator_list}
        if cls is not None and names & {"property", "cached_property"}:
            cls.properties.add(node.name)
        self.scopes.append(scope)
        return scope

    def _visit(self, node: ast.AST, scope: Scope) -> None:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                self._bind(target, node.value, scope)
        elif isinstance(node, ast.AnnAssign):
            if isinstance(node.target, ast.Name):
                scope.annotations[node.target.id] = node.annotation
            if node.value is not None:
                self._bind(node.target, node.value, scope)
        elif isinstance(node, (ast.AugAssign, ast.NamedExpr)):
            name: ast.expr = node.target
            if isinstance(name, ast.Name):
                scope.assigns[name.id].append(node.value)
        elif isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
            scope.assigns[node.optional_vars.id].append(node.context_expr)
        elif isinstance(node, ast.Return) and node.value is not None:
            scope.returns.append(node.value)
        elif isinstance(node, ast.Call):
            self.calls.append((node, scope))
            self._dict_method(node, scope)
        elif isinstance(node, ast.Dict):
            self.dicts.append((node, scope))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            self.constants.append(node)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            self.imports.append(node)
            if isinstance(node, ast.ImportFrom):
                self.from_imported.update(a.asname or a.name for a in node.names)

    def _bind(self, target: ast.expr, value: ast.expr, scope: Scope) -> None:
        if isinstance(target, ast.Name):
            scope.assigns[target.id].append(value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts):
                for t, v in zip(target.elts, value.elts, strict=True):
                    self._bind(t, v, scope)
        elif isinstance(target, ast.Attribute):
            owner = target.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls") and scope.cls:
                scope.cls.attrs.setdefault(target.attr, []).append((value, scope))
            else:
                self.attr_assigns[target.attr].append((value, scope))
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            key = target.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                scope.keys[target.value.id].append(key.value)
            else:
                scope.opaque.add(target.value.id)

    def _dict_method(self, call: ast.Call, scope: Scope) -> None:
        """``params.update(tools=...)``, ``params.update({...})``, ``params.setdefault("k", v)``."""
        func = call.func
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
            return
        name = func.value.id
        if func.attr == "update":
            for kw in call.keywords:
                if kw.arg is None:
                    scope.opaque.add(name)
                else:
                    scope.keys[name].append(kw.arg)
            for arg in call.args:
                if isinstance(arg, ast.Dict) and all(
                    isinstance(k, ast.Constant) and isinstance(k.value, str) for k in arg.keys
                ):
                    scope.keys[name].extend(
                        str(k.value) for k in arg.keys if isinstance(k, ast.Constant)
                    )
                else:
                    scope.opaque.add(name)
        elif func.attr == "setdefault" and call.args:
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                scope.keys[name].append(first.value)


def _decorator_name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _is_static(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(_decorator_name(d) == "staticmethod" for d in node.decorator_list)
