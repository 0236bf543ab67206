"""The loader: YAML safety, and a FILE:LINE:COL message for every broken file."""

from __future__ import annotations

import pytest

from briefing.loading import BriefingError, load_bytes, load_path

from .conftest import MINIMAL

M = MINIMAL
UA = "delegations:\n  - id: ua\n    side: Ukraine\n    role: party\n"

BROKEN = [
    (
        "syntax",
        "schema: 1\nmeta:\n  title: [unclosed\n",
        "b.yaml:3:19: did not find expected ',' or ']' (while parsing a flow sequence on line 3)",
    ),
    (
        "tab",
        "schema: 1\nmeta:\n\ttitle: T\n",
        "b.yaml:3:1: a tab character here; YAML indentation must use spaces",
    ),
    (
        "unknown top key",
        M + "quotse: []\n",
        "b.yaml:4:1: top level: unknown key 'quotse'; did you mean 'quotes'?",
    ),
    (
        "unknown nested key",
        "schema: 1\nmeta:\n  titel: T\n",
        "b.yaml:3:3: meta: unknown key 'titel'; did you mean 'title'?",
    ),
    (
        "missing title",
        "schema: 1\nmeta:\n  place: Geneva\n",
        "b.yaml:3:3: meta: missing required key 'title'",
    ),
    ("missing schema", "meta:\n  title: T\n", "b.yaml:1:1: missing 'schema: 1' at the top of the file"),
    (
        "schema 2",
        "schema: 2\nmeta:\n  title: T\n",
        "b.yaml:1:9: unsupported schema version 2; this version of briefing reads 'schema: 1'",
    ),
    (
        "wrong type",
        M + "quotes:\n  - id: q1\n    speaker: 12\n    text: hi\n",
        "b.yaml:6:14: quotes[0].speaker: expected text, got a whole number",
    ),
    (
        "unknown speaker",
        M + UA + "quotes:\n  - id: q1\n    speaker: putin\n    text: hi\n",
        "b.yaml:10:14: quotes[0].speaker: speaker 'putin' is not a person or delegation "
        "in this briefing (known ids: ua)",
    ),
    (
        "duplicate key",
        "schema: 1\nmeta:\n  title: T\n  title: U\n",
        "b.yaml:4:3: duplicate key 'title' (first defined on line 3)",
    ),
    (
        "duplicate id",
        M + UA + "  - id: ua\n    side: Russia\n    role: party\n",
        "b.yaml:8:9: delegations[1].id: id 'ua' is already used by delegation at delegations[0]",
    ),
    (
        "intercepted > launched",
        M + "strikes:\n  period: p\n  counts:\n    - id: m\n      weapon: Missiles\n"
        "      launched: 10\n      intercepted: 12\n",
        "b.yaml:10:20: strikes.counts[0].intercepted: intercepted (12) is more than launched (10)",
    ),
    (
        "approximate bound",
        M + "strikes:\n  period: p\n  counts:\n    - id: d\n      weapon: Drones\n"
        "      launched: nearly 400\n      intercepted: 450\n",
        "b.yaml:10:20: strikes.counts[0].intercepted: intercepted (450) is more than launched (nearly 400)",
    ),
    (
        "unreadable figure",
        M + "strikes:\n  period: p\n  counts:\n    - id: m\n      weapon: Missiles\n      launched: lots\n",
        "b.yaml:9:17: strikes.counts[0].launched: cannot read 'lots' as a figure: write a number "
        "(29), an approximate figure ('nearly 400', 'about 50', '100+') or 'not reported'",
    ),
    (
        "bad status",
        M + "agenda:\n  - id: a\n    title: x\n    status: done\n",
        "b.yaml:7:13: agenda[0].status: 'done' is not one of: proposed, on-agenda, "
        "in-progress, agreed, stalled, dropped, unknown",
    ),
    (
        "bad id",
        M + "agenda:\n  - id: a b\n    title: x\n",
        "b.yaml:5:9: agenda[0].id: 'a b' is not a valid id; use letters, digits, '-', '_' or "
        "'.' (at most 64 characters, no spaces)",
    ),
    (
        "empty file",
        "",
        "b.yaml:1:1: the file is empty; a briefing starts with 'schema: 1' and a 'meta:' section",
    ),
    (
        "comments only",
        "# nothing\n",
        "b.yaml:1:1: the file is empty; a briefing starts with 'schema: 1' and a 'meta:' section",
    ),
    (
        "list at top",
        "- a\n- b\n",
        "b.yaml:1:1: the top level must be a mapping with 'schema: 1', 'meta:', 'delegations:' "
        "and so on, not a list",
    ),
    (
        "python tag",
        "schema: 1\nmeta: !!python/object/apply:os.system [ls]\n",
        "b.yaml:2:7: tag !!python/object/apply:os.system is not allowed; briefings use plain YAML values only",
    ),
    (
        "two documents",
        M + "---\n" + M,
        "b.yaml:4:1: a briefing file holds one YAML document; found a second '---'",
    ),
    ("empty title", "schema: 1\nmeta:\n  title: ''\n", "b.yaml:3:10: meta.title: must not be empty"),
    (
        "lead not a member",
        M + UA + "    lead: bob\n",
        "b.yaml:8:11: delegations[0].lead: lead 'bob' is not a member of this delegation",
    ),
    (
        "one of several leads not a member",
        M + UA + "    lead: [p, bob]\n    members:\n      - id: p\n        name: P\n",
        "b.yaml:8:15: delegations[0].lead[1]: lead 'bob' is not a member of this delegation",
    ),
    (
        "quote with no one's words",
        M + "quotes:\n  - id: q\n    text: very tense\n",
        "b.yaml:5:5: quotes[0]: a quote needs a speaker (the id of who said it) or, for reported "
        "speech, reported_by (who reported it, e.g. Russian media)",
    ),
    (
        "citing with no reporter",
        M + UA + "quotes:\n  - id: q\n    speaker: ua\n    citing: sources\n    text: T\n",
        "b.yaml:11:13: quotes[0].citing: citing needs reported_by: who reported the words, citing them",
    ),
    (
        "yes is not a boolean",
        M + UA + "    members:\n      - id: p\n        name: P\n        attending: yes\n",
        "b.yaml:11:20: delegations[0].members[0].attending: expected true or false, got text "
        "('yes'); write true or false",
    ),
    (
        "invalid utf-8",
        b"schema: 1\nmeta:\n  title: \xff\xfe\n",
        "b.yaml:3:10: byte 0xff is not valid UTF-8; save the file as UTF-8",
    ),
    (
        "self alias",
        "schema: 1\nmeta: &m\n  title: *m\n",
        "b.yaml:3:10: alias *m refers to a node that contains it",
    ),
]


@pytest.mark.parametrize(("text", "message"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_file_message(write, text, message):
    path = write(text)
    with pytest.raises(BriefingError) as info:
        load_path(path, display="b.yaml")
    assert str(info.value.problems[0]) == message


def test_all_cross_field_problems_are_reported_together(write):
    text = (
        M + UA + "quotes:\n  - id: q1\n    speaker: x\n    text: a\n  - id: q1\n    speaker: y\n    text: b\n"
    )
    with pytest.raises(BriefingError) as info:
        load_path(write(text), display="b.yaml")
    lines = [str(p) for p in info.value.problems]
    assert len(lines) == 3
    assert lines[0].startswith("b.yaml:10:14: quotes[0].speaker:")
    assert lines[1].startswith("b.yaml:12:9: quotes[1].id: id 'q1' is already used")


def test_yaml_11_surprises_stay_text(write):
    text = (
        M
        + "  place: no\n  status: on\n  updated: 2024-02-17\n"
        + "  days:\n    - label: 1:30\n    - label: yes\n"
    )
    meta = load_path(write(text)).meta
    assert meta.place == "no" and meta.status == "on"
    assert meta.updated == "2024-02-17"
    assert [d.label for d in meta.days] == ["1:30", "yes"]


def test_bom_and_crlf_are_accepted():
    data = b"\xef\xbb\xbf" + M.replace("\n", "\r\n").encode()
    assert load_bytes(data, "b.yaml").meta.title == "Minimal"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(BriefingError) as info:
        load_path(tmp_path / "nope.yaml", display="nope.yaml")
    assert str(info.value.problems[0]) == "nope.yaml: no such file"
    with pytest.raises(BriefingError) as info:
        load_path(tmp_path, display="dir")
    assert str(info.value.problems[0]) == "dir: is a folder, not a briefing file"


def test_alias_bomb_is_refused_quickly(write):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    with pytest.raises(BriefingError) as info:
        load_path(write("\n".join(lines) + "\n"), display="b.yaml")
    assert "aliases expand to too much data" in str(info.value)


@pytest.mark.parametrize(
    ("depth", "message"),
    [
        (100, "b.yaml:2:70: nesting is deeper than 64 levels"),
        # libyaml stops at 1,000 levels itself, before we see the events.
        (5000, "b.yaml:2:1006: exceeded maximum nesting depth (while increasing flow level on line 2)"),
    ],
)
def test_deep_nesting_is_an_error_not_a_crash(write, depth, message):
    text = "schema: 1\nmeta: " + "[" * depth + "]" * depth + "\n"
    with pytest.raises(BriefingError) as info:
        load_path(write(text), display="b.yaml")
    assert str(info.value.problems[0]) == message


def test_huge_number_is_refused(write):
    with pytest.raises(BriefingError) as info:
        load_path(write(M + "x: " + "9" * 5000 + "\n"), display="b.yaml")
    assert str(info.value.problems[0]) == "b.yaml:4:4: number is too long"


def test_problem_text_cannot_carry_escape_sequences(write):
    with pytest.raises(BriefingError) as info:
        load_path(write(M + "\x1b]0;pwned\x07: 1\n"), display="b.yaml")
    message = str(info.value.problems[0])
    assert "\x1b" not in message and "\x07" not in message


def test_reported_speech_several_leads_and_unstated_times_load(write):
    text = (
        M
        + UA
        + "    lead: [p, r]\n    members:\n      - {id: p, name: P}\n      - {id: r, name: R, attending: false}\n"
        + "quotes:\n  - id: q\n    reported_by: Russian media\n    citing: sources in the delegation\n"
        + "    text: very tense\n"
        + "timeline:\n  - id: e\n    title: Exchanges on the sidelines\n"
    )
    b = load_path(write(text))
    assert b.delegations[0].leads == ["p", "r"]
    assert [m.attending for m in b.delegations[0].members] == [None, False]  # None: not stated
    assert (b.quotes[0].speaker, b.quotes[0].reported_by) == (None, "Russian media")
    assert b.timeline[0].when is None


def test_schema_1_files_of_before_still_load(write):
    # One lead as a plain id, a speaker on every quote, a when on every event.
    text = (
        M
        + UA
        + (
            "    lead: p\n    members:\n      - {id: p, name: P, attending: true}\n"
            "quotes:\n  - {id: q, speaker: p, text: T}\ntimeline:\n  - {id: e, when: Tuesday, title: T}\n"
        )
    )
    b = load_path(write(text))
    assert (b.delegations[0].lead, b.delegations[0].leads) == ("p", ["p"])
    assert b.delegations[0].members[0].attending is True
