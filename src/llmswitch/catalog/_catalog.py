"""The :class:`Catalog`: queries over validated records, and :func:`load_catalog`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._load import RawCatalog, load_raw
from ._results import ResultList
from .schema import (
    CAPABILITIES,
    CatalogError,
    Currency,
    Event,
    FxRate,
    Model,
    Offer,
    PricePoint,
    Provider,
)

__all__ = ["Catalog", "load_catalog"]


class Catalog:
    """Providers, models, prices, offers and events, checked against each other.

    Build one with :func:`load_catalog`.
    """

    def __init__(self, raw: RawCatalog) -> None:
        self._providers = {name: rec for name, (rec, _) in raw.providers.items()}
        self._aliases: dict[str, str] = {}
        for name, (prov, label) in raw.providers.items():
            for alias in (name, *prov.aliases):
                owner = self._aliases.get(alias)
                if owner is not None and owner != name:
                    raise CatalogError(
                        f"{label}: providers[{name!r}].aliases: {alias!r} already names {owner!r}"
                    )
                self._aliases[alias] = name
        self._models = {key: rec for key, (rec, _) in raw.models.items()}
        self._offers = [rec for rec, _ in raw.offers.values()]
        self._events = sorted((rec for rec, _ in raw.events.values()), key=lambda e: e.date)
        if raw.fx is None:
            raise CatalogError("catalog/data: no [fx] default rate defined")
        self._fx = raw.fx[0]
        self._last_checked = dict(raw.last_checked)
        self._check(raw)

    def _check(self, raw: RawCatalog) -> None:
        for (prov, mid), (_model, label) in raw.models.items():
            if prov not in self._providers:
                raise CatalogError(
                    f"{label}: models[{prov}/{mid}].provider: unknown provider {prov!r}"
                )
        for oid, (offer, label) in raw.offers.items():
            if offer.provider not in self._providers:
                raise CatalogError(
                    f"{label}: offers[{oid!r}].provider: unknown provider {offer.provider!r}"
                )
            for i, grant in enumerate(offer.grants):
                if grant.model is not None and (offer.provider, grant.model) not in self._models:
                    raise CatalogError(
                        f"{label}: offers[{oid!r}].grants[{i}].model: {grant.model!r} is not a "
                        f"model of {offer.provider!r} in the model table"
                    )
        for eid, (event, label) in raw.events.items():
            if event.provider is not None and event.provider not in self._providers:
                raise CatalogError(
                    f"{label}: events[{eid!r}].provider: unknown provider {event.provider!r}"
                )
            for i, change in enumerate(event.price_changes):
                if change.model is not None and (event.provider, change.model) not in self._models:
                    raise CatalogError(
                        f"{label}: events[{eid!r}].price_changes[{i}].model: {change.model!r} is "
                        f"not a model of {event.provider!r}"
                    )

    # -- providers -------------------------------------------------------------------------

    def provider_name(self, name_or_alias: str) -> str:
        """The canonical provider name for a name or alias (``"zhipu"`` -> ``"glm"``)."""
        try:
            return self._aliases[name_or_alias.lower()]
        except KeyError:
            known = ", ".join(sorted(self._aliases))
            raise CatalogError(f"unknown provider {name_or_alias!r}; known: {known}") from None

    def providers(self, kind: str | None = None) -> ResultList[Provider]:
        """All providers, or those of one ``kind`` (native, openai-compatible, company)."""
        return ResultList(p for p in self._providers.values() if kind is None or p.kind == kind)

    def provider(self, name_or_alias: str) -> Provider:
        """One provider by name or alias."""
        return self._providers[self.provider_name(name_or_alias)]

    # -- models and prices -------------------------------------------------------------------

    def models(
        self,
        provider: str | None = None,
        capability: str | None = None,
        *,
        on_sale: dt.date | None = None,
    ) -> ResultList[Model]:
        """Models, optionally of one provider, with a capability known to be supported, and/or
        on sale on a date (:meth:`Model.on_sale`: released by then per a source, not retired).

        With ``on_sale``, rows show the price in force that day.

        >>> load_catalog().models(provider="zhipu", capability="tools")  # doctest: +SKIP
        >>> load_catalog().models(on_sale=dt.date(2024, 7, 9))  # doctest: +SKIP
        """
        if capability is not None and capability not in CAPABILITIES:
            raise CatalogError(
                f"unknown capability {capability!r}; known: {', '.join(CAPABILITIES)}"
            )
        name = self.provider_name(provider) if provider is not None else None
        return ResultList(
            (
                m
                for m in self._models.values()
                if (name is None or m.provider == name)
                and (capability is None or getattr(m.capabilities, capability) is True)
                and (on_sale is None or m.on_sale(on_sale))
            ),
            on=on_sale,
        )

    def last_checked(self, provider: str) -> dt.date | None:
        """When the shipped data file of ``provider`` was last checked against its sources."""
        return self._last_checked.get(self.provider_name(provider))

    def model(self, key: str) -> Model:
        """One model by ``"provider/model-id"`` (provider aliases accepted), or a unique bare id.

        >>> load_catalog().model("dashscope/qwen-plus").key  # doctest: +SKIP
        'qwen/qwen-plus'
        """
        head, sep, rest = key.partition("/")
        if sep and head.lower() in self._aliases:
            found = self._models.get((self._aliases[head.lower()], rest))
            if found is None:
                raise CatalogError(f"unknown model {key!r}")
            return found
        matches = [m for m in self._models.values() if m.id == key]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise CatalogError(f"unknown model {key!r}; use 'provider/model-id'")
        raise CatalogError(f"ambiguous model {key!r}: {', '.join(m.key for m in matches)}")

    def price(
        self,
        model: str | Model,
        on: dt.date | None = None,
        currency: Currency | None = None,
        fx: FxRate | float | None = None,
    ) -> PricePoint | None:
        """The price point of ``model`` in force on ``on`` (default: newest), or ``None``.

        With ``currency``, the point is converted at ``fx`` (CNY per USD, or an :class:`FxRate`),
        else at the catalog's dated default rate.
        """
        record = model if isinstance(model, Model) else self.model(model)
        point = record.price(on)
        if point is None or currency is None:
            return point
        return self.convert(point, currency, fx)

    def convert(
        self, point: PricePoint, currency: Currency, fx: FxRate | float | None = None
    ) -> PricePoint:
        """``point`` in ``currency`` at ``fx`` or the default rate (:attr:`fx`)."""
        return point.convert(currency, self._fx if fx is None else fx)

    @property
    def fx(self) -> FxRate:
        """The default CNY-per-USD rate, dated and sourced."""
        return self._fx

    # -- offers and events -------------------------------------------------------------------

    def offers(
        self, provider: str | None = None, active_on: dt.date | None = None
    ) -> ResultList[Offer]:
        """Offers, optionally of one provider and/or exactly those ``active`` on a date."""
        name = self.provider_name(provider) if provider is not None else None
        return ResultList(
            (
                o
                for o in self._offers
                if (name is None or o.provider == name)
                and (active_on is None or o.status(active_on) == "active")
            ),
            on=active_on,
        )

    def offer(self, offer_id: str) -> Offer:
        """One offer by id."""
        for o in self._offers:
            if o.id == offer_id:
                return o
        raise CatalogError(f"unknown offer {offer_id!r}")

    def events(self, provider: str | None = None, kind: str | None = None) -> ResultList[Event]:
        """Events in date order, optionally of one provider and/or kind."""
        name = self.provider_name(provider) if provider is not None else None
        return ResultList(
            e
            for e in self._events
            if (name is None or e.provider == name) and (kind is None or e.kind == kind)
        )

    def event(self, event_id: str) -> Event:
        """One event by id."""
        for e in self._events:
            if e.id == event_id:
                return e
        raise CatalogError(f"unknown event {event_id!r}")

    def __repr__(self) -> str:
        return (
            f"<Catalog providers={len(self._providers)} models={len(self._models)} "
            f"offers={len(self._offers)} events={len(self._events)}>"
        )


def load_catalog(extra: str | Path | Mapping[str, Any] | None = None) -> Catalog:
    """Load the shipped catalog, with ``extra`` (a TOML path or a dict) merged over it.

    ``extra`` uses the shipped layout (``[[providers]]``, ``[[models]]``, ``[[offers]]``,
    ``[[events]]``, ``[sources.<ref>]``, ``[fx]``); records with an existing key are merged field
    by field, and a model's ``prices`` are added to the shipped ones.

    >>> cat = load_catalog()
    >>> cat.offer("zhipu-migration-2024").total_free_tokens
    150000000
    """
    return Catalog(load_raw(extra))
