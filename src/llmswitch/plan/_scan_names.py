"""What the scanner knows about names: OpenAI's client classes and endpoints, LangChain's OpenAI
classes, other SDKs whose clients look alike, model and environment-variable patterns.

Pure data and small functions over attribute paths; the bottom of the scanner.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable

__all__ = [
    "CLIENT_LEAVES",
    "ENV_RE",
    "FOREIGN_ROOTS",
    "LANGCHAIN_CHAT",
    "LANGCHAIN_EMBEDDINGS",
    "LANGCHAIN_ROOTS",
    "MODEL_RE",
    "OFFERED",
    "V0_CALLS",
    "WRAPPERS",
    "endpoint_of",
    "import_aliases",
    "is_langchain_class",
    "is_openai_client_class",
    "parts_of",
    "qualify",
    "relevant",
]

# Client classes of the openai package, wherever they are imported from: openai.OpenAI,
# openai.lib.azure.AzureOpenAI, openai._client.OpenAI, ...
CLIENT_LEAVES = frozenset(
    {"OpenAI", "AsyncOpenAI", "AzureOpenAI", "AsyncAzureOpenAI", "Client", "AsyncClient"}
)
# SDKs whose clients also have .chat.completions.create or .messages.create: a client made by
# one of these is not an OpenAI client, whatever the variable is called.
FOREIGN_ROOTS = frozenset(
    {
        "anthropic", "groq", "fireworks", "cerebras", "mistralai", "cohere", "writerai",
        "together", "zhipuai", "dashscope", "qianfan", "ollama", "litellm", "google", "vertexai",
        "huggingface_hub", "replicate", "boto3", "voyageai", "sambanova", "openrouter", "xai_sdk",
        "ai21", "volcenginesdkarkruntime", "erniebot", "sensenova", "httpx", "requests",
        "llmswitch",
    }
)  # fmt: skip
# Calls that return the client they wrap (instructor, LangSmith, Langfuse, AgentOps ...).
WRAPPERS = frozenset({"from_openai", "patch", "wrap_openai", "apatch", "observe_openai"})
LANGCHAIN_ROOTS = frozenset({"langchain", "langchain_openai", "langchain_community"})
LANGCHAIN_CHAT = frozenset({"ChatOpenAI", "AzureChatOpenAI", "OpenAI", "AzureOpenAI", "OpenAIChat"})
LANGCHAIN_EMBEDDINGS = frozenset({"OpenAIEmbeddings", "AzureOpenAIEmbeddings"})

# v0 (openai < 1.0) module-level resources -> the v1 endpoint they correspond to.
V0_CALLS = {
    "ChatCompletion": "chat.completions.create",
    "Completion": "completions.create",
    "Embedding": "embeddings.create",
    "Image": "images",
    "Audio": "audio",
    "Moderation": "moderations",
    "File": "files",
    "FineTune": "fine_tuning",
    "FineTuningJob": "fine_tuning",
}
# Tails of a v1 call chain -> endpoint name (instructor's create_* methods are chat calls).
_CHAINS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("chat", "completions", "create"), "chat.completions.create"),
    (("chat", "completions", "create_with_completion"), "chat.completions.create"),
    (("chat", "completions", "create_partial"), "chat.completions.create"),
    (("chat", "completions", "create_iterable"), "chat.completions.create"),
    (("chat", "completions", "parse"), "chat.completions.parse"),
    (("chat", "completions", "stream"), "chat.completions.stream"),
    (("completions", "create"), "completions.create"),
    (("embeddings", "create"), "embeddings.create"),
)
# A resource anywhere after the client -> endpoint family.
_PREFIXES = {
    "responses": "responses",
    "assistants": "beta.assistants",
    "threads": "beta.threads",
    "vector_stores": "vector_stores",
    "images": "images",
    "audio": "audio",
    "moderations": "moderations",
    "files": "files",
    "uploads": "uploads",
    "fine_tuning": "fine_tuning",
    "batches": "batches",
    "realtime": "realtime",
    "videos": "videos",
    "containers": "containers",
    "conversations": "conversations",
    "evals": "evals",
}
_WRAPPER_ATTRS = frozenset({"with_raw_response", "with_streaming_response", "beta"})
MODEL_RE = re.compile(
    r"^(ft:)?(gpt-[0-9][\w.:-]*|gpt-image-[\w.-]+|chatgpt-[\w.-]+|o[134](-[\w.-]+)?|"
    r"text-embedding-[\w.-]+|text-(davinci|curie|babbage|ada)-\d+|davinci-\d+|babbage-\d+|"
    r"whisper-1|tts-1(-hd)?|dall-e-[23]|omni-moderation-[\w-]+|text-moderation-[\w-]+|"
    r"sora-[\w.-]+)$"
)
ENV_RE = re.compile(r"^OPENAI_[A-Z0-9_]+$")
_RELEVANT_WORDS = (
    "openai", "completions", "embeddings", "gpt-", "chatgpt", "langchain", "image_url",
    "input_audio", "input_image", "response_format", "tools=", "tools =", "tool_choice",
    "stream=true", "stream = true", "chatcompletion", "davinci", "babbage", "whisper", "dall-e",
    "tts-1", "moderation", "instructor", "assistants", "sora-", "\"o1", "\"o3", "\"o4", "'o1",
    "'o3", "'o4",
)  # fmt: skip


def relevant(text: str) -> bool:
    """Does a module's text name anything OpenAI-related (the SDK, an endpoint, a model, an
    argument passed on to a call)? Modules that do not are counted but not parsed: the scan's
    hot path, so plain substring tests on the lowered text, no regular expression.

    >>> relevant("from openai import OpenAI"), relevant("import json")
    (True, False)
    """
    low = text.lower()
    return any(word in low for word in _RELEVANT_WORDS)


OFFERED = frozenset({"chat.completions.create", "embeddings.create"})


def import_aliases(nodes: Iterable[ast.AST]) -> dict[str, str]:
    """Local name -> qualified name, for every absolute import among ``nodes``."""
    aliases: dict[str, str] = {}
    for node in nodes:
        if isinstance(node, ast.Import):
            for a in node.names:
                aliases[a.asname or a.name.split(".")[0]] = (
                    a.name if a.asname else a.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"
    return aliases


def parts_of(node: ast.expr) -> list[str] | None:
    """``a.b().c.d`` -> ``["a", "b", "()", "c", "d"]``; ``None`` for anything else."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Call):
        inner = parts_of(node.func)
        return None if inner is None else [*inner, "()", *reversed(parts)]
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


def qualify(parts: list[str], aliases: dict[str, str]) -> str:
    """The dotted name with its first part resolved through the module's imports."""
    root = aliases.get(parts[0])
    return ".".join([root, *parts[1:]]) if root else ".".join(parts)


def is_openai_client_class(qual: str) -> bool:
    """``openai.OpenAI``, ``openai.lib.azure.AzureOpenAI``, ``openai._client.AsyncOpenAI``..."""
    head, _, leaf = qual.rpartition(".")
    return head.split(".")[0] == "openai" and leaf in CLIENT_LEAVES and "()" not in head


def is_langchain_class(qual: str) -> bool:
    """LangChain's OpenAI classes, from langchain_openai and the older import paths."""
    head, _, leaf = qual.rpartition(".")
    return head.split(".")[0] in LANGCHAIN_ROOTS and leaf in LANGCHAIN_CHAT | LANGCHAIN_EMBEDDINGS


def endpoint_of(parts: list[str]) -> tuple[str, int] | None:
    """The endpoint a call chain names, and where its receiver (the client) ends.

    >>> endpoint_of(["self", "client", "chat", "completions", "with_raw_response", "create"])
    ('chat.completions.create', 2)
    """
    clean = [p for p in parts if p not in _WRAPPER_ATTRS]
    for chain, name in _CHAINS:
        n = len(chain)
        if len(clean) > n and tuple(clean[-n:]) == chain:
            if name == "completions.create" and clean[-3] == "chat":
                continue
            return name, _receiver_end(parts, clean, len(clean) - n)
    for index, part in enumerate(clean[1:-1], 1):
        if part in _PREFIXES:
            return _PREFIXES[part], _receiver_end(parts, clean, index)
    return None


def _receiver_end(parts: list[str], clean: list[str], index: int) -> int:
    """Map an index in the wrapper-free path back to the original path."""
    seen = -1
    for position, part in enumerate(parts):
        if part not in _WRAPPER_ATTRS:
            seen += 1
            if seen == index:
                return position - (1 if position and parts[position - 1] == "beta" else 0)
    return len(parts)
