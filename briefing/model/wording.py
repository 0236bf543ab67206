"""Words and derived figures shared by every view (app, plain text). No UI imports."""

from __future__ import annotations

from collections.abc import Callable

from briefing.model.figures import Figure
from briefing.model.structs import Delegation, Person, Quote, WeaponCount

STATUS_LABEL = {
    "proposed": "proposed",
    "on-agenda": "on the agenda",
    "in-progress": "in progress",
    "agreed": "agreed",
    "stalled": "stalled",
    "dropped": "dropped",
    "unknown": "status not reported",
}
"""How each agenda status reads to people, on its own (a row, a slide)."""


def status_value(status: str) -> str:
    """The status after a "Status" label: "not reported", not "Status: status not reported"."""
    return NOT_REPORTED if status == "unknown" else STATUS_LABEL[status]


NOT_REPORTED = "not reported"
"""What stands for a figure the source does not give (never 0)."""

TIME_NOT_STATED = "not stated"
"""What stands for an event's time when the source gives none (never a guess)."""


def names(parts: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


LEADS = "leads the delegation"
"""A person named in their delegation's ``leads``."""

NOT_AT_THE_TABLE = "not at the table"
"""A person whose ``attending`` is false (said only when the briefing says so)."""


def person_notes(person: Person, delegation: Delegation) -> list[str]:
    """What the briefing says of a person's place: leading, not at the table."""
    return ([LEADS] if person.id in delegation.leads else []) + (
        [NOT_AT_THE_TABLE] if person.attending is False else []
    )


def leads(delegation: Delegation, name_of: Callable[[str], str]) -> str | None:
    """Who heads ``delegation`` ("A and B" when several do), None when no one is named."""
    return names([name_of(ref) for ref in delegation.leads]) if delegation.leads else None


def attribution_parts(quote: Quote, name_of: Callable[[str], str]) -> list[tuple[str, str | None]]:
    """Whose words a quote gives, in pieces: ``(text, field)``, the field
    (``speaker``, ``reported_by``, ``citing``) where the text is the quote's
    own, None for the joining words.

    Reported speech names who reported it and whom they cite, not a side:
    "Russian media, citing sources in the Russian delegation"; a named
    speaker's reported words read "Name, as reported by ..." .
    """
    parts: list[tuple[str, str | None]] = []
    if quote.speaker is not None:
        parts.append((name_of(quote.speaker), "speaker"))
    if quote.reported_by:
        if parts:
            parts.append((", as reported by ", None))
        parts.append((quote.reported_by, "reported_by"))
    if quote.citing:
        parts += [(", citing " if parts else "citing ", None), (quote.citing, "citing")]
    return parts


def attribution(quote: Quote, name_of: Callable[[str], str]) -> str:
    """Whose words a quote gives, as one line (see :func:`attribution_parts`)."""
    return "".join(text for text, _ in attribution_parts(quote, name_of))


def interception_rate(count: WeaponCount) -> float | None:
    """Share intercepted, only when both figures are exact and some were launched.

    "nearly 400" is not 400: no rate is computed from an approximate or
    missing figure.
    """
    launched, intercepted = count.launched, count.intercepted
    if launched.exact and intercepted.exact and launched.value:
        return intercepted.value / launched.value  # type: ignore[operator]
    return None


def figure_words(figure: Figure, unit: str | None = None) -> str | None:
    """How a reported figure reads: "29", "nearly 400 (approximate)",
    "1,200 trucks" (the unit only with a number); None when it is not
    reported, which views show as :data:`NOT_REPORTED`, never as 0."""
    if not figure.known:
        return None
    text = figure.text + (f" {unit}" if unit else "")
    return text if figure.exact else f"{text} (approximate)"


def no_rate_reason(count: WeaponCount) -> str:
    """Why :func:`interception_rate` gives no rate for ``count``."""
    if count.launched.exact and count.intercepted.exact:
        return "none launched"
    return "a figure is approximate or not reported"
