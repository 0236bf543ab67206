"""`briefing draft ARTICLE`: a briefing drafted from a news report passes `check` against it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.model import Roster
from briefing.sources.draft import quoted_spans
from briefing.sources.verify import check_path

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_587aaaef3ee328cb.txt"


def _draft(tmp_path: Path, text: str | None = None, name: str = "article.txt") -> tuple[Path, Path]:
    article = tmp_path / name
    if text is None:
        if not SEED.exists():
            pytest.skip("the seed article is not available")
        shutil.copy(SEED, article)
    else:
        article.write_text(text, encoding="utf-8")
    out = tmp_path / "draft.yaml"
    assert main(["draft", str(article), "-o", str(out)]) == 0
    return article, out


def _body_quotes(text: str) -> list[str]:
    body = text.split("Legal Disclaimer:")[0]
    return [" ".join(body[s:e].split()) for s, e in quoted_spans(body)]


def test_seed_draft_passes_check_with_every_quote(tmp_path, capsys):
    article, out = _draft(tmp_path)
    briefing = check_path(out)  # raises on any loading or verification problem
    assert main(["check", str(out)]) == 0
    assert briefing.sources[0].file == "article.txt"
    assert briefing.sources[0].outlet == "EIN Presswire"
    texts = [q.text for q in briefing.quotes]
    # Every passage in quotation marks, short phrases included, by independent count.
    raw = re.findall(r'"([^"]+)"', article.read_text().split("Legal Disclaimer:")[0])
    assert len(texts) == len(raw) == 10
    # Verbatim, but for the comma before the closing mark: it is the sentence's.
    assert [" ".join(t.split()) for t in texts] == [" ".join(r.split()).removesuffix(",") for r in raw]
    assert "very tense" in texts and "wider range of issues" in texts


def test_seed_draft_speakers(tmp_path):
    _, out = _draft(tmp_path)
    briefing = check_path(out)
    by_text = {q.text.split()[0] + " " + q.text.split()[1]: q for q in briefing.quotes}
    umerov = [q for q in briefing.quotes if q.text.startswith(("We have a framework", "We are working"))]
    assert [q.speaker for q in umerov] == ["umerov", "umerov"]
    tense = by_text["very tense"]
    assert tense.speaker is None
    assert tense.reported_by == "Russian media"
    assert tense.citing == "sources embedded within the Russian delegation"
    assert by_text["President Trump's"].speaker == "witkoff"
    assert by_text["President Trump's"].channel == "X"
    assert by_text["Russia greets"].channel == "Telegram"
    assert by_text["Likewise, we"].speaker == "zelenskyy"  # "He added:"
    assert by_text["wider range"].speaker == "peskov"
    ukraine = next(d for d in briefing.delegations if d.side == "Ukraine")
    assert ukraine.lead == "umerov"
    people = Roster(briefing).people
    assert people["peskov"].title == "Kremlin spokesman"
    assert people["medinsky"].title == "presidential aide"
    assert "trump" in people and not any("Wednesday" in p.name for p in people.values())
    values = [f.value.text for f in briefing.figures]
    assert "nearly 400" in values  # approximate stays approximate
    assert '# guessed from "he said"' in out.read_text()


MADE_UP = """\
# Talks on the Dam Resume in Vessa

Water minister Anna Kowalczyk said the sides were "close to a deal" on Monday.
"We will not sign anything that floods our villages," Kowalczyk told reporters on Tuesday.
According to Hamid Rahimi, the releases were "a matter of survival".
Foreign Minister Hamid Rahimi said: “There is no alternative to dialogue.”
Local officials, citing engineers at the site, called the dam "structurally sound".
The report counts about 1,200 trucks and 14 inspectors.
"Nobody knows who said this."
"""


def test_made_up_article_other_attribution_styles(tmp_path):
    article, out = _draft(tmp_path, MADE_UP, "vessa.md")
    briefing = check_path(out)
    quotes = {q.text: q for q in briefing.quotes}
    assert set(quotes) == {
        "close to a deal",
        "We will not sign anything that floods our villages",
        "a matter of survival",
        "There is no alternative to dialogue.",
        "structurally sound",
        "Nobody knows who said this.",
    }
    assert briefing.meta.title == "Talks on the Dam Resume in Vessa"
    assert quotes["close to a deal"].speaker == "kowalczyk"
    assert quotes["close to a deal"].when == "on Monday"
    assert quotes["We will not sign anything that floods our villages"].speaker == "kowalczyk"
    assert quotes["a matter of survival"].speaker == "rahimi"
    assert quotes["There is no alternative to dialogue."].speaker == "rahimi"
    assert quotes["structurally sound"].reported_by == "Local officials"
    assert quotes["structurally sound"].citing == "engineers at the site"
    nobody = quotes["Nobody knows who said this."]
    assert nobody.speaker is None and nobody.reported_by == "To fill in"
    assert [f.value.text for f in briefing.figures] == ["about 1,200", "14"]
    assert briefing.sources[0].outlet == "To fill in"


HOSTILE = (
    'Headline: with "quotes" # and: colons\n'
    'She said "key: value # not a comment" and "a \\ backslash, \'single\' & *star* [x] {y}".\n'
    'Then "tab\there\x01\x7f\u2028end" and "---" and "!tag &anchor *alias |>".\n'
    'Unbalanced " quote here.\n'
)


def test_hostile_text_still_gives_a_valid_verified_file(tmp_path):
    article, out = _draft(tmp_path, HOSTILE)
    briefing = check_path(out)
    texts = [q.text for q in briefing.quotes]
    assert "key: value # not a comment" in texts
    assert "---" in texts and "!tag &anchor *alias |>" in texts
    assert any("\x01" in t for t in texts)
    assert briefing.meta.title.startswith("Headline:")


def test_output_rules(tmp_path, capsys):
    article, out = _draft(tmp_path, 'A headline\nHe said "yes".\n')
    with pytest.raises(SystemExit):
        main(["draft", str(article), "-o", str(out)])  # exists: refused
    assert "--force" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["draft", str(article), "-o", str(article), "--force"])  # never the article
    assert article.read_text() == 'A headline\nHe said "yes".\n'
    assert main(["draft", str(article), "-o", str(out), "--force"]) == 0
    capsys.readouterr()
    assert main(["draft", str(article)]) == 0
    printed = capsys.readouterr().out
    assert f"file: {str(article.resolve())!r}".replace("'", '"') in printed
    assert main(["draft", str(tmp_path / "missing.txt")]) == 1


WIRE_STYLE = """\
Negotiators close fourth round in Montevideo without a deal

"We are closer than we have ever been," said Sabine Weyand, the European Commission's director-general for trade.
Brazil's foreign minister, Mauro Vieira, said his government would not accept "any quota below 99,000 tonnes".
About 40 officials took part. Argentina's delegation was led by Diana Mondino.
Police estimated nearly 2,000 demonstrators.
"""


def test_wire_style_attribution_and_a_figure_opening_a_sentence(tmp_path):
    article, out = _draft(tmp_path, WIRE_STYLE, "montevideo.txt")
    briefing = check_path(out)
    quotes = {q.text: q for q in briefing.quotes}
    assert quotes["We are closer than we have ever been"].speaker == "weyand"  # '," said NAME'
    assert quotes["any quota below 99,000 tonnes"].speaker == "vieira"  # 'NAME, said ... "..."'
    people = Roster(briefing).people
    assert people["weyand"].title == "European Commission's director-general for trade"
    assert people["vieira"].title == "Brazil's foreign minister"
    argentina = next(d for d in briefing.delegations if d.side == "Argentina")
    assert argentina.lead == "mondino"
    # The side a title names; a person's name in a title ("Trump's envoy") is no side.
    sides = {d.side: [p.id for p in d.members] for d in briefing.delegations}
    assert sides["Brazil"] == ["vieira"] and sides["European Commission"] == ["weyand"]
    # "About 40" opens its sentence and is still approximate: never the exact 40.
    assert [f.value.text for f in briefing.figures] == ["about 40", "nearly 2,000"]
    assert all(not f.value.exact for f in briefing.figures)


BRITISH_STYLE = """\
Negotiators in Bonn agree on a draft text

“This is a step, not a destination,” Stiell said, the UN climate chief.
The chair of the Alliance of Small Island States, Ambassador Ilana Seid, warned that the text was ‘far too weak’ on loss and damage. She added: “Our islands cannot wait.”
Some 62% of delegates backed it, and 64 percent of observers did not.
"We will come back to this in Belém," said Brazil's chief negotiator, André Corrêa do Lago.
"""


def test_british_quotes_names_beyond_ascii_and_shares(tmp_path):
    article, out = _draft(tmp_path, BRITISH_STYLE, "bonn.txt")
    briefing = check_path(out)  # every quote and figure found verbatim in the article
    quotes = {q.text: q for q in briefing.quotes}
    assert quotes["far too weak"].speaker == "seid"  # a British single-quoted phrase
    # After "The chair of the Alliance of ... States," she is the subject, not an object.
    assert quotes["Our islands cannot wait."].speaker == "seid"
    lago = quotes["We will come back to this in Belém"]
    assert lago.speaker == "lago"
    people = Roster(briefing).people
    assert people["lago"].name == "André Corrêa do Lago"
    assert people["lago"].title == "Brazil's chief negotiator"
    shares = [(f.label, f.value.text, f.unit) for f in briefing.figures]
    assert shares == [("delegates", "some 62", "percent"), ("observers", "64", "percent")]


LONG_NAMES = """\
Talks in Doha stall over prisoner lists

Qatar's prime minister, Mohammed bin Abdulrahman Al Thani, said on Monday that the sides were "close, but not there".
Russian negotiator Алексей Полищук told reporters: “Мы готовы продолжать.”
Russian negotiator Борис Полищук added: “Да.”
“We don’t accept the list as it stands,” said Ukraine’s ombudsman, Dmytro Lubinets.
Officials said 40% of the names were disputed.
"""


def test_long_and_cyrillic_names_get_ascii_ids_of_their_own(tmp_path):
    article, out = _draft(tmp_path, LONG_NAMES, "doha.txt")
    briefing = check_path(out)  # valid: ids are ASCII and unique
    people = Roster(briefing).people
    assert people["thani"].name == "Mohammed bin Abdulrahman Al Thani"
    assert {people["polishchuk"].name, people["boris-polishchuk"].name} == {
        "Алексей Полищук",
        "Борис Полищук",
    }
    quotes = {q.text: q for q in briefing.quotes}
    assert quotes["Мы готовы продолжать."].speaker == "polishchuk"
    assert quotes["We don’t accept the list as it stands"].speaker == "lubinets"  # an ombudsman
    assert [(f.label, f.value.text, f.unit) for f in briefing.figures] == [("names", "40", "percent")]


DATELINE_STYLE = """\
Fisheries talks stall in Yaoundé as chair circulates new text

YAOUNDÉ, March 6 (Trade Wire) - Trade ministers failed on Thursday to agree on new limits to fisheries subsidies.

The European Union and Japan sent delegations led by their trade commissioners.

"We are closer than the headlines suggest, but not close enough to sign anything tonight," Okafor, who chairs the negotiating group, told reporters.

EU Trade Commissioner Maja Lindqvist said the bloc would not accept a deal that "leaves industrial fleets untouched".

Delegates said harmful subsidies amount to about $22 billion a year. Pledges to the Fish Fund have reached more than 17 million Swiss francs.

"The gap is narrowing," Reuters reported, citing a diplomat in the room.
"""


def test_dateline_one_word_speakers_titles_before_names_and_sums_of_money(tmp_path):
    article, out = _draft(tmp_path, DATELINE_STYLE, "yaounde.txt")
    briefing = check_path(out)  # every quote and figure found verbatim in the article
    assert briefing.sources[0].outlet == "Trade Wire"  # from the dateline
    quotes = {q.text: q for q in briefing.quotes}
    # A speaker named by one word, with an aside before the verb.
    assert (
        quotes[
            "We are closer than the headlines suggest, but not close enough to sign anything tonight"
        ].speaker
        == "okafor"
    )
    # The title before a name is not part of it.
    people = Roster(briefing).people
    assert people["lindqvist"].name == "Maja Lindqvist"
    assert people["lindqvist"].title == "EU Trade Commissioner"
    assert quotes["leaves industrial fleets untouched"].speaker == "lindqvist"
    # A news agency is no speaker, and the next person named is not its voice:
    # it reported the words, citing someone.
    gap = quotes["The gap is narrowing"]
    assert gap.speaker is None and gap.reported_by == "Reuters"
    assert gap.citing == "a diplomat in the room"
    assert "reuters" not in Roster(briefing).people
    # Sides that "sent delegations", with no lead the article does not give.
    sides = {d.side: d for d in briefing.delegations}
    assert {"European Union", "Japan"} <= set(sides) and sides["Japan"].lead is None
    # "about $22 billion" is approximate, never the exact 22; a sum keeps its currency.
    figures = [(f.value.text, f.value.exact, f.unit) for f in briefing.figures]
    assert figures == [
        ("about 22", False, "billion dollars"),
        ("more than 17", False, "million Swiss francs"),
    ]


def test_greek_names_and_letters_with_a_stroke_get_ascii_ids(tmp_path):
    text = (
        "Athens and Warsaw talk energy\n\n"
        '"Η συμφωνία είναι κοντά," said Greek Foreign Minister Γιώργος Γεραπετρίτης.\n'
        '"We will sign when it is fair," said Polish envoy Łukasz Wójcik.\n'
    )
    article, out = _draft(tmp_path, text, "athens.txt")
    briefing = check_path(out)
    people = {pid: p.name for pid, p in Roster(briefing).people.items()}
    assert people["gerapetritis"] == "Γιώργος Γεραπετρίτης"  # not person, person-2
    assert people["wojcik"] == "Łukasz Wójcik"
    assert {q.speaker for q in briefing.quotes} == {"gerapetritis", "wojcik"}


def test_names_do_not_cross_a_blank_line_and_a_side_is_no_person(tmp_path):
    text = (
        "Talks\n\n"  # the headline's last word is no first name of the body's first
        "Ukraine's team arrived late. The chair, Adaeze\nOkafor, opened.\n"
        '"We are ready," Ukraine said.\n'
        '"Not yet," Okafor said.\n'
    )
    article, out = _draft(tmp_path, text, "wrapped.txt")
    briefing = check_path(out)
    people = {pid: p.name for pid, p in Roster(briefing).people.items()}
    assert people == {"okafor": "Adaeze Okafor"}  # wrapped over two lines, one name
    quotes = {q.text: q.speaker for q in briefing.quotes}
    assert quotes == {"We are ready": None, "Not yet": "okafor"}
