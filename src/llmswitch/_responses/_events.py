"""Chat chunks → Responses stream events, in openai's documented order (IO-free, shared).

``response.created``, ``response.in_progress``; per output item ``output_item.added``, its
``content_part.added``, the deltas (``reasoning_text.delta``, ``output_text.delta``,
``function_call_arguments.delta``), their ``.done``, ``content_part.done``,
``output_item.done``; then ``response.completed`` (``response.incomplete`` when the answer was
cut by ``max_output_tokens`` or a content filter) carrying the whole output and usage. A
reasoning item comes first, then the message, then the function calls (an item is closed
before the next one opens). :func:`replay` turns a finished ``Response`` into the same events.
"""

from __future__ import annotations

import copy
from typing import Any

from ..types import ChatCompletionChunk
from ._answer import Echo, call_item, new_id, response_usage, status_of

__all__ = ["ChunkTranslator", "failed_response", "replay"]


class ChunkTranslator:
    """Feed chat chunks, get event dicts (``type`` and ``sequence_number`` set)."""

    def __init__(self, echo: Echo, created_at: float | None = None) -> None:
        self.echo = echo
        self.created_at = created_at
        self.seq = 0
        self.output: list[dict[str, Any]] = []
        self.open: dict[str, Any] | None = None  # the item being streamed
        self.calls: dict[int, dict[str, Any]] = {}
        self.finish_reason: str | None = None
        self.usage: dict[str, Any] | None = None
        self.model = echo.model
        self.final: dict[str, Any] | None = None

    def _event(self, kind: str, **fields: Any) -> dict[str, Any]:
        event = {"type": kind, "sequence_number": self.seq, **fields}
        self.seq += 1
        return event

    def _snapshot(self, **values: Any) -> dict[str, Any]:
        return self.echo.response(
            created_at=self.created_at, model=self.model, output=copy.deepcopy(self.output),
            **values,
        )  # fmt: skip

    def start(self) -> list[dict[str, Any]]:
        snapshot = self._snapshot()
        return [
            self._event("response.created", response=snapshot),
            self._event("response.in_progress", response=snapshot),
        ]

    # ---- items ------------------------------------------------------------------------------

    def _open_item(self, item: dict[str, Any], part: dict[str, Any] | None) -> list[dict[str, Any]]:
        index = len(self.output)
        self.output.append(item)
        self.open = item
        added = copy.deepcopy(item)
        events = [self._event("response.output_item.added", output_index=index, item=added)]
        if part is not None:
            item["content"].append(part)
            events.append(
                self._event("response.content_part.added", item_id=item["id"],
                            output_index=index, content_index=0, part=dict(part))
            )  # fmt: skip
        return events

    def _close(self, status: str = "completed") -> list[dict[str, Any]]:
        item = self.open
        if item is None:
            return []
        self.open = None
        index = self.output.index(item)
        item["status"] = status
        events: list[dict[str, Any]] = []
        kind = item["type"]
        where = {"item_id": item["id"], "output_index": index}
        if kind == "message":
            part = item["content"][0]
            events.append(self._event("response.output_text.done", **where, content_index=0,
                                      text=part["text"], logprobs=[]))  # fmt: skip
            events.append(self._event("response.content_part.done", **where, content_index=0,
                                      part=dict(part)))  # fmt: skip
        elif kind == "reasoning":
            part = item["content"][0]
            events.append(self._event("response.reasoning_text.done", **where, content_index=0,
                                      text=part["text"]))  # fmt: skip
            events.append(self._event("response.content_part.done", **where, content_index=0,
                                      part=dict(part)))  # fmt: skip
        elif kind == "function_call":
            events.append(self._event("response.function_call_arguments.done", **where,
                                      name=item["name"], arguments=item["arguments"]))  # fmt: skip
        events.append(
            self._event("response.output_item.done", output_index=index,
                        item=copy.deepcopy(item))
        )  # fmt: skip
        return events

    def _ensure(self, kind: str) -> list[dict[str, Any]]:
        """Open a ``kind`` (message / reasoning) item unless one is open."""
        events: list[dict[str, Any]] = []
        item = self.open
        if item is None or item["type"] != kind:
            events += self._close()
            if kind == "reasoning":
                item = {"id": new_id("rs"), "type": "reasoning", "summary": [], "content": [],
                        "status": "in_progress"}  # fmt: skip
                part: dict[str, Any] = {"type": "reasoning_text", "text": ""}
            else:
                item = {"id": new_id("msg"), "type": "message", "role": "assistant",
                        "status": "in_progress", "content": []}  # fmt: skip
                part = {"type": "output_text", "text": "", "annotations": [], "logprobs": []}
            events += self._open_item(item, part)
        return events

    def _text(self, kind: str, delta: str) -> list[dict[str, Any]]:
        events = self._ensure(kind)
        item = self.open
        assert item is not None
        item["content"][0]["text"] += delta
        index = len(self.output) - 1
        name = (
            "response.reasoning_text.delta" if kind == "reasoning" else "response.output_text.delta"
        )
        extra: dict[str, Any] = {} if kind == "reasoning" else {"logprobs": []}
        events.append(self._event(name, item_id=item["id"], output_index=index,
                                  content_index=0, delta=delta, **extra))  # fmt: skip
        return events

    def _call(self, delta: Any) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        index = delta.index if delta.index is not None else len(self.calls)
        item = self.calls.get(index)
        function = delta.function
        if item is None:
            events += self._close()
            item = call_item(delta.id or new_id("call"), (function and function.name) or "", "")
            item["status"] = "in_progress"
            self.calls[index] = item
            events += self._open_item(item, None)
        elif function is not None and function.name and not item["name"]:
            item["name"] = function.name
        fragment = (function.arguments if function is not None else None) or ""
        if fragment:
            item["arguments"] += fragment
            events.append(self._event("response.function_call_arguments.delta",
                                      item_id=item["id"], output_index=self.output.index(item),
                                      delta=fragment))  # fmt: skip
        return events

    def feed(self, chunk: ChatCompletionChunk) -> list[dict[str, Any]]:
        if chunk.model:
            self.model = chunk.model
        if self.created_at is None and chunk.created:
            self.created_at = float(chunk.created)
        if chunk.usage is not None:
            self.usage = response_usage(chunk.usage)
        events: list[dict[str, Any]] = []
        for choice in chunk.choices[:1] if chunk.choices else ():
            delta = choice.delta
            reasoning = getattr(delta, "reasoning_content", None)
            if reasoning:
                events += self._text("reasoning", reasoning)
            if delta.content:
                events += self._text("message", delta.content)
            for call in delta.tool_calls or ():
                events += self._call(call)
            if choice.finish_reason:
                self.finish_reason = choice.finish_reason
        return events

    def finish(self) -> list[dict[str, Any]]:
        """Close what is open and end with ``response.completed`` / ``response.incomplete``."""
        status, incomplete = status_of(self.finish_reason)
        events = self._close("incomplete" if status == "incomplete" else "completed")
        if not self.output:  # an empty answer is still one (empty) message, as non-stream
            events += self._ensure("message")
            events += self._close()
        final = self._snapshot(status=status, incomplete_details=incomplete, usage=self.usage)
        self.final = final
        kind = "response.incomplete" if status == "incomplete" else "response.completed"
        events.append(self._event(kind, response=final))
        return events

    def failed(self, code: str | None, message: str) -> dict[str, Any]:
        """The ``response.failed`` event of a stream that broke off."""
        error = {"code": code or "server_error", "message": message}
        snapshot = self._snapshot(status="failed", usage=self.usage, error=error)
        return self._event("response.failed", response=snapshot)


def failed_response(echo: Echo, code: str | None, message: str) -> dict[str, Any]:
    return echo.response(
        status="failed", error={"code": code or "server_error", "message": message}
    )


def replay(response: dict[str, Any]) -> list[dict[str, Any]]:
    """The events of a finished response (``retrieve(stream=True)`` of a stored one)."""
    echo = Echo(id=response["id"], model=response.get("model", ""),
                fields={k: v for k, v in response.items()
                        if k not in ("id", "model", "output", "status", "usage", "created_at",
                                     "object", "error", "incomplete_details")})  # fmt: skip
    translator = ChunkTranslator(echo, response.get("created_at"))
    events = translator.start()
    for item in response.get("output", []):
        kind = item.get("type")
        if kind in ("message", "reasoning"):
            for part in item.get("content") or [{"text": ""}]:
                events += translator._text(kind, part.get("text") or part.get("refusal") or "")
        elif kind == "function_call":
            events += translator._close()
            opened = {**item, "arguments": "", "status": "in_progress"}
            translator.calls[len(translator.calls)] = opened
            events += translator._open_item(opened, None)
            opened["arguments"] = item.get("arguments", "")
            events.append(translator._event("response.function_call_arguments.delta",
                                            item_id=opened["id"],
                                            output_index=len(translator.output) - 1,
                                            delta=opened["arguments"]))  # fmt: skip
    events += translator._close()
    events.append(translator._event(
        "response.incomplete" if response.get("status") == "incomplete" else "response.completed",
        response=response))  # fmt: skip
    return events
