"""The README's format example: valid, every required key marked, no invented date.

The list of required keys is the model's (msgspec), so a field made required
or optional in ``briefing/model/structs.py`` fails here until the example
says so too.
"""

from __future__ import annotations

import re
import typing
from typing import Any

import msgspec
import pytest

from briefing.loading import load_bytes
from briefing.loading.yaml_strict import read
from briefing.model import structs as model

from .conftest import ROOT

README = ROOT / "README.md"
REQUIRED = re.compile(r"#.*\brequired\b")
STRUCTS = [
    obj
    for obj in vars(model).values()
    if isinstance(obj, type) and issubclass(obj, model._Struct) and obj is not model._Struct
]


def example() -> str:
    """The first YAML block under "## The briefing format"."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The briefing format") :]
    match = re.search(r"^```yaml\n(.*?)^```$", section, re.S | re.M)
    assert match, "the format section has a YAML example"
    return match.group(1)


def _struct_in(kind: Any) -> type[msgspec.Struct] | None:
    """The Struct a field holds, itself or in a list or an optional."""
    if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        return kind
    for arg in typing.get_args(kind):
        if (found := _struct_in(arg)) is not None:
            return found
    return None


Path = tuple[str | int, ...]


def occurrences(data: Any) -> dict[type, list[tuple[Path, dict[str, Any]]]]:
    """Every mapping of the example with the struct it stands for, in file order."""
    found: dict[type, list[tuple[Path, dict[str, Any]]]] = {}

    def walk(value: dict[str, Any], cls: type[msgspec.Struct], path: Path) -> None:
        found.setdefault(cls, []).append((path, value))
        for field in msgspec.structs.fields(cls):
            sub = _struct_in(field.type)
            if sub is None or field.encode_name not in value:
                continue
            inner = value[field.encode_name]
            if isinstance(inner, list):
                for i, item in enumerate(inner):
                    walk(item, sub, (*path, field.encode_name, i))
            else:
                walk(inner, sub, (*path, field.encode_name))

    walk(data, model.Briefing, ())
    return found


@pytest.fixture(scope="module")
def text() -> str:
    return example()


def test_the_example_is_a_valid_briefing(text):
    briefing = load_bytes(text.encode(), "README.md")
    assert briefing.meta.title


def test_every_required_key_is_marked_and_only_those(text):
    data, _ = read(text)
    found = occurrences(data)
    missing = [cls.__name__ for cls in STRUCTS if cls not in found]
    assert not missing, f"the README example shows no {missing}"
    paths = [(*path, key) for entries in found.values() for path, value in entries for key in value]
    _, marks = read(text, targets=paths)
    lines = text.splitlines()

    def line_of(path: Path) -> str:
        return lines[marks.mark(path, on_key=True).line - 1]

    for cls, entries in found.items():
        required = {f.encode_name for f in msgspec.structs.fields(cls) if f.required}
        # The first of each kind shows every required key, marked.
        path, value = entries[0]
        for key in sorted(required):
            assert key in value, f"{cls.__name__}.{key} is required; the example leaves it out"
            assert REQUIRED.search(line_of((*path, key))), f"{cls.__name__}.{key} is not marked required"
        # No optional key is ever marked required.
        for path, value in entries:
            for key in value:
                if key not in required:
                    assert not REQUIRED.search(line_of((*path, key))), f"{cls.__name__}.{key} is optional"


def test_the_example_gives_no_calendar_date(text):
    # The report it is built on names days ("Tuesday"), never a date.
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    assert not re.search(rf"\b\d{{1,2}} ({months})\b|\b({months}) \d{{1,2}}\b", text)
