"""Native Responses endpoints: OpenAI always; DashScope, BigModel, DeepSeek and Ark when the
config opts in (``endpoints.responses = "native"``). The request is openai-python's, byte for
byte (fixtures captured from openai 3.57), and the answers and streams parse into llmswitch's
types."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx
from responses_helpers import answer, fixture

from llmswitch import AsyncClient, Client
from llmswitch.errors import InternalServerError, NotFoundError
from llmswitch.types import Response

HOSTS = {
    "openai": "https://api.openai.com",
    "qwen": "https://dashscope.aliyuncs.com",
    "glm": "https://open.bigmodel.cn",
    "deepseek": "https://api.deepseek.com",
    "doubao": "https://ark.cn-beijing.volces.com",
}


def _client(provider: str, **extra: Any) -> Client:
    table: dict[str, Any] = {"api_key": "sk-test", **extra}
    if provider != "openai":
        table["endpoints"] = {"responses": "native"}
    return Client({"providers": {provider: table}})


def _call(scenario: dict[str, Any]) -> dict[str, Any]:
    body = dict(scenario["request"]["body_json"])
    body.pop("stream", None)
    return body


SCENARIOS = [
    ("openai", "openai_responses_create"),
    ("openai", "openai_responses_function_call_output"),
    ("qwen", "qwen_compat_responses_create"),
    ("glm", "glm_responses_create"),
    ("doubao", "doubao_responses_function_call"),
]


@pytest.mark.parametrize(("provider", "name"), SCENARIOS)
def test_request_is_openai_pythons_byte_for_byte_and_answer_parses(
    provider: str, name: str
) -> None:
    scenario = fixture(name)
    path = scenario["request"]["path"]
    with respx.mock(assert_all_mocked=True) as mock:
        route = mock.post(HOSTS[provider] + path).mock(return_value=answer(scenario))
        args = _call(scenario)
        model = args.pop("model")
        client = _client(provider)
        result = client.responses.create(model=f"{provider}/{model}", **args)
    sent = route.calls.last.request
    expected = scenario["request"]["body_json"]
    assert sent.content == json.dumps(expected, separators=(",", ":"), ensure_ascii=False).encode()
    assert sent.headers["content-length"] == str(len(sent.content))
    assert sent.headers["authorization"].startswith("Bearer ")
    assert isinstance(result, Response)
    assert result.provider == provider
    assert result.model_dump(mode="json", exclude_unset=True) == scenario["body"]
    assert result.output_text == "".join(
        part["text"]
        for item in scenario["body"]["output"] if item["type"] == "message"
        for part in item["content"] if part["type"] == "output_text"
    )  # fmt: skip


def _stream(provider: str, name: str) -> tuple[list[Any], Any, httpx.Request]:
    scenario = fixture(name)
    with respx.mock(assert_all_mocked=True) as mock:
        route = mock.post(HOSTS[provider] + scenario["request"]["path"]).mock(
            return_value=answer(scenario)
        )
        args = _call(scenario)
        model = args.pop("model")
        with _client(provider).responses.create(
            model=f"{provider}/{model}", stream=True, **args
        ) as stream:
            events = list(stream)
            final = stream.get_final_response()
    return events, final, route.calls.last.request


@pytest.mark.parametrize(
    ("provider", "name"),
    [
        ("openai", "openai_responses_stream_text"),
        ("openai", "openai_responses_stream_function_call"),
        ("qwen", "qwen_compat_responses_stream"),
        ("deepseek", "deepseek_responses_stream"),
    ],
)
def test_native_stream_yields_every_event_typed_and_the_final_response(
    provider: str, name: str
) -> None:
    events, final, sent = _stream(provider, name)
    raw = [
        json.loads(line[6:])
        for line in fixture(name)["body"].decode().splitlines()
        if line.startswith("data: ")
    ]
    assert [e.type for e in events] == [e["type"] for e in raw]
    assert [e.sequence_number for e in events] == [e["sequence_number"] for e in raw]
    assert events[0].type == "response.created"
    assert final.model_dump(mode="json", exclude_unset=True) == raw[-1]["response"]
    assert json.loads(sent.content)["stream"] is True
    assert list(json.loads(sent.content))[:2] == ["model", "stream"]


def test_native_failed_stream_yields_response_failed_then_raises_a_typed_error() -> None:
    scenario = fixture("openai_responses_stream_failed")
    with respx.mock(assert_all_mocked=True) as mock:
        mock.post(HOSTS["openai"] + "/v1/responses").mock(return_value=answer(scenario))
        client = Client({"providers": {"openai": {"api_key": "sk-test",
                                                  "base_url": "https://api.openai.com/v1"}}})
        stream = client.responses.create(model="gpt-5.5", input="x", stream=True)
        seen: list[str] = []
        with pytest.raises(InternalServerError) as caught:
            for event in stream:
                seen.append(event.type)
    assert seen[-1] == "response.failed"
    assert caught.value.provider == "openai"
    with pytest.raises(RuntimeError, match=r"response\.completed"):
        stream.get_final_response()


def test_openai_retrieve_and_delete_go_to_openai_when_llmswitch_kept_nothing() -> None:
    body = fixture("openai_responses_create")["body"]
    with respx.mock(assert_all_mocked=True) as mock:
        get = mock.get(HOSTS["openai"] + "/v1/responses/resp_x").mock(
            return_value=httpx.Response(200, json=body)
        )
        delete = mock.delete(HOSTS["openai"] + "/v1/responses/resp_x").mock(
            return_value=httpx.Response(200, json={"id": "resp_x", "deleted": True})
        )
        client = _client("openai")
        got = client.responses.retrieve("resp_x", include=["reasoning.encrypted_content"])
        assert client.responses.delete("resp_x") is None
    assert got.id == body["id"]
    assert get.calls.last.request.url.params["include"] == "reasoning.encrypted_content"
    assert delete.called


def test_a_provider_without_state_answers_retrieve_of_an_unknown_id_with_not_found() -> None:
    client = Client({"providers": {"qwen": {"api_key": "sk-test"}}})
    with pytest.raises(NotFoundError):
        client.responses.retrieve("resp_unknown", provider="qwen")


@pytest.mark.parametrize(("provider", "name"), SCENARIOS[:2])
async def test_async_native_create(provider: str, name: str) -> None:
    scenario = fixture(name)
    with respx.mock(assert_all_mocked=True) as mock:
        route = mock.post(HOSTS[provider] + scenario["request"]["path"]).mock(
            return_value=answer(scenario)
        )
        args = _call(scenario)
        model = args.pop("model")
        async with AsyncClient({"providers": {provider: {"api_key": "sk-test"}}}) as client:
            result = await client.responses.create(model=model, **args)
    assert json.loads(route.calls.last.request.content) == scenario["request"]["body_json"]
    assert result.id == scenario["body"]["id"]


async def test_async_native_stream() -> None:
    scenario = fixture("openai_responses_stream_text")
    with respx.mock(assert_all_mocked=True) as mock:
        mock.post(HOSTS["openai"] + "/v1/responses").mock(return_value=answer(scenario))
        async with AsyncClient({"providers": {"openai": {"api_key": "sk-test"}}}) as client:
            stream = await client.responses.create(model="gpt-5.5", input="x", stream=True)
            kinds = [event.type async for event in stream]
            final = await stream.get_final_response()
    assert kinds[0] == "response.created" and kinds[-1] == "response.completed"
    assert final.output_text


def test_an_explicit_stream_false_is_sent_as_openai_python_sends_it() -> None:
    body = fixture("openai_responses_create")["body"]
    with respx.mock(assert_all_mocked=True) as mock:
        route = mock.post(HOSTS["openai"] + "/v1/responses").mock(
            return_value=httpx.Response(200, json=body)
        )
        _client("openai").responses.create(model="gpt-5.5", input="x", stream=False)
    assert route.calls.last.request.content == b'{"model":"gpt-5.5","stream":false,"input":"x"}'


def test_deepseeks_stateless_endpoint_is_continued_by_llmswitch_on_its_chat_api() -> None:
    from llmswitch.testing import mock_provider

    body = fixture("openai_responses_create")["body"]
    with mock_provider("deepseek") as fake:
        assert fake._router is not None
        native = fake._router.post("https://api.deepseek.com/responses").mock(
            return_value=httpx.Response(200, json=body)
        )
        fake.reply("9.8 is larger, as I said.")
        config = {"providers": {"deepseek": {**fake.config["providers"]["deepseek"],
                                             "endpoints": {"responses": "native"}}}}  # fmt: skip
        client = Client(config)
        first = client.responses.create(model="deepseek/deepseek-flash", input="9.11 or 9.8?")
        again = client.responses.create(
            model="deepseek/deepseek-flash", input="Sure?", previous_response_id=first.id
        )
    assert native.call_count == 1
    assert again.output_text == "9.8 is larger, as I said."
    chat = json.loads(fake.requests[-1].content)
    assert [m["role"] for m in chat["messages"]] == ["user", "assistant", "user"]
    assert chat["messages"][1]["content"] == first.output_text
    assert client.responses.retrieve(first.id).id == first.id  # kept by llmswitch
