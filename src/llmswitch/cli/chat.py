"""``chat``: one prompt through :class:`llmswitch.Client`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..types import ChatCompletion
from ._common import EXIT_OK, print_json

__all__ = ["cmd_chat"]


def cmd_chat(args: argparse.Namespace) -> int:
    """``llmswitch chat MODEL PROMPT``: one call through llmswitch.Client."""
    from .._client import Client

    messages = [{"role": "user", "content": args.prompt}]
    if args.system:
        messages.insert(0, {"role": "system", "content": args.system})
    with Client(args.config) as client:
        if args.stream:
            with client.chat.completions.create(
                model=args.model, messages=messages, stream=True
            ) as stream:
                for chunk in stream:
                    if not args.json and chunk.choices:
                        print(chunk.choices[0].delta.content or "", end="", flush=True)
                final = stream.get_final_completion()
            if args.json:
                print_json(_with_cost(final))
            else:
                print()
                print(_cost_line(final), file=sys.stderr)
            return EXIT_OK
        resp = client.chat.completions.create(model=args.model, messages=messages)
    if args.json:
        print_json(_with_cost(resp))
    else:
        print(resp.choices[0].message.content or "")
        print(_cost_line(resp), file=sys.stderr)
    return EXIT_OK


def _cost_line(response: ChatCompletion) -> str:
    """``cost: 0.0012 CNY (qwen-plus on 2026-11-30, price from ...)`` or why it is unknown."""
    return f"cost: {response.cost}"


def _with_cost(response: ChatCompletion) -> dict[str, Any]:
    data: dict[str, Any] = response.model_dump(mode="json")
    cost = response.cost
    data["cost"] = {"amount": cost.amount, "currency": cost.currency, "reason": cost.reason}
    return data
