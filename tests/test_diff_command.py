"""``briefing diff OLD NEW``: a semantic diff, matched by id, with diff's exit codes."""

from __future__ import annotations

import json

import pytest

from briefing.cli import main
from briefing.diff.changes import diff
from briefing.diff.fields import field_changes, word_diff
from briefing.loading import load_path
from briefing.output.diff_report import render_text

from .conftest import DEFAULT, MINIMAL

GENEVA = DEFAULT.read_text(encoding="utf-8")


def edited(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_same_file_is_no_change(write, capsys):
    old = write(GENEVA, "old.yaml")
    assert run(capsys, str(old), str(old)) == (0, f"{old} → {old}: no changes\n", "")


def test_reordered_items_and_comments_and_quoting_are_no_change(write, capsys):
    old = write(GENEVA, "old.yaml")
    agenda_start = GENEVA.index("  - id: territories")
    wider = GENEVA.index("  - id: wider-agenda")
    security = GENEVA.index("  - id: security\n")
    # Swap the first two agenda items, add comments, quote a plain title.
    swapped = GENEVA[:agenda_start] + GENEVA[wider:security] + GENEVA[agenda_start:wider] + GENEVA[security:]
    swapped = edited(
        swapped,
        ("schema: 1\n", "# round two\nschema: 1   # the format\n"),
        ("title: Security issues", "title: 'Security issues'"),
    )
    new = write(swapped, "new.yaml")
    assert load_path(new) != load_path(old)  # the lists really are in another order
    code, out, _ = run(capsys, str(old), str(new))
    assert (code, out) == (0, f"{old} → {new}: no changes\n")


def test_one_edited_quote_is_exactly_one_change_naming_its_id(write, capsys):
    old = write(GENEVA, "old.yaml")
    new = write(
        edited(GENEVA, ("We are focused on substantive work.", "We are focused on real work.")), "new.yaml"
    )
    code, out, _ = run(capsys, "--format", "json", str(old), str(new))
    assert code == 1
    report = json.loads(out)
    assert report["counts"] == {"changed": 1, "renamed": 0, "added": 0, "removed": 0}
    (change,) = report["changes"]
    assert (change["change"], change["kind"], change["id"]) == ("changed", "quote", "umerov-facebook")
    (text,) = change["fields"]
    assert text["field"] == "text"
    removed = [run for op, run in text["words"] if op == "removed"]
    added = [run for op, run in text["words"] if op == "added"]
    assert (removed, added) == (["substantive"], ["real"])
    code, out, _ = run(capsys, str(old), str(new))
    assert code == 1
    assert "● changed  quote umerov-facebook (Quote by Rustem Umerov)" in out
    assert "[-substantive-]{+real+}" in out
    assert "1 change: 1 changed" in out


def test_added_removed_and_renamed_items(write, capsys):
    old = write(GENEVA, "old.yaml")
    new_text = edited(
        GENEVA,
        ("  - id: humanitarian\n", "  - id: humanitarian-issues\n"),  # renamed only
        (
            "  - id: abu-dhabi\n",
            "  - id: next-round\n    when: Next week\n    title: Next round\n  - id: abu-dhabi\n",
        ),
    )
    # Remove a quote.
    start = new_text.index("  - id: russian-media-tense\n")
    end = new_text.index("  - id: witkoff-progress\n")
    new = write(new_text[:start] + new_text[end:], "new.yaml")
    changes = diff(load_path(old), load_path(new))
    assert [(i.kind, i.old_id, i.id) for i in changes.renamed] == [
        ("agenda", "humanitarian", "humanitarian-issues")
    ]
    assert [(i.kind, i.id) for i in changes.added] == [("event", "next-round")]
    assert [(i.kind, i.id) for i in changes.removed] == [("quote", "russian-media-tense")]
    assert changes.changed == []
    code, out, _ = run(capsys, str(old), str(new))
    assert code == 1
    assert "→ renamed  agenda humanitarian → humanitarian-issues" in out
    assert "✚ added    event next-round (Timeline: Next round)" in out
    assert "✖ removed  quote russian-media-tense (Quote by " in out
    # Grouped by section, in file order.
    assert out.index("Agenda\n") < out.index("Quotes\n") < out.index("Timeline\n")


def test_a_renamed_and_edited_item_is_removed_and_added(write):
    old = write(GENEVA, "old.yaml")
    new = write(
        edited(
            GENEVA, ("  - id: humanitarian\n    title: Humanitarian issues", "  - id: aid\n    title: Aid")
        ),
        "new.yaml",
    )
    changes = diff(load_path(old), load_path(new))
    assert ([i.id for i in changes.added], [i.id for i in changes.removed]) == (["aid"], ["humanitarian"])


def test_changed_figures_compare_as_figures(write, capsys):
    old = write(GENEVA, "old.yaml")
    new = write(
        edited(
            GENEVA,
            ("launched: nearly 400", "launched: about 410"),
            ("intercepted: not reported", "intercepted: nearly 300"),
            ("launched: 29", "launched: '29'"),  # the same figure, written otherwise
        ),
        "new.yaml",
    )
    changes = diff(load_path(old), load_path(new))
    (drones,) = changes.changed
    assert drones.id == "drones"
    fields = {c.name: c for c in field_changes(drones)}
    assert sorted(fields) == ["intercepted", "launched"]
    code, out, _ = run(capsys, "--plain", str(old), str(new))
    assert code == 1
    assert "launched: nearly 400 (approximate) → about 410 (approximate)" in out
    assert "intercepted: not reported → nearly 300 (approximate)" in out
    code, out, _ = run(capsys, "--format", "json", str(old), str(new))
    (launched,) = [f for f in json.loads(out)["changes"][0]["fields"] if f["field"] == "launched"]
    assert launched["old"] == {"kind": "approximate", "value": 400, "text": "nearly 400"}
    assert launched["new"] == {"kind": "approximate", "value": 410, "text": "about 410"}


def test_nested_fields_and_a_moved_person(write):
    old = write(GENEVA, "old.yaml")
    new_text = edited(GENEVA, ("outlet: EIN Presswire", "outlet: EIN Presswire (edited)"))
    # Move Peskov from the Russian delegation to ... the US one (a change of his delegation).
    start = new_text.index("      - id: peskov\n")
    end = new_text.index("  - id: france\n")
    peskov = new_text[start:end]
    moved = new_text[:start] + new_text[end:]
    moved = moved.replace("      - id: witkoff\n", peskov + "      - id: witkoff\n", 1)
    new = write(moved, "new.yaml")
    changes = diff(load_path(old), load_path(new))
    by_id = {i.id: i for i in changes.changed}
    assert set(by_id) == {"$meta", "peskov"}
    assert [(c.name, c.old, c.new) for c in field_changes(by_id["peskov"])] == [
        ("delegation", "russia", "us")
    ]
    (source,) = field_changes(by_id["$meta"])
    assert (source.name, source.new) == ("source.outlet", "EIN Presswire (edited)")


def test_a_broken_file_is_exit_2_with_its_position(write, capsys):
    old = write(GENEVA, "old.yaml")
    new = write("schema: 1\nmeta:\n  title: [oops\n", "new.yaml")
    code, out, err = run(capsys, str(old), str(new))
    assert code == 2 and out == ""
    assert err.startswith(f"{new}:")
    assert err.split(":")[1].isdigit() and err.split(":")[2].isdigit()


def test_usage_errors_are_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["diff", "only-one.yaml"])
    assert exc.value.code == 2


def test_text_from_the_file_is_never_sent_raw(write):
    old = write(MINIMAL, "old.yaml")
    new = write(MINIMAL.replace("title: Minimal", 'title: "Evil\\e]0;pwned\\a \\u202e"'), "new.yaml")
    changes = diff(load_path(old), load_path(new))
    for colour in (False, True):
        text = render_text(changes, "old", "new", colour=colour)
        assert "␛]0;pwned␇" in text and "<U+202E>" in text
        assert "\x07" not in text and "\u202e" not in text
        assert ("\x1b" in text) is colour  # only our own colour codes


def test_colour_only_on_a_terminal(write):
    old = write(GENEVA, "old.yaml")
    new = write(edited(GENEVA, ("We are focused", "We were focused")), "new.yaml")
    changes = diff(load_path(old), load_path(new))
    coloured = render_text(changes, "old", "new", colour=True)
    assert "\x1b[31m[-are-]\x1b[0m\x1b[32m{+were+}\x1b[0m" in coloured
    assert "\x1b" not in render_text(changes, "old", "new")


def test_word_diff_gives_both_texts_back():
    old, new = "We are  focused on\nsubstantive work", "We were focused on real\nwork today"
    runs = word_diff(old, new)
    assert "".join(t for op, t in runs if op != "added") == old
    assert "".join(t for op, t in runs if op != "removed") == new
