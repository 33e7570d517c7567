"""Secret redaction: every key and token llmswitch handles is registered here.

Error messages, reprs and log lines pass through :func:`redact`, so a secret never leaves the
library in text, even when a provider echoes it back in an error body.

The registry forgets nothing that is still in use: a secret registered with an ``owner`` (an
auth object, a client's settings) is held until that owner is garbage-collected; one registered
without an owner is held for the life of the process. Masking costs the same however many
secrets are registered: up to :data:`_SCAN_ABOVE` secrets are searched for one by one (each a
C-speed substring test); past that, the text is scanned once and each position is looked up in
an index keyed by the first :data:`_PREFIX` characters of the secrets and their lengths. Signed
JWTs (GLM, SenseNova) are not registered: the JWT shape below masks every one of them.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import weakref
from collections import deque
from urllib.parse import quote

__all__ = ["RedactingFilter", "protect_logger", "redact", "register_secret", "secret_count"]

_PREFIX = 6
"""Shortest secret registered, and the length of the index keys."""
_SCAN_ABOVE = 64
"""Up to this many secrets, each is searched for with ``str.__contains__``; above, one scan."""
_PER_OWNER = 8
"""Rotating secrets (OAuth tokens) kept per owner: the newest ones, older ones released."""

_lock = threading.Lock()
_counts: dict[str, int] = {}  # secret (raw or URL-quoted form) -> holders
_index: dict[str, dict[int, int]] = {}  # first _PREFIX chars -> {length: secrets}
_small: tuple[str, ...] = ()  # every secret, longest first, while there are few
_owned: weakref.WeakKeyDictionary[object, deque[str]] = weakref.WeakKeyDictionary()
_permanent: set[str] = set()
_released: deque[deque[str]] = deque()
"""Secrets of collected owners, released at the next registration. A finalizer only appends
here: it may run inside a garbage collection triggered while the lock is held."""

# Shapes that are secrets whoever sent them: bearer credentials and compact JWTs.
_PATTERNS = re.compile(
    r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"
    r"|eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}"
)
MASK = "***"


def _forms(value: str) -> tuple[str, ...]:
    quoted = quote(value, safe="")  # as it appears in a logged URL's query string
    return (value,) if quoted == value else (value, quoted)


def _add(secret: str) -> None:
    count = _counts.get(secret, 0)
    _counts[secret] = count + 1
    if count == 0:
        lengths = _index.setdefault(secret[:_PREFIX], {})
        lengths[len(secret)] = lengths.get(len(secret), 0) + 1


def _remove(secret: str) -> None:
    count = _counts.get(secret, 0)
    if count > 1:
        _counts[secret] = count - 1
        return
    _counts.pop(secret, None)
    key = secret[:_PREFIX]
    lengths = _index.get(key)
    if lengths is not None:
        left = lengths.get(len(secret), 0) - 1
        if left > 0:
            lengths[len(secret)] = left
        else:
            lengths.pop(len(secret), None)
            if not lengths:
                del _index[key]


def _refresh_small() -> None:
    global _small
    _small = tuple(sorted(_counts, key=len, reverse=True)) if len(_counts) <= _SCAN_ABOVE else ()


def _drain() -> None:
    """Release the secrets of owners collected since the last call (lock held)."""
    while _released:
        held = _released.popleft()
        for secret in held:
            _remove(secret)
        held.clear()


def register_secret(value: str | None, owner: object | None = None) -> None:
    """Remember ``value`` so that :func:`redact` masks it wherever it appears.

    With ``owner``, the secret is held while ``owner`` lives (and at most the newest
    :data:`_PER_OWNER` secrets of one owner are held: rotating tokens); without, for the life
    of the process.
    """
    if not value or len(value) < _PREFIX:
        return
    forms = _forms(value)
    with _lock:
        _drain()
        if owner is None:
            if value in _permanent:
                return
            for form in forms:
                if form not in _permanent:
                    _permanent.add(form)
                    _add(form)
        else:
            held = _owned.get(owner)
            if held is None:
                held = _owned[owner] = deque()
                weakref.finalize(owner, _released.append, held)
            if value in held:
                return
            for form in forms:
                _add(form)
                held.append(form)
            while len(held) > _PER_OWNER * 2:
                _remove(held.popleft())
        _refresh_small()


def secret_count() -> int:
    """How many secret forms are registered now (for tests and diagnostics)."""
    return len(_counts)


def _mask_pattern(match: re.Match[str]) -> str:
    prefix = match.group(1)
    return f"{prefix}{MASK}" if prefix else MASK


def _scan(text: str) -> str:
    """Mask registered secrets by one pass over ``text`` (cost independent of their number)."""
    index = _index
    counts = _counts
    out: list[str] = []
    start = 0
    i = 0
    end = len(text) - _PREFIX + 1
    while i < end:
        lengths = index.get(text[i : i + _PREFIX])
        if lengths:
            found = 0
            for length in sorted(lengths, reverse=True):
                if text[i : i + length] in counts:
                    found = length
                    break
            if found:
                out.append(text[start:i])
                out.append(MASK)
                i += found
                start = i
                continue
        i += 1
    if not out:
        return text
    out.append(text[start:])
    return "".join(out)


def redact(text: str) -> str:
    """Return ``text`` with every registered secret and bearer/JWT-shaped token masked.

    >>> register_secret("sk-very-secret-key")
    >>> redact("bad key sk-very-secret-key")
    'bad key ***'
    """
    if not text:
        return text
    small = _small
    if small or len(_counts) <= _SCAN_ABOVE:
        for secret in small:
            if secret in text:
                text = text.replace(secret, MASK)
    elif len(text) >= _PREFIX:
        text = _scan(text)
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


def _after_fork_in_child() -> None:
    """A fork while another thread held the lock would leave the child's copy locked forever."""
    global _lock
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
