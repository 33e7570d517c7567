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
