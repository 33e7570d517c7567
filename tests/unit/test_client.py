"""Client behaviour independent of provider: parameters, messages, headers, timeouts, models."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

from llmswitch import (
    AsyncClient,
    Client,
    InvalidRequestError,
    UnsupportedParameterError,
)
from llmswitch.providers._base import ParamSupport
from llmswitch.providers.openai import OpenAIAdapter
from llmswitch.testing import mock_provider
from llmswitch.types import (
    ChatCompletionTool,
    FunctionDefinition,
    JSONSchemaFormat,
    ResponseFormatJSONSchema,
    SystemMessage,
    UserMessage,
)

HI = [{"role": "user", "content": "hi"}]


def sent_body(fake: Any) -> dict[str, Any]:
    return json.loads(fake.requests[-1].content)  # type: ignore[no-any-return]


def test_models_and_dicts_are_accepted_and_sent_as_openai_json() -> None:
    with mock_provider("openai") as fake:
        client = Client(fake.config)
        client.chat.completions.create(
            model="openai/gpt-4o",
            messages=[SystemMessage(content="be brief"), UserMessage(content="hi")],
            tools=[ChatCompletionTool(function=FunctionDefinition(name="f", parameters={}))],
            response_format=ResponseFormatJSONSchema(
                json_schema=JSONSchemaFormat(name="x", schema={"type": "object"})
            ),
        )
    body = sent_body(fake)
    assert body["messages"] == [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "hi"},
    ]
    assert body["tools"] == [{"type": "function", "function": {"name": "f", "parameters": {}}}]
    assert body["response_format"]["json_schema"]["schema"] == {"type": "object"}


@pytest.mark.parametrize(
    ("messages", "fragment"),
    [
        ("hello", "must be a list"),
        ([], "empty"),
        ([{"role": "usr", "content": "x"}], "role 'usr'"),
        ([{"role": "user", "content": 5}], "content must be"),
        ([{"role": "tool", "content": "x"}], "tool_call_id"),
        ([{"role": "user"}], "no content"),
        ([42], "messages[0] must be a dict"),
    ],
)
def test_malformed_messages_raise_before_sending(messages: Any, fragment: str) -> None:
    with mock_provider("openai") as fake:
        client = Client(fake.config)
        with pytest.raises(InvalidRequestError) as info:
            client.chat.completions.create(model="openai/gpt-4o", messages=messages)
        assert fake.requests == []
    assert fragment in str(info.value)


def test_unsupported_parameter_raises_or_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    params = dict(OpenAIAdapter.PARAMS)
    params["seed"] = ParamSupport("unsupported", "no seed here")
    monkeypatch.setattr(OpenAIAdapter, "PARAMS", params)
    with mock_provider("openai") as fake:
        with pytest.raises(UnsupportedParameterError) as info:
            Client(fake.config).chat.completions.create(model="openai/x", messages=HI, seed=1)
        assert info.value.provider == "openai" and info.value.parameter == "seed"
        assert "no seed here" in str(info.value) and "drop_unsupported_params" in str(info.value)
        client = Client(fake.config, drop_unsupported_params=True)
        client.chat.completions.create(model="openai/x", messages=HI, seed=1, temperature=0.5)
        assert "seed" not in sent_body(fake) and sent_body(fake)["temperature"] == 0.5
        config = {"providers": {"openai": {**fake.config["providers"]["openai"],
                                           "drop_unsupported_params": True}}}  # fmt: skip
        Client(config).chat.completions.create(model="openai/x", messages=HI, seed=1)
        assert "seed" not in sent_body(fake)


def test_extra_body_extra_headers_and_timeout_reach_the_request() -> None:
    with mock_provider("openai") as fake:
        client = Client(fake.config, timeout=30)
        client.chat.completions.create(
            model="openai/x",
            messages=HI,
            extra_body={"enable_thinking": False},
            extra_headers={"X-Trace": "abc"},
            timeout=2.5,
        )
        request = fake.requests[-1]
        assert sent_body(fake)["enable_thinking"] is False
        assert request.headers["x-trace"] == "abc"
        assert request.extensions["timeout"]["read"] == 2.5
        assert request.headers["user-agent"].startswith("llmswitch/")
        client.chat.completions.create(model="openai/x", messages=HI)
        assert fake.requests[-1].extensions["timeout"]["read"] == 30


def test_injected_http_client_is_used_and_not_closed() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = {"choices": [{"message": {"content": "via transport"}, "finish_reason": "stop"}]}
        return httpx.Response(200, json=body)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    config = {"providers": {"openai": {"api_key": "sk-x"}}}
    with Client(config, http_client=http) as client:
        resp = client.chat.completions.create(model="openai/x", messages=HI)
    assert resp.choices[0].message.content == "via transport"
    assert len(seen) == 1 and not http.is_closed
    http.close()


def test_stream_assembles_parallel_tool_calls_and_usage() -> None:
    calls = [
        {"id": "call_1", "name": "weather", "arguments": '{"city": "Beijing"}'},
        {"id": "call_2", "name": "time", "arguments": '{"tz": "Asia/Shanghai"}'},
    ]
    with mock_provider("openai") as fake:
        fake.reply(tool_calls=calls, prompt_tokens=20, completion_tokens=7)
        client = Client(fake.config)
        with client.chat.completions.create(model="openai/x", messages=HI, stream=True) as s:
            final = s.get_final_completion()
    message = final.choices[0].message
    assert final.choices[0].finish_reason == "tool_calls"
    assert message.content is None
    assert [
        (c.id, c.function.name, json.loads(c.function.arguments)) for c in message.tool_calls or []
    ] == [
        ("call_1", "weather", {"city": "Beijing"}),
        ("call_2", "time", {"tz": "Asia/Shanghai"}),
    ]
    assert final.usage is not None and final.usage.total_tokens == 27
    assert final.provider == "openai"


async def test_async_client_chat_stream_and_embeddings() -> None:
    with mock_provider("openai") as fake:
        fake.reply("one").reply("two words")
        async with AsyncClient(fake.config) as client:
            resp = await client.chat.completions.create(model="openai/x", messages=HI)
            assert resp.choices[0].message.content == "one"
            stream = await client.chat.completions.create(
                model="openai/x", messages=HI, stream=True
            )
            async with stream:
                pieces = [c.choices[0].delta.content async for c in stream if c.choices]
            assert "".join(p or "" for p in pieces) == "two words"
            emb = await client.embeddings.create(model="openai/text-embedding-3-small", input="a")
            assert len(emb.data) == 1 and len(emb.data[0].embedding) == 4


def test_embeddings_input_is_checked() -> None:
    with mock_provider("openai") as fake:
        client = Client(fake.config)
        with pytest.raises(InvalidRequestError, match="list of strings"):
            client.embeddings.create(model="openai/e", input=[1, "a"])  # type: ignore[list-item]
        with pytest.raises(InvalidRequestError):
            client.embeddings.create(model="openai/e", input=[])
        # token arrays are OpenAI's wire: sent as they are
        client.embeddings.create(model="openai/e", input=[[1, 2], [3]])
        assert json.loads(fake.requests[-1].content)["input"] == [[1, 2], [3]]
    with mock_provider("qwen") as fake:
        client = Client(fake.config)
        with pytest.raises(InvalidRequestError, match="only text input"):
            client.embeddings.create(model="qwen/text-embedding-v3", input=[1, 2])


def test_closing_stream_early_releases_the_connection() -> None:
    with respx.mock() as router:
        body = b"".join(
            b'data: {"choices":[{"index":0,"delta":{"content":"x"}}]}\n\n' for _ in range(50)
        )
        router.post("https://api.openai.com/v1/chat/completions").respond(
            200, content=body + b"data: [DONE]\n\n", headers={"content-type": "text/event-stream"}
        )
        client = Client({"providers": {"openai": {"api_key": "sk-x"}}})
        with client.chat.completions.create(model="openai/x", messages=HI, stream=True) as s:
            first = next(iter(s))
        assert first.choices[0].delta.content == "x"
        assert s.response.is_closed


def test_client_repr_has_no_secret() -> None:
    client = Client({"providers": {"openai": {"api_key": "sk-should-not-leak"}}})
    assert "sk-should-not-leak" not in repr(client)
    assert "sk-should-not-leak" not in repr(client.config)
