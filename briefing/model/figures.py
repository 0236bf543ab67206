"""Reported figures: exact, approximate ("nearly 400") or not reported.

A briefing must never turn "nearly 400" into 400 or a missing figure into 0,
so a figure keeps the words it was reported in next to the number.
"""

from __future__ import annotations

import enum
import math
import re

NOT_REPORTED_WORDS = ("not reported", "unknown", "n/a")

# Qualifiers people write in front of a number, and which way they bound it:
# "below" means the true value is at most the number, "above" at least.
_QUALIFIERS: dict[str, str] = {
    "nearly": "below",
    "almost": "below",
    "up to": "below",
    "under": "below",
    "fewer than": "below",
    "less than": "below",
    "about": "around",
    "around": "around",
    "approximately": "around",
    "roughly": "around",
    "some": "around",
    "an estimated": "around",
    "~": "around",
    "more than": "above",
    "over": "above",
    "at least": "above",
}
_QUALIFIER_RE = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_APPROX = re.compile(
    rf"^\s*(?P<q>{_QUALIFIER_RE})\s*(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d{{1,15}})\s*\+?\s*$",
    re.IGNORECASE,
)
_EXACT = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d{1,15})\s*$")
_PLUS = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d{1,15})\s*\+\s*$")


class FigureKind(enum.Enum):
    EXACT = "exact"
    APPROXIMATE = "approximate"
    NOT_REPORTED = "not reported"


class Figure:
    """One reported number, with how sure the source was of it.

    A plain class rather than a dataclass on purpose: msgspec then hands the
    raw YAML value to ``Figure.parse`` (through the loader's ``dec_hook``)
    instead of expecting a mapping.
    """

    __slots__ = ("kind", "value", "text", "bound")

    def __init__(
        self,
        kind: FigureKind,
        value: int | None = None,
        text: str = "not reported",
        bound: str = "exact",
    ) -> None:
        self.kind = kind
        self.value = value
        self.text = text
        self.bound = bound
        """``exact``, ``below``, ``around`` or ``above``: where the truth lies."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Figure):
            return NotImplemented
        return (self.kind, self.value, self.text, self.bound) == (
            other.kind,
            other.value,
            other.text,
            other.bound,
        )

    def __hash__(self) -> int:
        return hash((self.kind, self.value, self.text, self.bound))

    def __repr__(self) -> str:
        return f"Figure({self.kind.value}, {self.value!r}, {self.text!r})"

    @property
    def known(self) -> bool:
        return self.kind is not FigureKind.NOT_REPORTED

    @property
    def exact(self) -> bool:
        return self.kind is FigureKind.EXACT

    @property
    def upper(self) -> float:
        """The largest value the report allows (infinity when unbounded)."""
        if self.value is None or self.bound in ("above", "around"):
            return float("inf")
        return self.value

    @property
    def lower(self) -> int:
        """The smallest value the report allows."""
        if self.value is None or self.bound in ("below", "around"):
            return 0
        return self.value

    @property
    def qualifier(self) -> str:
        """The words of an approximate figure without its number: "nearly"
        for "nearly 400" ("" for an exact figure, for "400+" and when not
        reported), so a view that shows the number large can keep them with it."""
        if self.kind is not FigureKind.APPROXIMATE:
            return ""
        m = _APPROX.match(self.text)
        return " ".join(m.group("q").split()) if m else ""

    @classmethod
    def not_reported(cls) -> Figure:
        return cls(FigureKind.NOT_REPORTED)

    @classmethod
    def parse(cls, raw: object) -> Figure:
        """Read a figure as written in a briefing.

        ``29`` is exact, ``"nearly 400"`` or ``"400+"`` approximate, and
        ``null`` or ``"not reported"`` not reported. Anything else raises
        ``ValueError`` with a message meant for the person editing the file.
        """
        if raw is None:
            return cls.not_reported()
        if isinstance(raw, bool):
            raise ValueError("expected a number, not true/false")
        if isinstance(raw, float):
            # YAML reads 1e3, 2.5, .inf and .nan as floats; none is a count.
            if math.isnan(raw):
                shown = ".nan (not a number)"
            elif raw in (float("inf"), float("-inf")):
                shown = "infinity (.inf)" if raw > 0 else "minus infinity (-.inf)"
            elif raw.is_integer() and abs(raw) < 10**15:
                raise ValueError(f"a count must be a whole number; write {int(raw)}, not {raw!r}")
            else:
                shown = repr(raw)
            raise ValueError(f"a count must be a whole number such as 29, not {shown}")
        if isinstance(raw, int):
            if raw < 0:
                raise ValueError(f"a count cannot be negative ({raw})")
            if raw >= 10**15:
                raise ValueError("number is too large for a count")
            return cls(FigureKind.EXACT, raw, f"{raw:,}", "exact")
        if isinstance(raw, str):
            text = " ".join(raw.split())
            if text.lower() in NOT_REPORTED_WORDS:
                return cls.not_reported()
            if m := _EXACT.match(text):
                value = int(m.group(1).replace(",", ""))
                return cls(FigureKind.EXACT, value, f"{value:,}", "exact")
            if m := _PLUS.match(text):
                value = int(m.group(1).replace(",", ""))
                return cls(FigureKind.APPROXIMATE, value, text, "above")
            if m := _APPROX.match(text):
                value = int(m.group("n").replace(",", ""))
                bound = _QUALIFIERS[m.group("q").lower()]
                return cls(FigureKind.APPROXIMATE, value, text, bound)
        else:
            words: dict[type, str] = {list: "a list", dict: "a mapping (key: value lines)"}
            kind = words.get(type(raw), type(raw).__name__)
            raise ValueError(f"expected a number, got {kind}")
        raise ValueError(
            f"cannot read {raw!r} as a figure: write a number (29), an "
            "approximate figure ('nearly 400', 'about 50', '100+') or "
            "'not reported'"
        )

    def to_yaml(self) -> int | str | None:
        if self.kind is FigureKind.EXACT:
            return self.value
        if self.kind is FigureKind.APPROXIMATE:
            return self.text
        return None
