"""ERNIE on Qianfan v2 (issue 18): thinking models' reasoning text, the enable_thinking switch
where Qianfan documents one, reasoning never sent back, the live model list, the AI Studio host.
Fixtures: tests/fixtures/ernie/wire2026 (requests captured from openai 3.57.0 on Qianfan v2;
answers hand-built from documented shapes; README)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import respx

from conftest import fixture_json, scenarios
from llmswitch import Client
from llmswitch.errors import ConfigError, InvalidRequestError, UnsupportedParameterError

DIR = "ernie/wire2026"
BASE = "https://qianfan.baidubce.com/v2"
KEY = "bce-v3/ALTAK-test/0123456789abcdef"
PARSED = fixture_json(DIR, "sdk_parsed_results.json")


def client(**table: Any) -> Client:
    return Client({"providers": {"ernie": {"api_key": KEY, **table}}}, max_retries=0)


def answer(name: str) -> tuple[int, Any, dict[str, str]]:
    data = fixture_json(DIR, f"{name}.response.json")
    return data["status"], data["body"], data["headers"]


def test_every_scenario_is_covered() -> None:
    assert set(scenarios(DIR, ".request.json")) == {"v2_chat_reasoning", "v2_models_list"}


def test_thinking_model_answer_and_request() -> None:
    captured = fixture_json(DIR, "v2_chat_reasoning.request.json")
    status, body, headers = answer("v2_chat_reasoning")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="ernie/ernie-x1.1-preview",
            messages=captured["body_json"]["messages"],
            reasoning_effort="high",  # X1 always thinks: nothing to send
        )
    sent = route.calls.last.request
    assert json.loads(sent.content) == captured["body_json"]
    assert sent.headers["authorization"] == captured["headers"]["authorization"]
    expected = PARSED["v2_chat_reasoning"]
    assert resp.choices[0].message.content == expected["content"]
    assert resp.choices[0].message.reasoning_content == expected["reasoning_content"]
    assert resp.usage is not None and resp.usage.total_tokens == 52


@pytest.mark.parametrize(
    ("model", "effort", "sent"),
    [
        ("qwen3-235b-a22b", "none", False),
        ("qwen3-235b-a22b", "low", True),
        ("ernie-4.5-turbo-vl-preview", "high", True),
        ("ernie-4.5-turbo-128k", "high", None),
        ("ernie-5.0-thinking-preview", "max", None),
    ],
)
def test_enable_thinking_only_where_documented(model: str, effort: str, sent: bool | None) -> None:
    status, body, headers = answer("v2_chat_reasoning")
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(status, json=body, headers=headers)
        client().chat.completions.create(
            model=f"ernie/{model}",
            messages=[{"role": "user", "content": "hi"}],
            reasoning_effort=effort,  # type: ignore[arg-type]
        )
    request = json.loads(route.calls.last.request.content)
    assert request.get("enable_thinking") == sent
    assert "reasoning_effort" not in request


def test_turning_off_a_thinking_only_model_is_refused() -> None:
    with pytest.raises(UnsupportedParameterError, match="always thinks"):
        client().chat.completions.create(
            model="ernie/ernie-x1-turbo-32k",
            messages=[{"role": "user", "content": "hi"}],
            reasoning_effort="none",
        )


def test_reasoning_is_not_sent_back() -> None:
    status, body, headers = answer("v2_chat_reasoning")
    history = [
        {"role": "user", "content": "q"},
        {"role": "assistant", "content": "a", "reasoning_content": "thoughts"},
        {"role": "user", "content": "q2"},
    ]
    with respx.mock() as router:
        route = router.post(f"{BASE}/chat/completions").respond(status, json=body, headers=headers)
        client().chat.completions.create(model="ernie/ernie-x1.1-preview", messages=history)
    assert json.loads(route.calls.last.request.content)["messages"][1] == {
        "role": "assistant",
        "content": "a",
    }


def test_live_model_list() -> None:
    captured = fixture_json(DIR, "v2_models_list.request.json")
    status, body, headers = answer("v2_models_list")
    with respx.mock() as router:
        route = router.get(f"{BASE}/models").respond(status, json=body, headers=headers)
        page = client().models.list(provider="ernie")
    assert route.calls.last.request.url.path == captured["path"]
    assert [m.model_dump() for m in page] == PARSED["v2_models_list"]


def test_v1_has_no_model_list() -> None:
    v1 = Client(
        {"providers": {"ernie": {"access_key": "ak", "secret_key": "sk", "api": "native"}}},
        max_retries=0,
    )
    with pytest.raises(InvalidRequestError, match="only the v2 model list"):
        v1.models.list(provider="ernie")


def test_aistudio_region_and_unknown_regions() -> None:
    status, body, headers = answer("v2_chat_reasoning")
    url = "https://aistudio.baidu.com/llm/lmapi/v3/chat/completions"
    with respx.mock() as router:
        route = router.post(url).respond(status, json=body, headers=headers)
        client(region="aistudio").chat.completions.create(
            model="ernie/ernie-4.5-turbo-vl", messages=[{"role": "user", "content": "hi"}]
        )
    assert route.called
    with pytest.raises(ConfigError, match="unknown Qianfan region"):
        client(region="intl").chat.completions.create(
            model="ernie/ernie-4.5-turbo-128k", messages=[{"role": "user", "content": "hi"}]
        )
