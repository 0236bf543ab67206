"""The passage of a report an item comes from, for the source view. No UI imports.

A quote's passage is where its words are (verbatim, else the closest one);
a figure's is where its number is as reported; for anything else (an agenda
item, an event) the passage closest to its title and detail stands in.
"""

from __future__ import annotations

from typing import NamedTuple

from briefing.model import Report, Source
from briefing.model.items import NOUNS
from briefing.sources.text import Passage
from briefing.sources.verify import VERBATIM, Library, ReportText, figures_of

_DESCRIBED = ("title", "detail", "weapon", "notes")
"""Fields whose words stand in for an item without verbatim text or figures."""


class Located(NamedTuple):
    """Where an item is in one of its reports' texts, or why it cannot be shown."""

    report: Report | Source
    file: str | None
    """The report's ``file:`` as written (None when it has none)."""
    text: str | None
    """The report's text as read (None when there is none to show)."""
    problem: str | None
    """Why there is no text: no ``file:``, or the file cannot be read."""
    passage: Passage | None
    """The item's passage in ``text``: exact, or the closest (None: nothing like it)."""
    what: str
    """What was looked for, for people: "the quote", "launched: 29", "the title"."""


def locate(library: Library, kind: str, obj: object, owner: object = None) -> Located | None:
    """The best place of ``obj`` in its reports' texts (None: it has no source)."""
    reports = library.sources.of(obj, owner)
    if not reports:
        return None
    best: Located | None = None
    for report in reports:
        read = library.text_of(report)
        found = _in_text(library, report, read, kind, obj)
        if found.passage is not None and found.passage.exact:
            return found
        if best is None or _better(found, best):
            best = found
    return best


def _better(new: Located, old: Located) -> bool:
    if old.text is None:
        return new.text is not None
    if new.passage is None:
        return False
    return old.passage is None or new.passage.ratio > old.passage.ratio


def _in_text(
    library: Library, report: Report | Source, read: ReportText | None, kind: str, obj: object
) -> Located:
    if read is None:
        return Located(report, None, None, "this source names no text file (file:)", None, "")
    if read.text is None:
        return Located(report, read.name, None, f"cannot read {read.name}: {read.problem}", None, "")
    source = read.text
    for field in VERBATIM.get(kind, ()):
        value = getattr(obj, field, None)
        if isinstance(value, str):
            passage = source.find(value) or source.closest(value)
            what = f"the {NOUNS.get(kind, kind)}" if field == "text" else f"the {field}"
            return Located(report, read.name, source.text, None, passage, what)
    numbers = library.numbers_of(read)
    figures = list(figures_of(obj))
    for field, figure in figures:
        passage = numbers.find(figure) if numbers is not None else None
        if passage is not None:
            return Located(report, read.name, source.text, None, passage, f"{field}: {figure.text}")
    words = " ".join(v for f in _DESCRIBED if isinstance(v := getattr(obj, f, None), str))
    passage = source.closest(words) if words else None
    what = f"{figures[0][0]}: {figures[0][1].text}" if figures else "the words of its title"
    return Located(report, read.name, source.text, None, passage, what)


__all__ = ["Located", "locate"]
