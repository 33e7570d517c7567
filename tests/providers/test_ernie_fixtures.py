"""ERNIE (Qianfan v1 + v2) against the captured SDK fixtures in tests/fixtures/ernie.

Each scenario drives a real ``llmswitch.Client`` over an ``httpx.MockTransport`` that answers
with the fixture's canned answer (and the OAuth token answer for v1). The request llmswitch
sends must equal what the SDK sent (method, path, query, JSON body, auth header) after
removing SDK telemetry (``extra_parameters.request_source``), fields the SDK sent as ``null``
and qianfan's ``"stream": false``; the answer must parse to what the SDK parsed
(``*sdk_parsed_results.json``), with SDK error classes mapped to ours.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import FIXTURES, fixture_bytes, fixture_json
from llmswitch import Client, errors

P = "ernie"
AK, SK = "fake_app_api_key_AK0123", "fake_app_secret_key_SK0123"
V2_KEY = "bce-v3/ALTAK-fakeAccessKeyId0123/fake0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c"
QF = fixture_json(P, "qianfan_sdk_parsed_results.json")["results"]
EB = fixture_json(P, "erniebot_sdk_parsed_results.json")["results"]
OA = fixture_json(P, "openai_v2_sdk_parsed_results.json")["results"]
FUNCTIONS = fixture_json(P, "v1_chat_functions.request.json")["body_json"]["functions"]
V2_TOOLS = fixture_json(P, "v2_chat_tools.request.json")["body_json"]["tools"]
X = [{"role": "user", "content": "x"}]
HELLO = [{"role": "user", "content": "你好"}]


def answer(name: str) -> httpx.Response:
    """The canned answer of a fixture scenario (JSON or byte-exact SSE)."""
    if (FIXTURES / P / f"{name}.response.sse").exists():
        meta = fixture_json(P, f"{name}.response.meta.json")
        raw = fixture_bytes(P, f"{name}.response.sse")
        events = [e + b"\n\n" for e in raw.split(b"\n\n") if e.strip()]  # one event per chunk
        return httpx.Response(meta["status"], headers=meta["headers"], content=iter(events))
    data = fixture_json(P, f"{name}.response.json")
    content = json.dumps(data["body"], ensure_ascii=False).encode()
    return httpx.Response(data["status"], headers=data["headers"], content=content)


class Wire:
    """MockTransport handler: records requests, answers OAuth with a token, else scripted."""

    def __init__(self, *names: str, token: str = "v1_oauth_token") -> None:
        self.script = [answer(n) for n in names]
        self.kinds = [
            "token" if "." in n and "token" in n.rsplit(".", 1)[-1] else "api" for n in names
        ]
        self.token = token
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if request.url.path == "/oauth/2.0/token" and self.kinds[:1] != ["token"]:
            return answer(self.token)
        self.kinds.pop(0)
        return self.script.pop(0)

    @property
    def calls(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path != "/oauth/2.0/token"]


def client(wire: Wire, v1: bool = True, **table: Any) -> Client:
    creds = {"access_key": AK, "secret_key": SK} if v1 else {"api_key": V2_KEY}
    if not v1:
        table.setdefault("app_id", "app-fakeAppId01")
    config = {"providers": {P: {**creds, "base_url": "http://127.0.0.1:18771", **table}}}
    if not v1:
        config["providers"][P]["base_url"] = "http://127.0.0.1:18773/v2"
    return Client(
        config, max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(wire))
    )


def normalized(body: Any, stream_usage: bool = False) -> Any:
    """The SDK's body without telemetry, nulls and ``stream: false``."""
    if body is None:
        return None
    out = {k: v for k, v in body.items() if v is not None and k != "extra_parameters"}
    if out.get("stream") is False:
        del out["stream"]
    if stream_usage and out.get("stream") and "stream_options" not in out:
        out["stream_options"] = {"include_usage": True}  # llmswitch always asks for usage
    return out


def header(fixture: dict[str, Any], name: str) -> str | None:
    return next((v for k, v in fixture["headers"].items() if k.lower() == name), None)


def assert_request(sent: httpx.Request, name: str, *, v2: bool = False) -> None:
    fixture = fixture_json(P, f"{name}.request.json")
    assert sent.method == fixture["method"]
    assert sent.url.path == fixture["path"]
    assert dict(sent.url.params) == fixture["query"]
    body = json.loads(sent.content) if sent.content else None
    assert body == normalized(fixture["body_json"], stream_usage=v2)
    assert sent.headers.get("authorization") == header(fixture, "authorization")
    if v2:
        assert sent.headers.get("appid") == header(fixture, "appid")
    elif fixture["body_json"] is not None:
        assert sent.headers["content-type"] == "application/json"


def chat(c: Client, model: str, messages: list[dict[str, Any]], **kwargs: Any) -> Any:
    if kwargs.get("stream"):
        with c.chat.completions.create(model=f"{P}/{model}", messages=messages, **kwargs) as s:
            chunks = list(s)
            return chunks, s.get_final_completion()
    return c.chat.completions.create(model=f"{P}/{model}", messages=messages, **kwargs)


# ---- v1 success scenarios -----------------------------------------------------------------

SYSTEM_SAMPLING = {
    "messages": [
        {"role": "system", "content": "你是一名简洁的导游，回答不超过30字。"},
        {"role": "user", "content": "用一句话介绍北京"},
        {"role": "assistant", "content": "北京是中国的首都。"},
        {"role": "user", "content": "再说一句"},
    ],
    "temperature": 0.3,
    "top_p": 0.8,
    "stop": ["。\n"],
    "max_tokens": 256,
    "user": "user-42",
    "response_format": {"type": "text"},
    "extra_body": {"penalty_score": 1.2, "disable_search": True, "enable_citation": False},
}
TOOLS = [{"type": "function", "function": f} for f in FUNCTIONS]
FUNCTION_RESULT_MESSAGES = [
    {"role": "user", "content": "北京今天天气怎么样？"},
    {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {
                    "name": "get_current_weather",
                    "arguments": '{"location":"北京","unit":"摄氏度"}',
                },
            }
        ],
    },
    {
        "role": "tool",
        "tool_call_id": "call_1",
        "content": '{"temperature": "25", "unit": "摄氏度", "description": "晴"}',
    },
]


def test_v1_chat_plain() -> None:
    wire = Wire("v1_chat_plain")
    resp = chat(client(wire), "ERNIE-3.5-8K", HELLO)
    assert_request(wire.requests[0], "v1_oauth_token")
    assert_request(wire.calls[0], "v1_chat_plain")
    expected = QF["v1_chat_plain"]
    assert resp.id == expected["id"]
    assert resp.choices[0].message.content == expected["result"]
    assert resp.choices[0].finish_reason == "stop"  # "normal"
    assert (
        resp.usage.model_dump(include={"prompt_tokens", "completion_tokens", "total_tokens"})
        == expected["usage"]
    )
    assert resp.raw["finish_reason"] == "normal"
    assert resp.provider == P


def test_v1_chat_system_sampling() -> None:
    wire = Wire("v1_chat_system_sampling")
    resp = chat(client(wire), "ERNIE-4.0-8K", **SYSTEM_SAMPLING)
    assert_request(wire.calls[0], "v1_chat_system_sampling")
    assert resp.choices[0].message.content == QF["v1_chat_system_sampling"]["result"]
    assert resp.usage.total_tokens == 60


def test_eb_chat_system_sampling() -> None:
    wire = Wire("eb_chat_system_sampling")
    resp = chat(
        client(wire),
        "ERNIE-4.0-8K",
        [
            {"role": "system", "content": "你是一个只说英文的助手"},
            {"role": "user", "content": "介绍一下你自己"},
        ],
        temperature=0.5,
        top_p=0.9,
        stop=["\n\n"],
        user="u-7",
        max_tokens=128,
        response_format={"type": "json_object"},
        extra_body={"penalty_score": 1.1, "disable_search": True},
    )
    assert_request(wire.calls[0], "eb_chat_system_sampling")
    assert resp.choices[0].message.content == EB["eb_chat_system_sampling"]["result"]


@pytest.mark.parametrize("name", ["eb_chat_plain", "v1_chat_plain"])
def test_v1_plain_variants(name: str) -> None:
    wire = Wire(name)
    resp = chat(client(wire), "ernie-3.5-8k", HELLO)
    assert_request(wire.calls[0], name)
    results = EB if name.startswith("eb_") else QF
    assert resp.choices[0].message.content == results[name]["result"]


def test_v1_chat_functions() -> None:
    wire = Wire("v1_chat_functions")
    choice = {"type": "function", "function": {"name": "get_current_weather"}}
    resp = chat(
        client(wire),
        "ERNIE-3.5-8K",
        [{"role": "user", "content": "北京今天天气怎么样？"}],
        tools=TOOLS,
        tool_choice=choice,
    )
    assert_request(wire.calls[0], "v1_chat_functions")
    expected = QF["v1_chat_functions"]["function_call"]
    message = resp.choices[0].message
    assert resp.choices[0].finish_reason == "tool_calls"
    assert message.content is None
    assert len(message.tool_calls) == 1
    assert message.tool_calls[0].id
    assert message.tool_calls[0].function.name == expected["name"]
    assert message.tool_calls[0].function.arguments == expected["arguments"]
    assert resp.raw["function_call"]["thoughts"] == expected["thoughts"]


def test_v1_chat_function_result() -> None:
    wire = Wire("v1_chat_function_result")
    resp = chat(client(wire), "ERNIE-3.5-8K", FUNCTION_RESULT_MESSAGES, tools=TOOLS)
    assert_request(wire.calls[0], "v1_chat_function_result")
    sent = json.loads(wire.calls[0].content)["messages"]
    assert [m["role"] for m in sent] == QF["v1_chat_function_result"]["sent_roles"]
    assert resp.choices[0].message.content == QF["v1_chat_function_result"]["result"]


@pytest.mark.parametrize("name", ["v1_chat_stream", "eb_chat_stream"])
def test_v1_chat_stream(name: str) -> None:
    wire = Wire(name)
    chunks, final = chat(client(wire), "ERNIE-Speed-8K", HELLO, stream=True)
    assert_request(wire.calls[0], name)
    if name.startswith("eb_"):
        expected = EB[name]
        usage = expected["last_usage"]
    else:
        expected = QF[name]
        usage = expected["last"]["usage"]
    assert len(chunks) == expected["n_chunks"]
    assert final.choices[0].message.content == expected["text"]
    assert [c.choices[0].finish_reason for c in chunks] == [None] * (len(chunks) - 1) + ["stop"]
    assert final.usage.total_tokens == usage["total_tokens"]
    assert final.usage.completion_tokens == usage["completion_tokens"]
    assert chunks[0].choices[0].delta.role == "assistant"


def test_v1_chat_stream_function_call() -> None:
    wire = Wire("v1_chat_stream_function_call")
    chunks, final = chat(
        client(wire),
        "ERNIE-3.5-8K",
        [{"role": "user", "content": "北京今天天气怎么样？"}],
        tools=[{"type": "function", "function": f} for f in FUNCTIONS],
        stream=True,
    )
    assert_request(wire.calls[0], "v1_chat_stream_function_call")
    expected = QF["v1_chat_stream_function_call"]
    assert len(chunks) == expected["n_chunks"]
    call = final.choices[0].message.tool_calls[0]
    assert (call.function.name, call.function.arguments) == (
        expected["function_call"]["name"],
        expected["function_call"]["arguments"],
    )
    assert final.choices[0].finish_reason == "tool_calls"


def test_v1_chat_custom_endpoint() -> None:
    wire = Wire("v1_chat_custom_endpoint")
    c = client(wire, endpoints={"my-sft": "my_sft_ep_0001"})
    resp = chat(c, "my-sft", [{"role": "user", "content": "hi"}])
    assert_request(wire.calls[0], "v1_chat_custom_endpoint")
    assert wire.calls[0].url.path == QF["v1_chat_custom_endpoint"]["path"]
    assert resp.choices[0].message.content == QF["v1_chat_custom_endpoint"]["result"]


def test_v1_content_filter_200_is_an_answer_with_content_filter() -> None:
    wire = Wire("v1_content_filter_200")
    resp = chat(client(wire), "ERNIE-3.5-8K", [{"role": "user", "content": "<unsafe prompt>"}])
    assert_request(wire.calls[0], "v1_content_filter_200")
    expected = QF["v1_content_filter_200"]
    assert resp.choices[0].finish_reason == "content_filter"
    assert resp.choices[0].message.content == expected["result"]
    assert (resp.raw["ban_round"], resp.raw["flag"]) == (expected["ban_round"], expected["flag"])


@pytest.mark.parametrize(
    ("name", "model", "results"),
    [("v1_embeddings", "Embedding-V1", QF), ("eb_embeddings", "ernie-text-embedding", EB)],
)
def test_v1_embeddings(name: str, model: str, results: dict[str, Any]) -> None:
    wire = Wire(name)
    texts = json.loads(json.dumps(fixture_json(P, f"{name}.request.json")["body_json"]["input"]))
    resp = client(wire).embeddings.create(model=f"{P}/{model}", input=texts)
    assert_request(wire.calls[0], name)
    expected = results[name]
    assert len(resp.data) == expected["n"]
    assert resp.usage.model_dump() == expected["usage"]
    if "first" in expected:
        assert resp.data[0].embedding[: len(expected["first"])] == expected["first"]


def test_v1_embeddings_second_call_reuses_the_token() -> None:
    """qianfan fetched a token per resource object (.01_token_again_new_resource_object);
    llmswitch fetches once per client."""
    wire = Wire("v1_embeddings", "v1_embeddings")
    c = client(wire)
    for _ in range(2):
        c.embeddings.create(model=f"{P}/Embedding-V1", input=["世界上最高的山", "推荐一本书"])
    tokens = [r for r in wire.requests if r.url.path == "/oauth/2.0/token"]
    assert len(tokens) == 1
    assert_request(tokens[0], "v1_embeddings.01_token_again_new_resource_object")


# ---- v1 errors (HTTP 200 bodies and gateway errors) ----------------------------------------

V1_ERRORS: dict[str, tuple[type[errors.APIError], bool]] = {
    "v1_error_17_daily_limit": (errors.QuotaExceededError, False),
    "v1_error_18_qps": (errors.RateLimitError, True),
    "v1_error_4_cluster_limit": (errors.RateLimitError, True),
    "v1_error_336501_rpm": (errors.RateLimitError, True),
    "v1_error_336502_tpm": (errors.RateLimitError, True),
    "v1_error_336003_invalid_param": (errors.BadRequestError, False),
    "v1_error_336006_messages_odd": (errors.BadRequestError, False),
    "v1_error_336007_input_too_long": (errors.ContextLengthExceededError, False),
    "v1_error_336103_prompt_tokens": (errors.ContextLengthExceededError, False),
    "v1_error_336100_try_again": (errors.InternalServerError, True),
    "v1_error_336004_permission": (errors.PermissionDeniedError, False),
    "v1_error_3_unsupported_method": (errors.NotFoundError, False),
    "v1_error_336000_internal": (errors.InternalServerError, True),
    "v1_error_http403_bce": (errors.AuthenticationError, False),
}


@pytest.mark.parametrize("name", sorted(V1_ERRORS))
def test_v1_errors(name: str) -> None:
    wire = Wire(name)
    cls, retryable = V1_ERRORS[name]
    with pytest.raises(cls) as info:
        chat(client(wire), "ERNIE-3.5-8K", X)
    assert_request(wire.calls[0], name)
    error = info.value
    assert type(error) is cls
    assert error.retryable is retryable
    expected = QF[name]
    if "error_code" in expected:
        assert error.code == str(expected["error_code"])
        body = fixture_json(P, f"{name}.response.json")["body"]
        assert error.message.startswith(body["error_msg"])
        assert error.status_code == 200
        assert (error.request_id or "") in (
            expected["req_id"],
            "8e1d3c2b-4a5f-4e6d-9c8b-7a6f5e4d3c2b",
        )
    else:
        assert error.status_code == expected["status_code"]
        assert "24.fake" not in str(error) and "24.fake" not in (error.raw or "")


def test_eb_error_classes_agree_with_erniebot() -> None:
    """erniebot's classes (RequestLimitError 17, RateLimitError 18, BadRequestError 3360xx,
    TryAgain 336100) line up with ours."""
    mapping = {
        "RequestLimitError": errors.QuotaExceededError,
        "RateLimitError": errors.RateLimitError,
        "BadRequestError": errors.BadRequestError,
        "TryAgain": errors.InternalServerError,
    }
    from llmswitch.providers.ernie.v1_tables import ERROR_CODES

    for result in EB.values():
        sdk = result.get("exception", "").rsplit(".", 1)[-1]
        if sdk in mapping and "ecode" in result:
            assert issubclass(ERROR_CODES[result["ecode"]][0], mapping[sdk])


def test_v1_stream_error_json_body() -> None:
    wire = Wire("v1_stream_error_json_body")
    with pytest.raises(errors.RateLimitError) as info:
        chat(client(wire), "ERNIE-Speed-8K", X, stream=True)
    assert_request(wire.calls[0], "v1_stream_error_json_body")
    assert info.value.code == "336501"
    assert info.value.retryable


@pytest.mark.parametrize(
    "name",
    [
        "v1_stream_error_midstream_data",
        "v1_stream_error_midstream_bare",
        "eb_stream_error_midstream_bare",
    ],
)
def test_v1_stream_error_midstream(name: str) -> None:
    """qianfan raises for both forms; erniebot silently drops the bare line (we raise)."""
    wire = Wire(name)
    got: list[str] = []
    with pytest.raises(errors.InternalServerError) as info:  # noqa: SIM117
        with client(wire).chat.completions.create(
            model=f"{P}/ERNIE-Speed-8K", messages=X, stream=True
        ) as stream:
            for chunk in stream:
                got.append(chunk.choices[0].delta.content or "")
    assert_request(wire.calls[0], name)
    assert got == ["第一句。"]
    assert info.value.code == "336100"


# ---- OAuth ----------------------------------------------------------------------------------


def test_v1_oauth_invalid_client_is_authentication_error() -> None:
    wire = Wire(token="v1_oauth_invalid_client")
    c = Client(
        {
            "providers": {
                P: {
                    "access_key": "unknown_fake_ak",
                    "secret_key": "fake_sk",
                    "base_url": "http://127.0.0.1:18771",
                }
            }
        },
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(wire)),
    )
    with pytest.raises(errors.AuthenticationError) as info:
        chat(c, "ERNIE-3.5-8K", X)
    assert_request(wire.requests[0], "v1_oauth_invalid_client")
    assert info.value.code == "invalid_client"
    assert "unknown client id" in info.value.message
    assert "fake_sk" not in str(info.value)


@pytest.mark.parametrize(
    ("flow", "steps"),
    [
        (
            "v1_token_expired_refresh",
            ["01_token", "02_chat_111", "03_token_refetch", "04_chat_retry"],
        ),
        (
            "v1_token_invalid_110_stream_refresh",
            ["01_token", "02_chat_110", "03_token_refetch", "04_chat_retry"],
        ),
    ],
)
def test_v1_token_refused_in_200_refreshes_once_and_replays(flow: str, steps: list[str]) -> None:
    wire = Wire(*[f"{flow}.{s}" for s in steps])
    stream = "stream" in flow
    out = chat(
        client(wire),
        "ERNIE-Speed-8K" if stream else "ERNIE-3.5-8K",
        X if stream else HELLO,
        stream=stream,
    )
    assert len(wire.requests) == 4
    for sent, step in zip(wire.requests, steps, strict=True):
        assert_request(sent, f"{flow}.{step}")
    if stream:
        chunks, _ = out
        assert [c.choices[0].delta.content or "" for c in chunks] == QF[flow]["results"]
    else:
        assert out.choices[0].message.content == QF[flow]["result"]


@pytest.mark.parametrize(
    ("flow", "first", "retry"),
    [
        ("eb_token_expired_refresh", "01_chat_111", "03_chat_retry"),
        ("v1_token_expired_refresh_suppressed", "02_chat_111", None),
        ("eb_token_expired_refresh_suppressed", "01_chat_111", None),
    ],
)
def test_cached_token_refused_is_refreshed_not_resent(
    flow: str, first: str, retry: str | None
) -> None:
    """The SDKs refuse to re-fetch a token younger than an hour (``*_suppressed``) and fail;
    llmswitch re-fetches at once (checklist E3). erniebot fetches with GET, we with POST."""
    from llmswitch.providers.ernie.auth import _Token

    first_request = fixture_json(P, f"{flow}.{first}.request.json")
    cached = first_request["query"]["access_token"]
    wire = Wire(
        f"{flow}.{first}",
        "v1_token_expired_refresh.04_chat_retry",
        token="v1_token_expired_refresh.03_token_refetch",
    )
    c = client(wire)
    c.adapter(P).auth._token = _Token(cached, float("inf"))  # type: ignore[union-attr]
    resp = chat(c, "ERNIE-3.5-8K", HELLO)
    assert_request(wire.requests[0], f"{flow}.{first}")
    assert wire.requests[1].url.path == "/oauth/2.0/token"
    assert (
        dict(wire.requests[1].url.params) == fixture_json(P, "v1_oauth_token.request.json")["query"]
    )
    assert wire.requests[2].url.params["access_token"] != cached
    if retry:
        assert_request(wire.requests[2], f"{flow}.{retry}")
    assert resp.choices[0].message.content


def test_oauth_token_fetch_matches_qianfan_and_erniebot_query() -> None:
    wire = Wire("v1_chat_plain")
    chat(client(wire), "ERNIE-3.5-8K", HELLO)
    assert_request(wire.requests[0], "v1_oauth_token")
    eb = fixture_json(P, "eb_oauth_token_get.request.json")
    assert dict(wire.requests[0].url.params) == eb["query"]  # erniebot uses GET, same query


def test_v1_chat_iam_signed_is_not_implemented() -> None:
    pytest.skip("IAM AK/SK request signing (bce-auth-v1) for v1 is not implemented; see docs")


# ---- v2 -----------------------------------------------------------------------------------

V2_CALLS: dict[str, Callable[[Client], Any]] = {
    "v2_chat_plain": lambda c: chat(c, "ernie-4.0-turbo-8k", HELLO),
    "qf_v2_chat_plain": lambda c: chat(c, "ernie-4.0-turbo-8k", HELLO),
    "v2_chat_system_sampling": lambda c: chat(
        c,
        "ernie-3.5-8k",
        [
            {"role": "system", "content": "你是一名简洁的导游。"},
            {"role": "user", "content": "用一句话介绍北京"},
        ],
        frequency_penalty=0.2,
        max_completion_tokens=256,
        presence_penalty=0.1,
        seed=42,
        stop=["。\n"],
        temperature=0.3,
        top_p=0.8,
        user="user-42",
        extra_body={"penalty_score": 1.2, "web_search": {"enable": False}},
    ),
    "v2_chat_tools": lambda c: chat(
        c,
        "ernie-4.0-turbo-8k",
        [{"role": "user", "content": "北京今天天气怎么样？"}],
        tool_choice="auto",
        tools=V2_TOOLS,
    ),
    "v2_chat_tool_result": lambda c: chat(
        c,
        "ernie-4.0-turbo-8k",
        fixture_json(P, "v2_chat_tool_result.request.json")["body_json"]["messages"],
        tools=V2_TOOLS,
    ),
    "v2_chat_stream": lambda c: chat(
        c, "ernie-4.0-turbo-8k", HELLO, stream=True, stream_options={"include_usage": True}
    ),
    "v2_chat_stream_tools": lambda c: chat(
        c,
        "ernie-4.0-turbo-8k",
        [{"role": "user", "content": "北京天气"}],
        tools=V2_TOOLS,
        stream=True,
    ),
}


def test_v2_chat_plain() -> None:
    wire = Wire("v2_chat_plain")
    resp = V2_CALLS["v2_chat_plain"](client(wire, v1=False))
    assert_request(wire.requests[0], "v2_chat_plain", v2=True)
    expected = OA["v2_chat_plain"]
    assert (resp.id, resp.choices[0].message.content) == (expected["id"], expected["content"])
    assert resp.usage.total_tokens == expected["usage"]["total_tokens"]
    assert resp.raw["choices"][0]["flag"] == expected["model_extra_on_choice"]["flag"]


@pytest.mark.parametrize(
    "name", ["qf_v2_chat_plain", "v2_chat_system_sampling", "v2_chat_tool_result"]
)
def test_v2_chat_content(name: str) -> None:
    wire = Wire(name)
    resp = V2_CALLS[name](client(wire, v1=False))
    assert_request(wire.requests[0], name, v2=True)
    results = QF if name.startswith("qf_") else OA
    assert resp.choices[0].message.content == results[name]["content"]


def test_qf_v2_iam_bearer_chat_with_a_bearer_token() -> None:
    """Step 02 (chat with an IAM-issued bearer token given as api_key); fetching that token
    (step 01, bce-auth-v1 signed) is not implemented."""
    wire = Wire("qf_v2_iam_bearer.02_chat")
    token = "bce-v3/ALTAK-fakeIAMtoken01/fake9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    c = client(wire, v1=False, api_key=token, app_id=None)
    resp = chat(c, "ernie-4.0-turbo-8k", HELLO)
    fixture = fixture_json(P, "qf_v2_iam_bearer.02_chat.request.json")
    assert json.loads(wire.requests[0].content) == normalized(fixture["body_json"])
    assert wire.requests[0].headers["authorization"] == header(fixture, "authorization")
    assert resp.choices[0].message.content == QF["qf_v2_iam_bearer"]["content"]


def test_v2_chat_tools() -> None:
    wire = Wire("v2_chat_tools")
    resp = V2_CALLS["v2_chat_tools"](client(wire, v1=False))
    assert_request(wire.requests[0], "v2_chat_tools", v2=True)
    expected = OA["v2_chat_tools"]
    assert resp.choices[0].finish_reason == "tool_calls"
    assert [c.model_dump() for c in resp.choices[0].message.tool_calls] == expected["tool_calls"]


@pytest.mark.parametrize("name", ["v2_chat_stream", "v2_chat_stream_tools"])
def test_v2_chat_stream(name: str) -> None:
    wire = Wire(name)
    chunks, final = V2_CALLS[name](client(wire, v1=False))
    assert_request(wire.requests[0], name, v2=True)
    expected = OA[name]
    assert len(chunks) == expected["n_chunks"]
    if "text" in expected:
        assert final.choices[0].message.content == expected["text"]
        assert final.usage.total_tokens == expected["usage"]["total_tokens"]
        assert final.choices[0].finish_reason == expected["finish"][0]
    else:
        call = expected["tool_calls"][0]
        got = final.choices[0].message.tool_calls[0]
        assert (got.id, got.function.name, got.function.arguments) == (
            call["id"],
            call["function"]["name"],
            call["function"]["arguments"],
        )
        assert final.choices[0].finish_reason == expected["finish"]


def test_v2_embeddings() -> None:
    wire = Wire("v2_embeddings")
    resp = client(wire, v1=False).embeddings.create(
        model=f"{P}/embedding-v1", input=["世界上最高的山", "推荐一本书"]
    )
    assert_request(wire.requests[0], "v2_embeddings", v2=True)
    expected = OA["v2_embeddings"]
    assert len(resp.data) == expected["n"]
    assert resp.data[0].embedding == expected["first"]
    assert resp.usage.model_dump() == expected["usage"]


V2_ERRORS: dict[str, tuple[type[errors.APIError], bool]] = {
    "v2_error_401_iam": (errors.AuthenticationError, False),
    "v2_error_400_invalid_model": (errors.BadRequestError, False),
    "v2_error_400_tokens_too_long": (errors.ContextLengthExceededError, False),
    "v2_error_429_rpm": (errors.RateLimitError, True),
    "v2_error_429_tpm": (errors.RateLimitError, True),
    "v2_error_500_internal": (errors.InternalServerError, True),
    "qf_v2_error_400": (errors.BadRequestError, False),
    "qf_v2_error_200_body": (errors.RateLimitError, True),
}


@pytest.mark.parametrize("name", sorted(V2_ERRORS))
def test_v2_errors(name: str) -> None:
    wire = Wire(name)
    cls, retryable = V2_ERRORS[name]
    fixture = fixture_json(P, f"{name}.request.json")
    messages = fixture["body_json"]["messages"]
    with pytest.raises(cls) as info:
        chat(client(wire, v1=False), fixture["body_json"]["model"], messages)
    assert json.loads(wire.requests[0].content) == normalized(fixture["body_json"])
    assert type(info.value) is cls
    assert info.value.retryable is retryable
    body = fixture_json(P, f"{name}.response.json")["body"]["error"]
    assert info.value.code == body["code"]
    assert info.value.message == body["message"]
    assert info.value.status_code == fixture_json(P, f"{name}.response.json")["status"]
    if name in OA:
        assert info.value.status_code == OA[name]["status_code"]


def test_v2_stream_error_event() -> None:
    wire = Wire("v2_stream_error_event")
    got: list[str] = []
    with pytest.raises(errors.InternalServerError) as info:  # noqa: SIM117
        with client(wire, v1=False).chat.completions.create(
            model=f"{P}/ernie-4.0-turbo-8k", messages=X, stream=True
        ) as stream:
            for chunk in stream:
                got.append(chunk.choices[0].delta.content or "")
    assert_request(wire.requests[0], "v2_stream_error_event", v2=True)
    assert got == OA["v2_stream_error_event"]["got"]
    assert info.value.code == OA["v2_stream_error_event"]["code"]


# ---- coverage of the fixture folder ----------------------------------------------------------


def test_every_scenario_is_covered() -> None:
    """Every request fixture is named in this module (a new fixture needs a test)."""
    source = Path(__file__).read_text(encoding="utf-8")
    names = {p.name.split(".")[0] for p in (FIXTURES / P).glob("*.request.json")}
    missing = sorted(n for n in names if n not in source)
    assert missing == [], missing
