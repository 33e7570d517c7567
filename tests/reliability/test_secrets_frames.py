"""Issue 14 items 3 and 4: no frame of an llmswitch error's traceback (or of the exceptions
chained to it) holds a secret in a value's repr, and the redaction registry forgets no secret
of a live client however many others exist, at a cost that does not grow with their number.
Real sockets on 127.0.0.1; Baidu's OAuth endpoint is the fault server's."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest
from fault_server import frame_leaks
from faults import MODELS, FaultServer, Native, Recorder, config, secret_strings
from helpers_bounded import bounded

from llmswitch import APIError, AsyncClient, Client
from llmswitch.testing import Action

KINDS = ("sync", "async")
HI = [{"role": "user", "content": "hi"}]


def _run(kind: str, cfg: dict[str, Any], stream: bool) -> BaseException:
    recorder = Recorder(max_retries=0)
    model = MODELS["ernie"]
    if kind == "sync":
        with Client(cfg, retry_policy=recorder.policy) as client:
            try:
                if stream:
                    with client.chat.completions.create(model=model, messages=HI, stream=True) as s:
                        s.get_final_completion()
                else:
                    client.chat.completions.create(model=model, messages=HI)
            except APIError as exc:
                return exc
        raise AssertionError("no error")

    async def main() -> BaseException:
        async with AsyncClient(cfg, retry_policy=recorder.policy) as client:
            try:
                if stream:
                    s = await client.chat.completions.create(model=model, messages=HI, stream=True)
                    async with s:
                        await s.get_final_completion()
                else:
                    await client.chat.completions.create(model=model, messages=HI)
            except APIError as exc:
                return exc
        raise AssertionError("no error")

    return asyncio.run(main())


REFUSED = Action(status=401, body=b'{"error": "invalid_client", "error_description": "no"}')
TOKEN_5XX = Action(status=502, body=b'{"error": "bad gateway"}')
native = Native("ernie")
FAULTS: dict[str, tuple[list[Action], list[Action], bool]] = {
    # name: (token endpoint script, chat script, stream)
    "oauth_refused": ([REFUSED], [], False),
    "oauth_5xx": ([TOKEN_5XX], [], False),
    "chat_500_after_auth": ([], [native.error("server", status=500)], False),
    "reset_mid_body_after_auth": ([], [native.ok_chunked_json(reset_after_chunks=1)], False),
    "stream_cut_after_auth": (
        [],
        [native.stream_action(native.frames()[:2], reset_after_chunks=2)],
        True,
    ),
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fault", list(FAULTS))
def test_no_frame_of_the_error_holds_a_secret(fault: str, kind: str) -> None:
    tokens, chat, stream = FAULTS[fault]
    with FaultServer() as server:
        server.tokens.extend(tokens)
        server.script(*chat)
        error = bounded(lambda: _run(kind, config("ernie", server.url), stream))
        secrets = secret_strings("ernie") + server.issued
    assert isinstance(error, APIError)
    if not tokens:
        assert server.issued, "the token was fetched, so the call carried it"
    leaks = frame_leaks(error, secrets)
    assert not leaks, "secrets in traceback frame locals:\n" + "\n".join(leaks)


# ---- item 4: the registry -------------------------------------------------------------------


def _echo_key(request: Any) -> Action:
    auth = request.headers.get("authorization", "")
    body = {"error": {"message": f"Incorrect API key provided: {auth[7:]}", "code": "invalid"}}
    return Action(status=401, body=json.dumps(body).encode())


def test_a_live_clients_key_stays_masked_however_many_others_exist() -> None:
    """The registry dropped the oldest secret past 4,096: per-tenant clients (and a GLM JWT per
    180 s per client) pushed a live client's key out, and an echoed key showed unmasked."""
    from llmswitch._config import load_config, provider_settings
    from llmswitch.providers.glm.auth import ZhipuJWTAuth

    live_key = "sk-live-tenant-0-SECRET-9f8e7d6c5b4a"
    with FaultServer(_echo_key) as server:
        cfg = {"providers": {"openai": {"api_key": live_key, "base_url": server.url + "/v1"}}}
        with Client(cfg, max_retries=0) as client:
            client.adapter("openai")  # the live client's key is registered now
            for n in range(1, 5001):  # 5,000 other tenants' clients come and go
                other = {"providers": {"openai": {"api_key": f"sk-tenant-{n}-SECRET-{n:08d}"}}}
                provider_settings(load_config(other), "openai")
            from pydantic import SecretStr

            jwt = ZhipuJWTAuth(SecretStr("glmtenant.glm-tenant-SECRET-0011"))
            for _ in range(3000):  # a long-lived GLM client re-signs (every 180 s, every 401)
                jwt.token(renew=True)
            try:
                client.chat.completions.create(model="openai/gpt-4o-mini", messages=HI)
            except APIError as exc:
                error = exc
            else:
                raise AssertionError("no error")
    for text in (str(error), repr(error), error.raw or "", error.message):
        assert live_key not in text, f"the live client's key leaked: {text[:200]}"


def test_masking_cost_does_not_grow_with_the_number_of_secrets() -> None:
    from llmswitch._secrets import redact, register_secret, secret_count

    text = ("x" * 90 + " sk-tenant-17-SECRET-00000017 ") * 40  # ~4,800 chars, like an error
    owners = [type("Owner", (), {})() for _ in range(20_000)]
    for n, owner in enumerate(owners):
        register_secret(f"sk-costcheck-{n}-SECRET-{n:08d}", owner=owner)
    assert secret_count() >= 20_000
    start = time.process_time()
    for _ in range(100):
        masked = redact(text)
    spent = (time.process_time() - start) / 100
    assert "SECRET-00000017" not in masked
    # It was ~12.7 ms with 4,096 secrets (and grew with them); one scan is well under 5 ms.
    assert spent < 0.005, f"{spent * 1000:.1f} ms per redaction with {secret_count()} secrets"
    del owners, owner  # collected owners release their secrets at the next registration
    register_secret("sk-one-more-SECRET-0000", owner=object)
    assert secret_count() < 20_000
