"""Baidu ERNIE on Qianfan: ``v2`` (OpenAI-shaped, bearer key), ``v1`` (wenxinworkshop with
Baidu OAuth: ``v1_wire`` for its bodies and stream, ``v1_tables`` for endpoints, parameters and
error codes, ``auth`` for the token flow).

:func:`ernie_adapter` is what the registry calls: it picks the API from the settings.
"""

from __future__ import annotations

from .._base import ProviderSettings
from .v1 import ErnieV1Adapter
from .v2 import ErnieAdapter, uses_v1

__all__ = ["ErnieAdapter", "ErnieV1Adapter", "ernie_adapter", "uses_v1"]


def ernie_adapter(settings: ProviderSettings) -> ErnieAdapter:
    """The adapter of the Qianfan API these settings select: v1 (:class:`ErnieV1Adapter`) when
    ``api = "native"``, or access_key + secret_key without an API key; else v2.

    >>> from pydantic import SecretStr
    >>> type(ernie_adapter(ProviderSettings("ernie", "ernie", api_key=SecretStr("k")))).__name__
    'ErnieAdapter'
    """
    if uses_v1(settings):
        return ErnieV1Adapter(settings)
    return ErnieAdapter(settings)
