"""Session 21: speakers from the real excerpts of sessions 20 and 21 (a participle after nested
``que`` clauses, an office's name the NER missed, a partitive set after a name, a name written
again where the NER missed it), rebuilt as invented passages."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote, speaker_name


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_a_gerund_after_nested_que_clauses_goes_on_with_the_reporter(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre pakistanais de l'Information, Ali Sarwar, a annoncé que son pays disposait "
        "de renseignements crédibles. M. Sarwar a souligné que le Pakistan ne resterait pas "
        "inactif et que le pays était prêt à répondre à toute agression, en insistant sur le "
        "fait que « toute agression indienne recevra une réponse décisive »."
    )
    quote = find_quote(_quotes(text, ctx), "toute agression indienne")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Ali Sarwar"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Sarwar"


@pytest.mark.model
def test_the_prefecture_de_police_is_a_body_that_speaks(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le sinistre est survenu vers 03H40 dans une cave d'un immeuble. Il n'a été maîtrisé "
        "que vers 06H00 et onze personnes ont dû être évacuées, a précisé la préfecture de "
        "police."
    )
    quote = find_quote(_quotes(text, ctx), "maîtrisé")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "prefecture-de-police"


_REBELS = (
    "Le président Amadou Koné a été renversé mercredi. “Nous sommes proches de Gao”, a affirmé "
    "un cadre du groupe islamiste Ansar Tawhid. Ansar Tawhid (défenseur de la foi), l’une des "
    "branches de la rébellion, a affirmé samedi qu’il s’apprêtait à prendre la ville."
)


@pytest.mark.model
def test_a_partitive_set_after_a_name_between_commas_stands_for_that_name(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(_REBELS, ctx), "prendre la ville")
    assert quote is not None and speaker_name(quote) == "Ansar Tawhid"


@pytest.mark.model
def test_a_name_of_several_words_written_again_is_one_more_mention(ctx) -> None:  # type: ignore[no-untyped-def]
    article = analyze(_REBELS, lang="fr", published="2025-03-04", context=ctx)
    group = next(e for e in article.entities if e.name == "Ansar Tawhid")
    starts = sorted(m.start for m in group.mentions)
    assert len(starts) == 2
    assert [article.body[s : s + 12] for s in starts] == ["Ansar Tawhid"] * 2


@pytest.mark.model
def test_a_partitive_opening_its_sentence_keeps_the_role_reading(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le juge a entendu Me Paul Roux. L'un des avocats de la famille a dénoncé « un scandale »."
    )
    assert speaker_name(find_quote(_quotes(text, ctx), "un scandale")) == "Paul Roux"  # type: ignore[arg-type]


@pytest.mark.model
def test_a_possessive_view_after_a_body_s_incise_is_that_body_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Une centaine de substances ont déjà été réexaminées, précise l'OFAG jeudi dans un "
        "communiqué. A ses yeux, certains produits de dégradation de ce fongicide pourraient "
        "nuire à la santé."
    )
    quote = find_quote(_quotes(text, ctx), "produits de dégradation")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "ofag"


@pytest.mark.model
def test_a_possessive_view_after_a_person_s_incise_stays_the_person_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'OFAG a publié un rapport, a indiqué le ministre Paul Roux. À ses yeux, la situation "
        "est grave."
    )
    assert speaker_name(find_quote(_quotes(text, ctx), "la situation est grave")) == "Paul Roux"  # type: ignore[arg-type]


@pytest.mark.model
def test_a_portfolio_glued_to_a_given_name_leaves_the_person_named(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Le statu quo est impossible », a déclaré mercredi la ministre des Sports Amélie "
        "Dubreuil-Castel. « D'autres voies existent », a dit la ministre."
    )
    article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    assert [(e.name, e.type) for e in article.entities] == [("Amélie Dubreuil-Castel", "person")]
    assert {speaker_name(q) for q in article.quotes} == {"Amélie Dubreuil-Castel"}


@pytest.mark.model
def test_a_topic_phrase_between_the_quote_and_its_incise_keeps_the_inverted_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Le statu quo est impossible » concernant Noël Marchal, a déclaré mercredi la "
        "ministre Anne Roche."
    )
    assert speaker_name(find_quote(_quotes(text, ctx), "statu quo")) == "Anne Roche"  # type: ignore[arg-type]


@pytest.mark.model
def test_french_language_broadcasters_are_known_sources(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Deux lycéens ont agressé lundi le proviseur de leur lycée, selon Europe 1."
    quote = find_quote(_quotes(text, ctx), "lycéens")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "europe-1"
    text = "La grève continuera jusqu'à vendredi, selon France Bleu."
    quote = find_quote(_quotes(text, ctx), "La grève continuera")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "france-bleu"


@pytest.mark.model
def test_a_day_after_a_body_s_noun_is_no_part_of_its_description(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le concert prévu à Verdun est annulé, a annoncé la mairie vendredi, après une polémique."
    )
    quote = find_quote(_quotes(text, ctx), "Le concert prévu")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "la mairie"


# -- review of cda0e6a ----------------------------------------------------------------------


@pytest.mark.model
def test_review_a_person_named_after_the_body_s_verb_may_own_the_possessive_view(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Medef a annoncé lundi le départ de son président, Patrick Martin. À ses yeux, le "
        "moment était venu de passer la main."
    )
    quote = find_quote(_quotes(text, ctx), "le moment était venu")
    assert quote is not None and speaker_name(quote) == "Patrick Martin"


@pytest.mark.model
def test_review_a_name_after_a_preposition_is_no_partitive_s_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'avocate de la famille, Me Anne Roux, a plaidé la relaxe. Face au procureur Jean "
        "Valin, l'une des avocates de la famille, a lancé : « Ce dossier est vide. »"
    )
    quote = find_quote(_quotes(text, ctx), "Ce dossier est vide")
    assert quote is not None and speaker_name(quote) != "Jean Valin"


@pytest.mark.model
def test_review_a_bare_participle_after_nested_clauses_keeps_the_nearest_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le témoin Paul Brun a raconté que l'agresseur s'était approché du comptoir et qu'il "
        "avait sorti un couteau, hurlant « Donnez-moi la caisse ! »."
    )
    quote = find_quote(_quotes(text, ctx), "Donnez-moi la caisse")
    # the subject of the clause the participle hangs on (whom ``il`` stands for is the pronoun
    # rules' business), not the witness's name
    assert quote is not None and quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "il"


@pytest.mark.model
def test_review_a_place_before_a_count_is_no_broadcaster(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On dénombre en France 5 000 éoliennes terrestres. Il y a en Europe 1 million de "
        "demandeurs d'asile. Le marché a progressé en France 24 heures après l'annonce."
    )
    article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    names = {e.name for e in article.entities}
    assert not names & {"France 5", "Europe 1", "France 24"}


@pytest.mark.model
def test_review_de_police_completes_the_prefecture_only(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Un syndicat de police a dénoncé des conditions de travail indignes. Le tribunal de "
        "police a relaxé le conducteur. Onze personnes ont été évacuées, a précisé la "
        "préfecture de police."
    )
    article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    assert {e.name for e in article.entities} == {"préfecture de police"}


@pytest.mark.model
def test_the_first_word_of_a_portfolio_of_several_words_is_no_body(ctx) -> None:  # type: ignore[no-untyped-def]
    for text, name in (
        (
            "C'est inacceptable, a déclaré le ministre des Affaires étrangères Igor Lavrine.",
            "Igor Lavrine",
        ),
        ("Le ministre des Affaires étrangères Wang Yi a rencontré son homologue.", "Wang Yi"),
    ):
        article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
        assert [(e.name, e.type) for e in article.entities] == [(name, "person")], text


@pytest.mark.model
def test_a_ministry_named_with_its_portfolio_stays_a_body(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministère des Affaires étrangères a convoqué l'ambassadeur."
    article = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    assert [e.type for e in article.entities] == ["organization"]
