"""Config loading never raises a bare exception, whatever the file holds."""

from __future__ import annotations

import os
import tempfile
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from llmswitch import ConfigError, load_config
from llmswitch._config import provider_settings, resolve_model

_keys = st.sampled_from(
    ["defaults", "providers", "aliases", "provider", "timeout", "max_retries", "api_key",
     "base_url", "type", "qwen", "glm", "openai", "x", "headers", "region", "api", "gpt-4o"]
)  # fmt: skip
_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(["${NOPE_VAR}", "qwen/qwen-plus", "native", "-1"]),
)  # fmt: skip
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_keys, inner, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(_keys, _values, max_size=4), model=st.text(max_size=20))
def test_random_config_dicts_raise_only_config_errors(data: dict[str, Any], model: str) -> None:
    try:
        config = load_config(data)
        for target in resolve_model(config, model):
            provider_settings(config, target.provider)
    except ConfigError:
        pass


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="[]=.\"'\n abcdefgproviders${}0123456789-_/", max_size=120))
def test_random_toml_text_raises_only_config_errors(text: str) -> None:
    fd, path = tempfile.mkstemp(suffix=".toml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        load_config(path)
    except ConfigError:
        pass
    finally:
        os.unlink(path)


@settings(max_examples=50, deadline=None)
@given(raw=st.binary(max_size=200))
def test_non_utf8_files_raise_config_errors(raw: bytes) -> None:
    fd, path = tempfile.mkstemp(suffix=".toml")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        load_config(path)
    except ConfigError:
        pass
    finally:
        os.unlink(path)
