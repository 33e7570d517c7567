"""Request-side models (messages, tools, response formats), with OpenAI's field names.

Optional: plain dicts of the same shape are accepted everywhere. Imported lazily through
:mod:`llmswitch.types` so that ``import llmswitch`` does not pay for building them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .chat import ToolCall

__all__ = [
    "AssistantMessage",
    "ChatCompletionTool",
    "ChatMessage",
    "ContentPart",
    "DeveloperMessage",
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
    "ToolMessage",
    "UserMessage",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class TextContentPart(_Model):
    type: Literal["text"] = "text"
    text: str


class ImageURL(_Model):
    url: str
    detail: Literal["auto", "low", "high"] | None = None


class ImageContentPart(_Model):
    type: Literal["image_url"] = "image_url"
    image_url: ImageURL


ContentPart = Annotated[TextContentPart | ImageContentPart, Field(discriminator="type")]


class SystemMessage(_Model):
    role: Literal["system"] = "system"
    content: str | list[TextContentPart]
    name: str | None = None


class DeveloperMessage(_Model):
    role: Literal["developer"] = "developer"
    content: str | list[TextContentPart]
    name: str | None = None


class UserMessage(_Model):
    role: Literal["user"] = "user"
    content: str | list[ContentPart]
    name: str | None = None


class AssistantMessage(_Model):
    role: Literal["assistant"] = "assistant"
    content: str | list[TextContentPart] | None = None
    tool_calls: list[ToolCall] | None = None
    name: str | None = None


class ToolMessage(_Model):
    role: Literal["tool"] = "tool"
    content: str | list[TextContentPart]
    tool_call_id: str


ChatMessage = Annotated[
    SystemMessage | DeveloperMessage | UserMessage | AssistantMessage | ToolMessage,
    Field(discriminator="role"),
]


class FunctionDefinition(_Model):
    name: str
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None


class ChatCompletionTool(_Model):
    type: Literal["function"] = "function"
    function: FunctionDefinition


class ResponseFormatText(_Model):
    type: Literal["text"] = "text"


class ResponseFormatJSONObject(_Model):
    type: Literal["json_object"] = "json_object"


class JSONSchemaFormat(_Model):
    name: str
    description: str | None = None
    schema_: dict[str, Any] | None = Field(default=None, alias="schema")
    strict: bool | None = None


class ResponseFormatJSONSchema(_Model):
    type: Literal["json_schema"] = "json_schema"
    json_schema: JSONSchemaFormat


ResponseFormat = Annotated[
    ResponseFormatText | ResponseFormatJSONObject | ResponseFormatJSONSchema,
    Field(discriminator="type"),
]
