"""Plain, linear mode: `briefing --plain` and piped output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing import cli
from briefing.loading import load_path
from briefing.model.text import is_safe
from briefing.output.plain import cell_width, render_plain, wrap

from .conftest import DEFAULT, MINIMAL, ROOT

MARKUP = ROOT / "tests" / "briefings" / "markup.yaml"


@pytest.fixture(scope="module")
def default():
    return load_path(DEFAULT)


@pytest.fixture(scope="module")
def text(default) -> str:
    return render_plain(default)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def block(text: str, first_line: str) -> list[str]:
    """The lines of one block: from the line starting with ``first_line`` to
    the next blank line."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(first_line))
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


def run(*args: str, cwd: Path = ROOT, python: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """``python -m briefing ARGS`` with stdout and stderr piped (not a terminal)."""
    return subprocess.run(
        [sys.executable, *python, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # this checkout's briefing
    )


# --- content of the bundled briefing ----------------------------------------


def test_every_quote_verbatim_in_quotation_marks(default, text):
    flat = squash(text)
    assert default.quotes
    for quote in default.quotes:
        assert f'"{squash(quote.text)}"' in flat, quote.id


def test_quotes_name_speaker_channel_when_and_context(text):
    lines = block(text, '- "very tense"')
    # Reported speech: who reported it and whom they cite, not a side's words.
    assert lines[1:] == [
        "  Reported by: Russian media",
        "  Citing:      sources embedded within the Russian delegation",
        "  Channel:     not reported",
        "  When:        not reported",  # the report does not say when
        "  Context:     Characterising the negotiations.",
    ]
    facebook = squash("\n".join(block(text, '- "We are working on clarifying')))
    assert (
        "Speaker: Rustem Umerov (Secretary of the National Security and Defense Council; delegation: Ukraine)"
        in facebook
    )
    assert "Channel: Facebook" in facebook and "When: Wednesday" in facebook


def test_strike_figures_as_reported(text):
    missiles = block(text, "- Missiles")
    assert "  Launched:    29" in missiles
    assert "  Intercepted: 25" in missiles
    assert "  Rate:        86% intercepted (25 of 29)" in missiles
    drones = block(text, "- Drones")
    assert "  Launched:    nearly 400 (approximate)" in drones
    assert "  Intercepted: not reported" in drones
    assert not any("%" in line for line in drones), "no rate from an approximate figure"
    # A figure the report does not give is never shown as zero.
    assert not re.search(r"\b0\b", "\n".join(drones))


def test_tally_report_facts(text):
    start = text.index("Strike tally\n============")
    tally = text[start : text.index("- Missiles")]
    for line in (
        "Period:      The lead-up to the talks",
        "Target:      Ukraine",
        "Reported by: Volodymyr Zelenskyy",
        "Channel:     Telegram",
        "When:        Late Tuesday",
    ):
        assert line in tally


def test_header_facts_and_source(default, text):
    assert text.startswith(
        "==============================\nUkraine–Russia talks in Geneva\n==============================\n"
    )
    assert "Place:  Geneva" in text
    assert "Status: Talks ended; no joint statement expected" in text
    for day in default.meta.days:
        assert f"- {day.label}: " in text
    for fact in default.meta.format:
        assert f"- {fact}\n" in text
    assert "Sources\n-------\n" in text
    assert (
        "- EIN Presswire\n  Headline: Ukraine-Russia Talks End in Geneva\n  Notes:    Legal disclaimer"
        in text
    )


def test_delegations_members_and_spellings(text):
    assert "United States\n-------------\n\nRole:   mediator\nLed by: Steve Witkoff and Jared Kushner" in text
    # The report does not say whether Trump is at the table: nothing is claimed.
    assert "- Donald Trump\n" in text and "- Dmitry Peskov\n" in text
    assert "- Volodymyr Zelenskyy (not at the table)" in text
    assert "- Steve Witkoff (leads the delegation)" in text
    assert "- Jared Kushner (leads the delegation)" in text
    assert "- Jared Kushner (leads the delegation)\n  Title:        Presidential son-in-law" in text
    assert "Also written: Medinskiy, Medinskii, Medinski, Vladimir Medinskiy, Мединский" in text
    assert "France\n------" in text
    assert "Members: no one is named in the briefing." in text


def test_agenda_status_in_words_and_raisers(text):
    assert block(text, "- Territories")[:3] == [
        "- Territories",
        "  Status:    on the agenda",
        "  Raised by: Russia, Dmitry Peskov",
    ]
    assert "  Status:    not reported" in block(text, "- A just agreement to end the war")


def test_sections_in_order_and_timeline_in_order(default, text):
    positions = [
        text.index(f"\n{name}\n{'=' * len(name)}\n")
        for name in ("Delegations", "Agenda", "Quotes", "Strike tally", "Timeline")
    ]
    assert positions == sorted(positions)
    timeline = text[positions[-1] :]
    found = [
        timeline.index(f"- {e.when or 'Time not stated'}: {e.title.split()[0]}") for e in default.timeline
    ]
    assert found == sorted(found) and len(default.timeline) == 10


# --- layout -----------------------------------------------------------------


def test_lines_fit_80_columns_and_words_stay_whole(default, text):
    assert max(cell_width(line) for line in text.splitlines()) <= 80
    narrow = render_plain(default, width=40)
    assert max(cell_width(line) for line in narrow.splitlines()) <= 40
    # Rewrapping changes only whitespace: every word survives whole.
    assert squash(narrow).split() == squash(text).split()


def test_wrap_hanging_indent_and_cell_widths():
    assert wrap("one two three four", 10, "- ") == ["- one two", "  three", "  four"]
    # A URL is not broken, even when it cannot fit.
    url = "https://example.com/" + "a" * 40
    assert wrap(f"see {url} now", 20) == ["see", url, "now"]
    # CJK takes two cells per character and may break between characters.
    lines = wrap("会谈" * 10, 10)
    assert all(cell_width(line) <= 10 for line in lines)
    assert "".join(lines) == "会谈" * 10


def test_multiline_text_keeps_its_line_breaks(write):
    path = write(MINIMAL + "  summary: |\n    First line.\n    Second line.\n")
    assert "First line.\nSecond line." in render_plain(load_path(path))


def test_minimal_briefing_says_what_is_missing(write):
    out = render_plain(load_path(write(MINIMAL)))
    for line in ("The briefing does not name its source.", "Place:  not reported"):
        assert line in out


def test_absent_sections_are_left_out(write):
    out = render_plain(load_path(write(MINIMAL)))
    for heading in ("Delegations", "Agenda", "Quotes", "Strike tally", "Figures", "Timeline"):
        assert f"\n{heading}\n" not in out
    assert "in this briefing" not in out
    # An empty list is as absent as a missing one; a section with items is there.
    out = render_plain(
        load_path(write(MINIMAL + "quotes: []\ntimeline:\n  - {id: e, when: Monday, title: Met}\n"))
    )
    assert "\nTimeline\n========" in out and "\nQuotes\n" not in out


def test_figures_read_as_reported_with_their_unit(write):
    path = write(
        MINIMAL
        + "delegations: [{id: n, side: Norland, role: party}]\n"
        + "figures:\n"
        + "  - {id: flow, label: Water released, value: about 1200, unit: million m3, reported_by: n,"
        + " when: In March}\n"
        + "  - {id: cost, label: Cost of repairs, unit: euros}\n"
        + "  - {id: trucks, label: Aid trucks, value: 40, unit: trucks}\n"
    )
    out = render_plain(load_path(path))
    assert "\nFigures\n=======\n" in out and "Strike tally" not in out
    assert block(out, "- Water released") == [
        "- Water released",
        "  Value:       about 1200 million m3 (approximate)",
        "  Reported by: Norland",
        "  When:        In March",
    ]
    assert out.endswith("- Aid trucks\n  Value:       40 trucks\n  Reported by: not reported\n")
    cost = block(out, "- Cost of repairs")
    assert "  Value:       not reported" in cost and "euros" not in "\n".join(cost)


def test_missing_figures_read_not_reported_never_zero(write):
    path = write(
        MINIMAL
        + "strikes:\n  period: P\n  counts:\n"
        + "    - {id: a, weapon: Shells}\n"
        + "    - {id: b, weapon: Rockets, launched: 0, intercepted: 0}\n"
    )
    out = render_plain(load_path(path))
    shells = block(out, "- Shells")
    assert shells[1:3] == ["  Launched:    not reported", "  Intercepted: not reported"]
    assert not re.search(r"\b0\b", "\n".join(shells))
    rockets = block(out, "- Rockets")
    assert "  Launched:    0" in rockets  # a reported zero is a fact and stays
    assert "  Rate:        not computed (none launched)" in rockets


# --- literal text -------------------------------------------------------------

HOSTILE = r"\e]52;c;SGVsbG8=\a\e[2J\u202Eevil\x9b31m\r"


def _hostile_briefing() -> str:
    """Every string field carries the payload, tagged so we can find each one."""
    fields = iter(range(1000))

    def h() -> str:
        return f'"F{next(fields)}:{HOSTILE}"'

    return (
        f"""\
schema: 1
meta:
  title: {h()}
  place: {h()}
  status: {h()}
  summary: {h()}
  days: [{{label: {h()}, summary: {h()}}}]
  format: [{h()}]
  updated: {h()}
  source: {{outlet: {h()}, headline: {h()}, url: {h()}, published: {h()}}}
delegations:
  - id: d
    side: {h()}
    role: party
    lead: p
    notes: {h()}
    members:
      - id: p
        name: {h()}
        title: {h()}
        aka: [{h()}]
        attending: false
        notes: {h()}
agenda:
  - {{id: a, title: {h()}, raised_by: [p], notes: {h()}}}
quotes:
  - {{id: q, speaker: p, text: {h()}, channel: {h()}, when: {h()}, context: {h()}}}
strikes:
  period: {h()}
  reported_by: d
  reported_when: {h()}
  channel: {h()}
  target: {h()}
  notes: {h()}
  counts:
    - {{id: w, weapon: {h()}, launched: nearly 5}}
figures:
  - {{id: f, label: {h()}, value: about 7, unit: {h()}, reported_by: p, when: {h()}}}
timeline:
  - {{id: e, when: {h()}, title: {h()}, detail: {h()}}}
""",
        next(fields),
    )


def test_hostile_strings_are_made_visible(write, capsys, monkeypatch):
    source, count = _hostile_briefing()
    path = write(source)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert cli.main(["--plain", str(path)]) == 0
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x07", "\u202e", "\x9b", "\r"):
        assert raw not in out
    assert is_safe(out)
    assert "␛]52;c;SGVsbG8=␇" in out and "<U+202E>evil" in out
    for i in range(count):  # every field was rendered, none skipped
        assert f"F{i}:" in out, i


def test_markup_is_shown_literally():
    out = render_plain(load_path(MARKUP))
    assert "[bold red]Not bold[/] [@click=app.quit]x[/]" in out
    assert '"[bold]loud[/bold] [@click=app.quit]quit[/] [/ and \\[escaped]"' in out
    assert "[link=https://example.com]Side A[/link]" in out
    assert "- [reverse]Person[/" in out
    assert "Channel: [i]X[/i]" in out


# --- the command ------------------------------------------------------------


def test_piped_output_is_plain_text_without_textual(default, text):
    started = time.monotonic()
    result = run(python=("-X", "importtime"))
    elapsed = time.monotonic() - started
    assert result.returncode == 0
    assert result.stdout == text  # 80 columns when not a terminal
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines()]
    assert "briefing.output.plain" in imported
    assert not [m for m in imported if m.split(".")[0] in ("textual", "rich")]
    assert elapsed < 10  # about 0.1 s on the dev machine; generous for CI


def test_plain_flag_with_a_file(write):
    result = run("--plain", str(write(MINIMAL)))
    assert result.returncode == 0
    assert result.stdout.startswith("=======\nMinimal\n=======\n")
    assert result.stderr == ""


def test_broken_file_in_plain_mode(write):
    bad = write(MINIMAL + "  titel: x\n", "bad.yaml")
    for args in (["--plain", "bad.yaml"], ["bad.yaml"]):  # flag, and piped
        result = run(*args, cwd=bad.parent)
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr == "bad.yaml:4:3: meta: unknown key 'titel'; did you mean 'title'?\n"


def test_missing_file_in_plain_mode(capsys):
    assert cli.main(["--plain", "no/such/file.yaml"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "no/such/file.yaml: no such file\n"


def test_terminal_without_flag_opens_the_app(monkeypatch):
    import briefing.ui.app as app_module

    opened = []

    class FakeApp:
        return_code = 0

        def __init__(self, path, display_name, **options):
            opened.append(display_name)

        def run(self):
            return 0

    monkeypatch.setattr(app_module, "BriefingApp", FakeApp)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert cli.main([]) == 0
    assert opened == ["geneva-talks.yaml"]


def test_plain_flag_on_a_terminal_prints_text(monkeypatch, capsys):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert cli.main(["--plain"]) == 0
    assert "Strike tally\n============" in capsys.readouterr().out


def test_non_utf8_output_does_not_crash(write):
    path = write(MINIMAL.replace("Minimal", "Переговоры"))
    result = subprocess.run(
        [sys.executable, "-m", "briefing", str(path)],
        capture_output=True,
        timeout=30,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 0, result.stderr
    assert b"\n??????????\n" in result.stdout


def test_reader_closing_the_pipe_early_is_not_an_error(write):
    quotes = "".join(
        f"  - {{id: q{i}, speaker: p, text: Quote number {i} with some words}}\n" for i in range(3000)
    )
    path = write(
        MINIMAL
        + "delegations:\n  - {id: d, side: S, role: party, members: [{id: p, name: P}]}\n"
        + "quotes:\n"
        + quotes
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=30) == 0
    assert "Traceback" not in err and "Error" not in err
