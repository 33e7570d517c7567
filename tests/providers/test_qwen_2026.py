"""Qwen in 2026 (issue 18): current models routed to multimodal-generation, thinking controls,
reasoning tokens, cached tokens, url-error fallback. Fixtures: tests/fixtures/qwen/wire2026
(requests captured from dashscope 2.0.2, answers hand-built from documented shapes; README)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

from conftest import fixture_bytes, fixture_json, scenarios
from llmswitch import AsyncClient, BadRequestError, Client
from llmswitch.errors import InvalidRequestError
from llmswitch.providers.qwen.regions import region_host
from llmswitch.providers.qwen.routing import (
    endpoint_override,
    forget_learned,
    learned,
    model_family_multimodal,
)

DIR = "qwen/wire2026"
BASE = "https://dashscope.aliyuncs.com/api/v1"
TEXT_URL = f"{BASE}/services/aigc/text-generation/generation"
MM_URL = f"{BASE}/services/aigc/multimodal-generation/generation"
PARSED = fixture_json(DIR, "sdk_parsed_results.json")
IGNORED = (
    "host", "user-agent", "accept-encoding", "connection", "content-length", "content-type",
    "accept", "x-dashscope-sdk-", "x-accel-buffering", "x-stainless",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _no_learned_bindings() -> Iterator[None]:
    forget_learned()
    yield
    forget_learned()


def client(**table: Any) -> Client:
    return Client({"providers": {"qwen": {"api_key": "sk-test", **table}}}, max_retries=0)


def assert_same_request(sent: httpx.Request, captured: dict[str, Any]) -> None:
    assert sent.method == captured["method"]
    assert sent.url.path == captured["path"]
    if captured["body_json"] is not None:
        assert json.loads(sent.content) == captured["body_json"]
    for key, value in captured["headers"].items():
        if not key.lower().startswith(IGNORED):
            assert sent.headers.get(key) == value, key


def answer(name: str) -> tuple[int, Any, dict[str, str]]:
    data = fixture_json(DIR, f"{name}.response.json")
    return data["status"], data["body"], data["headers"]


def test_every_scenario_used_here_or_in_the_other_2026_tests() -> None:
    assert set(scenarios(DIR, ".request.json")) == {
        "native_mm_text_only", "native_v2client_mm_text_only", "native_mm_thinking_stream",
        "native_text_url_error", "native_text_stream_url_error_200", "native_mm_image_base64",
        "native_cache_hit", "native_models_list", "compat_thinking_stream", "compat_cache_hit",
    }  # fmt: skip


# ---- routing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model",
    [
        "qwen3.5-plus", "qwen3.5-plus-2026-02-15", "qwen3.5-flash", "qwen3.5-397b-a17b",
        "qwen3.6-plus", "qwen3.6-flash-2026-04-16", "qwen3.6-35b-a3b", "qwen3.7-plus",
        "qwen3.7-plus-2026-05-26", "qwen3.8-max", "qwen3-vl-plus", "qwen3-vl-flash",
        "qwen-vl-max", "qwen-vl-ocr-latest", "qvq-max", "qvq-plus", "qwen3.5-omni-plus",
        "qwen-omni-turbo", "qwen-audio-turbo", "qwen3-asr-flash", "kimi-k2.5", "kimi-k2.6",
        "stepfun/step-3.7-flash", "MiniMax/MiniMax-M3", "Qwen3.6-Plus",
    ],
)  # fmt: skip
def test_documented_multimodal_families(model: str) -> None:
    assert model_family_multimodal(model)


@pytest.mark.parametrize(
    "model",
    [
        "qwen-plus", "qwen-max", "qwen-turbo", "qwen-flash", "qwen3-max", "qwen-long",
        "qwq-plus", "qwen3-coder-plus", "qwen3-235b-a22b", "qwen3.6-max-preview",
        "qwen2.5-72b-instruct", "deepseek-v3",
    ],
)  # fmt: skip
def test_text_models_stay_on_text_generation(model: str) -> None:
    assert not model_family_multimodal(model)


def test_text_only_call_of_a_current_model_goes_to_multimodal_as_the_sdk_sends_it() -> None:
    captured = fixture_json(DIR, "native_mm_text_only.request.json")
    status, body, headers = answer("native_mm_text_only")
    with respx.mock() as router:
        route = router.post(MM_URL).respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="qwen/qwen3.6-plus",
            messages=[{"role": "user", "content": "你好"}],
            reasoning_effort="none",
        )
    assert_same_request(route.calls.last.request, captured)
    assert resp.choices[0].message.content == "你好！我是通义千问，有什么可以帮你？"
    assert resp.usage is not None and resp.usage.total_tokens == 25
    details = resp.usage.prompt_tokens_details
    assert details is not None and details.text_tokens == 13


def test_v2_client_string_content_answer_is_flattened() -> None:
    # The v2 SDK sends string content (fixture native_v2client_mm_text_only); llmswitch sends
    # the documented list form (both are accepted [H]). The answer is the same list shape.
    captured = fixture_json(DIR, "native_v2client_mm_text_only.request.json")
    status, body, headers = answer("native_v2client_mm_text_only")
    with respx.mock() as router:
        route = router.post(MM_URL).respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(
            model="qwen/qwen3.6-plus",
            messages=[{"role": "user", "content": "你好"}],
            reasoning_effort="minimal",
        )
    sent = json.loads(route.calls.last.request.content)
    assert sent["parameters"] == captured["body_json"]["parameters"]
    assert sent["input"]["messages"] == [{"role": "user", "content": [{"text": "你好"}]}]
    assert captured["body_json"]["input"]["messages"] == [{"role": "user", "content": "你好"}]
    assert (
        resp.choices[0].message.content
        == PARSED["native_v2client_mm_text_only"]["choices"][0]["message"]["content"]
    )


def test_image_part_base64_on_multimodal() -> None:
    captured = fixture_json(DIR, "native_mm_image_base64.request.json")
    status, body, headers = answer("native_mm_image_base64")
    image = captured["body_json"]["input"]["messages"][0]["content"][0]["image"]
    messages = [{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": image}},
        {"type": "text", "text": "图里是什么？"},
    ]}]  # fmt: skip
    with respx.mock() as router:
        route = router.post(MM_URL).respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(model="qwen/qwen3-vl-plus", messages=messages)
    assert_same_request(route.calls.last.request, captured)
    assert resp.choices[0].message.content == "这是一张 1×1 像素的图片。"
    details = resp.usage.prompt_tokens_details  # type: ignore[union-attr]
    assert details is not None and (details.text_tokens, details.image_tokens) == (16, 4)


@pytest.mark.parametrize(
    ("table", "model", "url"),
    [
        ({"qwen3.6-plus": "text"}, "qwen3.6-plus", TEXT_URL),
        ({"qwen-plus": "multimodal"}, "qwen-plus", MM_URL),
        ({"qwen4-*": "multimodal"}, "qwen4-plus", MM_URL),
        ({"qwen3.9-*": "text", "qwen3.9-plus": "multimodal"}, "qwen3.9-plus", MM_URL),
        ({"my-ft-model": "services/aigc/multimodal-generation/generation"}, "my-ft-model", MM_URL),
    ],
)
def test_config_endpoints_table_overrides_the_families(
    table: dict[str, str], model: str, url: str
) -> None:
    status, body, headers = answer("native_mm_text_only")
    with respx.mock() as router:
        route = router.post(url).respond(status, json=body, headers=headers)
        client(endpoints=table).chat.completions.create(
            model=f"qwen/{model}", messages=[{"role": "user", "content": "hi"}]
        )
    assert route.called
    sent = json.loads(route.calls.last.request.content)["input"]["messages"][0]["content"]
    assert sent == ([{"text": "hi"}] if url == MM_URL else "hi")


def test_endpoint_override_words() -> None:
    assert endpoint_override({"a": "Multimodal"}, "a") is True
    assert endpoint_override({"a": "text-generation"}, "a") is False
    assert endpoint_override({"b*": "text"}, "a") is None


def test_url_error_is_retried_once_on_the_other_path_and_learned() -> None:
    # A model the family table does not know, bound to multimodal by the gateway: the 400 url
    # error (fixture native_text_url_error) makes llmswitch re-send it there, once.
    captured = fixture_json(DIR, "native_text_url_error.request.json")
    e_status, e_body, e_headers = answer("native_text_url_error")
    status, body, headers = answer("native_mm_text_only")
    messages = [{"role": "user", "content": "你好"}]
    with respx.mock() as router:
        text = router.post(TEXT_URL).respond(e_status, json=e_body, headers=e_headers)
        mm = router.post(MM_URL).respond(status, json=body, headers=headers)
        resp = client().chat.completions.create(model="qwen/qwen9-new", messages=messages)
        first = json.loads(text.calls.last.request.content)
        assert first == {**captured["body_json"], "model": "qwen9-new"}
        assert json.loads(mm.calls.last.request.content)["input"]["messages"] == [
            {"role": "user", "content": [{"text": "你好"}]}
        ]
        assert mm.calls.last.request.headers["authorization"] == "Bearer sk-test"
        assert resp.choices[0].message.content.startswith("你好！")  # type: ignore[union-attr]
        assert learned("qwen", "qwen9-new") is True
        client().chat.completions.create(model="qwen/qwen9-new", messages=messages)
        assert (text.call_count, mm.call_count) == (1, 2)


def test_url_error_retry_async() -> None:
    e_status, e_body, e_headers = answer("native_text_url_error")
    status, body, headers = answer("native_mm_text_only")

    async def run() -> Any:
        async with AsyncClient(
            {"providers": {"qwen": {"api_key": "sk-test"}}}, max_retries=0
        ) as aclient:
            return await aclient.chat.completions.create(
                model="qwen/qwen9-new", messages=[{"role": "user", "content": "hi"}]
            )

    with respx.mock() as router:
        router.post(TEXT_URL).respond(e_status, json=e_body, headers=e_headers)
        mm = router.post(MM_URL).respond(status, json=body, headers=headers)
        resp = asyncio.run(run())
    assert mm.called and resp.choices[0].message.content


def test_url_error_with_a_pinned_endpoint_is_raised_not_retried() -> None:
    e_status, e_body, e_headers = answer("native_text_url_error")
    with respx.mock(assert_all_called=False) as router:
        text = router.post(TEXT_URL).respond(e_status, json=e_body, headers=e_headers)
        mm = router.post(MM_URL).respond(200, json={})
        with pytest.raises(BadRequestError) as info:
            client(endpoints={"qwen3.6-plus": "text"}).chat.completions.create(
                model="qwen/qwen3.6-plus", messages=[{"role": "user", "content": "你好"}]
            )
    assert info.value.code == "InvalidParameter" and "url error" in str(info.value)
    assert (text.call_count, mm.call_count) == (1, 0)


def test_url_error_frame_in_a_200_stream_raises_and_the_next_call_is_routed_right() -> None:
    captured = fixture_json(DIR, "native_text_stream_url_error_200.request.json")
    meta = fixture_json(DIR, "native_text_stream_url_error_200.response.meta.json")
    sse = fixture_bytes(DIR, "native_text_stream_url_error_200.response.sse")
    with respx.mock() as router:
        text = router.post(TEXT_URL).respond(meta["status"], content=sse, headers=meta["headers"])
        with (
            pytest.raises(BadRequestError) as info,
            client().chat.completions.create(
                model="qwen/qwen9-new", messages=[{"role": "user", "content": "你好"}], stream=True
            ) as stream,
        ):
            list(stream)
    assert info.value.code == "InvalidParameter"
    sent = json.loads(text.calls.last.request.content)
    assert sent == {**captured["body_json"], "model": "qwen9-new"}
    assert learned("qwen", "qwen9-new") is True


# ---- reasoning -----------------------------------------------------------------------------


def test_thinking_stream_with_budget_on_multimodal() -> None:
    captured = fixture_json(DIR, "native_mm_thinking_stream.request.json")
    meta = fixture_json(DIR, "native_mm_thinking_stream.response.meta.json")
    sse = fixture_bytes(DIR, "native_mm_thinking_stream.response.sse")
    with respx.mock() as router:
        route = router.post(MM_URL).respond(meta["status"], content=sse, headers=meta["headers"])
        with client().chat.completions.create(
            model="qwen/qwen3.6-plus",
            messages=[{"role": "user", "content": "你好"}],
            stream=True,
            reasoning_effort="high",
            extra_body={"thinking_budget": 1024},
        ) as stream:
            chunks = list(stream)
            final = stream.get_final_completion()
    assert_same_request(route.calls.last.request, captured)
    assert route.calls.last.request.headers["x-dashscope-sse"] == "enable"
    reasoning = [c.choices[0].delta.reasoning_content for c in chunks]
    assert reasoning[:3] == ["用户", "在打招呼", "，简单回应即可。"]
    assert final.choices[0].message.reasoning_content == "用户在打招呼，简单回应即可。"
    assert final.choices[0].message.content == "你好！有什么可以帮你？"
    assert final.usage is not None and final.usage.completion_tokens == 5
    assert final.usage.completion_tokens_details is not None
    assert final.usage.completion_tokens_details.reasoning_tokens == 3


def test_a_budget_alone_turns_thinking_on_and_a_budget_with_thinking_off_is_refused() -> None:
    status, body, headers = answer("native_mm_text_only")
    with respx.mock() as router:
        route = router.post(MM_URL).respond(status, json=body, headers=headers)
        client().chat.completions.create(
            model="qwen/qwen3.6-plus",
            messages=[{"role": "user", "content": "hi"}],
            extra_body={"thinking_budget": 200},
        )
        params = json.loads(route.calls.last.request.content)["parameters"]
        assert (params["enable_thinking"], params["thinking_budget"]) == (True, 200)
        for bad in ({"thinking_budget": 0}, {"thinking_budget": "1k"}):
            with pytest.raises(InvalidRequestError, match="positive integer"):
                client().chat.completions.create(
                    model="qwen/qwen3.6-plus", messages=[{"role": "user", "content": "hi"}],
                    extra_body=bad,
                )  # fmt: skip
        with pytest.raises(InvalidRequestError, match="thinking is off"):
            client().chat.completions.create(
                model="qwen/qwen3.6-plus", messages=[{"role": "user", "content": "hi"}],
                reasoning_effort="none", extra_body={"thinking_budget": 100},
            )  # fmt: skip
        assert route.call_count == 1


def test_reasoning_content_is_not_sent_back() -> None:
    status, body, headers = answer("native_cache_hit")
    history = [
        {"role": "user", "content": "q"},
        {"role": "assistant", "content": "a", "reasoning_content": "long thoughts"},
        {"role": "user", "content": "q2"},
    ]
    with respx.mock() as router:
        route = router.post(TEXT_URL).respond(status, json=body, headers=headers)
        client().chat.completions.create(model="qwen/qwen-plus", messages=history)
    sent = json.loads(route.calls.last.request.content)["input"]["messages"]
    assert sent[1] == {"role": "assistant", "content": "a"}


def test_compat_reasoning_content_is_not_sent_back() -> None:
    status, body, headers = answer("compat_cache_hit")
    url = "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"
    history = [
        {"role": "user", "content": "q"},
        {"role": "assistant", "content": "a", "reasoning_content": "long thoughts"},
        {"role": "user", "content": "q2"},
    ]
    with respx.mock() as router:
        route = router.post(url).respond(status, json=body, headers=headers)
        client(api="compatible").chat.completions.create(model="qwen/qwen-plus", messages=history)
    sent = json.loads(route.calls.last.request.content)["messages"]
    assert sent[1] == {"role": "assistant", "content": "a"}


def test_compat_thinking_stream_body_and_reasoning_tokens() -> None:
    captured = fixture_json(DIR, "compat_thinking_stream.request.json")
    meta = fixture_json(DIR, "compat_thinking_stream.response.meta.json")
    sse = fixture_bytes(DIR, "compat_thinking_stream.response.sse")
    url = "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"
    with respx.mock() as router:
        route = router.post(url).respond(meta["status"], content=sse, headers=meta["headers"])
        with client(api="compatible").chat.completions.create(
            model="qwen/qwen-plus",
            messages=[{"role": "user", "content": "1+1=?"}],
            stream=True,
            reasoning_effort="medium",
            extra_body={"thinking_budget": 1024},
        ) as stream:
            final = stream.get_final_completion()
    assert_same_request(route.calls.last.request, captured)
    assert final.choices[0].message.reasoning_content == "用户问 1+1。"
    assert final.choices[0].message.content == "1+1=2。"
    usage = final.usage
    assert usage is not None and usage.completion_tokens_details is not None
    assert usage.completion_tokens_details.reasoning_tokens == 6


# ---- cached tokens -------------------------------------------------------------------------


@pytest.mark.parametrize("api", ["native", "compatible"])
def test_cached_tokens(api: str) -> None:
    name = f"{api[:6] if api == 'native' else 'compat'}_cache_hit"
    captured = fixture_json(DIR, f"{name}.request.json")
    status, body, headers = answer(name)
    url = TEXT_URL if api == "native" else (
        "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"
    )  # fmt: skip
    messages = [{"role": "system", "content": "<long document>"},
                {"role": "user", "content": "第二章讲了什么？"}]  # fmt: skip
    with respx.mock() as router:
        route = router.post(url).respond(status, json=body, headers=headers)
        resp = client(api=api).chat.completions.create(model="qwen/qwen-plus", messages=messages)
    assert_same_request(route.calls.last.request, captured)
    assert resp.usage is not None and resp.usage.prompt_tokens == 3019
    assert resp.usage.prompt_tokens_details is not None
    assert resp.usage.prompt_tokens_details.cached_tokens == 2048


# ---- regions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "workspace", "host"),
    [
        ("eu-central-1", None, "https://dashscope-intl.aliyuncs.com"),
        ("frankfurt", "ws-a1", "https://ws-a1.eu-central-1.maas.aliyuncs.com"),
        ("tokyo", None, "https://dashscope-intl.aliyuncs.com"),
        ("ap-northeast-1", "ws-a1", "https://ws-a1.ap-northeast-1.maas.aliyuncs.com"),
        ("cn-beijing", "ws-a1", "https://dashscope.aliyuncs.com"),
        ("us", None, "https://dashscope-us.aliyuncs.com"),
    ],
)
def test_regions(region: str, workspace: str | None, host: str) -> None:
    assert region_host(region, workspace) == host


# ---- model list ----------------------------------------------------------------------------


def test_native_model_list() -> None:
    captured = fixture_json(DIR, "native_models_list.request.json")
    status, body, headers = answer("native_models_list")
    with respx.mock() as router:
        route = router.get(f"{BASE}/models").respond(status, json=body, headers=headers)
        page = client().models.list(provider="qwen", extra_query={"page_size": 2})
        sent = route.calls.last.request
        one = client().models.retrieve("qwen3.6-plus", provider="qwen")
        one_sent = route.calls.last.request
    assert sent.url.path == captured["path"]
    assert dict(sent.url.params) == captured["query"]
    assert dict(one_sent.url.params) == {"model": "qwen3.6-plus", "page_no": "1", "page_size": "1"}
    assert [(m.id, m.owned_by, m.created) for m in page] == [
        ("qwen3.6-plus", "qwen", 0),
        ("qwen3.5-397b-a17b", "qwen", 0),
    ]
    assert page.data[1].opensource is True  # type: ignore[attr-defined]
    assert page.total == 2  # type: ignore[attr-defined]
    assert one.id == "qwen3.6-plus"


def test_compatible_mode_model_list_is_openai_shaped() -> None:
    listing = {"object": "list", "data": [{"id": "qwen-plus", "object": "model", "created": 0,
                                           "owned_by": "system"}]}  # fmt: skip
    url = "https://dashscope.aliyuncs.com/compatible-mode/v1/models"
    with respx.mock() as router:
        router.get(url).respond(200, json=listing)
        page = client(api="compatible").models.list(provider="qwen")
    assert [m.id for m in page] == ["qwen-plus"]
