"""Parsing what people type into search terms.

Words must all match (each anywhere in the item); a "quoted phrase" must
match as written, words in order. Terms are plain folded strings matched
with ``in`` / ``str.find``: no regular expression is ever built from input,
so no query can raise or backtrack.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.search.normalize import fold

MAX_QUERY = 500
"""Characters of a query that are used; a pasted essay stays fast."""


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple[str, ...]
    """Folded words and phrases; an item matches when it contains them all."""

    @property
    def empty(self) -> bool:
        return not self.terms

    def narrows(self, previous: Query) -> bool:
        """True if every match of ``self`` is also a match of ``previous``.

        That holds when each of the previous terms is contained in one of
        ours ("zel" -> "zele"; "peskov" -> "peskov territories"), so the
        previous results can be refined instead of searching everything.
        """
        return all(any(old in new for new in self.terms) for old in previous.terms)


def parse(text: str) -> Query:
    """Split ``text`` into folded terms; an unclosed quote runs to the end."""
    source = text[:MAX_QUERY]
    terms: list[str] = []
    parts = source.split('"')
    for position, part in enumerate(parts):
        if position % 2:  # inside quotes: one phrase
            phrase = fold(part)
            if phrase:
                terms.append(phrase)
        else:
            terms.extend(word for word in fold(part).split(" ") if word)
    # Longest first: the rarest term filters the most, soonest.
    unique = sorted(set(terms), key=len, reverse=True)
    # A term inside another adds nothing ("zel" within "zelensky").
    kept = tuple(t for t in unique if not any(t != other and t in other for other in unique))
    return Query(text, kept)
