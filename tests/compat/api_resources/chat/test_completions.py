# Adapted from openai-python@e43b422412a9 tests/api_resources/chat/test_completions.py
# by tools/adapt.py (mechanical rewrite) plus the hand edits listed in MAPPING.md.
# File generated from our OpenAPI spec by Castiron. See CONTRIBUTING.md for details.

from __future__ import annotations

from compat._compat import compat_import

import os
from typing import Any, cast

import pytest

from llmswitch import Client
from llmswitch import AsyncClient
from compat.utils import assert_matches_type
SyncCursorPage = compat_import("llmswitch.pagination", "SyncCursorPage")
AsyncCursorPage = compat_import("llmswitch.pagination", "AsyncCursorPage")
ChatCompletion = compat_import("llmswitch.types", "ChatCompletion")
ChatCompletionDeleted = compat_import("llmswitch.types", "ChatCompletionDeleted")

base_url = os.environ.get("TEST_API_BASE_URL", "http://127.0.0.1:4010")


class TestCompletions:
    parametrize = pytest.mark.parametrize("client", [False, True], indirect=True, ids=["loose", "strict"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_method_create_overload_1
    @parametrize
    def test_method_create_overload_1(self, client: Client) -> None:
        completion = client.chat.completions.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
        )
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_method_create_with_all_params_overload_1
    @parametrize
    def test_method_create_with_all_params_overload_1(self, client: Client) -> None:
        completion = client.chat.completions.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                    "name": "name",
                }
            ],
            model="gpt-5.4",
            audio={
                "format": "wav",
                "voice": "alloy",
            },
            frequency_penalty=-2,
            function_call="none",
            functions=[
                {
                    "name": "name",
                    "description": "description",
                    "parameters": {"foo": "bar"},
                }
            ],
            logit_bias={"foo": 0},
            logprobs=True,
            max_completion_tokens=0,
            max_tokens=0,
            metadata={"foo": "string"},
            modalities=["text"],
            moderation={
                "model": "model",
                "policy": {
                    "input": {"mode": "score"},
                    "output": {"mode": "score"},
                },
            },
            n=1,
            parallel_tool_calls=True,
            prediction={
                "content": "string",
                "type": "content",
            },
            presence_penalty=-2,
            prompt_cache_key="prompt-cache-key-1234",
            prompt_cache_options={
                "mode": "implicit",
                "ttl": "30m",
            },
            prompt_cache_retention="in_memory",
            reasoning_effort="none",
            response_format={"type": "text"},
            safety_identifier="safety-identifier-1234",
            seed=-9007199254740991,
            service_tier="auto",
            stop="\n",
            store=True,
            stream=False,
            stream_options={
                "include_obfuscation": True,
                "include_usage": True,
            },
            temperature=1,
            tool_choice="none",
            tools=[
                {
                    "function": {
                        "name": "name",
                        "description": "description",
                        "parameters": {"foo": "bar"},
                        "strict": True,
                    },
                    "type": "function",
                }
            ],
            top_logprobs=0,
            top_p=1,
            user="user-1234",
            verbosity="low",
            web_search_options={
                "search_context_size": "low",
                "user_location": {
                    "approximate": {
                        "city": "city",
                        "country": "country",
                        "region": "region",
                        "timezone": "timezone",
                    },
                    "type": "approximate",
                },
            },
        )
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_raw_response_create_overload_1
    @parametrize
    def test_raw_response_create_overload_1(self, client: Client) -> None:
        response = client.chat.completions.with_raw_response.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        completion = response.parse()
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_streaming_response_create_overload_1
    @parametrize
    def test_streaming_response_create_overload_1(self, client: Client) -> None:
        with client.chat.completions.with_streaming_response.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            completion = response.parse()
            assert_matches_type(ChatCompletion, completion, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_method_create_overload_2
    @parametrize
    def test_method_create_overload_2(self, client: Client) -> None:
        completion_stream = client.chat.completions.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
            stream=True,
        )
        completion_stream.response.close()

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_method_create_with_all_params_overload_2
    @parametrize
    def test_method_create_with_all_params_overload_2(self, client: Client) -> None:
        completion_stream = client.chat.completions.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                    "name": "name",
                }
            ],
            model="gpt-5.4",
            stream=True,
            audio={
                "format": "wav",
                "voice": "alloy",
            },
            frequency_penalty=-2,
            function_call="none",
            functions=[
                {
                    "name": "name",
                    "description": "description",
                    "parameters": {"foo": "bar"},
                }
            ],
            logit_bias={"foo": 0},
            logprobs=True,
            max_completion_tokens=0,
            max_tokens=0,
            metadata={"foo": "string"},
            modalities=["text"],
            moderation={
                "model": "model",
                "policy": {
                    "input": {"mode": "score"},
                    "output": {"mode": "score"},
                },
            },
            n=1,
            parallel_tool_calls=True,
            prediction={
                "content": "string",
                "type": "content",
            },
            presence_penalty=-2,
            prompt_cache_key="prompt-cache-key-1234",
            prompt_cache_options={
                "mode": "implicit",
                "ttl": "30m",
            },
            prompt_cache_retention="in_memory",
            reasoning_effort="none",
            response_format={"type": "text"},
            safety_identifier="safety-identifier-1234",
            seed=-9007199254740991,
            service_tier="auto",
            stop="\n",
            store=True,
            stream_options={
                "include_obfuscation": True,
                "include_usage": True,
            },
            temperature=1,
            tool_choice="none",
            tools=[
                {
                    "function": {
                        "name": "name",
                        "description": "description",
                        "parameters": {"foo": "bar"},
                        "strict": True,
                    },
                    "type": "function",
                }
            ],
            top_logprobs=0,
            top_p=1,
            user="user-1234",
            verbosity="low",
            web_search_options={
                "search_context_size": "low",
                "user_location": {
                    "approximate": {
                        "city": "city",
                        "country": "country",
                        "region": "region",
                        "timezone": "timezone",
                    },
                    "type": "approximate",
                },
            },
        )
        completion_stream.response.close()

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_raw_response_create_overload_2
    @parametrize
    def test_raw_response_create_overload_2(self, client: Client) -> None:
        response = client.chat.completions.with_raw_response.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
            stream=True,
        )

        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        stream = response.parse()
        stream.close()

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_streaming_response_create_overload_2
    @parametrize
    def test_streaming_response_create_overload_2(self, client: Client) -> None:
        with client.chat.completions.with_streaming_response.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
            stream=True,
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            stream = response.parse()
            stream.close()

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_method_retrieve
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_method_retrieve(self, client: Client) -> None:
        completion = client.chat.completions.retrieve(
            "completion_id",
        )
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_raw_response_retrieve
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_raw_response_retrieve(self, client: Client) -> None:
        response = client.chat.completions.with_raw_response.retrieve(
            "completion_id",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        completion = response.parse()
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_streaming_response_retrieve
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_streaming_response_retrieve(self, client: Client) -> None:
        with client.chat.completions.with_streaming_response.retrieve(
            "completion_id",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            completion = response.parse()
            assert_matches_type(ChatCompletion, completion, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_path_params_retrieve
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_path_params_retrieve(self, client: Client) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `completion_id` but received ''"):
            client.chat.completions.with_raw_response.retrieve(
                "",
            )

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_method_update
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_method_update(self, client: Client) -> None:
        completion = client.chat.completions.update(
            completion_id="completion_id",
            metadata={"foo": "string"},
        )
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_raw_response_update
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_raw_response_update(self, client: Client) -> None:
        response = client.chat.completions.with_raw_response.update(
            completion_id="completion_id",
            metadata={"foo": "string"},
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        completion = response.parse()
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_streaming_response_update
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_streaming_response_update(self, client: Client) -> None:
        with client.chat.completions.with_streaming_response.update(
            completion_id="completion_id",
            metadata={"foo": "string"},
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            completion = response.parse()
            assert_matches_type(ChatCompletion, completion, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_path_params_update
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_path_params_update(self, client: Client) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `completion_id` but received ''"):
            client.chat.completions.with_raw_response.update(
                completion_id="",
                metadata={"foo": "string"},
            )

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_method_list
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_method_list(self, client: Client) -> None:
        completion = client.chat.completions.list()
        assert_matches_type(SyncCursorPage[ChatCompletion], completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_method_list_with_all_params
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_method_list_with_all_params(self, client: Client) -> None:
        completion = client.chat.completions.list(
            after="after",
            limit=0,
            metadata={"foo": "string"},
            model="model",
            order="asc",
        )
        assert_matches_type(SyncCursorPage[ChatCompletion], completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_raw_response_list
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_raw_response_list(self, client: Client) -> None:
        response = client.chat.completions.with_raw_response.list()

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        completion = response.parse()
        assert_matches_type(SyncCursorPage[ChatCompletion], completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_streaming_response_list
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_streaming_response_list(self, client: Client) -> None:
        with client.chat.completions.with_streaming_response.list() as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            completion = response.parse()
            assert_matches_type(SyncCursorPage[ChatCompletion], completion, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_method_delete
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_method_delete(self, client: Client) -> None:
        completion = client.chat.completions.delete(
            "completion_id",
        )
        assert_matches_type(ChatCompletionDeleted, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_raw_response_delete
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_raw_response_delete(self, client: Client) -> None:
        response = client.chat.completions.with_raw_response.delete(
            "completion_id",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        completion = response.parse()
        assert_matches_type(ChatCompletionDeleted, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_streaming_response_delete
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_streaming_response_delete(self, client: Client) -> None:
        with client.chat.completions.with_streaming_response.delete(
            "completion_id",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            completion = response.parse()
            assert_matches_type(ChatCompletionDeleted, completion, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestCompletions::test_path_params_delete
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    def test_path_params_delete(self, client: Client) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `completion_id` but received ''"):
            client.chat.completions.with_raw_response.delete(
                "",
            )


class TestAsyncCompletions:
    parametrize = pytest.mark.parametrize(
        "async_client", [False, True], indirect=True, ids=["loose", "strict"]
    )

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_method_create_overload_1
    @parametrize
    async def test_method_create_overload_1(self, async_client: AsyncClient) -> None:
        completion = await async_client.chat.completions.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
        )
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_method_create_with_all_params_overload_1
    @parametrize
    async def test_method_create_with_all_params_overload_1(self, async_client: AsyncClient) -> None:
        completion = await async_client.chat.completions.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                    "name": "name",
                }
            ],
            model="gpt-5.4",
            audio={
                "format": "wav",
                "voice": "alloy",
            },
            frequency_penalty=-2,
            function_call="none",
            functions=[
                {
                    "name": "name",
                    "description": "description",
                    "parameters": {"foo": "bar"},
                }
            ],
            logit_bias={"foo": 0},
            logprobs=True,
            max_completion_tokens=0,
            max_tokens=0,
            metadata={"foo": "string"},
            modalities=["text"],
            moderation={
                "model": "model",
                "policy": {
                    "input": {"mode": "score"},
                    "output": {"mode": "score"},
                },
            },
            n=1,
            parallel_tool_calls=True,
            prediction={
                "content": "string",
                "type": "content",
            },
            presence_penalty=-2,
            prompt_cache_key="prompt-cache-key-1234",
            prompt_cache_options={
                "mode": "implicit",
                "ttl": "30m",
            },
            prompt_cache_retention="in_memory",
            reasoning_effort="none",
            response_format={"type": "text"},
            safety_identifier="safety-identifier-1234",
            seed=-9007199254740991,
            service_tier="auto",
            stop="\n",
            store=True,
            stream=False,
            stream_options={
                "include_obfuscation": True,
                "include_usage": True,
            },
            temperature=1,
            tool_choice="none",
            tools=[
                {
                    "function": {
                        "name": "name",
                        "description": "description",
                        "parameters": {"foo": "bar"},
                        "strict": True,
                    },
                    "type": "function",
                }
            ],
            top_logprobs=0,
            top_p=1,
            user="user-1234",
            verbosity="low",
            web_search_options={
                "search_context_size": "low",
                "user_location": {
                    "approximate": {
                        "city": "city",
                        "country": "country",
                        "region": "region",
                        "timezone": "timezone",
                    },
                    "type": "approximate",
                },
            },
        )
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_raw_response_create_overload_1
    @parametrize
    async def test_raw_response_create_overload_1(self, async_client: AsyncClient) -> None:
        response = await async_client.chat.completions.with_raw_response.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        completion = response.parse()
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_streaming_response_create_overload_1
    @parametrize
    async def test_streaming_response_create_overload_1(self, async_client: AsyncClient) -> None:
        async with async_client.chat.completions.with_streaming_response.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            completion = await response.parse()
            assert_matches_type(ChatCompletion, completion, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_method_create_overload_2
    @parametrize
    async def test_method_create_overload_2(self, async_client: AsyncClient) -> None:
        completion_stream = await async_client.chat.completions.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
            stream=True,
        )
        await completion_stream.response.aclose()

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_method_create_with_all_params_overload_2
    @parametrize
    async def test_method_create_with_all_params_overload_2(self, async_client: AsyncClient) -> None:
        completion_stream = await async_client.chat.completions.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                    "name": "name",
                }
            ],
            model="gpt-5.4",
            stream=True,
            audio={
                "format": "wav",
                "voice": "alloy",
            },
            frequency_penalty=-2,
            function_call="none",
            functions=[
                {
                    "name": "name",
                    "description": "description",
                    "parameters": {"foo": "bar"},
                }
            ],
            logit_bias={"foo": 0},
            logprobs=True,
            max_completion_tokens=0,
            max_tokens=0,
            metadata={"foo": "string"},
            modalities=["text"],
            moderation={
                "model": "model",
                "policy": {
                    "input": {"mode": "score"},
                    "output": {"mode": "score"},
                },
            },
            n=1,
            parallel_tool_calls=True,
            prediction={
                "content": "string",
                "type": "content",
            },
            presence_penalty=-2,
            prompt_cache_key="prompt-cache-key-1234",
            prompt_cache_options={
                "mode": "implicit",
                "ttl": "30m",
            },
            prompt_cache_retention="in_memory",
            reasoning_effort="none",
            response_format={"type": "text"},
            safety_identifier="safety-identifier-1234",
            seed=-9007199254740991,
            service_tier="auto",
            stop="\n",
            store=True,
            stream_options={
                "include_obfuscation": True,
                "include_usage": True,
            },
            temperature=1,
            tool_choice="none",
            tools=[
                {
                    "function": {
                        "name": "name",
                        "description": "description",
                        "parameters": {"foo": "bar"},
                        "strict": True,
                    },
                    "type": "function",
                }
            ],
            top_logprobs=0,
            top_p=1,
            user="user-1234",
            verbosity="low",
            web_search_options={
                "search_context_size": "low",
                "user_location": {
                    "approximate": {
                        "city": "city",
                        "country": "country",
                        "region": "region",
                        "timezone": "timezone",
                    },
                    "type": "approximate",
                },
            },
        )
        await completion_stream.response.aclose()

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_raw_response_create_overload_2
    @parametrize
    async def test_raw_response_create_overload_2(self, async_client: AsyncClient) -> None:
        response = await async_client.chat.completions.with_raw_response.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
            stream=True,
        )

        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        stream = response.parse()
        await stream.close()

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_streaming_response_create_overload_2
    @parametrize
    async def test_streaming_response_create_overload_2(self, async_client: AsyncClient) -> None:
        async with async_client.chat.completions.with_streaming_response.create(
            messages=[
                {
                    "content": "string",
                    "role": "developer",
                }
            ],
            model="gpt-5.4",
            stream=True,
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            stream = await response.parse()
            await stream.close()

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_method_retrieve
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_method_retrieve(self, async_client: AsyncClient) -> None:
        completion = await async_client.chat.completions.retrieve(
            "completion_id",
        )
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_raw_response_retrieve
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_raw_response_retrieve(self, async_client: AsyncClient) -> None:
        response = await async_client.chat.completions.with_raw_response.retrieve(
            "completion_id",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        completion = response.parse()
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_streaming_response_retrieve
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_streaming_response_retrieve(self, async_client: AsyncClient) -> None:
        async with async_client.chat.completions.with_streaming_response.retrieve(
            "completion_id",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            completion = await response.parse()
            assert_matches_type(ChatCompletion, completion, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_path_params_retrieve
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_path_params_retrieve(self, async_client: AsyncClient) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `completion_id` but received ''"):
            await async_client.chat.completions.with_raw_response.retrieve(
                "",
            )

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_method_update
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_method_update(self, async_client: AsyncClient) -> None:
        completion = await async_client.chat.completions.update(
            completion_id="completion_id",
            metadata={"foo": "string"},
        )
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_raw_response_update
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_raw_response_update(self, async_client: AsyncClient) -> None:
        response = await async_client.chat.completions.with_raw_response.update(
            completion_id="completion_id",
            metadata={"foo": "string"},
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        completion = response.parse()
        assert_matches_type(ChatCompletion, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_streaming_response_update
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_streaming_response_update(self, async_client: AsyncClient) -> None:
        async with async_client.chat.completions.with_streaming_response.update(
            completion_id="completion_id",
            metadata={"foo": "string"},
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            completion = await response.parse()
            assert_matches_type(ChatCompletion, completion, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_path_params_update
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_path_params_update(self, async_client: AsyncClient) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `completion_id` but received ''"):
            await async_client.chat.completions.with_raw_response.update(
                completion_id="",
                metadata={"foo": "string"},
            )

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_method_list
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_method_list(self, async_client: AsyncClient) -> None:
        completion = await async_client.chat.completions.list()
        assert_matches_type(AsyncCursorPage[ChatCompletion], completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_method_list_with_all_params
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_method_list_with_all_params(self, async_client: AsyncClient) -> None:
        completion = await async_client.chat.completions.list(
            after="after",
            limit=0,
            metadata={"foo": "string"},
            model="model",
            order="asc",
        )
        assert_matches_type(AsyncCursorPage[ChatCompletion], completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_raw_response_list
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_raw_response_list(self, async_client: AsyncClient) -> None:
        response = await async_client.chat.completions.with_raw_response.list()

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        completion = response.parse()
        assert_matches_type(AsyncCursorPage[ChatCompletion], completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_streaming_response_list
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_streaming_response_list(self, async_client: AsyncClient) -> None:
        async with async_client.chat.completions.with_streaming_response.list() as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            completion = await response.parse()
            assert_matches_type(AsyncCursorPage[ChatCompletion], completion, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_method_delete
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_method_delete(self, async_client: AsyncClient) -> None:
        completion = await async_client.chat.completions.delete(
            "completion_id",
        )
        assert_matches_type(ChatCompletionDeleted, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_raw_response_delete
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_raw_response_delete(self, async_client: AsyncClient) -> None:
        response = await async_client.chat.completions.with_raw_response.delete(
            "completion_id",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        completion = response.parse()
        assert_matches_type(ChatCompletionDeleted, completion, path=["response"])

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_streaming_response_delete
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_streaming_response_delete(self, async_client: AsyncClient) -> None:
        async with async_client.chat.completions.with_streaming_response.delete(
            "completion_id",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            completion = await response.parse()
            assert_matches_type(ChatCompletionDeleted, completion, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/chat/test_completions.py::TestAsyncCompletions::test_path_params_delete
    @pytest.mark.skip(reason="out of scope: stored-completion methods (retrieve/list/update/delete) are out of scope (issue 15)")
    @parametrize
    async def test_path_params_delete(self, async_client: AsyncClient) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `completion_id` but received ''"):
            await async_client.chat.completions.with_raw_response.delete(
                "",
            )
