"""The words a news report attributes with, as patterns for :mod:`briefing.sources.draft`.

Titles ("Kremlin spokesman", "Brazil's foreign minister"), names in Latin,
Greek or Cyrillic letters, verbs of saying, reporters and what they cite,
channels, weekdays, delegations, quotation marks and figures. No logic
here: what each pattern finds is decided in ``draft.py``.
"""

from __future__ import annotations

import re

from briefing.model.figures import _QUALIFIER_RE

TITLE_NOUNS = (
    "spokesman|spokeswoman|spokesperson|envoy|aide|adviser|advisor|son-in-law|secretary|"
    "minister|president|vice president|prime minister|chancellor|ambassador|negotiator|"
    "commander|chief|head|director|leader|official|representative|general|senator|"
    "governor|mayor|premier|foreign minister|chairman|chairwoman|deputy|king|queen|pope|"
    "ombudsman|ombudswoman|commissioner|mediator|coordinator|delegate|diplomat|emissary|"
    "chairperson|rapporteur|prosecutor"
)
CAP_TITLES = re.compile(
    r"^(?:(?:Vice |Prime |Foreign |Defen[cs]e |Deputy )?(?:President|Minister|Chancellor|"
    r"Premier|Secretary|Senator|Governor|Mayor|General|King|Queen|Pope|Ambassador)"
    r"|Mr|Mrs|Ms|Dr)\.?\s+"
)


def _letters(case: str) -> str:
    """Every Latin, Greek and Cyrillic letter of one case, for a character class."""
    return "".join(c for c in map(chr, range(0x41, 0x530)) if c.isalpha() and getattr(c, case)())


# A word of a name in any of those scripts: "André", "Corrêa", "Erdoğan",
# "Mbeki-Rowe", "O'Brien"; and the particles between them ("do", "van").
_UPPER, _LOWER = _letters("isupper"), _letters("islower")
NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+|['’][{_UPPER}][{_LOWER}]+)*"
PARTICLE = r"(?:da|de|di|do|dos|das|du|del|della|der|den|van|von|ter|la|le|bin|ibn|al|el)"
_GAP = r"(?:[ \t]+\n?|\n)[ \t]*"
"""Space between the words of a name: one line break at most (a hard-wrapped
line), never a blank line (the headline and the first paragraph are apart)."""
NAME = re.compile(
    rf"\b(?:{CAP_TITLES.pattern[1:]})?"
    rf"({NAME_WORD}(?:{_GAP}(?:{PARTICLE}{_GAP})?{NAME_WORD}){{1,3}})(?:['’]s)?(?!\w)"
)
AGENCIES = set("Reuters Interfax Xinhua Bloomberg Kyodo Yonhap Ukrinform Anadolu Bernama Politico".split())
"""News agencies: never a person; after a quote ('"…," Reuters reported') the reporter."""
NOT_NAMES = (
    set(
        """The A An On In At As By For From To Of And But Or If While When After Before During
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December National Security Defense Defence
    Council Ministry Union United States Kingdom Nations House Office Party Department Agency
    Press Presswire News Media Legal Disclaimer Foreign Affairs Republic Federation European
    American Russian Ukrainian Kremlin White Armed Forces Army Navy Air Force Committee
    Parliament Congress Senate Court Bank Group Company Ministry Government State Street
    North South East West Middle Central Sea Ocean Gulf River Lake Mount City President Minister
    Secretary Prime Chancellor Senator Governor General King Queen Pope Ambassador Mr Mrs Ms Dr""".split()
    )
    | AGENCIES
)
SPEECH = (
    r"said|says|added|adds|wrote|writes|told|tells|stated|stating|noted|noting|declared|"
    r"described|describing|signaled|signalled|characterized|characterised|called|calling|"
    r"posted|warned|insisted|argued|claimed|announced|explained|stressed|saying|remarked|"
    r"replied|asked|urged|offered|acknowledged|confirmed|disclosed|reported"
)
PRONOUN_AFTER = re.compile(rf"^[\s,]*(?P<w>(?:he|she|they)\s+(?:{SPEECH})(?:\s+on\s+\w+)?)\b", re.I)
_NAME_RUN = rf"{NAME_WORD}(?:{_GAP}{NAME_WORD})*"
"""Capitalised words in a row, as a name is written around a verb of saying."""
# Between a name and its verb, an aside: "Okafor, who chairs the group, told".
_APPOSITION = r"(?:,\s+(?P<app>(?:who|a|an|the)\b[^,\"“”]{0,80}),)?"
NAME_AFTER = re.compile(
    rf"^[\s,]*(?P<w>(?:(?P<n1>{_NAME_RUN}){_APPOSITION}\s+(?:{SPEECH}))|(?:(?:{SPEECH})\s+(?P<n2>{_NAME_RUN})))\b"
)
ONE_NAME_AFTER = re.compile(rf"[\"”][\s,]*(?P<n>{NAME_WORD}){_APPOSITION}\s+(?:{SPEECH})\b")
"""A speaker the report names by one word, after the quote: '"…," Okafor said'."""
TITLE_WORD = re.compile(rf"(?:{TITLE_NOUNS})", re.I)
"""One word of a title inside a run of capitalised words ("Trade Commissioner Maja Lindqvist")."""
_SIDE = rf"(?:the\s+)?{NAME_WORD}(?:\s+(?:of\s+|and\s+the\s+)?{NAME_WORD}){{0,4}}"
SENT_DELEGATIONS = re.compile(
    rf"(?P<sides>(?:[Tt]he\s+)?{NAME_WORD}(?:\s+(?:of\s+)?{NAME_WORD}){{0,4}}(?:,\s+{_SIDE})*,?\s+and\s+{_SIDE})"
    r"\s+(?:each\s+|also\s+)?sent\s+delegations\b"
    rf"|(?P<side>(?:[Tt]he\s+)?{NAME_WORD}(?:\s+(?:of\s+)?{NAME_WORD}){{0,4}})\s+(?:also\s+)?sent\s+a\s+delegation\b"
)
"""Sides named as sending delegations: "The European Union and Japan sent delegations"."""
DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'-]+,[^()\n]{0,40}\((?P<o>[A-Z][\w&.' -]{1,40})\)\s*[-–—]", re.M)
"""A wire dateline that names the outlet: "YAOUNDÉ, March 6 (Trade Wire) -"."""
COLON_BEFORE = re.compile(
    rf"(?P<w>(?:(?P<p>\b(?:[Hh]e|[Ss]he|[Tt]hey))|(?P<n>{_NAME_RUN}))"
    rf"\s+(?:{SPEECH})\b[^.:\"“”]{{0,60}}):\s*$"
)
ACCORDING = re.compile(r"(?P<w>according to (?P<n>[^,.;:\"“”]{2,80}))", re.I)
REPORTERS = re.compile(
    r"(?P<r>(?:[A-Z][a-z]+\s+)?(?:state\s+)?(?:media|press|officials|sources|reports|"
    r"news agencies|outlets|analysts|diplomats|observers))\b"
)
CITING = re.compile(r"(?:drawing on|citing|quoting|according to)\s+(?P<c>[^,.;:\"“”]{3,120})")
CHANNELS = (
    "Facebook|X|Telegram|Twitter|Instagram|TikTok|YouTube|LinkedIn|Truth Social|Threads|"
    "Bluesky|VK|Weibo|WhatsApp|Mastodon"
)
CHANNEL = re.compile(rf"\b(?:on|in an?|via)\s+(?P<c>{CHANNELS})\b(?:\s+post)?")
WEEKDAY = re.compile(
    r"\b(?:(?:late|early|on|ahead of|before|after|prior to)\s+)?(?:late\s+|early\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s\s+[a-z]+)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
DELEGATION = re.compile(
    rf"(?P<side>{NAME_WORD})(?:'s|’s)\s+(?:team|delegation|negotiators|side)\s+"
    r"(?:was|were|is|are)\s+(?:headed|led)\s+by\b"
    rf"|[Tt]he\s+(?P<adj>{NAME_WORD})\s+(?:team|delegation)\s*,?\s+(?:was\s+)?(?:headed|led)\s+by\b"
)
# "Kremlin spokesman Dmitry Peskov", and as an apposition "Brazil's foreign
# minister, Mauro Vieira"; after the name ", the European Commission's
# director-general for trade," (or "... for trade." ending the sentence).
TITLE_BEFORE = re.compile(
    rf"(?P<t>(?:[A-Z][\w'’-]*\s+){{0,3}}(?:[a-z][\w-]*\s+){{0,2}}(?:{TITLE_NOUNS})),?\s+$", re.I
)
TITLE_AFTER = re.compile(
    rf"^,\s+(?P<t>(?:the\s+)?(?-i:(?:[A-Z][\w'’-]*\s+){{0,3}})(?:{TITLE_NOUNS})\b[^,.;:\"“”]{{0,80}})(?:,|\.(?:\s|$))",
    re.I,
)
TITLE_SIDE = re.compile(rf"^(?P<side>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})['’]s\s")
SAID_OR_LED = re.compile(rf"\b(?:(?:{SPEECH})|(?:led|headed)\s+by)\s+$")
TITLE_STOP = re.compile(rf"^(?:by|and|the|a|an|of|with|from|to|was|is|,|{SPEECH})$", re.I)
PREPOSITIONS = {"from", "to", "with", "of", "for", "under", "against", "about", "toward", "towards"}
# The qualifier in any case: "About 40 officials" opens a sentence and is
# as approximate as "about 40".
# A share keeps its unit: "Some 62% of delegates", "64 percent of capacity".
# A currency sign may stand between the qualifier and the number: "about
# $22 billion" is as approximate as "about 22".
FIGURE = re.compile(
    rf"(?<![\w.,])(?:(?P<q>(?i:{_QUALIFIER_RE}))\s+)?(?P<cur>[$€£¥])?(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)"
    r"(?:(?P<pct>%|\s+per\s?cent\b)\s+of(?:\s+the)?)?\s+(?P<u>[a-z][a-z-]+)"
)
MAGNITUDES = {"thousand", "million", "billion", "trillion"}
"""Words that scale the number: the unit is what follows them ("million Swiss francs")."""
CURRENCY_SIGNS = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
CURRENCY_AFTER = re.compile(
    r"\s+(?P<c>(?:[A-Z][a-z]+\s+)?(?:dollars|euros|francs|pounds|yen|yuan|rupees|roubles|rubles|"
    r"hryvnias|pesos|reais|rand|shillings|dinars|dirhams|riyals|lira|kronor|krone|zlotys|won)"
    r"|[A-Z]{3}\b)"
)
"""The currency after a magnitude: "Swiss francs", "dollars", "USD"."""
NOT_UNITS = {"of", "and", "or", "to", "in", "on", "at", "the", "a", "per", "percent"}
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?](?=\s)")
DISCLAIMER = re.compile(r"^[ \t]*(?:Legal\s+)?Disclaimer:?[ \t]*$", re.I | re.M)
OUTLET = re.compile(r"(?P<o>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*)\s+(?:provides|publishes|distributes)\b")
# "...", “...” and British ‘...’: a single quote opens after a space or a
# dash and closes before a non-letter, so the apostrophes of "Brazil’s"
# and "don’t" inside it do not end it.
QUOTED = re.compile(r'"([^"]*)"|“([^”“]*)”|(?<![\w’])‘((?:[^‘’\n]|’(?=\w))*)’(?!\w)')
