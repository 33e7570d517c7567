"""GLM auth: raw ``id.secret`` bearer (default) and the SDK's HS256 JWT (``auth = "jwt"``)."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx
import pytest
import respx
from pydantic import SecretStr

from conftest import fixture_json
from llmswitch import Client, ConfigError
from llmswitch._secrets import redact
from llmswitch.providers.glm.auth import ZhipuJWTAuth

URL = "https://open.bigmodel.cn/api/paas/v4/chat/completions"
KEY = "abc123.secretsecret"
DECODED = fixture_json("glm", "jwt_decoded.json")
# The SDK signed the captured token at this instant (claims.timestamp, milliseconds).
SIGNED_AT = DECODED["jwt_claims"]["timestamp"] / 1000


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def sent_authorization(auth: httpx.Auth) -> str:
    request = httpx.Request("POST", URL)
    flow = auth.sync_auth_flow(request)
    return next(flow).headers["Authorization"]


def test_jwt_is_byte_identical_to_the_sdks_for_the_same_instant() -> None:
    auth = ZhipuJWTAuth(SecretStr(KEY), clock=Clock(SIGNED_AT))
    assert sent_authorization(auth) == DECODED["authorization_header"]
    captured = fixture_json("glm", "chat_plain_jwt_auth.request.json")
    assert sent_authorization(auth) == captured["headers"]["Authorization"]


@pytest.mark.filterwarnings("ignore:The HMAC key is")  # PyJWT's decode warns on Zhipu's key length
def test_jwt_header_and_claims_are_in_milliseconds() -> None:
    import jwt

    token = sent_authorization(ZhipuJWTAuth(SecretStr(KEY), clock=Clock(1000.0))).split()[1]
    assert jwt.get_unverified_header(token) == DECODED["jwt_header"]
    claims = jwt.decode(token, "secretsecret", algorithms=["HS256"], options={"verify_exp": False})
    assert claims == {"api_key": "abc123", "exp": 1_000_000 + 210_000, "timestamp": 1_000_000}


def test_jwt_is_cached_then_renewed_30_seconds_before_expiry() -> None:
    clock = Clock(1000.0)
    auth = ZhipuJWTAuth(SecretStr(KEY), clock=clock)
    first = sent_authorization(auth)
    clock.now += 179.9
    assert sent_authorization(auth) == first
    clock.now += 0.2  # 180.1 s after signing: 29.9 s before exp
    renewed = sent_authorization(auth)
    assert renewed != first
    clock.now -= 500  # a clock that went backwards never keeps a token from the future
    assert sent_authorization(auth) != renewed


def test_signed_tokens_are_redacted() -> None:
    token = sent_authorization(ZhipuJWTAuth(SecretStr(KEY), clock=Clock(5000.0))).split()[1]
    assert token not in redact(f"echo {token} back")
    assert "secretsecret" not in redact("key abc123.secretsecret")


def test_a_401_re_signs_the_token_and_resends_once() -> None:
    clock = Clock(1000.0)
    cfg = {"providers": {"glm": {"api_key": KEY, "auth": "jwt"}}}
    ok = fixture_json("glm", "chat_plain.response.json")["body"]
    expired = {"error": {"code": "1003", "message": "Authorization Token已经过期"}}
    with respx.mock() as router:
        route = router.post(URL)
        route.side_effect = [httpx.Response(401, json=expired), httpx.Response(200, json=ok)]
        client = Client(cfg, max_retries=0)
        client.adapter("glm").auth._clock = clock  # type: ignore[union-attr]
        resp = client.chat.completions.create(
            model="glm/glm-4-plus", messages=[{"role": "user", "content": "hi"}]
        )
    first, second = (call.request.headers["Authorization"] for call in route.calls)
    assert resp.choices[0].message.content
    assert first.startswith("Bearer eyJ") and second.startswith("Bearer eyJ")
    assert route.call_count == 2


def test_raw_key_is_the_default_and_unknown_auth_mode_is_a_config_error() -> None:
    with respx.mock() as router:
        route = router.post(URL).respond(
            200, json=fixture_json("glm", "chat_plain.response.json")["body"]
        )
        Client({"providers": {"glm": {"api_key": KEY}}}, max_retries=0).chat.completions.create(
            model="glm/glm-4-plus", messages=[{"role": "user", "content": "hi"}]
        )
    assert route.calls.last.request.headers["Authorization"] == f"Bearer {KEY}"
    with pytest.raises(ConfigError, match="auth"):
        Client({"providers": {"glm": {"api_key": KEY, "auth": "oauth"}}}).adapter("glm")
    with pytest.raises(ConfigError, match="id"):
        Client({"providers": {"glm": {"api_key": "no-dot-key", "auth": "jwt"}}}).adapter("glm")


def test_importing_llmswitch_and_the_glm_adapter_does_not_load_pyjwt() -> None:
    code = (
        "import sys, llmswitch, llmswitch.providers.glm, llmswitch.providers.qwen\n"
        "from llmswitch import Client\n"
        "c = Client({'providers': {'glm': {'api_key': 'a.b', 'auth': 'jwt'}}})\n"
        "c.adapter('glm')\n"
        "print(json.dumps('jwt' in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", "import json\n" + code], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": ":".join(sys.path)},
    )  # fmt: skip
    assert json.loads(out.stdout) is False
