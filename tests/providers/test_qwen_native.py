"""Qwen native (DashScope) adapter against the fixtures captured from the dashscope SDK
(tests/fixtures/qwen/native_*). Where llmswitch deliberately sends something else, the test
says what and why."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

from conftest import fixture_bytes, fixture_json, scenarios
from llmswitch import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    Client,
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    RateLimitError,
)
from llmswitch.errors import InvalidRequestError

BASE = "https://dashscope.aliyuncs.com/api/v1"
TEXT_URL = f"{BASE}/services/aigc/text-generation/generation"
PARSED = fixture_json("qwen", "native_sdk_parsed_results.json")["results"]
V2_PARSED = fixture_json("qwen", "native_v2client_parsed_results.json")["results"]
# Headers that are SDK telemetry or transport details, not part of the API contract.
IGNORED = (
    "host", "user-agent", "accept-encoding", "connection", "content-length", "content-type",
    "accept", "x-dashscope-sdk-", "x-accel-buffering",
)  # fmt: skip


def client(**table: Any) -> Client:
    return Client({"providers": {"qwen": {"api_key": "sk-test", **table}}}, max_retries=0)


def call_from_native(body: dict[str, Any]) -> dict[str, Any]:
    """The llmswitch call that means the same as the SDK's native ``body``."""
    kwargs = {k: v for k, v in body["parameters"].items()
              if k not in ("result_format", "incremental_output")}  # fmt: skip
    kwargs["model"] = "qwen/" + body["model"]
    kwargs["messages"] = body["input"]["messages"]
    return kwargs


def assert_same_request(sent: httpx.Request, captured: dict[str, Any]) -> None:
    assert sent.method == captured["method"]
    assert sent.url.path == captured["path"]
    assert json.loads(sent.content) == captured["body_json"]
    for key, value in captured["headers"].items():
        if not key.lower().startswith(IGNORED):
            assert sent.headers.get(key) == value, key


def respond(router: respx.MockRouter, name: str, url: str = TEXT_URL) -> respx.Route:
    answer = fixture_json("qwen", f"{name}.response.json")
    return router.post(url).respond(
        answer["status"], json=answer["body"], headers=answer["headers"]
    )


def test_every_native_scenario_is_covered() -> None:
    covered = {
        "native_chat_plain", "native_chat_system", "native_chat_tools", "native_chat_tool_result",
        "native_chat_text_format", "native_multimodal_chat", "native_embeddings",
        "native_chat_stream_incremental", "native_chat_stream_sdk_merge",
        "native_chat_stream_cumulative", "native_chat_stream_tools", "native_stream_error_event",
        "native_stream_http400_sse_body", "native_error_context_length",
        "native_error_data_inspection", "native_error_invalid_api_key", "native_error_throttling",
        "native_v2client_chat", "native_v2client_stream",
    }  # fmt: skip
    assert {n for n in scenarios("qwen", ".request.json") if n.startswith("native_")} == covered


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("native_chat_plain", {}),
        ("native_chat_system", {"workspace": "ws-demo123"}),
        ("native_chat_tools", {}),
        ("native_chat_tool_result", {}),
    ],
)
def test_chat_request_matches_sdk_and_answer_parses(name: str, table: dict[str, Any]) -> None:
    captured = fixture_json("qwen", f"{name}.request.json")
    with respx.mock() as router:
        route = respond(router, name)
        resp = client(**table).chat.completions.create(**call_from_native(captured["body_json"]))
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED[name.removeprefix("native_")]
    choice = resp.choices[0]
    if "content" in expected:
        assert choice.message.content == expected["content"]
    if "finish_reason" in expected:
        assert choice.finish_reason == expected["finish_reason"]
    if "tool_calls" in expected:
        wanted = expected["tool_calls"][0]
        call = choice.message.tool_calls[0]  # type: ignore[index]
        assert (call.id, call.function.name, call.function.arguments) == (
            wanted["id"], wanted["function"]["name"], wanted["function"]["arguments"],
        )  # fmt: skip
    if "usage" in expected:
        usage = expected["usage"]
        assert resp.usage is not None
        assert resp.usage.prompt_tokens == usage["input_tokens"]
        assert resp.usage.completion_tokens == usage["output_tokens"]
        assert resp.usage.total_tokens == usage["total_tokens"]
        details = resp.usage.prompt_tokens_details
        dumped = details.model_dump(exclude_none=True) if details else None
        assert dumped == usage.get("prompt_tokens_details")
    assert resp.id == "5b7a3c1e-8f2d-9c4b-a1e6-0d3f7b2c9e15"
    assert resp.model == "qwen-plus"
    assert resp.provider == "qwen"
    assert resp.raw["request_id"] == resp.id


def test_text_format_answer_parses_but_we_always_send_messages() -> None:
    # Deliberate: llmswitch sends input.messages with result_format "message" (tools need it);
    # the SDK's legacy prompt call sent input.prompt. The legacy "output.text" answer still parses.
    with respx.mock() as router:
        route = respond(router, "native_chat_text_format")
        resp = client().chat.completions.create(
            model="qwen/qwen-turbo", messages=[{"role": "user", "content": "你好"}]
        )
    sent = json.loads(route.calls.last.request.content)
    assert sent["input"] == {"messages": [{"role": "user", "content": "你好"}]}
    assert sent["parameters"] == {"result_format": "message"}
    expected = PARSED["chat_text_format"]
    assert resp.choices[0].message.content == expected["text"]
    assert resp.choices[0].finish_reason == expected["finish_reason"]
    assert resp.usage is not None and resp.usage.total_tokens == expected["usage"]["total_tokens"]


def test_multimodal_model_uses_multimodal_endpoint_and_openai_parts_are_translated() -> None:
    captured = fixture_json("qwen", "native_multimodal_chat.request.json")
    url = f"{BASE}/services/aigc/multimodal-generation/generation"
    messages = [{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "https://example.com/dog.jpg"}},
        {"type": "text", "text": "图里是什么？"},
    ]}]  # fmt: skip
    with respx.mock() as router:
        route = respond(router, "native_multimodal_chat", url)
        resp = client().chat.completions.create(model="qwen/qwen-vl-plus", messages=messages)
    # The 1.x SDK of this capture sent no result_format on this path; dashscope 2.0.2 sends
    # "message" on both paths (fixtures qwen/wire2026/native_mm_text_only), as llmswitch does.
    captured["body_json"]["parameters"]["result_format"] = "message"
    assert_same_request(route.calls.last.request, captured)
    assert resp.choices[0].message.content == "图中是一只在草地上奔跑的狗。"
    assert resp.usage is not None and resp.usage.total_tokens == 1283


def test_image_part_sends_a_text_model_name_to_the_multimodal_endpoint() -> None:
    messages = [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "what?"},
                {"type": "image_url", "image_url": "https://x/y.png"},
            ],
        }
    ]
    with respx.mock() as router:
        route = respond(router, "native_multimodal_chat",
                        f"{BASE}/services/aigc/multimodal-generation/generation")  # fmt: skip
        client().chat.completions.create(model="qwen/qwen-max", messages=messages)
    sent = json.loads(route.calls.last.request.content)
    assert sent["input"]["messages"][0]["content"] == [
        {"text": "what?"},
        {"image": "https://x/y.png"},
    ]


def test_text_parts_are_joined_into_a_string_for_text_models() -> None:
    messages = [{"role": "developer", "content": [{"type": "text", "text": "Be "},
                                                  {"type": "text", "text": "brief."}]},
                {"role": "user", "content": "hi"}]  # fmt: skip
    with respx.mock() as router:
        route = respond(router, "native_chat_plain")
        client().chat.completions.create(model="qwen/qwen-plus", messages=messages)
    sent = json.loads(route.calls.last.request.content)["input"]["messages"]
    assert sent == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}]


def stream_call(name: str, **table: Any) -> tuple[httpx.Request, list[Any], Any]:
    captured = fixture_json("qwen", f"{name}.request.json")
    meta = fixture_json("qwen", f"{name}.response.meta.json")
    with respx.mock() as router:
        route = router.post(url__regex=r".*/generation$").respond(
            meta["status"], content=fixture_bytes("qwen", f"{name}.response.sse"),
            headers=meta["headers"],
        )  # fmt: skip
        kwargs = call_from_native(captured["body_json"])
        with client(**table).chat.completions.create(stream=True, **kwargs) as stream:
            chunks = list(stream)
            final = stream.get_final_completion()
    return route.calls.last.request, chunks, final


@pytest.mark.parametrize("name", ["native_chat_stream_incremental", "native_chat_stream_sdk_merge"])
def test_incremental_stream_request_matches_and_deltas_finish_and_usage_parse(name: str) -> None:
    sent, chunks, final = stream_call(name)
    assert_same_request(sent, fixture_json("qwen", f"{name}.request.json"))
    assert sent.headers["x-dashscope-sse"] == "enable"
    assert "stream" not in json.loads(sent.content)  # streaming is a header, not a body field
    expected = PARSED["chat_stream_incremental"]
    assert len(chunks) == expected["n_chunks"]
    assert [c.choices[0].delta.content for c in chunks] == expected["deltas"]
    # DashScope's string "null" while running is normalised to None.
    assert [c.choices[0].finish_reason for c in chunks] == [None] * 4 + ["stop"]
    # Cumulative usage in every frame is reported once, on the final chunk.
    assert [c.usage is not None for c in chunks] == [False] * 4 + [True]
    usage = expected["last_usage"]
    assert final.usage.prompt_tokens == usage["input_tokens"]
    assert final.usage.completion_tokens == usage["output_tokens"]
    assert final.usage.total_tokens == usage["total_tokens"]
    assert final.choices[0].message.content == "".join(expected["deltas"])
    assert {c.id for c in chunks} == set(expected["request_ids"])


def test_cumulative_stream_is_turned_into_deltas() -> None:
    # Deliberate differences from the SDK capture (qwen-omni-turbo via the legacy Generation
    # call): llmswitch always sends incremental_output true, and sends omni models to the
    # multimodal endpoint unless config pins the endpoint, as done here to compare the body.
    endpoint = {"qwen-omni-turbo": "services/aigc/text-generation/generation"}
    sent, chunks, final = stream_call("native_chat_stream_cumulative", endpoints=endpoint)
    captured = fixture_json("qwen", "native_chat_stream_cumulative.request.json")
    body = json.loads(sent.content)
    assert body["parameters"].pop("incremental_output") is True
    assert captured["body_json"]["parameters"].pop("incremental_output") is False
    assert body == captured["body_json"]
    texts = PARSED["chat_stream_cumulative"]["texts"]
    assert len(chunks) == PARSED["chat_stream_cumulative"]["n_chunks"]
    assert [c.choices[0].delta.content for c in chunks] == ["你好", "！我是", "通义千问", "。", ""]
    assert final.choices[0].message.content == texts[-1]
    assert final.usage.total_tokens == 15


def test_stream_tool_call_fragments_are_joined() -> None:
    sent, chunks, final = stream_call("native_chat_stream_tools")
    assert_same_request(sent, fixture_json("qwen", "native_chat_stream_tools.request.json"))
    expected = PARSED["chat_stream_tools"]
    assert len(chunks) == expected["n_chunks"]
    assert [c.choices[0].finish_reason for c in chunks] == [None, None, None, "tool_calls"]
    call = final.choices[0].message.tool_calls[0]
    assert call.id == "call_8f2b1c9d0e3a4b5c6d7e8f"
    assert call.function.name == "get_current_weather"
    assert call.function.arguments == expected["joined_arguments"]
    assert final.usage.total_tokens == 236


def test_error_event_inside_a_200_stream_raises_after_the_chunks_before_it() -> None:
    captured = fixture_json("qwen", "native_stream_error_event.request.json")
    got: list[str] = []
    with respx.mock() as router:
        router.post(TEXT_URL).respond(
            200, content=fixture_bytes("qwen", "native_stream_error_event.response.sse"),
            headers={"content-type": "text/event-stream;charset=UTF-8"},
        )  # fmt: skip
        kwargs = call_from_native(captured["body_json"])
        with pytest.raises(ContentFilterError) as info:  # noqa: SIM117
            with client().chat.completions.create(stream=True, **kwargs) as stream:
                got.extend(c.choices[0].delta.content or "" for c in stream)
    expected = PARSED["stream_error_event"]
    assert got == ["你好"]
    assert info.value.code == expected["codes"][1]
    assert info.value.message == expected["messages"][1]
    assert info.value.status_code == expected["status_codes"][1]
    assert info.value.request_id == "5b7a3c1e-8f2d-9c4b-a1e6-0d3f7b2c9e15"
    assert info.value.retryable is False


def test_http_400_with_an_sse_framed_body_is_mapped() -> None:
    captured = fixture_json("qwen", "native_stream_http400_sse_body.request.json")
    meta = fixture_json("qwen", "native_stream_http400_sse_body.response.meta.json")
    with respx.mock() as router:
        router.post(TEXT_URL).respond(
            400, content=fixture_bytes("qwen", "native_stream_http400_sse_body.response.sse"),
            headers=meta["headers"],
        )  # fmt: skip
        with pytest.raises(ContextLengthExceededError) as info:
            client().chat.completions.create(stream=True, **call_from_native(captured["body_json"]))
    assert info.value.status_code == PARSED["stream_http400_sse_body"]["status_codes"][0]
    assert info.value.code == PARSED["stream_http400_sse_body"]["codes"][0]


def test_stream_cut_before_a_finish_reason_is_a_connection_error() -> None:
    body = fixture_bytes("qwen", "native_chat_stream_incremental.response.sse")
    cut = body[: body.index(b"id:3")]
    with respx.mock() as router:
        router.post(TEXT_URL).respond(
            200, content=cut, headers={"content-type": "text/event-stream"}
        )
        stream = client().chat.completions.create(
            model="qwen/qwen-plus", messages=[{"role": "user", "content": "x"}], stream=True
        )
        with pytest.raises(APIConnectionError, match="finish_reason"):
            list(stream)


@pytest.mark.parametrize(
    ("name", "cls", "retryable"),
    [
        ("native_error_invalid_api_key", AuthenticationError, False),
        ("native_error_data_inspection", ContentFilterError, False),
        ("native_error_throttling", RateLimitError, True),
        ("native_error_context_length", ContextLengthExceededError, False),
    ],
)
def test_error_answers_map_to_typed_errors(name: str, cls: type, retryable: bool) -> None:
    # The SDK returns status_code/code/message; llmswitch raises the class the code means.
    captured = fixture_json("qwen", f"{name}.request.json")
    with respx.mock() as router:
        route = respond(router, name)
        with pytest.raises(cls) as info:
            client().chat.completions.create(**call_from_native(captured["body_json"]))
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED[name.removeprefix("native_")]
    error = info.value
    assert type(error) is cls
    assert (error.status_code, error.code, error.message, error.request_id) == (
        expected["status_code"], expected["code"], expected["message"], expected["request_id"],
    )  # fmt: skip
    assert error.retryable is retryable


def test_business_code_in_a_200_body_is_an_error() -> None:
    # The v2 SDK treats HTTP 200 with a "code" as a failure (native_v2client_parsed_results).
    expected = V2_PARSED["v2_error_http200_business_code"]
    with respx.mock() as router:
        router.post(TEXT_URL).respond(
            200, json={"code": "Throttling", "message": "Requests throttling triggered.",
                       "request_id": "r-1"},
        )  # fmt: skip
        with pytest.raises(RateLimitError) as info:
            client().chat.completions.create(
                model="qwen/qwen-plus", messages=[{"role": "user", "content": "x"}]
            )
    assert (type(info.value).__name__, info.value.code, info.value.status_code) == (
        expected["type"], expected["code"], expected["status"],
    )  # fmt: skip
    assert info.value.retryable is True


@pytest.mark.parametrize("name", ["native_v2client_chat", "native_v2client_stream"])
def test_request_matches_the_v2_client_too(name: str) -> None:
    captured = fixture_json("qwen", f"{name}.request.json")
    stream = "stream" in name
    answer = {
        "output": {"choices": [{"message": {"content": "你好！", "role": "assistant"},
                                "finish_reason": "stop"}]},
        "usage": {"input_tokens": 9, "output_tokens": 3, "total_tokens": 12},
        "request_id": "5b7a3c1e-8f2d-9c4b-a1e6-0d3f7b2c9e15",
    }  # fmt: skip
    data = json.dumps(answer, ensure_ascii=False).encode()
    frame = b"id:1\nevent:result\n:HTTP_STATUS/200\ndata:" + data + b"\n\n"
    with respx.mock() as router:
        if stream:
            route = router.post(TEXT_URL).respond(
                200, content=frame, headers={"content-type": "text/event-stream"}
            )
        else:
            route = router.post(TEXT_URL).respond(200, content=data)
        qwen = client(workspace="ws-demo123")
        kwargs = call_from_native(captured["body_json"])
        if stream:
            with qwen.chat.completions.create(stream=True, **kwargs) as s:
                content = s.get_final_completion().choices[0].message.content
        else:
            content = qwen.chat.completions.create(**kwargs).choices[0].message.content
    assert_same_request(route.calls.last.request, captured)
    assert content == V2_PARSED["v2_chat"]["content"]


def test_embeddings_request_matches_and_text_index_order_is_kept() -> None:
    captured = fixture_json("qwen", "native_embeddings.request.json")
    answer = fixture_json("qwen", "native_embeddings.response.json")
    body = answer["body"]
    body["output"]["embeddings"].reverse()  # the answer may come in any order
    with respx.mock() as router:
        route = router.post(f"{BASE}/services/embeddings/text-embedding/text-embedding").respond(
            200, json=body
        )
        resp = client().embeddings.create(
            model="qwen/text-embedding-v4", input=["风急天高猿啸哀", "渚清沙白鸟飞回"],
            dimensions=1024, extra_body={"text_type": "document"},
        )  # fmt: skip
    assert_same_request(route.calls.last.request, captured)
    expected = PARSED["embeddings"]
    assert len(resp.data) == expected["n"]
    assert [d.index for d in resp.data] == [0, 1]
    assert resp.data[0].embedding == [-0.0063, 0.0218, -0.0171, 0.0312]
    assert resp.usage is not None and resp.usage.total_tokens == expected["usage"]["total_tokens"]
    assert resp.model == "text-embedding-v4"
    assert resp.raw["request_id"] == expected["request_id"]


@pytest.mark.parametrize(
    ("region", "host"),
    [
        (None, "dashscope.aliyuncs.com"),
        ("cn-beijing", "dashscope.aliyuncs.com"),
        ("singapore", "dashscope-intl.aliyuncs.com"),
        ("ap-southeast-1", "dashscope-intl.aliyuncs.com"),
        ("us", "dashscope-us.aliyuncs.com"),
        ("cn-hongkong", "cn-hongkong.dashscope.aliyuncs.com"),
    ],
)
def test_region_selects_the_host(region: str | None, host: str) -> None:
    from llmswitch.providers._base import ChatParams

    table = {"region": region} if region else {}
    adapter = client(**table).adapter("qwen")
    request = adapter.build_chat_request(
        ChatParams("qwen-plus", [{"role": "user", "content": "x"}])
    )
    assert request.url.host == host
    assert request.url.path == "/api/v1/services/aigc/text-generation/generation"


def test_base_url_overrides_region_and_unknown_region_is_a_config_error() -> None:
    from llmswitch import ConfigError
    from llmswitch.providers._base import ChatParams

    params = ChatParams("qwen-plus", [{"role": "user", "content": "x"}])
    adapter = client(base_url="http://127.0.0.1:9/api/v1/", region="us").adapter("qwen")
    assert str(adapter.build_chat_request(params).url).startswith("http://127.0.0.1:9/api/v1/serv")
    with pytest.raises(ConfigError, match="region"):
        client(region="mars").adapter("qwen")


def test_sampling_ranges_are_mapped_and_out_of_range_values_rejected() -> None:
    with respx.mock() as router:
        route = respond(router, "native_chat_plain")
        client().chat.completions.create(
            model="qwen/qwen-plus", messages=[{"role": "user", "content": "x"}],
            temperature=2.0, top_p=0.0, max_completion_tokens=9,
            response_format={"type": "json_object"},
            extra_body={"enable_search": True, "search_options": {"forced_search": True}},
        )  # fmt: skip
    parameters = json.loads(route.calls.last.request.content)["parameters"]
    assert parameters == {
        "result_format": "message", "temperature": 1.99, "top_p": 0.01, "max_tokens": 9,
        "response_format": {"type": "json_object"}, "enable_search": True,
        "search_options": {"forced_search": True},
    }  # fmt: skip
    for bad in ({"temperature": 2.5}, {"top_p": 1.5}, {"seed": -1}):
        with pytest.raises(InvalidRequestError):
            client().chat.completions.create(
                model="qwen/qwen-plus", messages=[{"role": "user", "content": "x"}], **bad
            )


def test_unsupported_parameters_raise_unless_dropped() -> None:
    from llmswitch import UnsupportedParameterError

    with pytest.raises(UnsupportedParameterError, match="frequency_penalty"):
        client().chat.completions.create(
            model="qwen/qwen-plus", messages=[{"role": "user", "content": "x"}],
            frequency_penalty=0.5,
        )  # fmt: skip


def test_unknown_code_keeps_the_status_class_and_raw_body() -> None:
    adapter = client().adapter("qwen")
    error = adapter.map_error(418, b'{"code":"Teapot","message":"short and stout"}', {})
    assert type(error) is APIStatusError
    assert error.code == "Teapot" and "stout" in (error.raw or "")


def test_in_stream_error_takes_its_status_from_the_http_status_comment() -> None:
    frame = (
        b"id:1\nevent:result\n:HTTP_STATUS/200\n"
        b'data:{"output":{"choices":[{"message":{"role":"assistant","content":"hi"},'
        b'"finish_reason":"null"}]},"request_id":"r1"}\n\n'
        b"id:2\nevent:error\n:HTTP_STATUS/503\n"
        b'data:{"code":"SomethingNew","message":"upstream busy","request_id":"r1"}\n\n'
    )
    with respx.mock() as router:
        router.post(TEXT_URL).respond(
            200, content=frame, headers={"content-type": "text/event-stream"}
        )
        with pytest.raises(InternalServerError) as info:  # noqa: SIM117
            with client().chat.completions.create(
                model="qwen/qwen-plus", messages=[{"role": "user", "content": "x"}], stream=True
            ) as stream:
                list(stream)
    assert info.value.status_code == 503
    assert info.value.code == "SomethingNew"
