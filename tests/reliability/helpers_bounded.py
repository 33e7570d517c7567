"""Run a call in a daemon thread and fail (not hang) when it outlives a generous bound."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def bounded(fn: Callable[[], T], seconds: float = 20.0) -> T:
    """``fn()``, or an AssertionError after ``seconds`` (the thread is left to die with the
    process; it is a daemon)."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # re-raised in the caller
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise AssertionError(f"the call did not return within {seconds} s (it hangs)")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
