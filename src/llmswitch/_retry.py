"""How many retries and how long to wait (openai-python's schedule, Retry-After honoured up to a
cap), as tenacity's ``retry`` / ``wait`` / ``before_sleep`` hooks for the transport."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable

from tenacity import RetryCallState
from tenacity.retry import retry_base

from .errors import APIError

__all__ = ["RetryIf", "RetryPolicy", "first_failure", "log_retry", "wait_for"]

logger = logging.getLogger("llmswitch")


class RetryPolicy:
    """How many retries, and how long to wait; ``sleep`` and ``random`` are injectable."""

    __slots__ = (
        "async_sleep",
        "max_retries",
        "max_retry_after",
        "random",
        "sleep",
    )

    def __init__(
        self,
        max_retries: int = 2,
        *,
        max_retry_after: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        random: Callable[[], float] = random.random,
    ) -> None:
        self.max_retries = max_retries
        self.max_retry_after = max_retry_after
        self.sleep = sleep
        self.async_sleep = async_sleep
        self.random = random

    def should_retry(self, error: BaseException) -> bool:
        """True for a retryable :class:`APIError` whose Retry-After is within the cap. A longer
        Retry-After is not waited for: the error is raised (a fallback chain moves on to its
        next target), as openai-python does above its 120 s cap."""
        if not isinstance(error, APIError) or not error.retryable:
            return False
        return error.retry_after is None or error.retry_after <= self.max_retry_after

    def wait(self, retries_done: int, error: BaseException | None) -> float:
        """Seconds to wait before retry number ``retries_done + 1``."""
        if (
            isinstance(error, APIError)
            and error.retry_after is not None
            and 0 < error.retry_after <= self.max_retry_after
        ):
            return error.retry_after
        base = min(0.5 * 2.0**retries_done, 8.0)
        return base * (1.0 - 0.25 * self.random())


class RetryIf(retry_base):
    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        if outcome is None or not outcome.failed:
            return False
        error = outcome.exception()
        return error is not None and self.policy.should_retry(error)


def wait_for(policy: RetryPolicy, offset: int) -> Callable[[RetryCallState], float]:
    def wait(retry_state: RetryCallState) -> float:
        error = retry_state.outcome.exception() if retry_state.outcome else None
        return policy.wait(retry_state.attempt_number - 1 + offset, error)

    return wait


def _log(policy: RetryPolicy, what: str, error: BaseException | None, wait: float, n: int) -> None:
    if isinstance(error, APIError):
        logger.debug(
            "retrying %s on %s: %s (status %s, code %s); waiting %.3fs, retry %d of %d",
            what,
            error.provider,
            type(error).__name__,
            error.status_code,
            error.code,
            wait,
            n,
            policy.max_retries,
        )


def log_retry(policy: RetryPolicy, what: str, offset: int) -> Callable[[RetryCallState], None]:
    def before_sleep(retry_state: RetryCallState) -> None:
        error = retry_state.outcome.exception() if retry_state.outcome else None
        wait = retry_state.next_action.sleep if retry_state.next_action else 0.0
        _log(policy, what, error, wait, retry_state.attempt_number + offset)

    return before_sleep


def first_failure(policy: RetryPolicy, what: str, error: APIError) -> float:
    """After a failed first attempt: re-raise unless it is retried; else log and return the
    wait before the second attempt."""
    if policy.max_retries <= 0 or not policy.should_retry(error):
        raise error
    wait = policy.wait(0, error)
    _log(policy, what, error, wait, 1)
    return wait
