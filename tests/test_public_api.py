"""Pin the public surface, keep sync and async twins equal, keep `import llmswitch` light."""

from __future__ import annotations

import inspect
import subprocess
import sys

import llmswitch
from llmswitch.resources import (
    AsyncCompletions,
    AsyncEmbeddings,
    AsyncModels,
    Completions,
    Embeddings,
    Models,
)

PUBLIC = {
    "APIConnectionError", "APIError", "APIResponseValidationError", "APIStatusError",
    "APITimeoutError", "AsyncClient", "AsyncStream", "AuthenticationError", "BadRequestError",
    "Client", "Config", "ConfigError", "ContentFilterError", "ContextLengthExceededError",
    "InternalServerError", "InvalidRequestError", "LLMSwitchError", "NotFoundError",
    "PermissionDeniedError", "QuotaExceededError", "RateLimitError", "RetryPolicy", "Stream",
    "UnsupportedParameterError", "__version__", "load_config",
    # drop-in parity with openai-python (issue 15)
    "NOT_GIVEN", "NotGiven", "Omit", "omit", "OpenAIError", "ConflictError",
    "UnprocessableEntityError", "LengthFinishReasonError", "ContentFilterFinishReasonError",
    "pydantic_function_tool", "APIResponse", "AsyncAPIResponse", "LegacyAPIResponse",
}  # fmt: skip


def test_public_names_change_only_on_purpose() -> None:
    assert set(llmswitch.__all__) == PUBLIC


def _same(sync: object, async_: object) -> None:
    s = inspect.signature(sync)  # type: ignore[arg-type]
    a = inspect.signature(async_)  # type: ignore[arg-type]
    assert list(s.parameters) == list(a.parameters)
    for name, param in s.parameters.items():
        assert param.default == a.parameters[name].default, name
    assert inspect.getdoc(sync) == inspect.getdoc(async_)
    assert inspect.iscoroutinefunction(async_)


def test_async_twins_have_same_signature_and_docstring() -> None:
    _same(Completions.create, AsyncCompletions.create)
    _same(Embeddings.create, AsyncEmbeddings.create)
    for name in ("list", "retrieve", "delete"):
        _same(getattr(Models, name), getattr(AsyncModels, name))
    sync_init = inspect.signature(llmswitch.Client.__init__).parameters
    async_init = inspect.signature(llmswitch.AsyncClient.__init__).parameters
    assert list(sync_init) == list(async_init)


def _heavy_after(statement: str) -> set[str]:
    code = (
        f"import sys; {statement}; "
        "heavy = [m for m in ('pandas', 'matplotlib', 'rich', 'jwt', 'respx', 'numpy') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(filter(None, out.stdout.strip().split(",")))


def test_import_is_light() -> None:
    # httpx itself imports rich (its command line) when click is installed, as it is in a dev
    # environment with import-linter: llmswitch must add no heavy module to what its own
    # dependencies load.
    floor = _heavy_after("import httpx, pydantic, tenacity")
    assert _heavy_after("import llmswitch") - floor == set()
