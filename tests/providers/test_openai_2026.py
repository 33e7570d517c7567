"""OpenAI (issue 18): reasoning_effort sent as given with reasoning and cached token details;
the live model list keeps ``shutdown_date``. Fixtures: tests/fixtures/openai/wire2026 (requests
captured from openai 3.57.0; answers hand-built from openai-python 3.3.1 types; README)."""

from __future__ import annotations

import json
from typing import Any

import respx

from conftest import fixture_json
from llmswitch import Client

DIR = "openai/wire2026"
BASE = "https://api.openai.com/v1"


def client() -> Client:
    return Client({"providers": {"openai": {"api_key": "sk-test"}}}, max_retries=0)


def answer(name: str) -> tuple[int, Any, dict[str, str]]:
    data = fixture_json(DIR, f"{name}.response.json")
    return data["status"], data["body"], data["headers"]


def test_reasoning_effort_request_and_usage_details() -> None:
    captured = fixture_json(DIR, "chat_reasoning_effort.request.json")
    status, body, headers = answer("chat_reasoning_effort")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="openai/gpt-5.5",
            messages=captured["body_json"]["messages"],
            max_completion_tokens=512,
            reasoning_effort="low",
        )
    assert json.loads(route.calls.last.request.content) == captured["body_json"]
    usage = resp.usage
    assert usage is not None and usage.completion_tokens_details is not None
    assert usage.completion_tokens_details.reasoning_tokens == 64
    assert usage.prompt_tokens_details is not None
    assert usage.prompt_tokens_details.cached_tokens == 0


def test_live_model_list_keeps_shutdown_date() -> None:
    status, body, headers = answer("models_list")
    with respx.mock() as router:
        router.get(f"{BASE}/models").respond(status, json=body, headers=headers)
        page = client().models.list(provider="openai")
    assert [m.id for m in page] == ["gpt-5.5", "gpt-4o-mini"]
    assert page.data[1].shutdown_date == "2027-01-15"  # type: ignore[attr-defined]
