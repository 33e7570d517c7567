"""The errors the parsing helpers raise when a completion cannot be parsed because of how it
finished (openai-python's ``LengthFinishReasonError`` / ``ContentFilterFinishReasonError``,
same messages and attributes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import LLMSwitchError

if TYPE_CHECKING:
    from ..types.chat import ChatCompletion

__all__ = ["ContentFilterFinishReasonError", "LengthFinishReasonError"]


class LengthFinishReasonError(LLMSwitchError):
    """The answer stopped at the token limit (``finish_reason == "length"``), so its content
    cannot be parsed."""

    completion: ChatCompletion
    """The completion that stopped. When streaming it is the snapshot so far (``usage`` may be
    missing)."""

    def __init__(self, *, completion: ChatCompletion) -> None:
        message = "Could not parse response content as the length limit was reached"
        if completion.usage:
            message += f" - {completion.usage}"
        super().__init__(message)
        self.completion = completion


class ContentFilterFinishReasonError(LLMSwitchError):
    """The provider's content filter stopped the answer (``finish_reason ==
    "content_filter"``), so its content cannot be parsed."""

    def __init__(self) -> None:
        super().__init__(
            "Could not parse response content as the request was rejected by the content filter"
        )
