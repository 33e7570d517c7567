"""ERNIE and SenseNova faults over real sockets: errors inside 200 bodies, rate limits retried
with backoff, quota not retried, streams cut before their end marker."""

from __future__ import annotations

import json

import pytest

from llmswitch import Client, RetryPolicy, errors
from llmswitch.testing import Action, LoopbackServer, mock_provider

HELLO = [{"role": "user", "content": "你好"}]
TOKEN = {"access_token": "24.fault-token.2592000.0.0-1", "expires_in": 2592000}
V1_OK = {
    "id": "as-ok",
    "result": "好的。",
    "finish_reason": "normal",
    "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
}
SN_OK = {
    "data": {
        "id": "sn",
        "choices": [{"index": 0, "message": "好的。", "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
    }
}


async def _no_sleep(_: float) -> None:
    return None


def _client(config: dict[str, object], sleeps: list[float]) -> Client:
    return Client(config, retry_policy=RetryPolicy(2, sleep=sleeps.append, async_sleep=_no_sleep))


def _json(payload: object, status: int = 200, **headers: str) -> Action:
    return Action(
        status=status,
        body=json.dumps(payload).encode(),
        headers={"content-type": "application/json", **headers},
    )


def _ernie(url: str) -> dict[str, object]:
    return {
        "providers": {"ernie": {"access_key": "f-ak", "secret_key": "f-sk-secret", "base_url": url}}
    }


def _sensenova(url: str) -> dict[str, object]:
    return {
        "providers": {
            "sensenova": {
                "access_key": "f-ak",
                "base_url": url,
                "secret_key": "f-secret-0123456789abcdef0123456789",
            }
        }
    }


@pytest.mark.parametrize("code", [18, 336501, 336502, 4, 336100])
def test_ernie_retryable_codes_in_200_bodies_are_retried_with_backoff(code: int) -> None:
    sleeps: list[float] = []
    with LoopbackServer() as server, _client(_ernie(server.url), sleeps) as client:
        server.enqueue(
            _json(TOKEN),
            _json({"error_code": code, "error_msg": "limit"}),
            _json({"error_code": code, "error_msg": "limit"}),
            _json(V1_OK),
        )
        resp = client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
    assert resp.choices[0].message.content == "好的。"
    assert len(sleeps) == 2 and sleeps[1] > sleeps[0] > 0  # exponential backoff
    assert len(server.requests) == 4


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        (17, errors.QuotaExceededError),
        (19, errors.QuotaExceededError),
        (336007, errors.ContextLengthExceededError),
        (336003, errors.BadRequestError),
    ],
)
def test_ernie_quota_and_bad_request_codes_are_not_retried(code: int, cls: type) -> None:
    sleeps: list[float] = []
    with LoopbackServer() as server, _client(_ernie(server.url), sleeps) as client:
        server.enqueue(_json(TOKEN), _json({"error_code": code, "error_msg": "no"}))
        with pytest.raises(cls):
            client.chat.completions.create(model="ernie/ERNIE-3.5-8K", messages=HELLO)
    assert sleeps == [] and len(server.requests) == 2


def test_ernie_v2_error_in_200_body_is_retried() -> None:
    sleeps: list[float] = []
    config = {"providers": {"ernie": {"api_key": "bce-v3/ALTAK-x/y", "base_url": "URL/v2"}}}
    ok = {
        "id": "as",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "好"}, "finish_reason": "stop"}
        ],
    }
    limited = {
        "error": {
            "code": "rpm_rate_limit_exceeded",
            "message": "RPM",
            "type": "rate_limit_exceeded",
        },
        "id": "as-e",
    }
    with LoopbackServer() as server:
        config["providers"]["ernie"]["base_url"] = server.url + "/v2"  # type: ignore[index]
        server.enqueue(_json(limited), _json(ok))
        with _client(config, sleeps) as client:
            resp = client.chat.completions.create(model="ernie/ernie-4.0-8k", messages=HELLO)
    assert resp.choices[0].message.content == "好" and len(sleeps) == 1


def test_ernie_stream_without_is_end_raises_a_typed_error() -> None:
    chunk = json.dumps({"id": "as", "result": "第一句。", "sentence_id": 0, "is_end": False})
    with LoopbackServer() as server, _client(_ernie(server.url), []) as client:
        server.enqueue(
            _json(TOKEN),
            Action(
                headers={"content-type": "text/event-stream"},
                chunks=[f"data: {chunk}\n\n".encode()],
            ),
        )
        with pytest.raises(errors.APIConnectionError) as info:  # noqa: SIM117
            with client.chat.completions.create(
                model="ernie/ERNIE-Speed-8K", messages=HELLO, stream=True
            ) as stream:
                list(stream)
    assert info.value.retryable is False
    assert "is_end" in str(info.value)


def test_sensenova_stream_without_done_raises_a_typed_error() -> None:
    frame = json.dumps(
        {"data": {"id": "s", "choices": [{"index": 0, "delta": "你", "finish_reason": ""}]}}
    )
    with LoopbackServer() as server, _client(_sensenova(server.url), []) as client:
        server.enqueue(
            Action(
                headers={"content-type": "text/event-stream"}, chunks=[f"data:{frame}\n\n".encode()]
            )
        )
        with pytest.raises(errors.APIConnectionError) as info:  # noqa: SIM117
            with client.chat.completions.create(
                model="sensenova/SenseChat-5", messages=HELLO, stream=True
            ) as stream:
                list(stream)
    assert "[DONE]" in str(info.value) and info.value.retryable is False


def test_sensenova_429_is_retried_and_quota_is_not() -> None:
    sleeps: list[float] = []
    limited = {"error": {"code": 8, "message": "rate limit exceeded", "details": []}}
    quota = {"error": {"code": 8, "message": "quota exhausted", "details": []}}
    with LoopbackServer() as server, _client(_sensenova(server.url), sleeps) as client:
        server.enqueue(_json(limited, 429, **{"retry-after": "0.01"}), _json(SN_OK))
        resp = client.chat.completions.create(model="sensenova/SenseChat-5", messages=HELLO)
        assert resp.choices[0].message.content == "好的。" and sleeps == [0.01]
        server.enqueue(_json(quota, 429))
        with pytest.raises(errors.QuotaExceededError):
            client.chat.completions.create(model="sensenova/SenseChat-5", messages=HELLO)
    assert len(sleeps) == 1


def test_sensenova_401_remints_the_jwt_once() -> None:
    unauthenticated = {"error": {"code": 16, "message": "invalid token", "details": []}}
    with LoopbackServer() as server, _client(_sensenova(server.url), []) as client:
        server.enqueue(_json(unauthenticated, 401), _json(SN_OK))
        resp = client.chat.completions.create(model="sensenova/SenseChat-5", messages=HELLO)
        mints = client.adapter("sensenova").auth.mints  # type: ignore[union-attr]
    assert resp.choices[0].message.content == "好的。"
    assert len(server.requests) == 2 and mints == 2  # a fresh JWT (same within one second)


def test_sensenova_error_in_200_body_is_raised() -> None:
    with LoopbackServer() as server, _client(_sensenova(server.url), []) as client:
        server.enqueue(_json({"error": {"code": 3, "message": "invalid argument", "details": []}}))
        with pytest.raises(errors.BadRequestError):
            client.chat.completions.create(model="sensenova/SenseChat-5", messages=HELLO)


@pytest.mark.parametrize("provider", ["ernie", "sensenova"])
def test_fake_errors_in_body_over_mock_provider(provider: str) -> None:
    with mock_provider(provider) as fake:
        fake.fail(429, message="slow down", in_body=True)
        fake.reply("好的")
        sleeps: list[float] = []
        with _client(fake.config, sleeps) as client:
            resp = client.chat.completions.create(model=f"{provider}/m", messages=HELLO)
    assert resp.choices[0].message.content == "好的" and len(sleeps) == 1
