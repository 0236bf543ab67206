"""Make text from a briefing safe to put on a terminal.

Strings in a YAML file are data. They must never reach the terminal as
control sequences (an ESC could set the window title or write to the
clipboard through OSC 52) and never reorder what is shown around them (bidi
overrides). Such characters are replaced by visible stand-ins, so an editor
can still see that they are there. Emoji joiners, CJK and combining marks are
ordinary text and pass through. No UI imports: the CLI uses this too.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls become their Unicode "control picture" (ESC -> ␛), DEL -> ␡.
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x7F] = "\u2421"
# C1 controls, bidi embeddings/overrides/isolates and marks, the line and
# paragraph separators, and invisible characters that can hide or split text
# have no picture: show their code point. ZWJ (U+200D) and ZWNJ (U+200C) are
# left alone: emoji sequences and Persian or Indic text need them.
for _code in [
    *range(0x80, 0xA0),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x200E,
    0x200F,
    0x061C,
    0x2028,
    0x2029,
    0xFEFF,
    0x200B,  # zero width space
    *range(0x2060, 0x2065),  # word joiner, invisible operators
    *range(0x206A, 0x2070),  # deprecated format characters
    0x180E,  # Mongolian vowel separator
    *range(0xFFF9, 0xFFFC),  # interlinear annotation
]:
    _TABLE[_code] = f"<U+{_code:04X}>"

_SINGLE_LINE = dict(_TABLE)
_SINGLE_LINE[0x09] = " "
_SINGLE_LINE[0x0A] = " "

_MULTI_LINE = dict(_TABLE)
_MULTI_LINE[0x09] = "    "
_MULTI_LINE.pop(0x0A)


def visible(text: str, *, multiline: bool = False) -> str:
    """Return ``text`` with every unsafe character made visible.

    With ``multiline`` newlines are kept (for detail views); otherwise they
    become spaces so a row stays one row.
    """
    text = text.translate(_MULTI_LINE if multiline else _SINGLE_LINE)
    # Private-use and unassigned characters are harmless; surrogates that
    # slipped through a bad decode are not printable at all.
    # Only surrogates fail to encode, and encoding runs at C speed: this
    # check is on the path of every string drawn.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join(f"<U+{ord(c):04X}>" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


def is_safe(text: str) -> bool:
    """True when ``text`` contains nothing that :func:`visible` would change."""
    return visible(text, multiline=True) == text


QUOTE_LIMIT = 80
"""Most characters of a value a message quotes: a message names the value,
it does not repeat it (one value can be megabytes)."""


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``repr(value)`` for messages, cut to about ``limit`` characters."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    return repr(value)


_NAMES = {
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
    "\x00": "NULL",
    "\x07": "BELL",
    "\x08": "BACKSPACE",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\ufeff": "BYTE ORDER MARK",
}
"""Names unicodedata lacks (controls) or hides (U+FEFF is best known as the BOM)."""


def hidden_characters(text: str, limit: int = 3) -> str:
    """Names of the characters in ``text`` a reader cannot see or tell from
    a space ("U+00A0 NO-BREAK SPACE"), for messages; "" when there are none.

    A key written with a no-break space or a zero-width space looks right in
    an editor and is still wrong: the message has to say what is there.
    """
    import unicodedata  # only messages about such text need it

    names: list[str] = []
    for char in dict.fromkeys(text):
        category = unicodedata.category(char)
        odd_space = category == "Zs" and char != " "
        if odd_space or category in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"):
            if char == "\t":
                continue
            fallback = "control character" if category == "Cc" else "unnamed character"
            name = _NAMES.get(char) or unicodedata.name(char, "") or fallback
            names.append(f"U+{ord(char):04X} {name}")
    if not names:
        return ""
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


_LATIN_LETTER = r"LATIN (SMALL|CAPITAL) LETTER (?:DOTLESS )?([A-Z])(?: WITH .+)?"
"""A Latin letter's name; compiled on first use (few texts need it)."""


def latin_letter(char: str) -> str | None:
    """The ASCII letter under a Latin letter that has no decomposition: a
    stroke, hook or bar (ł -> l, Ø -> O, ı -> i), read from its Unicode
    name; None for any other character."""
    letter = re.fullmatch(_LATIN_LETTER, unicodedata.name(char, ""))
    if letter is None:
        return None
    return letter.group(2).lower() if letter.group(1) == "SMALL" else letter.group(2)


__all__ = ["visible", "is_safe", "hidden_characters", "quoted", "latin_letter"]
