"""The client's resources, one module each: ``chat`` (``client.chat.completions``) and
``embeddings``. Each holds only public signatures; the steps of a call are in
:mod:`llmswitch._pipeline`."""

from .chat import AsyncChat, AsyncCompletions, Chat, Completions
from .embeddings import AsyncEmbeddings, Embeddings

__all__ = ["AsyncChat", "AsyncCompletions", "AsyncEmbeddings", "Chat", "Completions", "Embeddings"]
