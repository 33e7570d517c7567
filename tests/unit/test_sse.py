"""The SSE decoder against the WHATWG rules, and split-invariance under hypothesis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from llmswitch._sse import SSEDecoder, SSEEvent


def decode(data: bytes, splits: list[int] | None = None) -> list[SSEEvent]:
    decoder = SSEDecoder()
    events: list[SSEEvent] = []
    points = sorted(set(splits or []))
    start = 0
    for point in [*points, len(data)]:
        events.extend(decoder.feed(data[start:point]))
        start = point
    events.extend(decoder.flush())
    return events


def test_data_with_and_without_space() -> None:
    assert decode(b"data: a\n\ndata:b\n\n") == [SSEEvent("a"), SSEEvent("b")]


def test_only_one_leading_space_is_stripped() -> None:
    assert decode(b"data:  two\n\n") == [SSEEvent(" two")]


def test_multiline_data_joined_with_newline() -> None:
    assert decode(b"data: one\ndata: two\n\n") == [SSEEvent("one\ntwo")]


def test_cr_lf_and_crlf_line_ends() -> None:
    expected = [SSEEvent("a"), SSEEvent("b"), SSEEvent("c")]
    assert decode(b"data: a\r\rdata: b\n\ndata: c\r\n\r\n") == expected


def test_crlf_split_across_reads_is_one_line_end() -> None:
    assert decode(b"data: a\r\n\r\n", splits=[8]) == [SSEEvent("a")]


def test_comments_are_not_events_but_the_last_one_rides_along() -> None:
    assert decode(b": keep-alive\ndata: x\n\n:HTTP_STATUS/200\n") == [
        SSEEvent("x", comment="keep-alive")
    ]
    events = decode(b"id:1\nevent:error\n:HTTP_STATUS/429\ndata:{}\n\n: ping\n\ndata: y\n\n")
    assert [(e.event, e.comment) for e in events] == [
        ("error", "HTTP_STATUS/429"),
        ("message", None),
    ]


def test_event_id_and_retry_fields() -> None:
    events = decode(b"id: 7\nevent: result\nretry: 1500\ndata: {}\n\n")
    assert events == [SSEEvent("{}", event="result", id="7", retry=1500)]


def test_id_is_sticky_and_event_type_resets() -> None:
    events = decode(b"id: 1\nevent: error\ndata: a\n\ndata: b\n\n")
    assert [(e.id, e.event) for e in events] == [("1", "error"), ("1", "message")]


def test_id_with_nul_is_ignored_and_bad_retry_is_ignored() -> None:
    assert decode(b"id: a\x00b\nretry: 12x\ndata: z\n\n") == [SSEEvent("z")]


def test_event_without_data_is_not_dispatched() -> None:
    assert decode(b"event: ping\n\ndata: x\n\n") == [SSEEvent("x")]


def test_field_without_colon_is_the_whole_line() -> None:
    assert decode(b"data\n\n") == [SSEEvent("")]


def test_bom_at_start_is_dropped_even_when_split() -> None:
    assert decode(b"\xef\xbb\xbfdata: a\n\n", splits=[1, 2]) == [SSEEvent("a")]


def test_flush_dispatches_a_pending_event_at_end() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: tail") == []
    assert decoder.pending
    assert decoder.flush() == [SSEEvent("tail")]


def test_invalid_utf8_is_replaced_not_raised() -> None:
    assert decode(b"data: \xff\n\n") == [SSEEvent("\ufffd")]


_line = st.one_of(
    st.builds(
        lambda v: f"data: {v}",
        st.text(alphabet=st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",))),
    ),
    st.builds(lambda v: f"data:{v}", st.text(alphabet='abc{}" :')),
    st.builds(lambda v: f"event: {v}", st.sampled_from(["result", "error", "done"])),
    st.builds(lambda v: f"id: {v}", st.text(alphabet="0123456789", max_size=3)),
    st.builds(lambda v: f"retry: {v}", st.integers(0, 10_000)),
    st.builds(lambda v: f": {v}", st.text(alphabet="xyz ", max_size=5)),
    st.just(""),
)
_ending = st.sampled_from(["\n", "\r", "\r\n"])


@st.composite
def streams(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(st.tuples(_line, _ending), max_size=30))
    return "".join(line + end for line, end in lines).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(data=streams(), splits=st.lists(st.integers(0, 2000), max_size=12))
def test_any_split_of_the_same_bytes_gives_the_same_events(data: bytes, splits: list[int]) -> None:
    points = [s % (len(data) + 1) for s in splits]
    assert decode(data, points) == decode(data)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=500), splits=st.lists(st.integers(0, 500), max_size=8))
def test_random_bytes_never_raise_and_split_invariant(data: bytes, splits: list[int]) -> None:
    points = [s % (len(data) + 1) for s in splits]
    assert decode(data, points) == decode(data)


@settings(max_examples=200, deadline=None)
@given(data=streams())
def test_byte_at_a_time_matches_whole(data: bytes) -> None:
    assert decode(data, list(range(len(data)))) == decode(data)


# ---- issue 14 item 8: linear time, bounded memory, typed errors past the limits ----------------


def test_a_32_mib_line_in_64_kib_reads_costs_linear_time() -> None:
    """The decoder rescanned its whole buffer on every read: a 32 MiB line cost 7.5 s of CPU
    (quadratic). Joined once when its end arrives, it costs a few hundredths of a second."""
    import time

    decoder = SSEDecoder(max_line=1 << 40, max_event=1 << 40)
    piece = b"x" * 65536
    start = time.process_time()
    decoder.feed(b"data: ")
    for _ in range(512):
        decoder.feed(piece)
    events = decoder.feed(b"\n\n")
    spent = time.process_time() - start
    assert len(events) == 1 and len(events[0].data) == 32 * 1024 * 1024
    assert spent < 2.0, f"{spent:.2f} s of CPU for a 32 MiB line: not linear"


def test_a_line_past_the_limit_is_a_typed_error_naming_the_provider() -> None:
    from llmswitch._sse import MAX_LINE_BYTES
    from llmswitch.errors import APIResponseValidationError

    assert MAX_LINE_BYTES == 16 * 1024 * 1024
    decoder = SSEDecoder(provider="openai", max_line=1024)
    decoder.feed(b"data: ")
    try:
        for _ in range(100):
            decoder.feed(b"y" * 100)
    except APIResponseValidationError as exc:
        assert exc.provider == "openai" and not exc.retryable
        assert exc.code == "sse_line_too_large"
    else:
        raise AssertionError("a line over max_line was accepted")


def test_data_lines_without_a_blank_line_are_bounded_by_the_event_limit() -> None:
    """Tiny data lines with no blank line were held at 6.6x their size, without bound."""
    from llmswitch._sse import LINE_OVERHEAD
    from llmswitch.errors import APIResponseValidationError

    decoder = SSEDecoder(max_event=64 * 1024)
    fed = 0
    try:
        for _ in range(100_000):
            decoder.feed(b"data: x\n")
            fed += 1
    except APIResponseValidationError as exc:
        assert exc.code == "sse_event_too_large"
    else:
        raise AssertionError("an endless event was accepted")
    assert fed * (1 + LINE_OVERHEAD) <= 64 * 1024 + 1 + LINE_OVERHEAD
    # the decoder is usable (empty) afterwards: nothing of the refused event is kept
    assert decoder.feed(b"\ndata: ok\n\n") == [SSEEvent("ok")]
