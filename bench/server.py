"""The benchmark's loopback server: asyncio, HTTP/1.1 keep-alive, prebuilt answers.

Routes by path prefix ``/<provider>/<mode>/...`` (mode ``json``, ``stream`` or ``embed``);
any path containing ``oauth`` gets a Baidu token answer. Answers are built once at start from
llmswitch's own fake wires, so each provider is served in its native format and the server
does no per-request work beyond parsing the request head. Run as a script, it prints its port.
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

import httpx

STREAM_CHUNKS = 2000
PROVIDERS = ("openai", "qwen", "glm", "ernie", "sensenova")


def _config(provider: str, base: str) -> dict[str, Any]:
    from llmswitch.testing import fake_wire

    table = fake_wire(provider).config(base)
    table["base_url"] = base
    return table


def build_answers(port: int) -> dict[tuple[str, str], bytes]:
    """(provider, mode) → the full HTTP response bytes."""
    from llmswitch._config import load_config, provider_settings
    from llmswitch.providers import adapter_class
    from llmswitch.providers._base import ChatParams, EmbeddingParams
    from llmswitch.testing import Reply, fake_wire

    answers: dict[tuple[str, str], bytes] = {}
    words = " ".join(f"w{i}" for i in range(STREAM_CHUNKS))
    for provider in PROVIDERS:
        wire = fake_wire(provider)
        for mode in ("json", "stream", "embed"):
            base = f"http://127.0.0.1:{port}/{provider}/{mode}"
            config = load_config({"providers": {provider: _config(provider, base)}})
            settings = provider_settings(config, provider)
            adapter = adapter_class(settings.type)(settings)
            msgs = [{"role": "user", "content": "hi"}]
            if mode == "embed":
                request = adapter.build_embeddings_request(
                    EmbeddingParams(model=bench_model(provider, "embed"), input=["a", "b"])
                )
                response = wire.render("embeddings", request, Reply())
            else:
                params = ChatParams(
                    model=bench_model(provider, "chat"), messages=msgs, stream=mode == "stream"
                )
                request = adapter.build_chat_request(params)
                content = words if mode == "stream" else "Hello! How can I help you today?"
                response = wire.render("chat", request, Reply(content=content))
            answers[(provider, mode)] = http_bytes(response)
    token = httpx.Response(
        200,
        json={"access_token": "24.bench-token", "expires_in": 2592000, "refresh_token": "r"},
    )
    answers[("*", "oauth")] = http_bytes(token)
    return answers


def bench_model(provider: str, kind: str) -> str:
    """A real model id of each provider (ERNIE v1 maps it to its endpoint)."""
    chat = {"openai": "gpt-4o-mini", "qwen": "qwen-plus", "glm": "glm-4-flash",
            "ernie": "ernie-3.5-8k", "sensenova": "SenseChat-5"}  # fmt: skip
    embed = {"openai": "text-embedding-3-small", "qwen": "text-embedding-v3", "glm": "embedding-3",
             "ernie": "embedding-v1", "sensenova": "nova-embedding-stable"}  # fmt: skip
    return (chat if kind == "chat" else embed)[provider]


def http_bytes(response: httpx.Response) -> bytes:
    body = response.content
    head = [f"HTTP/1.1 {response.status_code} OK"]
    for key, value in response.headers.items():
        if key.lower() not in ("content-length", "transfer-encoding"):
            head.append(f"{key}: {value}")
    head.append(f"content-length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


class _Protocol(asyncio.Protocol):
    def __init__(self, answers: dict[tuple[str, str], bytes]) -> None:
        self.answers = answers
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end]
            length = 0
            lower = head.lower()
            at = lower.find(b"content-length:")
            if at >= 0:
                length = int(
                    lower[
                        at + 15 : lower.find(b"\r\n", at) if lower.find(b"\r\n", at) > 0 else None
                    ]
                )
            total = end + 4 + length
            if len(self.buffer) < total:
                return
            self.buffer = self.buffer[total:]
            path = head[head.find(b" ") + 1 : head.find(b" HTTP/")].decode()
            self.transport.write(self._answer(path))  # type: ignore[union-attr]

    def _answer(self, path: str) -> bytes:
        if "oauth" in path:
            return self.answers[("*", "oauth")]
        parts = path.split("/")
        key = (parts[1], parts[2]) if len(parts) > 2 else ("", "")
        found = self.answers.get(key)
        if found is None:
            return b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"
        return found


async def serve(port_out: Any = None) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Protocol({}), "127.0.0.1", 0, backlog=2048)
    port = server.sockets[0].getsockname()[1]
    answers = build_answers(port)
    server.close()
    server = await loop.create_server(lambda: _Protocol(answers), "127.0.0.1", port, backlog=2048)
    print(json.dumps({"port": port}), flush=True)
    async with server:
        await server.serve_forever()


def raw_socket_ceiling(port: int, seconds: float = 1.0) -> float:
    """Requests per second a minimal raw-socket keep-alive client gets from this server."""
    import socket
    import time

    request = (
        f"POST /openai/json/chat/completions HTTP/1.1\r\nhost: 127.0.0.1:{port}\r\n"
        "content-type: application/json\r\ncontent-length: 2\r\n\r\n{}"
    ).encode()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(request)
        first = sock.recv(65536)
        head_end = first.find(b"\r\n\r\n")
        lower = first[:head_end].lower()
        at = lower.find(b"content-length:")
        size = head_end + 4 + int(lower[at + 15 :].split(b"\r\n")[0])
        count = 0
        deadline = time.perf_counter() + seconds
        start = time.perf_counter()
        while time.perf_counter() < deadline:
            sock.sendall(request)
            got = 0
            while got < size:
                got += len(sock.recv(65536))
            count += 1
        return count / (time.perf_counter() - start)


if __name__ == "__main__":
    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        sys.exit(0)
