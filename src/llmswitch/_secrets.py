"""Secret redaction: every key, token and signed JWT llmswitch handles is registered here.

Error messages, reprs and log lines pass through :func:`redact`, so a secret never leaves the
library in text, even when a provider echoes it back in an error body.
"""

from __future__ import annotations

import logging
import re
import threading
from urllib.parse import quote

__all__ = ["RedactingFilter", "protect_logger", "redact", "register_secret"]

_MAX_SECRETS = 4096
_lock = threading.Lock()
_secrets: dict[str, None] = {}  # insertion-ordered set, oldest evicted first

# Shapes that are secrets whoever sent them: bearer credentials and compact JWTs.
_PATTERNS = re.compile(
    r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"
    r"|eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}"
)
MASK = "***"


def register_secret(value: str | None) -> None:
    """Remember ``value`` so that :func:`redact` masks it wherever it appears."""
    if not value or len(value) < 6:
        return
    quoted = quote(value, safe="")  # as it appears in a logged URL's query string
    with _lock:
        if value in _secrets:
            return
        _secrets[value] = None
        if quoted != value:
            _secrets[quoted] = None
        while len(_secrets) > _MAX_SECRETS:
            del _secrets[next(iter(_secrets))]


def _mask_pattern(match: re.Match[str]) -> str:
    prefix = match.group(1)
    return f"{prefix}{MASK}" if prefix else MASK


def redact(text: str) -> str:
    """Return ``text`` with every registered secret and bearer/JWT-shaped token masked.

    >>> register_secret("sk-very-secret-key")
    >>> redact("bad key sk-very-secret-key")
    'bad key ***'
    """
    if not text:
        return text
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return _PATTERNS.sub(_mask_pattern, text)


class RedactingFilter(logging.Filter):
    """A logging filter that masks secrets in a record's message (for loggers llmswitch does not
    own: httpx logs every request URL at INFO, and Baidu's v1 API carries its OAuth token, and
    the token request its client secret, in the query string)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg = masked
            record.args = None
        return True


def protect_logger(name: str) -> None:
    """Attach a :class:`RedactingFilter` to logger ``name`` (once)."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())
