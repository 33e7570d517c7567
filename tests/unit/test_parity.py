"""Drop-in parity with openai-python (issue 15): the constructor, the resources' helpers, the
parameters, the errors and the types behave as openai-python's, against llmswitch's fakes."""

from __future__ import annotations

import base64
import json
import struct
from typing import Any

import httpx
import pydantic
import pytest
import respx

import llmswitch
from llmswitch import (
    NOT_GIVEN,
    APIStatusError,
    AsyncClient,
    Client,
    ConflictError,
    OpenAIError,
    UnprocessableEntityError,
    UnsupportedParameterError,
    omit,
)
from llmswitch.errors import parse_retry_after
from llmswitch.testing import mock_provider

BASE = "https://api.openai.com/v1"
HI = [{"role": "user", "content": "Hi"}]


def _answer(**extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "gpt-4o",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4},
    }
    body.update(extra)
    return body


def test_openai_constructor_and_a_bare_model_with_only_openai_api_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(json=_answer())
        client = Client()
        resp = client.chat.completions.create(model="gpt-4o", messages=HI)
    assert resp.choices[0].message.content == "ok" and resp.provider == "openai"
    assert route.calls.last.request.headers["authorization"] == "Bearer sk-from-env"
    assert client.api_key == "sk-from-env" and str(client.base_url) == f"{BASE}/"


def test_constructor_options_configure_the_default_provider_and_every_request() -> None:
    with respx.mock() as router:
        route = router.post("http://gateway.local/v1/chat/completions").respond(json=_answer())
        client = Client(
            api_key="sk-given",
            base_url="http://gateway.local/v1",
            organization="org-1",
            project="proj-1",
            default_headers={"X-App": "demo"},
            default_query={"tenant": "t1"},
            max_retries=0,
        )
        client.chat.completions.create(
            model="gpt-4o", messages=HI, extra_query={"trace": "on"}, extra_headers={"X-Call": "1"}
        )
    sent = route.calls.last.request
    assert sent.headers["authorization"] == "Bearer sk-given"
    assert sent.headers["openai-organization"] == "org-1"
    assert sent.headers["openai-project"] == "proj-1"
    assert sent.headers["x-app"] == "demo" and sent.headers["x-call"] == "1"
    assert dict(sent.url.params) == {"tenant": "t1", "trace": "on"}
    assert "sk-given" not in repr(client)
    assert client.default_headers == {"X-App": "demo"} and client.max_retries == 0


def test_copy_and_with_options_share_the_pool_and_override_options() -> None:
    client = Client(api_key="sk-a", timeout=30.0)
    other = client.with_options(timeout=5, max_retries=0, default_headers={"X-B": "b"})
    assert (other.timeout, other.max_retries, other.api_key) == (5, 0, "sk-a")
    assert other.http is client.http and not other.is_closed()
    assert client.copy(api_key="sk-b").api_key == "sk-b" and client.api_key == "sk-a"
    with pytest.raises(ValueError, match="mutually exclusive"):
        client.copy(default_headers={}, set_default_headers={})
    client.close()
    assert client.is_closed()


def test_not_given_and_omit_are_not_sent() -> None:
    with mock_provider("openai") as fake:
        client = Client(fake.config)
        tools: list[Any] = []
        client.chat.completions.create(
            model="openai/gpt-4o",
            messages=HI,
            tools=tools or NOT_GIVEN,
            temperature=omit,
            seed=NOT_GIVEN,
        )
        body = json.loads(fake.requests[-1].content)
    assert not {"tools", "temperature", "seed"} & set(body)


def test_every_openai_parameter_is_accepted_and_declared_per_provider() -> None:
    with mock_provider("openai") as fake:
        client = Client(fake.config)
        client.chat.completions.create(
            model="openai/gpt-4o",
            messages=HI,
            store=True,
            metadata={"k": "v"},
            service_tier="flex",
            reasoning_effort="low",
            verbosity="low",
            prompt_cache_key="key",
            safety_identifier="u1",
        )
        body = json.loads(fake.requests[-1].content)
    assert body["store"] is True and body["reasoning_effort"] == "low"
    with mock_provider("qwen") as fake:
        client = Client(fake.config)
        with pytest.raises(UnsupportedParameterError, match="store"):
            client.chat.completions.create(model="qwen/qwen-plus", messages=HI, store=True)


@pytest.mark.parametrize(
    ("provider", "model", "path", "expected"),
    [
        ("qwen", "qwen-plus", ("parameters", "enable_thinking"), True),
        ("glm", "glm-4.5", ("thinking",), {"type": "enabled"}),
    ],
)
def test_reasoning_effort_maps_onto_each_providers_thinking_switch(
    provider: str, model: str, path: tuple[str, ...], expected: Any
) -> None:
    with mock_provider(provider) as fake:
        client = Client(fake.config)
        client.chat.completions.create(
            model=f"{provider}/{model}", messages=HI, reasoning_effort="high"
        )
        body = json.loads(fake.requests[-1].content)
        client.chat.completions.create(
            model=f"{provider}/{model}", messages=HI, reasoning_effort="minimal"
        )
        off = json.loads(fake.requests[-1].content)
    for key in path:
        body, off = body[key], off[key]
    assert body == expected
    assert off in (False, {"type": "disabled"})


def test_with_raw_response_and_with_streaming_response() -> None:
    with respx.mock() as router:
        router.post(f"{BASE}/chat/completions").mock(
            side_effect=[
                httpx.Response(500, json={"error": {"message": "down"}}),
                httpx.Response(200, json=_answer(), headers={"x-request-id": "req-9"}),
                httpx.Response(200, json=_answer()),
            ]
        )
        client = Client(api_key="sk", retry_policy=llmswitch.RetryPolicy(2, sleep=lambda s: None))
        raw = client.chat.completions.with_raw_response.create(model="gpt-4o", messages=HI)
        assert raw.status_code == 200 and raw.headers["x-request-id"] == "req-9"
        assert raw.request_id == "req-9" and raw.retries_taken == 1
        completion = raw.parse()
        assert completion.choices[0].message.content == "ok"
        with client.chat.completions.with_streaming_response.create(
            model="gpt-4o", messages=HI
        ) as response:
            assert response.status_code == 200
            assert json.loads(response.read())["id"] == "chatcmpl-1"


def test_request_id_and_unknown_fields_are_kept_and_dump_has_openai_keys_only() -> None:
    with respx.mock() as router:
        router.post(f"{BASE}/chat/completions").respond(
            json=_answer(brand_new_field={"x": 1}), headers={"x-request-id": "req-1"}
        )
        resp = Client(api_key="sk").chat.completions.create(model="gpt-4o", messages=HI)
    assert resp._request_id == "req-1"
    assert resp.brand_new_field == {"x": 1}  # type: ignore[attr-defined]
    dumped = resp.model_dump()
    assert "provider" not in dumped and "raw" not in dumped
    assert "reasoning_content" not in dumped["choices"][0]["message"]
    usage = {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4}
    assert resp.to_dict()["usage"] == usage
    assert json.loads(resp.to_json())["id"] == "chatcmpl-1"


def test_nested_usage_details_and_logprobs_are_typed() -> None:
    body = _answer(
        usage={
            "prompt_tokens": 3,
            "completion_tokens": 1,
            "total_tokens": 4,
            "prompt_tokens_details": {"cached_tokens": 2},
            "completion_tokens_details": {"reasoning_tokens": 1},
        }
    )
    body["choices"][0]["logprobs"] = {
        "content": [{"token": "ok", "logprob": -0.1, "bytes": [111, 107], "top_logprobs": []}]
    }
    body["choices"][0]["message"]["annotations"] = [
        {"type": "url_citation", "url_citation": {"start_index": 0, "end_index": 2,
                                                  "title": "t", "url": "https://x"}}
    ]  # fmt: skip
    with respx.mock() as router:
        router.post(f"{BASE}/chat/completions").respond(json=body)
        resp = Client(api_key="sk").chat.completions.create(model="gpt-4o", messages=HI)
    assert resp.usage is not None and resp.usage.prompt_tokens_details is not None
    assert resp.usage.prompt_tokens_details.cached_tokens == 2
    assert resp.usage.completion_tokens_details is not None
    assert resp.usage.completion_tokens_details.reasoning_tokens == 1
    choice = resp.choices[0]
    assert choice.logprobs is not None and choice.logprobs.content is not None
    assert choice.logprobs.content[0].token == "ok"
    assert choice.message.annotations is not None
    assert choice.message.annotations[0].url_citation.url == "https://x"


def test_stream_hides_the_usage_chunk_unless_asked_and_next_works() -> None:
    with mock_provider("openai") as fake:
        client = Client(fake.config)
        stream = client.chat.completions.create(model="openai/gpt-4o", messages=HI, stream=True)
        first = next(stream)
        texts = [first.choices[0].delta.content] + [c.choices[0].delta.content for c in stream]
        assert "".join(t or "" for t in texts)
        assert stream.usage is not None and stream.get_final_completion().usage is not None
        asked = client.chat.completions.create(
            model="openai/gpt-4o",
            messages=HI,
            stream=True,
            stream_options={"include_usage": True},
        )
        chunks = list(asked)
    assert chunks[-1].choices == [] and chunks[-1].usage is not None


def test_assembled_completion_keeps_fingerprint_refusal_and_logprobs() -> None:
    frames = [
        {"id": "c", "model": "gpt-4o", "created": 1, "system_fingerprint": "fp_1",
         "choices": [{"index": 0, "delta": {"refusal": "I can"},
                      "logprobs": {"content": None, "refusal": [
                          {"token": "I", "logprob": -0.2, "top_logprobs": []}]}}]},
        {"id": "c", "model": "gpt-4o", "created": 1,
         "choices": [{"index": 0, "delta": {"refusal": "not"}, "finish_reason": "stop"}]},
    ]  # fmt: skip
    body = "".join(f"data: {json.dumps(f)}\n\n" for f in frames) + "data: [DONE]\n\n"
    with respx.mock() as router:
        router.post(f"{BASE}/chat/completions").respond(
            content=body.encode(), headers={"content-type": "text/event-stream"}
        )
        stream = Client(api_key="sk").chat.completions.create(
            model="gpt-4o", messages=HI, stream=True
        )
        final = stream.get_final_completion()
    assert final.system_fingerprint == "fp_1"
    assert final.choices[0].message.refusal == "I cannot"[:5] + "not"
    assert final.choices[0].logprobs is not None
    assert final.choices[0].logprobs.refusal is not None


def test_base64_embeddings_asked_for_stay_strings_and_token_arrays_pass() -> None:
    vector = base64.b64encode(struct.pack("<2f", 0.5, -1.0)).decode()
    answer = {"data": [{"index": 0, "embedding": vector}], "model": "e", "usage": {}}
    with respx.mock() as router:
        route = router.post(f"{BASE}/embeddings").respond(json=answer)
        client = Client(api_key="sk")
        asked = client.embeddings.create(model="e", input=[[1, 2]], encoding_format="base64")
        default = client.embeddings.create(model="e", input="a")
    assert asked.data[0].embedding == vector
    assert default.data[0].embedding == [0.5, -1.0]
    assert json.loads(route.calls[0].request.content)["input"] == [[1, 2]]


def test_models_list_and_retrieve() -> None:
    listing = {"object": "list", "data": [{"id": "gpt-4o", "object": "model", "created": 1,
                                           "owned_by": "openai"}]}  # fmt: skip
    with respx.mock() as router:
        router.get(f"{BASE}/models").respond(json=listing)
        router.get(f"{BASE}/models/gpt-4o").respond(json=listing["data"][0])
        client = Client(api_key="sk")
        page = client.models.list()
        one = client.models.retrieve("gpt-4o")
    assert [m.id for m in page] == ["gpt-4o"] and one.owned_by == "openai"
    with pytest.raises(ValueError, match="non-empty"):
        client.models.retrieve("")


def test_error_attributes_and_status_classes() -> None:
    error_body = {"error": {"message": "bad", "type": "invalid_request_error",
                            "param": "messages", "code": None}}  # fmt: skip
    with respx.mock() as router:
        router.post(f"{BASE}/chat/completions").mock(
            side_effect=[
                httpx.Response(400, json=error_body),
                httpx.Response(409, json={"error": {"message": "busy"}}),
                httpx.Response(422, json={"error": {"message": "no"}}),
            ]
        )
        client = Client(api_key="sk", max_retries=0)
        with pytest.raises(APIStatusError) as info:
            client.chat.completions.create(model="gpt-4o", messages=HI)
        with pytest.raises(ConflictError):
            client.chat.completions.create(model="gpt-4o", messages=HI)
        with pytest.raises(UnprocessableEntityError):
            client.chat.completions.create(model="gpt-4o", messages=HI)
    error = info.value
    assert isinstance(error, OpenAIError)
    assert (error.status_code, error.param, error.type, error.code) == (
        400, "messages", "invalid_request_error", None,
    )  # fmt: skip
    assert error.body == error_body["error"]
    assert error.response is not None and error.response.status_code == 400
    assert error.request is not None and error.request.url.path.endswith("/chat/completions")


def test_malformed_retry_after_date_is_ignored() -> None:
    assert parse_retry_after({"retry-after": "Mon, 99 Foo 0000 99:99:99 GMT"}) is None
    assert parse_retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 +9999"}) in (None, 0.0)


def test_parse_with_a_pydantic_model_on_openai_and_beta_path() -> None:
    class City(pydantic.BaseModel):
        name: str
        population: int

    with mock_provider("openai") as fake:
        fake.reply('{"name": "Paris", "population": 2100000}')
        fake.reply('{"name": "Lyon", "population": 500000}')
        client = Client(fake.config)
        parsed = client.chat.completions.parse(model="openai/gpt-4o", messages=HI,
                                               response_format=City)  # fmt: skip
        beta = client.beta.chat.completions.parse(model="openai/gpt-4o", messages=HI,
                                                  response_format=City)  # fmt: skip
        sent = json.loads(fake.requests[0].content)["response_format"]
    assert parsed.choices[0].message.parsed == City(name="Paris", population=2100000)
    assert beta.choices[0].message.parsed is not None
    assert sent["type"] == "json_schema" and sent["json_schema"]["strict"] is True
    with pytest.raises(TypeError, match="parse"):
        client.chat.completions.create(model="openai/gpt-4o", messages=HI, response_format=City)


async def test_async_twins_raw_response_and_next() -> None:
    with mock_provider("openai") as fake:
        async with AsyncClient(fake.config) as client:
            raw = await client.chat.completions.with_raw_response.create(
                model="openai/gpt-4o", messages=HI
            )
            assert raw.parse().choices[0].message.content
            stream = await client.chat.completions.create(
                model="openai/gpt-4o", messages=HI, stream=True
            )
            first = await stream.__anext__()
            assert first.choices
            await stream.close()


def test_config_path_says_which_file_was_loaded(tmp_path: Any) -> None:
    path = tmp_path / "llmswitch.toml"
    path.write_text('[defaults]\nprovider = "qwen"\n', encoding="utf-8")
    client = Client(str(path))
    assert client.config_path == str(path) and client.config.trusted
    assert Client({"defaults": {"provider": "qwen"}}).config_path is None


def test_a_float_timeout_is_a_deadline_and_the_default_is_per_operation() -> None:
    with mock_provider("openai") as fake:
        Client(fake.config, timeout=3.0).chat.completions.create(model="openai/m", messages=HI)
        with_float = fake.requests[-1].extensions
        Client(fake.config).chat.completions.create(model="openai/m", messages=HI)
        default = fake.requests[-1].extensions
    assert with_float["timeout"]["read"] == 3.0
    assert default["timeout"] == httpx.Timeout(600.0, connect=5.0).as_dict()


def test_a_wrong_http_client_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match="Invalid `http_client`"):
        Client(http_client=httpx.AsyncClient())  # type: ignore[arg-type]

    class Httpx2Client:  # what openai-python 3.x users hold (its module is httpx2)
        pass

    Httpx2Client.__module__ = "httpx2._client"
    with pytest.raises(TypeError, match="httpx2 client"):
        Client(http_client=Httpx2Client())  # type: ignore[arg-type]
