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


def serve_openai_responses(fake: Any) -> None:
    """Give an entered ``mock_provider("openai")`` a ``POST /responses`` route: it answers the
    fake's next scripted reply as OpenAI's Responses API would (JSON, or named SSE events with
    no ``[DONE]``), built with llmswitch's own translation of the fake's chat answer."""
    from llmswitch._responses._answer import Echo, chat_to_response
    from llmswitch._responses._events import ChunkTranslator
    from llmswitch._sse import SSEDecoder
    from llmswitch.testing import Reply
    from llmswitch.types import ChatCompletion, ChatCompletionChunk

    def handle(request: httpx.Request) -> httpx.Response:
        fake.requests.append(request)
        body = json.loads(request.content)
        reply = fake._replies.popleft() if fake._replies else Reply()
        stream = bool(body.get("stream"))
        chat = fake.wire.render(
            "chat",
            httpx.Request("POST", "https://fake/chat", json={"model": body.get("model", ""),
                                                              "stream": stream}),
            reply,
        )  # fmt: skip
        echo = Echo.of(body, body.get("model", ""))
        if not stream:
            completion = ChatCompletion.model_validate_json(chat.content)
            answer = chat_to_response(completion, echo).model_dump(mode="json")
            return httpx.Response(200, json=answer, headers={"x-request-id": "req_fake"})
        translator = ChunkTranslator(echo)
        events = translator.start()
        for sse in SSEDecoder(provider="openai").feed(chat.content + b"\n\n"):
            if sse.data and sse.data != "[DONE]":
                events += translator.feed(ChatCompletionChunk.model_validate_json(sse.data))
        events += translator.finish()
        text = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)
        return httpx.Response(
            200, content=text.encode(), headers={"content-type": "text/event-stream"}
        )

    fake._router.post(url__regex=r"https://api\.openai\.com/v1/responses$").mock(
        side_effect=handle
    )
