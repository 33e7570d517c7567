"""Replaces openai's Prism mock server (TEST_API_BASE_URL, default http://127.0.0.1:4010).

openai-python's generated resource tests call a Prism server that answers every request with an
example of the endpoint's response schema. Here respx answers the same paths at ``base_url``
with one fixed, schema-conforming example per endpoint (bodies below, written from openai's
response types: every field openai's model declares as required is present). Request bodies
are not validated (Prism would 422 an invalid one); see MAPPING.md.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

import httpx
import pytest
import respx

from ..conftest import base_url

CHAT_COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-compat-1",
    "object": "chat.completion",
    "created": 1727346142,
    "model": "gpt-5.4",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "string", "refusal": None, "annotations": []},
            "logprobs": None,
            "finish_reason": "stop",
        }
    ],
    "usage": {
        "prompt_tokens": 9,
        "completion_tokens": 1,
        "total_tokens": 10,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    },
    "service_tier": "default",
    "system_fingerprint": "fp_compat",
}

CHAT_CHUNKS: list[dict[str, Any]] = [
    {
        "id": "chatcmpl-compat-1",
        "object": "chat.completion.chunk",
        "created": 1727346142,
        "model": "gpt-5.4",
        "system_fingerprint": "fp_compat",
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": "", "refusal": None}, "logprobs": None, "finish_reason": None}],
    },
    {
        "id": "chatcmpl-compat-1",
        "object": "chat.completion.chunk",
        "created": 1727346142,
        "model": "gpt-5.4",
        "system_fingerprint": "fp_compat",
        "choices": [{"index": 0, "delta": {"content": "string"}, "logprobs": None, "finish_reason": None}],
    },
    {
        "id": "chatcmpl-compat-1",
        "object": "chat.completion.chunk",
        "created": 1727346142,
        "model": "gpt-5.4",
        "system_fingerprint": "fp_compat",
        "choices": [{"index": 0, "delta": {}, "logprobs": None, "finish_reason": "stop"}],
    },
]

EMBEDDING_RESPONSE: dict[str, Any] = {
    "object": "list",
    "data": [{"object": "embedding", "index": 0, "embedding": [0.0023064255, -0.009327292, 0.015797347]}],
    "model": "text-embedding-3-small",
    "usage": {"prompt_tokens": 8, "total_tokens": 8},
}

MODEL: dict[str, Any] = {"id": "gpt-4o-mini", "object": "model", "created": 1686935002, "owned_by": "openai"}
MODEL_LIST: dict[str, Any] = {"object": "list", "data": [MODEL]}


# a Response as recorded by openai-python's tests/lib/responses/test_responses.py::test_output_text
RESPONSE: dict[str, Any] = json.loads(
    '{"id": "resp_689a0b2545288193953c892439b42e2800b2e36c65a1fd4b", "object": "response", "created_at": 1754925861, "status": "completed", "background": false, "error": null, "incomplete_details": null, "instructions": null, "max_output_tokens": null, "max_tool_calls": null, "model": "gpt-4o-mini-2024-07-18", "output": [{"id": "msg_689a0b2637b08193ac478e568f49e3f900b2e36c65a1fd4b", "type": "message", "status": "completed", "content": [{"type": "output_text", "annotations": [], "logprobs": [], "text": "I can\'t provide real-time updates, but you can easily check the current weather in San Francisco using a weather website or app. Typically, San Francisco has cool, foggy summers and mild winters, so it\'s good to be prepared for variable weather!"}], "role": "assistant"}], "parallel_tool_calls": true, "previous_response_id": null, "prompt_cache_key": null, "reasoning": {"effort": null, "summary": null}, "safety_identifier": null, "service_tier": "default", "store": true, "temperature": 1.0, "text": {"format": {"type": "text"}, "verbosity": "medium"}, "tool_choice": "auto", "tools": [], "top_logprobs": 0, "top_p": 1.0, "truncation": "disabled", "usage": {"input_tokens": 14, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0}, "output_tokens": 50, "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 64}, "user": null, "metadata": {}}'
)


def _response_events() -> list[dict[str, Any]]:
    """The documented event order of a one-message text response."""
    item = RESPONSE["output"][0]
    part = item["content"][0]
    in_progress = {**RESPONSE, "status": "in_progress", "output": [], "usage": None}
    events: list[dict[str, Any]] = [
        {"type": "response.created", "response": in_progress},
        {"type": "response.in_progress", "response": in_progress},
        {"type": "response.output_item.added", "output_index": 0, "item": {**item, "status": "in_progress", "content": []}},
        {"type": "response.content_part.added", "item_id": item["id"], "output_index": 0, "content_index": 0,
         "part": {**part, "text": ""}},
        {"type": "response.output_text.delta", "item_id": item["id"], "output_index": 0, "content_index": 0,
         "delta": part["text"], "logprobs": []},
        {"type": "response.output_text.done", "item_id": item["id"], "output_index": 0, "content_index": 0,
         "text": part["text"], "logprobs": []},
        {"type": "response.content_part.done", "item_id": item["id"], "output_index": 0, "content_index": 0, "part": part},
        {"type": "response.output_item.done", "output_index": 0, "item": item},
        {"type": "response.completed", "response": RESPONSE},
    ]
    for n, e in enumerate(events):
        e["sequence_number"] = n
    return events


RESPONSE_EVENTS = _response_events()


def sse(events: list[dict[str, Any]], *, done: bool = True, named: bool = False) -> bytes:
    out = []
    for e in events:
        if named:
            out.append(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n")
        else:
            out.append(f"data: {json.dumps(e)}\n\n")
    if done:
        out.append("data: [DONE]\n\n")
    return "".join(out).encode()


def _wants_stream(request: httpx.Request) -> bool:
    try:
        return bool(json.loads(request.content or b"{}").get("stream"))
    except ValueError:
        return False


def chat_completions(request: httpx.Request) -> httpx.Response:
    if _wants_stream(request):
        return httpx.Response(200, content=sse(CHAT_CHUNKS), headers={"content-type": "text/event-stream"})
    return httpx.Response(200, json=CHAT_COMPLETION, headers={"x-request-id": "req_compat"})


def responses_create(request: httpx.Request) -> httpx.Response:
    if _wants_stream(request):
        return httpx.Response(200, content=sse(RESPONSE_EVENTS, done=False, named=True), headers={"content-type": "text/event-stream"})
    return httpx.Response(200, json=RESPONSE, headers={"x-request-id": "req_compat"})


def responses_retrieve(request: httpx.Request, response_id: str) -> httpx.Response:
    if request.url.params.get("stream") == "true":
        return httpx.Response(200, content=sse(RESPONSE_EVENTS, done=False, named=True), headers={"content-type": "text/event-stream"})
    return httpx.Response(200, json={**RESPONSE, "id": response_id})


EXTRA_ROUTES: list[Any] = []  # (method, path-regex, handler) added by other resource conftests


@pytest.fixture(autouse=True)
def prism_mock() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=base_url, assert_all_called=False, assert_all_mocked=True) as router:
        router.post("/chat/completions").mock(side_effect=chat_completions)
        router.post("/embeddings").mock(return_value=httpx.Response(200, json=EMBEDDING_RESPONSE))
        router.get("/models").mock(return_value=httpx.Response(200, json=MODEL_LIST))
        router.get(path__regex=r"/models/(?P<model>[^/]+)$").mock(
            side_effect=lambda request, model: httpx.Response(200, json={**MODEL, "id": model})
        )
        router.delete(path__regex=r"/models/(?P<model>[^/]+)$").mock(
            side_effect=lambda request, model: httpx.Response(200, json={"id": model, "object": "model", "deleted": True})
        )
        router.post("/responses").mock(side_effect=responses_create)
        router.get(path__regex=r"/responses/(?P<response_id>[^/]+)$").mock(side_effect=responses_retrieve)
        router.delete(path__regex=r"/responses/(?P<response_id>[^/]+)$").mock(return_value=httpx.Response(200))
        for method, pattern, handler in EXTRA_ROUTES:
            router.route(method=method, path__regex=pattern).mock(side_effect=handler)
        yield router
