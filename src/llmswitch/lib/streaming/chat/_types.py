"""Names of the snapshot types a chat completion stream builds up."""

from __future__ import annotations

from typing import TypeAlias

from ....types.parsed import ParsedChatCompletion, ParsedChatCompletionMessage, ParsedChoice

__all__ = [
    "ParsedChatCompletionMessageSnapshot",
    "ParsedChatCompletionSnapshot",
    "ParsedChoiceSnapshot",
]

ParsedChatCompletionSnapshot: TypeAlias = ParsedChatCompletion[object]
"""The completion accumulated so far from a stream's chunks."""

ParsedChatCompletionMessageSnapshot: TypeAlias = ParsedChatCompletionMessage[object]
"""A message accumulated so far. Until its content is complete ``parsed`` is the partial JSON
decoded so far (a dict); once complete, the instance of the ``response_format`` type."""

ParsedChoiceSnapshot: TypeAlias = ParsedChoice[object]
"""A choice accumulated so far."""
