"""The llmswitch exception hierarchy, named after openai-python's so ``except`` clauses port.

::

    LLMSwitchError                          (also exported as OpenAIError, for ported code)
    ├── ConfigError                         bad or missing configuration (the caller's fault)
    ├── UnsupportedParameterError           a parameter the provider cannot honour
    ├── InvalidRequestError                 malformed arguments (bad message shape, ...)
    └── APIError(provider, status_code, code, message, request_id, retryable, raw)
        ├── APIConnectionError              could not reach the provider, or the stream broke
        │   └── APITimeoutError
        ├── APIResponseValidationError      an answer that does not parse
        └── APIStatusError                  the provider said no (any status, incl. a 200 body)
            ├── BadRequestError
            │   ├── ContextLengthExceededError
            │   └── ContentFilterError
            │   └── UnprocessableEntityError    HTTP 422
            ├── AuthenticationError
            ├── PermissionDeniedError
            ├── NotFoundError
            ├── ConflictError                   HTTP 409 (retried)
            ├── RateLimitError
            │   └── QuotaExceededError      balance or free quota used up: never retried
            └── InternalServerError

Like openai-python's, an ``APIError`` has ``status_code``, ``code``, ``param``, ``type``,
``body`` (the provider's error object), ``request_id``, ``request`` and ``response``.
``LengthFinishReasonError`` / ``ContentFilterFinishReasonError`` (raised by ``parse``) are in
:mod:`llmswitch.lib`.

Every text an error carries passes through secret redaction: keys, tokens and JWTs never
appear in ``str(error)``, ``repr(error)`` or ``error.raw``.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Mapping
from typing import Any

from ._secrets import redact

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigError",
    "ConflictError",
    "ContentFilterError",
    "ContextLengthExceededError",
    "InternalServerError",
    "InvalidRequestError",
    "LLMSwitchError",
    "NotFoundError",
    "OpenAIError",
    "PermissionDeniedError",
    "QuotaExceededError",
    "RateLimitError",
    "UnprocessableEntityError",
    "UnsupportedParameterError",
    "parse_retry_after",
    "status_error_class",
]


class LLMSwitchError(Exception):
    """Base class of every error llmswitch raises."""

    def __init__(self, message: str) -> None:
        self.message = redact(message)
        super().__init__(self.message)


OpenAIError = LLMSwitchError
"""openai-python's base error name: ``except OpenAIError`` catches every llmswitch error."""


class ConfigError(LLMSwitchError, ValueError):
    """Configuration is missing or wrong; the message names the file, the key and the fix."""


class InvalidRequestError(LLMSwitchError, ValueError):
    """The arguments of a call are malformed (caught before anything is sent)."""


class UnsupportedParameterError(LLMSwitchError, ValueError):
    """A provider cannot honour a parameter (set ``drop_unsupported_params = true`` to drop it)."""

    def __init__(self, provider: str, parameter: str, detail: str = "") -> None:
        self.provider = provider
        self.parameter = parameter
        text = f"provider {provider!r} does not support parameter {parameter!r}"
        if detail:
            text += f" ({detail})"
        text += (
            "; remove it from the call, or set drop_unsupported_params = true in the config"
            " (or pass drop_unsupported_params=True to Client) to drop it silently"
        )
        super().__init__(text)


class APIError(LLMSwitchError):
    """A call to a provider failed. Carries everything the provider told us, secrets redacted."""

    def __init__(
        self,
        message: str,
        *,
        provider: str,
        status_code: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        retryable: bool = False,
        raw: str | None = None,
        retry_after: float | None = None,
        param: str | None = None,
        type: str | None = None,
    ) -> None:
        self.provider = provider
        self.status_code = status_code
        self.code = code
        self.request_id = request_id
        self.retryable = retryable
        self.raw = redact(raw) if raw else raw
        self.retry_after = retry_after
        self._param = param
        self._type = type
        self.request: Any = None
        """The ``httpx.Request`` that was sent (without credentials added by auth flows)."""
        self.response: Any = None
        """The ``httpx.Response`` the provider sent, for status errors and errors in bodies."""
        self.attempts: list[APIError] = []
        """Errors of earlier targets of a fallback chain that failed before this one."""
        super().__init__(message)

    @property
    def body(self) -> object | None:
        """The provider's error object (``{"message", "type", "param", "code"}`` on OpenAI's
        wire), parsed from the redacted body; the text if it is not JSON; ``None`` if empty."""
        if not self.raw:
            return None
        try:
            payload: object = json.loads(self.raw)
        except (ValueError, RecursionError):
            return self.raw
        if isinstance(payload, dict):
            inner: object = payload.get("error")
            if isinstance(inner, dict):
                return inner
        return payload

    def _body_field(self, name: str) -> str | None:
        body = self.body
        value = body.get(name) if isinstance(body, dict) else None
        return str(value) if value is not None else None

    @property
    def param(self) -> str | None:
        """The parameter the provider blamed, when it names one."""
        return self._param if self._param is not None else self._body_field("param")

    @property
    def type(self) -> str | None:
        """The provider's error type (``invalid_request_error``, ...), when it sends one."""
        return self._type if self._type is not None else self._body_field("type")

    def __str__(self) -> str:
        parts = [f"[{self.provider}"]
        if self.status_code is not None:
            parts.append(f" {self.status_code}")
        label = self.code or self._type
        if label:
            parts.append(f" {label}")
        parts.append("] ")
        text = "".join(parts) + self.message
        if self.request_id:
            text += f" (request id {self.request_id})"
        if self.attempts:
            tried = "; ".join(f"{type(e).__name__} from {e.provider}" for e in self.attempts)
            text += f" [after fallback: {tried}]"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(provider={self.provider!r}, status_code={self.status_code!r},"
            f" code={self.code!r}, message={self.message!r}, request_id={self.request_id!r},"
            f" retryable={self.retryable!r})"
        )


class APIConnectionError(APIError):
    """The provider could not be reached, or the connection broke mid-answer."""

    def __init__(self, message: str = "connection error", **kwargs: object) -> None:
        kwargs.setdefault("retryable", True)
        super().__init__(message, **kwargs)  # type: ignore[arg-type]


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""


class APIResponseValidationError(APIError):
    """The provider answered something that does not parse as its documented format."""


class APIStatusError(APIError):
    """The provider refused the request, by HTTP status or by an error inside a 200 body."""


class BadRequestError(APIStatusError):
    """The provider rejected the request as malformed (HTTP 400, 422 or the like)."""


class ContextLengthExceededError(BadRequestError):
    """The prompt (plus max tokens) is longer than the model's context window."""


class ContentFilterError(BadRequestError):
    """The provider's content safety system blocked the input or the output."""


class AuthenticationError(APIStatusError):
    """The key, token or signature was refused."""


class PermissionDeniedError(APIStatusError):
    """The key is valid but may not do this (region, model access, account state)."""


class NotFoundError(APIStatusError):
    """The model or endpoint does not exist for this account."""


class RateLimitError(APIStatusError):
    """Too many requests or tokens per unit of time; retried with backoff."""


class QuotaExceededError(RateLimitError):
    """The balance or the free quota is used up: retrying does not help, paying does."""


class UnprocessableEntityError(BadRequestError):
    """The request was well-formed but its content was refused (HTTP 422)."""


class ConflictError(APIStatusError):
    """The request conflicts with the resource's state (HTTP 409); retried."""


class InternalServerError(APIStatusError):
    """The provider failed (HTTP 5xx or an equivalent code)."""


_STATUS_CLASSES: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: BadRequestError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

RETRYABLE_STATUSES = frozenset({408, 409, 429})


def status_error_class(status: int) -> type[APIStatusError]:
    """The error class an HTTP status maps to when the body names nothing more specific."""
    if status >= 500:
        return InternalServerError
    return _STATUS_CLASSES.get(status, APIStatusError)


def status_is_retryable(status: int) -> bool:
    """408, 409, 429 and every 5xx are retried (openai-python's rule)."""
    return status in RETRYABLE_STATUSES or status >= 500


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait as the server asks: ``retry-after-ms``, then ``retry-after`` (seconds or
    an HTTP date). ``None`` when absent or unparsable."""
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            seconds = float(value) / 1000.0
        except ValueError:
            pass
        else:
            if math.isfinite(seconds):  # "inf" / "nan" are no instruction: usual backoff
                return max(seconds, 0.0)
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if math.isfinite(seconds) else None
    import email.utils  # only for the rare HTTP-date form

    try:
        parsed = email.utils.parsedate_tz(value)
        if parsed is None:
            return None
        when = email.utils.mktime_tz(parsed)
    except (ValueError, OverflowError, TypeError, IndexError):
        return None  # a malformed date is no instruction to wait
    return max(when - (time.time() if now is None else now), 0.0)
