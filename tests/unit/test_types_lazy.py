"""``llmswitch.types`` re-exports request-side and Responses models lazily: every name in its
``__all__`` resolves, each from the right submodule, and neither submodule loads before use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import llmswitch.types as types


@pytest.mark.parametrize("name", types.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(types, name) is not None


def test_lazy_names_come_from_their_submodules() -> None:
    from llmswitch.types import request, responses

    assert set(request.__all__) >= types._REQUEST_TYPES
    assert set(responses.__all__) >= types._RESPONSES_TYPES
    assert types.Response is responses.Response
    assert types.UserMessage is request.UserMessage
    assert not types._REQUEST_TYPES & types._RESPONSES_TYPES


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'NoSuchType'"):
        types.NoSuchType  # noqa: B018


def test_submodules_load_on_first_use_only() -> None:
    code = (
        "import sys, llmswitch.types as t\n"
        "loaded = lambda: [m in sys.modules for m in "
        "('llmswitch.types.request', 'llmswitch.types.responses')]\n"
        "print(loaded()); t.Response; print(loaded()); t.UserMessage; print(loaded())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:3] == ["[False, False]", "[False, True]", "[True, True]"]
