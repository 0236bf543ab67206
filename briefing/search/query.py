"""Turning what the user typed into needles to look for.

Syntax, deliberately small:

* whitespace-separated words must ALL match (each anywhere in the item);
* ``"a quoted phrase"`` must match as consecutive words (whitespace-normalised);
* an unbalanced ``"`` opens a phrase that runs to the end of the query, so
  typing ``"security gu`` already searches for the phrase being typed;
* nothing else is special: ``( [ \\ * . ?`` are ordinary characters. No regular
  expression is ever built from the query; matching is plain substring search.

Every word and phrase is folded with :func:`~briefing.search.normalize.fold`,
giving the query's *needles*. A needle without a space is a word, one with a
space a phrase; both match when they occur in one field of an item (fields are
kept apart, so neither can match across two fields). A word that folds to
several words (``"a¨b"`` -> ``"a b"``) counts as several words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefing.search.normalize import fold

MAX_QUERY = 4_000
"""Characters of a query that are looked at; the rest is ignored (no error)."""


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: the text typed and the folded needles it asks for."""

    text: str
    needles: tuple[str, ...]
    """Distinct folded words and phrases, in the order typed."""

    @property
    def empty(self) -> bool:
        """True when nothing is asked for (blank query or only quotes)."""
        return not self.needles


def parse_query(text: str) -> Query:
    """Parse ``text`` (any string at all) into a :class:`Query`."""
    raw = text[:MAX_QUERY]
    needles: list[str] = []
    # Even-numbered pieces are outside quotes, odd-numbered ones inside; an
    # unbalanced quote leaves the last piece inside, which is the open phrase.
    for i, piece in enumerate(raw.split('"')):
        if i % 2:
            phrase = fold(piece)
            if phrase:
                needles.append(phrase)
        else:
            for word in piece.split():
                needles.extend(fold(word).split())
    return Query(text, tuple(dict.fromkeys(needles)))


def matches_texts(query: Query, texts: Iterable[str | None]) -> bool:
    """Whether every needle of ``query`` is in one of ``texts`` (a few short
    texts outside the index, such as the meeting's overview)."""
    folded = [fold(text) for text in texts if text]
    return not query.empty and all(any(needle in text for text in folded) for needle in query.needles)
