"""``ArticleResult`` <-> plain JSON-able dicts, for shards and for moving results between
machines. Decoding follows the dataclass type hints, so nested records (actors, places,
evidence) come back as dataclasses; keys a newer writer added are ignored, missing ones take
their defaults.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from functools import lru_cache
from typing import Any

from ..models import ArticleResult

FORMAT_VERSION = 1


def result_to_dict(res: ArticleResult) -> dict[str, Any]:
    d = dataclasses.asdict(res)
    d["content_hash"] = res.article.content_hash
    d["v"] = FORMAT_VERSION
    return d


@lru_cache(maxsize=None)
def _hints(cls) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        for a in args:  # the first dataclass / container member that fits
            if dataclasses.is_dataclass(a) and isinstance(value, dict):
                return from_dict(a, value)
            if typing.get_origin(a) in (list, dict):
                return _decode(a, value)
        return value
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [_decode(item, v) for v in value]
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return from_dict(tp, value)
    return value


def from_dict(cls, data: dict[str, Any]):
    hints = _hints(cls)
    kwargs = {f.name: _decode(hints.get(f.name, Any), data[f.name])
              for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def result_from_dict(d: dict[str, Any]) -> ArticleResult:
    return from_dict(ArticleResult, d)
