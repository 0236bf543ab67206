"""Exports of a briefing for people without a terminal: HTML, Markdown, JSON, PDF.

``briefing export FILE --to html|md|json|pdf [-o OUT] [--only SECTION]``
(:mod:`.command`). One module per format, each over the same model:
:mod:`.document` says what a human-readable export shows (HTML and Markdown
render it), :mod:`.json_data` gives the model as data, :mod:`.pdf` prints
the HTML page through headless Chromium, and :mod:`.palette` reads a theme's
colours without the UI. No UI imports anywhere here.
"""

from __future__ import annotations

from briefing.model import Briefing
from briefing.output.export.document import SECTION_KEYS, build
from briefing.output.export.html import render_html
from briefing.output.export.json_data import render_json
from briefing.output.export.markdown import render_markdown
from briefing.output.export.palette import DARK_THEME, LIGHT_THEME, Palette, load_palette
from briefing.output.export.since import Since

FORMATS = ("html", "md", "json", "pdf")
EXTENSIONS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json", ".pdf": "pdf"}
PAPER = {"a4": "A4", "letter": "letter"}


def page(
    briefing: Briefing,
    *,
    only: str | None = None,
    theme: str | None = None,
    page_size: str | None = None,
    since: Since | None = None,
) -> str:
    """The HTML page. With ``theme``, its colours on screen; without, the
    reader's light or dark setting picks between the shipped light and dark
    themes. Print always uses a light palette (the theme's when it is light)."""
    light = load_palette(LIGHT_THEME)
    dark: Palette | None
    if theme is None:
        screen, dark = light, load_palette(DARK_THEME)
    else:
        screen, dark = load_palette(theme), None
    paper = light if screen.dark else screen
    return render_html(build(briefing, only, since), screen, dark=dark, paper=paper, page_size=page_size)


def export_text(
    briefing: Briefing,
    to: str,
    *,
    only: str | None = None,
    theme: str | None = None,
    since: Since | None = None,
) -> str:
    """The briefing as ``to`` (html, md or json); with ``since``, its changes marked."""
    if to == "html":
        return page(briefing, only=only, theme=theme, since=since)
    if to == "md":
        return render_markdown(build(briefing, only, since))
    if to == "json":
        return render_json(briefing, only, since)
    raise ValueError(f"not a text format: {to}")


__all__ = ["EXTENSIONS", "FORMATS", "PAPER", "SECTION_KEYS", "Since", "export_text", "page"]
