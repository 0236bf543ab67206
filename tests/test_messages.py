"""Positions always inside the file; characters nobody can see are named."""

from __future__ import annotations

import pytest

from briefing.loading import BriefingError, load_bytes
from briefing.loading.problems import Mark, inside
from briefing.model.text import hidden_characters

HEAD = b"schema: 1\nmeta:\n  title: T\n"


def problems(data: bytes) -> list[str]:
    with pytest.raises(BriefingError) as caught:
        load_bytes(data, "b.yaml")
    return [str(p) for p in caught.value.problems]


def line_count(data: bytes) -> int:
    return len(data.decode().splitlines())


@pytest.mark.parametrize(
    "tail",
    [b"quotes: [", b"quotes: {", b"quotes:\n  - id: 'x", b'meta2: "open', b"quotes: [a, b"],
)
def test_a_problem_at_the_end_of_a_file_without_a_final_newline_stays_on_its_last_line(tail):
    data = HEAD + tail
    (first,) = problems(data)
    _, line, column, _ = first.split(":", 3)
    last = data.decode().splitlines()[-1]
    assert int(line) == line_count(data)
    assert 1 <= int(column) <= len(last) + 1
    assert f"on line {line_count(data) + 1}" not in first


def test_inside_keeps_marks_that_are_already_inside():
    text = "a: 1\nb: 2\n"
    assert inside(text, Mark(2, 3)) == Mark(2, 3)
    assert inside(text, Mark(3, 1)) == Mark(2, 5)
    assert inside("a: 1", Mark(2, 1)) == Mark(1, 5)
    assert inside("", Mark(2, 1)) == Mark(1, 1)


def test_a_key_with_an_escaped_newline_is_reported_at_its_own_line_with_a_suggestion():
    (first,) = problems(HEAD + b'  "pla\\nce": Geneva\n')
    assert first.startswith("b.yaml:4:3: meta: unknown key 'pla\\nce'")
    assert "U+000A LINE FEED" in first
    assert "did you mean 'place'?" in first
    assert "Object contains" not in first


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u00a0", "U+00A0 NO-BREAK SPACE"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\ufeff", "U+FEFF BYTE ORDER MARK"),
        ("\u2009", "U+2009 THIN SPACE"),
    ],
)
def test_an_invisible_character_in_a_key_is_named(char, name):
    (first,) = problems(HEAD + f"  {char}place: Geneva\n".encode())
    assert name in first
    assert first.startswith("b.yaml:4:")


def test_hidden_characters_names_only_what_cannot_be_seen():
    assert hidden_characters("place") == ""
    assert hidden_characters("café Straße 東京 😀") == ""
    assert hidden_characters("a\tb") == ""
    assert hidden_characters("a\u00a0b\u00a0c") == "U+00A0 NO-BREAK SPACE"
    many = hidden_characters("\u200b\u200c\u2060\u00a0\u2009")
    assert many.endswith(" and 2 more")
