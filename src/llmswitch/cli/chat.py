"""``chat``: one prompt through :class:`llmswitch.Client`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..types import ChatCompletion
from ._common import EXIT_OK, emit

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
                _emit(final)
            else:
                print()
                print(_cost_line(final), file=sys.stderr)
            return EXIT_OK
        resp = client.chat.completions.create(model=args.model, messages=messages)
    if args.json:
        _emit(resp)
    else:
        print(resp.choices[0].message.content or "")
        print(_cost_line(resp), file=sys.stderr)
    return EXIT_OK


def _cost_line(response: ChatCompletion) -> str:
    """``cost: 0.0012 CNY (qwen-plus on 2026-11-30, price from ...)`` or why it is unknown."""
    return f"cost: {response.cost}"


def _emit(response: ChatCompletion) -> None:
    """One record per choice (model, text, finish reason, tokens, cost); the whole response
    (with its cost) under ``response``."""
    data: dict[str, Any] = response.model_dump(mode="json")
    cost = response.cost
    data["cost"] = {"amount": cost.amount, "currency": cost.currency, "reason": cost.reason}
    usage = response.usage
    records = [
        {
            "model": response.model,
            "index": choice.index,
            "content": choice.message.content,
            "finish_reason": choice.finish_reason,
            "prompt_tokens": usage.prompt_tokens if usage else None,
            "completion_tokens": usage.completion_tokens if usage else None,
            "cost": cost.amount,
            "currency": cost.currency,
        }
        for choice in response.choices
    ]
    emit("chat", records, response=data)
