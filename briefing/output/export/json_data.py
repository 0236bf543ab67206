"""The briefing as JSON data for other tools, and the JSON Schema of that export.

The data is the model itself (every field, in file order, ids as written),
so a field or section added to the model appears here with no code. A figure
becomes an object that keeps how sure the source was::

    {"kind": "approximate", "value": 400, "text": "nearly 400", "bound": "below"}
    {"kind": "not reported", "value": null, "text": "not reported", "bound": "exact"}

``bound`` says where the truth lies for an approximate figure ("below":
at most the value). Interception rates are given only where both figures are
exact (null otherwise), never computed from "nearly 400".

Text is data here, kept exactly as written; the characters that could act
on a terminal that prints the file (C1 controls, bidi overrides ...) are
written as JSON ``\\u`` escapes, which read back as the same text.

The schema (``briefing export --schema``; a copy is committed as
``schema/export.schema.json``) is built from the briefing format's schema
(:mod:`briefing.output.schema`), with figures as above.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import msgspec

from briefing import __version__
from briefing.model import Briefing, Figure, FigureKind
from briefing.model.items import SECTIONS, items
from briefing.model.text import is_safe
from briefing.model.wording import interception_rate
from briefing.output.export.since import CHANGE_DEFS, CHANGES_SCHEMA, Since
from briefing.output.schema import SCHEMA_DIALECT, build_schema

EXPORT_VERSION = 1
EXPORT_ID = f"urn:briefing:export:{EXPORT_VERSION}"


def _figure(figure: Figure) -> dict[str, Any]:
    return {"kind": figure.kind.value, "value": figure.value, "text": figure.text, "bound": figure.bound}


def _enc_hook(obj: Any) -> Any:
    if isinstance(obj, Figure):
        return _figure(obj)
    raise NotImplementedError(type(obj))


def export_data(briefing: Briefing, only: str | None = None, since: Since | None = None) -> dict[str, Any]:
    """The export as plain data: the briefing (just ``meta`` and ``only`` when given);
    with ``since``, a ``changes`` object too."""
    data: dict[str, Any] = msgspec.to_builtins(briefing, enc_hook=_enc_hook)
    if only is not None:
        data = {key: value for key, value in data.items() if key not in SECTIONS or key == only}
    rates = {
        ident: interception_rate(obj)
        for kind, ident, obj, _, path in items(briefing)
        if kind == "count" and (only is None or path[0] == only)
    }
    out = {
        "$schema": EXPORT_ID,
        "export": EXPORT_VERSION,
        "generator": f"briefing {__version__}",
        "only": only,
        "briefing": data,
        "interception_rates": rates,
    }
    if since is not None:
        out["changes"] = since.data
    return out


_UNSAFE = re.compile(r"[^\x00-\x7e]")


def _escape_unsafe(match: re.Match[str]) -> str:
    char = match.group()
    if is_safe(char):
        return char
    # Outside the BMP a \u escape needs a surrogate pair; json does that.
    return json.dumps(char)[1:-1] if ord(char) > 0xFFFF else f"\\u{ord(char):04x}"


def render_json(briefing: Briefing, only: str | None = None, since: Since | None = None) -> str:
    text = json.dumps(export_data(briefing, only, since), indent=2, ensure_ascii=False)
    # Structure is printable ASCII, so DEL or any non-ASCII character is inside a string.
    return _UNSAFE.sub(_escape_unsafe, text) + "\n"


def figure_schema() -> dict[str, Any]:
    kinds = [kind.value for kind in FigureKind]
    return {
        "title": "Figure",
        "description": (
            "A figure as reported: exact (value is the number), approximate (value is the "
            "number the source qualified, text its words, bound where the truth lies: "
            "below, around or above the value) or not reported (value is null, never 0)."
        ),
        "type": "object",
        "properties": {
            "kind": {"enum": kinds},
            "value": {"type": ["integer", "null"], "minimum": 0},
            "text": {"type": "string"},
            "bound": {"enum": ["exact", "below", "around", "above"]},
        },
        "required": ["kind", "value", "text", "bound"],
        "additionalProperties": False,
        "if": {"properties": {"kind": {"const": "not reported"}}},
        "then": {"properties": {"value": {"type": "null"}}},
        "else": {"properties": {"value": {"type": "integer"}}},
    }


def build_export_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``briefing export --to json``."""
    defs = copy.deepcopy(build_schema()["$defs"])
    for name, definition in defs.items():
        properties = definition.get("properties", {})
        for prop in properties.values():
            prop.pop("default", None)  # an export writes every field
        if name != "Briefing" and properties:
            definition["required"] = list(properties)
    defs["Figure"] = figure_schema()
    defs.update(copy.deepcopy(CHANGE_DEFS))
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": EXPORT_ID,
        "title": f"Briefing export (version {EXPORT_VERSION})",
        "description": (
            "A briefing as written by `briefing export --to json`: the briefing's fields "
            "as data, figures as {kind, value, text, bound}."
        ),
        "type": "object",
        "properties": {
            "$schema": {"const": EXPORT_ID},
            "export": {"const": EXPORT_VERSION},
            "generator": {"type": "string"},
            "only": {"enum": [None, *SECTIONS]},
            "briefing": {"$ref": "#/$defs/Briefing"},
            "interception_rates": {
                "description": "Per weapon count id: intercepted / launched, only when both are exact; else null.",
                "type": "object",
                "additionalProperties": {"type": ["number", "null"], "minimum": 0},
            },
            "changes": CHANGES_SCHEMA,
        },
        "required": ["$schema", "export", "generator", "only", "briefing", "interception_rates"],
        "additionalProperties": False,
        "$defs": defs,
    }


def export_schema_text() -> str:
    return json.dumps(build_export_schema(), indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "EXPORT_ID",
    "build_export_schema",
    "export_data",
    "export_schema_text",
    "render_json",
]
