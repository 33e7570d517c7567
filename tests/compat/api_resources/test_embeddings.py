# Adapted from openai-python@e43b422412a9 tests/api_resources/test_embeddings.py
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
CreateEmbeddingResponse = compat_import("llmswitch.types", "CreateEmbeddingResponse")

base_url = os.environ.get("TEST_API_BASE_URL", "http://127.0.0.1:4010")


class TestEmbeddings:
    parametrize = pytest.mark.parametrize("client", [False, True], indirect=True, ids=["loose", "strict"])

    # from openai-python tests/api_resources/test_embeddings.py::TestEmbeddings::test_method_create
    @parametrize
    def test_method_create(self, client: Client) -> None:
        embedding = client.embeddings.create(
            input="The quick brown fox jumped over the lazy dog",
            model="text-embedding-3-small",
        )
        assert_matches_type(CreateEmbeddingResponse, embedding, path=["response"])

    # from openai-python tests/api_resources/test_embeddings.py::TestEmbeddings::test_method_create_with_all_params
    @parametrize
    def test_method_create_with_all_params(self, client: Client) -> None:
        embedding = client.embeddings.create(
            input="The quick brown fox jumped over the lazy dog",
            model="text-embedding-3-small",
            dimensions=1,
            encoding_format="float",
            user="user-1234",
        )
        assert_matches_type(CreateEmbeddingResponse, embedding, path=["response"])

    # from openai-python tests/api_resources/test_embeddings.py::TestEmbeddings::test_raw_response_create
    @parametrize
    def test_raw_response_create(self, client: Client) -> None:
        response = client.embeddings.with_raw_response.create(
            input="The quick brown fox jumped over the lazy dog",
            model="text-embedding-3-small",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        embedding = response.parse()
        assert_matches_type(CreateEmbeddingResponse, embedding, path=["response"])

    # from openai-python tests/api_resources/test_embeddings.py::TestEmbeddings::test_streaming_response_create
    @parametrize
    def test_streaming_response_create(self, client: Client) -> None:
        with client.embeddings.with_streaming_response.create(
            input="The quick brown fox jumped over the lazy dog",
            model="text-embedding-3-small",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            embedding = response.parse()
            assert_matches_type(CreateEmbeddingResponse, embedding, path=["response"])

        assert cast(Any, response.is_closed) is True


class TestAsyncEmbeddings:
    parametrize = pytest.mark.parametrize(
        "async_client", [False, True], indirect=True, ids=["loose", "strict"]
    )

    # from openai-python tests/api_resources/test_embeddings.py::TestAsyncEmbeddings::test_method_create
    @parametrize
    async def test_method_create(self, async_client: AsyncClient) -> None:
        embedding = await async_client.embeddings.create(
            input="The quick brown fox jumped over the lazy dog",
            model="text-embedding-3-small",
        )
        assert_matches_type(CreateEmbeddingResponse, embedding, path=["response"])

    # from openai-python tests/api_resources/test_embeddings.py::TestAsyncEmbeddings::test_method_create_with_all_params
    @parametrize
    async def test_method_create_with_all_params(self, async_client: AsyncClient) -> None:
        embedding = await async_client.embeddings.create(
            input="The quick brown fox jumped over the lazy dog",
            model="text-embedding-3-small",
            dimensions=1,
            encoding_format="float",
            user="user-1234",
        )
        assert_matches_type(CreateEmbeddingResponse, embedding, path=["response"])

    # from openai-python tests/api_resources/test_embeddings.py::TestAsyncEmbeddings::test_raw_response_create
    @parametrize
    async def test_raw_response_create(self, async_client: AsyncClient) -> None:
        response = await async_client.embeddings.with_raw_response.create(
            input="The quick brown fox jumped over the lazy dog",
            model="text-embedding-3-small",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        embedding = response.parse()
        assert_matches_type(CreateEmbeddingResponse, embedding, path=["response"])

    # from openai-python tests/api_resources/test_embeddings.py::TestAsyncEmbeddings::test_streaming_response_create
    @parametrize
    async def test_streaming_response_create(self, async_client: AsyncClient) -> None:
        async with async_client.embeddings.with_streaming_response.create(
            input="The quick brown fox jumped over the lazy dog",
            model="text-embedding-3-small",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            embedding = await response.parse()
            assert_matches_type(CreateEmbeddingResponse, embedding, path=["response"])

        assert cast(Any, response.is_closed) is True
