"""Session 11: speaker fixes found on a fresh blind set of real French excerpts (realdev11),
rebuilt here as invented passages (model tests) or hand-built Docs (unit tests)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.analysis import analyze, default_context
from allegiance.extract.antecedent_checks import reported_source
from allegiance.nlp.components import repair_entities
from allegiance.resolve.person_names import introduced_after
from doc_helpers import parsed_doc
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find
from quote_helpers import speaker_name as _name

VOCAB = spacy.blank("fr").vocab


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


# --- unit tests ------------------------------------------------------------------------------


def test_a_given_name_then_an_indefinite_role_introduces_a_person() -> None:
    # Stéphanie , une autre habitante , résume
    rows = [
        ("Stéphanie", 5, "nsubj", "PROPN"),
        (",", 0, "punct", "PUNCT"),
        ("une", 4, "det", "DET"),
        ("autre", 4, "amod", "ADJ"),
        ("habitante", 0, "appos", "NOUN"),
        ("résume", 5, "ROOT", "VERB"),
    ]
    doc = parsed_doc(rows, ["B-MISC", "O", "O", "O", "O", "O"])
    assert introduced_after(doc[0:1])
    # Orange , un opérateur , annonce: a body's noun introduces no person
    rows = [
        ("Orange", 5, "nsubj", "PROPN"),
        (",", 0, "punct", "PUNCT"),
        ("un", 3, "det", "DET"),
        ("opérateur", 0, "appos", "NOUN"),
        (",", 3, "punct", "PUNCT"),
        ("annonce", 5, "ROOT", "VERB"),
    ]
    doc = parsed_doc(rows, ["B-ORG", "O", "O", "O", "O", "O"])
    assert not introduced_after(doc[0:1])
    # Marc , un jour , …: no role noun after the article
    rows = [
        ("Marc", 4, "nsubj", "PROPN"),
        (",", 0, "punct", "PUNCT"),
        ("un", 3, "det", "DET"),
        ("jour", 4, "obl", "NOUN"),
        ("part", 4, "ROOT", "VERB"),
    ]
    doc = parsed_doc(rows, ["B-PER", "O", "O", "O", "O"])
    assert not introduced_after(doc[0:1])


def _prosecutor(name_dep: str) -> Doc:
    # selon le procureur de la République de Paris Rémy Heitz , (the model: one place)
    rows = [
        ("selon", 2, "case", "ADP"),
        ("le", 2, "det", "DET"),
        ("procureur", 2, "ROOT", "NOUN"),
        ("de", 5, "case", "ADP"),
        ("la", 5, "det", "DET"),
        ("République", 2, "nmod", "NOUN"),
        ("de", 7, "case", "ADP"),
        ("Paris", 5, "nmod", "PROPN"),
        ("Rémy", 2 if name_dep == "appos" else 7, name_dep, "PROPN"),
        ("Heitz", 8, "flat:name", "PROPN"),
        (",", 2, "punct", "PUNCT"),
    ]
    ents = ["O", "O", "O", "O", "O", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "I-LOC", "O"]
    return parsed_doc(rows, ents)


def test_a_name_apposed_to_a_role_is_split_off_the_place_span_that_swallowed_it() -> None:
    doc = repair_entities(_prosecutor("appos"), "fr")
    assert ("Rémy Heitz", "PER") in [(e.text, e.label_) for e in doc.ents]
    # the same words hung on the place itself (``l'Hôpital Robert Debré``) stay one name
    doc = repair_entities(_prosecutor("flat:name"), "fr")
    assert "Rémy Heitz" not in [e.text for e in doc.ents]


# --- model tests -----------------------------------------------------------------------------


@pytest.mark.model
def test_a_witness_introduced_by_given_name_and_role_speaks_after_the_colon(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Une voisine raconte le drame. « Ils éteignaient, ça se rallumait », soupire-t-elle. "
        "Stéphanie, une autre habitante, résume : « J'ai vu des gens qui avaient la mort devant "
        "eux ».\n\nMarc, un voisin, raconte : « Tout a brûlé en quelques minutes »."
    )
    quotes = _quotes(text, ctx)
    quote = _find(quotes, "J'ai vu des gens")
    assert quote is not None and _name(quote) == "Stéphanie"
    quote = _find(quotes, "Tout a brûlé")
    assert quote is not None and _name(quote) == "Marc"


@pytest.mark.model
def test_a_verb_read_as_an_adjective_before_a_colon_is_a_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = _find(_quotes("Marc raconte : « Tout a brûlé ».", ctx), "Tout a brûlé")
    assert quote is not None and quote.cue is not None and quote.cue.text == "raconte"
    assert _name(quote) == "Marc"


@pytest.mark.model
def test_a_name_after_a_spokeswoman_and_her_body_s_field_is_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Près de 200.000 réfugiés ont dû fuir le pays », a déclaré une porte-parole du "
        "Haut-Commissariat des Nations unies pour les réfugiés, Olga Sarrado, lors d'un point de "
        "presse à Genève."
    )
    quote = _find(_quotes(text, ctx), "200.000 réfugiés")
    assert quote is not None and _name(quote) == "Olga Sarrado"


@pytest.mark.model
def test_a_name_after_a_role_and_a_place_is_the_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Une habitante, présentant des « antécédents psychiatriques », selon le procureur de la "
        "République de Paris Rémy Heitz, a été placée en garde à vue."
    )
    quote = _find(_quotes(text, ctx), "antécédents psychiatriques")
    assert quote is not None and _name(quote) == "Rémy Heitz"


@pytest.mark.model
def test_un_agencies_are_their_own_bodies_not_the_un(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Haut-Commissariat des Nations unies pour les réfugiés a alerté mardi. « Nous "
        "manquons de tout », a déclaré le HCR. Le Conseil de sécurité de l'ONU a condamné les "
        "frappes."
    )
    article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    quote = _find(article.quotes, "Nous manquons")
    assert quote is not None and _name(quote) == "UNHCR"
    names = {e.name for e in article.entities}
    assert "United Nations Security Council" in names and "United Nations" not in names


def test_a_name_after_selon_or_its_role_noun_is_a_reported_source() -> None:
    # Selon le chef du camp Dil Mohammad , la délégation a rencontré
    rows = [
        ("Selon", 2, "case", "ADP"),
        ("le", 2, "det", "DET"),
        ("chef", 11, "obl:mod", "NOUN"),
        ("du", 4, "case", "ADP"),
        ("camp", 2, "nmod", "NOUN"),
        ("Dil", 2, "appos", "PROPN"),
        ("Mohammad", 5, "flat:name", "PROPN"),
        (",", 11, "punct", "PUNCT"),
        ("la", 9, "det", "DET"),
        ("délégation", 11, "nsubj", "NOUN"),
        ("a", 11, "aux:tense", "AUX"),
        ("rencontré", 11, "ROOT", "VERB"),
    ]
    doc = parsed_doc(rows, ["O"] * 5 + ["B-PER", "I-PER"] + ["O"] * 5)
    assert reported_source(doc[5]) and reported_source(doc[2])
    assert not reported_source(doc[9]) and not reported_source(doc[4])
    # D' après Paul , …: ``après`` fixed to the elided ``de``
    rows = [
        ("D'", 2, "case", "ADP"),
        ("après", 0, "fixed", "ADP"),
        ("Paul", 4, "obl:mod", "PROPN"),
        (",", 4, "punct", "PUNCT"),
        ("rien", 4, "ROOT", "PRON"),
    ]
    doc = parsed_doc(rows, ["O", "O", "B-PER", "O", "O"])
    assert reported_source(doc[2])


@pytest.mark.model
def test_an_acronym_in_brackets_then_written_as_a_word_is_the_same_body(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'Association des médecins urgentistes de France (AMUF) tire la sonnette d'alarme. "
        "Selon l'Amuf, il faudrait 25% de médecins urgentistes en plus."
    )
    article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    quote = _find(article.quotes, "il faudrait 25%")
    assert quote is not None and _name(quote) == "Association des médecins urgentistes de France"
    assert [e.name for e in article.entities if e.type == "organization"] == [
        "Association des médecins urgentistes de France"
    ]


@pytest.mark.model
def test_a_named_spokeswoman_of_a_body_speaks_not_the_body(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "« La fermeture des urgences se multiplie partout en France », observe la porte-parole "
        "de l'Association des médecins urgentistes de France, Emmanuelle Seris.\n\n"
        "« Les lits manquent partout cet hiver », observe la porte-parole de la Fédération "
        "hospitalière de France.",
        ctx,
    )
    quote = _find(quotes, "La fermeture des urgences")
    assert quote is not None and _name(quote) == "Emmanuelle Seris"
    # an unnamed spokeswoman speaks for her body
    quote = _find(quotes, "Les lits manquent")
    assert quote is not None and _name(quote) == "Fédération hospitalière de France"


@pytest.mark.model
def test_a_participle_qualifying_a_quoted_noun_is_not_the_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "HRW a aussi exhorté la Tunisie à « enquêter sur les forces de sécurité impliquées dans "
        "les abus » dénoncés par les migrants et « à les traduire en justice ».",
        ctx,
    )
    quote = _find(quotes, "enquêter sur les forces")
    # the knowledge base knows HRW by its full name
    assert quote is not None and _name(quote) == "Human Rights Watch"
    assert quote.cue is not None and quote.cue.text == "exhorté"


@pytest.mark.model
def test_il_after_a_selon_report_goes_on_with_its_source(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Le commissaire aux réfugiés, Mohammad Abul Kalam, a déclaré que la délégation était "
        "arrivée. Selon le chef du camp Dil Mohammad, la délégation a rencontré des femmes. "
        "« Nous restions ici pour sauver notre vie », a-t-il expliqué à l'AFP.",
        ctx,
    )
    quote = _find(quotes, "Nous restions ici")
    assert quote is not None and _name(quote) == "Dil Mohammad"


@pytest.mark.model
def test_a_body_after_a_name_and_a_comma_says_nothing_of_the_name_s_gender(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Selon Dominique Lanvin, la délégation a rencontré des femmes victimes de violences. "
        "« Elles veulent rentrer chez elles », a-t-il expliqué.",
        ctx,
    )
    quote = _find(quotes, "Elles veulent rentrer")
    assert quote is not None and _name(quote) == "Dominique Lanvin"


@pytest.mark.model
def test_same_view_on_the_side_of_a_person_of_a_union_hands_over_to_the_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Contacté par l'ats, son directeur adjoint Christof Burkard relativise : « Nous attendons "
        "des suppressions ponctuelles ». Même son de cloche du côté de Mathias Regotz, du "
        "syndicat Syna : « Nous supposons que certaines entreprises vont suivre ».",
        ctx,
    )
    quote = _find(quotes, "Nous supposons")
    assert quote is not None and _name(quote) == "Mathias Regotz"


def test_a_french_outlet_s_name_brings_no_france_into_the_story() -> None:
    from allegiance.resolve.states import _FRENCH_WORDS

    assert not _FRENCH_WORDS.search("cité par l’agence France-Presse (AFP)")
    assert not _FRENCH_WORDS.search("a-t-il dit sur France Inter, puis sur Radio France")
    assert _FRENCH_WORDS.search("la France a protesté")
    assert _FRENCH_WORDS.search("les Français de Bakou")


@pytest.mark.model
def test_a_bare_ministry_in_a_story_of_two_countries_is_the_one_named_just_before(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les Arméniens du Karabakh fuient en masse vers l'Arménie, selon l'agence "
        "France-Presse. Erevan accuse l'Azerbaïdjan. L'Arménie demande une mission de l'ONU. "
        "Bakou se dit prêt à organiser une visite de la région, a indiqué le ministère des "
        "Affaires étrangères, estimant que le Premier ministre arménien « Nikol Pachinian sait "
        "parfaitement que les résidents quittent le Karabakh de leur propre gré »."
    )
    quote = _find(_quotes(text, ctx), "sait parfaitement")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "azerbaijan"
    # a state named before the ministry but not acting leaves it the home country's
    text = (
        "La Chine a convoqué l'ambassadeur japonais. Pékin proteste, la Chine menace et le "
        "peuple chinois s'indigne. Face au Japon, le ministère des Affaires étrangères a jugé "
        "les propos « inacceptables »."
    )
    quote = _find(_quotes(text, ctx), "inacceptables")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "china"


@pytest.mark.model
def test_a_party_acronym_between_role_and_name_keeps_the_role(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Au micro d'Europe 1, Franck Riester, ministre délégué chargé des Relations avec le "
        "Parlement, est revenu sur l'altercation entre le député RN Grégoire de Fournas et le "
        "député LFI Carlos Martens Bilongo. « Je n'ai jamais ressenti une telle violence », "
        "détaille le ministre."
    )
    quote = _find(_quotes(text, ctx), "telle violence")
    assert quote is not None and _name(quote) == "Franck Riester"


@pytest.mark.model
def test_an_acronym_that_is_a_role_stays_the_role(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "D'après l'ONG Techo Andino, près de 40 % des hameaux n'avaient reçu aucune aide. "
        "L'organisation accuse les autorités d'avoir « sous-estimé » l'ampleur des dégâts. "
        "Côté international, l'Organisation mondiale de la santé a envoyé une équipe."
    )
    quote = _find(_quotes(text, ctx), "sous-estimé")
    assert quote is not None and _name(quote) == "Techo Andino"


@pytest.mark.model
def test_a_main_clause_subject_after_a_fronted_kinship_is_no_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lors des questions au gouvernement, le porte-parole du gouvernement Olivier Véran a "
        "accusé les députés insoumis de favoriser l'extrême droite. En réponse à la question de "
        "l'élu, par ailleurs gendre de Jean-Luc Mélenchon, le porte-parole du gouvernement a "
        "accusé La France insoumise d'être responsable. « Je vais vous dire le fond de ma "
        "pensée », a-t-il déclaré dans l'Hémicycle."
    )
    quotes = _quotes(text, ctx)
    for fragment in ("d'être responsable", "le fond de ma pensée"):
        quote = _find(quotes, fragment)
        assert quote is not None and _name(quote) == "Olivier Véran", fragment


@pytest.mark.model
def test_a_counterpart_named_after_an_opening_pronoun_is_not_its_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous sommes au début de la coopération avec Israël », s'est-il réjoui lors d'une "
        "conférence de presse à Kiev avec son homologue bissau-guinéen Umaro Sissoco Embalo. "
        "Le président ukrainien Volodymyr Zelensky a toutefois noté que cela ne suffit pas."
    )
    quote = _find(_quotes(text, ctx), "début de la coopération")
    assert quote is not None and _name(quote) == "Volodymyr Zelensky"


def test_an_adverbial_locution_between_auxiliary_and_incise_verb_keeps_the_incise() -> None:
    from allegiance.extract.incise_subjects import after_closing_mark

    # » , a en revanche salué l' avocate
    doc = Doc(
        VOCAB,
        words=["»", ",", "a", "en", "revanche", "salué", "l'", "avocate"],
        pos=["PUNCT", "PUNCT", "AUX", "ADP", "NOUN", "VERB", "DET", "NOUN"],
    )
    assert after_closing_mark(doc[5])
    # a noun phrase between is no locution: » , a la presse salué
    doc = Doc(
        VOCAB,
        words=["»", ",", "a", "la", "presse", "salué"],
        pos=["PUNCT", "PUNCT", "AUX", "DET", "NOUN", "VERB"],
    )
    assert not after_closing_mark(doc[5])


@pytest.mark.model
def test_a_lawyer_named_after_her_role_in_an_incise_with_a_locution(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'avocat du plaignant, Me Arié Alimi, a annoncé un pourvoi. « La justice a été "
        "vraiment rendue », a en revanche salué l'avocate du policier Me Catherine Bresson, à la "
        "sortie de la salle."
    )
    quote = _find(_quotes(text, ctx), "La justice a été")
    assert quote is not None and _name(quote) == "Catherine Bresson"


@pytest.mark.model
def test_a_kind_of_body_is_no_place_in_another_body(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La réponse est « non » pour l'UFC Que Choisir, qui a révélé lundi que les prix ont "
        "augmenté. « Nous avons passé en revue les évolutions de prix », écrit l'association de "
        "défense des consommateurs dans son étude."
    )
    quote = _find(_quotes(text, ctx), "passé en revue")
    assert quote is not None and _name(quote) == "UFC-Que Choisir"  # the knowledge base's name
    # a body placed in another one by a definite complement stays unnamed
    text = (
        "Des lettres révélées par Mediapart montrent la colère des parents. « Nous refusons "
        "cette réforme », écrit la direction du lycée."
    )
    quote = _find(_quotes(text, ctx), "Nous refusons")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity is None


@pytest.mark.model
def test_the_quoted_clause_s_subject_is_not_the_incise_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Russie a annoncé lundi une enquête contre des juges. Ces magistrats, dont le "
        "procureur de la CPI Karim Khan, « ont rendu des décisions illégales », a indiqué le "
        "Comité d'enquête russe dans un communiqué. « Une enquête pénale a été ouverte », "
        "est-il précisé."
    )
    quotes = _quotes(text, ctx)
    for fragment in ("décisions illégales", "Une enquête pénale"):
        quote = _find(quotes, fragment)
        assert quote is not None and _name(quote) == "Comité d'enquête russe", fragment


def test_a_plural_pronoun_goes_back_to_the_people_of_a_plural_subject() -> None:
    from allegiance.extract.joint_speakers import people_named_before
    from allegiance.models import Entity

    # ses avocats , Me Jean Roux et Me Paul Blanc , ont parlé . Ils ont estimé .
    rows = [
        ("ses", 1, "det", "DET"),
        ("avocats", 12, "nsubj", "NOUN"),
        (",", 1, "punct", "PUNCT"),
        ("Me", 1, "appos", "NOUN"),
        ("Jean", 3, "flat:name", "PROPN"),
        ("Roux", 4, "flat:name", "PROPN"),
        ("et", 7, "cc", "CCONJ"),
        ("Me", 3, "conj", "NOUN"),
        ("Paul", 7, "flat:name", "PROPN"),
        ("Blanc", 8, "flat:name", "PROPN"),
        (",", 12, "punct", "PUNCT"),
        ("ont", 12, "aux:tense", "AUX"),
        ("parlé", 12, "ROOT", "VERB"),
        (".", 12, "punct", "PUNCT"),
        ("Ils", 16, "nsubj", "PRON"),
        ("ont", 16, "aux:tense", "AUX"),
        ("estimé", 16, "ROOT", "VERB"),
        (".", 16, "punct", "PUNCT"),
    ]
    doc = parsed_doc(rows, sent_starts=[i in (0, 14) for i in range(len(rows))])
    roux = Entity("jean-roux", "Jean Roux", "person")
    blanc = Entity("paul-blanc", "Paul Blanc", "person")
    people = {4: roux, 5: roux, 8: blanc, 9: blanc}
    found = people_named_before(doc[14], people.get, lambda t: False)
    assert [e.id for _, e in found] == ["jean-roux", "paul-blanc"]
    # a plural subject naming nobody nearer is the antecedent: les juges ont tranché
    rows2 = rows[:14] + [
        ("Les", 15, "det", "DET"),
        ("juges", 16, "nsubj", "NOUN"),
        ("tranchent", 16, "ROOT", "VERB"),
        (".", 16, "punct", "PUNCT"),
        ("Ils", 20, "nsubj", "PRON"),
        ("ont", 20, "aux:tense", "AUX"),
        ("estimé", 20, "ROOT", "VERB"),
    ]
    doc = parsed_doc(
        rows2,
        morphs=["Number=Plur" if r[0] == "juges" else "" for r in rows2],
        sent_starts=[i in (0, 14, 18) for i in range(len(rows2))],
    )
    assert people_named_before(doc[18], people.get, lambda t: False) == []


@pytest.mark.model
def test_ont_ils_estime_after_two_named_lawyers_gives_each_of_them(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dans une déclaration transmise à l'AFP, ses avocats, Me Christophe Ingrain et Me Rémi "
        "Lorrain, ont fait part de leur étonnement. « Le calendrier choisi par le procureur "
        "général ne manque pas de soulever de légitimes interrogations », ont-ils estimé."
    )
    speakers = [_name(q) for q in _quotes(text, ctx) if "Le calendrier" in q.text]
    assert speakers == ["Christophe Ingrain", "Rémi Lorrain"]


@pytest.mark.model
def test_a_name_after_a_person_noun_of_the_complement_is_that_person_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Me Thibault de Montbrial, l'avocat du principal accusé, a fait état d'un « immense "
        "soulagement ». « C'est l'immense soulagement. Il n'est pas un criminel », a dit l'avocat "
        "du gardien de la paix Marc-Antoine Castelain, à la sortie de la salle d'audience."
    )
    quote = _find(_quotes(text, ctx), "Il n'est pas un criminel")
    assert quote is not None and _name(quote) == "Thibault de Montbrial"
    # an institution in the complement does not take the name: ``au Congrès, X``
    text = (
        "Le Parti populaire critique la réforme. Sa porte-parole pour la santé au Congrès, Elena "
        "Marín, estime qu'elle « s'attaque aux conséquences sans toucher aux causes »."
    )
    quote = _find(_quotes(text, ctx), "s'attaque aux conséquences")
    assert quote is not None and _name(quote) == "Elena Marín"


@pytest.mark.model
def test_the_object_of_a_gerund_is_never_its_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Itzik Horn, père de Yair et Eitan, a conclu en exhortant Netanyahu : « Le sang des "
        "otages est déjà sur vos mains. Allez-vous continuer à sacrifier des otages ? »"
    )
    quote = _find(_quotes(text, ctx), "Le sang des otages")
    assert quote is not None and "Netanyahu" not in _name(quote)


@pytest.mark.model
def test_a_name_closing_an_inverted_description_beats_the_parsed_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Droits de douane : l'Union européenne veut discuter avec les États-Unis ce lundi\n"
        "« J'ai l'intention de m'entretenir à nouveau avec mes homologues américains », a "
        "déclaré le commissaire européen pour le Commerce Maros Sefcovic."
    )
    quote = _find(_quotes(text, ctx), "homologues américains")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity is not None
    assert "Sefcovic" in (quote.speaker.mention.text if quote.speaker.mention else "")


@pytest.mark.model
def test_a_named_incise_inside_the_marks_says_whom_the_closing_pronoun_is(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Parlement a élu le général Joseph Aoun.\n"
        "« C'est la première fois qu'un président est élu hors de l'influence syrienne, a "
        "affirmé le chef des Forces libanaises, Samir Geagea, sur la chaîne MTV. Les forces de "
        "l'axe n'ont rien pu faire d'autre que voter en faveur de Joseph Aoun », a-t-il ajouté."
    )
    quote = _find(_quotes(text, ctx), "la première fois")
    assert quote is not None and _name(quote) == "Samir Geagea"


@pytest.mark.model
def test_pour_x_frames_a_quote_about_words_another_only_named(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La présidente de la Commission, Ursula von der Leyen, a prononcé son discours.\n"
        "« Un discours ferme et rassembleur ». Pour la députée centriste du groupe Renew, "
        "Fabienne Keller, les propos tenus par Ursula von der Leyen sont « absolument "
        "essentiels en ce moment historique »."
    )
    quotes = _quotes(text, ctx)
    for fragment in ("Un discours ferme", "absolument essentiels"):
        quote = _find(quotes, fragment)
        assert quote is not None and _name(quote) == "Fabienne Keller", fragment


@pytest.mark.model
def test_an_outlet_after_a_to_in_a_headline_label_is_not_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BCE, Lagarde au WSJ : « Mon objectif principal est de mener à bien mon mandat »\n\n"
        "La présidente de la BCE, Christine Lagarde, a déclaré vouloir mener à bien son mandat."
    )
    quote = _find(_quotes(text, ctx), "Mon objectif principal")
    assert quote is not None and _name(quote) == "Christine Lagarde"


@pytest.mark.model
def test_an_inner_incise_after_a_question_mark_names_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le premier ministre, François Bayrou, l'a qualifié de « soumission ».\n"
        "« Quelles étaient les alternatives ? s'est interrogé Maros Sefcovic, lors d'une "
        "conférence de presse à Bruxelles. Une guerre commerciale ? », a-t-il répondu."
    )
    quote = _find(_quotes(text, ctx), "Quelles étaient")
    assert quote is not None and _name(quote) == "Maroš Šefčovič"


@pytest.mark.model
def test_a_name_before_its_role_apposition_is_the_subject_of_the_colon_clause(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le président de l'agglomération, Max Roustan, a annoncé la couleur : « Il faut "
        "prendre des décisions ». Bien qu'il avait déjà servi ses arguments à Max Roustan un peu "
        "plus tôt dans la journée, Jean-Michel Perret, maire de Saint-Hilaire-de-Brethmas, en a "
        "remis une petite couche : « Cette décision ne correspond pas au bon sens gardois »."
    )
    quote = _find(_quotes(text, ctx), "Cette décision")
    assert quote is not None and _name(quote) == "Jean-Michel Perret"


def test_straight_marks_spaced_on_both_sides_pair_by_position() -> None:
    from allegiance.extract.quote_marks import find_marked_spans

    text = (
        'Il a accusé M. Mikati de " s\'être retourné contre les Libanais " et d\'avoir " commis '
        'une grave erreur ". " Il s\'agit d\'une insulte ", a ajouté le député.'
    )
    quoted = [text[s.start : s.end].strip() for s in find_marked_spans(text)]
    assert quoted == [
        "s'être retourné contre les Libanais",
        "commis une grave erreur",
        "Il s'agit d'une insulte",
    ]


@pytest.mark.model
def test_a_name_after_de_and_a_title_is_the_addressee_not_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le député Ibrahim Moussaoui s'en est pris au président du Conseil. « Il s'agit d'une "
        "insulte pour vous », a ajouté le député à l'adresse de M. Mikati."
    )
    quote = _find(_quotes(text, ctx), "Il s'agit d'une insulte")
    assert quote is not None and _name(quote) == "Ibrahim Moussaoui"


# --- review of the round (a helper): each case failed on the reviewed commit ---------------


@pytest.mark.model
def test_review_no_person_split_off_an_institution_named_after_one(ctx) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Le directeur de l'Hôpital Robert Debré a déclaré : « Nous sommes saturés. »",
        "Le président de l'Université Jean Monnet, à Saint-Étienne, a démissionné.",
    ):
        article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
        assert not [e for e in article.entities if e.type == "person"], text


@pytest.mark.model
def test_review_an_acronym_the_knowledge_base_knows_is_not_merged(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'Autorité des marchés financiers a ouvert une enquête. L'Association des maires de "
        "France (AMF) a réagi. « Nous sommes inquiets », a déclaré l'Autorité des marchés "
        "financiers."
    )
    article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    assert len([e for e in article.entities if e.type == "organization"]) == 2
    quote = _find(article.quotes, "Nous sommes inquiets")
    assert quote is not None and _name(quote) == "Autorité des marchés financiers"


@pytest.mark.model
def test_review_a_town_then_its_description_is_no_person(ctx) -> None:  # type: ignore[no-untyped-def]
    article = analyze(
        "La tornade a frappé Charlotte, une ville de Caroline du Nord, dimanche.",
        lang="fr",
        published="2025-03-04",
        context=ctx,
    )
    assert not [e for e in article.entities if e.type == "person"]


@pytest.mark.model
def test_review_a_later_report_in_the_sentence_beats_the_attributed_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marie Dupont a jugé la réforme « injuste », mais le ministre du Travail, Paul Martin, "
        "lui a répondu sèchement. « Nous tiendrons bon. »"
    )
    quote = _find(_quotes(text, ctx), "Nous tiendrons bon")
    assert quote is not None and _name(quote) == "Paul Martin"


@pytest.mark.model
def test_review_an_inner_incise_of_the_other_gender_leaves_the_pronoun(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marie Dupont a réagi lundi. « Le chômage baisse, a affirmé Jean Dupont à la télévision. "
        "C'est faux », a-t-elle ajouté."
    )
    quote = _find(_quotes(text, ctx), "Le chômage baisse")
    assert quote is not None and _name(quote) == "Marie Dupont"


@pytest.mark.model
def test_review_a_name_after_devant_or_face_a_is_not_the_incise_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    for text, fragment in (
        ("« Vous avez menti », a lancé le ministre devant le député Paul Martin.", "menti"),
        ("« C'est fini », a lancé le président du club face à l'entraîneur Paul Martin.", "fini"),
    ):
        quote = _find(_quotes(text, ctx), fragment)
        assert quote is not None and "Paul Martin" not in _name(quote), text


@pytest.mark.model
def test_review_a_selon_source_does_not_beat_the_person_the_sentence_is_about(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Selon Jean Dupont, Paul Martin a démissionné lundi. « Je pars la tête haute », a-t-il "
        "déclaré."
    )
    quote = _find(_quotes(text, ctx), "la tête haute")
    assert quote is not None and _name(quote) == "Paul Martin"


@pytest.mark.model
def test_review_people_named_inside_a_quote_are_no_antecedent_of_ils(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les parents de la victime ont pris la parole lundi devant le tribunal. « Jean Dupont et "
        "Marie Durand nous ont menti. » Ils ont demandé justice."
    )
    names = [_name(q) for q in _quotes(text, ctx) if "nous ont menti" in q.text]
    assert "Jean Dupont" not in names and "Marie Durand" not in names


@pytest.mark.model
def test_review_a_side_apposition_needs_a_body_or_a_name(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = _find(
        _quotes(
            "Chez Renault, des salariés inquiets : « On ne sait pas ce qui va se passer. »", ctx
        ),
        "On ne sait pas",
    )
    assert quote is None or _name(quote) != "Renault"


@pytest.mark.model
def test_review_a_bare_ministry_takes_the_sole_state_acting_just_before(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Turquie a convoqué l'ambassadeur suédois. Le ministère des Affaires étrangères a "
        "qualifié les propos du diplomate d'« inacceptables »."
    )
    quote = _find(_quotes(text, ctx), "inacceptables")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "turkey"
    # two states named there: a reaction may be either side's, so neither is taken
    text = (
        "Washington a imposé mardi de nouvelles sanctions à Pékin. Le ministère des Affaires "
        "étrangères a dénoncé « une provocation »."
    )
    quote = _find(_quotes(text, ctx), "une provocation")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity != "united-states"


@pytest.mark.model
def test_a_cue_in_a_relative_inside_an_earlier_cue_s_object_is_not_the_quote_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La porte-parole de la Maison-Blanche, Sarah Sanders, a vivement critiqué les démocrates "
        "lundi soir, qualifiant les enquêtes parlementaires qu'ils ont lancées sur Donald Trump "
        "de « honteuses »."
    )
    quote = _find(_quotes(text, ctx), "honteuses")
    assert quote is not None and _name(quote) == "Sarah Sanders"
    # a ``qui`` clause is its antecedent's own report
    text = (
        "« Ce gouvernement a déclaré la guerre aux chômeurs », a dénoncé le député Karim Benali, "
        "qui a qualifié le président de « comptable sans cœur »."
    )
    quote = _find(_quotes(text, ctx), "comptable sans cœur")
    assert quote is not None and _name(quote) == "Karim Benali"


@pytest.mark.model
def test_a_name_closing_the_inverted_description_after_a_report(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'Union européenne veut discuter lundi avec les négociateurs américains des droits de "
        "douane annoncés par Donald Trump, a déclaré le commissaire européen pour le Commerce "
        "Maros Sefcovic."
    )
    quote = _find(_quotes(text, ctx), "veut discuter lundi")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.mention is not None and "Sefcovic" in quote.speaker.mention.text


# --- second review (a helper): each case failed on the reviewed commit ----------------------


@pytest.mark.model
def test_review2_a_lone_inch_mark_or_a_mark_before_an_ellipsis_keeps_the_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    for text, expected in (
        ('The 12 " pipe burst. "We will fix it," said Mayor John Smith.', "We will fix it"),
        ('He paused and said "...we will not leave," the mayor added.', "we will not leave"),
    ):
        article = analyze(text, lang="en", published="2025-03-04", context=ctx)
        assert len(article.quotes) == 1 and expected in article.quotes[0].text, text


@pytest.mark.model
def test_review2_an_imperative_after_a_question_mark_is_no_inner_incise(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Paul Martin était furieux. « Qui paiera ? Interrogez Jean Dupont », a-t-il lancé."
    quote = _find(_quotes(text, ctx), "Qui paiera")
    assert quote is not None and _name(quote) == "Paul Martin"


@pytest.mark.model
def test_review2_pour_x_keeps_x_over_a_name_complementing_a_noun(ctx) -> None:  # type: ignore[no-untyped-def]
    for text, fragment, name in (
        ("Pour la CGT, la fermeture de l'usine Renault est « une faute grave ».", "faute", "CGT"),
        (
            "Pour Marie Durand, la réforme Macron est « profondément injuste ».",
            "injuste",
            "Marie Durand",
        ),
    ):
        quote = _find(_quotes(text, ctx), fragment)
        assert quote is not None and _name(quote) == name, text


@pytest.mark.model
def test_review2_a_label_with_no_person_before_a_keeps_what_follows(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = _find(_quotes("Grève à la SNCF : « Nous ne reculerons pas »", ctx), "reculerons")
    assert quote is not None and _name(quote) == "SNCF"


@pytest.mark.model
def test_review2_the_side_apposition_takes_any_du_complement(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Du côté de Paul Martin, du patronat : « Nous ne voterons pas ce texte. »"
    quote = _find(_quotes(text, ctx), "voterons")
    assert quote is not None and _name(quote) == "Paul Martin"
