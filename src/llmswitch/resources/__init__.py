"""The client's resources, one module each: ``chat`` / ``chat_async``
(``client.chat.completions``), ``embeddings``, ``models``. Each holds only public signatures;
the steps of a call are in :mod:`llmswitch._pipeline`; ``_wrappers`` gives every method its
``with_raw_response`` / ``with_streaming_response`` twin."""

from .chat import Chat, Completions
from .chat_async import AsyncChat, AsyncCompletions
from .embeddings import AsyncEmbeddings, Embeddings
from .models import AsyncModels, Models

__all__ = [
    "AsyncChat",
    "AsyncCompletions",
    "AsyncEmbeddings",
    "AsyncModels",
    "Chat",
    "Completions",
    "Embeddings",
    "Models",
]

# The Responses API (issue 20).
from .responses import Responses
from .responses_async import AsyncResponses

__all__ += ["AsyncResponses", "Responses"]

_STORES = ("MemoryResponseStore", "ResponseStore", "SQLiteResponseStore", "StoredResponse")
__all__ += list(_STORES)


def __getattr__(name: str) -> object:
    """The Responses stores (``client.responses.store``), loaded on first use."""
    if name in _STORES:
        from .._responses import _store

        return getattr(_store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
