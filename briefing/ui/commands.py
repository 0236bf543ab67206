"""Command palette (Ctrl+P): every action with its key, and every item.

Typing a name, a quote's words or an agenda title finds the item; choosing
it focuses its pane and selects it. Item text is matched and shown as
literal Content: Textual's own ``Matcher.highlight`` would parse it as
markup, so we highlight the matched offsets ourselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from briefing.model import Roster
from briefing.model.items import items
from briefing.model.text import visible
from briefing.model.wording import TIME_NOT_STATED, attribution
from briefing.ui.layout import PANE_OF

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from briefing.ui.screens.main import MainScreen

    class _BriefingApp(Protocol):
        """What the palette needs of the app (without importing it)."""

        @property
        def main_screen(self) -> MainScreen | None: ...

        def keys_for(self, binding: Binding) -> str: ...


@dataclass(frozen=True)
class Candidate:
    label: str
    """What is shown and matched (already made visible)."""
    help: str
    run: Callable[[], object]
    also: tuple[str, ...] = ()
    """Other texts that find it (alternate spellings), not shown."""
    is_command: bool = False


def _label(text: str) -> str:
    return visible(" ".join(text.split()))


def _short(text: str, limit: int = 70) -> str:
    text = _label(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _texts(kind: str, obj: Any, owner: Any, roster: Roster) -> tuple[str, str, tuple[str, ...]]:
    """Label, help line and alternate spellings of one item in the palette."""
    if kind == "delegation":
        return f"Delegation: {_label(obj.side)}", obj.role, ()
    if kind == "person":
        return (
            f"Person: {_label(obj.name)}",
            _short(f"{owner.side} · {obj.title or 'title not reported'}"),
            tuple(obj.aka),
        )
    if kind == "agenda":
        return f"Agenda: {_short(obj.title)}", obj.status, ()
    if kind == "quote":
        person = roster.people.get(obj.speaker) if obj.speaker else None
        return (
            f"Quote: {_label(attribution(obj, roster.name_of))} — “{_short(obj.text, 60)}”",
            _short(", ".join(x for x in (obj.channel, obj.when) if x) or "quote"),
            tuple(person.aka) if person else (),
        )
    if kind == "count":
        return f"Strikes: {_label(obj.weapon)}", _short(owner.period), ()
    if kind == "figure":
        value = obj.value.text + (f" {obj.unit}" if obj.unit and obj.value.known else "")
        return f"Figure: {_short(obj.label)}", _short(value), ()
    return f"Timeline: {_short(obj.title)}", _short(obj.when or f"time {TIME_NOT_STATED}"), ()


class BriefingCommands(Provider):
    """Actions and briefing items for the command palette."""

    @property
    def briefing_app(self) -> _BriefingApp:
        # Textual gives providers the app as a plain App.
        return cast("_BriefingApp", self.app)

    @property
    def main(self) -> MainScreen | None:
        return self.briefing_app.main_screen

    def candidates(self) -> Iterator[Candidate]:
        main = self.main
        yield from self._commands(main)
        if main is None:
            return
        roster, jump = main.roster, main.jump_to
        for kind, ident, obj, owner, _ in items(main.briefing):
            label, help_text, also = _texts(kind, obj, owner, roster)
            yield Candidate(label, help_text, partial(jump, PANE_OF[kind], ident), also)

    def _commands(self, main: MainScreen | None) -> Iterator[Candidate]:
        bindings: list[tuple[Binding, DOMNode]] = [
            (b, self.app) for b in self.app.BINDINGS if isinstance(b, Binding)
        ]
        if main is not None:
            bindings += [(b, main) for b in main.BINDINGS if isinstance(b, Binding)]
        seen: set[str] = set()
        for binding, target in bindings:
            if binding.id is None or binding.id in seen:
                continue
            seen.add(binding.id)
            name = binding.tooltip or binding.description
            key = self.briefing_app.keys_for(binding)
            yield Candidate(
                f"{name}",
                f"key: {key}",
                partial(self._run_action, binding.action, target),
                is_command=True,
            )

    async def _run_action(self, action: str, target: DOMNode) -> None:
        await self.app.run_action(action, target)

    async def discover(self) -> Hits:
        for candidate in self.candidates():
            if candidate.is_command:
                yield DiscoveryHit(self._prompt(candidate, ()), candidate.run, text=candidate.label)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        fuzzy = matcher.fuzzy_search
        for candidate in self.candidates():
            score, offsets = fuzzy.match(query, candidate.label)
            if not score:
                # An alternate spelling finds the item but is not displayed.
                score = max((fuzzy.match(query, alias)[0] for alias in candidate.also), default=0) * 0.9
                offsets = ()
            if score:
                yield Hit(score, self._prompt(candidate, offsets), candidate.run, text=candidate.label)

    @staticmethod
    def _prompt(candidate: Candidate, offsets: Sequence[int]) -> Content:
        label = Content(candidate.label)
        for offset in offsets:
            if offset < len(candidate.label) and not candidate.label[offset].isspace():
                label = label.stylize("bold underline $text-accent", offset, offset + 1)
        return Content.assemble(label, "\n", (candidate.help, "$text-muted-flat"))
