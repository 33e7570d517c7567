"""Issue 14 item 9: a model id that becomes a URL path segment (ERNIE v1 endpoint names, on a
host where every call carries the app's access token) is checked before anything is sent:
``../``, ``/``, ``?``, ``#``, percent-encoded forms, backslashes and spaces are refused with a
clear error. Real sockets on 127.0.0.1 (the server must see no request at all)."""

from __future__ import annotations

import asyncio

import pytest
from faults import FaultServer, Native, Recorder, config
from helpers_bounded import bounded

from llmswitch import AsyncClient, Client, InvalidRequestError

HI = [{"role": "user", "content": "hi"}]
TRICKS = [
    "../../../rest/2.0/ocr/v1/general_basic",
    "..",
    "ernie-4.0/../../../oauth/2.0/token",
    "completions?x=1",
    "completions#frag",
    "%2e%2e%2frest%2f2.0%2focr",
    "..%2F..%2Focr",
    "ernie\\..\\ocr",
    "ernie 4.0",
    "ernie\n4.0",
]


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("model", TRICKS)
def test_path_tricks_in_an_ernie_v1_model_are_refused_before_sending(model: str, kind: str) -> None:
    with FaultServer(Native("ernie").ok(False)) as server:
        cfg = config("ernie", server.url)

        def run() -> object:
            recorder = Recorder(0)
            if kind == "sync":
                with Client(cfg, retry_policy=recorder.policy) as client:
                    try:
                        return client.chat.completions.create(model=f"ernie/{model}", messages=HI)
                    except Exception as exc:
                        return exc

            async def main() -> object:
                async with AsyncClient(cfg, retry_policy=recorder.policy) as client:
                    try:
                        return await client.chat.completions.create(
                            model=f"ernie/{model}", messages=HI
                        )
                    except Exception as exc:
                        return exc

            return asyncio.run(main())

        value = bounded(run)
        paths = [r.path for r in server.chat_requests]
        fetched = server.token_fetches
    assert isinstance(value, InvalidRequestError), f"{model!r} was sent: {value!r} {paths}"
    assert "path segment" in str(value)
    assert paths == [] and fetched == 0, "nothing may be sent, not even the token request"


def test_a_config_endpoint_with_a_path_trick_is_refused_too() -> None:
    with FaultServer(Native("ernie").ok(False)) as server:
        cfg = config("ernie", server.url)
        cfg["providers"]["ernie"]["endpoints"] = {"my-model": "../../ocr/v1/general"}
        with Client(cfg, max_retries=0) as client, pytest.raises(InvalidRequestError):
            client.chat.completions.create(model="ernie/my-model", messages=HI)
        assert server.chat_requests == []


def test_ordinary_model_ids_and_endpoints_still_work() -> None:
    with FaultServer(Native("ernie").ok(False)) as server:
        cfg = config("ernie", server.url)
        cfg["providers"]["ernie"]["endpoints"] = {"my-model": "abcd1234_v2.1"}
        with Client(cfg, max_retries=0) as client:
            for model in ("ERNIE-3.5-8K", "ernie-speed-128k", "my-model"):
                server.script(Native("ernie").ok(False))
                client.chat.completions.create(model=f"ernie/{model}", messages=HI)
        paths = [r.path.split("?")[0].rsplit("/", 1)[1] for r in server.chat_requests]
    assert paths[-1] == "abcd1234_v2.1" and len(paths) == 3
