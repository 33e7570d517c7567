"""Reading the shipped TOML files and a user's extra TOML, merging them, validating records.

Errors are :class:`CatalogError` naming the file, the record and the field.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .schema import CatalogError, Event, FxRate, Model, Offer, Provider

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    try:
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:
        raise ImportError("llmswitch.catalog needs Python 3.11+ or the tomli package") from exc

__all__ = ["RawCatalog", "load_raw"]

_DATA_PACKAGE = "llmswitch.catalog"
_SECTIONS = ("sources", "fx", "providers", "models", "offers", "events")
_SOURCE_LISTS = ("sources", "confirmed_by", "lifecycle_sources")

RecordT = TypeVar("RecordT", bound=BaseModel)


class RawCatalog:
    """Validated records, before cross-record checks. Each record remembers its file."""

    def __init__(self) -> None:
        self.providers: dict[str, tuple[Provider, str]] = {}
        self.models: dict[tuple[str, str], tuple[Model, str]] = {}
        self.offers: dict[str, tuple[Offer, str]] = {}
        self.events: dict[str, tuple[Event, str]] = {}
        self.fx: tuple[FxRate, str] | None = None
        self.last_checked: dict[str, dt.date] = {}


def _read_toml_text(text: str, label: str) -> dict[str, Any]:
    try:
        doc: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{label}: invalid TOML: {exc}") from exc
    return doc


def _shipped_files() -> Iterator[tuple[str, dict[str, Any]]]:
    root = resources.files(_DATA_PACKAGE).joinpath("data")
    entries = sorted(root.iterdir(), key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir():
            for sub in sorted(entry.iterdir(), key=lambda e: e.name):
                if sub.name.endswith(".toml"):
                    label = f"catalog/data/{entry.name}/{sub.name}"
                    yield label, _read_toml_text(sub.read_text(encoding="utf-8"), label)
        elif entry.name.endswith(".toml"):
            label = f"catalog/data/{entry.name}"
            yield label, _read_toml_text(entry.read_text(encoding="utf-8"), label)


def _format_loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _validate(
    cls: type[RecordT], data: Any, label: str, where: str, sources: Mapping[str, Any]
) -> RecordT:
    if not isinstance(data, dict):
        raise CatalogError(f"{label}: {where}: expected a table, got {type(data).__name__}")
    resolved = _resolve_sources(data, sources, label, where)
    try:
        return cls.model_validate(resolved)
    except ValidationError as exc:
        lines = [
            f"{label}: {where}.{_format_loc(err['loc'])}: {err['msg']}" for err in exc.errors()
        ]
        raise CatalogError("\n".join(lines)) from exc


def _resolve_sources(data: Any, sources: Mapping[str, Any], label: str, where: str) -> Any:
    """Replace ``source = "ref"`` / ``sources = ["ref", ...]`` by the shared source tables."""

    def one(ref: Any, field: str) -> Any:
        if isinstance(ref, str):
            if ref not in sources:
                raise CatalogError(f"{label}: {where}.{field}: unknown source reference {ref!r}")
            return sources[ref]
        return ref

    if isinstance(data, list):
        return [
            _resolve_sources(item, sources, label, f"{where}[{i}]") for i, item in enumerate(data)
        ]
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "source":
            out[key] = one(value, key)
        elif key in _SOURCE_LISTS and isinstance(value, list):
            out[key] = [one(v, f"{key}[{i}]") for i, v in enumerate(value)]
        else:
            out[key] = _resolve_sources(value, sources, label, f"{where}.{key}")
    return out


def _record_list(doc: Mapping[str, Any], key: str, label: str) -> list[Any]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise CatalogError(f"{label}: {key}: expected an array of tables ([[{key}]])")
    return value


def _merge_dict(base: Mapping[str, Any], update: Mapping[str, Any]) -> dict[str, Any]:
    """Field-wise merge of one record over another; ``prices`` are appended, not replaced."""
    out = dict(base)
    for key, value in update.items():
        if key == "prices" and isinstance(value, list):
            out[key] = [*out.get(key, []), *value]
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge_dict(out[key], value)
        else:
            out[key] = value
    return out


class _Builder:
    def __init__(self) -> None:
        self.sources: dict[str, Any] = {}
        self.raw_providers: dict[str, tuple[dict[str, Any], str]] = {}
        self.raw_models: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        self.raw_offers: dict[str, tuple[dict[str, Any], str]] = {}
        self.raw_events: dict[str, tuple[dict[str, Any], str]] = {}
        self.raw_fx: tuple[dict[str, Any], str] | None = None
        self.last_checked: dict[str, dt.date] = {}

    def add_shared(self, label: str, doc: Mapping[str, Any], *, merge: bool) -> None:
        """First pass: sources, fx and providers (so aliases are known for the second pass)."""
        unknown = sorted(set(doc) - {*_SECTIONS, "provider", "last_checked"})
        if unknown:
            raise CatalogError(
                f"{label}: unknown top-level key(s) {unknown}; expected some of {list(_SECTIONS)}"
            )
        src = doc.get("sources", {})
        if not isinstance(src, dict):
            raise CatalogError(f"{label}: sources: expected a table of named sources")
        for ref, table in src.items():
            if not merge and ref in self.sources:
                raise CatalogError(f"{label}: sources.{ref}: defined twice")
            self.sources[ref] = table
        if "fx" in doc:
            self.raw_fx = (doc["fx"], label)
        self._add_keyed(self.raw_providers, doc, "providers", label, merge, ("name",))

    def _aliases(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, (data, _) in self.raw_providers.items():
            aliases = data.get("aliases", [])
            for alias in [name, *(aliases if isinstance(aliases, list) else [])]:
                if isinstance(alias, str):
                    out.setdefault(alias.lower(), name)
        return out

    def add_records(self, label: str, doc: Mapping[str, Any], *, merge: bool) -> None:
        """Second pass: models, offers, events; a provider alias is replaced by its name."""
        aliases = self._aliases()

        def canonical(items: list[Any], default: Any = None) -> list[Any]:
            out = []
            for item in items:
                if isinstance(item, dict):
                    item = {"provider": default, **item} if default else dict(item)
                    prov = item.get("provider")
                    if isinstance(prov, str):
                        item["provider"] = aliases.get(prov.lower(), prov)
                out.append(item)
            return out

        if "last_checked" in doc:
            checked, prov = doc["last_checked"], doc.get("provider")
            if not isinstance(prov, str):
                raise CatalogError(f'{label}: last_checked: needs a top-level provider = "..."')
            if not isinstance(checked, dt.date) or isinstance(checked, dt.datetime):
                raise CatalogError(f"{label}: last_checked: expected a date (YYYY-MM-DD)")
            self.last_checked[aliases.get(prov.lower(), prov)] = checked
        models = canonical(_record_list(doc, "models", label), doc.get("provider"))
        offers = canonical(_record_list(doc, "offers", label))
        events = canonical(_record_list(doc, "events", label))
        keyed = (
            (self.raw_models, "models", models, ("provider", "id")),
            (self.raw_offers, "offers", offers, ("id",)),
            (self.raw_events, "events", events, ("id",)),
        )
        for target, section, items, key_fields in keyed:
            self._add_keyed(target, {section: items}, section, label, merge, key_fields)

    @staticmethod
    def _add_keyed(
        target: dict[Any, tuple[dict[str, Any], str]],
        doc: Mapping[str, Any],
        section: str,
        label: str,
        merge: bool,
        key_fields: tuple[str, ...],
    ) -> None:
        for i, item in enumerate(_record_list(doc, section, label)):
            where = f"{section}[{i}]"
            if not isinstance(item, dict):
                raise CatalogError(f"{label}: {where}: expected a table")
            missing = [f for f in key_fields if not isinstance(item.get(f), str)]
            if missing:
                raise CatalogError(f"{label}: {where}.{missing[0]}: field required (a string)")
            key: Any = (
                item[key_fields[0]] if len(key_fields) == 1 else tuple(item[f] for f in key_fields)
            )
            if key in target:
                if not merge:
                    raise CatalogError(f"{label}: {where}: duplicate {section} entry {key!r}")
                target[key] = (_merge_dict(target[key][0], item), label)
            else:
                target[key] = (copy.deepcopy(item), label)

    def build(self) -> RawCatalog:
        raw = RawCatalog()
        raw.last_checked = dict(self.last_checked)
        s = self.sources
        for name, (data, label) in self.raw_providers.items():
            raw.providers[name] = (
                _validate(Provider, data, label, f"providers[{name!r}]", s),
                label,
            )
        for key, (data, label) in self.raw_models.items():
            where = f"models[{key[0]}/{key[1]}]"
            raw.models[key] = (_validate(Model, data, label, where, s), label)
        for oid, (data, label) in self.raw_offers.items():
            raw.offers[oid] = (_validate(Offer, data, label, f"offers[{oid!r}]", s), label)
        for eid, (data, label) in self.raw_events.items():
            raw.events[eid] = (_validate(Event, data, label, f"events[{eid!r}]", s), label)
        if self.raw_fx is not None:
            data, label = self.raw_fx
            raw.fx = (_validate(FxRate, data, label, "fx", s), label)
        return raw


def load_raw(extra: str | Path | Mapping[str, Any] | None = None) -> RawCatalog:
    """Read the shipped data, merge ``extra`` (a TOML path or a dict) over it, validate."""
    docs: list[tuple[str, Mapping[str, Any], bool]] = [
        (label, doc, False) for label, doc in _shipped_files()
    ]
    if extra is not None:
        if isinstance(extra, Mapping):
            docs.append(("<extra dict>", extra, True))
        else:
            path = Path(extra)
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise CatalogError(f"{path}: cannot read extra catalog file: {exc}") from exc
            docs.append((str(path), _read_toml_text(text, str(path)), True))
    builder = _Builder()
    for label, doc, merge in docs:
        builder.add_shared(label, doc, merge=merge)
    for label, doc, merge in docs:
        builder.add_records(label, doc, merge=merge)
    return builder.build()
