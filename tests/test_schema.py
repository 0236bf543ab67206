"""`briefing schema`: the JSON Schema for editors, and its committed copy."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import msgspec
import pytest

from briefing.loading.yaml_strict import read
from briefing.model import Figure
from briefing.model import structs as model
from briefing.output.schema import build_schema, field_docs, figure_pattern, schema_text

from .conftest import DEFAULT, MINIMAL, ROOT

COMMITTED = ROOT / "schema" / "briefing.schema.json"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_committed_schema_is_current():
    """Regenerate with: briefing schema > schema/briefing.schema.json"""
    result = run("-m", "briefing", "schema")
    assert result.returncode == 0, result.stderr
    assert result.stdout == COMMITTED.read_text(encoding="utf-8")
    assert result.stdout == schema_text()


def test_schema_command_does_not_import_textual():
    result = run("-X", "importtime", "-m", "briefing", "schema")
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines()]
    assert "briefing.output.schema" in imported
    assert not [m for m in imported if m.split(".")[0] in ("textual", "rich")]


def test_top_level_keys():
    schema = build_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] and schema["description"]
    assert schema["$ref"] == "#/$defs/Briefing"


def test_bundled_briefing_points_editors_at_the_schema():
    first = DEFAULT.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/briefing.schema.json"
    assert (DEFAULT.parent / "../schema/briefing.schema.json").resolve() == COMMITTED.resolve()


def test_every_field_and_struct_is_described():
    defs = build_schema()["$defs"]
    structs = [
        obj
        for obj in vars(model).values()
        if isinstance(obj, type) and issubclass(obj, model._Struct) and obj is not model._Struct
    ]
    assert len(structs) == 13
    for struct in structs:
        entry = defs[struct.__name__]
        assert entry["description"] == struct.__doc__, struct.__name__
        assert entry["additionalProperties"] is False
        for field in msgspec.structs.fields(struct):
            prop = entry["properties"][field.name]
            assert prop.get("description"), f"{struct.__name__}.{field.name}"


def test_field_docstrings_become_descriptions():
    docs = field_docs()
    assert docs["Quote"]["text"] == "The words exactly as the source reports them."
    quote = build_schema()["$defs"]["Quote"]["properties"]
    assert quote["text"]["description"] == docs["Quote"]["text"]
    # The field's own words replace the Id type's generic description.
    assert quote["speaker"]["description"].startswith("Id of the person or delegation quoted;")
    assert quote["id"]["description"] == "Unique in the file."
    assert quote["id"]["pattern"] == "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"


def test_figure_is_number_words_or_null():
    schema = build_schema()
    figure = schema["$defs"]["Figure"]
    kinds = [option["type"] for option in figure["oneOf"]]
    assert kinds == ["integer", "string", "null"]
    assert figure["oneOf"][0]["minimum"] == 0
    launched = schema["$defs"]["WeaponCount"]["properties"]["launched"]
    assert launched["$ref"] == "#/$defs/Figure"
    assert launched["default"] is None  # not reported, never 0


FIGURE_STRINGS = [
    "29",
    " 29 ",
    "1,234",
    "12,34",
    "1234,567",
    "400+",
    "400 +",
    "+400",
    "-5",
    "nearly 400",
    "Nearly 400",
    "NEARLY 400",
    "nearly400",
    "nearly  400",
    "nearly 400+",
    "up to 5",
    "Up\tTo 5",
    "upto 5",
    "an estimated 10",
    "more than 1,000",
    "~50",
    "~ 50",
    "at least 3",
    "some 7",
    "over 9",
    "roughly",
    "nearly four hundred",
    "about -5",
    "not reported",
    "Not Reported",
    "not  reported",
    "unknown",
    "N/A",
    "n / a",
    "none",
    "",
    " ",
    "0",
    "0+",
    "1" * 15,
    "1" * 16,
    "about 1,000,000",
    "about 1,0000",
    "29.5",
]


@pytest.mark.parametrize("text", FIGURE_STRINGS)
def test_figure_pattern_agrees_with_the_parser(text):
    try:
        Figure.parse(text)
        accepted = True
    except ValueError:
        accepted = False
    assert (re.search(figure_pattern(), text) is not None) == accepted


def test_patterns_are_valid_javascript_unicode_regexes():
    """The YAML language server compiles patterns with JavaScript's "u" flag,
    which rejects escapes Python accepts (such as \\~)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("needs node to compile the patterns as JavaScript")
    patterns = re.findall(r'"pattern": (".*?[^\\]")', schema_text())
    assert patterns
    script = (
        "const ps = JSON.parse(process.argv[1]);"
        "for (const p of ps) new RegExp(JSON.parse(p), 'u');"
        "console.log(ps.length);"
    )
    result = subprocess.run(
        [node, "-e", script, json.dumps(patterns)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(len(patterns))


# --- validation with jsonschema, when it is installed (not a dependency) -----


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def data(text: str):
    """YAML as the briefing loader reads it (YAML 1.2 core: dates stay text)."""
    return read(text)[0]


def test_bundled_briefing_is_valid(validator):
    errors = list(validator.iter_errors(data(DEFAULT.read_text(encoding="utf-8"))))
    assert errors == []


def test_markup_briefing_is_valid(validator):
    text = (ROOT / "tests" / "briefings" / "markup.yaml").read_text(encoding="utf-8")
    assert list(validator.iter_errors(data(text))) == []


@pytest.mark.parametrize(
    "extra",
    [
        "  titel: x\n",  # unknown key
        "delegations: [{id: a, side: A, role: enemy}]\n",  # not a role
        "agenda: [{id: 'has space', title: T}]\n",  # not an id
        "strikes: {period: P, counts: [{id: w, weapon: W, launched: lots}]}\n",
        "strikes: {period: P, counts: [{id: w, weapon: W, launched: -1}]}\n",
        "delegations: [{id: a, side: A, role: party, members: [{id: p, name: P, attending: 'no'}]}]\n",
        "quotes: [{id: q, text: T}]\n",  # whose words? neither a speaker nor who reported them
        "quotes: [{id: q, speaker: null, text: T}]\n",
        "delegations: [{id: a, side: A, role: party}]\nquotes: [{id: q, speaker: a, citing: S, text: T}]\n",
    ],
)
def test_schema_rejects_what_the_loader_rejects(validator, write, extra):
    from briefing.loading import BriefingError, load_path

    text = MINIMAL + extra
    with pytest.raises(BriefingError):
        load_path(write(text))
    assert list(validator.iter_errors(data(text)))


def test_schema_accepts_every_figure_form(validator):
    text = MINIMAL + (
        "strikes:\n  period: P\n  counts:\n"
        "    - {id: a, weapon: A, launched: 29, intercepted: 0}\n"
        "    - {id: b, weapon: B, launched: nearly 400, intercepted: not reported}\n"
        "    - {id: c, weapon: C, launched: 100+, intercepted: null}\n"
        "    - {id: d, weapon: D}\n"
    )
    assert list(validator.iter_errors(data(text))) == []


def test_schema_accepts_reported_speech_and_several_leads(validator, write):
    from briefing.loading import load_path

    text = MINIMAL + (
        "delegations:\n  - id: a\n    side: A\n    role: mediator\n    lead: [p, r]\n"
        "    members: [{id: p, name: P}, {id: r, name: R}]\n"
        "quotes:\n  - {id: q, reported_by: Media, citing: sources, text: T}\n"
        "  - {id: s, speaker: p, reported_by: Media, text: U}\n"
        "timeline:\n  - {id: e, title: No time given}\n"
    )
    load_path(write(text))
    assert list(validator.iter_errors(data(text))) == []
