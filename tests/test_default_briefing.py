"""The bundled Geneva briefing is valid and faithful to the source article."""

from __future__ import annotations

import re

import pytest

from briefing.loading import load_path
from briefing.model import FigureKind, Roster
from briefing.paths import default_briefing

from .conftest import DEFAULT, SEED


@pytest.fixture(scope="module")
def briefing():
    return load_path(DEFAULT)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_default_resolves_to_bundled_file():
    assert default_briefing().read_bytes() == DEFAULT.read_bytes()


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seeds beside the checkout")
def test_every_quote_is_verbatim_in_the_article(briefing):
    article = _squash(SEED.read_text(encoding="utf-8"))
    assert briefing.quotes, "the default briefing has quotes"
    for quote in briefing.quotes:
        assert _squash(quote.text) in article, quote.id


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seeds beside the checkout")
def test_every_named_person_appears_in_the_article(briefing):
    article = SEED.read_text(encoding="utf-8")
    for person in Roster(briefing).people.values():
        assert person.name.split()[-1] in article, person.name


def test_strike_figures_as_reported(briefing):
    counts = {c.id: c for c in briefing.strikes.counts}
    missiles, drones = counts["missiles"], counts["drones"]
    assert (missiles.launched.kind, missiles.launched.value) == (FigureKind.EXACT, 29)
    assert (missiles.intercepted.kind, missiles.intercepted.value) == (FigureKind.EXACT, 25)
    assert drones.launched.kind is FigureKind.APPROXIMATE
    assert drones.launched.text == "nearly 400"
    assert drones.intercepted.kind is FigureKind.NOT_REPORTED
    assert drones.intercepted.value is None


def test_delegations_and_roles(briefing):
    roles = {d.id: d.role for d in briefing.delegations}
    assert roles["us"] == "mediator"
    assert roles["ukraine"] == roles["russia"] == "party"
    for ally in ("france", "uk", "germany", "italy", "switzerland"):
        assert roles[ally] == "ally"
    leads = {d.id: d.leads for d in briefing.delegations}
    # Witkoff and Kushner facilitated the talks together: neither alone leads.
    assert leads == {**leads, "us": ["witkoff", "kushner"], "ukraine": ["umerov"], "russia": ["medinsky"]}


def test_format_facts_and_source(briefing):
    facts = " ".join(briefing.meta.format).lower()
    assert "closed to the press" in facts
    assert "no formal joint statement" in facts
    assert briefing.meta.source.outlet == "EIN Presswire"
    assert briefing.meta.source.headline == "Ukraine-Russia Talks End in Geneva"


def test_timeline_runs_from_abu_dhabi_to_wednesday(briefing):
    ids = [e.id for e in briefing.timeline]
    assert ids[0] == "abu-dhabi"
    assert ids.index("tuesday-session") < ids.index("wednesday-resumption")


# --- what the article does not say, the briefing does not say either ----------


def _item(briefing, ident):
    from briefing.model.items import items

    return next(obj for _, i, obj, *_ in items(briefing) if i == ident)


def test_no_place_the_article_does_not_give(briefing):
    # Zelenskyy "disclosed late Tuesday ... he wrote in a Telegram post": no place.
    assert "Kyiv" not in (_item(briefing, "zelenskyy").notes or "")


def test_attendance_only_where_the_article_implies_it(briefing):
    # Whether Trump or Peskov were at the table, the article does not say.
    assert _item(briefing, "trump").attending is None
    assert _item(briefing, "peskov").attending is None
    assert "table" not in (_item(briefing, "trump").notes or "")


def test_no_invented_time_for_the_sideline_exchanges(briefing):
    # Russian media reported them; the article gives no day.
    assert _item(briefing, "sideline-exchanges").when is None
    assert _item(briefing, "witkoff-assessment").when is None


def test_strikes_agenda_item_says_lead_up_as_the_article_does(briefing):
    title = _item(briefing, "strikes").title
    assert "lead-up" in title and "during" not in title
    assert briefing.strikes.period == "The lead-up to the talks"


def test_no_item_in_progress_on_the_strength_of_one_meeting(briefing):
    assert _item(briefing, "allied-coordination").status == "unknown"
    assert [a.id for a in briefing.agenda if a.status == "in-progress"] == []


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seeds beside the checkout")
def test_very_tense_is_reported_speech_not_russias_words(briefing):
    quote = _item(briefing, "russian-media-tense")
    assert quote.speaker is None  # not put in a side's mouth
    assert quote.reported_by == "Russian media"
    article = _squash(SEED.read_text(encoding="utf-8"))
    assert f"drawing on {quote.citing}" in article


def test_reported_speech_reads_as_reported_everywhere(briefing):
    from briefing.model.wording import attribution
    from briefing.output.citation import cite
    from briefing.output.plain import render_plain

    roster = Roster(briefing)
    quote = _item(briefing, "russian-media-tense")
    who = "Russian media, citing sources embedded within the Russian delegation"
    assert attribution(quote, roster.name_of) == who
    assert cite(quote, briefing, roster).startswith(f"“very tense” — {who}. Source: EIN Presswire")
    plain = render_plain(briefing)
    assert "Reported by: Russian media" in plain
    assert "Speaker: Russia" not in plain


def test_person_notes_say_only_what_the_briefing_says():
    # One home for "leads the delegation" / "not at the table" (plain text,
    # export and the app all take them from model/wording.py).
    from briefing.model.wording import LEADS, NOT_AT_THE_TABLE, person_notes

    briefing = load_path(DEFAULT)
    notes = {p.id: person_notes(p, d) for d in briefing.delegations for p in d.members}
    assert notes["umerov"] == [LEADS]
    assert notes["zelenskyy"] == [NOT_AT_THE_TABLE]  # attending: false in the file
    # No attending: key is no claim either way.
    assert all(NOT_AT_THE_TABLE not in n for pid, n in notes.items() if pid != "zelenskyy")
