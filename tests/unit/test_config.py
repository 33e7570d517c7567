"""Config loading, discovery, interpolation, model resolution and their error messages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from llmswitch import Client, ConfigError, load_config
from llmswitch._config import provider_settings, resolve_model


def targets(config: dict[str, object], model: str) -> list[str]:
    return [str(t) for t in resolve_model(load_config(config), model)]


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("qwen/qwen-plus", ["qwen/qwen-plus"]),
        ("dashscope/qwen-plus", ["qwen/qwen-plus"]),
        ("baidu/ernie-4.0-8k", ["ernie/ernie-4.0-8k"]),
        ("openai/ft:gpt-4o-mini:acme::abc", ["openai/ft:gpt-4o-mini:acme::abc"]),
        ("sensenova/SenseChat-5", ["sensenova/SenseChat-5"]),
        ("deepseek/deepseek-ai/DeepSeek-V3", ["deepseek/deepseek-ai/DeepSeek-V3"]),
    ],
)
def test_split_on_first_slash_keeps_model_id_untouched(model: str, expected: list[str]) -> None:
    assert targets({}, model) == expected


def test_alias_wins_over_split_and_lists_are_chains() -> None:
    config = {
        "aliases": {
            "gpt-4o": "qwen/qwen-max",
            "gpt-4o-mini": ["glm/glm-4-flash", "ernie/ernie-speed-8k"],
            "openai/gpt-4o": "glm/glm-4-plus",
        }
    }
    assert targets(config, "gpt-4o") == ["qwen/qwen-max"]
    assert targets(config, "gpt-4o-mini") == ["glm/glm-4-flash", "ernie/ernie-speed-8k"]
    assert targets(config, "openai/gpt-4o") == ["glm/glm-4-plus"]


def test_default_provider_takes_the_whole_string() -> None:
    assert targets({"defaults": {"provider": "qwen"}}, "qwen-plus/x") == ["qwen/qwen-plus/x"]


def test_unknown_prefix_without_default_lists_known_providers() -> None:
    with pytest.raises(ConfigError) as info:
        targets({}, "gpt-4o")
    text = str(info.value)
    assert "'gpt-4o'" in text and "qwen" in text and "dashscope" in text and "[aliases]" in text


def test_custom_openai_compatible_provider_needs_base_url() -> None:
    config = load_config({"providers": {"local": {"type": "openai-compatible"}}})
    assert str(resolve_model(config, "local/llama3")[0]) == "local/llama3"
    with pytest.raises(ConfigError, match="base_url"):
        provider_settings(config, "local")


def test_unknown_key_names_file_key_and_allowed_keys(tmp_path: Path) -> None:
    path = tmp_path / "llmswitch.toml"
    path.write_text('[providers.qwen]\napi_kye = "x"\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    text = str(info.value)
    assert str(path) in text and "providers.qwen.api_kye" in text and "api_key" in text


def test_bad_value_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[defaults]\nmax_retries = -1\n")
    with pytest.raises(ConfigError, match=r"defaults\.max_retries"):
        load_config(path)


def test_invalid_toml_and_missing_file_are_config_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[defaults\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_alias_with_unknown_provider_fails_at_load() -> None:
    with pytest.raises(ConfigError, match=r"aliases\.'gpt-4o'"):
        load_config({"aliases": {"gpt-4o": "nosuch-model"}})
    with pytest.raises(ConfigError, match="empty list"):
        load_config({"aliases": {"gpt-4o": []}})


def test_env_interpolation_and_missing_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(
        {"providers": {"qwen": {"api_key": "${MY_QWEN_KEY}", "region": "${R:-intl}"}}}
    )
    monkeypatch.setenv("MY_QWEN_KEY", "sk-from-env")
    settings = provider_settings(config, "qwen")
    assert settings.api_key is not None
    assert settings.api_key.get_secret_value() == "sk-from-env"
    assert settings.region == "intl"
    monkeypatch.delenv("MY_QWEN_KEY")
    with pytest.raises(ConfigError) as info:
        provider_settings(config, "qwen")
    assert "MY_QWEN_KEY" in str(info.value) and "providers.qwen.api_key" in str(info.value)


def test_provider_env_variables_are_read_without_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEEPSEEK_API_KEY", "sk-deep")
    settings = provider_settings(load_config({}), "deepseek")
    assert settings.api_key is not None and settings.api_key.get_secret_value() == "sk-deep"
    assert settings.base_url == "https://api.deepseek.com/v1"
    assert "sk-deep" not in repr(settings)


def test_discovery_env_variable_then_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LLMSWITCH_CONFIG", raising=False)
    assert load_config().source == "<defaults>"
    (tmp_path / "llmswitch.toml").write_text('[defaults]\nprovider = "glm"\n')
    assert load_config().defaults.provider == "glm"
    other = tmp_path / "other.toml"
    other.write_text('[defaults]\nprovider = "qwen"\n')
    monkeypatch.setenv("LLMSWITCH_CONFIG", str(other))
    assert load_config().defaults.provider == "qwen"
    monkeypatch.setenv("LLMSWITCH_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="LLMSWITCH_CONFIG"):
        load_config()


def test_missing_credentials_name_the_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    client = Client({})
    with pytest.raises(ConfigError) as info:
        client.chat.completions.create(
            model="openai/gpt-4o", messages=[{"role": "user", "content": "x"}]
        )
    assert "OPENAI_API_KEY" in str(info.value)


# ---- issue 14 item 2: trust of a discovered ./llmswitch.toml (docs/config.md, Security) -------


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cloned repository as the current directory, a private trust store, no LLMSWITCH_CONFIG."""
    repo = tmp_path / "repo"
    repo.mkdir()
    monkeypatch.chdir(repo)
    monkeypatch.delenv("LLMSWITCH_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-user-own-key-SECRET-0a1b2c3d")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "aws-SECRET-do-not-send-9z8y")
    return repo


def _hostile(url: str, header: bool = False) -> str:
    text = f'[providers.openai]\nbase_url = "{url}/v1"\n'
    if header:
        text += 'api_key = "sk-the-files-own-key-123"\n'
        text += 'headers = {"x-aws" = "${AWS_SECRET_ACCESS_KEY}"}\n'
    return text


def _ask(timeout: float = 5.0) -> object:
    from llmswitch import APIError

    with Client(max_retries=0, timeout=timeout) as client:
        try:
            return client.chat.completions.create(
                model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]
            )
        except (ConfigError, APIError) as exc:
            return exc


def test_a_discovered_file_cannot_send_the_env_key_to_its_own_host(checkout: Path) -> None:
    """A repository ships llmswitch.toml pointing providers.openai at its server; the user's
    OPENAI_API_KEY (read from the environment) must not reach it."""
    from llmswitch.testing import Action, LoopbackServer

    with LoopbackServer() as server:
        server.enqueue(Action(body=b'{"choices": []}'))
        (checkout / "llmswitch.toml").write_text(_hostile(server.url))
        config = load_config()
        assert config.path == str((checkout / "llmswitch.toml").resolve())
        assert not config.trusted and "not trusted" in config.trust_reason
        result = _ask()
        assert isinstance(result, ConfigError), result
        assert "OPENAI_API_KEY" in str(result) and "trust" in str(result)
        assert "sk-user-own-key" not in str(result)
        assert server.requests == [], "the environment's key was sent to the file's host"


def test_a_discovered_file_cannot_expand_other_variables(checkout: Path) -> None:
    from llmswitch.testing import Action, LoopbackServer

    with LoopbackServer() as server:
        server.enqueue(Action(body=b'{"choices": []}'))
        (checkout / "llmswitch.toml").write_text(_hostile(server.url, header=True))
        result = _ask()
        assert isinstance(result, ConfigError), result
        assert "${AWS_SECRET_ACCESS_KEY}" in str(result)
        assert server.requests == []
        assert all("aws-SECRET" not in str(r.headers) for r in server.requests)


def test_an_untrusted_file_may_name_the_providers_own_variable(checkout: Path) -> None:
    """The common case keeps working: the key goes where it would go without the file."""
    (checkout / "llmswitch.toml").write_text(
        '[defaults]\nprovider = "qwen"\n[providers.qwen]\napi_key = "${DASHSCOPE_API_KEY}"\n'
        '[aliases]\n"gpt-4o" = "qwen/qwen-max"\n'
    )
    os.environ["DASHSCOPE_API_KEY"] = "sk-dash-own-0123456"
    try:
        config = load_config()
        assert not config.trusted
        settings = provider_settings(config, "qwen")
        assert settings.api_key is not None
        assert settings.api_key.get_secret_value() == "sk-dash-own-0123456"
        assert settings.base_url is None  # DashScope's own host (by region)
        assert [str(t) for t in resolve_model(config, "gpt-4o")] == ["qwen/qwen-max"]
        # the same variable for another field, or the provider redirected: refused
        (checkout / "llmswitch.toml").write_text(
            '[providers.qwen]\napi_key = "${DASHSCOPE_API_KEY}"\nbase_url = "http://127.0.0.1:9/x"\n'
        )
        with pytest.raises(ConfigError, match="not trusted"):
            provider_settings(load_config(), "qwen")
    finally:
        del os.environ["DASHSCOPE_API_KEY"]


def test_trusting_a_file_allows_it_until_it_changes(checkout: Path) -> None:
    from llmswitch._config import trust_config, untrust_config
    from llmswitch.testing import Action, LoopbackServer

    ok = (
        b'{"id": "r", "object": "chat.completion", "created": 1, "model": "m", "choices":'
        b' [{"index": 0, "message": {"role": "assistant", "content": "hi"},'
        b' "finish_reason": "stop"}]}'
    )
    with LoopbackServer() as server:
        server.enqueue(Action(body=ok))
        path = checkout / "llmswitch.toml"
        path.write_text(_hostile(server.url))
        store = trust_config()
        assert store.is_file() and str(path.resolve()) in store.read_text()
        config = load_config()
        assert config.trusted and "allowed" in config.trust_reason
        answer = _ask()
        assert not isinstance(answer, Exception), answer
        assert len(server.requests) == 1
        path.write_text(_hostile(server.url) + "# edited after it was allowed\n")
        changed = load_config()
        assert not changed.trusted and "changed since" in changed.trust_reason
        assert isinstance(_ask(), ConfigError) and len(server.requests) == 1
        assert untrust_config() is True


def test_a_file_the_user_chose_is_trusted(checkout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = checkout / "mine.toml"
    path.write_text('[providers.openai]\nbase_url = "http://127.0.0.1:9/v1"\n')
    explicit = load_config(path)
    assert explicit.trusted and explicit.path == str(path.resolve())
    assert provider_settings(explicit, "openai").api_key is not None
    monkeypatch.setenv("LLMSWITCH_CONFIG", str(path))
    named = load_config()
    assert named.trusted and "LLMSWITCH_CONFIG" in named.trust_reason


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_file_owned_by_another_user_is_never_trusted(checkout: Path) -> None:
    from llmswitch._config import trust_config

    path = checkout / "llmswitch.toml"
    path.write_text('[defaults]\nprovider = "glm"\n')
    trust_config()
    os.chown(path, 54321, 54321)
    config = load_config()
    assert not config.trusted and "another user" in config.trust_reason
    with pytest.raises(ConfigError, match="another user"):
        trust_config()


def test_password_in_base_url_is_masked_and_plain_http_warns_once(checkout: Path) -> None:
    import warnings

    from llmswitch._secrets import redact

    table = {"api_key": "sk-x-123456", "base_url": "http://user:hunter2pass@gw.example/v1"}
    config = load_config({"providers": {"openai": table}})
    assert "hunter2pass" not in repr(config)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        settings = provider_settings(config, "openai")
        provider_settings(config, "openai")
    assert "hunter2pass" not in repr(settings) and "gw.example" in repr(settings)
    plain = [w for w in caught if "plain http://" in str(w.message)]
    assert len(plain) == 1 and "gw.example" in str(plain[0].message)
    assert "hunter2pass" not in redact("POST http://user:hunter2pass@gw.example/v1/chat")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        provider_settings(load_config({"providers": {"openai": {**table, "base_url":
                          "http://127.0.0.1:8000/v1"}}}), "openai")  # fmt: skip
