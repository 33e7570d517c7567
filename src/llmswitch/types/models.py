"""Model lists: ``client.models.list()`` / ``retrieve()`` / ``delete()`` (OpenAI's shapes)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Generic, Literal, TypeVar

from ._base import _Model, _RawModel

__all__ = ["AsyncPage", "Model", "ModelDeleted", "SyncPage"]

T = TypeVar("T")


class Model(_RawModel):
    """One model a provider serves (``created`` is 0 where the provider gives no date)."""

    id: str
    created: int = 0
    object: Literal["model"] = "model"
    owned_by: str = ""


class ModelDeleted(_RawModel):
    id: str
    deleted: bool
    object: str = "model"


class SyncPage(_Model, Generic[T]):
    """A page of results (the provider's whole list): iterate it, or read ``data``."""

    data: list[T]
    object: str = "list"

    def __iter__(self) -> Iterator[T]:  # type: ignore[override]
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def has_next_page(self) -> bool:
        """Model lists come in one page."""
        return False


class AsyncPage(SyncPage[T], Generic[T]):
    """The async client's page (the list is already whole: plain and async iteration work)."""

    async def _aiter(self) -> AsyncIterator[T]:
        for item in self.data:
            yield item

    def __aiter__(self) -> AsyncIterator[T]:
        return self._aiter()
