"""Search: stems, typo corrections against the vocabulary, query parsing, candidates and verbatim sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge import search
from knowledge.search import coverage, parse_query, search_facts, search_passages
from knowledge.store import KnowledgeBase, build_knowledge_base
from knowledge.vocabulary import Vocabulary, normalize, stem, vocabulary_of

CABLE = """10VIENNA77
AUSTRIA: ANTI-TRAFFICKING UPDATE
Tue Jun 15 00:00:00 +0200 2010
UNCLASSIFIED
Embassy Vienna

SHELTERS
--------
¶3. (SBU) The LEFOE shelter in Vienna hosted 65 women in 2009.  Its director, Evelyn Probst,
said the Ministry of Women's Affairs covers most of the running costs of the shelter and that
the city adds a grant for legal counselling.  Caseworkers accompany victims to court
 
VIENNA 00000077  002 OF 003
 
 
hearings and to the foreigners' office.

¶4. (U) The Austrian Development Agency committed 120,000 euros ($164,400) to the UNODC
office in Chisinau in 2009 for the training of labour inspectors.

¶5. (U) """ + ("The working group, which brings together the police, the labour inspectorate, the social "
               "partners, the provinces, several ministries, the ombudsman for children and youth, and "
               "non-governmental organizations from every region of the country, " * 4) + """met in Graz.
"""

VOCABULARY = Vocabulary({"unodc": 12, "charpentier": 3, "residence": 40, "reflection": 9, "permit": 50,
                         "contribution": 20, "trafficking": 200, "the": 300, "vienna": 15, "penh": 2}, 400)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "10VIENNA77.txt").write_text(CABLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def kb(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    db = tmp_path_factory.mktemp("kb") / "kb.db"
    build_knowledge_base(docs, db)
    return KnowledgeBase(db)


@pytest.mark.parametrize(("a", "b"), [
    ("contributions", "contribute"), ("contribution", "contributed"), ("identified", "identify"),
    ("identifying", "identifies"), ("residence", "residency"), ("resident", "residence"), ("permits", "permit"),
    ("heroes", "hero"), ("monthly", "month"), ("fees", "fee"), ("victims", "victim"), ("countries", "country"),
])
def test_light_stems_join_forms_of_one_word(a: str, b: str) -> None:
    assert stem(normalize(a)) == stem(normalize(b))


@pytest.mark.parametrize(("a", "b"), [("permit", "permanent"), ("fund", "fun"), ("state", "statement")])
def test_light_stems_keep_different_words_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_accents_are_folded() -> None:
    assert normalize("Titre de SÉJOUR") == "titre de sejour"


@pytest.mark.parametrize(("typed", "known"), [
    ("undoc", "unodc"), ("charpentir", "charpentier"), ("residnce", "residence"), ("reflexion", "reflection"),
    ("contributon", "contribution"), ("viena", "vienna"),
])
def test_unknown_words_are_corrected_against_the_vocabulary(typed: str, known: str) -> None:
    assert not VOCABULARY.knows(typed)
    assert VOCABULARY.corrections(typed)[0].word == known


@pytest.mark.parametrize("typed", ["xylophone", "zzzz", "abc", "1234", "penguin"])
def test_nothing_close_means_no_correction(typed: str) -> None:
    assert VOCABULARY.corrections(typed) == []


@pytest.mark.parametrize(("question", "question_word"), [
    ("who can I call at the embassy in Vienna?", "call"), ("whom should I email about the permit?", "email"),
    ("when is the charpentir seminar?", "when"), ("how much does the permit cost?", "cost"),
])
def test_a_question_word_no_document_uses_is_never_corrected_into_one_it_does(question: str,
                                                                             question_word: str) -> None:
    # "call" is one letter from "recall" and "Coll." (a law's collection): correcting it finds those passages
    vocabulary = Vocabulary({"recall": 5, "coll": 4, "mail": 6, "when": 0, "costs": 0, "permit": 50,
                             "embassy": 20, "vienna": 15, "charpentier": 3}, 400)
    query = parse_query(vocabulary, question)
    assert question_word not in dict(query.corrections)
    assert not {"recall", "coll"} & {t for c in query.concepts for t in c.terms}


def test_a_typo_of_a_question_word_is_still_corrected() -> None:
    query = parse_query(Vocabulary({"funding": 30, "unodc": 12}, 100), "fundng of UNODC")
    assert ("fundng", "funding") in query.corrections


@pytest.mark.parametrize("question", ["reflection period duration", "validity of the B8 permit",
                                      "how many days is the reflection period?", "How long is the permit?"])
def test_questions_that_ask_for_a_duration(question: str) -> None:
    assert parse_query(VOCABULARY, question).wants == "duration"


def test_an_event_at_the_place_the_query_names_gets_a_bonus() -> None:
    vocabulary = Vocabulary({"greta": 5, "visit": 2, "belgrade": 30, "albania": 3}, 100)
    query = parse_query(vocabulary, "GRETA visit Belgrade")
    assert search._place_bonus(query, {"location": "Belgrade"}) > 0
    assert search._place_bonus(query, {"location": "Tirana, Albania"}) == 0
    assert search._place_bonus(query, {"title": "GRETA visit"}) == 0


def test_twitter_is_also_found_as_x() -> None:
    # "IOM Nigeria twitter" should find "IOM Nigeria, Abuja: ... On X: @IOMNigeria"
    query = parse_query(Vocabulary({"iom": 5, "nigeria": 3, "x": 2, "on": 50}, 100), "IOM Nigeria twitter")
    (twitter,) = [c for c in query.words if c.word == "twitter"]
    assert any(alternative == ("x",) for alternative, _ in twitter.alternatives)


def test_daily_rate_is_also_found_as_per_day() -> None:
    # "shelter daily rate" should find "pays licensed shelters EUR 12 per victim per day"
    query = parse_query(Vocabulary({"shelter": 5, "per": 50, "day": 8, "rate": 2}, 100), "shelter daily rate")
    (daily,) = [c for c in query.words if c.word == "daily"]
    assert any(alternative == ("day",) for alternative, _ in daily.alternatives)


def test_testify_is_also_found_as_cooperation_in_proceedings() -> None:
    # "can victims stay if they testify?" should find "victims who agree to take part in criminal proceedings"
    query = parse_query(Vocabulary({"victims": 50, "stay": 9, "criminal": 7, "proceedings": 6, "cooperate": 4}, 100),
                        "can victims stay if they testify?")
    (testify,) = [c for c in query.words if c.word == "testify"]
    assert {"cooperate", "criminal proceedings"} <= set(testify.terms)


@pytest.mark.parametrize(("written", "typed"), [("Łódź", "lodz"), ("Bjarkarhlíð", "bjarkarhlid"),
                                               ("Søren", "soren"), ("Straße", "strasse"), ("Ærø", "aero")])
def test_letters_readers_type_plainly_are_compared_plainly(written: str, typed: str) -> None:
    assert normalize(written) == typed


def test_a_name_with_such_letters_is_found_as_typed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "iceland.txt").write_text("Iceland report\n\nThe ministry granted Bjarkarhlíð ISK 45 million in 2022.\n"
                                      "\nThe shelter in Łódź received PLN 200,000.\n", encoding="utf-8")
    build_knowledge_base(docs, tmp_path / "kb.db")
    kb = KnowledgeBase(tmp_path / "kb.db")
    for typed, expected in (("bjarkarhlid", "Bjarkarhlíð"), ("lodz", "Łódź")):
        hits = search_passages(kb, parse_query(vocabulary_of(kb), typed))
        assert hits and expected in hits[0].excerpt


def test_parse_query_corrects_filters_years_and_drops_stop_words() -> None:
    query = parse_query(VOCABULARY, "how much did the UNDOC contribution reach in 2018?")
    assert [c.word for c in query.words] == ["undoc", "contribution", "reach"][: len(query.words)]
    assert ("undoc", "unodc") in query.corrections
    assert query.years == (2018,)
    assert query.wants == "amount"
    assert "reach" in query.unknown or "reach" in [c.word for c in query.words]


def test_how_long_asks_for_a_duration_not_for_the_word_long() -> None:
    vocabulary = Vocabulary({"long": 30, "reflection": 9, "period": 12}, 100)
    query = parse_query(vocabulary, "How long is the reflection period?")
    assert [c.word for c in query.words] == ["reflection", "period"]
    assert query.wants == "duration"
    assert search._answer_type_bonus(query, "The reflection period lasts 90 days.") > 0
    assert search._answer_type_bonus(query, "A long-term residence permit may follow the reflection period.") == 0


@pytest.mark.parametrize("sentence", ["In that case EUR 2.3 million was frozen.", "It cost 300 euros.",
                                      "A grant of SEK 400,000 followed.", "The fund gave $5,000."])
def test_how_much_prefers_a_sentence_with_an_amount(sentence: str) -> None:
    query = parse_query(Vocabulary({"frozen": 2}, 100), "how much was frozen?")
    assert search._answer_type_bonus(query, sentence) > 0
    assert search._answer_type_bonus(query, "The case was presented in 2021 in four countries.") == 0


def test_synonyms_are_weaker_alternatives() -> None:
    query = parse_query(VOCABULARY, "permit")
    (concept,) = query.concepts
    credits = dict(concept.alternatives)
    assert credits[("permit",)] == 1.0
    assert credits[(stem("residence"), "permit")] < 1.0


def test_coverage_weighs_words_synonyms_and_context() -> None:
    query = parse_query(VOCABULARY, "unodc contribution")
    both = {stem("unodc"), stem("contribution")}
    assert coverage(query, both) == pytest.approx(1.0)
    assert 0 < coverage(query, {stem("unodc")}) < 1
    assert coverage(query, {stem("unodc")}, context={stem("contribution")}) > coverage(query, {stem("unodc")})


def test_a_long_query_is_read_up_to_a_limit() -> None:
    query = parse_query(VOCABULARY, " ".join(f"word{i}" for i in range(5_000)))
    assert len(query.concepts) + len(query.unknown) <= search.MAX_QUERY_WORDS


@pytest.mark.parametrize("text", ['"', "NEAR(", "AND OR NOT", "*", "(", "'; DROP TABLE passages; --", "居留许可",
                                  "\x00\x07", "x" * 10_000])
def test_searches_take_any_text(kb: KnowledgeBase, text: str) -> None:
    query = parse_query(vocabulary_of(kb), text)
    assert isinstance(search_passages(kb, query), list)
    assert isinstance(search_facts(kb, query, "funding"), list)


def test_the_vocabulary_comes_from_the_knowledge_base(kb: KnowledgeBase) -> None:
    vocabulary = vocabulary_of(kb)
    assert vocabulary.knows("lefoe") and vocabulary.knows("probst")
    assert vocabulary.corrections("probs")[0].word == "probst"
    assert not vocabulary.knows("vzczc")  # transmission noise is not vocabulary


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(("text", "sentence"), [
    ("who directs the LEFOE shelter", "Its director, Evelyn Probst,"),
    ("Evelin Probst", "Its director, Evelyn Probst,"),  # typo in a name
    ("how many women did the shelter host", "The LEFOE shelter in Vienna hosted 65 women in 2009."),
])
def test_passage_hits_quote_their_best_sentence_verbatim(kb: KnowledgeBase, docs: Path, text: str,
                                                         sentence: str) -> None:
    hits = search_passages(kb, parse_query(vocabulary_of(kb), text))
    assert hits and sentence in hits[0].excerpt
    assert _fold(hits[0].excerpt) in _fold((docs / "10VIENNA77.txt").read_text(encoding="utf-8"))


def test_a_sentence_across_a_page_break_is_quoted_whole(kb: KnowledgeBase, docs: Path) -> None:
    hits = search_passages(kb, parse_query(vocabulary_of(kb), "caseworkers accompany victims hearings"))
    excerpt = hits[0].excerpt
    assert excerpt.startswith("Caseworkers accompany victims to court") and excerpt.endswith("foreigners' office.")
    assert _fold(excerpt) in _fold((docs / "10VIENNA77.txt").read_text(encoding="utf-8"))


def test_a_very_long_sentence_is_cut_around_the_words_asked(kb: KnowledgeBase) -> None:
    hits = search_passages(kb, parse_query(vocabulary_of(kb), "ombudsman working group Graz"))
    assert hits and len(hits[0].excerpt) <= 600
    assert "ombudsman" in hits[0].excerpt


def test_years_filter_facts(kb: KnowledgeBase) -> None:
    vocabulary = vocabulary_of(kb)
    assert search_facts(kb, parse_query(vocabulary, "Chisinau 2009"), "funding")
    assert not search_facts(kb, parse_query(vocabulary, "Chisinau 2015"), "funding")


def test_too_many_matches_to_rank_still_give_candidates(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RANK_BUDGET", 0)  # every match set is "too large": index order
    hits = search_passages(kb, parse_query(vocabulary_of(kb), "Chisinau labour inspectors"))
    assert hits and "Chisinau" in hits[0].excerpt


def test_a_country_named_only_in_the_title_still_counts(tmp_path: Path) -> None:
    # Cables name their country in the subject line, not in every paragraph.
    folder = tmp_path / "docs"
    folder.mkdir()
    opening = ("1. (U) Summary: the national rapporteur published her annual report this month and the "
               "interministerial committee met twice to review the referral mechanism and its guidelines.\n\n")
    for name, cable, country, paragraph in [
            ("a.txt", "18LISBON311", "PORTUGAL", "The government provided EUR 1.5 million to the two shelters."),
            ("b.txt", "18MADRID208", "SPAIN", "Shelters received EUR 900,000; shelters reported more victims.")]:
        subject = f"{country}: SUPPORT FOR TRAFFICKING VICTIMS"
        header = (f"{cable}\n{subject}\nTue Mar 13 00:00:00 +0100 2018\nUNCLASSIFIED\nEmbassy\nVZCZCXRO4378\n"
                  f"OO RUEHIK\nDE RUEHLI #0311/01 0721636\nZNR UUUUU ZZH\nO 131636Z MAR 18\nFM AMEMBASSY\n"
                  f"TO RUEHC/SECSTATE WASHDC IMMEDIATE 8352\nUNCLAS {cable[2:]}\n\nSIPDIS\n\nE.O. 12958: N/A\n"
                  f"TAGS: KTIP PHUM\nSUBJECT: {subject}\n\n")
        (folder / name).write_text(header + opening + f"2. (U) {paragraph}\n", encoding="utf-8")
    build_knowledge_base(folder, tmp_path / "kb.db")
    base = KnowledgeBase(tmp_path / "kb.db")
    assert not base.query("SELECT 1 FROM passages WHERE body LIKE '%portugal%'")  # the title only
    query = parse_query(vocabulary_of(base), "Portugal shelters")
    assert search_facts(base, query, "funding")[0].row["doc"] == "a.txt"
    assert search_passages(base, query)[0].passage.doc == "a.txt"
