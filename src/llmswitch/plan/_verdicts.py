"""Per-provider verdicts for scan findings, read from llmswitch's own declarations.

Nothing here is a second, hand-kept support table: parameter verdicts come from each adapter's
``PARAMS`` (read through :func:`llmswitch.providers._matrix.param_matrix`: ``native`` → works,
``mapped`` → mapped with its note, ``unsupported`` → blocker), the parameters llmswitch accepts
at all from the signatures of its ``create`` methods, model, feature and embedding coverage from
the catalog. What llmswitch does not offer (assistants, images, audio, ...) is a blocker for
every provider, with per-provider advice (``_endpoint_advice``); the Responses API is judged
from ``llmswitch._responses._support`` (native on OpenAI, translated elsewhere).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..catalog import Catalog
from ..providers import PROVIDERS
from ._endpoint_advice import advice

if TYPE_CHECKING:
    from ..providers._base import ParamSupport

__all__ = ["ENDPOINTS", "Judge", "Verdict", "VerdictLevel"]

VerdictLevel = Literal["works", "mapped", "blocker", "not seen"]


@dataclass(frozen=True)
class Verdict:
    """How one finding fares on one provider: ``works``, ``mapped`` (how), ``blocker`` (why), or
    ``not seen`` (the scanner could not read what the code passes: check it yourself)."""

    level: VerdictLevel
    why: str = ""


# The endpoints llmswitch offers: OpenAI name -> the llmswitch resource that serves it.
ENDPOINTS: Mapping[str, str] = {
    "chat.completions.create": "chat",
    "embeddings.create": "embeddings",
    "responses": "responses",
    "responses.create": "responses",
}
_NOT_OFFERED = "llmswitch offers only chat.completions and embeddings"


_CORE = {"chat": ("model", "messages", "stream", "extra_headers", "extra_body", "timeout"),
         "embeddings": ("model", "input", "dimensions", "encoding_format", "user")}  # fmt: skip


def param_matrix() -> Mapping[str, Mapping[str, ParamSupport]]:
    """The adapters' declarations (imported on first use: the adapters import httpx)."""
    from ..providers._matrix import param_matrix as load

    return load()


def _accepted(kind: str) -> frozenset[str]:
    """The keyword arguments llmswitch's ``create`` takes, read from its signature."""
    try:
        from ..resources import Completions, Embeddings
    except ImportError:  # the client is being moved: fall back to the adapters' declarations
        from ..providers._base import OPTIONAL_CHAT_PARAMS

        extra = OPTIONAL_CHAT_PARAMS if kind == "chat" else ()
        return frozenset((*_CORE[kind], *extra))
    method: Callable[..., object] = Completions.create if kind == "chat" else Embeddings.create
    return frozenset(p for p in inspect.signature(method).parameters if p != "self")


def _column(matrix: Mapping[str, Mapping[str, ParamSupport]], type_name: str) -> str | None:
    """The param-matrix column of an adapter type (compatible presets share OpenAI's)."""
    wanted = "openai" if type_name == "openai-compatible" else type_name
    for label in matrix:
        if label == wanted or label.startswith(wanted + " ("):
            return label
    return None


class Judge:
    """Verdicts for a set of target providers (adapters loaded lazily, failures tolerated)."""

    def __init__(self, providers: tuple[str, ...], catalog: Catalog) -> None:
        self.providers = providers
        self.catalog = catalog
        self.params: dict[str, Mapping[str, ParamSupport]] = {}
        self.unavailable: dict[str, str] = {}
        try:
            matrix = param_matrix()
        except Exception as exc:  # a half-moved adapter must not crash a scan
            matrix, problem = {}, f"the adapters failed to load: {exc}"
        else:
            problem = ""
        for name in providers:
            spec = PROVIDERS.get(name)
            if spec is None:
                self.unavailable[name] = f"{name!r} is not a provider llmswitch can call"
                continue
            column = _column(matrix, spec.type)
            if column is None:
                self.unavailable[name] = problem or f"the {spec.type} adapter is not available yet"
            else:
                self.params[name] = matrix[column]
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
            return self._each(
                lambda name: Verdict("blocker", advice(endpoint, name, PROVIDERS[name].docs_url))
            )
        if resource == "chat":
            return self.same("works", "client.chat.completions.create")
        if resource == "responses":
            return self._each(lambda name: self._responses(name, None))
        return self._each(self._embedding_endpoint)

    def _responses(self, name: str, param: str | None) -> Verdict:
        """The Responses API: native on OpenAI, translated elsewhere (issue 20)."""
        from .._responses._support import endpoint_support, param_support

        kind = PROVIDERS[name].type
        if param is None:
            level, why = endpoint_support(name, kind)
        else:
            level, why = param_support(param, kind, self.params.get(name, {}))
        return Verdict(level, why)  # type: ignore[arg-type]

    def feature(self, feature: str) -> dict[str, Verdict]:
        """A feature the code builds into its messages (image or audio content parts)."""
        if feature not in ("tools", "json_mode", "vision", "streaming"):
            return self.same(
                "blocker", f"{feature}: no source in the catalog says any provider's chat model "
                "takes it through llmswitch"
            )  # fmt: skip

        def judge(name: str) -> Verdict:
            models = [m for m in self.catalog.models(provider=name)
                      if m.kind in ("chat", "reasoning")
                      and getattr(m.capabilities, feature) is True]  # fmt: skip
            if not models:
                return Verdict("blocker", f"no {name} model with {feature} in the catalog")
            if feature == "vision":
                return Verdict("mapped", f"alias the vision calls' model to {models[0].key}")
            return Verdict("works", f"e.g. {models[0].key}")

        return self._each(judge)

    def _embedding_endpoint(self, name: str) -> Verdict:
        models = [m.id for m in self.catalog.models(provider=name) if m.kind == "embedding"]
        if not models:
            return Verdict("blocker", f"no embedding model of {name} in the catalog")
        return Verdict("works", f"client.embeddings.create (e.g. {name}/{models[0]})")

    def param(self, endpoint: str, param: str) -> dict[str, Verdict]:
        """A keyword argument of a chat or embeddings call."""
        resource = ENDPOINTS.get(endpoint)
        if resource is None:
            return self.endpoint(endpoint)
        if resource == "responses":
            return self._each(lambda name: self._responses(name, param))
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

        vision = "vision" in model  # gpt-4-vision-preview: its replacement must see images

        def judge(name: str) -> Verdict:
            models = [m.key for m in self.catalog.models(provider=name) if m.kind == kind
                      and (not vision or m.capabilities.vision is True)]  # fmt: skip
            if not models:
                what = "vision" if vision else kind
                return Verdict("blocker", f"no {what} model of {name} in the catalog")
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
