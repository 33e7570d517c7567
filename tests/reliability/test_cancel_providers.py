"""Cancellation and closing under use, on every provider's native stream: an async call
cancelled mid-stream closes its response (the pool is idle at once); closing a client during a
stream fails cleanly (a typed error or the rest of the buffered answer, never a bare
exception) and the closed client refuses new calls with a typed error."""

from __future__ import annotations

import asyncio

import pytest
from faults import HI, MODELS, PROVIDERS, FaultServer, Native, config, pool_idle

from llmswitch import AsyncClient, Client, LLMSwitchError
from llmswitch.testing import Reply, response_to_action

LONG = " ".join(f"w{i}" for i in range(60))


def _slow_stream(provider: str, delay: float) -> object:
    native = Native(provider)
    action = response_to_action(native._render(Reply(content=LONG), True))
    action.chunk_delay = delay
    return action


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_cancelled_stream_closes_its_response(provider: str) -> None:
    with FaultServer(_slow_stream(provider, 0.03)) as server:  # type: ignore[arg-type]
        async with AsyncClient(config(provider, server.url)) as client:
            got: list[object] = []

            async def consume() -> None:
                stream = await client.chat.completions.create(
                    model=MODELS[provider], messages=HI, stream=True
                )
                async with stream:
                    async for chunk in stream:
                        got.append(chunk)

            task = asyncio.create_task(consume())
            await asyncio.sleep(0.4)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert got, "the stream should have delivered chunks before the cancel"
            assert len(got) < 60
            assert pool_idle(client.http)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_closing_the_client_during_a_stream_fails_cleanly(provider: str) -> None:
    with FaultServer(_slow_stream(provider, 0.01)) as server:  # type: ignore[arg-type]
        client = Client(config(provider, server.url))
        stream = client.chat.completions.create(model=MODELS[provider], messages=HI, stream=True)
        assert next(iter(stream)) is not None
        client.close()
        try:
            for _ in stream:
                pass
        except LLMSwitchError:
            pass  # a typed error is a clean failure; finishing from buffered bytes is too
        stream.close()
        with pytest.raises(LLMSwitchError, match="client is closed"):
            client.chat.completions.create(model=MODELS[provider], messages=HI)


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_closing_the_async_client_during_a_stream_fails_cleanly(provider: str) -> None:
    with FaultServer(_slow_stream(provider, 0.01)) as server:  # type: ignore[arg-type]
        client = AsyncClient(config(provider, server.url))
        stream = await client.chat.completions.create(
            model=MODELS[provider], messages=HI, stream=True
        )
        async for _ in stream:
            break
        await client.close()
        try:
            async for _ in stream:
                pass
        except LLMSwitchError:
            pass
        await stream.close()
        with pytest.raises(LLMSwitchError, match="client is closed"):
            await client.chat.completions.create(model=MODELS[provider], messages=HI)
