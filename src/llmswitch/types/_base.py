"""The base models of every response type: OpenAI's field names, ``provider`` and a lazy ``raw``."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = ["_Model", "_RawModel", "attach_raw"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class _RawModel(_Model):
    """A response model that remembers the provider's JSON text and parses it only on demand.

    The raw body is kept in the instance ``__dict__`` (not a pydantic private attribute, whose
    per-instance setup costs a third of a chunk's parse time); serialisation ignores it.
    """

    provider: str = ""

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

    def with_raw(self, raw: Any, provider: str) -> Any:
        """Attach the provider's raw JSON (text or dict) and the provider name; returns self."""
        attach_raw(self, raw, provider)
        return self


def attach_raw(obj: BaseModel, raw: Any, provider: str) -> None:
    """Fast path for adapters: set ``raw`` (text, bytes or dict) and ``provider`` on a freshly
    parsed response without pydantic's ``__setattr__``."""
    values = obj.__dict__
    values["_raw_body"] = raw
    values["provider"] = provider
