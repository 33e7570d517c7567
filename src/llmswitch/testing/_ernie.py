"""Fake of Baidu Qianfan: the OAuth token endpoint, v1 (``result``, ``is_end`` SSE,
``error_code`` bodies in HTTP 200) and v2 (OpenAI-shaped, ``{"error": ...}`` bodies)."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

from ._model import FakeError, Kind, Reply
from ._openai import OpenAIFake, split_text

__all__ = ["ERNIE", "ErnieFake"]

_V1_HOST = "https://aip.baidubce.com"
_V2_BASE = "https://qianfan.baidubce.com/v2"
_V1_PREFIX = "/rpc/2.0/ai_custom/v1/wenxinworkshop"
# Default v1 error_code per HTTP status of a scripted FakeError (spec 1.8).
_V1_CODES = {400: 336003, 401: 14, 403: 336004, 404: 3, 429: 336501, 500: 336000, 503: 336100}


class ErnieFake(OpenAIFake):
    """Answers v1 paths natively, v2 paths like OpenAI, and hands out OAuth tokens."""

    def __init__(self) -> None:
        super().__init__("ernie")
        self.tokens_issued = 0

    def routes(self, base_url: str | None) -> list[tuple[str, str, Kind]]:
        v1 = re.escape((base_url or _V1_HOST).rstrip("/"))
        v2 = re.escape((base_url or _V2_BASE).rstrip("/"))
        return [
            ("POST", v1 + r"/oauth/2\.0/token(\?.*)?$", "token"),
            ("GET", v1 + r"/oauth/2\.0/token(\?.*)?$", "token"),
            ("POST", v1 + re.escape(_V1_PREFIX) + r"/chat/[^/?]+(\?.*)?$", "chat"),
            ("POST", v1 + re.escape(_V1_PREFIX) + r"/embeddings/[^/?]+(\?.*)?$", "embeddings"),
            ("POST", v2 + r"/chat/completions$", "chat"),
            ("POST", v2 + r"/embeddings$", "embeddings"),
        ]

    def config(self, base_url: str | None) -> dict[str, Any]:
        """v1 credentials (OAuth), so the token endpoint is exercised; use ``api_key`` in your
        own config for v2."""
        table: dict[str, Any] = {
            "access_key": "fake-qianfan-ak",
            "secret_key": "fake-qianfan-sk-for-tests",
        }
        if base_url:
            table["base_url"] = base_url
        return table

    def error_body(self, error: FakeError) -> dict[str, Any]:
        body = super().error_body(error)
        body["id"] = "as-fake-error"
        return body

    def render(self, kind: Kind, request: httpx.Request, reply: Reply) -> httpx.Response:
        if kind == "token":
            self.tokens_issued += 1
            token = f"24.fake-token-{self.tokens_issued}.2592000.0.0-1"
            return httpx.Response(200, json={"access_token": token, "expires_in": 2592000})
        if _V1_PREFIX not in request.url.path:
            return super().render(kind, request, reply)
        body = json.loads(request.content or b"{}")
        if reply.error is not None and not (reply.error.in_body and body.get("stream")):
            return httpx.Response(200, json=self._v1_error(reply.error))
        if kind == "embeddings":
            texts = body.get("input") or []
            data = [
                {
                    "object": "embedding",
                    "index": i,
                    "embedding": [
                        round(0.1 * (i + 1) + 0.01 * d, 4) for d in range(reply.dimensions)
                    ],
                }
                for i, _ in enumerate(texts)
            ]
            tokens = sum(len(str(t).split()) for t in texts)
            return httpx.Response(
                200,
                json={
                    "id": "as-fake-emb",
                    "object": "embedding_list",
                    "created": 1735689600,
                    "data": data,
                    "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
                },
            )
        usage = {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        }
        head: dict[str, Any] = {
            "id": "as-fake",
            "object": "chat.completion",
            "created": 1735689600,
            "is_truncated": False,
            "need_clear_history": False,
        }
        call = reply.tool_calls[0] if reply.tool_calls else None
        function_call = {"name": call["name"], "arguments": call["arguments"]} if call else None
        finish = reply.finish_reason or ("function_call" if call else "normal")
        if not body.get("stream"):
            answer = {
                **head,
                "result": "" if call else (reply.content or ""),
                "finish_reason": finish,
                "usage": usage,
            }
            if function_call:
                answer["function_call"] = function_call
            return httpx.Response(200, json=answer)
        pieces = [] if call else split_text(reply.content or "")
        events: list[bytes] = []
        for n, piece in enumerate(pieces):
            event = {
                **head,
                "sentence_id": n,
                "is_end": False,
                "result": piece,
                "finish_reason": "normal",
                "usage": {**usage, "completion_tokens": 0},
            }
            events.append(b"data: " + json.dumps(event, ensure_ascii=False).encode() + b"\n\n")
        if reply.error is not None:
            error = json.dumps(self._v1_error(reply.error)).encode()
            events.append(b"data: " + error + b"\n\n")
        else:
            last = {
                **head,
                "sentence_id": len(pieces),
                "is_end": True,
                "result": "",
                "finish_reason": finish,
                "usage": usage,
            }
            if function_call:
                last["function_call"] = function_call
            events.append(b"data: " + json.dumps(last, ensure_ascii=False).encode() + b"\n\n")
        return httpx.Response(
            200, content=b"".join(events), headers={"content-type": "text/event-stream"}
        )

    @staticmethod
    def _v1_error(error: FakeError) -> dict[str, Any]:
        code = int(error.code) if error.code and error.code.isdigit() else None
        return {
            "error_code": code or _V1_CODES.get(error.status, 336000),
            "error_msg": error.message,
            "id": "as-fake-error",
        }


ERNIE = ErnieFake()
