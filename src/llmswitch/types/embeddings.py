"""Embeddings responses."""

from __future__ import annotations

from typing import Literal

from ._base import _Model, _Priced

__all__ = ["CreateEmbeddingResponse", "Embedding", "EmbeddingUsage"]


class Embedding(_Model):
    object: Literal["embedding"] = "embedding"
    index: int
    embedding: list[float] | str
    """Floats; the base64 string when ``encoding_format="base64"`` was asked for."""


class EmbeddingUsage(_Model):
    prompt_tokens: int = 0
    total_tokens: int = 0


class CreateEmbeddingResponse(_Priced):
    object: Literal["list"] = "list"
    data: list[Embedding]
    model: str = ""
    usage: EmbeddingUsage | None = None
