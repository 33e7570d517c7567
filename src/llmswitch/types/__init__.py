"""Pydantic models of requests and responses, with OpenAI's field names.

Responses (``ChatCompletion``, ``ChatCompletionChunk``, ``CreateEmbeddingResponse``) also carry
``provider`` (who answered) and ``raw`` (the provider's own JSON, parsed on first access), so
nothing a provider sent is lost. Request-side models (messages, tools, response formats) are
optional: plain dicts with the same shape are accepted everywhere.

Modules: ``_base`` (the base models, ``raw``), ``chat`` (completions, chunks, finish reasons,
usage details, logprobs), ``embeddings``, ``models``, ``request`` (messages, tools, response
formats; loaded on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._base import attach_raw, attach_request_id
from .chat import (
    Annotation,
    AnnotationURLCitation,
    ChatCompletion,
    ChatCompletionAudio,
    ChatCompletionChunk,
    ChatCompletionMessage,
    ChatCompletionTokenLogprob,
    Choice,
    ChoiceDelta,
    ChoiceDeltaFunctionCall,
    ChoiceDeltaToolCall,
    ChoiceDeltaToolCallFunction,
    ChoiceLogprobs,
    ChunkChoice,
    CompletionTokensDetails,
    CompletionUsage,
    FinishReason,
    FunctionCall,
    PromptTokensDetails,
    ToolCall,
    TopLogprob,
    Usage,
    normalize_finish_reason,
)
from .embeddings import CreateEmbeddingResponse, Embedding, EmbeddingUsage
from .models import Model, ModelDeleted, SyncPage

__all__ = [
    "Annotation",
    "AnnotationURLCitation",
    "AssistantMessage",
    "ChatCompletion",
    "ChatCompletionAudio",
    "ChatCompletionChunk",
    "ChatCompletionMessage",
    "ChatCompletionTokenLogprob",
    "ChatCompletionTool",
    "ChatMessage",
    "Choice",
    "ChoiceDelta",
    "ChoiceDeltaFunctionCall",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChoiceLogprobs",
    "ChunkChoice",
    "CompletionTokensDetails",
    "CompletionUsage",
    "ContentPart",
    "CreateEmbeddingResponse",
    "DeveloperMessage",
    "Embedding",
    "EmbeddingUsage",
    "FinishReason",
    "FunctionCall",
    "FunctionDefinition",
    "ImageContentPart",
    "ImageURL",
    "JSONSchemaFormat",
    "Model",
    "ModelDeleted",
    "PromptTokensDetails",
    "ResponseFormat",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
    "SyncPage",
    "SystemMessage",
    "TextContentPart",
    "ToolCall",
    "ToolMessage",
    "TopLogprob",
    "Usage",
    "UserMessage",
    "attach_raw",
    "attach_request_id",
    "normalize_finish_reason",
]

_REQUEST_TYPES = frozenset(
    {
        "AssistantMessage", "ChatCompletionTool", "ChatMessage", "ContentPart", "DeveloperMessage",
        "FunctionDefinition", "ImageContentPart", "ImageURL", "JSONSchemaFormat", "ResponseFormat",
        "ResponseFormatJSONObject", "ResponseFormatJSONSchema", "ResponseFormatText",
        "SystemMessage", "TextContentPart", "ToolMessage", "UserMessage",
    }
)  # fmt: skip

if TYPE_CHECKING:
    from .request import (
        AssistantMessage,
        ChatCompletionTool,
        ChatMessage,
        ContentPart,
        DeveloperMessage,
        FunctionDefinition,
        ImageContentPart,
        ImageURL,
        JSONSchemaFormat,
        ResponseFormat,
        ResponseFormatJSONObject,
        ResponseFormatJSONSchema,
        ResponseFormatText,
        SystemMessage,
        TextContentPart,
        ToolMessage,
        UserMessage,
    )


# ---- The Responses API (issue 20): loaded on first use, like the request-side models ------

_EAGER_AND_REQUEST = len(__all__)
__all__ += [
    "FunctionTool",
    "IncompleteDetails",
    "ParsedResponse",
    "ParsedResponseFunctionToolCall",
    "ParsedResponseOutputMessage",
    "ParsedResponseOutputText",
    "Response",
    "ResponseCompletedEvent",
    "ResponseContentPartAddedEvent",
    "ResponseContentPartDoneEvent",
    "ResponseCreatedEvent",
    "ResponseErrorEvent",
    "ResponseFailedEvent",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseFunctionCallArgumentsDoneEvent",
    "ResponseFunctionToolCall",
    "ResponseInProgressEvent",
    "ResponseIncompleteEvent",
    "ResponseOutputItem",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ResponseOutputMessage",
    "ResponseOutputRefusal",
    "ResponseOutputText",
    "ResponseReasoningItem",
    "ResponseStreamEvent",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
    "ResponseUsage",
]
# Everything added to __all__ above (written out, so type checkers see the re-exports).
_RESPONSES_TYPES = frozenset(__all__[_EAGER_AND_REQUEST:])

if TYPE_CHECKING:
    from .responses import (
        FunctionTool,
        IncompleteDetails,
        ParsedResponse,
        ParsedResponseFunctionToolCall,
        ParsedResponseOutputMessage,
        ParsedResponseOutputText,
        Response,
        ResponseCompletedEvent,
        ResponseContentPartAddedEvent,
        ResponseContentPartDoneEvent,
        ResponseCreatedEvent,
        ResponseErrorEvent,
        ResponseFailedEvent,
        ResponseFunctionCallArgumentsDeltaEvent,
        ResponseFunctionCallArgumentsDoneEvent,
        ResponseFunctionToolCall,
        ResponseIncompleteEvent,
        ResponseInProgressEvent,
        ResponseOutputItem,
        ResponseOutputItemAddedEvent,
        ResponseOutputItemDoneEvent,
        ResponseOutputMessage,
        ResponseOutputRefusal,
        ResponseOutputText,
        ResponseReasoningItem,
        ResponseStreamEvent,
        ResponseTextDeltaEvent,
        ResponseTextDoneEvent,
        ResponseUsage,
    )

# The lazy names and the module that holds each.
_LAZY = {**dict.fromkeys(_REQUEST_TYPES, "request"), **dict.fromkeys(_RESPONSES_TYPES, "responses")}


def __getattr__(name: str) -> Any:
    """Request-side and Responses models load on first use (see :mod:`llmswitch.types.request`
    and :mod:`llmswitch.types.responses`)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
