"""Config loading, discovery, interpolation, model resolution and their error messages."""

from __future__ import annotations

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
