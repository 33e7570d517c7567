"""Pages of results, as openai-python's ``openai.pagination``: ``SyncPage`` / ``AsyncPage``.

Model lists come whole, in one page: iterate the page or read ``page.data``.
"""

from __future__ import annotations

from .types.models import AsyncPage, SyncPage

__all__ = ["AsyncPage", "SyncPage"]
