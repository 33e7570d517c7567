"""Secrets never leak: API keys, secret keys, OAuth tokens and signed JWTs are absent from
exception messages and reprs (even when a provider echoes them back), from ``logging`` output
at DEBUG, from object reprs, and from ``llmswitch doctor`` output. Found by scanning captured
text for the secret strings themselves."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from faults import (
    MODELS,
    PROVIDERS,
    FaultServer,
    Native,
    Recorder,
    call,
    config,
    provider_config,
    secret_strings,
)

from llmswitch import APIError, Client
from llmswitch.testing import Action, RecordedRequest

ROOT = Path(__file__).resolve().parents[2]


def _credentials_seen(requests: list[RecordedRequest], issued: list[str]) -> list[str]:
    """Tokens the client sent (bearer JWTs, OAuth access tokens), to scan for."""
    seen = list(issued)
    for request in requests:
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            seen.append(auth[7:])
        seen += parse_qs(urlsplit(request.path).query).get("access_token", [])
    return [s for s in seen if len(s) >= 8]


def _echo(native: Native) -> Any:
    """A handler whose error message repeats every credential of the request it answers."""

    def handler(request: RecordedRequest) -> Action:
        echoed = f"bad credentials: {request.headers.get('authorization')} {request.path}"
        action = native.error("server", status=401)
        body = json.loads(action.body)
        target = body.get("error") if isinstance(body.get("error"), dict) else body
        for key in ("message", "error_msg"):
            if key in target:
                target[key] = echoed
        action.body = json.dumps(body).encode()
        return action

    return handler


def _scan(text: str, secrets: list[str]) -> list[str]:
    return [s for s in secrets if s in text]


@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
@pytest.mark.parametrize("provider", PROVIDERS)
def test_credentials_echoed_by_the_provider_are_redacted(provider: str, stream: bool) -> None:
    native = Native(provider)
    with FaultServer(_echo(native)) as server:
        result = call("sync", config(provider, server.url), Recorder(), model=MODELS[provider],
                      stream=stream)  # fmt: skip
        sent = _credentials_seen(server.chat_requests, server.issued)
    error = result.value
    assert isinstance(error, APIError), repr(error)
    assert "bad credentials" in str(error)  # the message itself is kept
    assert sent, "the test should have seen the credentials it scans for"
    text = "\n".join([str(error), repr(error), error.raw or "", str(error.args)])
    assert _scan(text, secret_strings() + sent) == []


def _faulted_calls(provider: str, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Retries, a fallback and a failure for ``provider``, logged at DEBUG; returns tokens sent."""
    native = Native(provider)
    with FaultServer() as server, FaultServer() as other:
        server.script(native.error("server", status=503), native.error("rate"), native.ok(False))
        server.script(native.ok(True))
        server.script(*[native.error("server", status=500)] * 3)
        other.script(Native("openai").ok(False))
        cfg = config(provider, server.url)
        cfg["providers"]["openai"] = provider_config("openai", other.url)
        cfg["aliases"] = {"chain": [MODELS[provider], MODELS["openai"]]}
        with caplog.at_level(logging.DEBUG):
            logging.getLogger("llmswitch").debug("capture start")
            call("sync", cfg, Recorder(), model=MODELS[provider], stream=False)
            call("async", cfg, Recorder(), model=MODELS[provider], stream=True)
            call("sync", cfg, Recorder(), model="chain", stream=False)
        return _credentials_seen(server.chat_requests + other.chat_requests, server.issued)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_llmswitch_debug_logging_never_shows_a_secret(
    provider: str, caplog: pytest.LogCaptureFixture
) -> None:
    sent = _faulted_calls(provider, caplog)
    ours = [r for r in caplog.records if r.name.startswith("llmswitch")]
    assert any("retrying" in r.getMessage() for r in ours)
    assert any("fallback" in r.getMessage() for r in ours)
    text = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in ours)
    assert _scan(text, secret_strings() + sent) == []


@pytest.mark.parametrize("provider", PROVIDERS)
def test_all_debug_logging_including_httpx_never_shows_a_secret(
    provider: str, caplog: pytest.LogCaptureFixture
) -> None:
    sent = _faulted_calls(provider, caplog)
    text = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    assert _scan(text, secret_strings() + sent) == []


@pytest.mark.parametrize("provider", PROVIDERS)
def test_reprs_of_client_adapter_auth_and_settings_hold_no_secret(provider: str) -> None:
    with FaultServer() as server:
        server.script(Native(provider).ok(False))
        with Client(config(provider, server.url)) as client:
            client.chat.completions.create(model=MODELS[provider], messages=[
                {"role": "user", "content": "hi"}])  # fmt: skip
            adapter: Any = client.adapter(provider)
            objects = [client, adapter, adapter.auth, getattr(adapter, "settings", None),
                       client.config]  # fmt: skip
            text = "\n".join(f"{o!r}\n{o!s}" for o in objects)
        sent = _credentials_seen(server.chat_requests, server.issued)
    assert _scan(text, secret_strings() + sent) == []


# ---- llmswitch doctor ---------------------------------------------------------------------------

ENV_SECRETS = {
    "OPENAI_API_KEY": "sk-doctor-openai-SECRET-5a7c9e1b3d",
    "DASHSCOPE_API_KEY": "sk-doctor-qwen-SECRET-2b4d6f8a0c",
    "ZHIPUAI_API_KEY": "doctorid.doctor-glm-SECRET-9e1a3c5b7d",
    "QIANFAN_AK": "doctor-qianfan-AK-SECRET-4c6e8a",
    "QIANFAN_SK": "doctor-qianfan-SK-SECRET-1b3d5f",
    "QIANFAN_API_KEY": "bce-v3/ALTAK-doctorSECRET/7f9b1d3e5a",
    "SENSENOVA_ACCESS_KEY_ID": "doctor-sn-AK-SECRET-8d0f2b",
    "SENSENOVA_SECRET_ACCESS_KEY": "doctor-sn-SK-SECRET-3e5a7c9b1d3f5a7c9e1b",
    "DEEPSEEK_API_KEY": "sk-doctor-deepseek-SECRET-6a8c0e",
    "MOONSHOT_API_KEY": "sk-doctor-moonshot-SECRET-0d2f4b",
}


def _doctor(args: list[str], cwd: Path, extra_env: dict[str, str] | None = None) -> str:
    pytest.importorskip("llmswitch.cli")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LLMSWITCH")}
    env.update(ENV_SECRETS)
    env.update(extra_env or {})
    env["PYTHONPATH"] = str(ROOT / "src")
    proc = subprocess.run(
        [sys.executable, "-m", "llmswitch", "doctor", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode in (0, 1, 2), proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout + proc.stderr


@pytest.mark.parametrize("args", [[], ["--json"]], ids=["table", "json"])
def test_doctor_with_keys_in_the_environment_prints_no_secret(
    args: list[str], tmp_path: Path
) -> None:
    out = _doctor(args, tmp_path)
    assert "OPENAI_API_KEY" in out  # it does report where keys come from
    assert _scan(out, list(ENV_SECRETS.values())) == []


@pytest.mark.parametrize(
    "toml",
    [
        # literal keys (doctor advises ${VAR}) next to env references
        '[providers.openai]\napi_key = "sk-literal-SECRET-in-config-1a2b3c"\n'
        '[providers.qwen]\napi_key = "${DASHSCOPE_API_KEY}"\n',
        # invalid: a typo'd key name holding a secret, and a bad value next to a secret
        '[providers.openai]\napi_kye = "sk-literal-SECRET-in-config-1a2b3c"\n',
        '[providers.openai]\napi_key = "sk-literal-SECRET-in-config-1a2b3c"\ntimeout = "soon"\n',
        '[providers.sensenova]\naccess_key = "${SENSENOVA_ACCESS_KEY_ID}"\n'
        'secret_key = ["sk-literal-SECRET-in-config-1a2b3c"]\n',
    ],
    ids=["literal-keys", "typo-key", "bad-value", "wrong-type-secret"],
)
def test_doctor_with_a_config_file_prints_no_secret(toml: str, tmp_path: Path) -> None:
    (tmp_path / "llmswitch.toml").write_text(toml, encoding="utf-8")
    for args in ([], ["--json"]):
        out = _doctor(args, tmp_path)
        secrets = [*ENV_SECRETS.values(), "sk-literal-SECRET-in-config-1a2b3c"]
        assert _scan(out, secrets) == [], out


@pytest.mark.parametrize("value", [["sk-literal-SECRET-in-config-1a2b3c"], 91827364550123456789])
@pytest.mark.parametrize("field", ["api_key", "secret_key"])
def test_config_error_does_not_echo_a_mistyped_secret(field: str, value: Any) -> None:
    from llmswitch import ConfigError

    table: dict[str, Any] = {"api_key": "sk-ok-but-unused-12345", field: value}
    with pytest.raises(ConfigError) as info:
        Client({"providers": {"sensenova": table}})
    text = f"{info.value}\n{info.value!r}"
    assert "sk-literal-SECRET" not in text and "91827364550123456789" not in text
