"""Zhipu AI GLM (BigModel v4 and Z.ai): ``adapter`` (OpenAI-shaped wire with GLM's ranges and
errors) and ``auth`` (the ``id.secret`` key as a cached HS256 JWT, or as a bearer key)."""

from .adapter import GLMAdapter, glm_base_url
from .auth import ZhipuJWTAuth

__all__ = ["GLMAdapter", "ZhipuJWTAuth", "glm_base_url"]
