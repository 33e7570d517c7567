"""``llmswitch.testing.mock_provider("qwen")`` answers in DashScope's native wire format (and in
OpenAI's on compatible-mode paths); a Client round-trips chat, stream and embeddings."""

from __future__ import annotations

import json

import pytest

from llmswitch import AsyncClient, Client, ContentFilterError, QuotaExceededError
from llmswitch.testing import mock_provider

MESSAGES = [{"role": "user", "content": "hi"}]
TOOL = {"id": "call_1", "name": "get_weather", "arguments": '{"city": "Hangzhou"}'}


def test_chat_stream_and_embeddings_round_trip_through_the_native_fake() -> None:
    with mock_provider("qwen") as fake:
        fake.reply("Hello there, friend.").reply("Streamed words here.").reply(tool_calls=[TOOL])
        client = Client(fake.config)
        resp = client.chat.completions.create(model="qwen/qwen-plus", messages=MESSAGES)
        with client.chat.completions.create(
            model="qwen/qwen-plus", messages=MESSAGES, stream=True
        ) as stream:
            chunks = list(stream)
            final = stream.get_final_completion()
        with client.chat.completions.create(
            model="qwen/qwen-plus", messages=MESSAGES, stream=True
        ) as stream:
            tools = stream.get_final_completion()
        emb = client.embeddings.create(
            model="qwen/text-embedding-v4", input=["a", "b"], dimensions=3
        )
    assert resp.choices[0].message.content == "Hello there, friend."
    assert resp.usage is not None and resp.usage.total_tokens == 15
    assert len(chunks) > 2 and final.choices[0].message.content == "Streamed words here."
    assert final.usage is not None and final.usage.completion_tokens == 5
    call = tools.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert (call.id, call.function.name, call.function.arguments) == (
        "call_1", "get_weather", TOOL["arguments"],
    )  # fmt: skip
    assert tools.choices[0].finish_reason == "tool_calls"
    assert [len(d.embedding) for d in emb.data] == [3, 3]
    sent = [json.loads(r.content) for r in fake.requests]
    assert sent[1]["parameters"]["incremental_output"] is True
    assert fake.requests[1].headers["x-dashscope-sse"] == "enable"
    assert sent[3]["input"] == {"texts": ["a", "b"]}


def test_native_fake_errors_and_errors_inside_streams() -> None:
    with mock_provider("qwen") as fake:
        fake.fail(429, "Throttling.AllocationQuota", "Free allocated quota exceeded.")
        fake.fail(400, "DataInspectionFailed", "blocked", in_body=True)
        client = Client(fake.config, max_retries=0)
        with pytest.raises(QuotaExceededError):
            client.chat.completions.create(model="qwen/qwen-plus", messages=MESSAGES)
        with pytest.raises(ContentFilterError):  # noqa: SIM117
            with client.chat.completions.create(
                model="qwen/qwen-plus", messages=MESSAGES, stream=True
            ) as stream:
                list(stream)


async def test_async_round_trip_through_the_compatible_fake() -> None:
    base = "https://dashscope.aliyuncs.com/compatible-mode/v1"
    with mock_provider("qwen", base_url=base) as fake:
        fake.reply("Compatible hello.")
        async with AsyncClient(fake.config) as client:
            resp = await client.chat.completions.create(model="qwen/qwen-plus", messages=MESSAGES)
            emb = await client.embeddings.create(model="qwen/text-embedding-v4", input="x")
    assert fake.config["providers"]["qwen"]["api"] == "compatible"
    assert resp.choices[0].message.content == "Compatible hello."
    assert fake.requests[0].url.path == "/compatible-mode/v1/chat/completions"
    assert len(emb.data) == 1
