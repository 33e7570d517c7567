"""GLM (Zhipu v4) adapter against the fixtures captured from the zhipuai SDK
(tests/fixtures/glm). Where llmswitch deliberately sends something else, the test says so."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

from conftest import fixture_bytes, fixture_json, scenarios
from llmswitch import (
    AuthenticationError,
    Client,
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    NotFoundError,
    QuotaExceededError,
    RateLimitError,
)

BASE = "https://open.bigmodel.cn/api/paas/v4"
PARSED = fixture_json("glm", "sdk_parsed_results.json")["results"]
# SDK telemetry and transport headers; not part of the API contract.
IGNORED = (
    "host", "user-agent", "accept-encoding", "connection", "content-length", "content-type",
    "accept", "zhipuai-sdk-ver", "source_type", "x-request-sdk", "x-source-channel",
)  # fmt: skip
# The SDK sends these as null when the caller did not set them; llmswitch leaves unset fields
# out (spec 3.3: "a client should omit unset fields").
SDK_NULLS = ("response_format", "thinking")


def client(**table: Any) -> Client:
    return Client(
        {"providers": {"glm": {"api_key": "abc123.secretsecret", **table}}}, max_retries=0
    )


def assert_same_request(sent: httpx.Request, captured: dict[str, Any]) -> None:
    assert sent.method == captured["method"]
    assert sent.url.path == captured["path"]
    wanted = {k: v for k, v in captured["body_json"].items()
              if not (k in SDK_NULLS and v is None)}  # fmt: skip
    assert json.loads(sent.content) == wanted
    for key, value in captured["headers"].items():
        if not key.lower().startswith(IGNORED):
            assert sent.headers.get(key) == value, key


def respond(router: respx.MockRouter, name: str) -> respx.Route:
    answer = fixture_json("glm", f"{name}.response.json")
    path = "embeddings" if name == "embeddings" else "chat/completions"
    return router.post(f"{BASE}/{path}").respond(
        answer["status"], json=answer["body"], headers=answer["headers"]
    )


USER = {"role": "user", "content": "北京天气怎么样？"}
WEATHER_TOOL = fixture_json("glm", "chat_tools.request.json")["body_json"]["tools"]
# The llmswitch call (OpenAI terms) behind each SDK capture.
CALLS: dict[str, dict[str, Any]] = {
    "chat_plain": {"model": "glm/glm-4-plus", "messages": [{"role": "user", "content": "你好"}]},
    "chat_system": {
        "model": "glm/glm-4-plus",
        "messages": [
            {"role": "system", "content": "You are a helpful assistant. Answer in French."},
            {"role": "user", "content": "Hello"},
        ],
        "temperature": 1.0,
        "top_p": 1.0,
        "max_tokens": 256,
        "stop": ["\n\n"],
        "user": "user-42",
        "extra_body": {"request_id": "my-req-0001"},
    },
    "chat_temperature_zero": {
        "model": "glm/glm-4-flash",
        "messages": [{"role": "user", "content": "Say OK"}],
        "temperature": 0,
    },
    "chat_tools": {
        "model": "glm/glm-4-plus",
        "messages": [USER],
        "tools": WEATHER_TOOL,
        "tool_choice": "auto",
    },
    "chat_tool_result": {
        "model": "glm/glm-4-plus",
        "messages": fixture_json("glm", "chat_tool_result.request.json")["body_json"]["messages"],
        "tools": WEATHER_TOOL,
    },
    "chat_web_search": {
        "model": "glm/glm-4-plus",
        "messages": [{"role": "user", "content": "2025年春节放假几天？"}],
        "tools": [
            {
                "type": "web_search",
                "web_search": {
                    "enable": True,
                    "search_result": True,
                    "search_query": "2025 春节 放假 安排",
                },
            }
        ],
    },
}
ERRORS = {
    "error_401_auth": (AuthenticationError, False),
    "error_400_prompt_too_long": (ContextLengthExceededError, False),
    "error_400_sensitive": (ContentFilterError, False),
    "error_429_concurrency": (RateLimitError, True),
    "error_429_arrears": (QuotaExceededError, False),
    "error_400_model_not_found": (NotFoundError, False),
    "error_500_internal": (InternalServerError, True),
}
STREAMS = ("chat_stream", "chat_stream_tools", "chat_stream_sensitive", "stream_error_frame")


def test_every_glm_scenario_is_covered() -> None:
    covered = {*CALLS, *ERRORS, *STREAMS, "embeddings", "chat_plain_jwt_auth"}
    assert set(scenarios("glm", ".request.json")) == covered


@pytest.mark.parametrize("name", sorted(CALLS))
def test_chat_request_matches_sdk_and_answer_parses(name: str) -> None:
    captured = fixture_json("glm", f"{name}.request.json")
    with respx.mock() as router:
        route = respond(router, name)
        resp = client().chat.completions.create(**CALLS[name])
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED[name]
    message = resp.choices[0].message
    if "content" in expected:
        assert message.content == expected["content"]
    if "finish_reason" in expected:
        assert resp.choices[0].finish_reason == expected["finish_reason"]
    if "tool_call" in expected:
        call = message.tool_calls[0]  # type: ignore[index]
        assert call.id == expected["tool_call"]["id"]
        assert call.function.name == expected["tool_call"]["name"]
        assert json.loads(call.function.arguments) == expected["tool_call"]["arguments"]
    if "usage" in expected:
        assert resp.usage is not None
        assert resp.usage.model_dump(exclude_none=True) == expected["usage"]
    if expected.get("web_search_in_model"):
        assert resp.raw["web_search"][0]["refer"] == "[ref_1]"
    assert resp.provider == "glm"
    assert resp.raw["request_id"] == "20250101120000a1b2c3d4e5f6a7b8c9"


def test_temperature_zero_is_greedy_inside_glms_open_interval() -> None:
    # Documented mapping, as the SDK does: temperature 0 → do_sample false, temperature 0.01.
    with respx.mock() as router:
        route = respond(router, "chat_temperature_zero")
        client().chat.completions.create(**CALLS["chat_temperature_zero"])
    body = json.loads(route.calls.last.request.content)
    assert (body["do_sample"], body["temperature"]) == (False, 0.01)


def test_stop_string_and_max_completion_tokens_are_mapped() -> None:
    with respx.mock() as router:
        route = respond(router, "chat_plain")
        client().chat.completions.create(
            model="glm/glm-4-plus", messages=[{"role": "developer", "content": "Be brief."}],
            stop="END", max_completion_tokens=5, temperature=0.5, top_p=0.0, seed=3,
        )  # fmt: skip
    body = json.loads(route.calls.last.request.content)
    assert body == {
        "model": "glm-4-plus", "messages": [{"role": "system", "content": "Be brief."}],
        "stop": ["END"], "max_tokens": 5, "temperature": 0.5, "do_sample": True, "top_p": 0.01,
        "seed": 3,
    }  # fmt: skip


def stream(name: str) -> tuple[httpx.Request, list[Any], Any, BaseException | None]:
    captured = fixture_json("glm", f"{name}.request.json")
    meta = fixture_json("glm", f"{name}.response.meta.json")
    chunks: list[Any] = []
    final = error = None
    kwargs = {"model": "glm/glm-4-plus", "messages": captured["body_json"]["messages"]}
    if "tools" in captured["body_json"]:
        kwargs["tools"] = captured["body_json"]["tools"]
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(
            meta["status"], content=fixture_bytes("glm", f"{name}.response.sse"),
            headers=meta["headers"],
        )  # fmt: skip
        try:
            with client().chat.completions.create(stream=True, **kwargs) as s:
                for chunk in s:
                    chunks.append(chunk)
                final = s.get_final_completion()
        except Exception as exc:
            error = exc
    assert_same_request(route.calls.last.request, captured)
    return route.calls.last.request, chunks, final, error


def test_stream_text_and_usage_in_the_last_chunk() -> None:
    _, chunks, final, _ = stream("chat_stream")
    expected = PARSED["chat_stream"]
    assert len(chunks) == expected["n_chunks"]
    assert final.choices[0].message.content == expected["text"]
    assert final.choices[0].finish_reason == expected["finish"]
    assert chunks[-1].usage is not None
    assert final.usage.model_dump(exclude_none=True) == {
        k: v for k, v in expected["usage"].items() if v is not None
    }


def test_stream_whole_tool_call_in_one_delta() -> None:
    _, chunks, final, _ = stream("chat_stream_tools")
    expected = PARSED["chat_stream_tools"]
    assert len(chunks) == expected["n_chunks"]
    call = final.choices[0].message.tool_calls[0]
    assert call.id == expected["tool_call"]["id"]
    assert call.function.name == expected["tool_call"]["function"]["name"]
    assert call.function.arguments == expected["tool_call"]["function"]["arguments"]
    assert final.choices[0].finish_reason == expected["finish"]


def test_stream_sensitive_finish_is_content_filter() -> None:
    _, chunks, final, _ = stream("chat_stream_sensitive")
    assert PARSED["chat_stream_sensitive"]["finish"] == "sensitive"
    assert final.choices[0].finish_reason == "content_filter"
    assert chunks[-1].raw["choices"][0]["finish_reason"] == "sensitive"  # kept in raw
    assert final.usage.total_tokens == 9


def test_stream_error_frame_raises_after_the_chunks_before_it() -> None:
    _, chunks, _, error = stream("stream_error_frame")
    expected = PARSED["stream_error_frame"]
    assert [c.choices[0].delta.content for c in chunks] == expected["got"]
    assert isinstance(error, InternalServerError)  # 1234: network error, retryable
    assert error.code == expected["json_data"]["code"]
    assert error.message == expected["json_data"]["message"]
    assert error.retryable is True


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_error_answers_map_to_typed_errors(name: str) -> None:
    # The SDK picks its class from the HTTP status only; llmswitch reads the code, so e.g.
    # 1211 is NotFoundError (SDK: APIRequestFailedError) and 1113 QuotaExceededError.
    cls, retryable = ERRORS[name]
    captured = fixture_json("glm", f"{name}.request.json")
    with respx.mock() as router:
        route = respond(router, name)
        with pytest.raises(cls) as info:
            client().chat.completions.create(model="glm/glm-4-plus", messages=[
                {"role": "user", "content": "x"}])  # fmt: skip
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED[name]
    body = fixture_json("glm", f"{name}.response.json")["body"]["error"]
    error = info.value
    assert type(error) is cls
    assert error.status_code == expected["status_code"]
    assert (error.code, error.message) == (body["code"], body["message"])
    assert error.retryable is retryable
    assert error.request_id == "20250101120000a1b2c3d4e5f6a7b8c9"  # from x-log-id


def test_embeddings_request_matches_and_answer_parses() -> None:
    captured = fixture_json("glm", "embeddings.request.json")
    with respx.mock() as router:
        route = respond(router, "embeddings")
        resp = client().embeddings.create(
            model="glm/embedding-3", input=["美食非常美味", "服务员也很友好"], dimensions=1024
        )
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED["embeddings"]
    assert len(resp.data) == expected["n"]
    assert resp.data[0].embedding == expected["first"]
    assert resp.model == expected["model"]
    assert resp.usage is not None
    assert (resp.usage.prompt_tokens, resp.usage.total_tokens) == (12, 12)
    assert resp.raw["usage"]["completion_tokens"] == 0


@pytest.mark.parametrize(
    ("region", "host"),
    [(None, "open.bigmodel.cn"), ("cn", "open.bigmodel.cn"), ("intl", "api.z.ai"),
     ("global", "api.z.ai")],
)  # fmt: skip
def test_region_selects_the_host(region: str | None, host: str) -> None:
    table = {"region": region} if region else {}
    with respx.mock() as router:
        route = router.post(f"https://{host}/api/paas/v4/chat/completions").respond(
            200, json=fixture_json("glm", "chat_plain.response.json")["body"]
        )
        client(**table).chat.completions.create(**CALLS["chat_plain"])
    assert route.called


@pytest.mark.parametrize("param", ["n", "presence_penalty", "logprobs", "parallel_tool_calls"])
def test_unsupported_parameters_raise(param: str) -> None:
    from llmswitch import UnsupportedParameterError

    value: Any = True if param in ("logprobs", "parallel_tool_calls") else 1
    with pytest.raises(UnsupportedParameterError, match=param):
        client().chat.completions.create(**CALLS["chat_plain"], **{param: value})
