"""SenseTime SenseNova native API: ``adapter`` (requests, answers, errors), ``wire`` (answer
models and the stream parser), ``auth`` (JWT from access key id + secret)."""

from .adapter import SenseNovaAdapter
from .auth import SenseNovaJWTAuth

__all__ = ["SenseNovaAdapter", "SenseNovaJWTAuth"]
