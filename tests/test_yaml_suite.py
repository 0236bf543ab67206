"""The reader against the YAML project's own conformance suite.

Every case of ``../shared/yaml-test-suite`` goes through the briefing
reader: no invalid case may be read as data, and each valid case is either
read as the suite's ``in.json`` says or refused with a message that names a
feature briefings do not take. The counts are in the README.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from briefing.loading import BriefingError, load_bytes
from briefing.loading.problems import YamlProblem
from briefing.loading.yaml_strict import read

from .conftest import ROOT

SUITE = ROOT.parent / "shared" / "yaml-test-suite"

pytestmark = pytest.mark.skipif(
    not SUITE.exists(), reason="needs ../shared/yaml-test-suite beside the checkout"
)

FEATURES = re.compile(
    "|".join(
        [
            r"^tag \S+ is not allowed",
            r"^merge keys",
            r"^a briefing file holds one YAML document",
            r"^anchor or alias \S+ is not supported",
            r"^mapping keys must be plain text",
            r"^complex mapping keys",
            r"empty keys are not supported$",
            r"^duplicate key",
            r"^aliases expand to too much data",
            r"^nesting is deeper than",
        ]
    )
)
"""The refusals that name a feature a briefing does not take."""


def _cases() -> list[tuple[str, Path]]:
    if not SUITE.exists():
        return []
    found = []
    for folder in sorted(SUITE.iterdir()):
        if (folder / "in.yaml").exists():
            found.append((folder.name, folder))
        elif folder.is_dir():
            found += [
                (f"{folder.name}-{sub.name}", sub)
                for sub in sorted(folder.iterdir())
                if (sub / "in.yaml").exists()
            ]
    return found


def _json_documents(text: str) -> list[Any]:
    decoder, index, documents = json.JSONDecoder(), 0, []
    text = text.strip()
    while index < len(text):
        document, index = decoder.raw_decode(text, index)
        documents.append(document)
        while index < len(text) and text[index].isspace():
            index += 1
    return documents


def _comparable(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    return value


def _outcome(folder: Path) -> tuple[str, str]:
    """("parsed", "") / ("refused", message) / ("wrong", details)."""
    text = (folder / "in.yaml").read_bytes().decode("utf-8")
    try:
        data, _ = read(text)
    except YamlProblem as problem:
        return "refused", problem.message
    expected = folder / "in.json"
    if (folder / "error").exists() or not expected.exists():
        return "parsed", ""
    documents = _json_documents(expected.read_text(encoding="utf-8"))
    wanted = documents[0] if documents else None
    if _comparable(data) != _comparable(wanted):
        return "wrong", f"read {data!r:.80}, the suite says {wanted!r:.80}"
    return "parsed", ""


CASES = _cases()


def test_the_suite_is_there_and_whole():
    assert len(CASES) > 300


@pytest.mark.parametrize(("name", "folder"), CASES, ids=[name for name, _ in CASES])
def test_case(name: str, folder: Path):
    outcome, detail = _outcome(folder)
    if (folder / "error").exists():
        assert outcome == "refused", f"{name}: invalid YAML was read as data"
    elif outcome == "refused":
        assert FEATURES.search(detail), f"{name}: valid YAML refused without naming a feature: {detail}"
    else:
        assert outcome == "parsed", f"{name}: {detail}"


def test_counts_in_the_readme():
    """The README gives today's counts; they change only on purpose."""
    valid_read = valid_refused = invalid = 0
    for _, folder in CASES:
        outcome, _ = _outcome(folder)
        if (folder / "error").exists():
            invalid += 1
        elif outcome == "refused":
            valid_refused += 1
        else:
            valid_read += 1
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sentence = (
        f"all {invalid} invalid cases are refused; of the {valid_read + valid_refused} valid ones, "
        f"{valid_read} are read exactly as the suite says and {valid_refused} are refused"
    )
    assert sentence in " ".join(readme.split())


# The cases the issue named, inside an otherwise good briefing.
LAX = [
    (
        'meta:\n  title: "Talks"#, no joint statement\n',
        "b.yaml:3:17: comments must be separated from other tokens by whitespace",
    ),
]


@pytest.mark.parametrize(("body", "message"), LAX)
def test_text_libyaml_would_drop_is_an_error(body: str, message: str):
    with pytest.raises(BriefingError) as info:
        load_bytes(("schema: 1\n" + body).encode(), "b.yaml")
    assert str(info.value.problems[0]) == message


def test_valid_yaml_libyaml_refuses_is_read():
    # A tab after "- " separates, it does not indent (libyaml refuses it).
    assert read("aka:\n- \tKyiv\n")[0] == {"aka": ["Kyiv"]}
    text = 'schema: 1\nmeta:\n  title: "Talks \\uD83D\\uDE00"\n'
    assert load_bytes(text.encode(), "b.yaml").meta.title == "Talks \U0001f600"
