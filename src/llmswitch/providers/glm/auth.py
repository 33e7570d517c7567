"""Zhipu (GLM) auth: the raw ``id.secret`` key as bearer, or the HS256 JWT the official SDK signs.

Wire facts: ``spec/wire-qwen-glm-openai.md`` 3.2 and fixtures ``glm/chat_plain_jwt_auth`` +
``glm/jwt_decoded.json``: header ``{"alg": "HS256", "sign_type": "SIGN", "typ": "JWT"}``, claims
``{"api_key": <id>, "exp": <ms>, "timestamp": <ms>}`` (epoch **milliseconds**), signed with the
secret part; the SDK makes ``exp = now + 210 s`` and reuses a token for 180 s. PyJWT is imported
only when a token is signed, so ``import llmswitch`` never loads it.
"""

from __future__ import annotations

import json
import threading
import time
import warnings
from collections.abc import Callable, Generator
from typing import Any

import httpx
from pydantic import SecretStr

from ..._fork import reset_after_fork
from ..._secrets import register_secret
from ...errors import ConfigError

__all__ = ["ZhipuJWTAuth", "sign_zhipu_token", "split_zhipu_key"]

TOKEN_TTL_SECONDS = 210.0
"""Lifetime written into ``exp`` (the SDK's value)."""
RENEW_AFTER_SECONDS = 180.0
"""A cached token is replaced once it is this old: 30 s before it expires (the SDK's cache)."""


def split_zhipu_key(key: str) -> tuple[str, str]:
    """``"<id>.<secret>"`` → ``(id, secret)``; anything else is a ConfigError."""
    key_id, sep, secret = key.partition(".")
    if not sep or not key_id or not secret or "." in secret:
        raise ConfigError(
            "a Zhipu API key has the form '<id>.<secret>' (one dot); check ZHIPUAI_API_KEY or"
            " providers.glm.api_key"
        )
    return key_id, secret


def sign_zhipu_token(key_id: str, secret: str, now: float, ttl: float = TOKEN_TTL_SECONDS) -> str:
    """The SDK's JWT for ``now`` (seconds since the epoch).

    >>> sign_zhipu_token("abc123", "secretsecret", 1795417264.629)[:20]   # doctest: +SKIP
    'eyJhbGciOiJIUzI1NiIs'
    """
    jws = _pyjwt_jws()
    timestamp = round(now * 1000)
    claims = {"api_key": key_id, "exp": timestamp + int(ttl * 1000), "timestamp": timestamp}
    # Exactly what jwt.encode does (compact JSON claims, sorted header), called from here so
    # that PyJWT's short-HMAC-key warning is attributed to this module and filtered: Zhipu's
    # secrets are shorter than RFC 7518 recommends and the caller cannot change that.
    payload = json.dumps(claims, separators=(",", ":")).encode()
    token: str = jws.encode(
        payload, secret, algorithm="HS256", headers={"alg": "HS256", "sign_type": "SIGN"}
    )
    # Not registered: redaction masks every JWT by its shape, and registering one per 180 s
    # per client would grow the registry without bound.
    return token


def _pyjwt_jws() -> Any:
    """``jwt.api_jws``, imported on first use (``import llmswitch`` must not load PyJWT)."""
    import jwt.api_jws
    from jwt.warnings import InsecureKeyLengthWarning

    warnings.filterwarnings("ignore", category=InsecureKeyLengthWarning, module=__name__)
    return jwt.api_jws


class ZhipuJWTAuth(httpx.Auth):
    """``Authorization: Bearer <JWT>``, signed from ``id.secret``, cached and renewed before it
    expires. On a 401 the token is re-signed and the request sent once more (Zhipu code 1003,
    "token expired", arrives as a 401). ``clock`` returns seconds since the epoch."""

    def __init__(
        self,
        api_key: SecretStr,
        *,
        clock: Callable[[], float] = time.time,
        ttl: float = TOKEN_TTL_SECONDS,
        renew_after: float = RENEW_AFTER_SECONDS,
    ) -> None:
        self._id, self._secret = split_zhipu_key(api_key.get_secret_value())
        register_secret(self._secret, owner=self)
        self._clock = clock
        self._ttl = ttl
        self._renew_after = renew_after
        self._token: str | None = None
        self._signed_at = 0.0
        self._lock = threading.Lock()
        reset_after_fork(self)

    def _after_fork(self) -> None:
        """A fork while another thread signed a token would leave the child's lock held."""
        self._lock = threading.Lock()

    def token(self, *, renew: bool = False) -> str:
        """The current token, signed anew when missing, old or ``renew`` is set."""
        now = self._clock()
        token = self._token
        if token is not None and not renew and 0 <= now - self._signed_at < self._renew_after:
            return token
        with self._lock:
            if (
                self._token is not None
                and not renew
                and 0 <= now - self._signed_at < self._renew_after
            ):
                return self._token
            self._token = sign_zhipu_token(self._id, self._secret, now, self._ttl)
            self._signed_at = now
            return self._token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = "Bearer " + self.token()
        response = yield request
        if response.status_code == 401:
            request.headers["Authorization"] = "Bearer " + self.token(renew=True)
            yield request

    def __repr__(self) -> str:
        return "ZhipuJWTAuth(key=***)"
