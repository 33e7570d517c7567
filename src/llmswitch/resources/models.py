"""``client.models``: the models a provider serves (``list``, ``retrieve``, ``delete``).

As in openai-python these address the client's default provider (OpenAI unless ``[defaults]
provider`` says otherwise); llmswitch adds ``provider=`` to ask another. A provider whose API
has no model list raises :class:`~llmswitch.errors.InvalidRequestError` saying so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any, TypeVar

import httpx

from .._pipeline import (
    Extras,
    aread_then,
    provider_step,
    read_then,
    run_async,
    run_sync,
)
from .._routing import AsyncClientCore, SyncClientCore
from .._sentinels import NOT_GIVEN, NotGiven
from ..errors import InvalidRequestError
from ..providers._base import Adapter
from ..types.models import AsyncPage, Model, ModelDeleted, SyncPage
from ._wrappers import (
    AsyncWithRawResponse,
    AsyncWithStreamingResponse,
    WithRawResponse,
    WithStreamingResponse,
    async_for_mode,
    sync_for_mode,
)

__all__ = ["AsyncModels", "Models"]

T = TypeVar("T")


def _models_api(adapter: Adapter) -> Any:
    if not hasattr(adapter, "build_models_request"):
        raise InvalidRequestError(
            f"provider {adapter.name!r} has no model-list API in llmswitch; see"
            " `llmswitch models` for the catalog's list"
        )
    return adapter


def _builder(kind: str, model: str | None) -> Callable[[Adapter], httpx.Request]:
    def build(adapter: Adapter) -> httpx.Request:
        request: httpx.Request = _models_api(adapter).build_models_request(kind, model)
        return request

    return build


def _parser(kind: str) -> Callable[[Adapter, httpx.Response], Any]:
    def parse(adapter: Adapter, response: httpx.Response) -> Any:
        return _models_api(adapter).parse_models_response(kind, response)

    return parse


def _check(model: str) -> str:
    if not model:
        raise ValueError(f"Expected a non-empty value for `model` but received {model!r}")
    return model


class Models:
    """``client.models``."""

    def __init__(self, client: SyncClientCore) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> WithRawResponse:
        return WithRawResponse(self, "list", "retrieve", "delete")

    @cached_property
    def with_streaming_response(self) -> WithStreamingResponse:
        return WithStreamingResponse(self, "list", "retrieve", "delete")

    def _send(self, kind: str, model: str | None, provider: str | None, extras: Extras) -> Any:
        steps = provider_step(self._client, provider, _builder(kind, model), extras)
        handler = sync_for_mode(read_then(_parser(kind)), read=True)
        return run_sync(self._client.http, steps, handler, f"models.{kind}")

    def list(
        self,
        *,
        provider: str | None = None,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> SyncPage[Model]:
        """The models the provider serves now (its live list, OpenAI-shaped)."""
        result: SyncPage[Model] = self._send("list", None, provider, Extras.of(locals()))
        return result

    def retrieve(
        self,
        model: str,
        *,
        provider: str | None = None,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> Model:
        """One model by id."""
        result: Model = self._send("retrieve", _check(model), provider, Extras.of(locals()))
        return result

    def delete(
        self,
        model: str,
        *,
        provider: str | None = None,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> ModelDeleted:
        """Delete a fine-tuned model (OpenAI)."""
        result: ModelDeleted = self._send("delete", _check(model), provider, Extras.of(locals()))
        return result


class AsyncModels:
    """``client.models`` of :class:`AsyncClient`."""

    def __init__(self, client: AsyncClientCore) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncWithRawResponse:
        return AsyncWithRawResponse(self, "list", "retrieve", "delete")

    @cached_property
    def with_streaming_response(self) -> AsyncWithStreamingResponse:
        return AsyncWithStreamingResponse(self, "list", "retrieve", "delete")

    async def _send(
        self, kind: str, model: str | None, provider: str | None, extras: Extras
    ) -> Any:
        steps = provider_step(self._client, provider, _builder(kind, model), extras)
        parse = _parser(kind)
        handler = async_for_mode(
            aread_then(parse), lambda step, response: parse(step.adapter, response)
        )
        return await run_async(self._client.http, steps, handler, f"models.{kind}")

    async def list(
        self,
        *,
        provider: str | None = None,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> SyncPage[Model]:
        """The models the provider serves now (its live list, OpenAI-shaped)."""
        result: AsyncPage[Model] = await self._send("alist", None, provider, Extras.of(locals()))
        return result

    async def retrieve(
        self,
        model: str,
        *,
        provider: str | None = None,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> Model:
        """One model by id."""
        result: Model = await self._send("retrieve", _check(model), provider, Extras.of(locals()))
        return result

    async def delete(
        self,
        model: str,
        *,
        provider: str | None = None,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> ModelDeleted:
        """Delete a fine-tuned model (OpenAI)."""
        result: ModelDeleted = await self._send(
            "delete", _check(model), provider, Extras.of(locals())
        )
        return result
