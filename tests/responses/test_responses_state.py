"""State kept by llmswitch for providers that keep none: ``previous_response_id``, ``store``,
``retrieve`` and ``delete`` over the store (in memory, bounded; or a SQLite file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llmswitch import AsyncClient, Client
from llmswitch.errors import NotFoundError
from llmswitch.resources import (  # type: ignore[attr-defined]
    MemoryResponseStore,
    SQLiteResponseStore,
    StoredResponse,
)
from llmswitch.testing import mock_provider

MODEL = "qwen/qwen-plus"


def _messages(request: object) -> list[dict[str, object]]:
    body = json.loads(request.content)  # type: ignore[attr-defined]
    messages: list[dict[str, object]] = body["input"]["messages"]
    return messages


def test_previous_response_id_continues_the_conversation_without_instructions() -> None:
    with mock_provider("qwen") as fake:
        fake.reply("Hello Ada.").reply("Your name is Ada.")
        client = Client(fake.config)
        first = client.responses.create(model=MODEL, input="I am Ada.", instructions="Be brief.")
        second = client.responses.create(
            model=MODEL, input="What is my name?", previous_response_id=first.id
        )
    assert second.output_text == "Your name is Ada."
    sent = _messages(fake.requests[-1])
    assert [m["role"] for m in sent] == ["user", "assistant", "user"]
    assert sent[1]["content"] == "Hello Ada."


def test_retrieve_delete_and_replay_a_kept_response() -> None:
    with mock_provider("glm") as fake:
        fake.reply("Kept.")
        client = Client(fake.config)
        made = client.responses.create(model="glm/glm-4-flash", input="x", metadata={"k": "v"})
        got = client.responses.retrieve(made.id)
        assert got.model_dump() == made.model_dump()
        assert got.provider == "glm"
        raw = client.responses.with_raw_response.retrieve(made.id)
        assert raw.parse().id == made.id and raw.json()["id"] == made.id
        with client.responses.retrieve(made.id, stream=True) as stream:
            kinds = [e.type for e in stream]
            assert stream.get_final_response().output_text == "Kept."
        assert kinds[0] == "response.created" and kinds[-1] == "response.completed"
        assert "response.output_text.delta" in kinds
        with client.responses.stream(response_id=made.id) as again:
            assert again.get_final_response().output_text == "Kept."
        assert client.responses.delete(made.id) is None
        with pytest.raises(NotFoundError):
            client.responses.retrieve(made.id)
    assert len(fake.requests) == 1


def test_store_false_keeps_nothing_and_an_unknown_previous_id_is_not_found() -> None:
    with mock_provider("deepseek") as fake:
        fake.reply("Not kept.")
        client = Client(fake.config)
        made = client.responses.create(model="deepseek/deepseek-chat", input="x", store=False)
        with pytest.raises(NotFoundError):
            client.responses.retrieve(made.id)
        with pytest.raises(NotFoundError, match="not found"):
            client.responses.create(
                model="deepseek/deepseek-chat", input="y", previous_response_id=made.id
            )
    assert len(fake.requests) == 1


def test_memory_store_is_bounded_least_recently_used_first() -> None:
    store = MemoryResponseStore(max_responses=2)
    for name in ("a", "b"):
        store.put(name, StoredResponse("qwen", {"id": name}, []))
    assert store.get("a") is not None  # a is now the most recent
    store.put("c", StoredResponse("qwen", {"id": "c"}, []))
    assert store.get("b") is None and store.get("a") is not None and len(store) == 2
    assert store.delete("a") is True and store.delete("a") is False
    with pytest.raises(ValueError):
        MemoryResponseStore(0)


def test_sqlite_store_survives_a_new_client(tmp_path: Path) -> None:
    path = tmp_path / "responses.db"
    with mock_provider("ernie") as fake:
        fake.reply("First.").reply("Second.")
        client = Client(fake.config)
        client.responses.store = SQLiteResponseStore(path)
        first = client.responses.create(model="ernie/ernie-4.0-8k", input="one")
        other = Client(fake.config)
        other.responses.store = SQLiteResponseStore(path)
        assert other.responses.retrieve(first.id).output_text == "First."
        second = other.responses.create(
            model="ernie/ernie-4.0-8k", input="two", previous_response_id=first.id
        )
    assert second.output_text == "Second."
    body = json.loads(fake.requests[-1].content)
    assert [m["content"] for m in body["messages"]] == ["one", "First.", "two"]


def test_sqlite_store_bound(tmp_path: Path) -> None:
    store = SQLiteResponseStore(tmp_path / "s.db", max_responses=2)
    for name in ("a", "b", "c"):
        store.put(name, StoredResponse("glm", {"id": name}, [{"role": "user", "content": name}]))
    assert store.get("a") is None
    found = store.get("c")
    assert found is not None and found.messages == [{"role": "user", "content": "c"}]
    assert store.delete("c") and not store.delete("c")
    store.close()


def test_streamed_responses_are_kept_too() -> None:
    with mock_provider("moonshot") as fake:
        fake.reply("Streamed and kept.")
        client = Client(fake.config)
        with client.responses.create(model="moonshot/kimi-k2", input="x", stream=True) as s:
            final = s.get_final_response()
        assert client.responses.retrieve(final.id).output_text == "Streamed and kept."


async def test_async_state() -> None:
    with mock_provider("hunyuan") as fake:
        fake.reply("A").reply("B")
        async with AsyncClient(fake.config) as client:
            first = await client.responses.create(model="hunyuan/hunyuan-lite", input="1")
            second = await client.responses.create(
                model="hunyuan/hunyuan-lite", input="2", previous_response_id=first.id
            )
            assert (await client.responses.retrieve(second.id)).output_text == "B"
            stream = await client.responses.retrieve(second.id, stream=True)
            assert [e.type async for e in stream][-1] == "response.completed"
            assert await client.responses.delete(first.id) is None
            with pytest.raises(NotFoundError):
                await client.responses.delete(first.id)
    assert len(json.loads(fake.requests[-1].content)["messages"]) == 3


def test_a_conversation_continues_on_another_provider() -> None:
    with mock_provider("qwen") as qwen, mock_provider("glm") as glm:
        qwen.reply("Hello from Qwen.")
        glm.reply("And GLM goes on.")
        config = {"providers": {**qwen.config["providers"], **glm.config["providers"]}}
        client = Client(config)
        first = client.responses.create(model="qwen/qwen-plus", input="Hi")
        second = client.responses.create(
            model="glm/glm-4-flash", input="Go on", previous_response_id=first.id
        )
    assert second.provider == "glm"
    sent = json.loads(glm.requests[-1].content)["messages"]
    assert [(m["role"], m["content"]) for m in sent] == [
        ("user", "Hi"), ("assistant", "Hello from Qwen."), ("user", "Go on")
    ]
