"""Is a client's connection pool idle? For tests that check nothing leaked after a call."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["pool_idle"]


def pool_idle(http: httpx.Client | httpx.AsyncClient) -> bool:
    """True when no connection of the client's pool is busy and no request waits for one
    (httpx's own transport, or the aiohttp backend of ``llmswitch[aiohttp]``).

    >>> pool_idle(client.http)  # doctest: +SKIP
    True
    """
    transport: Any = http._transport
    pools = transport._pools.values() if hasattr(transport, "_pools") else [transport]
    for pool in pools:
        if hasattr(pool, "busy"):  # the aiohttp backend
            if pool.busy():
                return False
            continue
        core = pool._pool
        if core._requests:
            return False
        if not all(c.is_idle() or c.is_closed() for c in core.connections):
            return False
    return True
