"""The fields of a msgspec Struct type, looked up once per type."""

from __future__ import annotations

from typing import Any

import msgspec

_FIELDS: dict[type[Any], tuple[msgspec.structs.FieldInfo, ...]] = {}


def fields_of(kind: type[Any]) -> tuple[msgspec.structs.FieldInfo, ...]:
    """``msgspec.structs.fields(kind)``, kept: msgspec evaluates the type's
    annotations on every call (~0.3 ms each; theme set-up alone made 20
    calls before the first frame)."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = msgspec.structs.fields(kind)
    return found


__all__ = ["fields_of"]
