"""The lines of ``--plain`` at a fixed width: headings, running text, items, fields.

Every string from the YAML passes through :func:`briefing.model.text.visible`
here, at the one point where it becomes a line: control characters, ESC and
bidi overrides are shown, never sent.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.model.text import visible
from briefing.model.wording import NOT_REPORTED
from briefing.output.wrapping import cell_width, wrap

MIN_WIDTH = 20


def _paragraphs(text: str) -> list[str]:
    """Multi-line YAML text -> its lines, made safe (``|`` blocks keep breaks)."""
    return visible(text, multiline=True).split("\n")


class Writer:
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


__all__ = ["MIN_WIDTH", "Writer"]
