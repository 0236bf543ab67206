"""Words and derived figures shared by every view (app, plain text). No UI imports."""

from __future__ import annotations

from briefing.model.structs import WeaponCount

STATUS_LABEL = {
    "proposed": "proposed",
    "on-agenda": "on the agenda",
    "in-progress": "in progress",
    "agreed": "agreed",
    "stalled": "stalled",
    "dropped": "dropped",
    "unknown": "status not reported",
}
"""How each agenda status reads to people."""


def interception_rate(count: WeaponCount) -> float | None:
    """Share intercepted, only when both figures are exact and some were launched.

    "nearly 400" is not 400: no rate is computed from an approximate or
    missing figure.
    """
    launched, intercepted = count.launched, count.intercepted
    if launched.exact and intercepted.exact and launched.value:
        return intercepted.value / launched.value  # type: ignore[operator]
    return None
