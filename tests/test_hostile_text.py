"""Text from a briefing is data: never markup, never a terminal control sequence.

tests/briefings/hostile.yaml is a valid briefing in which every string field
carries Rich/Textual markup, ESC sequences (OSC 52 clipboard write, window
title, clear screen, colours), C1 controls, BEL/CR/BS/DEL, bidi overrides and
zero-width characters, next to benign text (ZWJ emoji, CJK, combining marks,
Arabic and Hebrew) that must render unchanged.

Three layers are checked: ``briefing.model.text.visible`` itself; the running app
(in-process, the composed screen as text and as the ANSI stream Rich would
write, at two sizes, on the dashboard, detail views, help and error screens);
and the real program in a pseudo-terminal, whose raw output bytes must not
contain any hostile payload.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from textual.content import Content

from briefing.cli import main
from briefing.loading import load_path
from briefing.model.text import is_safe, visible
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.error import ErrorScreen
from briefing.ui.screens.help import HelpScreen

from .apps import FrozenApp as BriefingApp
from .apps import grab, until
from .pty_run import run_in_pty

HOSTILE = Path(__file__).parent / "briefings" / "hostile.yaml"
ROOT = Path(__file__).resolve().parent.parent

# Characters that must never be on screen: C0 (but newline, which separates
# exported lines), DEL, C1, bidi embeddings/overrides/isolates/marks, line and
# paragraph separators, and the invisible characters visible() reveals.
FORBIDDEN = set(map(chr, [*range(0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0)]))
FORBIDDEN |= set(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]))
FORBIDDEN |= set(map(chr, [0x2028, 0x2029, 0xFEFF, 0x200B, *range(0x2060, 0x2065)]))

# Escape sequences hidden in hostile.yaml; none may reach a terminal.
PAYLOADS = ["\x1b]52;", "\x1b]0;pwned", "\x1b]8;;https://evil", "\x1b[2J", "\x1b[31m", "\x9b", "\x9d"]

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # 👩‍👩‍👧
BENIGN = [FAMILY, "日本語", "e\u0301", "مرحبا", "العربية", "עברית"]


def forbidden_in(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if c in FORBIDDEN})


# --- (a) visible() -------------------------------------------------------------------------


@pytest.mark.parametrize("code", [c for c in range(0x20) if c not in (0x09, 0x0A)])
def test_c0_controls_become_control_pictures(code):
    assert visible(f"a{chr(code)}b") == f"a{chr(0x2400 + code)}b"
    assert visible(f"a{chr(code)}b", multiline=True) == f"a{chr(0x2400 + code)}b"


def test_escape_sequences_are_shown_not_sent():
    assert visible("\x1b]52;c;SGVsbG8=\x07") == "␛]52;c;SGVsbG8=␇"
    assert visible("\x1b]0;pwned\x07") == "␛]0;pwned␇"
    assert visible("\x1b[2J\x1b[31m") == "␛[2J␛[31m"
    assert visible("a\rb\x08c\x7fd") == "a␍b␈c␡d"


def test_tab_and_newline():
    assert visible("a\tb\nc") == "a b c"
    assert visible("a\tb\nc", multiline=True) == "a    b\nc"


@pytest.mark.parametrize("code", range(0x80, 0xA0))
def test_c1_controls_show_their_code_point(code):
    assert visible(chr(code)) == f"<U+{code:04X}>"


@pytest.mark.parametrize(
    "code",
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0x2028, 0x2029],
    ids=lambda c: f"U+{c:04X}",
)
def test_bidi_controls_and_separators_show_their_code_point(code):
    assert visible(f"x{chr(code)}y") == f"x<U+{code:04X}>y"


@pytest.mark.parametrize(
    "code", [0x200B, 0x2060, 0x2061, 0x2064, 0xFEFF, 0x180E, 0x206F, 0xFFF9], ids=lambda c: f"U+{c:04X}"
)
def test_invisible_characters_show_their_code_point(code):
    assert visible(f"pay{chr(code)}pal") == f"pay<U+{code:04X}>pal"


def test_lone_surrogates_show_their_code_point():
    assert visible("a\ud800b") == "a<U+D800>b"


@pytest.mark.parametrize(
    "text",
    [
        FAMILY,
        "👍🏽 ❤️ 🇺🇦",  # skin tone modifier, variation selector, flag
        "日本語のテキスト 한국어 中文",
        "e\u0301 a\u0308 n\u0303",  # combining marks
        "مرحبا بالعالم",  # Arabic, right to left by itself
        "שלום עולם",  # Hebrew
        "می\u200cخواهم",  # Persian needs the zero width non-joiner
        "Genève · Zürich — «quotes» “curly” …",
        "[bold]not markup[/bold] [@click=app.quit]x[/]",  # markup is Content's job
    ],
)
def test_benign_text_is_unchanged(text):
    assert visible(text) == text
    assert visible(text, multiline=True) == text
    assert is_safe(text)


def test_nothing_dangerous_survives_for_any_code_point():
    everything = "".join(map(chr, range(0x110000)))
    assert forbidden_in(visible(everything)) == []
    assert forbidden_in(visible(everything, multiline=True).replace("\n", "")) == []


def test_is_safe():
    assert not is_safe("a\x1bb")
    assert not is_safe("\u202e")
    assert is_safe("line one\nline two")


# --- (b) the app, in-process ---------------------------------------------------------------


def test_hostile_briefing_is_valid_and_really_hostile():
    briefing = load_path(HOSTILE)
    assert "\x1b]0;pwned\x07" in briefing.meta.title
    assert "\x1b]52;c;SGVsbG8=\x07" in briefing.quotes[0].text
    assert "\u202e" in briefing.quotes[1].text
    assert "\x9b" in briefing.delegations[0].members[0].title
    assert FAMILY in briefing.meta.title


def assert_clean(app: BriefingApp) -> str:
    text, ansi = grab(app)
    assert forbidden_in(text.replace("\n", "")) == []
    for payload in PAYLOADS:
        assert payload not in ansi, repr(payload)
    assert "\x07" not in ansi
    assert forbidden_in(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", ansi).replace("\n", "")) == []
    svg = app.export_screenshot()
    assert forbidden_in(svg.replace("\n", "")) == []
    return text


# Literal markup that must be on the dashboard at each size.
DASHBOARD_MARKUP = {
    (120, 40): [
        "[bold]Title[/bold] ␛]0;pwned␇ 日本",
        "[bold]Agenda[/bold] [@click=app.quit]x[/] ␛]0;pwned␇",
        "[link=https://evil.example]Side B[/link] ␛[2J",
        "[$accent]Minister[/] ␛[31m red <U+009B>31m",
        "<U+202E>evil reversed<U+202C> [/ ␛[31m",
        "[@click=app.quit]Drones[/] <U+202E>seornD<U+202C>",
    ],
    (80, 24): ["[bold]Title[/", "[bold]Side A[/bold]", "[@click=app.quit]Drones[/]"],
}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_dashboard_shows_hostile_text_literally(size):
    app = BriefingApp(HOSTILE)
    async with app.run_test(size=size) as pilot:
        # Rows are measured as they are first drawn: wait for the layout
        # to take them (on a loaded machine that is more than one pause).
        await until(pilot, lambda: all(f in grab(app)[0] for f in DASHBOARD_MARKUP[size]), 5.0)
        text = assert_clean(app)
        for fragment in DASHBOARD_MARKUP[size]:
            assert fragment in text, fragment
        assert app.title == visible(load_path(HOSTILE).meta.title)


# (keys to reach it from anywhere on the dashboard, its title, fragments of its body)
DETAILS = [
    (
        ["1", "g", "enter"],
        "[bold]Side A[/bold] ␛]0;pwned␇ مرحبا",
        [
            "[@click=app.quit]Notes A[/]",
            "line two ␛]52;c;SGVsbG8=␇",
            "<U+202E>evil<U+202C> שלום",
            "[@click=app.quit]Event[/] ␛]52;c;SGVsbG8=␇ <U+202E>tneve<U+202C>",
        ],
    ),
    (
        ["1", "g", "j", "enter"],
        "[reverse]Lead[/ ␛]0;pwned␇ e\u0301",
        [
            "[$accent]Minister[/] ␛[31m red <U+009B>31m",
            "[bold]Aka[/bold] ␛]52;c;SGVsbG8=␇, <U+202E>akA<U+202C>",
            "Notes ␇␍␈␡ <U+0085> [@click=app.quit]x[/]",
        ],
    ),
    (
        ["1", "g", "j", "j", "enter"],
        "Member <U+200B>hidden<U+2060> [link=https://evil.example]x[/link]",
        ["␛]0;pwned␇ Adviser"],
    ),
    (
        ["2", "g", "enter"],
        "[bold]Agenda[/bold] [@click=app.quit]x[/] ␛]0;pwned␇",
        ["[$accent]Agenda notes[/] ␛]52;c;SGVsbG8=␇", "<U+2066>iso<U+2069> 日本語"],
    ),
    (
        ["3", "g", "enter"],
        "Quote: [reverse]Lead[/ ␛]0;pwned␇ e\u0301",
        [
            "[bold]loud[/bold] [@click=app.quit]quit[/] ␛]52;c;SGVsbG8=␇ ␛]0;pwned␇ "
            + FAMILY
            + " 日本語 e\u0301",
            "[link=https://evil.example]Telegram[/link] ␛[2J",
            "<U+202E>Tuesday<U+202C> ␇",
            "second line <U+009B>2J <U+0085> ␍␈␡",
            "Headline ␛]0;pwned␇ [link=https://evil.example]x[/link]",
        ],
    ),
    (
        ["3", "g", "j", "enter"],
        "Quote: [link=https://evil.example]Side B[/link] ␛[2J",
        ["<U+202E>evil reversed<U+202C> [/ ␛[31m red العربية עברית"],
    ),
    (
        ["4", "g", "enter"],
        "Strikes: [bold]Missiles[/bold] ␛]0;pwned␇",
        [
            "[bold]Overnight[/bold] ␛]0;pwned␇",
            "[@click=app.quit]Facebook[/] ␛]52;c;SGVsbG8=␇",
            "<U+009B>31m <U+0085> <U+2066>iso<U+2069>",
        ],
    ),
]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_detail_views_and_help_show_hostile_text_literally(size):
    app = BriefingApp(HOSTILE)
    async with app.run_test(size=size) as pilot:
        for keys, title, body_fragments in DETAILS:
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen, DetailScreen), keys
            card = app.screen.query_one("#detail-card")
            # The getter returns escaped markup; read back, it is the literal title.
            assert Content.from_markup(card.border_title).plain == title
            # Long values wrap under their value: read the words, not the lines.
            body = " ".join(str(app.screen.query_one("#detail-body").render()).split())
            for fragment in body_fragments:
                assert " ".join(fragment.split()) in body, fragment
            screen = assert_clean(app)
            assert title[:20] in screen  # the border title is drawn literally
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, DetailScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Quit briefing" in assert_clean(app)
        await pilot.press("escape")
        assert app.is_running  # no [@click=app.quit] ran along the way


async def test_clicking_literal_click_markup_does_nothing():
    app = BriefingApp(HOSTILE)
    async with app.run_test(size=(120, 40)) as pilot:
        agenda = app.screen.query_one("#agenda")
        # "[@click=app.quit]x[/]" is on the first agenda row, from about x=21.
        for x in range(18, 40, 3):
            await pilot.click(agenda, offset=(x, 1))
            if isinstance(app.screen, DetailScreen):
                await pilot.press("escape")
        assert app.is_running
        assert app.return_code is None


async def test_error_screen_with_hostile_name_and_message(write):
    path = write('schema: 1\nmeta:\n  title: T\n"\\e]52;c;SGVsbG8=\\a[@click=app.quit]k\\u202e": 1\n')
    name = "[bold]b\x1b]0;pwned\x07\u202e.yaml"
    app = BriefingApp(path, display_name=name)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        body = str(app.screen.query_one("#error-body").render())
        assert body.splitlines()[0] == (
            "[bold]b␛]0;pwned␇<U+202E>.yaml:4:1: top level: unknown key "
            "'\\x1b]52;c;SGVsbG8=\\x07[@click=app.quit]k\\u202e' (it contains U+001B ESCAPE, "
            "U+0007 BELL, U+202E RIGHT-TO-LEFT OVERRIDE); expected one of: "
            "schema, meta, sources, delegations, agenda, quotes, strikes, figures, timeline"
        )
        assert_clean(app)
        await pilot.press("q")
    assert app.return_code == 1


def test_check_output_is_inert(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    name = "\x1b]0;pwned\x07[bold]\u202e.yaml"
    assert main(["check", name, str(HOSTILE)]) == 1
    out = capsys.readouterr().out
    assert out == "␛]0;pwned␇[bold]<U+202E>.yaml: no such file\n"


# --- (c) the real program in a pseudo-terminal ---------------------------------------------

# Textual's own OSC 22 (mouse pointer shape) ends in BEL; nothing else may.
TEXTUAL_OSC = re.compile(rb"\x1b\]22;[a-z-]*\x07")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_real_terminal_receives_no_hostile_sequence():
    keys = [b"j", b"\r", b"\x1b", b"3", b"\r", b"\x1b", b"q"]
    output, status = run_in_pty(["-m", "briefing", str(HOSTILE.relative_to(ROOT))], keys)
    assert status == 0, output[-2000:]
    for payload in [
        b"\x1b]52",
        b"\x1b]0;pwned",
        b"]0;pwned\x07",
        b"\x1b]8;;https://evil",
        b"\x1b[2J",
        b"\xc2\x9b",
        b"\xc2\x9d",
        b"\xc2\x85",  # C1 CSI, OSC, NEL in UTF-8
        b"\xe2\x80\xae",
        b"\xe2\x80\xac",
        b"\xe2\x81\xa6",
        b"\xe2\x81\xa9",  # RLO, PDF, LRI, PDI
        b"\xe2\x80\x8b",
        b"\xef\xbb\xbf",
    ]:  # ZWSP, BOM
        assert payload not in output, payload
    assert b"\x07" not in TEXTUAL_OSC.sub(b"", output)
    assert b"\x08" not in output and b"\x7f" not in output
    # It was drawn, visibly: the stand-ins and the literal markup are there.
    for shown in ["␛]52;c;SGVsbG8=␇", "␛]0;pwned␇", "[@click=app.quit]", "<U+202E>", "日本語", FAMILY]:
        assert shown.encode() in output, shown
