"""Session 23: speakers of scraped text whose lines break inside a sentence."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from allegiance.clean.normalize import normalize_for_nlp
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def test_a_break_inside_a_sentence_becomes_a_space() -> None:
    body = "« On a tenu »,\na déclaré Paul Durand.\nLe maire a réagi.\n\nil pleut\nsur la ville"
    out = normalize_for_nlp(body)
    assert len(out) == len(body)
    assert out.startswith("« On a tenu », a déclaré Paul Durand.\nLe maire a réagi.\n\n")
    assert out.endswith("il pleut sur la ville")


def test_a_line_opening_on_a_comma_goes_on() -> None:
    body = "« Tout est bloqué »\n, a lancé un paysan."
    assert normalize_for_nlp(body) == "« Tout est bloqué » , a lancé un paysan."


@pytest.mark.parametrize(
    "body",
    [
        "Le maire a réagi.\nla suite demain",  # a full stop ends the line
        "« Une victoire »\nLe maire a réagi",  # an upper-case word starts the next line
        "un paragraphe,\n\nun autre",  # a blank line is a paragraph break
        "une ligne,\nDeux",  # an upper-case word starts the next one
        # a closing mark before a lower-case line: a list item, a new sentence
        "Les réactions :\nle maire a salué « une excellente nouvelle »\nla députée a regretté",
        "« Pas de trêve à Noël ! »\nla direction a jugé la grève « incompréhensible ».",
    ],
)
def test_paragraph_breaks_stay(body: str) -> None:
    assert normalize_for_nlp(body) == body


@pytest.mark.model
def test_a_cue_on_the_next_line_names_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le blocage a été levé à la mi-journée, a indiqué la gendarmerie.\n"
        '"On est très satisfait, on a tenu 24 heures",\n'
        "a déclaré à l'AFP Paul Durand, président du syndicat du département.\n"
        "Ce nouvel épisode intervient avec en toile de fond des élections."
    )
    quote = find_quote(_quotes(text, ctx), "On est très satisfait")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "paul-durand"


@pytest.mark.model
def test_a_quote_on_a_broken_line_is_no_sub_heading(ctx) -> None:  # type: ignore[no-untyped-def]
    """A fragment set on a line of its own by the scraper, the sentence going on below it, does
    not take the speaker of the next quotation as a sub-heading would."""
    text = (
        "Une responsable a assuré que le blocage était\n"
        '"prévu pour toute la nuit"\n'
        ", avant\n"
        '"d\'autres points de chute"\n'
        "par la suite.\n"
        "Le convoi avait fait étape sur un parking.\n"
        '"On est très satisfait, on a tenu 24 heures", a déclaré Paul Durand, agriculteur.'
    )
    quotes = _quotes(text, ctx)
    for fragment in ("prévu pour toute la nuit", "d'autres points de chute"):
        quote = find_quote(quotes, fragment)
        assert quote is None or quote.speaker is None or quote.speaker.entity != "paul-durand"


@pytest.mark.model
def test_a_bracketed_acronym_does_not_hide_the_apposed_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Il a décidé de présider toutes les séances, comme l'explique son camarade au sein du "
        "groupe Les Républicains (LR), Paul Karman : « Après le spectacle donné par "
        "l'Assemblée, il est logique que le président du Sénat se dise que c'est au Sénat que "
        "le débat doit avoir lieu. »"
    )
    quote = find_quote(_quotes(text, ctx), "Après le spectacle")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "paul-karman"


_SECTIONS = (
    "Le Sénat examine la réforme. Il a décidé de présider les séances, comme l'explique son "
    "collègue, Paul Karman : « Il est logique que le Sénat organise ce débat. »\n\n"
    "« {heading} »\n\n"
    "Une méthode que la sénatrice Julie Morel a pu observer : « Il respecte les minorités. "
    "Mais on va voir si on serait à un petit changement de cap ? »"
)


@pytest.mark.model
def test_a_question_heading_repeated_below_is_the_section_speakers(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(_SECTIONS.format(heading="Changement de cap ?"), ctx), "Changement")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "julie-morel"


@pytest.mark.model
def test_a_question_alone_on_its_line_goes_on_with_the_speaker_before(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(
        _quotes(_SECTIONS.format(heading="Et qui paiera la note ?"), ctx), "qui paiera"
    )
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "paul-karman"


@pytest.mark.model
def test_reactions_listed_line_by_line_keep_their_speakers(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le projet a été validé par le préfet. Les réactions se sont multipliées :\n"
        "le maire de Rodez, Paul Teyssier, a salué « une excellente nouvelle pour l'emploi »\n"
        "la députée Laure Bousquier a regretté « un manque de concertation »"
    )
    quote = find_quote(_quotes(text, ctx), "une excellente nouvelle")
    assert (
        quote is not None and quote.speaker is not None and quote.speaker.entity == "paul-teyssier"
    )


@pytest.mark.model
def test_a_name_broken_over_two_lines_keeps_one_line() -> None:
    from allegiance.analysis import analyze

    article = analyze(
        "Le fondateur du parc, Philippe\nde Villemont, a annoncé sa candidature.", lang="fr"
    )
    assert article.entities
    assert all(
        "\n" not in e.name and all("\n" not in a for a in e.aliases) for e in article.entities
    )


@pytest.mark.model
def test_a_question_set_in_the_flow_is_no_heading(ctx) -> None:  # type: ignore[no-untyped-def]
    """Not set apart by blank lines, a question after a speaker's quote goes on with it, even
    when the words come back later."""
    text = (
        "Au conseil municipal, le maire, Paul Delmas, a interpellé l'État. « Nous attendons "
        "les crédits depuis trois ans. »\n« Combien de temps allons-nous encore attendre ? »\n"
        "Le préfet, Marc Gaumont, a répondu que « les crédits seront débloqués au printemps ». "
        "Combien de temps allons-nous encore attendre, répètent les habitants."
    )
    quote = find_quote(_quotes(text, ctx), "Combien de temps allons-nous")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "paul-delmas"


_PRESIDENT = (
    "« La colère monte », a alerté Marie Dubois, présidente {of}. {body} n'exclut rien. "
    "« Nous verrons bien ce qui se passe », prévient sa présidente."
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("of", "body", "entity"),
    [
        ("d'Avenir Santé", "Avenir Santé", "marie-dubois"),  # the body's president, named
        ("de la région", "La CGT", None),  # another body's: an unnamed description
    ],
)
def test_a_possessive_role_is_the_bodys_named_holder(ctx, of: str, body: str, entity) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(_PRESIDENT.format(of=of, body=body), ctx), "Nous verrons bien")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == entity
    assert entity is not None or quote.speaker.name == "sa présidente"


@pytest.mark.model
@pytest.mark.parametrize("role", ["coprésident", "vice-président"])
def test_a_shared_or_deputy_role_puts_a_new_person_on_stage(ctx, role: str) -> None:  # type: ignore[no-untyped-def]
    """``à l'image de X, coprésident de …``: X, introduced by a role, is whom the next ``il``
    stands for, not the speaker quoted before."""
    text = (
        "Le député André Baulet a salué le budget. « C'est un budget de responsabilité », "
        "a-t-il déclaré. L'opposition se montre plus critique, à l'image de Gilles Rothen, "
        f"{role} de la fraction CSV. « Des buts ont été annoncés, mais peu de chemins », "
        "déplore-t-il."
    )
    quote = find_quote(_quotes(text, ctx), "Des buts")
    assert (
        quote is not None and quote.speaker is not None and quote.speaker.entity == "gilles-rothen"
    )


def test_speaker_nouns_have_their_shared_and_deputy_forms() -> None:
    from allegiance.extract.lexicons import speaker_nouns

    nouns = speaker_nouns("fr")
    assert {"président", "coprésident", "co-président", "vice-présidente"} <= nouns
    assert "coprésident" not in speaker_nouns("xx")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the body named last is an object, not the subject whose president speaks
        "« La colère monte », a alerté Marie Dubois, présidente d'Avenir Santé. L'association "
        "Millau Solidarités a répondu mardi à Avenir Santé. « Nous ne suivrons pas ce "
        "mouvement », prévient sa présidente.",
        # the person met, not the one apposed to the role
        "La présidente de la FNSEA a rencontré Marie Fesnel mardi à Paris. La FNSEA réclame un "
        "moratoire sur les normes. « Nous ne signerons rien en l'état », prévient sa présidente.",
        # a former president is not the president
        "Marie Dubois, ancienne présidente d'Avenir Santé, a quitté l'association en 2022. "
        "Avenir Santé porte plainte contre le fournisseur. « Les abonnés ont été trompés "
        "pendant des mois », affirme sa présidente.",
    ],
)
def test_a_possessive_role_names_no_one_it_does_not_hold(ctx, text: str) -> None:  # type: ignore[no-untyped-def]
    quote = _quotes(text, ctx)[-1]
    assert quote.speaker is not None and quote.speaker.entity is None


@pytest.mark.model
def test_a_body_noun_under_a_possessive_is_the_body(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le groupe Bosch a confirmé mardi la suppression de 300 postes à Rodez. « Aucun "
        "licenciement sec n'est envisagé », assure sa direction."
    )
    quote = find_quote(_quotes(text, ctx), "Aucun licenciement")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "bosch"


@pytest.mark.parametrize(
    ("body", "joined"),
    [
        ("« C'est intenable »\nselon la préfète du Tarn.", True),
        ("« On vend à perte »\nconfie Jacques Fabre, éleveur.", True),
        ("le président du Département (LR)\nqui a dénoncé « un abandon ».", True),
        ("« On vend à perte »\nla députée a regretté « un manque ».", False),
        ("Les réactions :\nselon le maire, tout va bien.", False),
    ],
)
def test_a_line_opening_on_a_source_or_an_incise_goes_on(body: str, joined: bool) -> None:
    assert (normalize_for_nlp(body) == body.replace("\n", " ")) is joined


@pytest.mark.model
def test_a_headline_ending_lower_case_leaves_the_heading_below_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Bosch Rodez : la colère des salariés\n« On nous a menti »\nDevant les grilles de "
        "l'usine, Paul Roux, délégué CGT, ne décolère pas. « La direction savait tout depuis "
        "des mois », dit-il."
    )
    quote = find_quote(_quotes(text, ctx), "On nous a menti")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "paul-roux"


@pytest.mark.model
def test_members_listed_in_brackets_are_not_the_body(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Engie a jusqu'à lundi pour valider l'accord. « L'État n'écoute même pas les élus », "
        "indique l'intersyndicale (CFE-CGC, CFDT, CFTC, CGT et FO) dans un communiqué. « On ne "
        "nous fera pas taire », prévient l'intersyndicale."
    )
    quotes = _quotes(text, ctx)
    for fragment in ("L'État n'écoute", "On ne nous fera pas taire"):
        found = [q for q in quotes if q.text.startswith(fragment)]
        assert len(found) == 1  # one quote, not one per member
        speaker = found[0].speaker
        assert speaker is not None and speaker.entity is None
        assert speaker.name.lower().endswith("intersyndicale")


@pytest.mark.model
def test_the_gendarmerie_is_no_union_named_before(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Coordination rurale a mené des actions mercredi. Le blocage de l'autoroute a été "
        "levé à la mi-journée, a indiqué la gendarmerie."
    )
    quote = find_quote(_quotes(text, ctx), "Le blocage")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None and quote.speaker.name == "la gendarmerie"


@pytest.mark.model
def test_a_party_tag_after_a_role_noun_leaves_the_person_speaking(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Au moment de recevoir son prix, la réalisatrice Julie Tessier a critiqué le "
        'gouvernement. "Je ne peux me contenter d\'évoquer la joie que je ressens", a-t-elle '
        "dit.\n\nUn discours qui a provoqué des réactions, à commencer par celles du "
        'gouvernement. "Ce film n\'aurait pas pu voir le jour sans notre modèle", a écrit la '
        'ministre de la Culture qui s\'est dite "estomaquée".\n\nEn revanche, du côté de '
        "l'opposition, Insoumis et Rassemblement national saluent cette prise de parole. Jean "
        'Paul Martin par exemple a souligné le courage de la réalisatrice. "Cannes revient à sa '
        "tradition, c'est la gauche résistante qui a créé ce festival\", s'est félicité le "
        "leader Insoumis sur les réseaux sociaux."
    )
    quote = find_quote(_quotes(text, ctx), "Cannes revient")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "jean-paul-martin"


@pytest.mark.model
def test_a_firm_named_by_its_trade_is_the_firm(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mercredi, l'énergéticien Engie, propriétaire de Suez, a dit accueillir « favorablement » "
        "la nouvelle proposition."
    )
    quote = find_quote(_quotes(text, ctx), "favorablement")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "engie"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "entity"),
    [
        (
            "Le constructeur automobile (Renault, deuxième groupe français) a annoncé des "
            "suppressions de postes. « Nous devons réduire nos coûts », a indiqué le constructeur.",
            "renault",
        ),
        (
            "Le parti de droite (LR, ex-UMP) ne votera pas le budget. « Nous ne serons pas "
            "complices », a prévenu le parti.",
            "les-republicains",
        ),
        (
            "La mairie de Grenoble a décidé de réduire l'éclairage public. « Nous économiserons "
            "300 000 euros par an », a indiqué la municipalité.",
            "mairie-de-grenoble",
        ),
        # a public service is not the union named last
        (
            "Les agents de cantine sont en grève à l'appel de la CGT des territoriaux. « Un "
            "service minimum sera assuré », a indiqué la mairie.",
            None,
        ),
        (
            "La préfecture de police de Paris a interdit le rassemblement. « Les risques de "
            "troubles sont avérés », a justifié la police.",
            "prefecture-de-police-de-paris",
        ),
        # a body named by a noun that is no person's role keeps its name
        (
            "Les chauffeurs de bus sont en grève à Lyon. « Le service sera perturbé jusqu'à "
            "vendredi », a prévenu le transporteur Keolis.",
            "keolis",
        ),
        # members listed with their articles
        (
            "L'intersyndicale (la CGT, la CFDT, FO et la CFE-CGC) a appelé à la grève jeudi. "
            "« Nous ne signerons pas cet accord », a averti l'intersyndicale.",
            None,
        ),
        # the body is only what another body demonstrated against
        (
            "Jean Martin, président de la FNSEA, a été reçu à Matignon lundi. La Confédération "
            "paysanne a manifesté mardi contre la FNSEA devant la préfecture. « Les petits "
            "paysans sont sacrifiés », a déclaré son président.",
            None,
        ),
        # ``Selon le président de Y, X …``: X is not the president
        (
            "Selon le président de la FNSEA, Paul Marc n'a pas tenu ses promesses. La FNSEA "
            "appelle à bloquer les préfectures lundi. « Les agriculteurs ne peuvent plus "
            "attendre », prévient son président.",
            None,
        ),
        # a person's role tagged with a union's name is a person
        (
            "La direction a annoncé 300 suppressions de postes. « C'est un plan social "
            "déguisé », a dénoncé le délégué CGT.",
            None,
        ),
        # the body in apposition to the subject, named after its noun, or ``du côté de``
        (
            "Paul Rousselin, président de la FNSEA, a été reçu à Matignon. Le premier syndicat "
            "agricole, la FNSEA, appelle à bloquer les préfectures lundi. « Les agriculteurs ne "
            "peuvent plus attendre », prévient son président.",
            "paul-rousselin",
        ),
        (
            "Paul Martinel, président du Medef, a reçu les syndicats lundi. Du côté du Medef, on "
            "se dit prêt à un compromis. « Nous restons ouverts », a assuré son président.",
            "paul-martinel",
        ),
        # a role phrase after ``Aux côtés de`` still has its apposed holder
        (
            "Aux côtés de la présidente de la Coordination rurale, Marie Le Flochet, les "
            "agriculteurs ont bloqué Rungis. La Coordination rurale appelle à durcir le "
            "mouvement. « Nous irons jusqu'au bout », prévient sa présidente.",
            "marie-le-flochet",
        ),
        # a police union is not the police
        (
            "Le syndicat Alliance Police nationale dénonce le manque d'effectifs. « Les "
            "patrouilles de nuit sont maintenues », a assuré la police.",
            None,
        ),
    ],
)
def test_the_last_quote_speaks_for(ctx, text: str, entity: str | None) -> None:  # type: ignore[no-untyped-def]
    """The speaker the reviews' cases need: bodies named once in brackets or otherwise,
    public services, tagged roles, listed members, possessive roles' bodies and holders."""
    quote = _quotes(text, ctx)[-1]
    assert quote.speaker is not None and quote.speaker.entity == entity


@pytest.mark.model
@pytest.mark.parametrize(
    "intro",
    [
        "Marie Dupuis, présidente de la FNSEA, suit le dossier. L'arrêté a été attaqué mardi "
        "par la FNSEA devant le tribunal administratif.",
        "Présidente de la FNSEA depuis 2019, Marie Dupuis suit le dossier de près. La FNSEA a "
        "attaqué l'arrêté mardi.",
        "Marie Dupuis, 54 ans, présidente de la FNSEA, suit le dossier. La FNSEA a attaqué "
        "l'arrêté mardi.",
        "La présidente de la FNSEA, Marie Dupuis, suit le dossier de près. La FNSEA attaque "
        "l'arrêté.",
    ],
)
def test_the_holder_of_a_possessive_role_however_introduced(ctx, intro: str) -> None:  # type: ignore[no-untyped-def]
    text = intro + " « Ce site doit être protégé », souligne sa présidente."
    quote = find_quote(_quotes(text, ctx), "Ce site")
    assert (
        quote is not None and quote.speaker is not None and quote.speaker.entity == "marie-dupuis"
    )


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a past holder, of the other gender
        "Marie Dupuis a succédé en janvier à Jean Martin, président de la FNSEA de 2017 à 2024. "
        "La FNSEA appelle à bloquer les préfectures lundi. « Nous irons jusqu'au bout », "
        "prévient sa présidente.",
        # a person's party is not the body named last
        "La députée Laure Vasseur a été condamnée mardi à deux ans d'inéligibilité. La Ligue des "
        "droits de l'homme, partie civile, s'est réjouie de la décision. « Elle fera appel », a "
        "indiqué son parti.",
    ],
)
def test_possessive_roles_that_name_no_one(ctx, text: str) -> None:  # type: ignore[no-untyped-def]
    quote = _quotes(text, ctx)[-1]
    assert quote.speaker is not None and quote.speaker.entity is None


@pytest.mark.model
def test_a_quote_after_a_line_left_open_is_no_heading(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire de Villeneuve, Jean Dupont, ne décolère pas. « On nous a menti depuis le "
        "début », lance-t-il. Il parle même d'une\n« trahison pure et simple »\nIl compte "
        "saisir le tribunal administratif."
    )
    quote = find_quote(_quotes(text, ctx), "trahison pure")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "jean-dupont"


@pytest.mark.model
def test_a_headline_ending_on_plus_leaves_the_pull_quote_a_heading(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les éleveurs de la Creuse n'en peuvent plus\n« On travaille à perte depuis deux ans »\n"
        "À Guéret, la colère monte. « Nous voulons être reçus par le préfet », a déclaré Jean "
        "Martin, président de la FDSEA."
    )
    quote = find_quote(_quotes(text, ctx), "On travaille")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "jean-martin"
