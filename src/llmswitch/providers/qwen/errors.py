"""DashScope (Qwen) error bodies and codes → the llmswitch error hierarchy.

Wire facts: ``spec/wire-qwen-glm-openai.md`` 1.5 (errors in SSE, SSE-framed error bodies), 1.7
(native ``{code, message, request_id}`` and the code table) and 2 (compatible mode's
``{"error": {...}, "request_id"}`` with lower-case codes). One table serves both spellings.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ValidationError

from ..._sse import SSEDecoder
from ...errors import (
    APIError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
)
from .._base import make_error, request_id_from

__all__ = ["QWEN_ERROR_CODES", "qwen_error", "qwen_error_from_event"]

_Entry = tuple[type[APIStatusError], bool]  # (class, retryable)
_AUTH: _Entry = (AuthenticationError, False)
_BAD: _Entry = (BadRequestError, False)
_FILTER: _Entry = (ContentFilterError, False)
_DENIED: _Entry = (PermissionDeniedError, False)
_MISSING: _Entry = (NotFoundError, False)
_QUOTA: _Entry = (QuotaExceededError, False)
_RATE: _Entry = (RateLimitError, True)
_SERVER: _Entry = (InternalServerError, True)

# Source: spec/wire-qwen-glm-openai.md 1.7 (DS-doc-err, apinto table, DS-v2err _WIRE_TO_PUBLIC)
# and 2 (compatible-mode spellings). Issue 6 decides the billing rows: Arrearage, the
# *BillOverdue codes and Throttling.AllocationQuota / insufficient_quota (also used for TPM
# throttling) are QuotaExceededError and are not retried. Server-side timeouts
# (RequestTimeOut, InternalError.Timeout, GatewayTimeout) are InternalServerError (retried).
QWEN_ERROR_CODES: Mapping[str, _Entry] = {
    "InvalidParameter": _BAD,
    "invalid_parameter_error": _BAD,
    "BadRequest.EmptyInput": _BAD,
    "BadRequest.EmptyParameters": _BAD,
    "BadRequest.EmptyModel": _BAD,
    "BadRequest.TooLarge": _BAD,
    "BadRequest.InputDownloadFailed": _BAD,
    "BadRequest.UnsupportedFileFormat": _BAD,
    "InvalidURL": _BAD,
    "UnsupportedOperation": _BAD,
    "DataInspectionFailed": _FILTER,
    "data_inspection_failed": _FILTER,
    "CustomRoleBlocked": _FILTER,
    "FaqRuleBlocked": _FILTER,
    "IPInfringementSuspect": _FILTER,
    "InvalidApiKey": _AUTH,
    "invalid_api_key": _AUTH,
    "NOT AUTHORIZED": _AUTH,
    "AccessDenied": _DENIED,
    "AccessDenied.Unpurchased": _DENIED,
    "Model.AccessDenied": _DENIED,
    "Workspace.AccessDenied": _DENIED,
    "App.AccessDenied": _DENIED,
    "CommodityNotPurchased": _DENIED,
    "ModelNotFound": _MISSING,
    "model_not_found": _MISSING,
    "model_not_supported": _MISSING,
    "WorkSpaceNotFound": _MISSING,
    "Model.NotExist": _MISSING,
    "Arrearage": _QUOTA,
    "PrepaidBillOverdue": _QUOTA,
    "PostpaidBillOverdue": _QUOTA,
    "AllocationQuota.FreeTierOnly": _QUOTA,
    "Throttling.AllocationQuota": _QUOTA,
    "insufficient_quota": _QUOTA,
    "Throttling": _RATE,
    "Throttling.RateQuota": _RATE,
    "Throttling.BurstRate": _RATE,
    "LimitRequests": _RATE,
    "limit_requests": _RATE,
    "limit_burst_rate": _RATE,
    "RequestTimeOut": _SERVER,
    "InternalError": _SERVER,
    "internal_error": _SERVER,
    "InternalError.Algo": _SERVER,
    "InternalError.Timeout": _SERVER,
    "SystemError": _SERVER,
    "ModelServiceFailed": _SERVER,
    "RewriteFailed": _SERVER,
    "RetrivalFailed": _SERVER,
    "InvokePluginFailed": _SERVER,
    "AppProcessFailed": _SERVER,
    "ModelServingError": _SERVER,
    "ModelUnavailable": _SERVER,
    "ServiceUnavailable": _SERVER,
    "GatewayTimeout": _SERVER,
}

# An InvalidParameter whose message says the prompt is longer than the model takes
# (spec 1.7: "Range of input length should be [1, N]"; match the message).
_CONTEXT_MARKERS = ("range of input length", "input length should be", "maximum context length")


class _Nested(BaseModel):
    code: str | int | None = None
    type: str | None = None
    message: str | None = None


class _ErrorBody(BaseModel):
    code: str | int | None = None
    message: str | None = None
    request_id: str | None = None
    error: _Nested | str | None = None


def _sse_data(body: bytes) -> bytes:
    """The data of the first SSE event of an SSE-framed error body (HTTP 400 on a stream)."""
    decoder = SSEDecoder()
    events = decoder.feed(body) + decoder.flush()
    return events[0].data.encode() if events else b""


def _looks_like_sse(body: bytes) -> bool:
    head = body.lstrip()[:6]
    return head.startswith((b"id:", b"event:", b"data:", b":"))


def qwen_error(
    provider: str, status: int, body: bytes, headers: Mapping[str, str] | None = None
) -> APIError:
    """Map a DashScope error (native flat JSON, compatible ``{"error": ...}`` or an SSE-framed
    body) to its typed error. An unknown code keeps the HTTP status's class and the raw body."""
    headers = headers or {}
    data = _sse_data(body) if _looks_like_sse(body) else body
    try:
        parsed = _ErrorBody.model_validate_json(data) if data else _ErrorBody()
    except ValidationError:
        parsed = _ErrorBody()
    code, message = parsed.code, parsed.message
    kind: str | None = None
    if isinstance(parsed.error, _Nested):
        code = parsed.error.code if parsed.error.code is not None else code
        kind = parsed.error.type
        message = parsed.error.message or message
    elif isinstance(parsed.error, str):
        message = parsed.error
    code_text = str(code) if code not in (None, "") else None
    entry = QWEN_ERROR_CODES.get(code_text or "") or QWEN_ERROR_CODES.get(kind or "")
    cls, retryable = entry if entry else (None, None)
    text = message or body.decode("utf-8", "replace")[:500] or f"HTTP {status}"
    if cls in (BadRequestError, None) and any(m in text.lower() for m in _CONTEXT_MARKERS):
        cls, retryable = ContextLengthExceededError, False
    if cls is None and status < 400:
        cls, retryable = APIStatusError, False
    return make_error(
        provider,
        status,
        text,
        body=body,
        headers=headers,
        code=code_text or kind,
        cls=cls,
        retryable=retryable,
        request_id=parsed.request_id or request_id_from(headers),
    )


def qwen_error_from_event(provider: str, data: str, comment: str | None = None) -> APIError:
    """An ``event:error`` (or a ``code`` body) inside an HTTP 200 stream. DashScope states the
    error's HTTP status in the event's ``:HTTP_STATUS/4xx`` comment; without it, the status is
    the one the code implies (400 when unknown, as the DashScope SDK does)."""
    status = _comment_status(comment)
    if status is not None:
        return qwen_error(provider, status, data.encode())
    error = qwen_error(provider, 400, data.encode())
    if isinstance(error, APIStatusError) and error.code in QWEN_ERROR_CODES:
        error.status_code = _STATUS_OF.get(type(error), 400)
    return error


def _comment_status(comment: str | None) -> int | None:
    if comment and comment.startswith("HTTP_STATUS/"):
        value = comment[len("HTTP_STATUS/") :].strip()
        if value.isdigit() and 400 <= int(value) <= 599:
            return int(value)
    return None


_STATUS_OF: Mapping[type[APIStatusError], int] = {
    AuthenticationError: 401,
    PermissionDeniedError: 403,
    NotFoundError: 404,
    RateLimitError: 429,
    QuotaExceededError: 429,
    InternalServerError: 500,
}
