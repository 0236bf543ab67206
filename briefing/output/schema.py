"""The JSON Schema of the briefing format, for editors and validators.

``briefing schema`` prints it; ``schema/briefing.schema.json`` is a committed
copy (a test keeps the two equal). The YAML language server in VS Code,
Neovim or Helix uses it for completion, hover text and validation while a
briefing is edited. The loader stays the authority: the schema cannot
express the cross-field checks (unique ids, references, intercepted not
above launched), which ``briefing check`` reports.

msgspec generates the schema from the model, with two things added here:

* ``Figure`` is a custom type, described by :func:`figure_schema`: a whole
  number >= 0, an approximate figure ("nearly 400", "100+") or "not
  reported", or null. Its string pattern is built from the same qualifier
  list the parser uses, so the two cannot disagree.
* Field descriptions. msgspec reads a struct's class docstring but ignores
  the docstrings written under fields; those are read here from the model's
  source (with ``ast``) so the model stays plain, readable classes and its
  documentation lives in one place.

No UI imports.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import types
import typing
from typing import Annotated, Any

import msgspec

from briefing.model import structs as model
from briefing.model.figures import _QUALIFIERS, NOT_REPORTED_WORDS, Figure
from briefing.model.struct_fields import fields_of

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# An identifier, not a download location: the project has no published home
# yet, and editors find the file through the modeline or their settings.
SCHEMA_ID = f"urn:briefing:schema:{model.SCHEMA_VERSION}"
MAX_FIGURE = 10**15 - 1  # Figure.parse rejects anything larger


def _any_case(word: str) -> str:
    """A pattern for ``word`` in any letter case, spaces as runs of whitespace.

    JSON Schema patterns are ECMA-262 regexes, which have no portable
    case-insensitive flag, so each letter gets a class like ``[Nn]``.
    """
    out = []
    for part in re.split(r"(\s+)", word):
        if part.isspace():
            out.append(r"\s+")
            continue
        out.append("".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else _escape(c) for c in part))
    return "".join(out)


def _escape(char: str) -> str:
    # Only syntax characters may be escaped: with the "u" flag (which ajv,
    # behind the YAML language server, uses) "\~" is a syntax error.
    return "\\" + char if char in _SYNTAX else char


_SYNTAX = set("^$\\.*+?()[]{}|/")


def figure_pattern() -> str:
    """The strings :meth:`Figure.parse` accepts, as one anchored regex."""
    number = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,15})"
    qualifiers = "|".join(_any_case(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
    missing = "|".join(_any_case(w) for w in NOT_REPORTED_WORDS)
    return rf"^\s*(?:{number}\s*\+?|(?:{qualifiers})\s*{number}\s*\+?|{missing})\s*$"


def figure_schema() -> dict[str, Any]:
    return {
        "description": (
            "A reported figure: a whole number (29), an approximate figure in "
            "the source's words ('nearly 400', 'about 50', 'more than 10', "
            "'100+'), or 'not reported' / null when the source does not give "
            "it. Never write 0 for a figure that was not reported."
        ),
        "oneOf": [
            {"type": "integer", "minimum": 0, "maximum": MAX_FIGURE},
            {"type": "string", "pattern": figure_pattern()},
            {"type": "null"},
        ],
        "examples": [29, "nearly 400", "about 50", "100+", "not reported"],
    }


def _schema_hook(kind: type) -> dict[str, Any]:
    if kind is Figure:
        # Described once under $defs (see build_schema) and referred to.
        return {"$ref": "#/$defs/Figure"}
    raise NotImplementedError(kind)


# msgspec writes each field's default into the schema by encoding it, and it
# cannot encode a Figure (its encoder takes no hook there). So the schema is
# generated from stand-in structs that are the model's structs field for
# field, except that a Figure default is written the way a briefing spells it
# (Figure.to_yaml: not reported -> null).


def _stand_in_type(kind: Any, made: dict[type, type]) -> Any:
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        return _stand_in(kind, made)
    if origin is Annotated:
        # Types built at run time: mypy cannot follow them, Python can.
        return Annotated[(_stand_in_type(kind.__origin__, made), *kind.__metadata__)]
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_stand_in_type(a, made) for a in typing.get_args(kind))]  # noqa: UP007 - built at run time
    if origin is list:
        return list[_stand_in_type(typing.get_args(kind)[0], made)]  # type: ignore[misc]
    return kind


def _stand_in(cls: type[msgspec.Struct], made: dict[type, type]) -> type:
    if cls in made:
        return made[cls]
    fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
    for f in fields_of(cls):
        kind = _stand_in_type(f.type, made)
        if f.default is not msgspec.NODEFAULT:
            default = f.default.to_yaml() if isinstance(f.default, Figure) else f.default
            fields.append((f.name, kind, default))
        elif f.default_factory is not msgspec.NODEFAULT:
            fields.append((f.name, kind, msgspec.field(default_factory=f.default_factory)))
        else:
            fields.append((f.name, kind))
    config = cls.__struct_config__
    # Copy everything that shows in a schema: names, unknown-field policy,
    # layout and tags.
    made[cls] = msgspec.defstruct(
        cls.__name__,
        fields,
        kw_only=True,
        frozen=True,
        forbid_unknown_fields=config.forbid_unknown_fields,
        array_like=config.array_like,
        tag=config.tag,
        tag_field=config.tag_field,
        rename={f.name: f.encode_name for f in fields_of(cls)},
        namespace={"__doc__": cls.__doc__},
    )
    return made[cls]


def field_docs() -> dict[str, dict[str, str]]:
    """``{class name: {field: docstring}}`` from the model's source."""
    try:
        source = inspect.getsource(model)
    except (OSError, TypeError):  # pragma: no cover - only without .py files
        return {}
    docs: dict[str, dict[str, str]] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields: dict[str, str] = {}
        body = node.body
        for stmt, after in zip(body, body[1:], strict=False):
            if (
                isinstance(stmt, ast.AnnAssign)
                and isinstance(stmt.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                fields[stmt.target.id] = inspect.cleandoc(after.value.value)
        docs[node.name] = fields
    return docs


_REPORTED = ("speaker", "reported_by", "citing")


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a briefing file, as a dict."""
    generated = msgspec.json.schema(_stand_in(model.Briefing, {}), schema_hook=_schema_hook)
    defs = generated["$defs"]
    defs["Figure"] = {"title": "Figure", **figure_schema()}
    # The one rule between fields a schema can say: words with no speaker,
    # or that cite someone, say who reported them (model/checks.py too).
    given = {name: {"required": [name], "properties": {name: {"type": "string"}}} for name in _REPORTED}
    defs["Quote"]["anyOf"] = [given["speaker"], given["reported_by"]]
    defs["Quote"]["if"] = given["citing"]
    defs["Quote"]["then"] = given["reported_by"]
    for name, fields in field_docs().items():
        properties = defs.get(name, {}).get("properties", {})
        for field, doc in fields.items():
            if field in properties:
                # A field's own words beat the generic ones of its type
                # (e.g. the Id type's "A short identifier...").
                properties[field]["description"] = doc
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": f"Briefing (schema {model.SCHEMA_VERSION})",
        "description": (
            "A meeting briefing for the `briefing` terminal dashboard, written "
            "in YAML. Run `briefing check FILE` for the checks a schema cannot "
            "express (unique ids, references between items)."
        ),
        **generated,
    }


def schema_text() -> str:
    """The schema as printed by ``briefing schema`` (stable, ends in a newline)."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


__all__ = ["build_schema", "field_docs", "figure_pattern", "figure_schema", "schema_text"]
