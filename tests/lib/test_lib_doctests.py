"""The examples in llmswitch.lib's docstrings run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "llmswitch.lib._pydantic",
    "llmswitch.lib._tools",
    "llmswitch.lib._parsing._completions",
    "llmswitch.lib.streaming._deltas",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
