"""Which DashScope endpoint serves a model: text-generation or multimodal-generation.

The gateway binds each model to exactly one of the two ``aigc`` paths; the other answers HTTP 400
``InvalidParameter`` "url error, please check url" (in a stream, possibly an ``event:error``
frame inside an HTTP 200) [H] dashscope 2.0.2 ``acli/providers/tongyi.py``. Current families
(Qwen3.5 and later, Qwen3-VL, QVQ, Omni) live on multimodal-generation even for text-only calls
[M] alibabacloud.com/help/en/model-studio/qwen-api-via-dashscope (endpoint box) and
visual-reasoning page; [M] AgentScope-Java ``DashScopeHttpClient.isMultimodalModel``.

Order of the decision (:func:`route_of`): the provider's ``endpoints`` table in config (exact
model id, then glob patterns such as ``"qwen3.9-*"``; value ``"multimodal"``, ``"text"``, a path
or a URL), then a binding learned from a url error in this process, then
:data:`MULTIMODAL_FAMILIES` minus :data:`TEXT_ONLY_MODELS`, then the content (an image, audio or
video part needs multimodal).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from typing import Any

__all__ = [
    "MULTIMODAL_FAMILIES",
    "TEXT_ONLY_MODELS",
    "endpoint_override",
    "forget_learned",
    "is_url_error",
    "learn",
    "learned",
    "model_family_multimodal",
]

# (pattern, source) — matched against the lower-cased model id with re.search.
MULTIMODAL_FAMILIES: tuple[tuple[str, str], ...] = (
    (r"^qvq", "QVQ visual reasoning [M] visual-reasoning page; AgentScope rule"),
    (
        r"(?:^|[-_.])(?:vl|omni|asr|audio)(?:[-_.]|$)",
        "Qwen-VL, Qwen3-VL, Qwen-Omni, Qwen-Audio, ASR [M] vision, omni pages; AgentScope rule",
    ),
    (
        r"^qwen3\.[5-9]",
        "Qwen3.5 / 3.6 / 3.7 / 3.8 [M] API reference endpoint box, deep-thinking page;"
        " qwen3.8-max [H] dashscope 2.0.2 tongyi.py",
    ),
    (r"kimi-k2\.[5-9]", "Kimi K2.5 / K2.6 on Model Studio [M] visual-reasoning page"),
    (r"^(?:stepfun|minimax)/", "third-party multimodal models on Model Studio [M]"),
)

# Models a family pattern would send to multimodal but which are text-only.
TEXT_ONLY_MODELS: frozenset[str] = frozenset(
    {"qwen3.6-max-preview"}  # [M] AgentScope-Java isMultimodalModel exclusion
)

_FAMILY = re.compile("|".join(f"(?:{pattern})" for pattern, _ in MULTIMODAL_FAMILIES))
_family_cache: dict[str, bool] = {}
_learned: dict[tuple[str, str], bool] = {}

_MULTIMODAL_WORDS = frozenset({"multimodal", "multimodal-generation", "mm"})
_TEXT_WORDS = frozenset({"text", "text-generation"})


def model_family_multimodal(model: str) -> bool:
    """True when the model id belongs to a family served by multimodal-generation."""
    known = _family_cache.get(model)
    if known is None:
        lowered = model.lower()
        known = lowered not in TEXT_ONLY_MODELS and bool(_FAMILY.search(lowered))
        if len(_family_cache) < 4096:
            _family_cache[model] = known
    return known


def endpoint_override(endpoints: Mapping[str, str], model: str) -> str | bool | None:
    """The config's word for ``model``: ``True`` (multimodal), ``False`` (text), a path or URL
    (string), or ``None`` when the table says nothing. Exact ids win over glob patterns."""
    value = endpoints.get(model)
    if value is None:
        for key, target in endpoints.items():
            if any(ch in key for ch in "*?[") and fnmatch.fnmatchcase(model, key):
                value = target
                break
    if value is None:
        return None
    word = value.strip().lower()
    if word in _MULTIMODAL_WORDS:
        return True
    if word in _TEXT_WORDS:
        return False
    return value


def learn(provider: str, model: str, multimodal: bool) -> None:
    """Remember for this process that ``model`` lives on the given endpoint (after a url error
    on the other one)."""
    if len(_learned) < 4096:
        _learned[(provider, model)] = multimodal


def learned(provider: str, model: str) -> bool | None:
    """A binding learned in this process, or ``None``."""
    return _learned.get((provider, model))


def forget_learned() -> None:
    """Drop every learned binding (tests)."""
    _learned.clear()


def is_url_error(body: bytes | str) -> bool:
    """True for DashScope's wrong-endpoint answer (match on the substring only [H] tongyi.py)."""
    if isinstance(body, str):
        return "url error" in body
    return b"url error" in body


def has_media(messages: list[dict[str, Any]]) -> bool:
    """True when a message carries an image, audio or video part."""
    for message in messages:
        content = message.get("content")
        if isinstance(content, list):
            for part in content:
                if isinstance(part, dict) and part.get("type", "text") != "text":
                    return True
                if isinstance(part, dict) and "type" not in part and "text" not in part:
                    return True
    return False
