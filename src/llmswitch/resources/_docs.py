"""The docstrings sync and async twins share (a test holds the twins' docs equal)."""

from __future__ import annotations

__all__ = ["CREATE_DOC", "EMBED_DOC"]

CREATE_DOC = """Create a chat completion, OpenAI-style, on whichever provider ``model`` names.

``model`` is ``"provider/model-id"`` (``"qwen/qwen-plus"``), an alias from config (a list of
targets is a fallback chain), or a bare id for the default provider (``"gpt-4o"`` → OpenAI,
as in openai-python). ``messages`` are dicts or :mod:`llmswitch.types` models. With
``stream=True`` the result is a stream of :class:`ChatCompletionChunk`; use it as a context
manager and call ``get_final_completion()`` for the assembled answer. Parameters take
openai-python's ``NOT_GIVEN`` / ``omit`` as "not given". A parameter the provider cannot honour
raises :class:`UnsupportedParameterError` unless ``drop_unsupported_params`` is set
(``docs/providers.md`` has the table). Example::

    resp = client.chat.completions.create(
        model="glm/glm-4-flash", messages=[{"role": "user", "content": "Hi"}])
    print(resp.choices[0].message.content, resp.provider)
"""

EMBED_DOC = """Create embeddings for a string, a list of strings, or (OpenAI's wire) token arrays.

Vectors are floats, unless ``encoding_format="base64"`` is asked for on a provider that sends
base64 (OpenAI's wire), which gives the base64 string as openai-python does. Example::

    resp = client.embeddings.create(model="qwen/text-embedding-v3", input=["a", "b"])
    vectors = [item.embedding for item in resp.data]
"""
