# Adapted from openai-python@e43b422412a9 tests/api_resources/test_models.py
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
Model = compat_import("llmswitch.types", "Model")
ModelDeleted = compat_import("llmswitch.types", "ModelDeleted")
SyncPage = compat_import("llmswitch.pagination", "SyncPage")
AsyncPage = compat_import("llmswitch.pagination", "AsyncPage")

base_url = os.environ.get("TEST_API_BASE_URL", "http://127.0.0.1:4010")


class TestModels:
    parametrize = pytest.mark.parametrize("client", [False, True], indirect=True, ids=["loose", "strict"])

    # from openai-python tests/api_resources/test_models.py::TestModels::test_method_retrieve
    @parametrize
    def test_method_retrieve(self, client: Client) -> None:
        model = client.models.retrieve(
            "gpt-4o-mini",
        )
        assert_matches_type(Model, model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestModels::test_raw_response_retrieve
    @parametrize
    def test_raw_response_retrieve(self, client: Client) -> None:
        response = client.models.with_raw_response.retrieve(
            "gpt-4o-mini",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        model = response.parse()
        assert_matches_type(Model, model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestModels::test_streaming_response_retrieve
    @parametrize
    def test_streaming_response_retrieve(self, client: Client) -> None:
        with client.models.with_streaming_response.retrieve(
            "gpt-4o-mini",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            model = response.parse()
            assert_matches_type(Model, model, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/test_models.py::TestModels::test_path_params_retrieve
    @parametrize
    def test_path_params_retrieve(self, client: Client) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `model` but received ''"):
            client.models.with_raw_response.retrieve(
                "",
            )

    # from openai-python tests/api_resources/test_models.py::TestModels::test_method_list
    @parametrize
    def test_method_list(self, client: Client) -> None:
        model = client.models.list()
        assert_matches_type(SyncPage[Model], model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestModels::test_raw_response_list
    @parametrize
    def test_raw_response_list(self, client: Client) -> None:
        response = client.models.with_raw_response.list()

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        model = response.parse()
        assert_matches_type(SyncPage[Model], model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestModels::test_streaming_response_list
    @parametrize
    def test_streaming_response_list(self, client: Client) -> None:
        with client.models.with_streaming_response.list() as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            model = response.parse()
            assert_matches_type(SyncPage[Model], model, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/test_models.py::TestModels::test_method_delete
    @pytest.mark.skip(reason="out of scope: models.delete (fine-tuned model deletion) is not in the target API (DESIGN 3: models.list/retrieve)")
    @parametrize
    def test_method_delete(self, client: Client) -> None:
        model = client.models.delete(
            "ft:gpt-4o-mini:acemeco:suffix:abc123",
        )
        assert_matches_type(ModelDeleted, model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestModels::test_raw_response_delete
    @pytest.mark.skip(reason="out of scope: models.delete (fine-tuned model deletion) is not in the target API (DESIGN 3: models.list/retrieve)")
    @parametrize
    def test_raw_response_delete(self, client: Client) -> None:
        response = client.models.with_raw_response.delete(
            "ft:gpt-4o-mini:acemeco:suffix:abc123",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        model = response.parse()
        assert_matches_type(ModelDeleted, model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestModels::test_streaming_response_delete
    @pytest.mark.skip(reason="out of scope: models.delete (fine-tuned model deletion) is not in the target API (DESIGN 3: models.list/retrieve)")
    @parametrize
    def test_streaming_response_delete(self, client: Client) -> None:
        with client.models.with_streaming_response.delete(
            "ft:gpt-4o-mini:acemeco:suffix:abc123",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            model = response.parse()
            assert_matches_type(ModelDeleted, model, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/test_models.py::TestModels::test_path_params_delete
    @pytest.mark.skip(reason="out of scope: models.delete (fine-tuned model deletion) is not in the target API (DESIGN 3: models.list/retrieve)")
    @parametrize
    def test_path_params_delete(self, client: Client) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `model` but received ''"):
            client.models.with_raw_response.delete(
                "",
            )


class TestAsyncModels:
    parametrize = pytest.mark.parametrize(
        "async_client", [False, True], indirect=True, ids=["loose", "strict"]
    )

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_method_retrieve
    @parametrize
    async def test_method_retrieve(self, async_client: AsyncClient) -> None:
        model = await async_client.models.retrieve(
            "gpt-4o-mini",
        )
        assert_matches_type(Model, model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_raw_response_retrieve
    @parametrize
    async def test_raw_response_retrieve(self, async_client: AsyncClient) -> None:
        response = await async_client.models.with_raw_response.retrieve(
            "gpt-4o-mini",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        model = response.parse()
        assert_matches_type(Model, model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_streaming_response_retrieve
    @parametrize
    async def test_streaming_response_retrieve(self, async_client: AsyncClient) -> None:
        async with async_client.models.with_streaming_response.retrieve(
            "gpt-4o-mini",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            model = await response.parse()
            assert_matches_type(Model, model, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_path_params_retrieve
    @parametrize
    async def test_path_params_retrieve(self, async_client: AsyncClient) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `model` but received ''"):
            await async_client.models.with_raw_response.retrieve(
                "",
            )

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_method_list
    @parametrize
    async def test_method_list(self, async_client: AsyncClient) -> None:
        model = await async_client.models.list()
        assert_matches_type(AsyncPage[Model], model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_raw_response_list
    @parametrize
    async def test_raw_response_list(self, async_client: AsyncClient) -> None:
        response = await async_client.models.with_raw_response.list()

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        model = response.parse()
        assert_matches_type(AsyncPage[Model], model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_streaming_response_list
    @parametrize
    async def test_streaming_response_list(self, async_client: AsyncClient) -> None:
        async with async_client.models.with_streaming_response.list() as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            model = await response.parse()
            assert_matches_type(AsyncPage[Model], model, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_method_delete
    @pytest.mark.skip(reason="out of scope: models.delete (fine-tuned model deletion) is not in the target API (DESIGN 3: models.list/retrieve)")
    @parametrize
    async def test_method_delete(self, async_client: AsyncClient) -> None:
        model = await async_client.models.delete(
            "ft:gpt-4o-mini:acemeco:suffix:abc123",
        )
        assert_matches_type(ModelDeleted, model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_raw_response_delete
    @pytest.mark.skip(reason="out of scope: models.delete (fine-tuned model deletion) is not in the target API (DESIGN 3: models.list/retrieve)")
    @parametrize
    async def test_raw_response_delete(self, async_client: AsyncClient) -> None:
        response = await async_client.models.with_raw_response.delete(
            "ft:gpt-4o-mini:acemeco:suffix:abc123",
        )

        assert response.is_closed is True
        # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)
        model = response.parse()
        assert_matches_type(ModelDeleted, model, path=["response"])

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_streaming_response_delete
    @pytest.mark.skip(reason="out of scope: models.delete (fine-tuned model deletion) is not in the target API (DESIGN 3: models.list/retrieve)")
    @parametrize
    async def test_streaming_response_delete(self, async_client: AsyncClient) -> None:
        async with async_client.models.with_streaming_response.delete(
            "ft:gpt-4o-mini:acemeco:suffix:abc123",
        ) as response:
            assert not response.is_closed
            # llmswitch: X-Stainless-* telemetry headers are not sent (deliberate difference D1)

            model = await response.parse()
            assert_matches_type(ModelDeleted, model, path=["response"])

        assert cast(Any, response.is_closed) is True

    # from openai-python tests/api_resources/test_models.py::TestAsyncModels::test_path_params_delete
    @pytest.mark.skip(reason="out of scope: models.delete (fine-tuned model deletion) is not in the target API (DESIGN 3: models.list/retrieve)")
    @parametrize
    async def test_path_params_delete(self, async_client: AsyncClient) -> None:
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `model` but received ''"):
            await async_client.models.with_raw_response.delete(
                "",
            )
