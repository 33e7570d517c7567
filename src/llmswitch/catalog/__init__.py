"""Dated, sourced facts for choosing a provider after OpenAI: offers, models, prices, events.

>>> from llmswitch.catalog import load_catalog
>>> cat = load_catalog()
>>> [o.provider for o in cat.offers(active_on=__import__("datetime").date(2024, 7, 1))]
['glm', 'ernie', 'qwen']

Shipped as TOML under ``catalog/data/``; ``load_catalog(extra=...)`` merges a user's file.
``cost(response)`` prices a response at the catalog's price on its date.
Independent of the client code; pandas is imported only by ``to_pandas()``.
"""

from ._catalog import Catalog, load_catalog
from ._cost import Cost, CostLine, cost
from ._results import ResultList
from .schema import (
    CAPABILITIES,
    Capabilities,
    CatalogError,
    Confidence,
    Currency,
    Event,
    FreeTokenGrant,
    FxRate,
    Model,
    Offer,
    OfferStatus,
    PriceChange,
    PricePoint,
    Provider,
    Source,
    SourceKind,
    SupportTerms,
)

__all__ = [
    "CAPABILITIES",
    "Capabilities",
    "Catalog",
    "CatalogError",
    "Confidence",
    "Cost",
    "CostLine",
    "Currency",
    "Event",
    "FreeTokenGrant",
    "FxRate",
    "Model",
    "Offer",
    "OfferStatus",
    "PriceChange",
    "PricePoint",
    "Provider",
    "ResultList",
    "Source",
    "SourceKind",
    "SupportTerms",
    "cost",
    "load_catalog",
]
