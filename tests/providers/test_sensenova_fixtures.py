"""SenseNova (native API, JWT or API key) against the SDK fixtures in tests/fixtures/sensenova.

A real ``llmswitch.Client`` talks to an ``httpx.MockTransport`` answering with the fixture's
canned answer; the request must equal what sensenova 1.0.6 sent (method, path, body; the JWT
header and claims byte for byte, the signature checked with our own secret since the fixture's
secret is not recorded), and the answer must parse to what the SDK returned.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from conftest import FIXTURES, fixture_bytes, fixture_json
from llmswitch import Client, errors
from llmswitch.providers.sensenova.auth import SenseNovaJWTAuth, mint_jwt

P = "sensenova"
AK = "fake2C8F3BAK0123456789"
SECRET = "fakeSecretKey-for-llmswitch-tests-0123456789"
SDK = fixture_json(P, "sdk_parsed_results.json")["results"]
JWT_FIXTURE = fixture_json(P, "jwt_decoded.json")
NOW = JWT_FIXTURE["jwt_claims"]["nbf"] + 5  # the SDK minted at now; nbf = now - 5
X = [{"role": "user", "content": "x"}]
HELLO = [{"role": "user", "content": "你好"}]
TOOLS = fixture_json(P, "chat_tools.request.json")["body_json"]["tools"]


def answer(name: str) -> httpx.Response:
    if (FIXTURES / P / f"{name}.response.sse").exists():
        meta = fixture_json(P, f"{name}.response.meta.json")
        raw = fixture_bytes(P, f"{name}.response.sse")
        events = [e + b"\n\n" for e in raw.split(b"\n\n") if e.strip()]
        return httpx.Response(meta["status"], headers=meta["headers"], content=iter(events))
    data = fixture_json(P, f"{name}.response.json")
    content = json.dumps(data["body"], ensure_ascii=False).encode()
    return httpx.Response(data["status"], headers=data["headers"], content=content)


class Wire:
    def __init__(self, *names: str) -> None:
        self.script = [answer(n) for n in names]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.script.pop(0)


def client(wire: Wire, **table: Any) -> Client:
    creds = table or {"access_key": AK, "secret_key": SECRET}
    config = {"providers": {P: {"base_url": "http://127.0.0.1:18772/v1", **creds}}}
    c = Client(config, max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(wire)))
    auth = c.adapter(P).auth
    if isinstance(auth, SenseNovaJWTAuth):
        auth.clock = lambda: float(NOW)
    return c


def assert_request(sent: httpx.Request, name: str) -> None:
    fixture = fixture_json(P, f"{name}.request.json")
    assert sent.method == fixture["method"]
    assert sent.url.path == fixture["path"]
    assert dict(sent.url.params) == fixture["query"]
    assert json.loads(sent.content) == fixture["body_json"]
    expected = fixture["headers"]["Authorization"].split()[1]
    got = sent.headers["authorization"].split()[1]
    if expected == JWT_FIXTURE["authorization_header"].split()[1]:
        assert got.split(".")[:2] == expected.split(".")[:2]  # header + claims, byte for byte
    else:  # minted a second later by the SDK
        assert jwt.decode(expected, options={"verify_signature": False})["iss"] == AK
    claims = jwt.decode(
        got, SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_nbf": False}
    )
    assert claims == JWT_FIXTURE["jwt_claims"]


def chat(c: Client, messages: list[dict[str, Any]], **kwargs: Any) -> Any:
    if kwargs.get("stream"):
        with c.chat.completions.create(model=f"{P}/SenseChat-5", messages=messages, **kwargs) as s:
            return list(s), s.get_final_completion()
    return c.chat.completions.create(model=f"{P}/SenseChat-5", messages=messages, **kwargs)


def test_jwt_matches_the_sdk_byte_for_byte_except_signature() -> None:
    token = mint_jwt(AK, SECRET, NOW)
    expected = JWT_FIXTURE["authorization_header"].split()[1]
    assert token.split(".")[:2] == expected.split(".")[:2]
    assert jwt.get_unverified_header(token) == JWT_FIXTURE["jwt_header"]


def test_chat_plain() -> None:
    wire = Wire("chat_plain")
    resp = chat(client(wire), HELLO)
    assert_request(wire.requests[0], "chat_plain")
    expected = SDK["chat_plain"]
    assert resp.id == expected["id"]
    assert resp.model == "SenseChat-5"
    assert resp.choices[0].message.content == expected["message"]
    assert resp.choices[0].finish_reason == expected["finish_reason"]
    usage = expected["usage"]
    assert resp.usage.prompt_tokens == usage["prompt_tokens"] + usage["knowledge_tokens"]
    assert resp.usage.total_tokens == usage["total_tokens"]
    assert resp.raw["data"]["usage"]["knowledge_tokens"] == 0


def test_chat_system_sampling() -> None:
    wire = Wire("chat_system_sampling")
    body = fixture_json(P, "chat_system_sampling.request.json")["body_json"]
    resp = chat(
        client(wire),
        body["messages"],
        temperature=0.3,
        top_p=0.8,
        max_tokens=256,
        n=1,
        user="user-42",
        extra_body={
            k: body[k] for k in ("repetition_penalty", "know_ids", "knowledge_config", "plugins")
        },
    )
    assert_request(wire.requests[0], "chat_system_sampling")
    assert resp.choices[0].message.content == SDK["chat_system_sampling"]["message"]


def test_chat_tools_and_tool_result() -> None:
    wire = Wire("chat_tools", "chat_tool_result")
    c = client(wire)
    resp = chat(c, [{"role": "user", "content": "北京今天天气怎么样？"}], tools=TOOLS)
    assert_request(wire.requests[0], "chat_tools")
    expected = SDK["chat_tools"]
    assert resp.choices[0].finish_reason == expected["finish_reason"]
    assert [t.model_dump() for t in resp.choices[0].message.tool_calls] == expected["tool_calls"]
    assert resp.choices[0].message.content is None
    follow = [
        {"role": "user", "content": "北京今天天气怎么样？"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [t.model_dump() for t in resp.choices[0].message.tool_calls],
        },
        {
            "role": "tool",
            "content": '{"temperature": "25", "description": "晴"}',
            "tool_call_id": "call_f3b2a1c0d9e84f7a",
        },
    ]
    resp = chat(c, follow, tools=TOOLS)
    sent = json.loads(wire.requests[1].content)
    expected_body = fixture_json(P, "chat_tool_result.request.json")["body_json"]
    assert sent == expected_body
    assert resp.choices[0].message.content == SDK["chat_tool_result"]["message"]


@pytest.mark.parametrize("name", ["chat_stream", "chat_stream_tools", "chat_stream_sensitive"])
def test_chat_streams(name: str) -> None:
    wire = Wire(name)
    body = fixture_json(P, f"{name}.request.json")["body_json"]
    chunks, final = chat(client(wire), body["messages"], tools=body.get("tools"), stream=True)
    assert_request(wire.requests[0], name)
    expected = SDK[name]
    if name == "chat_stream":
        assert len(chunks) == expected["n_chunks"]
        assert final.choices[0].message.content == expected["text"]
        assert [c.choices[0].finish_reason for c in chunks] == [None, None, None, "stop"]
        assert final.usage.total_tokens == 11
    elif name == "chat_stream_tools":
        assert len(chunks) == expected["n_chunks"]
        assert [t.model_dump() for t in final.choices[0].message.tool_calls] == expected[
            "tool_calls"
        ]
        assert final.choices[0].finish_reason == "tool_calls"
    else:
        assert final.choices[0].finish_reason == "content_filter"  # "sensitive"


def test_embeddings() -> None:
    wire = Wire("embeddings")
    resp = client(wire).embeddings.create(
        model=f"{P}/nova-embedding-stable", input=["今天天气怎么样", "推荐一本书"]
    )
    assert_request(wire.requests[0], "embeddings")
    expected = SDK["embeddings"]
    assert len(resp.data) == expected["n"]
    assert resp.data[0].embedding == expected["first"]
    assert resp.usage.prompt_tokens == expected["usage"]["prompt_tokens"]


ERRORS: dict[str, tuple[type[errors.APIError], bool]] = {
    "error_400_invalid_argument": (errors.ContextLengthExceededError, False),
    "error_401_unauthenticated": (errors.AuthenticationError, False),
    "error_403_permission_denied": (errors.PermissionDeniedError, False),
    "error_404_model_not_found": (errors.NotFoundError, False),
    "error_409_try_again": (errors.InternalServerError, True),
    "error_429_rate_limit": (errors.RateLimitError, True),
    "error_500_internal": (errors.InternalServerError, True),
    "error_503_unavailable": (errors.InternalServerError, True),
    "error_200_body_not_raised": (errors.BadRequestError, False),
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_errors(name: str) -> None:
    script = [name, name] if name == "error_401_unauthenticated" else [name]
    wire = Wire(*script)
    cls, retryable = ERRORS[name]
    with pytest.raises(cls) as info:
        chat(client(wire), X)
    assert_request(wire.requests[0], name)
    assert type(info.value) is cls
    assert info.value.retryable is retryable
    body = fixture_json(P, f"{name}.response.json")["body"]["error"]
    assert info.value.code == str(body["code"])
    assert info.value.message == body["message"]
    if "http_status" in SDK[name]:
        assert info.value.status_code == SDK[name]["http_status"]
    if name == "error_401_unauthenticated":  # re-minted once and replayed once (S2)
        assert len(wire.requests) == 2


def test_stream_error_frame() -> None:
    wire = Wire("stream_error_frame")
    got: list[str] = []
    with pytest.raises(errors.InternalServerError) as info:  # noqa: SIM117
        with client(wire).chat.completions.create(
            model=f"{P}/SenseChat-5", messages=X, stream=True
        ) as stream:
            for chunk in stream:
                got.append(chunk.choices[0].delta.content or "")
    assert_request(wire.requests[0], "stream_error_frame")
    assert got == SDK["stream_error_frame"]["got"]
    assert info.value.code == "13"


def test_stream_http429_json() -> None:
    wire = Wire("stream_http429_json")
    with pytest.raises(errors.RateLimitError):
        chat(client(wire), X, stream=True)
    assert_request(wire.requests[0], "stream_http429_json")


def test_api_key_is_sent_as_bearer() -> None:
    wire = Wire("chat_plain")
    chat(client(wire, api_key="sk-fakeSenseNovaApiKey0123456789"), HELLO)
    assert wire.requests[0].headers["authorization"] == "Bearer sk-fakeSenseNovaApiKey0123456789"


def test_model_ids_pass_through_case_sensitive() -> None:
    wire = Wire("chat_plain")
    client(wire).chat.completions.create(model=f"{P}/SenseNova-V6-5-Turbo", messages=HELLO)
    assert json.loads(wire.requests[0].content)["model"] == "SenseNova-V6-5-Turbo"


@pytest.mark.parametrize("name", ["compat_chat_plain", "compat_error_400"])
def test_compatible_mode_via_openai_compatible_type(name: str) -> None:
    """The compatible endpoint is an ``openai-compatible`` provider in config (no code)."""
    wire = Wire(name)
    config = {
        "providers": {
            "sn": {
                "type": "openai-compatible",
                "api_key": "sk-fakeSenseNovaApiKey0123456789",
                "base_url": "http://127.0.0.1:18772/compatible-mode/v1",
            }
        }
    }
    c = Client(config, max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(wire)))
    fixture = fixture_json(P, f"{name}.request.json")
    body = fixture["body_json"]
    kwargs = {k: v for k, v in body.items() if k not in ("model", "messages")}
    if name == "compat_error_400":
        with pytest.raises(errors.BadRequestError) as info:
            c.chat.completions.create(
                model=f"sn/{body['model']}", messages=body["messages"], **kwargs
            )
        assert info.value.code == SDK[name]["code"]
    else:
        resp = c.chat.completions.create(
            model=f"sn/{body['model']}", messages=body["messages"], **kwargs
        )
        assert resp.choices[0].message.content == SDK[name]["content"]
    assert json.loads(wire.requests[0].content) == body
    assert wire.requests[0].url.path == fixture["path"]
    assert wire.requests[0].headers["authorization"] == fixture["headers"]["authorization"]


def test_every_scenario_is_covered() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    names = {p.name.split(".")[0] for p in (FIXTURES / P).glob("*.request.json")}
    assert sorted(n for n in names if n not in source) == []
