"""One benchmark worker: a fresh process measuring one client on one provider's wire.

``python bench/worker.py CLIENT PROVIDER PORT N_CALLS N_STREAMS N_CONCURRENT`` prints one JSON
object: first-call latency, non-streaming per-call times (p50/p99), stream chunks/s and time to
first chunk, and the wall time of N_CONCURRENT async calls. CLIENT is ``llmswitch``, ``raw``
(httpx.Client.post + json.loads, SSE split by hand), ``openai`` or ``litellm``.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

MESSAGES = [{"role": "user", "content": "hi"}]


def base_url(port: int, provider: str, mode: str) -> str:
    return f"http://127.0.0.1:{port}/{provider}/{mode}"


def provider_config(provider: str, base: str) -> dict[str, Any]:
    from llmswitch.testing import fake_wire

    table = dict(fake_wire(provider).config(base))
    table["base_url"] = base
    if provider == "ernie":  # the v1 wenxinworkshop API with Baidu OAuth
        table.pop("api_key", None)
        table.update({"access_key": "bench-ak", "secret_key": "bench-sk"})
    return table


# ---- clients ----------------------------------------------------------------------------------


class LLMSwitchClient:
    @staticmethod
    def prepare(provider: str, port: int) -> Any:
        import llmswitch

        return llmswitch

    def __init__(self, provider: str, port: int, prepared: Any) -> None:
        from server import bench_model

        import llmswitch

        self.model = f"{provider}/{bench_model(provider, 'chat')}"
        self.clients = {
            mode: llmswitch.Client({"providers": {provider: provider_config(provider, base_url(port, provider, mode))}})  # noqa: E501
            for mode in ("json", "stream")
        }  # fmt: skip
        self.async_config = {
            "providers": {provider: provider_config(provider, base_url(port, provider, "json"))}
        }
        self.llmswitch = llmswitch

    def call(self) -> None:
        resp = self.clients["json"].chat.completions.create(model=self.model, messages=MESSAGES)
        assert resp.choices[0].message.content

    def stream(self, on_first: Callable[[], None]) -> int:
        count = 0
        with self.clients["stream"].chat.completions.create(
            model=self.model, messages=MESSAGES, stream=True
        ) as s:
            for _chunk in s:
                if count == 0:
                    on_first()
                count += 1
        return count

    async def fan_out(self, n: int) -> float:
        async with self.llmswitch.AsyncClient(self.async_config) as client:

            async def one() -> None:
                await client.chat.completions.create(model=self.model, messages=MESSAGES)

            return await timed_gather(one, n)


class RawHttpxClient:
    """What a hand-written integration does: post prebuilt bytes, json.loads, split SSE lines."""

    @staticmethod
    def prepare(provider: str, port: int) -> Any:
        """Build the provider's native request bytes once, untimed (llmswitch's adapter is only
        used as a request recorder here; the timed path is pure httpx)."""
        from server import bench_model

        from llmswitch._config import load_config, provider_settings
        from llmswitch.providers import adapter_class
        from llmswitch.providers._base import ChatParams

        requests = {}
        for mode in ("json", "stream"):
            config = load_config(
                {"providers": {provider: provider_config(provider, base_url(port, provider, mode))}}
            )
            settings = provider_settings(config, provider)
            adapter = adapter_class(settings.type)(settings)
            params = ChatParams(model=bench_model(provider, "chat"), messages=MESSAGES,
                                stream=mode == "stream")  # fmt: skip
            request = adapter.build_chat_request(params)
            headers = {
                k: v
                for k, v in request.headers.items()
                if k.lower() not in ("host", "content-length")
            }
            requests[mode] = (str(request.url), request.content, headers)
        return requests

    def __init__(self, provider: str, port: int, prepared: Any) -> None:
        import httpx

        self.httpx = httpx
        self.requests = prepared
        self.http = httpx.Client()

    def call(self) -> None:
        url, body, headers = self.requests["json"]
        data = json.loads(self.http.post(url, content=body, headers=headers).content)
        assert data

    def stream(self, on_first: Callable[[], None]) -> int:
        url, body, headers = self.requests["stream"]
        count = 0
        buffer = b""
        with self.http.stream("POST", url, content=body, headers=headers) as response:
            for data in response.iter_bytes():
                buffer += data
                lines = buffer.split(b"\n")
                buffer = lines.pop()
                for line in lines:
                    if line.startswith(b"data:"):
                        payload = line[5:].strip()
                        if payload == b"[DONE]":
                            continue
                        json.loads(payload)
                        if count == 0:
                            on_first()
                        count += 1
        return count

    async def fan_out(self, n: int) -> float:
        url, body, headers = self.requests["json"]
        async with self.httpx.AsyncClient() as client:

            async def one() -> None:
                json.loads((await client.post(url, content=body, headers=headers)).content)

            return await timed_gather(one, n)


class RawAiohttpClient(RawHttpxClient):
    """The fan-out ceiling: raw aiohttp posting the same bytes (its calls and streams are raw
    httpx's, and are not reported)."""

    async def fan_out(self, n: int) -> float:
        import aiohttp

        url, body, headers = self.requests["json"]
        async with aiohttp.ClientSession() as session:

            async def one() -> None:
                async with session.post(url, data=body, headers=headers) as response:
                    json.loads(await response.read())

            return await timed_gather(one, n)


class OpenAIPeer:
    @staticmethod
    def prepare(provider: str, port: int) -> Any:
        import openai

        return openai

    def __init__(self, provider: str, port: int, prepared: Any) -> None:
        import openai

        self.openai = openai
        self.json = openai.OpenAI(base_url=base_url(port, "openai", "json"), api_key="sk-x")
        self.streamer = openai.OpenAI(base_url=base_url(port, "openai", "stream"), api_key="sk-x")
        self.port = port

    def call(self) -> None:
        resp = self.json.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)  # type: ignore[arg-type]
        assert resp.choices[0].message.content

    def stream(self, on_first: Callable[[], None]) -> int:
        count = 0
        stream = self.streamer.chat.completions.create(
            model="gpt-4o-mini", messages=MESSAGES, stream=True
        )  # type: ignore[arg-type]
        for _ in stream:
            if count == 0:
                on_first()
            count += 1
        return count

    async def fan_out(self, n: int) -> float:
        async with self.openai.AsyncOpenAI(
            base_url=base_url(self.port, "openai", "json"), api_key="sk-x"
        ) as client:

            async def one() -> None:
                await client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)  # type: ignore[arg-type]

            return await timed_gather(one, n)


class LiteLLMPeer:
    @staticmethod
    def prepare(provider: str, port: int) -> Any:
        import litellm

        return litellm

    def __init__(self, provider: str, port: int, prepared: Any) -> None:
        import litellm

        self.litellm = litellm
        self.port = port

    def _kw(self, mode: str) -> dict[str, Any]:
        return {"model": "openai/gpt-4o-mini", "messages": MESSAGES, "api_key": "sk-x",
                "api_base": base_url(self.port, "openai", mode), "num_retries": 2}  # fmt: skip

    def call(self) -> None:
        resp = self.litellm.completion(**self._kw("json"))
        assert resp.choices[0].message.content

    def stream(self, on_first: Callable[[], None]) -> int:
        count = 0
        for _ in self.litellm.completion(stream=True, **self._kw("stream")):
            if count == 0:
                on_first()
            count += 1
        return count

    async def fan_out(self, n: int) -> float:
        async def one() -> None:
            await self.litellm.acompletion(**self._kw("json"))

        return await timed_gather(one, n)


async def timed_gather(one: Callable[[], Any], n: int) -> float:
    """One untimed warm-up call (pool, TLS setup), then the wall time of ``n`` concurrent calls."""
    await one()
    t0 = time.perf_counter()
    await asyncio.gather(*[one() for _ in range(n)])
    return time.perf_counter() - t0


CLIENTS = {"llmswitch": LLMSwitchClient, "raw": RawHttpxClient, "rawaiohttp": RawAiohttpClient,
           "openai": OpenAIPeer, "litellm": LiteLLMPeer}  # fmt: skip


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    kind, provider, port_s, n_calls_s, n_streams_s, n_conc_s = sys.argv[1:7]
    port, n_calls, n_streams, n_conc = int(port_s), int(n_calls_s), int(n_streams_s), int(n_conc_s)
    cls = CLIENTS[kind]
    prepared = cls.prepare(provider, port)  # type: ignore[attr-defined]
    start = time.perf_counter()
    client = cls(provider, port, prepared)  # type: ignore[call-arg]
    client.call()
    first_call = time.perf_counter() - start
    for _ in range(min(20, n_calls)):
        client.call()
    times = []
    for _ in range(n_calls):
        t0 = time.perf_counter()
        client.call()
        times.append(time.perf_counter() - t0)
    client.stream(lambda: None)  # warm-up: first-use costs are in first_call, not here
    rates, ttfc = [], []
    for _ in range(n_streams):
        t0 = time.perf_counter()
        first: list[float] = []
        count = client.stream(lambda first=first: first.append(time.perf_counter()))
        total = time.perf_counter() - t0
        rates.append(count / total)
        ttfc.append(first[0] - t0 if first else total)
    walls = [asyncio.run(client.fan_out(n_conc)) for _ in range(3)]
    print(json.dumps({
        "client": kind, "provider": provider, "first_call_s": first_call,
        "p50_s": statistics.median(times), "p99_s": percentile(times, 0.99),
        "stream_chunks_per_s": statistics.median(rates), "ttfc_s": statistics.median(ttfc),
        "fanout_wall_s": statistics.median(walls), "fanout_rps": n_conc / statistics.median(walls),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
