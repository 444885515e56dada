"""Session 13: speaker fixes for partial quotes (the kind whose speakers were found least often
on every held-out set), found on the dev halves of the blind sets and rebuilt here as invented
passages (model tests) or a blank tokenizer (unit tests)."""

from __future__ import annotations

import pytest
import spacy

from allegiance.analysis import default_context
from allegiance.nlp.tokenizer import split_glued_quote_marks
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find
from quote_helpers import speaker_name as _name


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


# --- unit tests ------------------------------------------------------------------------------


def test_the_tokenizer_cuts_a_quotation_mark_glued_between_two_words() -> None:
    nlp = spacy.blank("fr")
    split_glued_quote_marks(nlp)
    words = [t.text for t in nlp('est "positif au cannabis"selon la procureure, il dit«non»')]
    assert words[words.index("cannabis") + 1 : words.index("cannabis") + 3] == ['"', "selon"]
    assert words[-4:] == ["dit", "«", "non", "»"]
    # apostrophes and hyphens stay inside words
    assert [t.text for t in nlp("aujourd'hui l'homme")] == ["aujourd'hui", "l'", "homme"]


# --- model tests ---------------------------------------------------------------------------


@pytest.mark.model
def test_selon_glued_to_the_closing_mark_names_the_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La procureure de la République, Carole Étienne, a tenu une conférence lundi. Le "
        'conducteur "présente un taux d\'alcool de 2 g/l"selon la procureure.'
    )
    quote = _find(_quotes(text, ctx), "taux d'alcool")
    assert quote is not None and _name(quote) == "Carole Étienne"


@pytest.mark.model
def test_a_court_needing_no_seat_does_not_swallow_the_name_after_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le procureur général près la Cour de cassation Paul Mercadier, qui représente le "
        "ministère public, a annoncé mardi avoir requis un procès, jugeant qu'il existait des "
        '"charges suffisantes" contre le ministre.'
    )
    quote = _find(_quotes(text, ctx), "charges suffisantes")
    assert quote is not None and _name(quote) == "Paul Mercadier"


@pytest.mark.model
def test_a_ministry_s_nationality_after_its_portfolio(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Un expert estime que le missile est plus puissant. Le test «est destiné à envoyer un "
        "avertissement aux États-Unis», a déclaré le ministère des Affaires étrangères "
        "nord-coréen, dans un communiqué."
    )
    quote = _find(_quotes(text, ctx), "avertissement")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "north-korea"


@pytest.mark.model
def test_a_verb_governing_two_marked_complements_owns_the_second(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le gouvernement de l'Azerbaïdjan a demandé aux «résidents arméniens » de la région "
        "qui fuient en masse de « ne pas quitter leurs maisons », rapporte l'AFP."
    )
    quote = _find(_quotes(text, ctx), "ne pas quitter")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "azerbaijan"
    # a colon sets the second quote apart: the verb before it introduced the first one only
    text = (
        "Le ministre Paul Mercadier analyse « la crise » dans sa lettre : « Nous tiendrons "
        "bon », « nous gagnerons » selon Jeanne Ribot."
    )
    quote = _find(_quotes(text, ctx), "nous gagnerons")
    assert quote is not None and _name(quote) == "Jeanne Ribot"


@pytest.mark.model
def test_a_minister_of_another_nationality_is_someone_else(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Abdoulaye Diop, le ministre malien des Affaires étrangères, a parlé. Le ton se durcit "
        "entre Paris et Bamako. Jeudi, le ministre français des Affaires étrangères a critiqué "
        "une junte « illégitime »."
    )
    quote = _find(_quotes(text, ctx), "illégitime")
    assert quote is not None and _name(quote) != "Abdoulaye Diop"
    # the same nationality, or none said, still refers back
    same = text.replace("français", "malien")
    quote = _find(_quotes(same, ctx), "illégitime")
    assert quote is not None and _name(quote) == "Abdoulaye Diop"


@pytest.mark.model
def test_the_union_federation_led_by_someone_speaks_itself(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La CFDT a durci le ton. Dans un communiqué, la centrale dirigée par Julien Caradec "
        "juge la réforme « déséquilibrée »."
    )
    quote = _find(_quotes(text, ctx), "déséquilibrée")
    assert quote is not None and _name(quote) == "CFDT"


@pytest.mark.model
def test_an_incise_with_de_son_cote_after_the_verb_closes_a_report(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "La situation a changé depuis samedi, a indiqué de son côté le ministre Paul Mercadier."
    quote = _find(_quotes(text, ctx), "La situation a changé")
    assert quote is not None and quote.kind == "indirect" and _name(quote) == "Paul Mercadier"


@pytest.mark.model
def test_fragments_about_a_counted_group_go_on_with_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« On a été sous le choc », a réagi Franck Bizet, délégué CGT. « On a vu des salariés "
        "pleurer », a-t-il poursuivi. Si neuf personnes « ont retrouvé un travail », les autres "
        "restent « dans une situation difficile », dans un bassin marqué par le chômage."
    )
    quotes = _quotes(text, ctx)
    for fragment in ("ont retrouvé un travail", "situation difficile"):
        quote = _find(quotes, fragment)
        assert quote is not None and _name(quote) == "Franck Bizet", fragment


@pytest.mark.model
def test_a_participle_after_a_que_clause_goes_on_with_the_speech_verb_s_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Stéphane Richard a parlé à la presse. Pour lui, il est essentiel de préserver la "
        'Fédération Française des Télécoms. Il estime que cette dernière "n\'est pas morte" '
        'annonçant "faire tout ce qu\'on peut pour la sauver."'
    )
    quotes = _quotes(text, ctx)
    for fragment in ("pas morte", "pour la sauver"):
        quote = _find(quotes, fragment)
        assert quote is not None and _name(quote) == "Stéphane Richard", fragment


@pytest.mark.model
def test_an_incise_verb_read_as_a_noun_before_a_civil_title(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les élus n'entendent pas les contestataires. \"Il n'existe pas de risque avéré\", "
        "analyse Maître Guillaume Viennois, avocat de la mairie. La mairie préfère se taire."
    )
    quote = _find(_quotes(text, ctx), "risque avéré")
    assert quote is not None and _name(quote) == "Guillaume Viennois"


@pytest.mark.model
def test_a_quote_after_a_connective_opening_the_paragraph_goes_on(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ignazio Cassis prend le cas de la Cour de justice. «Personne ne veut de juges "
        "étrangers», affirme-t-il lors d'un entretien.\n\nEn clair, «chacun s'occupe de son "
        "jardin. Mais il faut une instance d'arbitrage». C'est là qu'interviendrait un "
        "tribunal, «une idée qui s'était perdue en chemin»."
    )
    quotes = _quotes(text, ctx)
    for fragment in ("son jardin", "perdue en chemin"):
        quote = _find(quotes, fragment)
        assert quote is not None and _name(quote) == "Ignazio Cassis", fragment
    # a whole sentence of the author's before the marks is no connective
    text = text.replace("En clair, «", "Le climat a changé en un an, «")
    quote = _find(_quotes(text, ctx), "son jardin")
    assert quote is None or _name(quote) != "Ignazio Cassis"


@pytest.mark.model
def test_a_ministry_after_a_fronted_country_is_that_country_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Venezuela a annulé les élections. Au Brésil, le ministère des Affaires étrangères "
        "a adopté un ton prudent, appelant “toutes les parties au dialogue”."
    )
    quote = _find(_quotes(text, ctx), "parties au dialogue")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "brazil"


@pytest.mark.model
def test_a_surname_misspelt_one_letter_short_is_the_same_person(ctx) -> None:  # type: ignore[no-untyped-def]
    from allegiance.analysis import analyze

    text = (
        "Le suspect a avoué, a déclaré François Scheider, le procureur de Reims. Selon "
        "François Schneider, il sera jugé. Pierre Martin et Pierre Marin ont témoigné."
    )
    article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    people = {e.name: {m.text for m in e.mentions} for e in article.entities}
    assert people["François Schneider"] == {"François Scheider", "François Schneider"}
    assert "Pierre Martin" in people and "Pierre Marin" in people  # surnames under six letters
    text = "Michel Durand a témoigné. Michel Durant, son voisin, a raconté la scène."
    article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    assert {"Michel Durand", "Michel Durant"} <= {e.name for e in article.entities}


def test_one_letter_apart() -> None:
    from allegiance.resolve.short_names import _one_letter_apart

    assert _one_letter_apart("scheider", "schneider") and _one_letter_apart("schneider", "scheider")
    assert not _one_letter_apart("durand", "durant")  # a changed letter: two real surnames
    assert not _one_letter_apart("martins", "martin")  # the last letter
    assert not _one_letter_apart("schneider", "chneider")  # the first letter


# --- the review's counter-examples -----------------------------------------------------------


@pytest.mark.model
def test_review_a_union_s_adjective_is_no_nationality(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministère des Affaires européennes a jugé la décision « regrettable »."
    quote = _find(_quotes(text, ctx), "regrettable")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity != "european-union"
    text = (
        "Thierry Breton, le commissaire européen au Marché intérieur, a parlé. Le commissaire "
        "français a jugé la situation « inacceptable »."
    )
    quote = _find(_quotes(text, ctx), "inacceptable")
    assert quote is not None and _name(quote) == "Thierry Breton"


@pytest.mark.model
def test_review_a_quote_in_another_clause_is_not_the_verb_s_complement(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Mercadier a dénoncé une « trahison » lundi, mais le texte reste « une avancée "
        "majeure » d'après Jeanne Ribot."
    )
    quote = _find(_quotes(text, ctx), "avancée majeure")
    assert quote is not None and _name(quote) == "Jeanne Ribot"


@pytest.mark.model
def test_review_a_gerund_with_en_shares_its_own_clause_s_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Mercadier affirme que Jeanne Ribot a menti aux députés en déclarant que la "
        "réforme était « financée »."
    )
    quote = _find(_quotes(text, ctx), "financée")
    assert quote is not None and _name(quote) == "Jeanne Ribot"


@pytest.mark.model
def test_review_a_power_plant_is_no_union_federation(ctx) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "La CFDT a dénoncé la réforme. La centrale de Flamanville a signalé un « incident "
        "mineur ».",
        "La CGT a appelé à la grève. À Cattenom, la centrale nucléaire a indiqué que la "
        "production restait « normale ».",
    ):
        for quote in _quotes(text, ctx):
            assert _name(quote) not in {"CFDT", "CGT"}, text


@pytest.mark.model
def test_review_a_place_or_a_group_opening_the_sentence_is_no_connective(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« On ne lâchera rien », a affirmé Sophie Binet devant les grévistes.\n\nDans le "
        "village, « la peur a gagné tout le monde »."
    )
    quote = _find(_quotes(text, ctx), "la peur a gagné")
    assert quote is None or _name(quote) != "Sophie Binet"
    text = (
        "« On ne lâchera rien », a affirmé Sophie Binet. Plusieurs fédérations restent "
        "« mobilisées jusqu'au retrait »."
    )
    quote = _find(_quotes(text, ctx), "mobilisées")
    assert quote is None or _name(quote) != "Sophie Binet"


@pytest.mark.model
def test_review_a_ministry_after_a_fronted_paris_stays_the_french_one(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "À Paris, le ministère des Affaires étrangères a jugé la décision « regrettable »."
    quote = _find(_quotes(text, ctx), "regrettable")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity != "france"


@pytest.mark.model
def test_reports_kept_beside_marked_words_and_asides(ctx) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (
            "Le directeur Philippe Garnier assure avoir lancé vingt campagnes de recrutement "
            "depuis janvier et se dit « ouvert au dialogue ».",
            "avoir lancé vingt campagnes",
        ),
        (
            "Le procureur François Molins, qui représente le parquet, a annoncé mardi dans un "
            "communiqué avoir requis la veille un procès pour le ministre.",
            "avoir requis la veille",
        ),
        (
            "Google a signalé, il y a une semaine, qu'il était mécontent de la proposition "
            "d'Ottawa.",
            "il était mécontent",
        ),
        (
            "Côté américain, l'envoyé spécial Daniel Whitcombe s'est montré laconique. "
            "Washington est prêt à envisager une levée des sanctions, a-t-il indiqué, « mais "
            "pas un dollar avant des gestes vérifiables ».",
            "Washington est prêt",
        ),
    ]
    for text, fragment in cases:
        quote = _find(_quotes(text, ctx), fragment)
        assert quote is not None and quote.kind == "indirect", fragment
        assert "« " not in quote.text and "»" not in quote.text, fragment


@pytest.mark.model
def test_au_contraire_between_the_auxiliary_and_the_participle(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le commissaire européen à la Pêche, Costas Eleftheriou, a au contraire accusé Oslo de "
        "« mettre en danger la durabilité du stock »."
    )
    quote = _find(_quotes(text, ctx), "durabilité du stock")
    assert quote is not None and _name(quote) == "Costas Eleftheriou"


@pytest.mark.model
def test_a_naming_verb_read_as_a_noun_after_the_speaker_s_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Victor Kessler traite Marcus Thorne de “voleur” alors que la bataille s'envenime"
    quote = _find(_quotes(text, ctx), "voleur")
    assert quote is not None and _name(quote) == "Victor Kessler"


@pytest.mark.model
def test_a_cue_in_a_relative_on_the_whole_statement_is_someone_s_answer(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Victor Kessler et Marcus Thorne se disputent. En 2023, Thorne avait qualifié Helion de "
        "“fusée à subventions”, ce à quoi Kessler avait répondu par une moquerie."
    )
    quote = _find(_quotes(text, ctx), "fusée à subventions")
    assert quote is not None and _name(quote) == "Marcus Thorne"


@pytest.mark.model
def test_a_firm_s_rank_in_its_trade_refers_back_to_the_firm(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Google a rencontré la ministre. Le géant du numérique a signalé qu'il était mécontent "
        "de la proposition d'Ottawa."
    )
    quote = _find(_quotes(text, ctx), "mécontent")
    assert quote is not None and _name(quote) == "Google"
    # a body placed in another by a common noun stays unnamed (``la direction du lycée``)
    text = "Le lycée Jean-Moulin a fermé. La direction du collège a jugé la mesure « injuste »."
    quote = _find(_quotes(text, ctx), "injuste")
    assert quote is not None and _name(quote) != "Lycée Jean-Moulin"


@pytest.mark.model
def test_the_management_is_no_union(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le syndicat STC a lancé une grève chez Corse Composites. Le STC soulève le fait que "
        'les salariés travaillent plus. En réponse la direction demande aux grévistes de "prendre '
        'de la hauteur" quant à leurs revendications.'
    )
    quote = _find(_quotes(text, ctx), "prendre de la hauteur")
    assert quote is not None and _name(quote) != "STC"


@pytest.mark.model
def test_la_porte_parole_is_not_the_spokesman_introduced_as_un_porte_parole(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"Alors que les combats se poursuivent, près de 50.000 civils ont dû fuir le pays", a '
        "déclaré une porte-parole du Haut-Commissariat des Nations unies pour les réfugiés, "
        "Clara Vidal, à Genève. Lundi, la Croix-Rouge avait indiqué que le nombre de blessés "
        "dépassait les 2.000. Un porte-parole de la Croix-Rouge, Marc Olsen, a indiqué vendredi "
        "ne pas disposer de chiffre actualisé. Mme Vidal n'a pas donné de détail, indiquant que "
        "ces éléments seraient publiés plus tard. La porte-parole a souligné que la réponse "
        'humanitaire était "compliquée et coûteuse" car les camps sont isolés.'
    )
    quote = _find(_quotes(text, ctx), "compliquée")
    assert quote is not None and _name(quote) == "Clara Vidal"


def test_one_letter_apart_keeps_doubled_letters_apart() -> None:
    from allegiance.resolve.short_names import _one_letter_apart

    for a, b in (("rolland", "roland"), ("chevallier", "chevalier"), ("schmitt", "schmit")):
        assert not _one_letter_apart(a, b), (a, b)


# --- the second review's counter-examples ----------------------------------------------------


@pytest.mark.model
def test_review2_reports_keep_their_agreeing_participles_and_reflexive_verbs(ctx) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (
            "La porte-parole a expliqué que les grévistes restaient mobilisés et déterminés à "
            "poursuivre le mouvement.",
            "déterminés à poursuivre",
        ),
        (
            "Le maire a expliqué que les habitants ont peur et se plaignent de l'insécurité.",
            "se plaignent",
        ),
    ]
    for text, tail in cases:
        quotes = _quotes(text, ctx)
        assert any(q.kind == "indirect" and tail in q.text for q in quotes), text
    text = (
        "Le ministre a affirmé que la population est lassée et se demande pourquoi rien ne change."
    )
    assert not any(q.text == "pourquoi rien ne change" for q in _quotes(text, ctx))


@pytest.mark.model
def test_review2_a_gerund_after_a_comma_is_the_speaker_s_next_act(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jean Dupont estime que le gouvernement se trompe, en appelant à « un sursaut collectif »."
    )
    quote = _find(_quotes(text, ctx), "sursaut collectif")
    assert quote is not None and _name(quote) == "Jean Dupont"


@pytest.mark.model
def test_review2_the_union_s_own_centrale_and_direction(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La CGT appelle à la grève jeudi. La centrale à l'origine du mouvement estime que "
        "« rien ne bouge »."
    )
    quote = _find(_quotes(text, ctx), "rien ne bouge")
    assert quote is not None and _name(quote) == "CGT"
    text = (
        "La direction de la CGT s'est réunie lundi. « Nous appelons à la grève », a déclaré la "
        "direction."
    )
    quote = _find(_quotes(text, ctx), "Nous appelons")
    assert quote is not None and _name(quote) == "CGT"


@pytest.mark.model
def test_review2_a_source_introduced_by_une_is_no_counted_group(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Rien ne va », a déclaré le ministre Jean Dupont. Une source syndicale reste « très "
        "sceptique sur le projet »."
    )
    quote = _find(_quotes(text, ctx), "très sceptique")
    assert quote is None or _name(quote) != "Jean Dupont"


@pytest.mark.model
def test_review2_later_quotes_in_a_que_clause_subject_or_a_sequel_keep_the_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    for text, fragment, cue in (
        (
            "Le ministre Jean Dupont a jugé que la « lâcheté » et le « cynisme » de "
            "l'opposition étaient inacceptables.",
            "cynisme",
            "jugé",
        ),
        (
            "Le ministre Jean Dupont a dénoncé une « trahison » avant de « claquer la porte ».",
            "claquer la porte",
            "dénoncé",
        ),
    ):
        quote = _find(_quotes(text, ctx), fragment)
        assert quote is not None and quote.cue is not None and quote.cue.text == cue, fragment


@pytest.mark.model
def test_review2_a_fronted_home_country_keeps_its_own_ministry(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Brésil a réagi lundi. Le Brésil a convoqué l'ambassadeur. La France s'inquiète. Au "
        "Brésil, le ministère des Affaires étrangères a adopté un ton prudent, appelant "
        "« toutes les parties au dialogue »."
    )
    quote = _find(_quotes(text, ctx), "parties au dialogue")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "brazil"


@pytest.mark.model
def test_a_whole_que_clause_is_a_report_whatever_the_tagger_read(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "L'ONU affirme que les gangs contrôlent la capitale."  # ``contrôlent`` read as ADJ
    quote = _find(_quotes(text, ctx), "gangs contrôlent")
    assert quote is not None and quote.kind == "indirect"
    # a relative ``que`` after its noun reports nothing
    text = "Elle écrit ses Mémoires, qu'elle destine à son ancien amoureux."
    assert not any(q.kind == "indirect" for q in _quotes(text, ctx))
