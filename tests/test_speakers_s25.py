"""Session 25: a relative subject the parser hung on an aside, verbs of thought inside someone
else's report, and a headline's elliptic passive reported by ``selon``."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from allegiance.analysis import analyze, default_context
from allegiance.extract.quotes import find_quotes
from doc_helpers import parsed_doc
from entity_helpers import entities_named
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote

_NAMES = {"paul-ravel": ["Paul Ravel"], "marc-tellier": ["Marc Tellier"]}

_LEMMAS = {"précipite": "précipiter", "jugé": "juger", "a": "avoir", "qui": "qui"}

#: ``Paul Ravel précipite une rupture avec Marc Tellier qui, sans parvenir à imposer ses choix,
#: a jugé « désastreux » le spectacle.`` as the French model parses it: ``qui`` the subject of
#: the aside's infinitive, the compound ``a jugé`` an adverbial clause of the main verb
_ASIDE_ROWS = [
    ("Paul", 2, "nsubj", "PROPN", ""),
    ("Ravel", 0, "flat:name", "PROPN", ""),
    ("précipite", 2, "ROOT", "VERB", "Mood=Ind|VerbForm=Fin"),
    ("une", 4, "det", "DET", ""),
    ("rupture", 2, "obj", "NOUN", ""),
    ("avec", 6, "case", "ADP", ""),
    ("Marc", 4, "nmod", "PROPN", ""),
    ("Tellier", 6, "flat:name", "PROPN", ""),
    ("qui", 11, "nsubj", "PRON", "PronType=Rel"),
    (",", 11, "punct", "PUNCT", ""),
    ("sans", 11, "mark", "ADP", ""),
    ("parvenir", 6, "acl:relcl", "VERB", "VerbForm=Inf"),
    ("à", 13, "mark", "ADP", ""),
    ("imposer", 11, "xcomp", "VERB", "VerbForm=Inf"),
    ("ses", 15, "det", "DET", ""),
    ("choix", 13, "obj", "NOUN", ""),
    (",", 18, "punct", "PUNCT", ""),
    ("a", 18, "aux:tense", "AUX", "Mood=Ind|VerbForm=Fin"),
    ("jugé", 2, "advcl", "VERB", "Tense=Past|VerbForm=Part"),
    ("«", 20, "punct", "PUNCT", ""),
    ("désastreux", 18, "obj", "ADJ", ""),
    ("»", 20, "punct", "PUNCT", ""),
    ("le", 23, "det", "DET", ""),
    ("spectacle", 18, "obj", "NOUN", ""),
    (".", 2, "punct", "PUNCT", ""),
]


def _aside_doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    words = [r[0] for r in rows]
    return parsed_doc(
        [r[:4] for r in rows],
        lemmas=[_LEMMAS.get(w, w.lower()) for w in words],
        morphs=[r[4] for r in rows],
        spaces=[
            i + 1 < len(words) and words[i + 1] not in {",", ".", "»"} and words[i] != "«"
            for i in range(len(words))
        ],
    )


def test_a_relative_hung_on_the_aside_s_infinitive_is_the_cue_s_subject() -> None:
    doc = _aside_doc(_ASIDE_ROWS)
    quotes = find_quotes(doc, entities_named(doc.text, _NAMES), "fr")
    quote = find_quote(quotes, "désastreux")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "marc-tellier"


def test_an_aside_with_a_verb_of_its_own_is_a_clause_not_a_relative_s_aside() -> None:
    # ``qui, lorsqu'il parle, a jugé``: the aside holds a conjugated verb, so the relative is
    # not taken for the cue's subject (the main clause's subject speaks, as before)
    rows = [
        *_ASIDE_ROWS[:8],
        ("qui", 12, "nsubj", "PRON", "PronType=Rel"),
        (",", 12, "punct", "PUNCT", ""),
        ("lorsqu'", 12, "mark", "SCONJ", ""),
        ("il", 12, "nsubj", "PRON", ""),
        ("parle", 6, "acl:relcl", "VERB", "Mood=Ind|VerbForm=Fin"),
        (",", 15, "punct", "PUNCT", ""),
        ("a", 15, "aux:tense", "AUX", "Mood=Ind|VerbForm=Fin"),
        ("jugé", 2, "advcl", "VERB", "Tense=Past|VerbForm=Part"),
        ("«", 17, "punct", "PUNCT", ""),
        ("désastreux", 15, "obj", "ADJ", ""),
        ("»", 17, "punct", "PUNCT", ""),
        ("le", 20, "det", "DET", ""),
        ("spectacle", 15, "obj", "NOUN", ""),
        (".", 2, "punct", "PUNCT", ""),
    ]
    doc = _aside_doc(rows)
    quotes = find_quotes(doc, entities_named(doc.text, _NAMES), "fr")
    quote = find_quote(quotes, "désastreux")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "paul-ravel"


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "fragment", "entity"),
    [
        # a verb of thought or wish in the ``que`` clause of a speech verb: the reporter's words
        (
            "Le congrès s'est ouvert lundi. Le délégué Paul Ravel a regretté que la ministre "
            "Claire Dubois pense « d'abord aux actionnaires » ou souhaite « tout contrôler ».",
            "d'abord aux actionnaires",
            "paul-ravel",
        ),
        (
            "Le congrès s'est ouvert lundi. Le délégué Paul Ravel a regretté que la ministre "
            "Claire Dubois pense « d'abord aux actionnaires » ou souhaite « tout contrôler ».",
            "tout contrôler",
            "paul-ravel",
        ),
        # a speech verb in the clause keeps its own subject: her words, quoted by him
        (
            "Le congrès s'est ouvert lundi. Le délégué Paul Ravel a regretté que la ministre "
            "Claire Dubois ait déclaré « ne rien devoir aux syndicats ».",
            "ne rien devoir aux syndicats",
            "claire-dubois",
        ),
        # a neutral reporting verb relays the thinker's own words
        (
            "La saison reprend samedi. Le club a indiqué que son entraîneur Didier Perrot "
            "espérait « retrouver ses joueurs en forme » après la trêve.",
            "retrouver ses joueurs en forme",
            "didier-perrot",
        ),
        # first-person words are the thinker's, whatever verb reports them
        (
            "Le congrès s'est ouvert lundi. Le délégué Paul Ravel a regretté que la ministre "
            "Claire Dubois pense « d'abord à mes électeurs ».",
            "d'abord à mes électeurs",
            "claire-dubois",
        ),
        # a verb of thought with no report above it keeps its subject
        (
            "Le congrès s'est ouvert lundi. La ministre Claire Dubois pense « d'abord aux "
            "salariés », selon son entourage.",
            "d'abord aux salariés",
            "claire-dubois",
        ),
    ],
)
def test_the_speaker_of_words_governed_by_a_verb_of_thought(ctx, text, fragment, entity) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(text, ctx), fragment)
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == entity


@pytest.mark.model
def test_a_bare_noun_phrase_before_selon_reports_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le marché de l'emploi s'est tendu cet hiver.\n\n"
        "Une hausse de trois points du chômage en Normandie, selon la CGT.\n\n"
        "La direction a présenté jeudi son plan."
    )
    assert find_quote(_quotes(text, ctx), "hausse de trois points") is None


@pytest.mark.model
def test_a_headline_s_topic_and_paragraph_break_stay_out_of_the_report(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Incendie : trois hectares de forêt détruits dans le Var, d'après la préfecture\n\n"
        "Les pompiers sont restés mobilisés toute la nuit.\n\n"
        "Lyon : un homme a été interpellé après une course-poursuite, selon une source "
        "policière\n\nLe suspect a été placé en garde à vue."
    )
    quotes = _quotes(text, ctx)
    forest = find_quote(quotes, "hectares de forêt")
    assert forest is not None and forest.text.startswith("trois hectares")
    assert forest.speaker is not None and forest.speaker.name == "la préfecture"
    arrest = find_quote(quotes, "interpellé")
    assert arrest is not None and arrest.text.startswith("un homme")
    assert arrest.speaker is not None and arrest.speaker.name == "une source policière"


@pytest.mark.model
def test_a_selon_inside_the_content_is_depending_on_not_the_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Retraites : un âge de départ modulé selon la pénibilité, selon Paul Roche\n\n"
        "Le ministre a présenté son texte jeudi."
    )
    assert all(q.speaker is None or q.speaker.name != "la pénibilité" for q in _quotes(text, ctx))


@pytest.mark.model
def test_a_source_set_off_inside_a_clause_that_goes_on_makes_no_elliptic_report(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La direction a présenté son plan. Le nombre de postes supprimés, selon FO, atteint "
        "désormais 3.500 sur le site de Toulouse."
    )
    assert all(q.text != "Le nombre de postes supprimés" for q in _quotes(text, ctx))


def _mentions(text: str, ctx) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    article = analyze(text, lang="fr", published="2025-01-21", context=ctx)
    return {e.id: [article.body[m.start : m.end] for m in e.mentions] for e in article.entities}


@pytest.mark.model
def test_the_european_executive_is_the_commission_and_a_headline_s_capital_ends_on_its_name(
    ctx,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "Bruxelles durcit le ton face à Budapest\n\n"
        "La Commission européenne a recommandé mercredi de geler des fonds destinés à la "
        "Hongrie. L'exécutif européen a estimé que les mesures prises par le gouvernement "
        "hongrois n'étaient pas suffisantes. Les autorités européennes attendent des réformes."
    )
    mentions = _mentions(text, ctx)
    assert "exécutif européen" in mentions["european-commission"]
    assert "Budapest" in mentions["hungary"]
    assert all(not m.endswith("\n") for forms in mentions.values() for m in forms)
    assert "autorités européennes" in mentions.get("european-union", [])
    # an adjective after another noun, or a generic phrase, is no Commission
    other = _mentions(
        "Le gouvernement hongrois est le seul exécutif européen à refuser les sanctions. Jean "
        "Martin, directeur exécutif européen de Google, a démenti mardi.",
        ctx,
    )
    assert "european-commission" not in other
    quote = find_quote(_quotes(text, ctx), "mesures prises")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "european-commission"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Le débat a tourné court.\n\nClaire Dubois sourit : « On verra bien. »\n",
        # in the middle of a paragraph, the next sentence after the closing mark
        "Le débat a tourné court. Claire Dubois sourit : « On verra bien. » Elle quitte la salle.",
    ],
)
def test_a_short_sentence_after_a_speaker_s_colon_is_a_quote(ctx, text) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(text, ctx), "On verra bien")
    assert quote is not None and quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.entity == "claire-dubois"


@pytest.mark.model
@pytest.mark.parametrize(
    "line",
    [
        "Le titre du roman : « On verra bien. »",
        # a label naming a work or its subject, with no clause of a speaker's own
        "Le film d'Yvan Attal : « Ils sont partout. »",
        "Hommage à Robert Badinter : « Il reste. »",
    ],
)
def test_a_label_before_a_colon_makes_no_short_quote(ctx, line) -> None:  # type: ignore[no-untyped-def]
    text = f"La rentrée culturelle commence.\n\n{line}\n"
    words = line.split("« ")[1].rstrip(" »")
    assert find_quote(_quotes(text, ctx), words) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content", "entity"),
    [
        # advice as a request: ``recommander de`` with an infinitive
        (
            "Bruxelles hausse le ton. La Commission européenne a recommandé mercredi de geler "
            "7,5 milliards d'euros de fonds destinés à la Hongrie.",
            "de geler 7,5 milliards",
            "european-commission",
        ),
        # ``…, après avoir annoncé que …``: an earlier statement of the same speaker
        (
            "Le conseil s'est réuni lundi. Claire Dubois a estimé que le projet était mort, après "
            "avoir annoncé qu'elle quitterait le conseil d'administration.",
            "elle quitterait le conseil",
            "claire-dubois",
        ),
        # a participle's aside holding marks after the reported clause
        (
            "La mission est terminée. Le président Paul Ravel a assuré qu'il avait mis fin à la "
            "mission de Marc Tellier, accusé d'être « devenu incontrôlable ».",
            "il avait mis fin à la mission de Marc Tellier",
            "paul-ravel",
        ),
        # a headline's elliptic passive before its ``selon`` source
        (
            "Renault : plus de 2.000 postes supprimés en Normandie, selon la CGT\n\n"
            "La direction du constructeur a présenté jeudi son plan de restructuration.",
            "postes supprimés",
            "cgt",
        ),
        # a pledge: ``s'engager à`` with an infinitive
        (
            "Le distributeur rassure les agriculteurs.\n\n"
            "Le distributeur Carrefour s'engage à ne pas vendre de viande importée du Mercosur.",
            "ne pas vendre de viande",
            "carrefour",
        ),
    ],
)
def test_reports_without_a_que_clause(ctx, text, content, entity) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(text, ctx)
    quote = find_quote(quotes, content)
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.entity == entity
    assert "devenu" not in quote.text  # the aside's marks are a quote of their own


@pytest.mark.model
def test_the_first_report_ends_before_an_earlier_statement(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le conseil s'est réuni lundi. Claire Dubois a estimé que le projet était mort, après "
        "avoir annoncé qu'elle quitterait le conseil d'administration."
    )
    quote = find_quote(_quotes(text, ctx), "le projet était mort")
    assert quote is not None and "quitterait" not in quote.text


@pytest.mark.model
def test_a_proposal_of_a_thing_is_no_request(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "La réunion a duré. Le maire Paul Ravel a proposé un nouveau budget aux élus."
    assert find_quote(_quotes(text, ctx), "nouveau budget") is None


@pytest.mark.model
def test_the_reported_subject_s_own_earlier_act_stays_in_the_report(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'enquête avance. Le procureur a indiqué que le suspect avait été interpellé après "
        "avoir reconnu les faits devant témoins."
    )
    quote = find_quote(_quotes(text, ctx), "le suspect avait été interpellé")
    assert quote is not None and "reconnu les faits" in quote.text


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "not_a_report"),
    [
        # the aside stands inside a clause that goes on after it
        (
            "La crue menace. Le maire a dit que les habitants qui vivent près du fleuve, exposés "
            "« en permanence » aux inondations, seraient relogés.",
            "les habitants qui vivent près du fleuve",
        ),
        # the participle's own infinitive is not what the prefect asks
        (
            "Les blocages continuent. Le préfet a appelé les agriculteurs décidés à bloquer "
            "l'autoroute au calme.",
            "à bloquer l'autoroute",
        ),
    ],
)
def test_no_report_cut_from_a_clause_that_goes_on_or_from_a_participle(
    ctx, text, not_a_report
) -> None:  # type: ignore[no-untyped-def]
    assert all(not q.text.startswith(not_a_report) for q in _quotes(text, ctx))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Le parquet de Lyon a engagé des poursuites contre le maire pour favoritisme.",
        "La candidate Claire Dubois s'engage dans la course aux municipales de Lyon.",
        # review cases: a set phrase, a refusal, a question, a treaty's wording, an enlistment
        "Le maire sortant s'est engagé, à en croire son entourage, dans une campagne très dure.",
        "Le ministre de l'Économie refuse de s'engager à geler les tarifs de l'électricité.",
        "Le club s'engagera-t-il à rembourser les abonnés après le huis clos ?",
        "Le traité de l'Atlantique Nord prévoit que chaque État membre s'engage à assister un "
        "allié attaqué.",
        "À dix-huit ans, Julien Moreau s'est engagé à servir dans la Légion étrangère.",
    ],
)
def test_engager_without_a_pledge_reports_nothing(ctx, text) -> None:  # type: ignore[no-untyped-def]
    assert not [q for q in _quotes(text, ctx) if q.kind == "indirect"]
