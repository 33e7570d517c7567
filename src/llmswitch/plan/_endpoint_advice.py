"""What to do, per provider, about an OpenAI endpoint llmswitch does not serve.

Two parts: what llmswitch offers instead (its own chat and embeddings resources), and whether a
provider has an API of its own for the same job (which llmswitch does not call: the app calls it
directly, or keeps OpenAI for it). Only equivalents the provider documents are listed; every
other provider reads "no equivalent known", never a guess. The provider's documentation address
comes from the provider registry.
"""

from __future__ import annotations

__all__ = ["INSTEAD", "advice"]

INSTEAD: dict[str, str] = {
    "responses": "port responses.create to client.chat.completions.create (input -> messages, "
    "instructions -> a system message; tools keep their JSON schema); built-in tools such as "
    "web_search or file_search have no llmswitch equivalent",
    "beta.assistants": "rebuild the assistant on client.chat.completions.create with tools, its "
    "instructions as a system message",
    "beta.threads": "keep each conversation in your own store and send it as messages to "
    "client.chat.completions.create",
    "vector_stores": "embed with client.embeddings.create and keep the vectors in your own store "
    "(pgvector, FAISS, ...)",
    "batches": "send the requests through client.chat.completions.create with your own "
    "concurrency (AsyncClient)",
    "files": "keep files yourself; send their text in messages",
    "uploads": "keep files yourself; send their text in messages",
    "fine_tuning": "llmswitch does not fine-tune: tune on the provider, then alias the tuned model "
    "in llmswitch.toml",
    "images": "llmswitch serves no image generation: keep OpenAI for it or call the provider's API",
    "audio": "llmswitch serves no speech endpoints: keep OpenAI for them or call the provider's "
    "speech API",
    "realtime": "llmswitch serves no realtime sessions: keep OpenAI for them or use the "
    "provider's realtime API",
    "moderations": "no llmswitch equivalent: keep OpenAI's moderation or use your own filter",
    "videos": "no llmswitch equivalent: keep OpenAI for video generation",
    "containers": "no llmswitch equivalent (code-interpreter containers)",
    "conversations": "keep the conversation in your own store and send it as messages",
    "evals": "no llmswitch equivalent: run evaluations with your own harness over llmswitch",
    "completions.create": "legacy completions: port to client.chat.completions.create (the "
    "prompt becomes a user message)",
    "chat.completions.parse": "call client.chat.completions.create with response_format "
    "{'type': 'json_schema', ...} and validate the JSON with your pydantic model",
    "chat.completions.stream": "call client.chat.completions.create(stream=True) and read the "
    "chunks",
}

# (endpoint family, provider) -> the provider's own API for the same job, as a noun phrase
# ("qwen has <it>").
_EQUIVALENT: dict[tuple[str, str], str] = {
    ("batches", "qwen"): "an OpenAI-compatible Batch API on Model Studio (JSONL file + batch "
    "job on the compatible-mode endpoint)",
    ("batches", "glm"): "a Batch API on BigModel (JSONL file + batch job)",
    ("batches", "doubao"): "batch inference on Ark",
    ("batches", "ernie"): "batch inference on Qianfan",
    ("files", "qwen"): "the compatible-mode Files API (documents for qwen-long, batch input)",
    ("files", "moonshot"): "a Files API (upload, then extract the text into messages)",
    ("files", "glm"): "a Files API (batch input, fine-tuning data, retrieval)",
    ("uploads", "qwen"): "the compatible-mode Files API",
    ("uploads", "moonshot"): "a Files API",
    ("uploads", "glm"): "a Files API",
    ("fine_tuning", "qwen"): "model tuning on Model Studio",
    ("fine_tuning", "glm"): "a fine-tuning jobs API",
    ("fine_tuning", "ernie"): "fine-tuning (SFT) on Qianfan",
    ("fine_tuning", "doubao"): "model customisation on Ark",
    ("images", "qwen"): "Wanx / Wan text-to-image through DashScope's native API",
    ("images", "glm"): "CogView through its images/generations API",
    ("images", "doubao"): "Seedream image generation on Ark",
    ("audio", "qwen"): "speech recognition (Paraformer) and synthesis (CosyVoice) through "
    "DashScope's native API",
    ("audio", "ernie"): "Baidu AI Cloud's speech service (separate from Qianfan)",
    ("audio", "doubao"): "Volcengine's speech service (separate from Ark)",
    ("realtime", "qwen"): "Qwen-Omni realtime over WebSocket",
    ("realtime", "glm"): "GLM-Realtime",
    ("realtime", "doubao"): "a realtime voice model on Volcengine",
    ("responses", "doubao"): "a Responses API on Ark",
}


def advice(endpoint: str, provider: str, docs_url: str = "") -> str:
    """One provider's verdict text for an endpoint llmswitch does not serve.

    >>> advice("batches", "deepseek")[:63]
    'batches: not served by llmswitch. deepseek: no equivalent known'
    """
    family = endpoint
    equivalent = _EQUIVALENT.get((family, provider))
    where = f" ({docs_url})" if docs_url and equivalent else ""
    has = f"{provider} has {equivalent}{where}" if equivalent else (
        f"{provider}: no equivalent known"
    )  # fmt: skip
    instead = INSTEAD.get(family, "no llmswitch equivalent")
    return f"{endpoint}: not served by llmswitch. {has}. Otherwise: {instead}"
