"""llmswitch: one OpenAI-shaped client over OpenAI, ERNIE, Qwen, GLM and SenseNova.

>>> from llmswitch import Client
>>> client = Client()  # doctest: +SKIP
>>> client.chat.completions.create(model="qwen/qwen-plus", messages=[...])  # doctest: +SKIP

Importing this package stays light: no pandas, matplotlib, rich or jwt are imported here.
"""

from ._client import AsyncClient, Client
from ._config import Config, load_config
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
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    InvalidRequestError,
    LLMSwitchError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
    UnsupportedParameterError,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "Config",
    "ConfigError",
    "ContentFilterError",
    "ContextLengthExceededError",
    "InternalServerError",
    "InvalidRequestError",
    "LLMSwitchError",
    "NotFoundError",
    "PermissionDeniedError",
    "QuotaExceededError",
    "RateLimitError",
    "RetryPolicy",
    "Stream",
    "UnsupportedParameterError",
    "__version__",
    "load_config",
]
