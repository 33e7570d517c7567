"""Error hierarchy, Retry-After parsing and secret redaction."""

from __future__ import annotations

import email.utils

import pytest

import llmswitch
from llmswitch import errors
from llmswitch._secrets import redact, register_secret


def test_hierarchy_mirrors_openai_python_names() -> None:
    assert issubclass(errors.QuotaExceededError, errors.RateLimitError)
    assert issubclass(errors.RateLimitError, errors.APIStatusError)
    assert issubclass(errors.ContextLengthExceededError, errors.BadRequestError)
    assert issubclass(errors.ContentFilterError, errors.BadRequestError)
    assert issubclass(errors.APITimeoutError, errors.APIConnectionError)
    assert issubclass(errors.APIStatusError, errors.APIError)
    assert issubclass(errors.APIError, errors.LLMSwitchError)
    assert issubclass(errors.ConfigError, ValueError)


@pytest.mark.parametrize(
    ("status", "cls"),
    [(400, "BadRequestError"), (401, "AuthenticationError"), (403, "PermissionDeniedError"),
     (404, "NotFoundError"), (429, "RateLimitError"), (500, "InternalServerError"),
     (503, "InternalServerError"), (418, "APIStatusError")],
)  # fmt: skip
def test_status_classes(status: int, cls: str) -> None:
    assert errors.status_error_class(status).__name__ == cls


def test_retry_after_forms() -> None:
    assert errors.parse_retry_after({"retry-after-ms": "1500"}) == 1.5
    assert errors.parse_retry_after({"retry-after": "2"}) == 2.0
    assert errors.parse_retry_after({"retry-after": "soon"}) is None
    assert errors.parse_retry_after({}) is None
    date = email.utils.formatdate(1_000_030, usegmt=True)
    assert errors.parse_retry_after({"retry-after": date}, now=1_000_000) == pytest.approx(30)


def test_registered_secret_never_appears_in_error_text() -> None:
    register_secret("abc123.supersecretvalue")
    error = errors.AuthenticationError(
        "key abc123.supersecretvalue refused",
        provider="glm",
        status_code=401,
        raw='{"echo": "abc123.supersecretvalue"}',
    )
    for text in (str(error), repr(error), error.message, error.raw or ""):
        assert "supersecretvalue" not in text


def test_bearer_and_jwt_shapes_are_masked_even_if_unregistered() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJhcGlfa2V5IjoiYWJjIn0.c2lnbmF0dXJlc2lnbg"
    text = redact(f"Authorization: Bearer sk-unregistered-123456 token {jwt}")
    assert "sk-unregistered" not in text and jwt not in text
    assert "Bearer ***" in text


def test_every_error_class_is_exported() -> None:
    for name in errors.__all__:
        if name[0].isupper():
            assert getattr(llmswitch, name) is getattr(errors, name)
