"""The base models of every response type: OpenAI's field names and behaviour, plus what
llmswitch adds (``provider``, a lazy ``raw``) kept out of the dump.

As in openai-python, fields a provider sends that the model does not declare are kept (read
them as attributes; they appear in ``model_dump()``), and ``to_dict()`` / ``to_json()`` dump
what was received. ``provider``, ``raw`` and ``_request_id`` live in the instance ``__dict__``
outside the schema, so ``model_dump()`` has exactly the keys openai-python's would.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from ..catalog import Cost

__all__ = ["_Model", "_Priced", "_RawModel", "attach_raw", "attach_request_id"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> dict[str, Any]:
        """The model as a dict of what was received (unset fields left out), as openai-python.

        >>> Usage(prompt_tokens=3).to_dict()  # doctest: +SKIP
        {'prompt_tokens': 3}
        """
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    def to_json(
        self,
        *,
        indent: int | None = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """The model as JSON text of what was received, as openai-python."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )


class _RawModel(_Model):
    """A response model that remembers the provider's JSON text and parses it only on demand.

    The raw body, the provider name and the request id are kept in the instance ``__dict__``
    (not pydantic fields or private attributes, whose per-instance setup costs a third of a
    chunk's parse time); serialisation ignores them.
    """

    @property
    def provider(self) -> str:
        """Name of the provider that answered (``"qwen"``, ``"openai"``, ...)."""
        value = self.__dict__.get("_provider")
        return value if isinstance(value, str) else ""

    @property
    def raw(self) -> dict[str, Any]:
        """The provider's own JSON for this object (parsed lazily, then cached)."""
        value = self.__dict__.get("_raw_body")
        if isinstance(value, (str, bytes, bytearray)):
            parsed = json.loads(value)
            value = parsed if isinstance(parsed, dict) else {"value": parsed}
            self.__dict__["_raw_body"] = value
        if value is None:
            return {}
        return value  # type: ignore[no-any-return,unused-ignore]

    @property
    def _raw(self) -> Any:
        return self.__dict__.get("_raw_body")

    @_raw.setter
    def _raw(self, value: Any) -> None:
        self.__dict__["_raw_body"] = value

    @property
    def _request_id(self) -> str | None:
        """The provider's request id (from the ``x-request-id`` header or the like), as
        openai-python's ``_request_id``."""
        value = self.__dict__.get("_request_id_value")
        return value if isinstance(value, str) else None

    def with_raw(self, raw: Any, provider: str) -> Any:
        """Attach the provider's raw JSON (text or dict) and the provider name; returns self."""
        attach_raw(self, raw, provider)
        return self


def attach_raw(obj: BaseModel, raw: Any, provider: str) -> None:
    """Fast path for adapters: set ``raw`` (text, bytes or dict) and ``provider`` on a freshly
    parsed response without pydantic's ``__setattr__``."""
    values = obj.__dict__
    values["_raw_body"] = raw
    values["_provider"] = provider


def attach_request_id(obj: Any, request_id: str | None) -> None:
    """Remember the provider's request id on a response model (read as ``obj._request_id``)."""
    if request_id and isinstance(obj, BaseModel):
        obj.__dict__["_request_id_value"] = request_id


class _Priced(_RawModel):
    """An answer the catalog can price (chat completions, embeddings)."""

    @property
    def cost(self) -> Cost:
        """What this answer cost, from its usage and the catalog's price of its model on its
        date (``cost.amount`` is ``None`` with ``cost.reason`` where a price is unknown). The
        catalog loads on first use, not at ``import llmswitch``.

        >>> client.chat.completions.create(...).cost  # doctest: +SKIP
        Cost(amount=0.0012, currency='CNY', ...)
        """
        from ..catalog import cost

        return cost(self)
