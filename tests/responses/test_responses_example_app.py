"""examples/responses_app runs unchanged on every provider's fake: only the model string
changes (OpenAI natively, the others translated onto their chat APIs)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from responses_helpers import serve_openai_responses

from llmswitch import Client
from llmswitch.testing import mock_provider

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
from examples.responses_app.app import run  # noqa: E402

MODELS = {
    "openai": "gpt-5.5",
    "qwen": "qwen/qwen-plus",
    "glm": "glm/glm-4-flash",
    "ernie": "ernie/ernie-4.0-8k",
    "sensenova": "sensenova/SenseChat-5",
    "deepseek": "deepseek/deepseek-chat",
    "moonshot": "moonshot/moonshot-v1-8k",
    "doubao": "doubao/doubao-seed-1-6",
    "hunyuan": "hunyuan/hunyuan-turbos-latest",
}


@pytest.mark.parametrize("provider", sorted(MODELS))
def test_the_app_runs_on_every_provider_with_only_the_model_string_changed(
    provider: str,
) -> None:
    with mock_provider(provider) as fake:
        if provider == "openai":
            serve_openai_responses(fake)
        fake.reply(tool_calls=[{"id": "call_1", "name": "get_weather",
                                "arguments": '{"city": "Paris"}'}])  # fmt: skip
        fake.reply("Cloudy, 18 °C in Paris.")
        fake.reply('{"items": ["jacket", "scarf"], "umbrella": true}')
        fake.reply("Cloudy and mild: take a jacket.")
        # Config, not code: ERNIE v1 and SenseNova cannot enforce a JSON schema, so the
        # deployment lets llmswitch drop text.format there (the app asks for JSON in words).
        config = fake.config
        if provider == "ernie":  # Qianfan v2 (an API key): v1 (the fake's default) has no
            config = {"providers": {"ernie": {"api_key": "fake-qianfan-v2-key"}}}  # schemas
        client = Client(config, drop_unsupported_params=True)
        result = run(client, MODELS[provider])
    assert result == {
        "answer": "Cloudy, 18 °C in Paris.",
        "outfit": {"items": ["jacket", "scarf"], "umbrella": True},
        "summary": "Cloudy and mild: take a jacket.",
        "usage": 15,
    }
    assert len(fake.requests) == 4
    second = json.loads(fake.requests[1].content)
    if provider == "openai":  # natively: the function output and the id go to OpenAI
        assert second["previous_response_id"]
        assert second["input"][0]["type"] == "function_call_output"
        fmt: dict[str, Any] = json.loads(fake.requests[2].content)["text"]["format"]
        assert (fmt["type"], fmt["name"], fmt["strict"]) == ("json_schema", "Outfit", True)
    else:  # translated: llmswitch sends the conversation it kept
        assert "get_weather" in fake.requests[1].content.decode()
        assert "Cloudy, 18" in fake.requests[3].content.decode()
