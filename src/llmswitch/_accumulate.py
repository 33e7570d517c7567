"""Folding stream chunks into one ``ChatCompletion`` (``stream.get_final_completion()``)."""

from __future__ import annotations

from typing import Any

from .providers._base import error_finish
from .types import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionMessage,
    Choice,
    ChoiceLogprobs,
    FunctionCall,
    ToolCall,
    Usage,
)
from .types.chat import ERROR_FINISH_REASONS

__all__ = ["ChatCompletionAccumulator"]


class ChatCompletionAccumulator:
    """Folds chunks into one :class:`ChatCompletion`: content, refusals, reasoning, tool calls
    (from argument fragments, keyed by index), logprobs, finish reasons, the last usage, and
    ``system_fingerprint`` / ``service_tier`` as openai-python's accumulation keeps them."""

    def __init__(self) -> None:
        self.id = ""
        self.model = ""
        self.created = 0
        self.provider = ""
        self.usage: Usage | None = None
        self.system_fingerprint: str | None = None
        self.service_tier: str | None = None
        self._content: dict[int, list[str]] = {}
        self._reasoning: dict[int, list[str]] = {}
        self._refusal: dict[int, list[str]] = {}
        self._logprobs: dict[int, dict[str, list[Any]]] = {}
        self._finish: dict[int, Any] = {}
        self._tools: dict[int, dict[int, dict[str, Any]]] = {}
        self._pending: list[ChatCompletionChunk] = []
        self.chunks = 0

    def add(self, chunk: ChatCompletionChunk) -> None:
        """Take one chunk (runs once per chunk: it only keeps the chunk, the usage, and raises
        for an error finish; the folding happens when the answer is asked for)."""
        self.chunks += 1
        self._pending.append(chunk)
        if chunk.usage is not None:
            self.usage = chunk.usage
        for choice in chunk.choices:
            if choice.finish_reason in ERROR_FINISH_REASONS:
                raw = chunk._raw
                failed = error_finish(
                    (choice,), chunk.provider, raw if isinstance(raw, (str, bytes)) else ""
                )
                if failed is not None:
                    raise failed

    def _fold(self) -> None:
        """Fold the chunks taken since the last fold into the running answer."""
        pending, self._pending = self._pending, []
        for chunk in pending:
            self._fold_one(chunk)

    def _fold_one(self, chunk: ChatCompletionChunk) -> None:
        if not self.id:
            self.id = chunk.id
            self.model = chunk.model
            self.created = chunk.created
            self.provider = chunk.provider
        if chunk.system_fingerprint is not None:
            self.system_fingerprint = chunk.system_fingerprint
        if chunk.service_tier is not None:
            self.service_tier = chunk.service_tier
        for choice in chunk.choices:
            index = choice.index
            content = self._content.get(index)
            if content is None:
                content = self._content[index] = []
            delta = choice.delta
            if delta.content:
                content.append(delta.content)
            if delta.refusal:
                self._refusal.setdefault(index, []).append(delta.refusal)
            reasoning = delta.reasoning_content
            if reasoning:
                self._reasoning.setdefault(index, []).append(reasoning)
            logprobs = choice.logprobs
            if logprobs is not None:
                kept = self._logprobs.setdefault(index, {"content": [], "refusal": []})
                kept["content"].extend(logprobs.content or ())
                kept["refusal"].extend(logprobs.refusal or ())
            if delta.tool_calls:
                calls = self._tools.setdefault(index, {})
                for call in delta.tool_calls:
                    slot = calls.setdefault(call.index, {"id": "", "name": "", "arguments": []})
                    if call.id:
                        slot["id"] = call.id
                    if call.function is not None:
                        if call.function.name:
                            slot["name"] = call.function.name
                        if call.function.arguments:
                            slot["arguments"].append(call.function.arguments)
            if choice.finish_reason is not None:
                self._finish[index] = choice.finish_reason

    def completion(self) -> ChatCompletion:
        """The assembled answer so far."""
        self._fold()
        choices = []
        indexes = set(self._content) | set(self._tools) | set(self._finish) | set(self._refusal)
        for index in sorted(indexes):
            tools = self._tools.get(index)
            tool_calls = (
                [
                    ToolCall(
                        id=slot["id"],
                        function=FunctionCall(
                            name=slot["name"], arguments="".join(slot["arguments"])
                        ),
                    )
                    for _, slot in sorted(tools.items())
                ]
                if tools
                else None
            )
            text = "".join(self._content.get(index, []))
            refusal = "".join(self._refusal.get(index, [])) or None
            extra: dict[str, Any] = {}
            reasoning = "".join(self._reasoning.get(index, [])) or None
            if reasoning is not None:
                extra["reasoning_content"] = reasoning
            kept = self._logprobs.get(index)
            choices.append(
                Choice(
                    index=index,
                    message=ChatCompletionMessage(
                        content=text if text or not (tool_calls or refusal) else None,
                        refusal=refusal,
                        tool_calls=tool_calls,
                        **extra,
                    ),
                    finish_reason=self._finish.get(index),
                    logprobs=ChoiceLogprobs(
                        content=kept["content"] or None, refusal=kept["refusal"] or None
                    )
                    if kept
                    else None,
                )
            )
        result = ChatCompletion(
            id=self.id,
            created=self.created,
            model=self.model,
            choices=choices,
            usage=self.usage,
            system_fingerprint=self.system_fingerprint,
            service_tier=self.service_tier,
        )
        return result.with_raw({"assembled_from_chunks": self.chunks}, self.provider)  # type: ignore[no-any-return]
