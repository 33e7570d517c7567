"""Which config files the user allowed: the trust store (like ``direnv allow`` and git's
``safe.directory``), read by :mod:`llmswitch._config` when it finds a ``./llmswitch.toml``."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .errors import ConfigError

__all__ = ["config_trust", "trust_config", "trust_store_path", "untrust_config"]


def trust_store_path() -> Path:
    """Where allowed config files are recorded: ``$XDG_CONFIG_HOME/llmswitch/trusted.json``
    (``~/.config/...`` by default; ``%APPDATA%`` on Windows)."""
    base = os.environ.get("XDG_CONFIG_HOME") or (
        os.environ.get("APPDATA") if os.name == "nt" else None
    )
    root = Path(base) if base else Path.home() / ".config"
    return root / "llmswitch" / "trusted.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_store() -> dict[str, str]:
    try:
        data = json.loads(trust_store_path().read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return {k: v for k, v in files.items() if isinstance(v, str)} if isinstance(files, dict) else {}


def _write_store(files: dict[str, str]) -> Path:
    store = trust_store_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    tmp = store.with_suffix(".tmp")
    tmp.write_text(json.dumps({"files": files}, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, store)
    return store


def trust_config(path: str | os.PathLike[str] = "llmswitch.toml") -> Path:
    """Allow a config file as it is now (its absolute path and SHA-256 of its content), like
    ``direnv allow``; any later edit revokes it until it is allowed again. Returns the trust
    store's path. The file must be owned by the current user."""
    target = Path(path).resolve()
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot trust {str(target)!r}: {exc}") from None
    owner = _foreign_owner(target)
    if owner:
        raise ConfigError(f"cannot trust {str(target)!r}: {owner}")
    files = _read_store()
    files[str(target)] = _digest(data)
    return _write_store(files)


def untrust_config(path: str | os.PathLike[str] = "llmswitch.toml") -> bool:
    """Forget an allowed file; True if it was allowed."""
    files = _read_store()
    found = files.pop(str(Path(path).resolve()), None)
    if found is not None:
        _write_store(files)
    return found is not None


def _foreign_owner(path: Path) -> str | None:
    """Why a file cannot be trusted for its ownership (git's ``safe.directory`` rule), or None."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # pragma: no cover - Windows: no owner check
        return None
    try:
        uid = path.stat().st_uid
    except OSError:
        return None
    if uid != getuid():
        return f"it is owned by another user (uid {uid})"
    return None


def config_trust(path: str | os.PathLike[str], data: bytes | None = None) -> tuple[bool, str]:
    """Whether a *discovered* config file is trusted, and why (in words)."""
    target = Path(path).resolve()
    owner = _foreign_owner(target)
    if owner:
        return False, f"discovered in the current directory; not trusted: {owner}"
    if data is None:
        try:
            data = target.read_bytes()
        except OSError:
            return False, "discovered in the current directory; not readable"
    allowed = _read_store().get(str(target))
    if allowed is None:
        return False, (
            "discovered in the current directory; not trusted (never allowed: review it, then"
            " run `llmswitch config trust` or call llmswitch.trust_config())"
        )
    if allowed != _digest(data):
        return False, (
            "discovered in the current directory; not trusted (changed since it was allowed:"
            " review it, then allow it again)"
        )
    return True, f"discovered in the current directory; allowed in {trust_store_path()}"
