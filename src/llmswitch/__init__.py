"""llmswitch: one OpenAI-shaped client over OpenAI, ERNIE, Qwen, GLM and SenseNova.

>>> from llmswitch import Client
>>> client = Client()  # doctest: +SKIP
>>> client.chat.completions.create(model="qwen/qwen-plus", messages=[...])  # doctest: +SKIP

Importing this package stays light: no pandas, matplotlib, rich or jwt are imported here.
"""

from typing import TYPE_CHECKING, Any

from ._client import AsyncClient, Client
from ._config import Config, load_config
from ._response import APIResponse, AsyncAPIResponse, LegacyAPIResponse
from ._sentinels import NOT_GIVEN, NotGiven, Omit, omit
from ._streaming import AsyncStream, Stream
from ._transport import RetryPolicy
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigError,
    ConflictError,
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    InvalidRequestError,
    LLMSwitchError,
    NotFoundError,
    OpenAIError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
    UnprocessableEntityError,
    UnsupportedParameterError,
)

if TYPE_CHECKING:
    from .lib import (
        ContentFilterFinishReasonError,
        LengthFinishReasonError,
        pydantic_function_tool,
    )

# Structured-output helpers load on first use (they are not needed to import the client).
_LAZY = frozenset(
    {"ContentFilterFinishReasonError", "LengthFinishReasonError", "pydantic_function_tool"}
)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.lib"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIResponse",
    "AsyncClient",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "Config",
    "ConfigError",
    "ConflictError",
    "ContentFilterError",
    "ContentFilterFinishReasonError",
    "ContextLengthExceededError",
    "InternalServerError",
    "InvalidRequestError",
    "LLMSwitchError",
    "LegacyAPIResponse",
    "LengthFinishReasonError",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "OpenAIError",
    "PermissionDeniedError",
    "QuotaExceededError",
    "RateLimitError",
    "RetryPolicy",
    "Stream",
    "UnprocessableEntityError",
    "UnsupportedParameterError",
    "__version__",
    "load_config",
    "omit",
    "pydantic_function_tool",
]
