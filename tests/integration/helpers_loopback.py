"""Helpers for loopback tests: run the same call through the sync or the async client."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from llmswitch import AsyncClient, Client, RetryPolicy
from llmswitch.testing import Action, Reply, fake_wire, pool_idle, response_to_action


class Recorder:
    """A RetryPolicy whose sleeps are recorded, never slept."""

    def __init__(self, max_retries: int = 2) -> None:
        self.waits: list[float] = []

        async def async_sleep(seconds: float) -> None:
            self.waits.append(seconds)

        self.policy = RetryPolicy(
            max_retries, sleep=self.waits.append, async_sleep=async_sleep, random=lambda: 0.0
        )


def answer(
    provider: str = "openai", *, stream: bool = False, model: str = "m", **reply: Any
) -> Action:
    """A provider's native answer as a loopback action."""
    request = httpx.Request("POST", "http://fake/", json={"model": model, "stream": stream})
    response = fake_wire(provider).render("chat", request, Reply(**reply))
    return response_to_action(response)




def run(kind: str, config: dict[str, Any], recorder: Recorder, **kwargs: Any) -> Any:
    """One chat call (``stream=True`` collects the stream) through the sync or async client.
    Returns the answer, or the exception raised; asserts the pool is idle afterwards."""
    if kind == "sync":
        with Client(config, retry_policy=recorder.policy) as client:
            try:
                result: Any = _sync_call(client, **kwargs)
            except Exception as exc:
                result = exc
            assert pool_idle(client.http), "a connection was left busy"
        return result

    async def main() -> Any:
        async with AsyncClient(config, retry_policy=recorder.policy) as client:
            try:
                result: Any = await _async_call(client, **kwargs)
            except Exception as exc:
                result = exc
            assert pool_idle(client.http), "a connection was left busy"
            return result

    return asyncio.run(main())


def _sync_call(client: Client, *, stream: bool = False, **kwargs: Any) -> Any:
    kwargs.setdefault("messages", [{"role": "user", "content": "hi"}])
    if not stream:
        return client.chat.completions.create(**kwargs)
    with client.chat.completions.create(stream=True, **kwargs) as s:
        chunks = list(s)
        return chunks, s.get_final_completion()


async def _async_call(client: AsyncClient, *, stream: bool = False, **kwargs: Any) -> Any:
    kwargs.setdefault("messages", [{"role": "user", "content": "hi"}])
    if not stream:
        return await client.chat.completions.create(**kwargs)
    async with await client.chat.completions.create(stream=True, **kwargs) as s:
        chunks = [c async for c in s]
        return chunks, await s.get_final_completion()
