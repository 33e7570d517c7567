"""Fake of DashScope's native wire (and of its compatible mode): ``output.choices`` JSON,
``id:/event:result/:HTTP_STATUS/data:`` SSE without ``[DONE]``, cumulative usage, flat
``{code, message, request_id}`` errors, ``event:error`` inside a 200 stream, and
``output.embeddings[].text_index`` embeddings (spec/wire-qwen-glm-openai.md 1.4-1.7, 2)."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

from ._model import FakeError, Kind, Reply
from ._openai import OpenAIFake, split_text

__all__ = ["QWEN", "QwenFake"]

DEFAULT_BASE_URL = "https://dashscope.aliyuncs.com/api/v1"
COMPATIBLE_BASE_URL = "https://dashscope.aliyuncs.com/compatible-mode/v1"
REQUEST_ID = "5b7a3c1e-0000-4000-8000-fakefakefake"
_SSE_HEADERS = {"content-type": "text/event-stream;charset=UTF-8", "x-request-id": REQUEST_ID}
# A code per HTTP status, for FakeError without one (spec 1.7).
_CODES = {
    400: "InvalidParameter",
    401: "InvalidApiKey",
    403: "AccessDenied",
    404: "ModelNotFound",
    429: "Throttling.RateQuota",
    500: "InternalError",
    503: "ServiceUnavailable",
}


def _frame(data: dict[str, Any], index: int, event: str = "result", status: int = 200) -> bytes:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"id:{index}\nevent:{event}\n:HTTP_STATUS/{status}\ndata:{payload}\n\n".encode()


class QwenFake:
    """Renders DashScope answers; compatible-mode paths are answered in OpenAI's format."""

    def __init__(self) -> None:
        self._compatible = OpenAIFake("openai")

    def routes(self, base_url: str | None) -> list[tuple[str, str, Kind]]:
        bases = [base_url.rstrip("/")] if base_url else [DEFAULT_BASE_URL, COMPATIBLE_BASE_URL]
        out: list[tuple[str, str, Kind]] = []
        for base in bases:
            b = re.escape(base)
            out += [
                ("POST", b + r"/services/aigc/(text|multimodal)-generation/generation$", "chat"),
                ("POST", b + r"/services/embeddings/text-embedding/text-embedding$", "embeddings"),
                ("POST", b + r"/chat/completions$", "chat"),
                ("POST", b + r"/embeddings$", "embeddings"),
            ]
        return out

    def config(self, base_url: str | None) -> dict[str, Any]:
        table: dict[str, Any] = {"api_key": "sk-fake-key-for-tests"}
        if base_url:
            table["base_url"] = base_url
            if "compatible-mode" in base_url:
                table["api"] = "compatible"
        return table

    def error_body(self, error: FakeError) -> dict[str, Any]:
        code = error.code or _CODES.get(error.status, "InternalError")
        return {"code": code, "message": error.message, "request_id": REQUEST_ID}

    def render(self, kind: Kind, request: httpx.Request, reply: Reply) -> httpx.Response:
        path = request.url.path
        if path.endswith(("/chat/completions", "/embeddings")):
            return self._compatible.render(kind, request, reply)
        body = json.loads(request.content or b"{}")
        stream = request.headers.get("x-dashscope-sse") == "enable" or bool(body.get("stream"))
        error = reply.error
        if error is not None and not (error.in_body and stream and kind == "chat"):
            headers = {"x-request-id": REQUEST_ID}
            if error.retry_after is not None:
                headers["retry-after"] = str(error.retry_after)
            status = 200 if error.in_body else error.status
            return httpx.Response(status, json=self.error_body(error), headers=headers)
        if kind == "embeddings":
            return self._embeddings(body, reply)
        multimodal = "multimodal" in path
        if stream:
            return httpx.Response(200, content=self._stream(reply), headers=_SSE_HEADERS)
        message: dict[str, Any] = {"role": "assistant", "content": reply.content or ""}
        if multimodal:
            message["content"] = [{"text": reply.content or ""}]
        finish = reply.finish_reason or "stop"
        if reply.tool_calls:
            message["content"] = ""
            message["tool_calls"] = [
                {"index": i, "id": c["id"], "type": "function",
                 "function": {"name": c["name"], "arguments": c["arguments"]}}
                for i, c in enumerate(reply.tool_calls)
            ]  # fmt: skip
            finish = reply.finish_reason or "tool_calls"
        answer = {
            "output": {"choices": [{"finish_reason": finish, "message": message}]},
            "usage": self._usage(reply, reply.completion_tokens),
            "request_id": REQUEST_ID,
        }
        return httpx.Response(200, json=answer, headers={"x-request-id": REQUEST_ID})

    @staticmethod
    def _usage(reply: Reply, output_tokens: int) -> dict[str, int]:
        return {
            "input_tokens": reply.prompt_tokens,
            "output_tokens": output_tokens,
            "total_tokens": reply.prompt_tokens + output_tokens,
        }

    def _stream(self, reply: Reply) -> bytes:
        messages: list[dict[str, Any]] = []
        for piece in split_text(reply.content) if reply.content and not reply.tool_calls else []:
            messages.append({"role": "assistant", "content": piece})
        for index, call in enumerate(reply.tool_calls or []):
            head = {"index": index, "id": call["id"], "type": "function",
                    "function": {"name": call["name"], "arguments": ""}}  # fmt: skip
            messages.append({"role": "assistant", "content": "", "tool_calls": [head]})
            for piece in split_text(call["arguments"]):
                frag = {"index": index, "id": "", "type": "function",
                        "function": {"arguments": piece}}  # fmt: skip
                messages.append({"role": "assistant", "content": "", "tool_calls": [frag]})
        frames: list[bytes] = []
        for n, message in enumerate(messages, start=1):
            used = min(n, reply.completion_tokens)  # running totals, as DashScope sends them
            data = {"output": {"choices": [{"message": message, "finish_reason": "null"}]},
                    "usage": self._usage(reply, used), "request_id": REQUEST_ID}  # fmt: skip
            frames.append(_frame(data, n))
        next_id = len(frames) + 1
        if reply.error is not None:
            error = reply.error
            frames.append(_frame(self.error_body(error), next_id, "error", error.status))
            return b"".join(frames)
        finish = reply.finish_reason or ("tool_calls" if reply.tool_calls else "stop")
        last = {"role": "assistant", "content": ""}
        usage = self._usage(reply, reply.completion_tokens)
        data = {"output": {"choices": [{"message": last, "finish_reason": finish}]},
                "usage": usage, "request_id": REQUEST_ID}  # fmt: skip
        frames.append(_frame(data, next_id))
        return b"".join(frames)

    def _embeddings(self, body: dict[str, Any], reply: Reply) -> httpx.Response:
        texts = (body.get("input") or {}).get("texts") or []
        dims = (body.get("parameters") or {}).get("dimension") or reply.dimensions
        items = [
            {
                "text_index": i,
                "embedding": [round(0.1 * (i + 1) + 0.01 * d, 4) for d in range(dims)],
            }
            for i in range(len(texts))
        ]
        tokens = sum(len(str(t).split()) for t in texts)
        answer = {"output": {"embeddings": items}, "usage": {"total_tokens": tokens},
                  "request_id": REQUEST_ID}  # fmt: skip
        return httpx.Response(200, json=answer, headers={"x-request-id": REQUEST_ID})


QWEN = QwenFake()
