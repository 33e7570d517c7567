"""Helpers of the Responses tests: fixtures under tests/fixtures/responses (copied from the
wire research, one request/answer pair per scenario) and a /responses route for fakes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "responses"


def fixture(name: str) -> dict[str, Any]:
    """``<name>.request.json`` / ``.response.json`` (or ``.response.sse`` + meta) as one dict:
    ``request`` (method, path, body_json), ``status``, ``headers``, ``body`` (JSON or bytes)."""
    request = json.loads((FIXTURES / f"{name}.request.json").read_text(encoding="utf-8"))
    sse = FIXTURES / f"{name}.response.sse"
    if sse.exists():
        meta = json.loads((FIXTURES / f"{name}.response.meta.json").read_text(encoding="utf-8"))
        return {"request": request, "status": meta["status"], "headers": meta["headers"],
                "body": sse.read_bytes()}  # fmt: skip
    answer = json.loads((FIXTURES / f"{name}.response.json").read_text(encoding="utf-8"))
    return {"request": request, **answer}


def answer(scenario: dict[str, Any]) -> httpx.Response:
    body = scenario["body"]
    headers = dict(scenario["headers"])
    if isinstance(body, bytes):
        return httpx.Response(scenario["status"], content=body, headers=headers)
    return httpx.Response(scenario["status"], json=body, headers=headers)
