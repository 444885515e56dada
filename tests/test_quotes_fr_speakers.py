"""French speaker attribution rules, one test per rule, on short invented sentences through
the real French model (the rules read its parse, so hand-built Docs would test another parse)."""

from __future__ import annotations

import pytest

from allegiance.clean.normalize import normalize_for_nlp
from entity_helpers import entities_named
from quote_helpers import speaker_of

NAMES = {
    "paul-durand": ["Paul Durand", "Durand"],
    "marie-leroy": ["Marie Leroy", "Leroy"],
    "org-acme": ["Acme"],
    "org-america-pac": ["America PAC"],
    "org-drees": ["Drees"],
    "org-ministere": ["ministère de l'Intérieur"],
    "org-prefecture": ["préfecture du Nord"],
}


@pytest.mark.model
def test_inverted_noun_phrase_after_incise_verb(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Le maintien de l'ordre obéit à des ordres politiques », explique Marie Leroy. "
        "« La question posée, c'est la capacité du pouvoir de réguler la police » indique pour "
        "sa part le général de gendarmerie Paul Durand, ancien commandant du centre."
    )
    assert speaker_of(fr_nlp, body, NAMES, "capacité du pouvoir") == "paul-durand"


@pytest.mark.model
def test_inverted_pronoun_stands_for_an_organisation(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le conglomérat Acme a vu ses commandes baisser. Ses ventes devraient rester « sous "
        "pression durant le reste de l'année », indique-t-il dans un communiqué."
    )
    assert speaker_of(fr_nlp, body, NAMES, "sous pression") == "org-acme"


@pytest.mark.model
def test_stressed_pronoun_goes_on_with_the_last_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a longtemps travaillé à la télévision avant de rejoindre une radio.\n"
        "« Il faut donner la parole aux gens sur un temps long, sans montage. » Il insiste "
        "sur la durée des entretiens et sur le contexte des images diffusées le soir. "
        "« En télé, vous interrogez quelqu'un pendant cinq minutes pour garder vingt "
        "secondes. » Autant de facteurs qui expliquent selon lui la défiance du public."
    )
    assert speaker_of(fr_nlp, body, NAMES, "vingt secondes") == "paul-durand"


@pytest.mark.model
def test_name_right_before_the_verb_is_its_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Les rédactions traitent le sujet comme une marchandise », regrette Marie Leroy. "
        "Pour s'en sortir Paul Durand pense qu'il faut documenter les faits. "
        "« Le traitement par les données permet une mise en perspective. »"
    )
    assert speaker_of(fr_nlp, body, NAMES, "mise en perspective") == "paul-durand"


@pytest.mark.model
def test_description_holding_the_name(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La startup spécialisée dans l'énergie Acme, fondée en 2010, a déclaré « avoir levé "
        "vingt millions d'euros auprès de ses investisseurs »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "vingt millions") == "org-acme"


@pytest.mark.model
def test_description_yields_to_a_newer_actor(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Les faits alternatifs renforcent leur détermination. » Paul Durand, journaliste, "
        "dans une étude.\nPour Marie Leroy, une des difficultés tient au manque d'experts. "
        "Selon la jeune journaliste « on le voit sur la question des armes, le discours "
        "officiel ne change jamais »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "discours officiel") == "marie-leroy"


@pytest.mark.model
def test_short_form_of_a_name(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a donné dix millions de dollars à America PAC cet été. Le PAC a déclaré « "
        "avoir reçu soixante-quinze millions au cours du trimestre »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "soixante-quinze") == "org-america-pac"


@pytest.mark.model
def test_passive_cue_gives_the_agent(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy a déposé une plainte mardi. Paul Durand est accusé par Marie Leroy d'avoir "
        "« orchestré une campagne de harcèlement » contre elle."
    )
    assert speaker_of(fr_nlp, body, NAMES, "orchestré") == "marie-leroy"


@pytest.mark.model
def test_role_noun_with_a_name_in_apposition(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Acme a publié ses comptes. « Le redressement des ventes se produit plus tard que "
        "prévu », prévient le PDG, Paul Durand."
    )
    assert speaker_of(fr_nlp, body, NAMES, "redressement") == "paul-durand"


@pytest.mark.model
def test_comme_l_explique_inverts_the_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Il s'agit d'un jour férié, indique la préfecture du Nord dans un communiqué. Ce signal "
        "vise à alerter d'un « évènement grave imminent ou en cours », comme l'explique le "
        "site du ministère de l'Intérieur sur son site."
    )
    assert speaker_of(fr_nlp, body, NAMES, "évènement grave") == "org-ministere"


@pytest.mark.model
def test_quote_signed_on_the_line_below(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy a décrit les manifestations du printemps.\n"
        "« Elle-même est responsable puisqu'elle était à un endroit risqué. »\n"
        "Paul Durand, journaliste, au sujet de la manifestante, le 25 mars."
    )
    assert speaker_of(fr_nlp, body, NAMES, "responsable") == "paul-durand"


@pytest.mark.model
def test_newly_introduced_person_takes_over(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Notre force, c'est le direct et la continuité du récit », a conclu Paul Durand.\n"
        "Un constat avec lequel Marie Leroy est en accord. « Ce ne sont pas les journalistes "
        "qui posent problème, mais le fonctionnement des rédactions. »"
    )
    assert speaker_of(fr_nlp, body, NAMES, "posent problème") == "marie-leroy"


@pytest.mark.model
def test_listed_quotes_share_their_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Des voix de la radio des années 1970 : « une voix en or massif », "
        "« intime et rieuse, un mélange de charme et d'ironie » selon Paul Durand."
    )
    assert speaker_of(fr_nlp, body, NAMES, "voix en or") == "paul-durand"


@pytest.mark.model
def test_incise_verb_after_a_comma_with_its_named_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La part des hôpitaux endettés « repart légèrement à la hausse sans retrouver son "
        "niveau d'avant crise » cette année, note aussi la Drees."
    )
    assert speaker_of(fr_nlp, body, NAMES, "repart") == "org-drees"


@pytest.mark.model
def test_dislocated_pronoun_repeats_the_name(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy a quitté la réunion à midi. Le syndicat Acme a, elle, dénoncé « une "
        "décision absurde et profondément injuste » devant la presse."
    )
    assert speaker_of(fr_nlp, body, NAMES, "absurde") == "org-acme"


@pytest.mark.model
def test_colon_intro_after_a_quote_closing_its_sentence(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy insiste souvent sur ce point. « Le journalisme est un contre-pouvoir ou il "
        "n'est rien. La neutralité est un leurre.» Paul Durand abonde : « Le fait même "
        "d'interroger un système est un choix qui n'est pas neutre. »"
    )
    assert speaker_of(fr_nlp, body, NAMES, "pas neutre") == "paul-durand"


@pytest.mark.model
def test_capitalised_sentence_after_a_closed_quote_is_no_incise(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    from allegiance.extract.attribution import attribute_marked
    from allegiance.extract.quote_context import QuoteContext

    body = (
        "Paul Durand pense qu'il faut documenter. « Le traitement par les données aide. » "
        "Un premier pas, selon Marie Leroy, avant d'interroger la police."
    )
    doc = fr_nlp(normalize_for_nlp(body))
    ctx = QuoteContext(doc, entities_named(body, NAMES), "fr")
    open_at = body.index("«")
    close_at = body.index("»")
    attribution = attribute_marked(ctx, open_at, close_at, (open_at + 2, close_at - 1))
    assert attribution.speaker is None or attribution.speaker.entity != "marie-leroy"
