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
    leads = {d.id: d.lead for d in briefing.delegations}
    assert leads == {**leads, "us": "witkoff", "ukraine": "umerov", "russia": "medinsky"}


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
