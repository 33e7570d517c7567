"""Alibaba DashScope (Qwen): native API and compatible mode.

``adapter`` holds the two adapters, ``wire`` the native request/response models and
conversions, ``stream`` the native SSE parser, ``errors`` DashScope's error-code table.
"""

from .adapter import REGIONS, QwenAdapter, QwenCompatibleAdapter, region_host

__all__ = ["REGIONS", "QwenAdapter", "QwenCompatibleAdapter", "region_host"]
