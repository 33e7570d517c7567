"""DashScope (Model Studio) regions → hosts. The native base adds ``/api/v1``, compatible mode
``/compatible-mode/v1``.

Sources: spec 1.1 (DS-env, DS-v2cfg, DS-doc-region) for the four legacy shared hosts; for 2026
[H] dashscope 2.0.2 ``v2/_config.py`` (``VALID_REGIONS``: also ``eu-central-1`` and
``ap-northeast-1``, which have no shared host of their own and fall back to
``dashscope-intl``) and [M] the Model Studio regions page (Germany (Frankfurt), 2026-06-30)
and compatibility-with-openai-responses-api page (workspace gateways
``https://{WorkspaceId}.{region}.maas.aliyuncs.com``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ...errors import ConfigError

__all__ = ["GATEWAY_REGIONS", "REGIONS", "region_host"]

REGIONS: Mapping[str, str] = {
    "cn-beijing": "https://dashscope.aliyuncs.com",
    "ap-southeast-1": "https://dashscope-intl.aliyuncs.com",
    "us-east-1": "https://dashscope-us.aliyuncs.com",
    "cn-hongkong": "https://cn-hongkong.dashscope.aliyuncs.com",
    # No shared host of their own: the SDK falls back to the international one [H] DS2. With a
    # ``workspace`` set, the region's own workspace gateway is used instead (below).
    "eu-central-1": "https://dashscope-intl.aliyuncs.com",
    "ap-northeast-1": "https://dashscope-intl.aliyuncs.com",
}
# Regions reached through the workspace gateway when a workspace id is configured.
GATEWAY_REGIONS: frozenset[str] = frozenset({"eu-central-1", "ap-northeast-1"})
_GATEWAY = "https://{workspace}.{region}.maas.aliyuncs.com"
_WORKSPACE_ID = re.compile(r"[A-Za-z0-9-]{1,63}")

REGION_ALIASES: Mapping[str, str] = {
    "cn": "cn-beijing",
    "beijing": "cn-beijing",
    "china": "cn-beijing",
    "intl": "ap-southeast-1",
    "international": "ap-southeast-1",
    "singapore": "ap-southeast-1",
    "us": "us-east-1",
    "virginia": "us-east-1",
    "hk": "cn-hongkong",
    "hongkong": "cn-hongkong",
    "hong-kong": "cn-hongkong",
    "eu": "eu-central-1",
    "frankfurt": "eu-central-1",
    "germany": "eu-central-1",
    "jp": "ap-northeast-1",
    "japan": "ap-northeast-1",
    "tokyo": "ap-northeast-1",
}


def region_host(region: str | None, workspace: str | None = None) -> str:
    """The DashScope host of a region (``None`` → Beijing); unknown regions are a ConfigError.

    >>> region_host("frankfurt", workspace="ws-1")
    'https://ws-1.eu-central-1.maas.aliyuncs.com'
    """
    if region is None:
        return REGIONS["cn-beijing"]
    key = region.strip().lower()
    key = REGION_ALIASES.get(key, key)
    host = REGIONS.get(key)
    if host is None:
        known = ", ".join([*REGIONS, *REGION_ALIASES])
        raise ConfigError(
            f"unknown DashScope region {region!r}; use one of: {known} (or set base_url)"
        )
    if key in GATEWAY_REGIONS and workspace and _WORKSPACE_ID.fullmatch(workspace):
        return _GATEWAY.format(workspace=workspace.lower(), region=key)
    return host
