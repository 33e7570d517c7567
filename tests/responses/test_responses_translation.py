"""Translation onto each provider's chat API (every provider but OpenAI), end to end on the
provider's own fake (``llmswitch.testing.mock_provider``): a Responses request becomes the
provider's chat request (golden files under tests/fixtures/responses/translated/, byte for
byte), and its answer and stream become the Responses output and events in openai's order.

Regenerate the golden files after a deliberate change: ``LLMSWITCH_UPDATE_GOLDEN=1 pytest``.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import pytest
from responses_helpers import FIXTURES

from llmswitch import AsyncClient, Client
from llmswitch.errors import UnsupportedParameterError
from llmswitch.testing import mock_provider

MODELS = {
    "qwen": "qwen/qwen-plus",
    "glm": "glm/glm-4-flash",
    "ernie": "ernie/ernie-4.0-8k",
    "sensenova": "sensenova/SenseChat-5",
    "deepseek": "deepseek/deepseek-chat",
    "moonshot": "moonshot/moonshot-v1-8k",
    "doubao": "doubao/doubao-seed-1-6",
    "hunyuan": "hunyuan/hunyuan-turbos-latest",
}
PROVIDERS = sorted(MODELS)
GOLDEN = FIXTURES / "translated"

WEATHER_TOOL = {
    "type": "function",
    "name": "get_weather",
    "description": "Current weather for a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                   "required": ["city"]},
}  # fmt: skip
REQUEST: dict[str, Any] = {
    "instructions": "Answer briefly.",
    "input": [
        {"role": "user", "content": [{"type": "input_text", "text": "What is in this picture?"},
                                     {"type": "input_image",
                                      "image_url": "https://example.com/cat.png"}]},
        {"type": "message", "role": "assistant",
         "content": [{"type": "output_text", "text": "A cat."}]},
        {"role": "user", "content": "And the weather in Paris?"},
    ],
    "tools": [WEATHER_TOOL],
    "tool_choice": "auto",
    "max_output_tokens": 256,
    "temperature": 0.5,
    "top_p": 0.9,
    "metadata": {"app": "demo"},
    "store": True,
}  # fmt: skip


def _body(request: Any) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(request.content)
    return body


def _golden(name: str, sent: Any) -> None:
    path = GOLDEN / f"{name}.request.json"
    url = re.sub(r"access_token=[^&]+", "access_token=TOKEN", str(sent.url))  # ERNIE v1's
    actual = {"method": sent.method, "url": url, "body": sent.content.decode()}
    if os.environ.get("LLMSWITCH_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual == expected


@pytest.mark.parametrize("provider", PROVIDERS)
def test_request_becomes_the_providers_chat_request(provider: str) -> None:
    with mock_provider(provider) as fake:
        fake.reply("Sunny, 21 °C.")
        client = Client(fake.config)
        request = dict(REQUEST)
        if provider == "ernie":  # ERNIE's v1 chat API (the fake's) takes text only
            first = {"role": "user", "content": [REQUEST["input"][0]["content"][0]]}
            request["input"] = [first, *REQUEST["input"][1:]]
        result = client.responses.create(model=MODELS[provider], **request)
    _golden(provider, fake.requests[-1])
    assert result.status == "completed"
    assert result.output_text == "Sunny, 21 °C."
    assert result.provider == provider
    assert result.metadata == {"app": "demo"}
    assert result.instructions == "Answer briefly."
    assert result.max_output_tokens == 256
    assert result.tools[0].name == "get_weather"  # type: ignore[union-attr]
    assert result.usage is not None
    assert (result.usage.input_tokens, result.usage.output_tokens) == (10, 5)
    assert result.usage.input_tokens_details.cached_tokens == 0
    assert result.usage.output_tokens_details.reasoning_tokens == 0
    assert [item.type for item in result.output] == ["message"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_function_calls_and_their_outputs_round_trip(provider: str) -> None:
    call = {"id": "call_1", "name": "get_weather", "arguments": '{"city": "Paris"}'}
    with mock_provider(provider) as fake:
        fake.reply(tool_calls=[call])
        fake.reply("It is sunny in Paris.")
        client = Client(fake.config)
        first = client.responses.create(
            model=MODELS[provider], input="Weather in Paris?", tools=[WEATHER_TOOL]
        )
        calls: list[Any] = [item for item in first.output if item.type == "function_call"]
        assert [(c.name, c.arguments) for c in calls] == [("get_weather", '{"city": "Paris"}')]
        call_id = calls[0].call_id  # ERNIE v1 sends none: llmswitch makes one up
        assert call_id == ("call_1" if provider != "ernie" else call_id)
        second = client.responses.create(
            model=MODELS[provider],
            previous_response_id=first.id,
            input=[{"type": "function_call_output", "call_id": call_id,
                    "output": '{"sky": "sunny"}'}],
            tools=[WEATHER_TOOL],
        )  # fmt: skip
    assert second.output_text == "It is sunny in Paris."
    assert second.previous_response_id == first.id
    _golden(f"{provider}_function_call_output", fake.requests[-1])


EVENTS_TEXT = [
    "response.created", "response.in_progress", "response.output_item.added",
    "response.content_part.added", *["response.output_text.delta"] * 4,
    "response.output_text.done", "response.content_part.done", "response.output_item.done",
    "response.completed",
]  # fmt: skip


@pytest.mark.parametrize("provider", PROVIDERS)
def test_stream_becomes_responses_events_in_openais_order(provider: str) -> None:
    with mock_provider(provider) as fake:
        fake.reply("One two three four")
        client = Client(fake.config)
        with client.responses.create(model=MODELS[provider], input="Count", stream=True) as s:
            events = list(s)
            final = s.get_final_response()
    assert [e.type for e in events] == EVENTS_TEXT
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == (
        "One two three four"
    )
    assert events[0].response.status == "in_progress" and events[0].response.output == []
    assert final.output_text == "One two three four"
    assert final.status == "completed"
    assert final.usage is not None and final.usage.total_tokens == 15
    assert final.id == events[0].response.id
    assert _body(fake.requests[-1]).get("stream", True) is not False


@pytest.mark.parametrize("provider", PROVIDERS)
def test_streamed_function_call_events(provider: str) -> None:
    call = {"id": "call_9", "name": "get_weather", "arguments": '{"city": "Rome"}'}
    with mock_provider(provider) as fake:
        fake.reply(tool_calls=[call])
        client = Client(fake.config)
        with client.responses.stream(
            model=MODELS[provider], input="Weather?", tools=[WEATHER_TOOL]
        ) as stream:
            events = list(stream)
            final = stream.get_final_response()
    kinds = [e.type for e in events]
    deltas = [e for e in events if e.type == "response.function_call_arguments.delta"]
    assert deltas[-1].snapshot == '{"city": "Rome"}'  # openai's stream helper adds snapshots
    assert kinds[:3] == ["response.created", "response.in_progress", "response.output_item.added"]
    assert "response.function_call_arguments.delta" in kinds
    assert kinds[-3:] == [
        "response.function_call_arguments.done", "response.output_item.done",
        "response.completed",
    ]  # fmt: skip
    item = final.output[-1]
    assert (item.type, item.name, item.arguments) == ("function_call", "get_weather",
                                                      '{"city": "Rome"}')  # fmt: skip
    assert item.parsed_arguments is None  # not a strict tool


@pytest.mark.parametrize("provider", ["qwen", "ernie", "deepseek"])
def test_cut_by_max_output_tokens_is_incomplete(provider: str) -> None:
    with mock_provider(provider) as fake:
        fake.reply("Once upon", finish_reason="length")
        fake.reply("Once upon", finish_reason="length")
        client = Client(fake.config)
        result = client.responses.create(model=MODELS[provider], input="Story", max_output_tokens=2)
        with client.responses.create(model=MODELS[provider], input="Story", stream=True) as s:
            kinds = [e.type for e in s]
    assert result.status == "incomplete"
    assert result.incomplete_details is not None
    assert result.incomplete_details.reason == "max_output_tokens"
    assert kinds[-1] == "response.incomplete"


@pytest.mark.parametrize("provider", PROVIDERS)
def test_what_chat_apis_cannot_do_is_refused_by_name(provider: str) -> None:
    with mock_provider(provider) as fake:
        client = Client(fake.config)
        with pytest.raises(UnsupportedParameterError, match="file_search"):
            client.responses.create(
                model=MODELS[provider], input="x",
                tools=[{"type": "file_search", "vector_store_ids": ["vs_1"]}],
            )  # fmt: skip
        with pytest.raises(UnsupportedParameterError, match="background"):
            client.responses.create(model=MODELS[provider], input="x", background=True)
    assert fake.requests == []


@pytest.mark.parametrize("provider", ["glm", "sensenova"])
async def test_async_create_and_stream(provider: str) -> None:
    with mock_provider(provider) as fake:
        fake.reply("Hi async")
        fake.reply("One two three four")
        async with AsyncClient(fake.config) as client:
            result = await client.responses.create(model=MODELS[provider], input="x")
            stream = await client.responses.create(model=MODELS[provider], input="y", stream=True)
            kinds = [e.type async for e in stream]
            again = await client.responses.retrieve(result.id)
    assert result.output_text == "Hi async"
    assert kinds == EVENTS_TEXT
    assert again.id == result.id
