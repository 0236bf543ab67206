"""The whole briefing as linear plain text, for screen readers, pipes and email.

``briefing --plain`` (and ``briefing`` whenever standard output is not a
terminal) prints this instead of starting the app. It imports nothing from
the UI: no Textual, no Rich, so it starts fast and works anywhere.

The structure is plain ASCII (headings underlined with ``=`` / ``-``, items
as ``- `` lines, ``Label: value`` fields) so it reads well aloud and pastes
cleanly. Every string from the YAML passes through
:func:`briefing.model.text.visible` first: control characters, ESC and bidi
overrides are shown, never sent. Figures keep the words they were reported
in, and a figure the source does not give reads "not reported", never 0.
"""

from __future__ import annotations

import os
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from briefing.loading import BriefingError, load_path
from briefing.model import (
    AgendaItem,
    Briefing,
    Delegation,
    Event,
    Figure,
    Person,
    Quote,
    ReportedFigure,
    Roster,
    StrikeTally,
    WeaponCount,
)
from briefing.model.items import Item, by_section, present
from briefing.model.sourcing import Sources, describe
from briefing.model.text import visible
from briefing.model.wording import (
    NOT_REPORTED,
    STATUS_LABEL,
    TIME_NOT_STATED,
    figure_words,
    interception_rate,
    leads,
    no_rate_reason,
)
from briefing.output.broken_pipe import stdout_reader_left
from briefing.output.glyphs import for_encoding

DEFAULT_WIDTH = 80
MIN_WIDTH = 20


_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufe0e", "\ufe0f"}


# --- measuring and wrapping -------------------------------------------------


def _char_width(char: str) -> int:
    if char in _ZERO_WIDTH or unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: CJK and most emoji count two."""
    if text.isascii():  # one cell each: the common case, measured without a loop
        return len(text)
    return sum(_char_width(c) for c in text)


def _split_wide(word: str, room: int) -> list[str]:
    """Cut a word that is too long for a line, if it is CJK-like text.

    CJK text has no spaces and may break between any two characters; a long
    Latin word or a URL is kept whole (it overflows) rather than broken.
    """
    if room < 2 or not any(_char_width(c) == 2 for c in word):
        return [word]
    pieces, piece, used = [], "", 0
    for char in word:
        w = _char_width(char)
        if piece and used + w > room:
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += w
    return [*pieces, piece] if piece else pieces


def wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """Greedy word wrap by terminal cells, between words only.

    ``first`` prefixes the first line and ``rest`` (default: as many spaces)
    the following ones, which gives list items a hanging indent.
    """
    rest = " " * cell_width(first) if rest is None else rest
    lines: list[str] = []
    line, used = first, cell_width(first)
    empty = True  # no word on this line yet
    for word in text.split():
        room = width - cell_width(rest)
        for piece in _split_wide(word, room) if cell_width(word) > room else [word]:
            w = cell_width(piece)
            if not empty and used + 1 + w > width:
                lines.append(line)
                line, used, empty = rest, cell_width(rest), True
            if not empty:
                line += " "
                used += 1
            line += piece
            used += w
            empty = False
    lines.append(line)
    return [ln.rstrip() for ln in lines]


def _paragraphs(text: str) -> list[str]:
    """Multi-line YAML text -> its lines, made safe (``|`` blocks keep breaks)."""
    return visible(text, multiline=True).split("\n")


# --- building blocks --------------------------------------------------------


class _Writer:
    """Collects lines at a fixed width; blocks are separated by one blank line."""

    def __init__(self, width: int) -> None:
        self.width = max(MIN_WIDTH, width)
        self.lines: list[str] = []
        self._pad = 0  # the last fields' label width, for more of them

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def heading(self, text: str, rule: str, *, over: bool = False) -> None:
        self.blank()
        lines = wrap(visible(text), self.width)
        bar = rule * max(cell_width(line) for line in lines)
        self.lines += [bar, *lines, bar] if over else [*lines, bar]
        self.blank()

    def text(self, text: str, indent: str = "") -> None:
        """Running text from the briefing, wrapped, line breaks kept."""
        for para in _paragraphs(text):
            self.lines += wrap(para, self.width, indent) if para.strip() else [""]

    def item(self, text: str, indent: str = "") -> None:
        """A ``- `` list item with a hanging indent."""
        paras = _paragraphs(text)
        self.lines += wrap(paras[0], self.width, indent + "- ")
        for para in paras[1:]:
            self.lines += wrap(para, self.width, indent + "  ")

    def fields(
        self, pairs: Iterable[tuple[str, str | None]], indent: str = "", *, more: bool = False
    ) -> None:
        """``Label: value`` lines with aligned values; None reads "not reported".

        ``more``: continue the fields just written, aligned with them."""
        pairs = list(pairs)
        if not pairs:
            return
        pad = max(len(label) for label, _ in pairs) + 2
        if more and self.lines and self.lines[-1] != "":
            pad = max(pad, self._pad)
        self._pad = pad
        for label, value in pairs:
            paras = _paragraphs(value) if value is not None else [NOT_REPORTED]
            head = f"{indent}{label + ':':<{pad}}"
            self.lines += wrap(paras[0], self.width, head, " " * len(head))
            for para in paras[1:]:
                self.lines += wrap(para, self.width, " " * len(head))

    def render(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _figure(figure: Figure, unit: str | None = None) -> str:
    """ "nearly 400 (approximate)", "1,200 trucks"; the unit only with a number."""
    return visible(figure_words(figure, unit) or NOT_REPORTED)


def _rate(count: WeaponCount) -> str:
    rate = interception_rate(count)
    if rate is not None:
        return f"{rate:.0%} intercepted ({_figure(count.intercepted)} of {_figure(count.launched)})"
    return f"not computed ({no_rate_reason(count)})"


# --- sections ---------------------------------------------------------------


def _meta(out: _Writer, b: Briefing) -> None:
    meta = b.meta
    out.heading(meta.title, "=", over=True)
    facts = [("Place", meta.place), ("Status", meta.status)]
    if meta.updated:
        facts.append(("Updated", meta.updated))
    out.fields(facts)
    if meta.summary:
        out.blank()
        out.text(meta.summary)
    if meta.days:
        out.heading("Days", "-")
        for day in meta.days:
            out.item(f"{day.label}: {day.summary}" if day.summary else day.label)
    if meta.format:
        out.heading("Format", "-")
        for fact in meta.format:
            out.item(fact)
    if b.sources:
        _sources(out, b)
        return
    out.heading("Source", "-")
    if meta.source is None:
        out.text("The briefing does not name its source.")
    else:
        src = meta.source
        out.fields(
            [("Outlet", src.outlet), ("Headline", src.headline)]
            + [(label, value) for label, value in (("Published", src.published), ("Link", src.url)) if value]
        )


def _sources(out: _Writer, b: Briefing) -> None:
    out.heading("Sources", "-")
    if len(b.sources) == 1:
        out.text("Every quote, agenda item, figure and event below comes from this report.")
    else:
        out.text("Items name the reports they come from.")
    for report in b.sources:
        out.blank()
        out.item(report.outlet)
        out.fields(
            [
                (label, value)
                for label, value in (
                    ("Headline", report.headline),
                    ("Published", report.published),
                    ("Author", report.author),
                    ("Link", report.url),
                    ("Text", report.file),
                    ("Notes", report.notes),
                )
                if value
            ],
            "  ",
        )


def _delegation(out: _Writer, delegation: Delegation, _owner: None, roster: Roster) -> None:
    out.heading(delegation.side, "-")
    out.fields([("Role", delegation.role), ("Led by", leads(delegation, roster.name_of))])
    if delegation.notes:
        out.blank()
        out.text(delegation.notes)
    out.blank()
    # The members follow as items of their own.
    out.text("Members:" if delegation.members else "Members: no one is named in the briefing.")


def _person(out: _Writer, person: Person, delegation: Delegation, _roster: Roster) -> None:
    notes = []
    if person.id in delegation.leads:
        notes.append("leads the delegation")
    if person.attending is False:
        notes.append("not at the table")
    out.item(person.name + (f" ({', '.join(notes)})" if notes else ""))
    fields: list[tuple[str, str | None]] = [("Title", person.title)]
    if person.aka:
        fields.append(("Also written", ", ".join(person.aka)))
    if person.notes:
        fields.append(("Notes", person.notes))
    out.fields(fields, "  ")


def _agenda_item(out: _Writer, item: AgendaItem, _owner: None, roster: Roster) -> None:
    out.blank()
    raisers = ", ".join(roster.name_of(r) for r in item.raised_by) or None
    out.item(item.title)
    fields: list[tuple[str, str | None]] = [
        ("Status", STATUS_LABEL[item.status]),
        ("Raised by", raisers),
    ]
    if item.notes:
        fields.append(("Notes", item.notes))
    out.fields(fields, "  ")


def _quote(out: _Writer, quote: Quote, _owner: None, roster: Roster) -> None:
    out.blank()
    # Verbatim between plain quotation marks; only whitespace may be rewrapped.
    out.item(f'"{quote.text}"')
    fields: list[tuple[str, str | None]] = []
    if quote.speaker is not None:
        speaker = roster.name_of(quote.speaker)
        person = roster.people.get(quote.speaker)
        side = roster.delegation_of(quote.speaker)
        about = [person.title] if person and person.title else []
        if side and side.id != quote.speaker:
            about.append(f"delegation: {side.side}")
        if about:
            speaker += f" ({'; '.join(about)})"
        fields.append(("Speaker", speaker))
    # Reported speech: who reported the words and whom they cite, not a side.
    if quote.reported_by:
        fields.append(("Reported by", quote.reported_by))
    if quote.citing:
        fields.append(("Citing", quote.citing))
    fields += [
        ("Channel", quote.channel),
        ("When", quote.when),
    ]
    if quote.context:
        fields.append(("Context", quote.context))
    out.fields(fields, "  ")


def _count(out: _Writer, count: WeaponCount, _tally: StrikeTally, _roster: Roster) -> None:
    out.blank()
    out.item(count.weapon)
    figures = [("Launched", _figure(count.launched)), ("Intercepted", _figure(count.intercepted))]
    out.fields([*figures, ("Rate", _rate(count))], "  ")


def _reported_figure(out: _Writer, figure: ReportedFigure, _owner: None, roster: Roster) -> None:
    out.blank()
    out.item(figure.label)
    fields: list[tuple[str, str | None]] = [
        ("Value", _figure(figure.value, figure.unit)),
        ("Reported by", roster.name_of(figure.reported_by) if figure.reported_by else None),
    ]
    if figure.when:
        fields.append(("When", figure.when))
    out.fields(fields, "  ")


def _event(out: _Writer, event: Event, _owner: None, roster: Roster) -> None:
    out.blank()
    out.item(f"{event.when or 'Time ' + TIME_NOT_STATED}: {event.title}")
    if event.detail:
        out.text(event.detail, "  ")
    if event.involves:
        out.fields([("Involves", ", ".join(roster.name_of(r) for r in event.involves))], "  ")


_ITEM_WRITERS: dict[str, Callable[[_Writer, Any, Any, Roster], None]] = {
    "delegation": _delegation,
    "person": _person,
    "agenda": _agenda_item,
    "quote": _quote,
    "count": _count,
    "figure": _reported_figure,
    "event": _event,
}
"""How each kind of item is written: (out, item, its owner, roster)."""


def _items(out: _Writer, walked: Iterable[Item], roster: Roster, sources: Sources) -> bool:
    """Write ``walked``; whether there was any."""
    wrote = False
    for kind, _, obj, owner, _ in walked:
        _ITEM_WRITERS[kind](out, obj, owner, roster)
        if sources.named(obj, owner):  # else the "Sources" section says it
            reports = sources.of(obj, owner)
            out.fields([("Source", "; ".join(describe(report) for report in reports))], "  ", more=True)
        wrote = True
    return wrote


_SectionWriter = Callable[[_Writer, Briefing, Roster, Iterable[Item]], None]


def _listing(title: str) -> _SectionWriter:
    """A section that is a heading and its items (only written when it has some)."""

    def write(out: _Writer, b: Briefing, roster: Roster, walked: Iterable[Item]) -> None:
        out.heading(title, "=")
        _items(out, walked, roster, Sources(b))

    return write


def _strikes(out: _Writer, b: Briefing, roster: Roster, walked: Iterable[Item]) -> None:
    out.heading("Strike tally", "=")
    tally = b.strikes
    if tally is None:  # not written: the section is absent
        return
    facts: list[tuple[str, str | None]] = [("Period", tally.period)]
    if tally.target:
        facts.append(("Target", tally.target))
    facts += [
        ("Reported by", roster.name_of(tally.reported_by) if tally.reported_by else None),
        ("Channel", tally.channel),
        ("When", tally.reported_when),
    ]
    out.fields(facts)
    out.blank()
    if not _items(out, walked, roster, Sources(b)):
        out.text("No figures are given.")
    if tally.notes:
        out.blank()
        out.fields([("Notes", tally.notes)])


_SECTION_WRITERS: dict[str, _SectionWriter] = {
    "delegations": _listing("Delegations"),
    "agenda": _listing("Agenda"),
    "quotes": _listing("Quotes"),
    "strikes": _strikes,
    "figures": _listing("Figures"),
    "timeline": _listing("Timeline"),
}


def render_plain(briefing: Briefing, width: int = DEFAULT_WIDTH) -> str:
    """The whole briefing as plain text wrapped to ``width`` columns.

    Sections the briefing does not have are left out, not announced as empty.
    """
    roster = Roster(briefing)
    out = _Writer(width)
    _meta(out, briefing)
    shown = present(briefing)
    for section, walked in by_section(briefing):
        if section in shown:
            _SECTION_WRITERS[section](out, briefing, roster, walked)
    return out.render()


# --- the command ------------------------------------------------------------


def output_width(stream: TextIO) -> int:
    """The terminal's width when writing to one, else 80 columns."""
    try:
        if stream.isatty():
            return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    except (AttributeError, ValueError, OSError):
        pass
    return DEFAULT_WIDTH


def run(path: str | os.PathLike[str], display: str) -> int:
    """Load ``path`` and print it as plain text; the exit code for the CLI.

    A broken file prints one ``FILE:LINE:COL: message`` line per problem to
    stderr and returns 1.
    """
    try:
        briefing = load_path(path, display=display)
    except BriefingError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    # With a non-UTF-8 locale, what the encoding lacks gets a stand-in of the
    # same width (an en dash a hyphen, é an e, Cyrillic ?), so headings stay
    # underlined to their length; nothing can then turn into a traceback.
    text = for_encoding(render_plain(briefing, output_width(sys.stdout)), sys.stdout.encoding)
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    try:
        # Line by line (buffered): a long briefing reaches `less` in pieces, and
        # a reader that quits early is noticed here (one huge write can lose
        # the broken pipe).
        sys.stdout.writelines(text.splitlines(keepends=True))
        sys.stdout.flush()
    except BrokenPipeError:
        stdout_reader_left()
    return 0


__all__ = ["render_plain", "run", "wrap", "cell_width"]
