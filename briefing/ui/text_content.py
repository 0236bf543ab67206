"""Turning briefing strings into Textual Content, always as literal text.

Content built here is never parsed as markup, and every string passes
through :func:`briefing.model.text.visible` first, so a quote that contains
``[@click=app.quit]`` or an ESC byte is shown, not obeyed.
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style as VisualStyle
from textual.widgets import Static

from briefing.model import Delegation, Roster
from briefing.model.text import visible
from briefing.model.wording import NOT_REPORTED, STATUS_LABEL  # noqa: F401 - re-exported for the panes
from briefing.ui.themes import PARTY_COLOURS

ROLE_STYLE = {
    # Theme variables from briefing/ui/themes/colours.py; every theme has them.
    "mediator": "bold $side-mediator",
    "party": "bold $side-party-1",
    "ally": "bold $side-ally",
    "observer": "bold $side-observer",
    "other": "bold $side-other",
}
STATUS_STYLE = {
    "proposed": "$text-secondary",
    "on-agenda": "$text-primary",
    "in-progress": "$text-warning",
    "agreed": "$text-success",
    "stalled": "$text-error",
    "dropped": "$text-muted-flat",
    "unknown": "$text-muted-flat",
}
MUTED = "$text-muted-flat"
"""Muted words in Content: ``$text-muted`` works in CSS only (see themes.colours.flat)."""


def drawn_style(style: str | VisualStyle, muted: str) -> str | VisualStyle:
    """``style`` with MUTED as the theme's own muted colour (``muted``, e.g.
    "auto 60%"), for text the app draws itself: parsed as written, the
    colour is worked out over the background it lands on, a selected row's
    included (see themes.colours.flat)."""
    if isinstance(style, str) and MUTED in style:
        return style.replace(MUTED, muted)
    return style


def lit(text: str, style: str = "") -> Content:
    """One line of literal text from the briefing."""
    return Content.styled(visible(text), style) if style else Content(visible(text))


def para(text: str, style: str = "") -> Content:
    """Literal text from the briefing that may span lines."""
    safe = visible(text, multiline=True)
    return Content.styled(safe, style) if style else Content(safe)


def join(parts: list[Content], separator: str = " · ") -> Content:
    return Content(separator).join([p for p in parts if p])


def fit(content: Content, width: int) -> Content:
    """Cut one line to ``width`` cells, with an ellipsis when cut."""
    return content.truncate(width, ellipsis=True)


def clamp(content: Content, width: int, lines: int, around: int | None = None) -> list[Content]:
    """Wrap ``content`` to ``width`` and keep at most ``lines`` lines, marking a cut with ….

    The first lines are kept, unless the character at offset ``around`` (a
    search hit) would be cut off: then the lines around it, with … where the
    text goes on before and after.
    """
    if width <= 0 or lines <= 0:
        return []
    wrapped = content.wrap(width)
    if len(wrapped) <= lines:
        return wrapped
    start = 0
    if around is not None:
        at = _line_of(content.plain, wrapped, around)
        if at >= lines:
            start = min(at - (lines - 1) // 2, len(wrapped) - lines)
    kept = wrapped[start : start + lines]
    if start:
        first = kept[0]
        kept[0] = Content("…") + (first.truncate(width - 1) if first.cell_length >= width else first)
    if start + lines < len(wrapped):
        last = kept[-1].rstrip()
        if last.cell_length >= width:
            last = last.truncate(width - 1)
        kept[-1] = last + Content("…")
    return kept


def _line_of(plain: str, wrapped: list[Content], offset: int) -> int:
    """Which of the ``wrapped`` lines of ``plain`` holds character ``offset``."""
    position = 0
    for index, line in enumerate(wrapped):
        text = line.plain.strip()
        found = plain.find(text, position) if text else position
        if found < 0:
            break
        position = found + len(text)
        if offset < position:
            return index
    return len(wrapped) - 1


def side_style(delegation: Delegation | None, roster: Roster | None = None) -> str:
    """The style of a side's mark; each party gets its own colour, in file order."""
    if delegation is None:
        return "bold"
    if delegation.role == "party":
        party = roster.party_order.get(delegation.id, 0) if roster else 0
        return f"bold $side-party-{party % PARTY_COLOURS + 1}"
    return ROLE_STYLE.get(delegation.role, "bold")


def show_in(static: Static, content: Content) -> None:
    """Put ``content`` in ``static`` unless it is there already: an update
    lays the whole screen out again, and the header and captions are set on
    every reload and every clock tick."""
    shown = static.content
    if isinstance(shown, Content) and shown.plain == content.plain and shown.spans == content.spans:
        return
    static.update(content)
