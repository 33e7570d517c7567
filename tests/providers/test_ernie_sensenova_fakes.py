"""``mock_provider("ernie")`` / ``("sensenova")``: a Client round-trips chat, stream, tool calls
and embeddings through each native fake (sync and async); plus adapter declarations."""

from __future__ import annotations

import pytest

from llmswitch import AsyncClient, Client
from llmswitch.providers import adapter_class
from llmswitch.providers._base import OPTIONAL_CHAT_PARAMS, ProviderSettings
from llmswitch.testing import mock_provider

HELLO = [{"role": "user", "content": "Hi"}]
CALL = {"id": "call_1", "name": "get_weather", "arguments": '{"city": "Beijing"}'}


def _configs(provider: str, config: dict[str, object]) -> list[dict[str, object]]:
    if provider != "ernie":
        return [config]
    v2 = {"providers": {"ernie": {"api_key": "bce-v3/ALTAK-fake/secret", "app_id": "app-1"}}}
    return [config, v2]  # v1 (OAuth, the fake's default) and v2 (bearer)


@pytest.mark.parametrize("provider", ["ernie", "sensenova"])
def test_client_round_trips_through_the_fake(provider: str) -> None:
    with mock_provider(provider) as fake:
        for config in _configs(provider, fake.config):
            with Client(config) as client:
                model = (
                    f"{provider}/ERNIE-3.5-8K" if provider == "ernie" else f"{provider}/SenseChat-5"
                )
                fake.reply("Hello there friend")
                resp = client.chat.completions.create(model=model, messages=HELLO)
                assert resp.choices[0].message.content == "Hello there friend"
                assert resp.usage.total_tokens == 15 and resp.provider == provider
                fake.reply("Streamed answer here")
                with client.chat.completions.create(model=model, messages=HELLO, stream=True) as s:
                    final = s.get_final_completion()
                assert final.choices[0].message.content == "Streamed answer here"
                assert final.choices[0].finish_reason == "stop"
                assert final.usage is not None and final.usage.total_tokens == 15
                fake.reply(tool_calls=[CALL])
                tools = [
                    {
                        "type": "function",
                        "function": {"name": "get_weather", "parameters": {"type": "object"}},
                    }
                ]
                resp = client.chat.completions.create(model=model, messages=HELLO, tools=tools)
                call = resp.choices[0].message.tool_calls[0]
                assert (call.function.name, call.function.arguments) == (
                    CALL["name"],
                    CALL["arguments"],
                )
                assert resp.choices[0].finish_reason == "tool_calls"
                emb_model = (
                    f"{provider}/embedding-v1"
                    if provider == "ernie"
                    else f"{provider}/nova-embedding-stable"
                )
                emb = client.embeddings.create(model=emb_model, input=["a b", "c"])
                assert [d.index for d in emb.data] == [0, 1] and len(emb.data[0].embedding) == 4
    if provider == "ernie":
        assert fake.wire.tokens_issued >= 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("provider", ["ernie", "sensenova"])
async def test_async_client_round_trips_through_the_fake(provider: str) -> None:
    with mock_provider(provider) as fake:
        async with AsyncClient(fake.config) as client:
            model = (
                f"{provider}/ernie-speed-8k" if provider == "ernie" else f"{provider}/SenseChat-5"
            )
            fake.reply("Async hello")
            resp = await client.chat.completions.create(model=model, messages=HELLO)
            assert resp.choices[0].message.content == "Async hello"
            fake.reply("Async stream")
            stream = await client.chat.completions.create(model=model, messages=HELLO, stream=True)
            async with stream:
                final = await stream.get_final_completion()
            assert final.choices[0].message.content == "Async stream"


@pytest.mark.parametrize("type_name", ["ernie", "sensenova"])
def test_params_declared_for_every_optional_chat_param(type_name: str) -> None:
    cls = adapter_class(type_name)
    if type_name == "ernie":
        from llmswitch.providers.ernie import ErnieAdapter, ErnieV1Adapter

        tables = [ErnieAdapter.PARAMS, ErnieV1Adapter.PARAMS]
    else:
        tables = [cls.PARAMS]  # type: ignore[attr-defined]
    for table in tables:
        assert set(table) == set(OPTIONAL_CHAT_PARAMS)
        for name, support in table.items():
            assert support.level in ("native", "mapped", "unsupported")
            if support.level != "native":
                assert support.note, name


def test_ernie_picks_v1_or_v2_from_settings() -> None:
    from pydantic import SecretStr

    from llmswitch.providers.ernie import ErnieAdapter, ErnieV1Adapter, ernie_adapter

    key, ak, sk = SecretStr("bce-v3/ALTAK-a/b"), SecretStr("ak-123456"), SecretStr("sk-123456")
    assert type(ernie_adapter(ProviderSettings("ernie", "ernie", api_key=key))) is ErnieAdapter
    v1 = ernie_adapter(ProviderSettings("ernie", "ernie", access_key=ak, secret_key=sk))
    assert type(v1) is ErnieV1Adapter and isinstance(v1, ErnieAdapter)
    both = ProviderSettings("ernie", "ernie", api_key=key, access_key=ak, secret_key=sk)
    assert type(ernie_adapter(both)) is ErnieAdapter
    both.api = "native"
    assert type(ernie_adapter(both)) is ErnieV1Adapter


def test_v1_body_mapping() -> None:
    from pydantic import SecretStr

    from llmswitch.providers._base import ChatParams
    from llmswitch.providers.ernie import ernie_adapter

    adapter = ernie_adapter(
        ProviderSettings(
            "ernie", "ernie", access_key=SecretStr("ak-123456"), secret_key=SecretStr("sk-123456")
        )
    )
    body = adapter.chat_body(
        ChatParams(
            model="ernie-4.0-8k",
            messages=[
                {"role": "system", "content": "A"},
                {"role": "developer", "content": "B"},
                {"role": "user", "content": [{"type": "text", "text": "hi"}]},
            ],
            temperature=0.0,
            max_completion_tokens=10,
            stop="x",
            stream=True,
        )
    )
    assert body == {
        "system": "A\nB",
        "messages": [{"role": "user", "content": "hi"}],
        "temperature": 0.01,
        "max_output_tokens": 10,
        "stop": ["x"],
        "stream": True,
    }
    assert (
        adapter.chat_body(ChatParams(model="m", messages=HELLO, temperature=1.7))["temperature"]
        == 1.0
    )


def test_importing_llmswitch_does_not_load_jwt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, llmswitch; from llmswitch.providers import sensenova, ernie; "
        "assert 'jwt' not in sys.modules, 'jwt loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
