"""A weather assistant written on OpenAI's Responses API (``client.responses``), as an app
leaving OpenAI would have it: function tools, the tool-call loop over
``previous_response_id``, structured output with ``responses.parse``, and a streamed answer.

Only the model string says where it runs; the code is the same on every provider:

    python -m examples.responses_app.app openai/gpt-5.5
    python -m examples.responses_app.app qwen/qwen-plus
    python -m examples.responses_app.app ernie/ernie-4.0-8k

(keys from the environment or llmswitch.toml, as for any llmswitch client). The test suite
runs it on each provider's fake (tests/responses/test_responses_example_app.py).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from pydantic import BaseModel

from llmswitch import Client

INSTRUCTIONS = "You are a weather assistant. Be brief."
TOOLS: list[dict[str, Any]] = [
    {
        "type": "function",
        "name": "get_weather",
        "description": "Current weather for a city",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
    }
]


class Outfit(BaseModel):
    """What ``responses.parse`` fills in."""

    items: list[str]
    umbrella: bool


def get_weather(city: str) -> dict[str, Any]:
    """The app's own function (a real app would call a weather service)."""
    return {"city": city, "sky": "cloudy", "temp_c": 18}


def ask(client: Client, model: str, question: str, previous_id: str | None = None) -> Any:
    """One turn: ask, run every function call the model makes, return the final response."""
    response = client.responses.create(
        model=model,
        instructions=INSTRUCTIONS,
        input=question,
        tools=TOOLS,
        previous_response_id=previous_id,
    )
    while calls := [item for item in response.output if item.type == "function_call"]:
        outputs = [
            {
                "type": "function_call_output",
                "call_id": call.call_id,
                "output": json.dumps(get_weather(**json.loads(call.arguments))),
            }
            for call in calls
        ]
        response = client.responses.create(
            model=model,
            instructions=INSTRUCTIONS,
            input=outputs,
            tools=TOOLS,
            previous_response_id=response.id,
        )
    return response


def outfit(client: Client, model: str, previous_id: str) -> Outfit | None:
    """Structured output: the model's answer parsed into :class:`Outfit`."""
    parsed = client.responses.parse(
        model=model,
        input="What should I wear? Answer in JSON.",
        text_format=Outfit,
        previous_response_id=previous_id,
    )
    result: Outfit | None = parsed.output_parsed
    return result


def stream_summary(client: Client, model: str, previous_id: str) -> tuple[str, Any]:
    """A streamed answer: text as it arrives, then the final response."""
    parts: list[str] = []
    with client.responses.stream(
        model=model, input="Summarise in one sentence.", previous_response_id=previous_id
    ) as stream:
        for event in stream:
            if event.type == "response.output_text.delta":
                parts.append(event.delta)
        final = stream.get_final_response()
    return "".join(parts), final


def run(client: Client, model: str) -> dict[str, Any]:
    """The whole conversation; what it returns is what a user would have seen."""
    first = ask(client, model, "What is the weather in Paris?")
    wear = outfit(client, model, first.id)
    text, final = stream_summary(client, model, first.id)
    return {
        "answer": first.output_text,
        "outfit": wear.model_dump() if wear else None,
        "summary": text,
        "usage": final.usage.total_tokens if final.usage else None,
    }


def main(argv: list[str]) -> None:
    model = argv[1] if len(argv) > 1 else "gpt-5.5"
    with Client() as client:
        print(json.dumps(run(client, model), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
