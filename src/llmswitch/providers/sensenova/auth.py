"""SenseNova JWT auth: an HS256 token minted from access key id + secret, as ``httpx.Auth``.

Wire facts: ``spec/wire-ernie-sensenova.md`` 3.2 and checklist S1/S2: header
``{"alg": "HS256", "typ": "JWT"}``, claims ``iss`` = access key id, ``exp`` = now + 1800 and
``nbf`` = now - 5, in **epoch seconds** (sensenova 1.0.6 ``util.ak_sk_to_header``; decoded in
fixture ``sensenova/jwt_decoded.json``). Unlike the SDK (a new token per request) the token is
cached and re-minted shortly before ``exp``; a 401 re-mints once and replays the request.
PyJWT is imported only when a token is minted.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator

import httpx

from ..._fork import reset_after_fork
from ..._secrets import register_secret

__all__ = ["JWT_LIFETIME", "SenseNovaJWTAuth", "mint_jwt"]

JWT_LIFETIME = 1800  # seconds (SDK value)
_NBF_SKEW = 5  # seconds in the past, against clock skew (SDK value)
_REFRESH_MARGIN = 300  # re-mint when less than this many seconds are left


def mint_jwt(access_key_id: str, secret: str, now: float, lifetime: int = JWT_LIFETIME) -> str:
    """Sign ``{"iss", "exp", "nbf"}`` (seconds) with HS256, byte-compatible with the SDK.

    >>> mint_jwt("AK", "a-secret-of-at-least-32-bytes-length!", 1795513105)[:36]
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9'
    """
    import jwt  # lazy: `import llmswitch` must not load PyJWT

    seconds = int(now)
    claims = {"iss": access_key_id, "exp": seconds + lifetime, "nbf": seconds - _NBF_SKEW}
    token: str = jwt.encode(claims, secret, algorithm="HS256", headers={"typ": "JWT"})
    return token


class SenseNovaJWTAuth(httpx.Auth):
    """``Authorization: Bearer <JWT>``; cached until shortly before ``exp``; on HTTP 401 a new
    token is minted and the request sent once more. ``clock`` returns epoch seconds."""

    def __init__(
        self,
        access_key_id: str,
        secret: str,
        *,
        clock: Callable[[], float] = time.time,
        lifetime: int = JWT_LIFETIME,
    ) -> None:
        self._iss = access_key_id
        self._secret = secret
        register_secret(secret, owner=self)
        self.clock = clock
        self.lifetime = lifetime
        self.mints = 0
        """How many tokens this object has signed (for tests and diagnostics)."""
        self._token: tuple[str, float] | None = None
        self._lock = threading.Lock()
        reset_after_fork(self)

    def _after_fork(self) -> None:
        """A fork while another thread signed a token would leave the child's lock held."""
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "SenseNovaJWTAuth(access_key_id=***)"

    def token(self, *, force: bool = False) -> str:
        """The current JWT, minted when missing, near ``exp`` or when ``force`` is set."""
        now = self.clock()
        cached = self._token
        if not force and cached is not None and now < cached[1]:
            return cached[0]
        with self._lock:
            cached = self._token
            if not force and cached is not None and now < cached[1]:
                return cached[0]
            # Not registered: redaction masks every JWT by its shape (see _secrets).
            value = mint_jwt(self._iss, self._secret, now, self.lifetime)
            self.mints += 1
            self._token = (value, now + self.lifetime - min(_REFRESH_MARGIN, self.lifetime / 2))
        return value

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self.token()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            fresh = self._token[0] if self._token and self._token[0] != token else None
            request.headers["Authorization"] = f"Bearer {fresh or self.token(force=True)}"
            yield request
