"""The rows of a search across every round of a folder: ROUND TITLE · kind · text.

The text is the item's first field where the query occurs, with the
matches highlighted, started a little before the first one when it is far
in. Text from the files is always literal.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from textual.content import Content

from briefing.model.items import NOUNS
from briefing.model.text import visible
from briefing.search.across import Hit
from briefing.ui.panes.base import MATCH_STYLE
from briefing.ui.text_content import MUTED, fit, lit

LEAD = 12
"""Characters kept before a match that is further in than that."""


def render_hit(hit: Hit, titles: Mapping[Path, str], width: int) -> Content:
    """One line: the round's title, the kind of item and its text."""
    title = titles.get(hit.path) or hit.path.name
    text = _marked(hit)
    line = Content.assemble(
        lit(title, "bold"), (" · ", MUTED), (NOUNS.get(hit.kind, hit.kind), MUTED), (" · ", MUTED), text
    )
    return fit(line, width)


def _marked(hit: Hit) -> Content:
    value = " ".join(hit.text.split())
    if value != hit.text or visible(value) != value or not hit.spans:
        # Offsets refer to the raw text: no highlight if showing it moved them.
        return lit(value)
    cut = hit.spans[0][0] - LEAD if hit.spans[0][0] > 2 * LEAD else 0
    content = lit(value)
    for start, end in hit.spans:
        content = content.stylize(MATCH_STYLE, start, end)
    return Content.assemble("…", content[cut:]) if cut else content
