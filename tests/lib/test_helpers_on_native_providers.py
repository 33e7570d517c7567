"""The parse and stream helpers on every provider's fake (llmswitch.testing), each in its own
wire format: what the adapters make of a native stream is enough for openai's events.

Native streams differ from OpenAI's in ways the helpers must absorb: a tool call and the finish
in one chunk (ERNIE, SenseNova), an empty tool call id repeated after the first chunk (Qwen),
the role and an empty content on every chunk.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from llmswitch import Client
from llmswitch.lib import (
    ChatCompletionStreamManager,
    parse_completion,
    pydantic_function_tool,
    type_to_response_format_param,
)
from llmswitch.testing import mock_provider

MODELS = {
    "openai": "gpt-4o",
    "qwen": "qwen-plus",
    "glm": "glm-4-flash",
    "ernie": "ernie-4.0-8k",
    "sensenova": "SenseChat-5",
    "deepseek": "deepseek-chat",
}
ASK = [{"role": "user", "content": "Weather in Paris and Rome?"}]


class Location(BaseModel):
    city: str
    temperature: float


CALLS = [
    {"id": "call_1", "name": "Location", "arguments": '{"city":"Paris","temperature":20}'},
    {"id": "call_2", "name": "Location", "arguments": '{"city":"Rome","temperature":25}'},
]


@pytest.mark.parametrize("provider", sorted(MODELS))
def test_streamed_structured_output(provider: str) -> None:
    model = f"{provider}/{MODELS[provider]}"
    with mock_provider(provider) as fake:
        fake.reply('{"city":"Paris","temperature":20}')
        client = Client(fake.config)

        def open_stream() -> Any:
            if provider in ("glm", "ernie", "sensenova"):  # no json_schema on these wires
                return client.chat.completions.create(model=model, messages=ASK, stream=True)
            return client.chat.completions.create(
                model=model,
                messages=ASK,
                stream=True,
                response_format=type_to_response_format_param(Location),
            )

        with ChatCompletionStreamManager(open_stream, response_format=Location) as stream:
            done = [e for e in stream if e.type == "content.done"]
            final = stream.get_final_completion()
    assert [e.parsed for e in done] == [Location(city="Paris", temperature=20)]
    assert final.choices[0].message.parsed == Location(city="Paris", temperature=20)
    assert final.usage is not None and final.usage.total_tokens > 0
    assert final.provider == provider


@pytest.mark.parametrize("provider", sorted(MODELS))
def test_streamed_tool_calls(provider: str) -> None:
    tools = [pydantic_function_tool(Location)]
    with mock_provider(provider) as fake:
        fake.reply(tool_calls=CALLS)
        client = Client(fake.config)
        manager = ChatCompletionStreamManager(
            lambda: client.chat.completions.create(
                model=f"{provider}/{MODELS[provider]}", messages=ASK, stream=True, tools=tools
            ),
            input_tools=tools,
        )
        with manager as stream:
            done = [e for e in stream if e.type == "tool_calls.function.arguments.done"]
            final = stream.get_final_completion()
    calls = final.choices[0].message.tool_calls or []
    assert calls, "no tool call came back"
    # Every call the provider returned (ERNIE returns one) is done once, in order, parsed.
    assert [e.index for e in done] == list(range(len(calls)))
    expected = [Location(city="Paris", temperature=20), Location(city="Rome", temperature=25)]
    assert [e.parsed_arguments for e in done] == expected[: len(calls)]
    assert [c.function.parsed_arguments for c in calls] == expected[: len(calls)]
    assert all(c.id for c in calls)
    assert final.choices[0].finish_reason == "tool_calls"


@pytest.mark.parametrize("provider", sorted(MODELS))
def test_parsed_tool_call(provider: str) -> None:
    tools = [pydantic_function_tool(Location)]
    with mock_provider(provider) as fake:
        fake.reply(tool_calls=CALLS[:1])
        client = Client(fake.config)
        completion = client.chat.completions.create(
            model=f"{provider}/{MODELS[provider]}", messages=ASK, tools=tools
        )
    parsed = parse_completion(completion, tools=tools)
    [call] = parsed.choices[0].message.tool_calls or []
    assert call.function.parsed_arguments == Location(city="Paris", temperature=20)
    assert parsed.provider == provider
