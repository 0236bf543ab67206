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


FIVE = b"""schema: 1
meta:
  title: Talks
  plase: Geneva
delegations:
  - id: ua
    side: Ukraine
    role: Party
    members:
      - id: umerov
        nmae: Rustem Umerov
agenda:
  - id: security
    title: Security
    status: Dropped
strikes:
  period: p
  counts:
    - id: m
      weapon: Missiles
      launched: lots
"""


def test_every_type_problem_is_listed_in_file_order_with_suggestions():
    assert problems(FIVE) == [
        "b.yaml:4:3: meta: unknown key 'plase'; did you mean 'place'?",
        "b.yaml:8:11: delegations[0].role: 'Party' is not one of: mediator, party, ally, observer, "
        "other; did you mean 'party'?",
        "b.yaml:11:9: delegations[0].members[0]: unknown key 'nmae'; did you mean 'name'?",
        "b.yaml:15:13: agenda[0].status: 'Dropped' is not one of: proposed, on-agenda, in-progress, "
        "agreed, stalled, dropped, unknown; did you mean 'dropped'?",
        "b.yaml:21:17: strikes.counts[0].launched: cannot read 'lots' as a figure: write a number "
        "(29), an approximate figure ('nearly 400', 'about 50', '100+') or 'not reported'",
    ]


def test_a_missing_key_without_a_near_miss_is_its_own_problem():
    text = (
        HEAD + b"delegations:\n  - id: ua\n    role: party\n  - id: ru\n    side: Russia\n    role: partey\n"
    )
    assert problems(text) == [
        "b.yaml:5:5: delegations[0]: missing required key 'side'",
        "b.yaml:9:11: delegations[1].role: 'partey' is not one of: mediator, party, ally, observer, "
        "other; did you mean 'party'?",
    ]


def test_type_problems_stop_at_the_limit():
    from briefing.loading.loader import MAX_PROBLEMS

    items = "".join(f"  - id: a{i}\n    title: T\n    status: nope\n" for i in range(150))
    listed = problems(HEAD + b"agenda:\n" + items.encode())
    assert len(listed) == MAX_PROBLEMS + 1
    assert listed[-1] == "b.yaml: stopped after 100 problems; fix these and check again"


MIXED = b"""schema: 1
meta:
  title: Talks
delegations:
  - id: ua
    side: Ukraine
    role: party
    members:
      - id: umerov
        nmae: Rustem Umerov
      - id: zel
        name: Z
quotes:
  - id: q1
    speaker: umerov
    text: hi
  - id: q2
    speaker: ghost
    text: hello
  - id: q3
    speaker: zel
    text: again
    when: [1, 2]
"""


def test_checks_between_fields_are_listed_with_the_type_problems():
    assert problems(MIXED) == [
        "b.yaml:10:9: delegations[0].members[0]: unknown key 'nmae'; did you mean 'name'?",
        "b.yaml:18:14: quotes[1].speaker: speaker 'ghost' is not a person or delegation in this "
        "briefing (known ids: ua, zel)",
        "b.yaml:23:11: quotes[2].when: expected text, got a list",
    ]


def test_a_reference_to_an_item_with_a_type_problem_is_not_reported_as_unknown():
    # umerov's entry has a type problem; quotes[0] speaks for him and is fine.
    listed = problems(MIXED)
    assert not any("'umerov' is not a person" in line for line in listed)


def test_a_broken_meta_does_not_hide_the_checks_between_fields():
    # No check looks into meta: a misspelt key there once silenced them all.
    text = MIXED.replace(b"  title: Talks\n", b"  titel: Talks\n")
    listed = problems(text)
    assert listed[0] == "b.yaml:3:3: meta: unknown key 'titel'; did you mean 'title'?"
    assert any("speaker 'ghost' is not a person or delegation" in line for line in listed)
