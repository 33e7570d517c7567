"""Hypothesis fuzzing of every adapter's response, chunk, embeddings and error parsers: random
JSON shapes, real answers mutated (wrong types, huge numbers, NaN, unicode, lone surrogates)
and random bytes never raise anything but an llmswitch error, and ``map_error`` always returns
a typed ``APIError``. (The SSE decoder is fuzzed in tests/unit/test_sse.py.)"""

from __future__ import annotations

import contextlib
import json
from functools import cache
from typing import Any

import httpx
import pytest
from faults import HI, MODELS, config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llmswitch import Client, LLMSwitchError
from llmswitch._sse import SSEDecoder
from llmswitch.errors import APIError
from llmswitch.providers._base import ChatParams, EmbeddingParams
from llmswitch.testing import FakeError, Reply, fake_wire

# Adapter variants: (label, provider, config overrides).
VARIANTS = {
    "openai": ("openai", {}),
    "qwen": ("qwen", {}),
    "qwen-compatible": ("qwen", {"api": "compatible"}),
    "glm": ("glm", {}),
    "ernie-v1": ("ernie", {}),
    "ernie-v2": ("ernie", {"api_key": "bce-v3/ALTAK-fuzz/fuzzsecret"}),
    "sensenova": ("sensenova", {}),
}
EMBED_MODELS = {
    "openai": "text-embedding-3-small",
    "qwen": "text-embedding-v3",
    "glm": "embedding-3",
    "ernie": "embedding-v1",
    "sensenova": "nova-embedding-stable",
}
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def _setup(variant: str) -> dict[str, Any]:
    provider, overrides = VARIANTS[variant]
    cfg = config(provider, "http://fuzz")
    table = cfg["providers"][provider]
    if "api_key" in overrides:
        table.pop("access_key", None)
        table.pop("secret_key", None)
    table.update(overrides)
    client = Client(cfg)
    adapter = client.adapter(provider)
    model = MODELS[provider].split("/", 1)[1]
    chat = {s: adapter.build_chat_request(ChatParams(model=model, messages=HI, stream=s))
            for s in (False, True)}  # fmt: skip
    eparams = EmbeddingParams(model=EMBED_MODELS[provider], input=["a", "b"])
    embed = adapter.build_embeddings_request(eparams)
    wire = fake_wire(provider)
    seeds: list[Any] = []
    reply = Reply(content="你好 world", tool_calls=None)
    bodies = [
        wire.render("chat", chat[False], reply).content,
        wire.render("embeddings", embed, Reply()).content,
        wire.render("chat", chat[False], Reply(error=FakeError(429, None, "slow"))).content,
        wire.render(
            "chat",
            chat[False],
            Reply(tool_calls=[{"id": "c1", "name": "f", "arguments": '{"a": 1}'}]),
        ).content,
    ]
    events = []
    decoder = SSEDecoder()
    for stream_reply in (
        reply,
        Reply(content="x", error=FakeError(500, None, "boom", in_body=True)),
    ):
        rendered = wire.render("chat", chat[True], stream_reply).content
        events += decoder.feed(rendered) + decoder.flush()
    for text in [*bodies, *(e.data for e in events)]:
        with contextlib.suppress(ValueError):
            seeds.append(json.loads(text))
    return {"adapter": adapter, "chat": chat, "embed": embed, "eparams": eparams,
            "seeds": seeds, "events": [e.event for e in events]}  # fmt: skip


NASTY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.just(10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "\u0000", "💥" * 50, "\u202e", "null", "[DONE]", "-1", ""]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)  # fmt: skip


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*prefix, index))
    return out


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replace(copy[head], rest, new)
    return copy


@st.composite
def bodies(draw: st.DrawFn, variant: str) -> bytes:
    """A mutated real answer, a random JSON shape, or random bytes."""
    how = draw(st.sampled_from(["mutate", "mutate", "mutate", "shape", "bytes"]))
    if how == "bytes":
        return draw(st.binary(max_size=200))
    if how == "shape":
        return json.dumps(draw(JSONISH)).encode()
    seed = draw(st.sampled_from(_setup(variant)["seeds"]))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(seed)))
        seed = _replace(seed, path, draw(NASTY | JSONISH))
    text = json.dumps(seed, ensure_ascii=draw(st.booleans()))
    return text.encode("utf-8", "surrogatepass")


def _only_llmswitch_errors(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except LLMSwitchError:
        return None


@pytest.mark.parametrize("variant", list(VARIANTS))
@FUZZ
@given(data=st.data())
def test_response_and_error_parsers_raise_only_llmswitch_errors(variant: str, data: Any) -> None:
    setup = _setup(variant)
    adapter = setup["adapter"]
    body = data.draw(bodies(variant))
    status = data.draw(st.sampled_from([200, 200, 400, 401, 403, 404, 429, 500, 503, 599]))
    headers = data.draw(
        st.dictionaries(
            st.sampled_from(["retry-after", "retry-after-ms", "x-request-id", "x-bce-error-code",
                             "content-type", "x-should-retry"]),
            st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30),
            max_size=3,
        )
    )  # fmt: skip
    response = httpx.Response(status, content=body, headers=headers, request=setup["chat"][False])
    _only_llmswitch_errors(adapter.parse_chat_response, response)
    response = httpx.Response(status, content=body, headers=headers, request=setup["embed"])
    _only_llmswitch_errors(adapter.parse_embeddings_response, response, setup["eparams"])
    error = adapter.map_error(status, body, httpx.Headers(headers))
    assert isinstance(error, APIError)
    str(error), repr(error)


@pytest.mark.parametrize("variant", list(VARIANTS))
@FUZZ
@given(data=st.data())
def test_chunk_parsers_raise_only_llmswitch_errors(variant: str, data: Any) -> None:
    from llmswitch._sse import SSEEvent

    setup = _setup(variant)
    adapter = setup["adapter"]
    model = MODELS[VARIANTS[variant][0]].split("/", 1)[1]
    parser = adapter.chunk_parser(ChatParams(model=model, messages=HI, stream=True))
    names = [*setup["events"], "message", "error", "result", "done"]
    for _ in range(data.draw(st.integers(1, 5))):
        body = data.draw(bodies(variant))
        event = SSEEvent(
            data=body.decode("utf-8", "replace"), event=data.draw(st.sampled_from(names))
        )
        try:
            parser.feed(event)
        except LLMSwitchError:
            return
    _only_llmswitch_errors(parser.close)
