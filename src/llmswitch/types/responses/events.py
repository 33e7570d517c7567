"""The typed events of a Responses stream (openai-python's names and fields). Every event has
``type`` and ``sequence_number``; an event type llmswitch does not model is kept as
:class:`ResponseStreamEventOther` with every field."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from .._base import _Model
from ._items import ResponseOutputItem
from .response import Response

__all__ = [
    "ResponseCompletedEvent",
    "ResponseContentPartAddedEvent",
    "ResponseContentPartDoneEvent",
    "ResponseCreatedEvent",
    "ResponseErrorEvent",
    "ResponseFailedEvent",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseFunctionCallArgumentsDoneEvent",
    "ResponseInProgressEvent",
    "ResponseIncompleteEvent",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ResponseReasoningTextDeltaEvent",
    "ResponseReasoningTextDoneEvent",
    "ResponseStreamEvent",
    "ResponseStreamEventOther",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
]


class _Event(_Model):
    sequence_number: int = 0


class ResponseCreatedEvent(_Event):
    response: Response
    type: Literal["response.created"] = "response.created"


class ResponseInProgressEvent(_Event):
    response: Response
    type: Literal["response.in_progress"] = "response.in_progress"


class ResponseCompletedEvent(_Event):
    response: Response
    type: Literal["response.completed"] = "response.completed"


class ResponseIncompleteEvent(_Event):
    response: Response
    type: Literal["response.incomplete"] = "response.incomplete"


class ResponseFailedEvent(_Event):
    response: Response
    type: Literal["response.failed"] = "response.failed"


class ResponseOutputItemAddedEvent(_Event):
    item: ResponseOutputItem
    output_index: int
    type: Literal["response.output_item.added"] = "response.output_item.added"


class ResponseOutputItemDoneEvent(_Event):
    item: ResponseOutputItem
    output_index: int
    type: Literal["response.output_item.done"] = "response.output_item.done"


class ResponseContentPartAddedEvent(_Event):
    content_index: int
    item_id: str
    output_index: int
    part: dict[str, Any]
    type: Literal["response.content_part.added"] = "response.content_part.added"


class ResponseContentPartDoneEvent(_Event):
    content_index: int
    item_id: str
    output_index: int
    part: dict[str, Any]
    type: Literal["response.content_part.done"] = "response.content_part.done"


class ResponseTextDeltaEvent(_Event):
    content_index: int
    delta: str
    item_id: str
    logprobs: list[Any] = Field(default_factory=list)
    output_index: int
    type: Literal["response.output_text.delta"] = "response.output_text.delta"


class ResponseTextDoneEvent(_Event):
    content_index: int
    item_id: str
    logprobs: list[Any] = Field(default_factory=list)
    output_index: int
    text: str
    type: Literal["response.output_text.done"] = "response.output_text.done"


class ResponseFunctionCallArgumentsDeltaEvent(_Event):
    delta: str
    item_id: str
    output_index: int
    type: Literal["response.function_call_arguments.delta"] = (
        "response.function_call_arguments.delta"
    )


class ResponseFunctionCallArgumentsDoneEvent(_Event):
    arguments: str
    item_id: str
    name: str | None = None
    output_index: int
    type: Literal["response.function_call_arguments.done"] = "response.function_call_arguments.done"


class ResponseReasoningTextDeltaEvent(_Event):
    content_index: int
    delta: str
    item_id: str
    output_index: int
    type: Literal["response.reasoning_text.delta"] = "response.reasoning_text.delta"


class ResponseReasoningTextDoneEvent(_Event):
    content_index: int
    item_id: str
    output_index: int
    text: str
    type: Literal["response.reasoning_text.done"] = "response.reasoning_text.done"


class ResponseErrorEvent(_Event):
    code: str | None = None
    message: str
    param: str | None = None
    type: Literal["error"] = "error"


class ResponseStreamEventOther(_Event):
    """An event type llmswitch does not model (kept with every field as received)."""

    type: str


_EVENTS: dict[str, type[_Event]] = {
    cls.model_fields["type"].default: cls
    for cls in (
        ResponseCreatedEvent,
        ResponseInProgressEvent,
        ResponseCompletedEvent,
        ResponseIncompleteEvent,
        ResponseFailedEvent,
        ResponseOutputItemAddedEvent,
        ResponseOutputItemDoneEvent,
        ResponseContentPartAddedEvent,
        ResponseContentPartDoneEvent,
        ResponseTextDeltaEvent,
        ResponseTextDoneEvent,
        ResponseFunctionCallArgumentsDeltaEvent,
        ResponseFunctionCallArgumentsDoneEvent,
        ResponseReasoningTextDeltaEvent,
        ResponseReasoningTextDoneEvent,
        ResponseErrorEvent,
    )
}


def _event_kind(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return kind if kind in _EVENTS else "other"


ResponseStreamEvent = Annotated[
    Annotated[ResponseCreatedEvent, Tag("response.created")]
    | Annotated[ResponseInProgressEvent, Tag("response.in_progress")]
    | Annotated[ResponseCompletedEvent, Tag("response.completed")]
    | Annotated[ResponseIncompleteEvent, Tag("response.incomplete")]
    | Annotated[ResponseFailedEvent, Tag("response.failed")]
    | Annotated[ResponseOutputItemAddedEvent, Tag("response.output_item.added")]
    | Annotated[ResponseOutputItemDoneEvent, Tag("response.output_item.done")]
    | Annotated[ResponseContentPartAddedEvent, Tag("response.content_part.added")]
    | Annotated[ResponseContentPartDoneEvent, Tag("response.content_part.done")]
    | Annotated[ResponseTextDeltaEvent, Tag("response.output_text.delta")]
    | Annotated[ResponseTextDoneEvent, Tag("response.output_text.done")]
    | Annotated[
        ResponseFunctionCallArgumentsDeltaEvent, Tag("response.function_call_arguments.delta")
    ]
    | Annotated[
        ResponseFunctionCallArgumentsDoneEvent, Tag("response.function_call_arguments.done")
    ]
    | Annotated[ResponseReasoningTextDeltaEvent, Tag("response.reasoning_text.delta")]
    | Annotated[ResponseReasoningTextDoneEvent, Tag("response.reasoning_text.done")]
    | Annotated[ResponseErrorEvent, Tag("error")]
    | Annotated[ResponseStreamEventOther, Tag("other")],
    Discriminator(_event_kind),
]
