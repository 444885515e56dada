"""French quotes: marks (no model), attribution, targets and stance (real model, invented text)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.quote_marks import find_marked_spans
from allegiance.models import Entity, Mention
from entity_helpers import entities_named
from quote_helpers import quote_with, quotes_of

EXAMPLE = Path(__file__).resolve().parent.parent / "examples"


def _content(text: str) -> list[str]:
    return [text[s.start : s.end].strip() for s in find_marked_spans(text)]


def test_guillemets_and_broken_pairs() -> None:
    text = "Il l'a qualifié de «escroc”, puis a dit « c'est fini ». Elle a répondu “non »."
    assert _content(text) == ["escroc", "c'est fini", "non"]


def test_orphan_closing_mark_starts_at_sentence_start() -> None:
    text = "Première phrase. Et il a dit le plus grand expert du monde” hier."
    spans = find_marked_spans(text)
    assert len(spans) == 1 and spans[0].orphan
    assert text[spans[0].start : spans[0].end] == "Et il a dit le plus grand expert du monde"


def test_quote_across_paragraphs() -> None:
    text = "« Premier paragraphe sans fin.\n\n« Second paragraphe qui ferme. »"
    spans = find_marked_spans(text)
    assert [text[s.start : s.end].strip() for s in spans] == [
        "Premier paragraphe sans fin.",
        "Second paragraphe qui ferme.",
    ]
    assert spans[1].continued and not spans[0].continued


def test_nested_quote_is_part_of_outer() -> None:
    text = "« Il m'a dit “jamais” hier », a raconté Paul."
    assert _content(text) == ["Il m'a dit “jamais” hier"]


# -- through the real model ----------------------------------------------------------------------


NAMES = {
    "paul-durand": ["Paul Durand", "Durand", "Paul"],
    "marie-leroy": ["Marie Leroy", "Leroy", "Marie"],
    "org-acme": ["Acme"],
}


@pytest.mark.model
def test_incise_after_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "« Nous allons gagner cette bataille », a déclaré Paul Durand mardi."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "gagner")
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.entity == "paul-durand"
    assert q.cue is not None and q.cue.text == "déclaré"
    assert q.text == "Nous allons gagner cette bataille"


@pytest.mark.model
def test_inverted_pronoun_incise_and_continuation(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy a parlé longuement lundi. « Le projet avance bien », a déclaré Marie Leroy. "
        "« Nous sommes prêts », a-t-elle ajouté.\n\n« Et nous irons jusqu'au bout. »"
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    for fragment in ("avance", "prêts", "jusqu'au bout"):
        q = quote_with(quotes, fragment)
        assert q.speaker is not None and q.speaker.entity == "marie-leroy", fragment


@pytest.mark.model
def test_speaker_before_colon(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Paul Durand a écrit : « Marie Leroy est une menteuse. »"
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "menteuse")
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.entity == "paul-durand"
    assert [(t.entity, t.stance) for t in q.about] == [("marie-leroy", -1)]


@pytest.mark.model
def test_partial_quote_with_naming_cue(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Paul Durand a attaqué Marie Leroy sur les réseaux, la qualifiant de «escroc”, mardi."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "escroc")
    assert q.kind == "partial"
    assert q.text == "escroc"
    assert q.speaker is not None and q.speaker.entity == "paul-durand"
    assert ("marie-leroy", -1) in [(t.entity, t.stance) for t in q.about]


@pytest.mark.model
def test_selon_gives_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Selon Marie Leroy, les « barons de la finance » ont gagné la partie."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "barons")
    assert q.speaker is not None and q.speaker.entity == "marie-leroy"
    assert q.kind == "partial"


@pytest.mark.model
def test_indirect_speech(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Paul Durand a déclaré que l'entreprise Acme allait fermer son usine."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "fermer")
    assert q.kind == "indirect"
    assert q.speaker is not None and q.speaker.entity == "paul-durand"
    assert "org-acme" in [t.entity for t in q.about]


@pytest.mark.model
def test_scare_quotes_are_not_quotes(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le projet « Horizon » a coûté cher à Acme, selon le rapport publié hier."
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert not [q for q in quotes if q.text == "Horizon"]
    # the sentence itself is reported speech of an unnamed source
    q = quote_with(quotes, "coûté cher")
    assert q.kind == "indirect" and q.speaker is not None and q.speaker.name == "le rapport"


@pytest.mark.model
def test_negation_and_hedge(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Paul n'est pas un menteur », a déclaré Marie Leroy. "
        "« Paul serait peut-être un escroc », a ajouté Marie Leroy."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    negated = quote_with(quotes, "menteur")
    hedged = quote_with(quotes, "escroc")
    assert [(t.entity, t.stance) for t in negated.about] == [("paul-durand", 1)]
    assert [(t.entity, t.stance) for t in hedged.about] == [("paul-durand", 0)]


@pytest.mark.model
def test_pronoun_inside_quote_is_target_not_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a répondu aux critiques jeudi. "
        "« Je pense qu'il est brillant », a déclaré Marie Leroy à propos de lui."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "brillant")
    assert q.speaker is not None and q.speaker.entity == "marie-leroy"
    assert ("paul-durand", 1) in [(t.entity, t.stance) for t in q.about]


# -- the user's demo article ---------------------------------------------------------------------


def _example_body(raw: str, boilerplate: list[str]) -> str:
    kept = [
        p
        for p in raw.split("\n")
        if not (p.strip() and any(p.strip().startswith(b) for b in boilerplate))
    ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


@pytest.mark.model
def test_demo_article(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    from allegiance.evaluation.quotes import GoldQuote, locate, score_quotes

    gold = json.loads((EXAMPLE / "musk-altman-fr.gold.json").read_text("utf-8"))
    body = _example_body((EXAMPLE / "musk-altman-fr.txt").read_text("utf-8"), gold["boilerplate"])
    names = {}
    for g in gold["entities"]:
        forms = [g["name"], *g.get("aliases", [])]
        if g["type"] == "person":
            forms.append(g["name"].split()[0])
        names[g["key"] if g["type"] == "person" else "org-" + g["key"]] = forms
    from allegiance.extract.quotes import find_quotes

    entities = entities_named(body, names)
    for e in entities:
        e.id = e.id.removeprefix("org-")
    quotes = find_quotes(fr_nlp(normalize_for_nlp(body)), entities, "fr")
    golds = []
    for g in gold["quotes"]:
        loc = locate(body, g["text"])
        assert loc is not None, g["text"]
        golds.append(
            GoldQuote(g["text"], *loc, g["kind"], g["speaker"], None, g["about"], g["polarity"])
        )
    scores = score_quotes(quotes, golds, body, overlap=0.8)
    assert scores.matched >= 14
    assert scores.speaker_right >= 14
    assert scores.target_accuracy >= 0.6


@pytest.mark.model
def test_incise_inside_the_marks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "« Absurde. Ce processus est la norme, explique Paul Durand. Les études le montrent. »"
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "Absurde")
    assert q.speaker is not None and q.speaker.entity == "paul-durand"


@pytest.mark.model
def test_definite_description_refers_to_the_named_person(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy, chercheuse au CNRS, a publié une étude. "
        "« Nous manquons de données », a déclaré la chercheuse."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "Nous manquons")
    assert q.speaker is not None and q.speaker.entity == "marie-leroy"


@pytest.mark.model
def test_inverted_pronoun_after_t(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Paul Durand est arrivé lundi. « La réforme est injuste », a-t-il affirmé."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "La réforme")
    assert q.speaker is not None and q.speaker.entity == "paul-durand"
    assert q.speaker.mention is not None and q.speaker.mention.text != "-t"


# -- speaker rules added for issue 3 (invented sentences) ---------------------------------------


@pytest.mark.model
def test_incise_verb_misread_as_noun_or_wrong_lemma(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Le pouvoir a failli sur toute la ligne », analyse Paul Durand dans un livre. "
        "« Les comptes sont bons cette année », indique-t-il dans un communiqué."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    for fragment in ("failli", "comptes"):
        q = quote_with(quotes, fragment)
        assert q.speaker is not None and q.speaker.entity == "paul-durand", fragment


@pytest.mark.model
def test_inanimate_subject_is_not_a_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Les chiffres publiés par Acme montrent que les ventes ont reculé de dix pour cent."
    from allegiance.extract.quote_context import QuoteContext

    doc = fr_nlp(normalize_for_nlp(body))
    ctx = QuoteContext(doc, entities_named(body, NAMES), "fr")
    chiffres = next(t for t in doc if t.text == "chiffres")
    speaker = ctx.speaker_from_tokens(chiffres, (0, 0))
    # not "Les chiffres": the actor behind them
    assert speaker is not None and speaker.entity == "org-acme"
    ventes = next(t for t in doc if t.text == "ventes")
    assert ctx.speaker_from_tokens(ventes, (0, 0)) is None


@pytest.mark.model
def test_human_descriptions_can_speak(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    from allegiance.extract.quote_context import QuoteContext

    doc = fr_nlp("La chercheuse et le porte-parole ont parlé avec la jeune femme et les données.")
    ctx = QuoteContext(doc, [], "fr")
    can = {t.text: ctx.can_speak(t) for t in doc if t.pos_ == "NOUN"}
    assert can["chercheuse"] and can["porte-parole"] and can["femme"]
    assert not can["données"]


@pytest.mark.model
def test_pour_x_frames_a_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le débat continue. Pour Marie Leroy, « ce qui compte, c'est la suite du projet »."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "compte")
    assert q.speaker is not None and q.speaker.entity == "marie-leroy"


@pytest.mark.model
def test_quote_standing_alone_after_named_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a parlé en premier.\n\n"
        "Marie Leroy est en désaccord avec lui.\n"
        "« Rien ne justifie une telle décision, et nous le dirons au conseil. »"
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "justifie")
    assert q.speaker is not None and q.speaker.entity == "marie-leroy"


@pytest.mark.model
def test_pronoun_after_cue_is_not_the_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    from allegiance.extract.attribution import speaker_of_cue
    from allegiance.extract.quote_context import QuoteContext

    body = "Hier, Paul Durand pense qu'il faut tout revoir."
    doc = fr_nlp(normalize_for_nlp(body))
    ctx = QuoteContext(doc, entities_named(body, NAMES), "fr")
    cue = next(t for t in doc if t.text == "pense")
    speaker = speaker_of_cue(ctx, cue, (0, 0))
    assert speaker is not None and speaker.entity == "paul-durand"


@pytest.mark.model
def test_feminine_agreement_gives_gender(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    from allegiance.extract.quote_context import QuoteContext, pronoun_gender

    body = "Claude Martin est arrivée tôt. Dominique Petit est arrivé tard."
    names = {"claude-martin": ["Claude Martin"], "dominique-petit": ["Dominique Petit"]}
    doc = fr_nlp(normalize_for_nlp(body))
    ents = entities_named(body, names)
    ctx = QuoteContext(doc, ents, "fr")
    assert ctx.gender_of(ents[0]) == "Fem"
    assert ctx.gender_of(ents[1]) == "Masc"
    assert pronoun_gender("-t-elle") == "Fem" and pronoun_gender("il") == "Masc"
    # ``elle`` skips the later man and goes back to the woman
    assert ctx.resolve_pronoun(len(body), exclude=set(), gender="Fem") is ents[0]


def test_lemma_guesses_for_forms_the_lemmatizer_left() -> None:
    from allegiance.extract.attribution import lemma_guesses

    assert "indiquer" in lemma_guesses("indique")
    assert "déclarer" in lemma_guesses("déclaré")
    assert lemma_guesses("écrit") == ["écrire"]


@pytest.mark.model
def test_opinion_opening_with_pour(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La réunion a duré deux heures. Pour Marie Leroy, directrice de l'école, les choix "
        "relèvent de la ligne de la maison."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "les choix relèvent")
    assert q.kind == "indirect"
    assert q.speaker is not None and q.speaker.entity == "marie-leroy"
    assert "directrice" not in q.text


@pytest.mark.model
def test_pour_la_premiere_fois_is_no_opinion(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Pour la première fois, la ville a voté le budget avant l'été."
    assert quotes_of(fr_nlp, body, NAMES) == []


@pytest.mark.model
def test_postposed_cue_with_inverted_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Une centaine de produits ont déjà été retirés du marché, précise Acme dans un communiqué."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "centaine")
    assert q.kind == "indirect"
    assert q.speaker is not None and q.speaker.entity == "org-acme"
    assert "précise" not in q.text


@pytest.mark.model
def test_announce_with_infinitive(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Acme a annoncé lundi avoir bouclé une levée de fonds de deux millions d'euros."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "bouclé")
    assert q.speaker is not None and q.speaker.entity == "org-acme"


def test_first_name_gender() -> None:
    from allegiance.extract.lexicons import first_name_gender, first_names

    assert first_name_gender("Céline Dupont") == "Fem"
    assert first_name_gender("Paul Martin") == "Masc"
    assert first_name_gender("Camille Dupont") is None  # ambiguous
    assert first_name_gender("Martin") is None  # one word: maybe a surname
    assert first_names()["dominique"] == "u"


def test_a_movement_named_like_a_person_is_no_pronoun_antecedent() -> None:
    import spacy
    from spacy.tokens import Doc

    from allegiance.extract.quote_context import QuoteContext

    vocab = spacy.blank("fr").vocab
    words = ["Il", "a", "rejoint", "Nuit", "Debout", "puis", "Jules", "Arnaud", "."]
    pos = ["PRON", "AUX", "VERB", "NOUN", "PROPN", "ADV", "PROPN", "PROPN", "PUNCT"]
    doc = Doc(vocab, words=words, pos=pos)
    movement = Entity("nuit-debout", "Nuit Debout", "person", [Mention("Nuit Debout", 13, 24)])
    named = Entity("jules-arnaud", "Jules Arnaud", "person", [Mention("Jules Arnaud", 30, 42)])
    ctx = QuoteContext(doc, [movement, named], "fr")
    assert not ctx.may_be_antecedent(movement)
    assert ctx.may_be_antecedent(named)
    shouting = Entity("cgt", "CGT LUTTE", "person", [Mention("CGT LUTTE", 0, 2)])
    assert not ctx.may_be_antecedent(shouting)


@pytest.mark.model
def test_partial_quotes_of_one_sentence_share_the_cue_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le groupe vise une croissance de 5 %. Et ce, « malgré un climat morose » dû surtout "
        "« à l'incertitude politique en Europe », explique Paul Durand."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    for fragment in ("climat morose", "incertitude politique"):
        q = quote_with(quotes, fragment)
        assert q.speaker is not None and q.speaker.entity == "paul-durand", fragment


@pytest.mark.model
def test_narrative_infinitive_continues_previous_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous avons beaucoup travaillé cette année », a raconté Paul Durand. Et d'ajouter "
        "qu'après la fusion, « nous avons tout réorganisé ensemble »."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "tout réorganisé")
    assert q.speaker is not None and q.speaker.entity == "paul-durand"


@pytest.mark.model
def test_dash_incise_inside_marks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand publie un nouvel essai. « Il faudrait remercier la science pour ses mots "
        "savants - observe-t-il dans un autre livre. La démocratie s'en porterait mieux. »"
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "remercier la science")
    assert q.speaker is not None and q.speaker.entity == "paul-durand"


@pytest.mark.model
def test_stressed_lui_is_masculine(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous restons prudents », a déclaré Marie Leroy. Un avis que ne partage pas Paul "
        "Durand. Pour lui, le problème est surtout celui du calendrier."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "calendrier")
    assert q.speaker is not None and q.speaker.entity == "paul-durand"


def test_proper_noun_parsed_as_expletive_is_a_subject() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from allegiance.extract.attribution import is_subject

    words = ["Acme", "compte", "utiliser", "cela", "il", "faut"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[1, 1, 1, 2, 5, 5],
        deps=["expl:subj", "ROOT", "xcomp", "obj", "expl:subj", "ROOT"],
        pos=["PROPN", "VERB", "VERB", "PRON", "PRON", "VERB"],
    )
    assert is_subject(doc[0])
    assert not is_subject(doc[4])  # the impersonal ``il`` stays an expletive
    assert not is_subject(doc[3])


@pytest.mark.model
def test_verb_hung_on_the_name_takes_the_name_as_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand, qui a fondé Acme en 2015, conteste les accusations et affirme que "
        "son offre était sérieuse."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "offre était sérieuse")
    assert q.kind == "indirect"
    assert q.speaker is not None and q.speaker.entity == "paul-durand"


@pytest.mark.model
def test_soulever_que_reports_an_objection(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "La société Acme soulève notamment que l'anonymat de ces données est très relatif."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "anonymat de ces données")
    assert q.cue is not None and q.cue.text == "soulève"
    # the name after the company noun is the speaker (its phrase is the mention)
    assert q.speaker is not None and q.speaker.entity == "org-acme"
    assert q.speaker.mention is not None and q.speaker.mention.text.startswith("La société")


@pytest.mark.model
def test_incise_with_adverbial_before_inverted_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le débat reste vif. « La question posée, c'est la capacité du pouvoir de réguler "
        "la police » indique pour sa part le général Paul Durand, ancien commandant. "
        "« Nous irons jusqu'au bout », affirme de son côté Marie Leroy."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert quote_with(quotes, "question posée").speaker.entity == "paul-durand"  # type: ignore[union-attr]
    assert quote_with(quotes, "jusqu'au bout").speaker.entity == "marie-leroy"  # type: ignore[union-attr]


# -- round 9: content before its source, outlets, requests -----------------------------------------


@pytest.mark.model
def test_content_before_postposed_source(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Acme pourrait fermer trois usines en Bretagne, d'après un article de Paul Durand jeudi."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "trois usines")
    assert q.kind == "indirect"
    assert q.text == "Acme pourrait fermer trois usines en Bretagne"
    assert q.speaker is not None and q.speaker.entity == "paul-durand"


@pytest.mark.model
def test_postposed_cue_ignores_participle_aside(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le projet sera abandonné par Acme l'an prochain, déclare Marie Leroy, "
        "citant des sources proches du dossier."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    q = quote_with(quotes, "abandonné")
    assert q.text == "Le projet sera abandonné par Acme l'an prochain"
    assert q.speaker is not None and q.speaker.entity == "marie-leroy"
    assert not any("citant" in x.text for x in quotes)


@pytest.mark.model
def test_on_lit_sur_source_que(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le 3 mai, on lit sur le site d'Acme que le parquet a ouvert une enquête contre le maire de Lyon."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "parquet")
    assert q.text == "le parquet a ouvert une enquête contre le maire de Lyon"
    assert q.speaker is not None and q.speaker.entity == "org-acme"


@pytest.mark.model
def test_request_with_infinitive_is_indirect_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Paul Durand a demandé aux exploitations de renoncer aux pesticides contenant cette substance."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "renoncer")
    assert q.kind == "indirect"
    assert q.text == "de renoncer aux pesticides contenant cette substance"
    assert q.speaker is not None and q.speaker.entity == "paul-durand"


@pytest.mark.model
def test_reported_speech_needs_a_clause_and_a_speaker_outside_other_quotes() -> None:
    from allegiance.analysis import analyze

    text = (
        "Paul Durand a qualifié Marie Lenoir de « la meilleure experte que j’ai lue », lors "
        "d’une conférence annonçant le soi-disant plan Horizon.\n"
    )
    article = analyze(text, lang="fr", published="2025-01-24")
    assert [q.kind for q in article.quotes] == ["partial"]
    assert article.quotes[0].speaker is not None
    assert article.quotes[0].speaker.entity == "paul-durand"


@pytest.mark.model
def test_company_noun_then_name_is_the_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "La société Acme soulève « un problème majeur de sécurité dans le réseau »."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "sécurité")
    assert q.speaker is not None and q.speaker.entity == "org-acme"


@pytest.mark.model
def test_interviewer_question_to_vous_is_not_a_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a longtemps dirigé Acme.\n"
        "« Pourquoi avez-vous quitté l'entreprise si vite après la fusion ? »\n"
        "« Je voulais retrouver ma liberté et travailler sur d'autres projets », répond-il."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert not any("Pourquoi" in q.text for q in quotes)
    q = quote_with(quotes, "liberté")
    assert q.speaker is not None and q.speaker.entity == "paul-durand"


@pytest.mark.model
def test_question_put_by_on_has_unnamed_askers(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Lorsqu'on lui a demandé s'il était gêné par les critiques de Marie Leroy, "
        "Paul Durand a dit qu'il ne l'était pas."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "gêné")
    assert q.speaker is not None and q.speaker.entity is None and q.speaker.name == "on"


@pytest.mark.model
def test_naming_object_and_possessor_are_targets(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy a publié un texte qualifiant Paul Durand de « gestionnaire sans aucune vision » "
        "mais critiquant son « mépris constant du personnel de l'usine »."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    for fragment in ("gestionnaire", "mépris"):
        q = quote_with(quotes, fragment)
        assert "paul-durand" in [t.entity for t in q.about], (fragment, q.about)
