"""The provider x fault matrix over real sockets, sync and async, non-stream and stream.

Each applicable cell of :func:`faults.matrix` runs twice (``Client`` and ``AsyncClient``) and
asserts the answer or typed error, the chat requests the server saw, token fetches, the exact
waits (Retry-After honoured, injected clock), an idle pool and no secret in the error.
``docs/reliability.md`` is generated from the same data (last test).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_server import _request, frame_leaks
from faults import (
    CONTENT,
    KINDS,
    MODELS,
    NA,
    Cell,
    FaultServer,
    Outcome,
    Recorder,
    call,
    config,
    dead_url,
    matrix,
    render_doc,
    secret_strings,
)

from llmswitch import APIError, Client
from llmswitch.testing import FakeError, Reply, fake_wire
from llmswitch.types import ChatCompletion

ROOT = Path(__file__).resolve().parents[2]
CELLS = list(matrix())


@pytest.fixture(scope="module")
def shared() -> Iterator[FaultServer]:
    """One server for the module (stopping one costs 50 ms); reset before each cell."""
    with FaultServer() as server:
        yield server


def _params() -> list[object]:
    out = []
    for cell in CELLS:
        if isinstance(cell.expected, NA):
            continue
        for kind in KINDS:
            marks = []
            if cell.expected.bug:
                marks.append(pytest.mark.xfail(strict=True, reason=cell.expected.bug))
            out.append(pytest.param(cell, kind, id=f"{cell.id}-{kind}", marks=marks))
    return out


@pytest.mark.parametrize(("cell", "kind"), _params())
def test_fault_cell(cell: Cell, kind: str, shared: FaultServer) -> None:
    expected = cell.expected
    assert isinstance(expected, Outcome) and cell.script is not None
    script = cell.script
    recorder = Recorder()
    server = shared.reset()
    server.script(*script.chat)
    server.tokens.extend(script.tokens)
    base = dead_url() if script.refused else server.url
    result = call(
        kind,
        config(cell.provider, base),
        recorder,
        model=MODELS[cell.provider],
        stream=cell.mode == "stream",
        timeout=script.timeout,
    )
    value = result.value
    if expected.result == "answer":
        assert isinstance(value, ChatCompletion), repr(value)
        assert value.choices[0].message.content == CONTENT
        assert value.provider == cell.provider
        if cell.mode == "stream":
            assert result.chunks >= 2
    else:
        assert isinstance(value, APIError), repr(value)
        assert type(value).__name__ == expected.result, repr(value)
        assert value.provider == cell.provider
        text = f"{value}\n{value!r}\n{value.raw or ''}"
        for secret in secret_strings(cell.provider) + server.issued:
            assert secret not in text
        leaks = frame_leaks(value, secret_strings(cell.provider) + server.issued)
        assert not leaks, "secrets in traceback frame locals:\n" + "\n".join(leaks)
        if expected.seen:
            assert result.chunks >= 1, "the caller should have received chunks before the error"
        elif cell.mode == "stream":
            assert result.chunks == 0
    assert len(server.chat_requests) == expected.requests
    assert recorder.waits == list(expected.waits)
    if expected.tokens is not None:
        assert server.token_fetches == expected.tokens
    assert result.idle, "a connection was left busy (leaked)"


def test_matrix_covers_every_provider_fault_and_mode() -> None:
    keys = {(c.provider, c.fault, c.mode) for c in CELLS}
    assert len(keys) == len(CELLS)
    providers = {c.provider for c in CELLS}
    faults = {c.fault for c in CELLS}
    assert len(CELLS) == len(providers) * len(faults) * 2
    for cell in CELLS:
        if isinstance(cell.expected, NA):
            assert cell.expected.reason and cell.script is None


def test_docs_reliability_md_is_generated_from_the_matrix() -> None:
    text = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert text == render_doc(), (
        "regenerate: PYTHONPATH=src python tests/reliability/faults.py > docs/reliability.md"
    )


# A 4xx rendered by the OpenAI fake keeps its status class (the fake once typed a 403 as
# "server_error" and the adapter let the type override the status).
@pytest.mark.parametrize(
    ("status", "cls"), [(403, "PermissionDeniedError"), (404, "NotFoundError")]
)
def test_openai_fake_4xx_maps_to_its_status_class(status: int, cls: str) -> None:
    fake = FakeError(status, "some_code", "no")
    response = fake_wire("openai").render("chat", _request("openai", False), Reply(error=fake))
    with Client(config("openai", "http://fake")) as client:
        error = client.adapter("openai").map_error(status, response.content, response.headers)
    assert type(error).__name__ == cls
