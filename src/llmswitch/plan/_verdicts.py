"""Per-provider verdicts for scan findings, read from llmswitch's own declarations.

Nothing here is a second, hand-kept support table: parameter verdicts come from each adapter's
``PARAMS`` (``native`` → works, ``mapped`` → mapped with its note, ``unsupported`` → blocker),
the parameters llmswitch accepts at all from the signatures of its ``create`` methods, the
model and endpoint coverage from the catalog. What llmswitch does not offer at all (the
Responses API, assistants, images, audio, ...) is a blocker for every provider.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from ..catalog import Catalog
from ..errors import ConfigError
from ..providers import PROVIDERS, adapter_class
from ..providers._base import ParamSupport

__all__ = ["ENDPOINTS", "Judge", "Verdict", "VerdictLevel"]

VerdictLevel = Literal["works", "mapped", "blocker"]


@dataclass(frozen=True)
class Verdict:
    """How one finding fares on one provider: ``works``, ``mapped`` (how) or ``blocker`` (why)."""

    level: VerdictLevel
    why: str = ""


# The endpoints llmswitch offers: OpenAI name -> the llmswitch resource that serves it.
ENDPOINTS: Mapping[str, str] = {
    "chat.completions.create": "chat",
    "embeddings.create": "embeddings",
}
_NOT_OFFERED = "llmswitch offers only chat.completions and embeddings"


def _accepted(kind: str) -> frozenset[str]:
    from ..resources import Completions, Embeddings

    method: Callable[..., object] = Completions.create if kind == "chat" else Embeddings.create
    return frozenset(p for p in inspect.signature(method).parameters if p != "self")


class Judge:
    """Verdicts for a set of target providers (adapters loaded lazily, failures tolerated)."""

    def __init__(self, providers: tuple[str, ...], catalog: Catalog) -> None:
        self.providers = providers
        self.catalog = catalog
        self.params: dict[str, Mapping[str, ParamSupport]] = {}
        self.unavailable: dict[str, str] = {}
        for name in providers:
            spec = PROVIDERS.get(name)
            if spec is None:
                self.unavailable[name] = f"{name!r} is not a provider llmswitch can call"
                continue
            try:
                cls = adapter_class(spec.type)
                self.params[name] = cls.PARAMS  # type: ignore[attr-defined]
            except ConfigError:
                self.unavailable[name] = f"the {spec.type} adapter is not available yet"
            except Exception as exc:  # a half-written adapter must not crash a scan
                self.unavailable[name] = f"the {spec.type} adapter failed to load: {exc}"
        self._chat = _accepted("chat")
        self._embeddings = _accepted("embeddings")

    def _each(self, judge: Callable[[str], Verdict]) -> dict[str, Verdict]:
        out = {}
        for name in self.providers:
            problem = self.unavailable.get(name)
            out[name] = (
                Verdict("blocker", f"adapter not available: {problem}")
                if problem
                else (judge(name))
            )
        return out

    def same(self, level: VerdictLevel, why: str) -> dict[str, Verdict]:
        """The same verdict for every provider (its adapter's availability still counts)."""
        return self._each(lambda _name: Verdict(level, why))

    def endpoint(self, endpoint: str) -> dict[str, Verdict]:
        """A call to an OpenAI endpoint (``chat.completions.create``, ``responses.create``...)."""
        resource = ENDPOINTS.get(endpoint)
        if resource is None:
            return self.same("blocker", f"{endpoint}: {_NOT_OFFERED}")
        if resource == "chat":
            return self.same("works", "client.chat.completions.create")
        return self._each(self._embedding_endpoint)

    def _embedding_endpoint(self, name: str) -> Verdict:
        models = [m.id for m in self.catalog.models(provider=name) if m.kind == "embedding"]
        if not models:
            return Verdict("blocker", f"no embedding model of {name} in the catalog")
        return Verdict("works", f"client.embeddings.create (e.g. {name}/{models[0]})")

    def param(self, endpoint: str, param: str) -> dict[str, Verdict]:
        """A keyword argument of a chat or embeddings call."""
        resource = ENDPOINTS.get(endpoint)
        if resource is None:
            return self.same("blocker", f"{endpoint}: {_NOT_OFFERED}")
        accepted = self._chat if resource == "chat" else self._embeddings
        if param not in accepted:
            return self.same("blocker", f"llmswitch's {endpoint} has no parameter {param!r}")
        if resource != "chat":
            return self.same("works", "")

        def judge(name: str) -> Verdict:
            support = self.params[name].get(param)
            if support is None:
                return Verdict("works", "handled by llmswitch itself")
            if support.level == "native":
                return Verdict("works", support.note)
            if support.level == "mapped":
                return Verdict("mapped", support.note or f"{param} is translated for {name}")
            return Verdict("blocker", support.note or f"{name} does not support {param}")

        return self._each(judge)

    def model(self, model: str) -> dict[str, Verdict]:
        """An OpenAI model named in the code: aliasable to a provider model of the same kind?"""
        kind = _model_kind(model)
        if kind is None:
            return self.same(
                "blocker", f"{model}: image, audio or moderation model; {_NOT_OFFERED}"
            )
        if kind == "legacy":
            return self.same("blocker", f"{model}: legacy completions model; use a chat model")

        def judge(name: str) -> Verdict:
            models = [m.key for m in self.catalog.models(provider=name) if m.kind == kind]
            if not models:
                return Verdict("blocker", f"no {kind} model of {name} in the catalog")
            return Verdict("mapped", f'alias "{model}" in [aliases] (e.g. {models[0]})')

        return self._each(judge)

    def env(self, var: str) -> dict[str, Verdict]:
        """An ``OPENAI_*`` environment variable read by the code."""

        def judge(name: str) -> Verdict:
            env = PROVIDERS[name].env
            if var in ("OPENAI_API_KEY",):
                keys = env.get("api_key") or env.get("access_key") or ()
                return Verdict("mapped", f"use {' or '.join(keys)} (read by llmswitch)")
            if var in ("OPENAI_BASE_URL", "OPENAI_API_BASE"):
                return Verdict("mapped", f"base_url under [providers.{name}] in llmswitch.toml")
            return Verdict(
                "mapped", f"{var} has no {name} equivalent; drop it or move it to config"
            )

        return self._each(judge)

    def langchain(self, cls: str) -> dict[str, Verdict]:
        """LangChain's ``ChatOpenAI`` / ``OpenAIEmbeddings``: pointable at a compatible URL?"""

        def judge(name: str) -> Verdict:
            try:
                url = self.catalog.provider(name).compatible_base_url
            except ValueError:
                url = None
            if url is None and PROVIDERS[name].type == "openai-compatible":
                url = PROVIDERS[name].base_url
            if not url:
                return Verdict("blocker", f"no OpenAI-compatible endpoint of {name} is known")
            return Verdict("mapped", f"{cls}(base_url={url!r}, api_key=...) or port to llmswitch")

        return self._each(judge)


def _model_kind(model: str) -> str | None:
    name = model.removeprefix("ft:").lower()
    if name.startswith(("text-embedding-",)):
        return "embedding"
    if name.startswith(("dall-e", "gpt-image", "whisper", "tts-", "omni-moderation", "text-mod")):
        return None
    if name.startswith(("text-davinci", "text-curie", "text-babbage", "text-ada", "davinci")):
        return "legacy"
    if name.startswith(("babbage", "gpt-3.5-turbo-instruct")):
        return "legacy"
    if name.startswith(("gpt-4o-audio", "gpt-4o-realtime", "gpt-4o-transcribe", "gpt-realtime")):
        return None
    return "chat"
