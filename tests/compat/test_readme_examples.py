"""openai-python's README examples, run with only the import changed (against llmswitch's OpenAI
fake) and with only the model string changed (against each native provider's fake).

Each example below is the README's code; the only edits are ``from llmswitch import ...`` for
``from openai import ...`` and ``MODEL`` for the model string.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

import llmswitch
from llmswitch import AsyncClient as AsyncOpenAI
from llmswitch import Client as OpenAI
from llmswitch.testing import mock_provider

# provider → (model string, the environment variable its key is read from)
PROVIDERS = {
    "openai": ("gpt-4o", "OPENAI_API_KEY"),
    "qwen": ("qwen/qwen-plus", "DASHSCOPE_API_KEY"),
    "glm": ("glm/glm-4-flash", "ZHIPUAI_API_KEY"),
    "ernie": ("ernie/ernie-4.0-8k", "QIANFAN_API_KEY"),
    "sensenova": ("sensenova/SenseChat-5", "SENSENOVA_API_KEY"),
    "deepseek": ("deepseek/deepseek-chat", "DEEPSEEK_API_KEY"),
}


def _takes_response_format(provider: str) -> bool:
    """Whether the provider's adapter declares ``response_format`` (docs/providers.md): where it
    does not, llmswitch says so before sending (UnsupportedParameterError)."""
    from llmswitch.providers import PROVIDERS
    from llmswitch.providers._matrix import param_matrix

    column = {"openai-compatible": "openai", "ernie": "ernie (v2)", "qwen": "qwen (native)"}
    kind = PROVIDERS[provider].type
    params = param_matrix()[column.get(kind, kind)]
    return params["response_format"].level != "unsupported"


@pytest.fixture(params=sorted(PROVIDERS))
def provider(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    name = request.param
    model, env = PROVIDERS[name]
    monkeypatch.setenv(env, "sk-readme-example-key")
    with mock_provider(name) as fake:
        fake.model = model  # type: ignore[attr-defined]
        yield fake


def test_sync_usage(provider: Any) -> None:
    MODEL = provider.model
    client = OpenAI()
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[
            {"role": "developer", "content": "Talk like a pirate."},
            {
                "role": "user",
                "content": "How do I check if a Python object is an instance of a class?",
            },
        ],
    )
    assert completion.choices[0].message.content


async def test_async_usage(provider: Any) -> None:
    MODEL = provider.model
    client = AsyncOpenAI()
    completion = await client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "Say this is a test"}]
    )
    assert completion.choices[0].message.content


def test_streaming_responses(provider: Any, capsys: pytest.CaptureFixture[str]) -> None:
    MODEL = provider.model
    client = OpenAI()
    stream = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Say this is a test"}],
        stream=True,
    )
    for chunk in stream:
        print(chunk.choices[0].delta.content or "", end="")
    assert capsys.readouterr().out


def test_function_calling(provider: Any) -> None:
    MODEL = provider.model
    provider.reply(
        None, tool_calls=[{"id": "call_1", "name": "get_weather", "arguments": '{"city":"SF"}'}]
    )
    client = OpenAI()
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "What's the weather like in SF?"}],
        tools=[
            {
                "type": "function",
                "function": {
                    "name": "get_weather",
                    "parameters": {
                        "type": "object",
                        "properties": {"city": {"type": "string"}},
                        "required": ["city"],
                    },
                },
            }
        ],
    )
    tool_call = completion.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert tool_call.function.name == "get_weather"
    assert tool_call.function.arguments == '{"city":"SF"}'


def test_structured_outputs(provider: Any) -> None:
    MODEL = provider.model

    class CalendarEvent(BaseModel):
        name: str
        date: str
        participants: list[str]

    provider.reply('{"name": "Science fair", "date": "Friday", "participants": ["Alice"]}')
    client = OpenAI()
    if not _takes_response_format(provider.provider):
        with pytest.raises(llmswitch.UnsupportedParameterError, match="response_format"):
            client.chat.completions.parse(
                model=MODEL,
                messages=[{"role": "user", "content": "Alice goes to the fair on Friday."}],
                response_format=CalendarEvent,
            )
        return
    completion = client.chat.completions.parse(
        model=MODEL,
        messages=[
            {"role": "system", "content": "Extract the event information."},
            {"role": "user", "content": "Alice goes to the science fair on Friday."},
        ],
        response_format=CalendarEvent,
    )
    event = completion.choices[0].message.parsed
    assert event is not None and event.participants == ["Alice"]


def test_handling_errors(provider: Any) -> None:
    MODEL = provider.model
    provider.fail(429, message="slow down")
    provider.fail(429, message="slow down")
    provider.fail(429, message="slow down")
    client = OpenAI(max_retries=0)
    caught: list[str] = []
    try:
        client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": "Say this is a test"}]
        )
    except llmswitch.APIConnectionError as e:
        caught.append(f"The server could not be reached: {e.__cause__}")
    except llmswitch.RateLimitError as e:
        caught.append(f"A 429 status code was received; we should back off a bit. {e.status_code}")
    except llmswitch.APIStatusError as e:
        caught.append(f"Another non-200-range status code was received: {e.status_code}")
    assert caught and "429" in caught[0]


def test_request_ids(provider: Any) -> None:
    MODEL = provider.model
    client = OpenAI()
    completion = client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "Say this is a test"}]
    )
    if provider.provider in ("openai", "deepseek", "qwen"):
        assert completion._request_id
    else:
        assert completion._request_id is None or isinstance(completion._request_id, str)


def test_accessing_raw_response_data(provider: Any) -> None:
    MODEL = provider.model
    client = OpenAI()
    response = client.chat.completions.with_raw_response.create(
        messages=[{"role": "user", "content": "Say this is a test"}], model=MODEL
    )
    assert response.headers.get("content-type")
    completion = response.parse()
    assert completion.choices[0].message.content
