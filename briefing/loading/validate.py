"""Every type problem in a file's data, where msgspec stops at the first.

Loading converts the whole document with one ``msgspec.convert`` (fast, and
nearly always right). Only when that fails do we come here: walk the data
along the model's types and convert each scalar field on its own, so one run
finds every unknown key, missing key and wrong value. msgspec still judges
every value, so what counts as a problem is exactly what the fast path
refuses; the messages are msgspec's, for the explainer to put in words.

Imported only once a file has failed to validate.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from typing import Any

import msgspec

from briefing.loading.explain import split_error, unwrap

Path = tuple[str | int, ...]
DecHook = Callable[[type, Any], Any]


def type_problems(
    raw: Any, root: type[msgspec.Struct], *, dec_hook: DecHook | None = None, limit: int = 100
) -> list[tuple[Path, str]]:
    """(path, msgspec's message) for each value in ``raw`` that does not fit
    ``root``, in file order, at most ``limit``."""
    found: list[tuple[Path, str]] = []
    _walk(raw, root, (), found, dec_hook, limit)
    return found


def _walk(
    raw: Any, kind: Any, path: Path, found: list[tuple[Path, str]], dec_hook: DecHook | None, limit: int
) -> None:
    if len(found) >= limit:
        return
    shape = unwrap(kind)
    if raw is None and _takes_none(kind):
        return
    if isinstance(shape, type) and issubclass(shape, msgspec.Struct) and isinstance(raw, dict):
        fields = {f.encode_name: f for f in msgspec.structs.fields(shape)}
        unknown: list[str] = []
        for key, value in raw.items():
            field = fields.get(key) if isinstance(key, str) else None
            if field is None:
                unknown.append(str(key))
                found.append((path, f"Object contains unknown field `{key}`"))
            else:
                _walk(value, field.type, (*path, key), found, dec_hook, limit)
            if len(found) >= limit:
                return
        for name, field in fields.items():
            # A misspelt required key is one problem, not two: its "did you
            # mean" line already names the missing key.
            if field.required and name not in raw and not difflib.get_close_matches(name, unknown, n=1):
                found.append((path, f"Object missing required field `{name}`"))
        return
    if typing.get_origin(shape) is list and isinstance(raw, list):
        (item,) = typing.get_args(shape)
        for index, value in enumerate(raw):
            _walk(value, item, (*path, index), found, dec_hook, limit)
            if len(found) >= limit:
                return
        return
    try:
        msgspec.convert(raw, kind, dec_hook=dec_hook)
    except msgspec.ValidationError as exc:
        inner, message = split_error(str(exc), raw)
        found.append(((*path, *inner), message))


def _takes_none(kind: Any) -> bool:
    while typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    return typing.get_origin(kind) in (typing.Union, types.UnionType) and type(None) in typing.get_args(kind)
