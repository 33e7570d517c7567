"""Where llmswitch keeps Responses state for providers that keep none: each stored response
(its ``Response`` JSON) and the conversation up to and including it (chat messages, without
``instructions``, which openai does not carry over either), so that ``previous_response_id``
continues it and ``responses.retrieve`` / ``delete`` find it.

:class:`ResponseStore` is the interface; :class:`MemoryResponseStore` (bounded, least recently
used out; the default) and :class:`SQLiteResponseStore` (a file; survives restarts) implement
it. Set ``client.responses.store = SQLiteResponseStore("responses.db")`` to use another.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = ["MemoryResponseStore", "ResponseStore", "SQLiteResponseStore", "StoredResponse"]


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """One kept response: who answered, the ``Response`` as JSON-able dict, and the chat
    messages of its conversation (input and output)."""

    provider: str
    response: dict[str, Any]
    messages: list[dict[str, Any]]


class ResponseStore(Protocol):
    """What llmswitch needs from a store (thread-safe implementations)."""

    def get(self, response_id: str) -> StoredResponse | None: ...

    def put(self, response_id: str, record: StoredResponse) -> None: ...

    def delete(self, response_id: str) -> bool:
        """Remove a response; ``False`` if it was not there."""
        ...


class MemoryResponseStore:
    """In memory, at most ``max_responses`` (the least recently used go first)."""

    def __init__(self, max_responses: int = 1000) -> None:
        if max_responses < 1:
            raise ValueError("max_responses must be at least 1")
        self.max_responses = max_responses
        self._items: OrderedDict[str, StoredResponse] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, response_id: str) -> StoredResponse | None:
        with self._lock:
            found = self._items.get(response_id)
            if found is not None:
                self._items.move_to_end(response_id)
            return found

    def put(self, response_id: str, record: StoredResponse) -> None:
        with self._lock:
            self._items[response_id] = record
            self._items.move_to_end(response_id)
            while len(self._items) > self.max_responses:
                self._items.popitem(last=False)

    def delete(self, response_id: str) -> bool:
        with self._lock:
            return self._items.pop(response_id, None) is not None


class SQLiteResponseStore:
    """In a SQLite file (one table), at most ``max_responses`` (the oldest go first)."""

    def __init__(self, path: str | os.PathLike[str], max_responses: int = 100_000) -> None:
        self.path = os.fspath(path)
        self.max_responses = max_responses
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        with self._db:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS responses (id TEXT PRIMARY KEY, provider TEXT,"
                " response TEXT, messages TEXT, seq INTEGER)"
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def get(self, response_id: str) -> StoredResponse | None:
        with self._lock:
            row = self._db.execute(
                "SELECT provider, response, messages FROM responses WHERE id = ?", (response_id,)
            ).fetchone()
        if row is None:
            return None
        return StoredResponse(row[0], json.loads(row[1]), json.loads(row[2]))

    def put(self, response_id: str, record: StoredResponse) -> None:
        response = json.dumps(record.response, ensure_ascii=False)
        messages = json.dumps(record.messages, ensure_ascii=False)
        with self._lock, self._db:
            seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM responses").fetchone()
            self._db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?)",
                (response_id, record.provider, response, messages, seq[0]),
            )
            self._db.execute(
                "DELETE FROM responses WHERE seq <= (SELECT MAX(seq) FROM responses) - ?",
                (self.max_responses,),
            )

    def delete(self, response_id: str) -> bool:
        with self._lock, self._db:
            cursor = self._db.execute("DELETE FROM responses WHERE id = ?", (response_id,))
        return cursor.rowcount > 0
