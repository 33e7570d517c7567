"""Secret redaction: every key, token and signed JWT llmswitch handles is registered here.

Error messages, reprs and log lines pass through :func:`redact`, so a secret never leaves the
library in text, even when a provider echoes it back in an error body.
"""

from __future__ import annotations

import re
import threading

__all__ = ["redact", "register_secret"]

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
    with _lock:
        if value in _secrets:
            return
        _secrets[value] = None
        if len(_secrets) > _MAX_SECRETS:
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
