"""``chat.completions.stream()``'s helpers: ``ChatCompletionStream`` events, snapshots and the
final parsed completion, the stream managers, and ``ChatCompletionStreamState`` by hand.

The scenarios are those of openai-python's tests/lib/chat/test_completions_streaming.py (each
test names the one it came from), with streams written here in OpenAI's wire format: served by
a respx mock to an llmswitch ``Client`` (no network), or fed as chunks to the state machine.
The event order asserted is openai-python's (checked against its own recorded streams).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any, Literal

import httpx
import pydantic
import pytest
import respx
from pydantic import BaseModel

from llmswitch import AsyncClient, Client
from llmswitch.lib import (
    ContentFilterFinishReasonError,
    LengthFinishReasonError,
    pydantic_function_tool,
    type_to_response_format_param,
)
from llmswitch.lib.streaming import (
    AsyncChatCompletionStreamManager,
    ChatCompletionStream,
    ChatCompletionStreamEvent,
    ChatCompletionStreamManager,
    ChatCompletionStreamState,
    ContentDoneEvent,
    FunctionToolCallArgumentsDoneEvent,
)
from llmswitch.types import ChatCompletionChunk, Usage
from llmswitch.types.parsed import ParsedChatCompletion, ParsedFunctionToolCall

BASE = "http://127.0.0.1:9/v1"
MODEL = "openai/gpt-4o-2024-08-06"
ASK = [{"role": "user", "content": "What's the weather like in SF?"}]
CONFIG = {"providers": {"openai": {"api_key": "sk-test", "base_url": BASE}}}


class Location(BaseModel):
    city: str
    temperature: float
    units: Literal["c", "f"]


class GetWeatherArgs(BaseModel):
    """Get the temperature for the given country/city combo"""

    city: str
    country: str
    units: Literal["c", "f"] = "c"


class GetStockPrice(BaseModel):
    ticker: str
    exchange: str


# ---- streams in OpenAI's wire format -----------------------------------------------------------


def choice(
    index: int = 0, finish: str | None = None, logprobs: Any = None, **delta: Any
) -> dict[str, Any]:
    return {"index": index, "delta": delta, "logprobs": logprobs, "finish_reason": finish}


def chunk(*choices: dict[str, Any], usage: dict[str, int] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "chatcmpl-ABfw1e5abtU8OwGr15vOreYVb2MiF",
        "object": "chat.completion.chunk",
        "created": 1727346169,
        "model": "gpt-4o-2024-08-06",
        "system_fingerprint": "fp_5050236cbd",
        "choices": list(choices),
    }
    if usage is not None:
        body["usage"] = usage
    return body


USAGE = {"prompt_tokens": 79, "completion_tokens": 14, "total_tokens": 93}


def text_stream(
    pieces: list[str], *, finish: str = "stop", index: int = 0, field: str = "content"
) -> list[dict[str, Any]]:
    """A one-choice stream of ``field`` pieces, a finish chunk and a usage chunk."""
    first = {"role": "assistant", "content": None if field == "refusal" else ""}
    if field == "refusal":
        first["refusal"] = ""
    return [
        chunk(choice(index, **first)),
        *[chunk(choice(index, **{field: piece})) for piece in pieces],
        chunk(choice(index, finish=finish)),
        chunk(usage=USAGE),
    ]


def tool_stream(calls: list[tuple[str, str, list[str]]]) -> list[dict[str, Any]]:
    """A stream of tool calls ``(id, name, argument pieces)``, one after the other."""
    events = [chunk(choice(role="assistant", content=None))]
    for index, (call_id, name, pieces) in enumerate(calls):
        head = {
            "index": index,
            "id": call_id,
            "type": "function",
            "function": {"name": name, "arguments": ""},
        }
        events.append(chunk(choice(tool_calls=[head])))
        for piece in pieces:
            frag = {"index": index, "function": {"arguments": piece}}
            events.append(chunk(choice(tool_calls=[frag])))
    events.append(chunk(choice(finish="tool_calls")))
    events.append(chunk(usage=USAGE))
    return events


def sse(events: list[dict[str, Any]]) -> bytes:
    return b"".join(b"data: " + json.dumps(e).encode() + b"\n\n" for e in events) + (
        b"data: [DONE]\n\n"
    )


LOCATION_PIECES = ['{"', "city", '":"', "San", " Francisco", '","', "temperature", '":', "61"]
LOCATION_PIECES += [',"', "units", '":"', "f", '"}']
LOCATION_JSON = "".join(LOCATION_PIECES)


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False) as mock:
        yield mock


def serve(router: respx.MockRouter, events: list[dict[str, Any]]) -> respx.Route:
    return router.post(f"{BASE}/chat/completions").mock(
        return_value=httpx.Response(
            200, content=sse(events), headers={"content-type": "text/event-stream"}
        )
    )


def manager(
    client: Client, *, response_format: Any = None, tools: Any = None, **kwargs: Any
) -> ChatCompletionStreamManager[Any]:
    """What ``client.chat.completions.stream(...)`` builds."""

    def open_stream() -> Any:
        return client.chat.completions.create(
            model=MODEL,
            messages=ASK,
            stream=True,
            response_format=type_to_response_format_param(response_format),
            tools=tools,
            **kwargs,
        )

    return ChatCompletionStreamManager(
        open_stream, response_format=response_format, input_tools=tools
    )


def listen(
    router: respx.MockRouter,
    events: list[dict[str, Any]],
    *,
    response_format: Any = None,
    tools: Any = None,
) -> tuple[ChatCompletionStream[Any], list[ChatCompletionStreamEvent[Any]]]:
    serve(router, events)
    seen: list[ChatCompletionStreamEvent[Any]] = []
    with manager(Client(CONFIG), response_format=response_format, tools=tools) as stream:
        seen.extend(stream)
    return stream, seen


def by_type(events: list[ChatCompletionStreamEvent[Any]], kind: str) -> list[Any]:
    return [e for e in events if e.type == kind]


def helper_events(events: list[ChatCompletionStreamEvent[Any]]) -> list[str]:
    """Event types without the ``chunk`` events (whose count depends on whether the usage-only
    chunk reaches the caller)."""
    return [e.type for e in events if e.type != "chunk"]


# ---- through a Client ----------------------------------------------------------------------------


def test_parse_nothing(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_parse_nothing"""
    text = ["I'm unable", " to provide", " real-time weather updates."]
    stream, events = listen(router, text_stream(text))
    assert helper_events(events) == ["content.delta"] * 4 + ["content.done"]
    [done] = by_type(events, "content.done")
    assert isinstance(done, ContentDoneEvent)
    assert done.content == "".join(text)
    assert done.parsed is None
    final = stream.get_final_completion()
    assert isinstance(final, ParsedChatCompletion)
    [only] = final.choices
    assert only.message.content == "".join(text)
    assert only.message.parsed is None
    assert only.finish_reason == "stop"
    assert final.id == "chatcmpl-ABfw1e5abtU8OwGr15vOreYVb2MiF"
    assert final.system_fingerprint == "fp_5050236cbd"
    assert final.usage is not None and final.usage.total_tokens == 93
    assert final.provider == "openai"


def test_parse_pydantic_model(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_parse_pydantic_model"""
    serve(router, text_stream(LOCATION_PIECES))
    done_snapshots: list[ParsedChatCompletion[object]] = []
    events: list[ChatCompletionStreamEvent[Location]] = []
    with manager(Client(CONFIG), response_format=Location) as stream:
        for event in stream:
            events.append(event)
            if event.type == "content.done":
                done_snapshots.append(copy.deepcopy(stream.current_completion_snapshot))

    assert len(done_snapshots) == 1
    assert isinstance(done_snapshots[0].choices[0].message.parsed, Location)

    deltas = by_type(events, "content.delta")
    assert deltas[-1].parsed == {"city": "San Francisco", "temperature": 61, "units": "f"}
    assert deltas[-1].snapshot == LOCATION_JSON
    # Partial JSON as it grows: incomplete strings are left out until they close.
    assert {"city": "San"} not in [d.parsed for d in deltas]
    assert {"city": "San Francisco"} in [d.parsed for d in deltas]
    assert "".join(d.delta for d in deltas) == LOCATION_JSON

    [done] = by_type(events, "content.done")
    assert done.content == LOCATION_JSON
    assert done.parsed == Location(city="San Francisco", temperature=61.0, units="f")

    final = stream.get_final_completion()
    assert final.choices[0].message.parsed == Location(
        city="San Francisco", temperature=61.0, units="f"
    )
    sent = json.loads(router.calls.last.request.content)
    assert sent["stream"] is True
    assert sent["response_format"]["json_schema"]["name"] == "Location"


def test_parse_pydantic_model_multiple_choices() -> None:
    """openai: test_completions_streaming.py::test_parse_pydantic_model_multiple_choices"""
    texts = [
        '{"city":"San Francisco","temperature":65,"units":"f"}',
        '{"city":"San Francisco","temperature":61,"units":"f"}',
        '{"city":"San Francisco","temperature":59,"units":"f"}',
    ]
    halves = [(t[:20], t[20:]) for t in texts]
    chunks = [chunk(*[choice(i, role="assistant", content="") for i in range(3)])]
    for part in (0, 1):
        chunks += [chunk(choice(i, content=halves[i][part])) for i in range(3)]
    chunks += [chunk(choice(i, finish="stop")) for i in range(3)]
    chunks.append(chunk(usage=USAGE))

    state: ChatCompletionStreamState[Location] = ChatCompletionStreamState(response_format=Location)
    types = [e.type for c in chunks for e in state.handle_chunk(ChatCompletionChunk(**c))]
    # The first chunk carries three empty deltas; each later chunk one delta; the content of
    # each choice is done at that choice's finish chunk.
    assert types == (
        ["chunk", "content.delta", "content.delta", "content.delta"]
        + ["chunk", "content.delta"] * 6
        + ["chunk", "content.done"] * 3
        + ["chunk"]
    )
    final = state.get_final_completion()
    assert [c.index for c in final.choices] == [0, 1, 2]
    assert [c.message.parsed for c in final.choices] == [
        Location(city="San Francisco", temperature=t, units="f") for t in (65.0, 61.0, 59.0)
    ]
    assert final.usage == Usage(**USAGE)


def test_parse_max_tokens_reached(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_parse_max_tokens_reached"""
    serve(router, text_stream(['{"'], finish="length"))
    with (
        manager(Client(CONFIG), response_format=Location, max_tokens=1) as stream,
        pytest.raises(LengthFinishReasonError) as info,
    ):
        for _ in stream:
            pass
    assert info.value.completion.choices[0].message.content == '{"'
    assert info.value.completion.choices[0].finish_reason == "length"


def test_length_finish_without_anything_to_parse_streams_then_fails_to_parse() -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    for c in text_stream(["Hello"], finish="length"):
        state.handle_chunk(ChatCompletionChunk(**c))  # no error while streaming
    assert state.current_completion_snapshot.choices[0].finish_reason == "length"
    with pytest.raises(LengthFinishReasonError):  # as openai's parse of the final completion
        state.get_final_completion()


def test_content_filter_finish_raises_while_streaming_parseable_input() -> None:
    state: ChatCompletionStreamState[Location] = ChatCompletionStreamState(response_format=Location)
    chunks = text_stream(['{"ci'], finish="content_filter")
    state.handle_chunk(ChatCompletionChunk(**chunks[0]))
    state.handle_chunk(ChatCompletionChunk(**chunks[1]))
    with pytest.raises(ContentFilterFinishReasonError):
        state.handle_chunk(ChatCompletionChunk(**chunks[2]))


def test_parse_pydantic_model_refusal(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_parse_pydantic_model_refusal"""
    pieces = ["I'm", " sorry", ",", " I can't", " assist", " with that request."]
    stream, events = listen(router, text_stream(pieces, field="refusal"), response_format=Location)
    # The first delta opens the refusal (""), then one per piece.
    assert helper_events(events) == ["refusal.delta"] * 7 + ["refusal.done"]
    [done] = by_type(events, "refusal.done")
    assert done.refusal == "I'm sorry, I can't assist with that request."
    assert by_type(events, "refusal.delta")[-1].snapshot == done.refusal
    message = stream.get_final_completion().choices[0].message
    assert message.refusal == "I'm sorry, I can't assist with that request."
    assert message.parsed is None
    assert message.content in (None, "")


def _logprob(token: str, logprob: float) -> dict[str, Any]:
    return {"token": token, "bytes": list(token.encode()), "logprob": logprob, "top_logprobs": []}


def _tokens(items: Any) -> list[str]:
    return [i["token"] if isinstance(i, dict) else i.token for i in items]


def _part(logprobs: Any, name: str) -> Any:
    return logprobs.get(name) if isinstance(logprobs, dict) else getattr(logprobs, name)


def test_content_logprobs_events(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_content_logprobs_events"""
    events_in = [
        chunk(choice(role="assistant", content="", logprobs={"content": [], "refusal": None})),
        chunk(choice(content="Foo", logprobs={"content": [_logprob("Foo", -0.0025)]})),
        chunk(choice(content="!", logprobs={"content": [_logprob("!", -0.27)]})),
        chunk(choice(finish="stop")),
        chunk(usage=USAGE),
    ]
    stream, events = listen(router, events_in)
    logprob_events = [e for e in events if e.type.startswith("logprobs")]
    assert [e.type for e in logprob_events] == [
        "logprobs.content.delta",
        "logprobs.content.delta",
        "logprobs.content.done",
    ]
    first, second, done = logprob_events
    assert _tokens(first.content) == ["Foo"] and _tokens(first.snapshot) == ["Foo"]
    assert _tokens(second.content) == ["!"] and _tokens(second.snapshot) == ["Foo", "!"]
    assert _tokens(done.content) == ["Foo", "!"]
    final = stream.get_final_completion().choices[0]
    assert final.message.content == "Foo!"
    assert _tokens(_part(final.logprobs, "content")) == ["Foo", "!"]
    assert _part(final.logprobs, "refusal") is None


def test_refusal_logprobs_events(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_refusal_logprobs_events"""
    tokens = ["I'm", " very", " sorry", "."]
    events_in = [
        chunk(
            choice(
                role="assistant",
                content=None,
                refusal="",
                logprobs={"content": None, "refusal": []},
            )
        ),
        *[
            chunk(choice(refusal=t, logprobs={"content": None, "refusal": [_logprob(t, -0.1)]}))
            for t in tokens
        ],
        chunk(choice(finish="stop")),
    ]
    stream, events = listen(router, events_in, response_format=Location)
    assert [e.type for e in events if e.type.startswith("logprobs")] == [
        "logprobs.refusal.delta"
    ] * 4 + ["logprobs.refusal.done"]
    final = stream.get_final_completion().choices[0]
    assert _tokens(_part(final.logprobs, "refusal")) == tokens
    assert _part(final.logprobs, "content") is None
    assert final.message.refusal == "I'm very sorry."
    assert final.message.parsed is None


WEATHER_ARGS = ['{"', "city", '":"', "Edinburgh", '","', "country", '":"', "UK", '","units":"c"}']


def test_parse_pydantic_tool(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_parse_pydantic_tool"""
    tools = [pydantic_function_tool(GetWeatherArgs)]
    call = ("call_c91SqDXlYFuETYv8mUHzz6pp", "GetWeatherArgs", WEATHER_ARGS)
    stream, events = listen(router, tool_stream([call]), tools=tools)
    assert helper_events(events) == ["tool_calls.function.arguments.delta"] * 10 + [
        "tool_calls.function.arguments.done"
    ]
    deltas = by_type(events, "tool_calls.function.arguments.delta")
    assert {d.name for d in deltas} == {"GetWeatherArgs"}
    assert {d.index for d in deltas} == {0}
    assert deltas[0].arguments_delta == "" and deltas[0].parsed_arguments is None
    assert deltas[4].arguments == '{"city":"Edinburgh'
    assert deltas[4].arguments_delta == "Edinburgh"
    assert deltas[4].parsed_arguments == {}  # the open string is left out
    assert deltas[5].parsed_arguments == {"city": "Edinburgh"}
    assert deltas[-1].parsed_arguments == {"city": "Edinburgh", "country": "UK", "units": "c"}
    [done] = by_type(events, "tool_calls.function.arguments.done")
    assert isinstance(done, FunctionToolCallArgumentsDoneEvent)
    assert done.index == 0
    assert done.arguments == '{"city":"Edinburgh","country":"UK","units":"c"}'
    assert done.parsed_arguments == GetWeatherArgs(city="Edinburgh", country="UK", units="c")

    for completion in (stream.current_completion_snapshot, stream.get_final_completion()):
        only = completion.choices[0]
        assert only.finish_reason == "tool_calls"
        assert only.message.parsed is None
        [tool_call] = only.message.tool_calls or []
        assert isinstance(tool_call, ParsedFunctionToolCall)
        assert tool_call.id == "call_c91SqDXlYFuETYv8mUHzz6pp"
        assert tool_call.function.parsed_arguments == GetWeatherArgs(
            city="Edinburgh", country="UK", units="c"
        )


def test_parse_multiple_pydantic_tools(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_parse_multiple_pydantic_tools"""
    tools = [
        pydantic_function_tool(GetWeatherArgs),
        pydantic_function_tool(
            GetStockPrice,
            name="get_stock_price",
            description="Fetch the latest price for a given ticker",
        ),
    ]
    weather = ['{"city": "Edinburgh", ', '"country": "GB", "units": "c"}']
    stock = ['{"ticker": "AAPL", ', '"exchange": "NASDAQ"}']
    calls = [
        ("call_JMW1whyEaYG438VE1OIflxA2", "GetWeatherArgs", weather),
        ("call_DNYTawLBoN8fj3KN6qU9N1Ou", "get_stock_price", stock),
    ]
    stream, events = listen(router, tool_stream(calls), tools=tools)
    delta, done = "tool_calls.function.arguments.delta", "tool_calls.function.arguments.done"
    # The first call is done by the chunk that starts the second (after that chunk's delta);
    # the second when the choice finishes.
    assert helper_events(events) == [delta] * 4 + [done] + [delta] * 2 + [done]
    dones = by_type(events, done)
    assert [(d.index, d.name) for d in dones] == [(0, "GetWeatherArgs"), (1, "get_stock_price")]
    expected = [
        GetWeatherArgs(city="Edinburgh", country="GB", units="c"),
        GetStockPrice(exchange="NASDAQ", ticker="AAPL"),
    ]
    assert [d.parsed_arguments for d in dones] == expected
    for completion in (stream.current_completion_snapshot, stream.get_final_completion()):
        tool_calls = completion.choices[0].message.tool_calls or []
        assert [t.id for t in tool_calls] == [c[0] for c in calls]
        assert [t.function.parsed_arguments for t in tool_calls] == expected


STRICT_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "state": {"type": "string"}},
            "required": ["city", "state"],
            "additionalProperties": False,
        },
        "strict": True,
    },
}


def test_parse_strict_tools(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_parse_strict_tools"""
    call = ("call_CTf1nWJLqSeRgDqaCG27xZ74", "get_weather", ['{"city":"San ', 'Francisco",'])
    call[2].append('"state":"CA"}')
    stream, events = listen(router, tool_stream([call]), tools=[STRICT_TOOL])
    deltas = by_type(events, "tool_calls.function.arguments.delta")
    assert deltas[-2].parsed_arguments == {"city": "San Francisco"}
    [tool_call] = stream.current_completion_snapshot.choices[0].message.tool_calls or []
    assert tool_call.function.parsed_arguments == {"city": "San Francisco", "state": "CA"}
    [tool_call] = stream.get_final_completion().choices[0].message.tool_calls or []
    assert tool_call.function.parsed_arguments == {"city": "San Francisco", "state": "CA"}


def test_non_pydantic_response_format(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_non_pydantic_response_format"""
    text = ['\n  {\n    "location": ', '"San Francisco, CA"', "\n  }\n"]
    stream, events = listen(router, text_stream(text), response_format={"type": "json_object"})
    assert all(e.parsed is None for e in by_type(events, "content.delta"))
    assert by_type(events, "content.done")[0].parsed is None
    message = stream.get_final_completion().choices[0].message
    assert message.content == "".join(text)
    assert message.parsed is None
    assert json.loads(router.calls.last.request.content)["response_format"] == {
        "type": "json_object"
    }


def test_allows_non_strict_tools_but_no_parsing(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_allows_non_strict_tools_but_no_parsing"""
    tool = {
        "type": "function",
        "function": {
            "name": "get_weather",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
    }
    call = ("call_4XzlGBLtUe9dy3GVNV4jhq7h", "get_weather", ['{"city":', '"New York City"}'])
    stream, events = listen(router, tool_stream([call]), tools=[tool])
    assert all(
        e.parsed_arguments is None for e in by_type(events, "tool_calls.function.arguments.delta")
    )
    [done] = by_type(events, "tool_calls.function.arguments.done")
    assert (done.name, done.index, done.arguments, done.parsed_arguments) == (
        "get_weather",
        0,
        '{"city":"New York City"}',
        None,
    )
    [tool_call] = stream.get_final_completion().choices[0].message.tool_calls or []
    assert tool_call.function.arguments == '{"city":"New York City"}'
    assert tool_call.function.parsed_arguments is None


def test_content_is_done_when_a_tool_call_starts() -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState(input_tools=[STRICT_TOOL])
    head = {
        "index": 0,
        "id": "c1",
        "type": "function",
        "function": {"name": "get_weather", "arguments": '{"city":"SF","state":"CA"}'},
    }
    chunks = [
        chunk(choice(role="assistant", content="Let me check.")),
        chunk(choice(tool_calls=[head])),
        chunk(choice(finish="tool_calls")),
    ]
    types = [e.type for c in chunks for e in state.handle_chunk(ChatCompletionChunk(**c))]
    assert types == [
        "chunk",
        "content.delta",
        "chunk",
        "tool_calls.function.arguments.delta",
        "content.done",
        "chunk",
        "tool_calls.function.arguments.done",
    ]


# ---- the stream and its manager -------------------------------------------------------------


def test_manager_opens_on_enter_and_closes_on_exit(router: respx.MockRouter) -> None:
    route = serve(router, text_stream(["a", "b", "c"]))
    mgr = manager(Client(CONFIG))
    assert not route.called  # nothing is sent before the context is entered
    with mgr as stream:
        first = next(stream)
        assert first.type == "chunk"
        assert stream.response is not None and not stream.response.is_closed
    assert route.called
    assert stream.response.is_closed  # left early: the connection is released
    assert stream.provider == "openai"


def test_manager_propagates_errors_of_opening_the_stream() -> None:
    def fail() -> Any:
        raise RuntimeError("no stream")

    with pytest.raises(RuntimeError, match="no stream"), ChatCompletionStreamManager(fail):
        pass


def test_until_done_and_iterating_twice(router: respx.MockRouter) -> None:
    serve(router, text_stream(["Hello", " world"]))
    with manager(Client(CONFIG)) as stream:
        assert stream.until_done() is stream
        assert list(stream) == []  # already consumed
        assert stream.get_final_completion().choices[0].message.content == "Hello world"


class _ListStream:
    """A raw stream of given chunks (any closable chunk iterable will do), which, as llmswitch
    does unless asked, keeps the usage chunk to itself and reports it as ``usage``."""

    def __init__(self, chunks: list[dict[str, Any]]) -> None:
        self.chunks = [ChatCompletionChunk(**c) for c in chunks if c["choices"]]
        self.usage = Usage(**USAGE)
        self.closed = False

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        yield from self.chunks

    def close(self) -> None:
        self.closed = True


def test_usage_comes_from_the_stream_when_its_chunk_is_hidden() -> None:
    raw = _ListStream(text_stream(["Hi"]))
    with ChatCompletionStreamManager(lambda: raw) as stream:
        final = stream.get_final_completion()
    assert final.usage == Usage(**USAGE)
    assert raw.closed


def test_content_that_is_not_json_fails_when_done_not_on_each_delta() -> None:
    raw = _ListStream(text_stream(["Sure!", " Here you go"]))
    stream = ChatCompletionStream(raw_stream=raw, response_format=Location)
    assert next(stream).type == "chunk"
    assert next(stream).type == "content.delta"  # the first delta is empty
    assert next(stream).type == "chunk"
    delta = next(stream)
    assert delta.type == "content.delta" and delta.parsed is None
    with pytest.raises(pydantic.ValidationError):
        stream.until_done()


def test_repeated_role_id_and_name_are_not_concatenated() -> None:
    """Some providers repeat the role, the tool call id and its name on every chunk."""
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState(input_tools=[STRICT_TOOL])
    for piece in ['{"city":"SF",', '"state":"CA"}']:
        call = {
            "index": 0,
            "id": "call_1",
            "type": "function",
            "function": {"name": "get_weather", "arguments": piece},
        }
        body = chunk(choice(role="assistant", tool_calls=[call]))
        state.handle_chunk(ChatCompletionChunk(**body))
    state.handle_chunk(ChatCompletionChunk(**chunk(choice(finish="tool_calls"))))
    message = state.get_final_completion().choices[0].message
    assert message.role == "assistant"
    [tool_call] = message.tool_calls or []
    assert (tool_call.id, tool_call.function.name) == ("call_1", "get_weather")
    assert tool_call.function.parsed_arguments == {"city": "SF", "state": "CA"}


# ---- the state by hand ----------------------------------------------------------------------


def test_chat_completion_state_helper(router: respx.MockRouter) -> None:
    """openai: test_completions_streaming.py::test_chat_completion_state_helper"""
    serve(router, text_stream(["I'm unable", " to provide", " weather updates."]))
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    client = Client(CONFIG)
    with client.chat.completions.create(model=MODEL, messages=ASK, stream=True) as raw:
        for c in raw:
            state.handle_chunk(c)
    final = state.get_final_completion()
    assert final.choices[0].message.content == "I'm unable to provide weather updates."
    assert final.choices[0].message.parsed is None
    assert final.choices[0].finish_reason == "stop"


@pytest.mark.parametrize("padding", [("first", "last"), (None, "last"), ("", "")])
def test_stream_obfuscation_stays_on_raw_chunks(padding: tuple[str | None, str | None]) -> None:
    """openai: test_completions_streaming.py::test_stream_obfuscation_stays_on_raw_chunks"""
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    for index, value in enumerate(padding):
        delta = {"role": "assistant", "content": "Hello"} if index == 0 else {"content": " world"}
        body = chunk(choice(finish="stop" if index == 1 else None, **delta))
        if value is not None:
            body["obfuscation"] = value
        c = ChatCompletionChunk.model_validate(body)
        before = c.model_dump()
        events = state.handle_chunk(c)
        [event] = [e for e in events if e.type == "chunk"]
        assert event.chunk is c
        assert c.model_dump() == before
        assert "obfuscation" not in event.snapshot.model_dump()
        assert "obfuscation" not in state.current_completion_snapshot.model_dump()
    completion = state.get_final_completion()
    assert completion.choices[0].message.content == "Hello world"
    assert "obfuscation" not in completion.model_dump()
    assert "obfuscation" not in completion.model_dump_json()


def test_snapshot_before_any_chunk_is_empty() -> None:
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    assert state.current_completion_snapshot.choices == []
    assert state.get_final_completion().choices == []


# ---- async ----------------------------------------------------------------------------------


async def test_async_stream_events_and_final_completion(router: respx.MockRouter) -> None:
    serve(router, text_stream(LOCATION_PIECES))
    client = AsyncClient(CONFIG)

    def open_stream() -> Any:
        return client.chat.completions.create(
            model=MODEL,
            messages=ASK,
            stream=True,
            response_format=type_to_response_format_param(Location),
        )

    events: list[ChatCompletionStreamEvent[Location]] = []
    async with AsyncChatCompletionStreamManager(
        open_stream, response_format=Location, input_tools=None
    ) as stream:
        first = await stream.__anext__()
        events.append(first)
        async for event in stream:
            events.append(event)
        final = await stream.get_final_completion()
    assert first.type == "chunk"
    assert helper_events(events) == ["content.delta"] * (len(LOCATION_PIECES) + 1) + [
        "content.done"
    ]
    expected = Location(city="San Francisco", temperature=61.0, units="f")
    assert by_type(events, "content.done")[0].parsed == expected
    assert final.choices[0].message.parsed == expected
    assert final.usage is not None and final.usage.total_tokens == 93
    assert stream.response is not None and stream.response.is_closed


async def test_async_manager_takes_an_awaitable_and_closes_early(
    router: respx.MockRouter,
) -> None:
    serve(router, text_stream(["a", "b", "c"]))
    client = AsyncClient(CONFIG)
    pending = client.chat.completions.create(model=MODEL, messages=ASK, stream=True)
    async with AsyncChatCompletionStreamManager(pending) as stream:
        assert (await stream.__anext__()).type == "chunk"
    assert stream.response is not None and stream.response.is_closed
    assert (await stream.until_done()) is stream


def test_a_tool_call_that_starts_in_the_finishing_chunk_is_done() -> None:
    """Native streams (ERNIE, SenseNova) may send whole tool calls with the finish reason."""
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState(input_tools=[STRICT_TOOL])
    calls = [
        {
            "index": i,
            "id": f"call_{i}",
            "type": "function",
            "function": {"name": "get_weather", "arguments": f'{{"city":"{city}","state":"CA"}}'},
        }
        for i, city in enumerate(["SF", "LA"])
    ]
    body = chunk(choice(finish="tool_calls", role="assistant", tool_calls=calls))
    events = state.handle_chunk(ChatCompletionChunk(**body))
    dones = [e for e in events if e.type == "tool_calls.function.arguments.done"]
    assert [(e.index, e.parsed_arguments) for e in dones] == [
        (0, {"city": "SF", "state": "CA"}),
        (1, {"city": "LA", "state": "CA"}),
    ]


def test_an_empty_tool_call_id_after_the_first_chunk_keeps_the_id() -> None:
    """Qwen repeats the tool call with ``"id": ""`` after its first chunk."""
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    head = {"index": 0, "id": "call_1", "type": "function", "function": {"name": "f"}}
    rest = {"index": 0, "id": "", "type": "function", "function": {"arguments": "{}"}}
    for call in (head, rest):
        state.handle_chunk(ChatCompletionChunk(**chunk(choice(tool_calls=[call]))))
    [tool_call] = state.current_completion_snapshot.choices[0].message.tool_calls or []
    assert (tool_call.id, tool_call.function.name, tool_call.function.arguments) == (
        "call_1",
        "f",
        "{}",
    )
