"""Pydantic models of requests and responses, with OpenAI's field names.

Responses (``ChatCompletion``, ``ChatCompletionChunk``, ``CreateEmbeddingResponse``) also carry
``provider`` (who answered) and ``raw`` (the provider's own JSON, parsed on first access), so
nothing a provider sent is lost. Request-side models (messages, tools, response formats) are
optional: plain dicts with the same shape are accepted everywhere.

Modules: ``_base`` (the base models, ``raw``), ``chat`` (completions, chunks, finish reasons),
``embeddings``, ``request`` (messages, tools, response formats; loaded on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._base import attach_raw
from .chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionMessage,
    Choice,
    ChoiceDelta,
    ChoiceDeltaToolCall,
    ChoiceDeltaToolCallFunction,
    ChunkChoice,
    FinishReason,
    FunctionCall,
    ToolCall,
    Usage,
    normalize_finish_reason,
)
from .embeddings import CreateEmbeddingResponse, Embedding, EmbeddingUsage

__all__ = [
    "AssistantMessage",
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionMessage",
    "ChatCompletionTool",
    "ChatMessage",
    "Choice",
    "ChoiceDelta",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChunkChoice",
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
    "ResponseFormat",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
    "SystemMessage",
    "TextContentPart",
    "ToolCall",
    "ToolMessage",
    "Usage",
    "UserMessage",
    "attach_raw",
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


def __getattr__(name: str) -> Any:
    """Request-side models load on first use (see :mod:`llmswitch.types.request`)."""
    if name in _REQUEST_TYPES:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.request"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
