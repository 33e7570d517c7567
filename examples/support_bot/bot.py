"""A support bot on the OpenAI SDK: tool calls to look up orders, answers streamed to the user.

Scanned by `llmswitch plan examples/support_bot`; not run by the test suite.
"""

from __future__ import annotations

import json
import os

from openai import OpenAI

from .tools import TOOLS, call_tool

MODEL = "gpt-4o"
SYSTEM = "You are the support assistant of an online shop. Be brief and friendly."


def make_client() -> OpenAI:
    return OpenAI(api_key=os.environ["OPENAI_API_KEY"], timeout=30, max_retries=2)


def answer(client: OpenAI, history: list[dict]) -> str:
    """Resolve tool calls, then stream the final answer to stdout."""
    messages = [{"role": "system", "content": SYSTEM}, *history]
    first = client.chat.completions.create(
        model=MODEL,
        messages=messages,
        tools=TOOLS,
        tool_choice="auto",
        temperature=0.3,
        user="support-bot",
    )
    message = first.choices[0].message
    if message.tool_calls:
        messages.append(message.model_dump())
        for call in message.tool_calls:
            result = call_tool(call.function.name, json.loads(call.function.arguments))
            messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
    stream = client.chat.completions.create(
        model=MODEL,
        messages=messages,
        stream=True,
        stream_options={"include_usage": True},
        max_tokens=400,
    )
    parts = []
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            parts.append(chunk.choices[0].delta.content)
            print(chunk.choices[0].delta.content, end="", flush=True)
    return "".join(parts)


if __name__ == "__main__":
    print(answer(make_client(), [{"role": "user", "content": "Where is order 1234?"}]))
