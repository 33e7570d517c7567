"""Provider registry: one row per provider name, one lazy import per adapter type.

A native API of one module is a module (``openai``); one of several modules is a package
(``qwen/``, ``glm/``, ``ernie/``, ``sensenova/``); an OpenAI-compatible vendor is only a row
here (default base URL and key variables). Custom
compatible endpoints come from config with ``type = "openai-compatible"``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import ConfigError

if TYPE_CHECKING:
    from ._base import Adapter, ProviderSettings

__all__ = [
    "ADAPTER_TYPES",
    "PROVIDERS",
    "ProviderSpec",
    "adapter_class",
    "canonical_provider",
    "provider_aliases",
]


@dataclass(frozen=True)
class ProviderSpec:
    """A provider llmswitch knows by name: its adapter type, defaults and key variables."""

    name: str
    type: str
    base_url: str | None
    env: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    docs_url: str = ""


# Adapter types and the module + class (or factory) that build them (lazy: imported on first use).
ADAPTER_TYPES: Mapping[str, tuple[str, str]] = {
    "openai": ("openai", "OpenAIAdapter"),
    "openai-compatible": ("presets", "compatible_adapter"),
    "qwen": ("qwen", "QwenAdapter"),
    "glm": ("glm", "GLMAdapter"),
    "ernie": ("ernie", "ernie_adapter"),
    "sensenova": ("sensenova", "SenseNovaAdapter"),
}

PROVIDERS: Mapping[str, ProviderSpec] = {
    spec.name: spec
    for spec in (
        ProviderSpec(
            "openai",
            "openai",
            "https://api.openai.com/v1",
            {
                "api_key": ("OPENAI_API_KEY",),
                "base_url": ("OPENAI_BASE_URL",),
                "organization": ("OPENAI_ORG_ID",),
                "project": ("OPENAI_PROJECT_ID",),
            },
            docs_url="https://platform.openai.com/docs/api-reference/chat",
        ),
        ProviderSpec(
            "ernie",
            "ernie",
            None,
            {
                "api_key": ("QIANFAN_API_KEY", "QIANFAN_BEARER_TOKEN"),
                "access_key": ("QIANFAN_AK",),
                "secret_key": ("QIANFAN_SK",),
                "app_id": ("QIANFAN_APP_ID",),
                "base_url": ("QIANFAN_BASE_URL",),
            },
            aliases=("baidu", "qianfan"),
            docs_url="https://cloud.baidu.com/doc/WENXINWORKSHOP/index.html",
        ),
        ProviderSpec(
            "qwen",
            "qwen",
            None,
            {
                "api_key": ("DASHSCOPE_API_KEY",),
                "workspace": ("DASHSCOPE_WORKSPACE", "DASHSCOPE_WORKSPACE_ID"),
                "base_url": ("DASHSCOPE_BASE_URL", "DASHSCOPE_HTTP_BASE_URL"),
            },
            aliases=("dashscope", "alibaba"),
            docs_url="https://help.aliyun.com/zh/model-studio/qwen-api-reference",
        ),
        ProviderSpec(
            "glm",
            "glm",
            None,
            {"api_key": ("ZHIPUAI_API_KEY",), "base_url": ("ZHIPUAI_BASE_URL",)},
            aliases=("zhipu", "bigmodel"),
            docs_url="https://open.bigmodel.cn/dev/api",
        ),
        ProviderSpec(
            "sensenova",
            "sensenova",
            None,
            {
                "api_key": ("SENSENOVA_API_KEY",),
                "access_key": ("SENSENOVA_ACCESS_KEY_ID",),
                "secret_key": ("SENSENOVA_SECRET_ACCESS_KEY",),
                "base_url": ("SENSENOVA_API_BASE",),
            },
            aliases=("sensetime",),
            docs_url="https://platform.sensenova.cn/doc",
        ),
        ProviderSpec(
            "deepseek",
            "openai-compatible",
            "https://api.deepseek.com/v1",
            {"api_key": ("DEEPSEEK_API_KEY",)},
            docs_url="https://api-docs.deepseek.com/",
        ),
        ProviderSpec(
            "moonshot",
            "openai-compatible",
            "https://api.moonshot.cn/v1",
            {"api_key": ("MOONSHOT_API_KEY",)},
            aliases=("kimi",),
            docs_url="https://platform.moonshot.cn/docs/api/chat",
        ),
        ProviderSpec(
            "doubao",
            "openai-compatible",
            "https://ark.cn-beijing.volces.com/api/v3",
            {"api_key": ("ARK_API_KEY",)},
            aliases=("ark", "volcengine"),
            docs_url="https://www.volcengine.com/docs/82379",
        ),
        ProviderSpec(
            "hunyuan",
            "openai-compatible",
            "https://api.hunyuan.cloud.tencent.com/v1",
            {"api_key": ("HUNYUAN_API_KEY",)},
            aliases=("tencent",),
            docs_url="https://cloud.tencent.com/document/product/1729/111007",
        ),
    )
}

_ALIASES: dict[str, str] = {
    alias: spec.name for spec in PROVIDERS.values() for alias in spec.aliases
}


def provider_aliases() -> Mapping[str, str]:
    """Alias → canonical provider name (``baidu`` → ``ernie``, ...)."""
    return _ALIASES


def canonical_provider(name: str) -> str | None:
    """The canonical name of a built-in provider or alias, else ``None``."""
    if name in PROVIDERS:
        return name
    return _ALIASES.get(name)


def adapter_class(type_name: str) -> Callable[[ProviderSettings], Adapter]:
    """Import and return the adapter class for an adapter type (lazily, on first use)."""
    try:
        module_name, class_name = ADAPTER_TYPES[type_name]
    except KeyError:
        known = ", ".join(sorted(ADAPTER_TYPES))
        raise ConfigError(f"unknown provider type {type_name!r}; known types: {known}") from None
    import importlib

    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{module_name}":
            raise
        raise ConfigError(
            f"the {type_name!r} adapter is not available in this version of llmswitch"
        ) from None
    cls: Callable[[ProviderSettings], Adapter] = getattr(module, class_name)
    return cls
