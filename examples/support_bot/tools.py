"""The bot's tools, in OpenAI's function-calling format."""

from __future__ import annotations

import json

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "order_status",
            "description": "Look up the shipping status of an order.",
            "parameters": {
                "type": "object",
                "properties": {"order_id": {"type": "string"}},
                "required": ["order_id"],
            },
        },
    }
]


def call_tool(name: str, arguments: dict) -> str:
    if name == "order_status":
        return json.dumps({"order_id": arguments["order_id"], "status": "shipped"})
    return json.dumps({"error": f"unknown tool {name}"})
