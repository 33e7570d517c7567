# from openai-python tests/lib/snapshots.py: replay a recorded HTTP body (OPENAI_LIVE mode dropped)
from __future__ import annotations

from typing import Any, Callable, Awaitable
from typing_extensions import TypeVar

import httpx
from respx import MockRouter

from .._compat import get_snapshot_value

_T = TypeVar("_T")


def make_snapshot_request(
    func: Callable[[Any], _T],
    *,
    content_snapshot: Any,
    respx_mock: MockRouter,
    mock_client: Any,
    path: str,
) -> _T:
    respx_mock.post(path).mock(
        return_value=httpx.Response(
            200,
            content=get_snapshot_value(content_snapshot),
            headers={"content-type": "application/json"},
        )
    )
    return func(mock_client)


async def make_async_snapshot_request(
    func: Callable[[Any], Awaitable[_T]],
    *,
    content_snapshot: Any,
    respx_mock: MockRouter,
    mock_client: Any,
    path: str,
) -> _T:
    respx_mock.post(path).mock(
        return_value=httpx.Response(
            200,
            content=get_snapshot_value(content_snapshot),
            headers={"content-type": "application/json"},
        )
    )
    return await func(mock_client)
