"""``chat``: one prompt through :class:`llmswitch.Client`."""

from __future__ import annotations

import argparse

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
                print_json(final.model_dump(exclude={"raw"}, mode="json"))
            else:
                print()
            return EXIT_OK
        resp = client.chat.completions.create(model=args.model, messages=messages)
    if args.json:
        print_json(resp.model_dump(exclude={"raw"}, mode="json"))
    else:
        print(resp.choices[0].message.content or "")
    return EXIT_OK
