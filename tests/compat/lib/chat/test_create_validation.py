# Adapted from openai-python@e43b422412a9 tests/lib/chat/test_create_validation.py
# by tools/adapt.py (mechanical rewrite) plus the hand edits listed in MAPPING.md.
from __future__ import annotations

from typing import Any, cast

import pytest
import pydantic

from llmswitch import Client
from llmswitch import AsyncClient


class TestCompletions:
    parametrize = pytest.mark.parametrize("client", [False, True], indirect=True, ids=["loose", "strict"])

    # from openai-python tests/lib/chat/test_create_validation.py::TestCompletions::test_method_create_disallows_pydantic
    @parametrize
    def test_method_create_disallows_pydantic(self, client: Client) -> None:
        class MyModel(pydantic.BaseModel):
            a: str

        with pytest.raises(TypeError, match=r"You tried to pass a `BaseModel` class"):
            client.chat.completions.create(
                messages=[
                    {
                        "content": "string",
                        "role": "system",
                    }
                ],
                model="gpt-4o",
                response_format=cast(Any, MyModel),
            )


class TestAsyncCompletions:
    parametrize = pytest.mark.parametrize(
        "async_client", [False, True], indirect=True, ids=["loose", "strict"]
    )

    # from openai-python tests/lib/chat/test_create_validation.py::TestAsyncCompletions::test_method_create_disallows_pydantic
    @parametrize
    async def test_method_create_disallows_pydantic(self, async_client: AsyncClient) -> None:
        class MyModel(pydantic.BaseModel):
            a: str

        with pytest.raises(TypeError, match=r"You tried to pass a `BaseModel` class"):
            await async_client.chat.completions.create(
                messages=[
                    {
                        "content": "string",
                        "role": "system",
                    }
                ],
                model="gpt-4o",
                response_format=cast(Any, MyModel),
            )
