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
