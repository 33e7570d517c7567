"""The IO-free translation (llmswitch._responses: _request, _answer, _events) on its own, and
the Responses resource's surface (sync and async twins, raw responses, fallback chains)."""

from __future__ import annotations

import inspect
import json
from typing import Any

import pytest

from llmswitch import Client
from llmswitch._responses._answer import Echo, chat_to_response
from llmswitch._responses._events import ChunkTranslator, replay
from llmswitch._responses._request import chat_options_of, input_messages
from llmswitch.errors import InvalidRequestError, UnsupportedParameterError
from llmswitch.resources import AsyncResponses, Responses
from llmswitch.testing import mock_provider
from llmswitch.types import ChatCompletion, ChatCompletionChunk


def test_input_items_become_chat_messages() -> None:
    items: list[Any] = [
        {"role": "developer", "content": "Rules."},
        {"type": "message", "role": "user",
         "content": [{"type": "input_text", "text": "Look"},
                     {"type": "input_image", "image_url": "data:image/png;base64,AAA",
                      "detail": "low"}]},
        {"type": "message", "role": "assistant",
         "content": [{"type": "output_text", "text": "Calling tools."}]},
        {"type": "reasoning", "id": "rs_1", "summary": []},
        {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}"},
        {"type": "function_call", "call_id": "c2", "name": "g", "arguments": "{\"a\":1}"},
        {"type": "function_call_output", "call_id": "c1", "output": "one"},
        {"type": "function_call_output", "call_id": "c2",
         "output": [{"type": "input_text", "text": "two"}]},
    ]  # fmt: skip
    assert input_messages(items) == [
        {"role": "developer", "content": "Rules."},
        {"role": "user", "content": [
            {"type": "text", "text": "Look"},
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAA",
                                                "detail": "low"}}]},
        {"role": "assistant", "content": "Calling tools.", "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}},
            {"id": "c2", "type": "function", "function": {"name": "g", "arguments": "{\"a\":1}"}},
        ]},
        {"role": "tool", "tool_call_id": "c1", "content": "one"},
        {"role": "tool", "tool_call_id": "c2", "content": "two"},
    ]  # fmt: skip
    with pytest.raises(InvalidRequestError, match="item_reference"):
        input_messages([{"type": "item_reference", "id": "x"}])


def test_options_map_onto_chat_names() -> None:
    args = {
        "max_output_tokens": 9, "temperature": 0.1, "top_p": 0.5, "user": "u",
        "tool_choice": {"type": "function", "name": "f"}, "parallel_tool_calls": False,
        "text": {"format": {"type": "json_schema", "name": "A", "schema": {"type": "object"},
                            "strict": True}, "verbosity": "low"},
        "reasoning": {"effort": "high", "summary": "auto"}, "top_logprobs": 0,
        "tools": [{"type": "function", "name": "f", "parameters": {}, "strict": True},
                  {"type": "web_search_preview", "search_context_size": "low"}],
        "store": True, "metadata": {"a": "b"}, "include": ["reasoning.encrypted_content"],
        "background": False, "truncation": "disabled",
    }  # fmt: skip
    assert chat_options_of(args, "qwen", drop=False) == {
        "max_tokens": 9, "temperature": 0.1, "top_p": 0.5, "user": "u",
        "parallel_tool_calls": False,
        "tool_choice": {"type": "function", "function": {"name": "f"}},
        "tools": [{"type": "function", "function": {"name": "f", "parameters": {},
                                                    "strict": True}}],
        "web_search_options": {"search_context_size": "low"},
        "response_format": {"type": "json_schema", "json_schema": {
            "name": "A", "schema": {"type": "object"}, "strict": True}},
        "verbosity": "low", "reasoning_effort": "high",
    }  # fmt: skip
    assert chat_options_of({"text": {"format": {"type": "json_object"}}}, "x", False) == {
        "response_format": {"type": "json_object"}
    }
    with pytest.raises(UnsupportedParameterError, match="code_interpreter"):
        chat_options_of({"tools": [{"type": "code_interpreter"}]}, "glm", drop=False)
    assert chat_options_of({"tools": [{"type": "mcp"}], "prompt": {"id": "p"}}, "glm", True) == {}


def _completion(message: dict[str, Any], finish: str = "stop") -> ChatCompletion:
    return ChatCompletion.model_validate({
        "id": "c", "object": "chat.completion", "created": 1700000000, "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", **message},
                     "finish_reason": finish}],
        "usage": {"prompt_tokens": 7, "completion_tokens": 20, "total_tokens": 27,
                  "prompt_tokens_details": {"cached_tokens": 4},
                  "completion_tokens_details": {"reasoning_tokens": 12}},
    })  # fmt: skip


def test_answer_items_usage_and_status() -> None:
    echo = Echo.of({"instructions": "I", "max_output_tokens": 20}, "m")
    response = chat_to_response(
        _completion({"content": "Hi", "reasoning_content": "thinking",
                     "tool_calls": [{"id": "t1", "type": "function",
                                     "function": {"name": "f", "arguments": "{}"}}]}),
        echo,
    )  # fmt: skip
    assert [item.type for item in response.output] == ["reasoning", "message", "function_call"]
    reasoning: Any = response.output[0]
    assert reasoning.content[0].text == "thinking" and reasoning.summary == []
    assert response.output_text == "Hi"
    assert response.id == echo.id and response.created_at == 1700000000.0
    usage = response.usage
    assert usage is not None
    assert (usage.input_tokens, usage.output_tokens, usage.total_tokens) == (7, 20, 27)
    assert usage.input_tokens_details.cached_tokens == 4
    assert usage.output_tokens_details.reasoning_tokens == 12
    cut = chat_to_response(_completion({"content": "Hel"}, "length"), echo)
    assert cut.status == "incomplete" and cut.incomplete_details is not None
    assert cut.incomplete_details.reason == "max_output_tokens"
    filtered = chat_to_response(_completion({"content": ""}, "content_filter"), echo)
    assert filtered.incomplete_details is not None
    assert filtered.incomplete_details.reason == "content_filter"
    refused = chat_to_response(_completion({"content": None, "refusal": "No."}), echo)
    assert refused.output[0].content[0].type == "refusal"  # type: ignore[union-attr]


def _chunk(delta: dict[str, Any], finish: str | None = None, usage: Any = None) -> Any:
    return ChatCompletionChunk.model_validate({
        "id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], "usage": usage,
    })  # fmt: skip


def test_reasoning_then_text_then_calls_stream_in_openais_order() -> None:
    translator = ChunkTranslator(Echo.of({}, "m"))
    events = translator.start()
    for chunk in (
        _chunk({"reasoning_content": "Let me "}), _chunk({"reasoning_content": "think."}),
        _chunk({"content": "Answer"}),
        _chunk({"tool_calls": [{"index": 0, "id": "t1", "type": "function",
                                "function": {"name": "f", "arguments": "{\"a\""}}]}),
        _chunk({"tool_calls": [{"index": 0, "function": {"arguments": ":1}"}}]}),
        _chunk({}, "tool_calls",
               {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}),
    ):  # fmt: skip
        events += translator.feed(chunk)
    events += translator.finish()
    assert [(e["type"], e.get("output_index")) for e in events] == [
        ("response.created", None), ("response.in_progress", None),
        ("response.output_item.added", 0), ("response.content_part.added", 0),
        ("response.reasoning_text.delta", 0), ("response.reasoning_text.delta", 0),
        ("response.reasoning_text.done", 0), ("response.content_part.done", 0),
        ("response.output_item.done", 0),
        ("response.output_item.added", 1), ("response.content_part.added", 1),
        ("response.output_text.delta", 1), ("response.output_text.done", 1),
        ("response.content_part.done", 1), ("response.output_item.done", 1),
        ("response.output_item.added", 2), ("response.function_call_arguments.delta", 2),
        ("response.function_call_arguments.delta", 2),
        ("response.function_call_arguments.done", 2), ("response.output_item.done", 2),
        ("response.completed", None),
    ]  # fmt: skip
    final = events[-1]["response"]
    assert [i["type"] for i in final["output"]] == ["reasoning", "message", "function_call"]
    assert final["output"][2]["arguments"] == '{"a":1}'
    assert final["usage"]["total_tokens"] == 3
    assert [e["sequence_number"] for e in events] == list(range(len(events)))
    assert [e["type"] for e in replay(final)][-1] == "response.completed"


def test_sync_and_async_twins_have_the_same_signatures_and_docs() -> None:
    for name in ("create", "parse", "stream", "retrieve", "delete"):
        sync, async_ = getattr(Responses, name), getattr(AsyncResponses, name)
        s, a = inspect.signature(sync), inspect.signature(async_)
        assert list(s.parameters) == list(a.parameters), name
        assert inspect.getdoc(sync) == inspect.getdoc(async_), name
    for name in ("create", "parse", "retrieve", "delete"):
        assert inspect.iscoroutinefunction(getattr(AsyncResponses, name))


def test_raw_responses_and_fallback_chains_on_translated_providers() -> None:
    with mock_provider("glm") as glm, mock_provider("qwen") as qwen:
        glm.fail(503).fail(503).fail(503)
        qwen.reply("From Qwen.")
        config = {"providers": {**glm.config["providers"], **qwen.config["providers"]},
                  "aliases": {"smart": ["glm/glm-4-flash", "qwen/qwen-plus"]}}  # fmt: skip
        client = Client(config, max_retries=2)
        client._policy.sleep = lambda _s: None  # type: ignore[attr-defined]
        result = client.responses.create(model="smart", input="x")
        assert (result.provider, result.output_text) == ("qwen", "From Qwen.")
        qwen.reply("Raw.")
        raw = client.responses.with_raw_response.create(model="qwen/qwen-plus", input="x")
        assert raw.status_code == 200 and raw.parse().output_text == "Raw."
        assert json.loads(raw.text)["output"]  # the provider's own chat JSON
        qwen.reply("Streamed raw.")
        with client.responses.with_streaming_response.create(
            model="qwen/qwen-plus", input="x"
        ) as streamed:
            assert streamed.parse().output_text == "Streamed raw."


def test_reasoning_goes_back_only_with_tool_calls() -> None:
    reasoning = {"type": "reasoning", "id": "rs", "summary": [],
                 "content": [{"type": "reasoning_text", "text": "Need the weather."}]}  # fmt: skip
    call = {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}"}
    text = {"type": "message", "role": "assistant",
            "content": [{"type": "output_text", "text": "Done."}]}  # fmt: skip
    with_call = input_messages([reasoning, call])
    assert with_call[0]["reasoning_content"] == "Need the weather."
    assert "reasoning_content" not in input_messages([reasoning, text])[0]


def test_deepseek_thinking_tool_turn_carries_its_reasoning_back() -> None:
    with mock_provider("deepseek") as fake:
        fake.reply(tool_calls=[{"id": "call_1", "name": "f", "arguments": "{}"}])
        fake.reply("Done.")
        client = Client(fake.config)
        first = client.responses.create(model="deepseek/deepseek-chat", input="x")
        first_items = [item.model_dump() for item in first.output]
        # as an app does without previous_response_id: the whole output back as input
        reasoning = {"type": "reasoning", "id": "rs_1", "summary": [],
                     "content": [{"type": "reasoning_text", "text": "Think."}]}  # fmt: skip
        client.responses.create(
            model="deepseek/deepseek-chat",
            input=["x" and {"role": "user", "content": "x"}, reasoning, *first_items,
                   {"type": "function_call_output", "call_id": "call_1", "output": "ok"}],
        )  # fmt: skip
    sent = json.loads(fake.requests[-1].content)["messages"]
    assert sent[1]["role"] == "assistant" and sent[1]["reasoning_content"] == "Think."


async def test_closing_a_stream_early_releases_it() -> None:
    from llmswitch import AsyncClient

    with mock_provider("qwen") as fake:
        fake.reply("one two three four five").reply("one two three four five")
        client = Client(fake.config)
        stream = client.responses.create(model="qwen/qwen-plus", input="x", stream=True)
        next(stream)
        stream.close()
        assert stream.response is not None and stream.response.is_closed
        assert list(stream) == []
        async with AsyncClient(fake.config) as aclient:
            astream = await aclient.responses.create(model="qwen/qwen-plus", input="x", stream=True)
            await astream.__anext__()
            await astream.close()
            assert [e async for e in astream] == []


def test_web_search_becomes_web_search_options_where_the_provider_has_them() -> None:
    with mock_provider("deepseek") as fake, mock_provider("qwen") as qwen:
        config = {"providers": {**fake.config["providers"], **qwen.config["providers"]}}
        client = Client(config)
        client.responses.create(
            model="deepseek/deepseek-chat", input="news?", tools=[{"type": "web_search"}]
        )
        assert json.loads(fake.requests[-1].content)["web_search_options"] == {}
        with pytest.raises(UnsupportedParameterError, match="web_search_options"):
            client.responses.create(
                model="qwen/qwen-plus", input="news?", tools=[{"type": "web_search"}]
            )


def test_raw_parse_gives_the_parsed_response() -> None:
    from pydantic import BaseModel

    class Answer(BaseModel):
        value: int

    with mock_provider("glm") as fake:
        fake.reply('{"value": 42}').reply('{"value": 43}')
        client = Client(fake.config)
        raw = client.responses.with_raw_response.parse(
            model="glm/glm-4-flash", input="x", text_format=Answer
        )
        assert raw.parse().output_parsed == Answer(value=42)
        with client.responses.with_streaming_response.parse(
            model="glm/glm-4-flash", input="x", text_format=Answer
        ) as streamed:
            assert streamed.parse().output_parsed == Answer(value=43)
    sent = json.loads(fake.requests[0].content)["response_format"]
    assert sent["type"] == "json_schema" and sent["json_schema"]["name"] == "Answer"
