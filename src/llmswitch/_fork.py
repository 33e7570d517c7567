"""Fork safety, in one place: an object registered here gets its ``_after_fork()`` called in
the child of every fork while it lives (a lock another thread held at the fork would stay held
forever in the child; pooled sockets would be read by two processes)."""

from __future__ import annotations

import os
import weakref
from typing import Protocol

__all__ = ["ForkAware", "reset_after_fork"]


class ForkAware(Protocol):
    def _after_fork(self) -> None: ...


_LIVE: weakref.WeakSet[ForkAware] = weakref.WeakSet()


def reset_after_fork(obj: ForkAware) -> None:
    """Call ``obj._after_fork()`` in the child of each later fork, while ``obj`` lives."""
    _LIVE.add(obj)


def _after_fork_in_child() -> None:
    for obj in list(_LIVE):
        obj._after_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
