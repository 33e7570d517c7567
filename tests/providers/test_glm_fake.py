"""``llmswitch.testing.mock_provider("glm")`` answers in Zhipu's v4 wire format; a Client
round-trips chat, stream and embeddings."""

from __future__ import annotations

import json

import pytest

from llmswitch import AsyncClient, Client, QuotaExceededError, RateLimitError
from llmswitch.testing import mock_provider

MESSAGES = [{"role": "user", "content": "hi"}]
TOOL = {"id": "call_-1", "name": "get_weather", "arguments": '{"city": "北京"}'}


def test_chat_stream_and_embeddings_round_trip_through_the_fake() -> None:
    with mock_provider("glm") as fake:
        fake.reply("你好，朋友。").reply("Streamed words here.").reply(tool_calls=[TOOL])
        client = Client(fake.config)
        resp = client.chat.completions.create(model="glm/glm-4-flash", messages=MESSAGES)
        with client.chat.completions.create(
            model="glm/glm-4-flash", messages=MESSAGES, stream=True
        ) as stream:
            chunks = list(stream)
            final = stream.get_final_completion()
        with client.chat.completions.create(
            model="glm/glm-4-flash", messages=MESSAGES, stream=True
        ) as stream:
            tools = stream.get_final_completion()
        emb = client.embeddings.create(model="glm/embedding-3", input=["a", "b"], dimensions=4)
    assert resp.choices[0].message.content == "你好，朋友。"
    assert final.choices[0].message.content == "Streamed words here."
    assert chunks[-1].usage is not None and final.usage is not None
    call = tools.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert (call.id, call.function.arguments) == ("call_-1", TOOL["arguments"])
    assert [len(d.embedding) for d in emb.data] == [4, 4]
    assert json.loads(fake.requests[3].content) == {
        "model": "embedding-3", "input": ["a", "b"], "dimensions": 4,
    }  # fmt: skip


async def test_async_errors_in_glms_format() -> None:
    with mock_provider("glm") as fake:
        fake.fail(429, "1113", "arrears").fail(429, "1302", "busy", in_body=True)
        async with AsyncClient(fake.config, max_retries=0) as client:
            with pytest.raises(QuotaExceededError):
                await client.chat.completions.create(model="glm/glm-4-flash", messages=MESSAGES)
            stream = await client.chat.completions.create(
                model="glm/glm-4-flash", messages=MESSAGES, stream=True
            )
            with pytest.raises(RateLimitError):
                async with stream:
                    async for _ in stream:
                        pass
