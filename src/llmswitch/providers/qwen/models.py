"""DashScope's native model list → OpenAI's ``Model`` page.

``GET /api/v1/models?page_no=&page_size=`` answers ``{"request_id", "output": {"models":
[{"model", "source", "provider", "opensource"}], "page_no", "page_size", "total"}}`` [H]
dashscope 2.0.2 ``v2/resources/models.py`` (fixture qwen/wire2026/native_models_list). ``model``
becomes ``id``, ``provider`` ``owned_by``, ``created`` is 0 (no date is given); the other fields
stay as extras, and the page keeps ``page_no`` / ``page_size`` / ``total``.
"""

from __future__ import annotations

from typing import Any

import httpx

from ...errors import APIError
from ...types import attach_raw
from ...types.models import AsyncPage, Model, SyncPage
from .._base import ErrorMapper, decode_json, make_error

__all__ = ["MODELS_PAGE_SIZE", "native_models"]

MODELS_PAGE_SIZE = 100


def _model(item: dict[str, Any]) -> Model:
    return Model.model_validate(
        {
            **item,
            "id": item.get("model") or item.get("id") or "",
            "object": "model",
            "created": 0,
            "owned_by": str(item.get("provider") or item.get("owned_by") or ""),
        }
    )


def native_models(adapter: ErrorMapper, kind: str, response: httpx.Response) -> Any:
    """The list page (or one model for ``retrieve``) of a native models answer."""
    body = response.content
    try:
        payload = decode_json(body, adapter.name)
    except APIError:
        payload = None
    output = payload.get("output") if isinstance(payload, dict) else None
    models = output.get("models") if isinstance(output, dict) else None
    if not isinstance(models, list) or (isinstance(payload, dict) and payload.get("code")):
        raise adapter.map_error(response.status_code, body, response.headers)
    items = [_model(m) for m in models if isinstance(m, dict)]
    for item in items:
        attach_raw(item, None, adapter.name)
    if kind == "retrieve":
        if not items:
            raise make_error(adapter.name, 404, "the model is not in DashScope's list", body=body)
        return items[0]
    assert isinstance(output, dict)
    extra = {k: output[k] for k in ("page_no", "page_size", "total") if k in output}
    cls: Any = AsyncPage[Model] if kind == "alist" else SyncPage[Model]
    return cls.model_validate({"data": items, **extra})
