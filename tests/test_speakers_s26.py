"""Session 26: French reports the parser or the punctuation hides (a source without its comma,
…)."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from allegiance.extract.indirect_sources import clause_after_split
from doc_helpers import parsed_doc
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _assert_no_report(ctx, lead: str, sentence: str) -> None:  # type: ignore[no-untyped-def]
    """No indirect quote in ``sentence`` after the ``lead`` sentence."""
    quotes = _quotes(f"{lead} {sentence}", ctx)
    assert all(q.kind != "indirect" for q in quotes), [q.text for q in quotes]


def _indirect(ctx, lead: str, sentence: str, content: str):  # type: ignore[no-untyped-def]
    """The indirect quote holding ``content`` in ``sentence`` after ``lead`` (failing if none)."""
    quote = find_quote(_quotes(f"{lead} {sentence}", ctx), content)
    assert quote is not None and quote.kind == "indirect", content
    return quote


@pytest.mark.model
def test_a_capitalised_source_closing_the_sentence_needs_no_comma(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les boulangeries augmentent leurs prix. Des hausses décidées par la moitié des "
        "artisans selon le Syndicat des boulangers."
    )
    quote = find_quote(_quotes(text, ctx), "hausses décidées")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name.startswith("Syndicat")


@pytest.mark.model
def test_a_lower_case_phrase_after_selon_without_a_comma_is_no_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les boulangeries augmentent leurs prix. Des hausses décidées par la moitié des "
        "artisans selon les régions."
    )
    assert find_quote(_quotes(text, ctx), "hausses décidées") is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("La ministre a promis sur France Inter de punir les fraudeurs.", "de punir les fraudeurs"),
        ("Le maire a demandé dans un courrier au préfet de fermer la route.", "de fermer la route"),
        (
            "Le patron a promis lors de son discours de verser une prime aux salariés.",
            "de verser une prime",
        ),
        # an audience after ``devant``, whatever its noun
        (
            "Le Premier ministre a promis devant les députés de ne pas recourir au 49.3.",
            "de ne pas recourir",
        ),
    ],
)
def test_a_promise_or_request_after_an_adjunct_of_channel_or_occasion(
    ctx, sentence, content
) -> None:  # type: ignore[no-untyped-def]
    quote = _indirect(ctx, "La grève continue.", sentence, content)
    assert quote.text.startswith("de ") and quote.speaker is not None


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        # the infinitive completes the adjunct's noun: a hope, not what was promised
        "Le patron a promis dans l'espoir de calmer les salariés.",
        # a noun object after the adjunct: nothing to report
        "Le maire a demandé lors de la réunion de lundi des moyens supplémentaires.",
        # a circumstance or a purpose, not what was promised or asked
        "Le candidat a beaucoup promis lors de ses meetings avant de décevoir ses électeurs.",
        "Le candidat a beaucoup promis lors de ses meetings au lieu de présenter un budget.",
        "Le syndicat a demandé lors de la réunion avec Matignon dans le but de débloquer la "
        "situation une hausse des salaires.",
        # the object holds the infinitive: the means were promised, not the rebuilding
        "La ministre a promis lors de sa visite à Mayotte les moyens de reconstruire l'île.",
        # the subject is asked, not asking
        "Le préfet s'est vu demander dans un courrier du maire de fermer la route.",
        # an oath that is a curse
        "Le joueur a juré à l'antenne avant d'être coupé par le présentateur.",
    ],
)
def test_no_promise_from_an_adjunct_without_an_infinitive_of_the_cue(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    _assert_no_report(ctx, "La grève continue.", sentence)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the participle read as a relative clause, a party's initials in brackets before it
        (
            "Le ton est monté entre une vingtaine de riverains opposés à un parking, et un Paul "
            "Roche (DVD) les invitant à écrire au préfet.",
            "Paul Roche",
        ),
        # the speaker's description leaves out the conjunction before it
        (
            "La réunion a opposé des riverains et un maire les invitant à écrire au préfet.",
            "un maire",
        ),
    ],
)
def test_a_present_participle_after_a_noun_has_it_for_speaker(ctx, text, speaker) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(text, ctx), "à écrire au préfet")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Les avocats des familles ont plaidé pour que l'État verse des indemnités aux victimes.",
            "l'État verse des indemnités",
        ),
        (
            "La syndicaliste milite depuis des années pour que les saisonniers soient mieux payés.",
            "les saisonniers soient mieux payés",
        ),
    ],
)
def test_the_clause_after_pour_que_of_a_cue_of_advocacy(ctx, sentence, content) -> None:  # type: ignore[no-untyped-def]
    quote = _indirect(ctx, "Le procès touche à sa fin.", sentence, content)
    assert quote.text.startswith(content) and quote.speaker is not None


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Le jeune homme milite au Parti socialiste depuis dix ans.",
        "Elle milite pour l'abolition de la peine de mort.",
    ],
)
def test_militer_without_a_clause_reports_nothing(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(f"Le procès touche à sa fin. {sentence}", ctx) == []


@pytest.mark.model
def test_a_promise_after_an_adjunct_ends_where_a_new_clause_starts(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La grève continue. Le maire a demandé dans un courrier au préfet de fermer la route "
        "dès lundi et les commerçants ont aussitôt protesté."
    )
    quote = find_quote(_quotes(text, ctx), "de fermer la route")
    assert quote is not None and "commerçants" not in quote.text


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Aux Etats-Unis, l'âge légal pour boire varie selon l'Etat.",
        "Les délais d'attente varient de deux à six mois selon l'Hôpital.",
        "Les tarifs des cantines varient selon le Syndicat des communes.",
    ],
)
def test_a_capital_after_selon_depending_on_is_no_source(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(f"Le débat est relancé. {sentence}", ctx) == []


@pytest.mark.model
def test_a_source_s_clause_leaves_out_the_conjunction_before_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le débat est relancé. Le ministre a appelé au calme dimanche, et la grève se "
        "poursuit selon les syndicats."
    )
    quote = find_quote(_quotes(text, ctx), "la grève se poursuit")
    assert quote is not None and quote.text == "la grève se poursuit"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        (
            "Tous les manifestants ont été libérés dans la soirée indiquent leurs avocats.",
            "Tous les manifestants ont été libérés dans la soirée",
            "leurs avocats",
        ),
        (
            "Le dossier est désormais clos confirme la procureure qui refuse tout commentaire.",
            "Le dossier est désormais clos",
            "la procureure",
        ),
    ],
)
def test_an_incise_whose_comma_was_left_out(ctx, sentence, content, speaker) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(f"L'audience a repris lundi. {sentence}", ctx), content)
    assert quote is not None and quote.text == content
    assert quote.speaker is not None and quote.speaker.name.startswith(speaker)


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Le projet que défendent les élus a été adopté.",
        "La maison où vivent les familles a brûlé.",
        "Sur place, les rares témoignages qui arrivent décrivent une ville dévastée.",
        "Les salariés ont quitté l'usine et annoncent une grève.",
    ],
)
def test_no_uncommaed_incise_in_ordinary_word_order(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    _assert_no_report(ctx, "L'audience a repris lundi.", sentence)


@pytest.mark.model
def test_a_participle_after_a_received_noun_is_that_noun_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le conseil a été houleux. La ministre a reçu un élu local l'exhortant à revoir la "
        "carte scolaire."
    )
    quote = find_quote(_quotes(text, ctx), "à revoir la carte")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "un élu local"


@pytest.mark.model
def test_a_plea_s_object_leaves_its_purpose_unreported(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le procès touche à sa fin. Son avocat a plaidé la légitime défense pour que son "
        "client soit acquitté."
    )
    assert find_quote(_quotes(text, ctx), "son client soit acquitté") is None


@pytest.mark.model
def test_an_advocacy_inside_an_incise_report_is_the_incise_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le club est en deuil. Son fils milite dans un club de foot pour que les arbitres "
        "soient respectés, raconte sa mère."
    )
    quote = find_quote(_quotes(text, ctx), "arbitres soient respectés")
    assert quote is not None and quote.speaker is not None and quote.speaker.name == "sa mère"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "La ministre a promis sur France Inter ce mardi de débloquer 50 millions d'euros.",
            "de débloquer 50 millions",
        ),
        (
            "Le maire a demandé dans un courrier au préfet de faire en sorte que les bus "
            "circulent et que les écoles restent ouvertes.",
            "que les écoles restent ouvertes",
        ),
    ],
)
def test_an_adjunct_infinitive_across_a_time_word_and_a_second_que(ctx, sentence, content) -> None:  # type: ignore[no-untyped-def]
    _indirect(ctx, "La grève continue.", sentence, content)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "Les syndicats ont demandé devant le refus de la direction de négocier "
            "l'intervention du préfet.",
            "de négocier",
        ),
        (
            "La ministre a promis devant des salariés menacés de perdre leur emploi de tout "
            "faire pour sauver le site.",
            "de perdre",
        ),
    ],
)
def test_no_adjunct_infinitive_owned_by_the_adjunct_s_words(ctx, sentence, words) -> None:  # type: ignore[no-untyped-def]
    assert find_quote(_quotes(f"La grève continue. {sentence}", ctx), words) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Le maire de Brest devrait démissionner avant l'été selon Ouest-France.", "Ouest-France"),
        ("Le chantier du tramway prendra six mois de retard selon la Métropole.", "Métropole"),
    ],
)
def test_a_capitalised_source_without_a_comma(ctx, sentence, source) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(f"Le débat est relancé. {sentence}", ctx)
    assert quotes and quotes[0].text == sentence.split(" selon")[0]
    assert quotes[0].speaker is not None and source in quotes[0].speaker.name


#: ``Selon Business | Courier, l'agence aurait adressé des demandes.``: the parser closed a
#: sentence inside the source's name
_SPLIT_NAME_ROWS = [
    ("Selon", 1, "case", "ADP"),
    ("Business", 1, "ROOT", "PROPN"),
    ("Courier", 7, "obl:mod", "PROPN"),
    (",", 7, "punct", "PUNCT"),
    ("l'", 5, "det", "DET"),
    ("agence", 7, "nsubj", "NOUN"),
    ("aurait", 7, "aux:tense", "AUX"),
    ("adressé", 7, "ROOT", "VERB"),
    ("des", 9, "det", "DET"),
    ("demandes", 7, "obj", "NOUN"),
    (".", 7, "punct", "PUNCT"),
]


def test_a_sentence_split_inside_the_source_s_name_reports_the_clause_after_it() -> None:
    doc = parsed_doc(_SPLIT_NAME_ROWS)
    assert [s.text for s in doc.sents][0] == "Selon Business"
    content = clause_after_split(doc[0])
    assert content is not None
    assert " ".join(t.text for t in content) == "l' agence aurait adressé des demandes"


def test_a_split_after_a_common_noun_source_reports_nothing() -> None:
    rows = [("Selon", 1, "case", "ADP"), ("lui", 1, "ROOT", "PRON"), *_SPLIT_NAME_ROWS[2:]]
    assert clause_after_split(parsed_doc(rows)[0]) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        (
            "Le syndicat juge « inacceptable » la décision de fermer le site.",
            "inacceptable",
            "syndicat",
        ),
        ("Une décision que la CGT juge « inacceptable » et « brutale ».", "brutale", "CGT"),
        (
            "Une déclaration que l'association Familles Rurales juge « fausse ».",
            "fausse",
            "Familles Rurales",
        ),
    ],
)
def test_juge_read_as_a_noun_before_marks_is_the_verb(ctx, sentence, fragment, speaker) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(f"La direction a présenté son plan. {sentence}", ctx), fragment)
    assert quote is not None and quote.kind == "partial"
    assert quote.speaker is not None and speaker in quote.speaker.name


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Le juge « rouge » a été dessaisi du dossier.",
        "Le rapport du juge « Dupont » a fuité dans la presse.",
    ],
)
def test_the_noun_juge_before_marks_is_no_cue(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(f"Le tribunal a tranché. {sentence}", ctx)
    assert all(q.cue is None or q.cue.text != "juge" for q in quotes)


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        # the verb before is a relative's: the sentence's own verb follows, with its object
        "Les parents d'élèves qui ont manifesté devant l'école primaire du quartier accusent "
        "le maire.",
        # a new clause after ``et``, its subject inverted after a fronted phrase
        "La séance a été suspendue et après le discours du maire réagit le chef de l'opposition.",
        # a future of a verb of action
        "Le match aller s'est joué à guichets fermés et au retour défendront les joueurs de Lens.",
    ],
)
def test_no_uncommaed_incise_after_a_relative_a_conjunction_or_a_future(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    _assert_no_report(ctx, "L'audience a repris lundi.", sentence)


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Les délais d'attente aux urgences varient fortement selon Paris ou la province.",
        "Les loyers varient du simple au double selon Lyon, Bordeaux ou Nantes.",
        "Les règles applicables sont variables selon l'Etat.",
    ],
)
def test_places_and_alternatives_after_a_varying_selon_are_no_source(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(f"Le débat est relancé. {sentence}", ctx) == []


@pytest.mark.model
def test_a_source_without_comma_vouches_for_the_clause_after_mais(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le débat est relancé. La direction promet de maintenir l'emploi sur le site, mais "
        "200 postes seront supprimés selon la CGT."
    )
    quote = find_quote(_quotes(text, ctx), "200 postes")
    assert quote is not None and quote.text == "200 postes seront supprimés"
    assert quote.speaker is not None and quote.speaker.entity == "cgt"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "L'avocate a plaidé mardi pour que son client soit remis en liberté.",
            "son client soit remis",
        ),
        (
            "Les élus ont plaidé pour que l'État verse une indemnité, à hauteur de 10 000 euros, "
            "aux familles sinistrées.",
            "l'État verse une indemnité",
        ),
        (
            "La présidente de région a plaidé la cause des éleveurs pour que les indemnités "
            "soient versées avant l'hiver.",
            "les indemnités soient versées",
        ),
    ],
)
def test_advocacy_across_a_time_word_an_aside_and_a_cause(ctx, sentence, content) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(f"Le procès touche à sa fin. {sentence}", ctx), content)
    assert quote is not None and quote.text.startswith(content)


@pytest.mark.model
def test_an_audience_after_devant_and_an_adjective_s_own_de(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "La grève continue. Le ministre a promis devant les caméras de ne pas augmenter les "
        "impôts. Le ministre a promis devant des salariés inquiets de perdre leur emploi.",
        ctx,
    )
    assert find_quote(quotes, "de ne pas augmenter les impôts") is not None
    assert find_quote(quotes, "de perdre leur emploi") is None


@pytest.mark.model
def test_a_party_label_in_brackets_after_a_name_sets_nothing_off(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ton est monté entre une vingtaine de riverains opposés à un parking, et un Paul "
        "Roche (Horizons) les invitant à écrire au préfet."
    )
    quote = find_quote(_quotes(text, ctx), "à écrire au préfet")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "paul-roche"


def test_a_split_source_name_skips_its_apposition() -> None:
    rows = [
        *_SPLIT_NAME_ROWS[:2],
        ("Courier", 11, "obl:mod", "PROPN"),
        (",", 2, "punct", "PUNCT"),
        ("un", 5, "det", "DET"),
        ("hebdomadaire", 2, "appos", "NOUN"),
        ("économique", 5, "amod", "ADJ"),
        *[(w, h + 4 if h > 2 else h, d, p) for w, h, d, p in _SPLIT_NAME_ROWS[3:]],
    ]
    morphs = ["Definite=Ind" if r[0] == "un" else "" for r in rows]
    doc = parsed_doc(rows, morphs=morphs)
    content = clause_after_split(doc[0])
    assert content is not None and content[0].text == "l'"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Le maire incite les habitants à économiser l'eau cet été.", "à économiser l'eau"),
        (
            "Le syndicat encourage les salariés à rejoindre la grève dès lundi.",
            "à rejoindre la grève",
        ),
    ],
)
def test_urging_someone_to_act_is_a_request(ctx, sentence, content) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(f"La sécheresse s'aggrave. {sentence}", ctx), content)
    assert quote is not None and quote.kind == "indirect" and quote.speaker is not None


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "La baisse des taux incite les ménages à emprunter davantage.",
        "Le ministère lance une campagne visant à inciter les jeunes à se faire vacciner.",
    ],
)
def test_no_request_from_a_thing_or_an_infinitive_of_purpose(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    _assert_no_report(ctx, "La sécheresse s'aggrave.", sentence)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Les négociations reprendront lundi précisait la direction du groupe.",
            "Les négociations",
        ),
        ("Il faut agir vite sur ce dossier estime le maire de Brest.", "Il faut agir vite"),
        ("Le site sera vendu ou démoli d'ici 2027 précise la mairie.", "Le site sera vendu"),
        (
            "Le maire a reçu les familles et promis une aide rapide précise la mairie.",
            "Le maire a reçu les familles",
        ),
    ],
)
def test_uncommaed_incises_in_the_imperfect_unlemmatised_or_after_coordinated_verbs(
    ctx, sentence, content
) -> None:  # type: ignore[no-untyped-def]
    _indirect(ctx, "L'audience a repris lundi.", sentence, content)


@pytest.mark.model
def test_a_judging_noun_verb_after_a_relative_s_object_is_the_subject_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La crise agricole dure. Le préfet qui a reçu les agriculteurs juge « constructive » "
        "la rencontre de lundi."
    )
    quote = find_quote(_quotes(text, ctx), "constructive")
    assert quote is None or quote.speaker is None or "agriculteurs" not in quote.speaker.name


@pytest.mark.model
def test_a_participle_whose_clitic_stands_for_a_confronted_object(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le conseil a été houleux. Les manifestants ont interpellé le maire l'accusant "
        "d'avoir abandonné le quartier."
    )
    quote = find_quote(_quotes(text, ctx), "d'avoir abandonné")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Les manifestants"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        (
            "Le ministre a promis devant les élus locaux de maintenir les dotations.",
            "de maintenir les dotations",
            None,
        ),
        (
            "La ministre a promis devant la décision du groupe de délocaliser la production "
            "de tout faire pour sauver les emplois.",
            None,
            "de délocaliser",
        ),
        (
            "Le député a demandé dans une vidéo accusée d'attiser les tensions de dissoudre "
            "l'association.",
            None,
            "d'attiser",
        ),
    ],
)
def test_adjunct_infinitives_after_audiences_states_and_participles(
    ctx, sentence, present, absent
) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(f"La grève continue. {sentence}", ctx)
    if present is not None:
        assert find_quote(quotes, present) is not None
    if absent is not None:
        assert find_quote(quotes, absent) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # a definite phrase after the source's comma is the clause's subject, no apposition
        (
            "Selon Business Courier, le groupe Kroger, premier distributeur du pays, prévoit de "
            "fermer deux sites.",
            "le groupe Kroger",
        ),
        # a named place vouching for a varying figure is a source
        (
            "Les exportations chinoises ont fluctué de 8 % l'an dernier selon Pékin.",
            "Les exportations",
        ),
    ],
)
def test_sources_kept_by_the_narrowed_rules(ctx, sentence, content) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(f"Le débat est relancé. {sentence}", ctx), content)
    assert quote is not None and quote.text.startswith(content)


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Les salariés sont incités à rejoindre le mouvement par la CGT.",
        "Le rappeur est accusé d'avoir incité ses fans à harceler une journaliste.",
        "Le ministre a promis devant des agriculteurs excédés de devoir attendre.",
        "Les loyers varient fortement selon Paris et la province.",
    ],
)
def test_no_report_from_the_fourth_review_s_misfires(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    _assert_no_report(ctx, "La grève continue.", sentence)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "fragment", "speaker"),
    [
        (
            "Le Parisien a interviewé une commerçante le qualifiant de « très poli ».",
            "très poli",
            "une commerçante",
        ),
        (
            "Le candidat a promis devant des milliers de sympathisants de baisser les impôts.",
            "de baisser les impôts",
            "Le candidat",
        ),
        (
            "Après avoir rencontré le ministre, le syndicat juge « insuffisantes » les annonces.",
            "insuffisantes",
            "syndicat",
        ),
    ],
)
def test_speakers_kept_by_the_fourth_review(ctx, sentence, fragment, speaker) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(f"La grève continue. {sentence}", ctx), fragment)
    assert quote is not None and quote.speaker is not None and speaker in quote.speaker.name
