"""Session 21: quotes the parser's misreadings hid (a participle in an adjunct before ``que``,
an infinitive of the ``que`` clause hung on the cue, a charge read as an oblique), views
written without a comma, attributes judged over an object, warnings; invented passages."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote, speaker_name


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _spoken(quotes, fragment: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The kind and the speaker's name of the quote holding ``fragment`` ('' when none)."""
    quote = find_quote(quotes, fragment)
    assert quote is not None, f"no quote with {fragment!r} in {[q.text for q in quotes]}"
    return quote.kind, speaker_name(quote)


@pytest.mark.model
def test_a_que_clause_after_an_adjunct_with_a_participle_is_the_report(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La semaine dernière, l'avocate Sonia Marlin avait déclaré lors d'une émission "
        "télévisée que la région était un endroit où il ne faisait pas bon vivre."
    )
    quotes = _quotes(text, ctx)
    assert _spoken(quotes, "la région était un endroit") == ("indirect", "Sonia Marlin")
    assert find_quote(quotes, "la région était un endroit").text.endswith("bon vivre")  # type: ignore[union-attr]


@pytest.mark.model
def test_a_relative_clause_on_the_object_after_a_participle_is_no_report(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "La ministre Claire Vautrin a critiqué le rapport publié que personne n'a lu."
    assert find_quote(_quotes(text, ctx), "personne n'a lu") is None


@pytest.mark.model
def test_a_charge_with_a_past_infinitive_read_as_an_oblique_is_reported(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Paulo Serrano accuse même la Colombie d'avoir fait capoter une "
        "libération de douze otages."
    )
    kind, speaker = _spoken(_quotes(text, ctx), "d'avoir fait capoter")
    assert (kind, speaker) == ("indirect", "Paulo Serrano")


@pytest.mark.model
def test_a_view_opened_by_a_name_without_a_comma_is_reported(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'ancien Premier ministre Lucien Garnier a publié un livre. Pour Lucien Garnier il y "
        "a trop de juridisme dans la vie publique."
    )
    kind, speaker = _spoken(_quotes(text, ctx), "trop de juridisme")
    assert (kind, speaker) == ("indirect", "Lucien Garnier")


@pytest.mark.model
def test_an_act_done_for_someone_named_without_a_comma_is_no_view(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Marie Caron fêtait ses quarante ans. Pour Marie Caron il a acheté des fleurs."
    assert find_quote(_quotes(text, ctx), "il a acheté des fleurs") is None


@pytest.mark.model
def test_an_attribute_judged_over_an_object_is_the_judges_word(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le gouvernement a présenté sa réforme des retraites. La syndicaliste Anne Blot "
        "trouve la mesure « injuste »."
    )
    assert _spoken(_quotes(text, ctx), "injuste") == ("partial", "Anne Blot")


@pytest.mark.model
def test_an_attribute_judged_by_a_verb_tagged_as_a_noun_is_the_bodys_word(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ministre a promis une baisse de 13 % du panier. L'association Familles Unies juge "
        "cette déclaration « fausse »."
    )
    assert _spoken(_quotes(text, ctx), "fausse") == ("partial", "Familles Unies")


@pytest.mark.model
def test_a_likening_to_a_marked_word_is_the_subjects_word(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le président Karim Tebbal a reçu la presse. Karim Tebbal s'est contenté ainsi "
        "d'assimiler le journaliste Rabah Kerrouche  à un « pyromane »."
    )
    assert _spoken(_quotes(text, ctx), "pyromane") == ("partial", "Karim Tebbal")


@pytest.mark.model
def test_a_marked_object_found_by_someone_is_no_judgement(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Après des mois de travail, l'ingénieur Paul Rey a trouvé une « solution »."
    assert find_quote(_quotes(text, ctx), "solution") is None


@pytest.mark.model
def test_a_warning_to_someone_to_act_is_reported(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre des Affaires étrangères Omar Qadri a averti la communauté internationale "
        "de ne pas ignorer l'escalade à la frontière."
    )
    kind, speaker = _spoken(_quotes(text, ctx), "de ne pas ignorer l'escalade")
    assert (kind, speaker) == ("indirect", "Omar Qadri")


@pytest.mark.model
def test_a_naming_over_an_object_stays_the_namers_before_a_second_request(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Commission électorale fédérale (FEC) publie les dons. La sénatrice Ana Ortiz "
        "accuse son rival de « servir Wall Street ». Son porte-parole, Derek Olsen, a qualifié "
        "le fonds de « machine à blanchir de l'influence » et appelé la FEC à ouvrir une enquête."
    )
    assert _spoken(_quotes(text, ctx), "machine à blanchir") == ("partial", "Derek Olsen")


@pytest.mark.model
def test_a_naming_over_an_object_leaves_the_reporting_outlet_out(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre Paul Arnaud a qualifié la réforme d'« absurde » mardi, selon Le Monde."
    quotes = _quotes(text, ctx)
    assert _spoken(quotes, "absurde") == ("partial", "Paul Arnaud")
    assert [q.text for q in quotes] == ["absurde"]  # no report of ``selon Le Monde`` besides


# -- review of 71d6f28 ----------------------------------------------------------------------


@pytest.mark.model
def test_review_a_fact_told_of_someone_named_without_a_comma_is_no_view(ctx) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Pour Kylian Mbappé il a fallu attendre la 80e minute pour voir le premier but.",
        "Pour Jean Dupont c'était la dernière course avant la retraite.",
        "Pour Air France il y aura 200 suppressions de postes d'ici 2026.",
        "Pour Renault ce sont 3000 emplois qui sont menacés en France.",
    ):
        assert _quotes(text, ctx) == [], text


@pytest.mark.model
def test_review_a_view_in_the_conditional_without_a_comma_is_reported(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Pour Christine Lagarde il faudrait maintenir les taux plus longtemps."
    assert _spoken(_quotes(text, ctx), "maintenir les taux") == ("indirect", "Christine Lagarde")


@pytest.mark.model
def test_review_a_find_is_no_judgement_and_the_incise_keeps_the_words(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les syndicats et le patronat ont trouvé un accord « historique », selon la ministre "
        "du Travail Catherine Vautrin."
    )
    assert _spoken(_quotes(text, ctx), "historique") == ("partial", "Catherine Vautrin")
    text = (
        "Les enquêteurs ont trouvé le suspect « en état de choc », a indiqué le procureur "
        "Jean Vidal."
    )
    assert _spoken(_quotes(text, ctx), "en état de choc") == ("partial", "Jean Vidal")
    text = (
        "Les électeurs trouvent le candidat « trop vieux », estime le politologue Jérôme Fourquet."
    )
    assert _spoken(_quotes(text, ctx), "trop vieux") == ("partial", "Jérôme Fourquet")


@pytest.mark.model
def test_review_marks_holding_the_object_or_a_note_are_no_judged_attribute(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Les gendarmes ont trouvé le message « Pardon maman » sur la table de la cuisine."
    assert find_quote(_quotes(text, ctx), "Pardon maman") is None
    text = "Après des mois de travail, l'ingénieur Paul Rey a trouvé la « solution »."
    assert find_quote(_quotes(text, ctx), "solution") is None


@pytest.mark.model
def test_review_a_judgement_refused_or_denied_is_not_the_subjects(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ministre Claire Vautrin refuse de qualifier les émeutiers de « terroristes », "
        "comme le réclame le député RN Julien Odoul."
    )
    assert _spoken(_quotes(text, ctx), "terroristes")[1] == "Julien Odoul"
    text = (
        "Le maire Luc Perrin n'a pas voulu comparer la situation à un « état de siège », "
        "formule employée par son opposant Marc Olivier."
    )
    quote = find_quote(_quotes(text, ctx), "état de siège")
    assert quote is None or speaker_name(quote) != "Luc Perrin"


@pytest.mark.model
def test_review_a_warning_about_a_danger_or_before_leaving_asks_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Le ministre Paul Arnaud a averti les députés avant de quitter l'hémicycle.",
        "L'accusé Marc Delorme a imploré les jurés avant de s'effondrer en larmes.",
        "La préfète Anne Morel a averti les baigneurs du danger de se baigner près des rochers.",
        "Le FMI a averti les pays émergents du risque de voir fuir les capitaux.",
    ):
        assert _quotes(text, ctx) == [], text


@pytest.mark.model
def test_review_a_que_completing_a_noun_leaves_the_promise_its_infinitive(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La candidate Léa Fournier a promis, malgré l'idée que le texte est mort, de le faire "
        "voter."
    )
    assert _spoken(_quotes(text, ctx), "de le faire voter") == ("indirect", "Léa Fournier")


@pytest.mark.model
def test_review_a_present_tense_reproach_with_a_past_infinitive_is_reported(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La présidente Anne Morel reproche au gouvernement d'avoir fait échouer les négociations."
    )
    kind, speaker = _spoken(_quotes(text, ctx), "d'avoir fait échouer")
    assert (kind, speaker) == ("indirect", "Anne Morel")
