"""French indirect reports that real news words in ways the earlier rules missed (invented
sentences): a charge with the one charged as indirect object (``reproche à X de …``), a second
report joined to the first by ``et``/``mais`` or set against another speaker's by ``tandis
que``, a bare participle sharing the cue's auxiliary, ``selon ce que rapporte X``,
``signifier à X que``, and a marked circumstance opening on its preposition inside a report."""

from __future__ import annotations

import pytest

from quote_helpers import quote_with, quotes_of

NAMES = {
    "sophie-martin": ["Sophie Martin"],
    "le-courrier": ["Le Courrier"],
    "norvege": ["Oslo"],
    "russie": ["Moscou"],
}


def _texts(fr_nlp, body: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.text for q in quotes_of(fr_nlp, body, NAMES)]


@pytest.mark.model
def test_a_charge_on_the_indirect_object_is_reported(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "La commission reprochait au fabricant d'avoir caché des défauts à ses clients."
    quote = quote_with(quotes_of(fr_nlp, body, NAMES), "caché des défauts")
    assert quote.kind == "indirect"
    assert quote.text == "d'avoir caché des défauts à ses clients"
    assert quote.speaker is not None and quote.speaker.name == "La commission"


@pytest.mark.model
def test_a_second_report_after_mais_is_its_own(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Sophie Martin rappelle que la loi interdit toute entente entre les deux camps, mais "
        "estime que cette frontière est devenue « largement théorique »."
    )
    texts = _texts(fr_nlp, body)
    assert "la loi interdit toute entente entre les deux camps" in texts
    assert "largement théorique" in texts


@pytest.mark.model
def test_a_bare_participle_shares_the_auxiliary_of_the_cue(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Sophie Martin a accusé Oslo de « mettre en danger le stock » et prévenu que l'Union "
        "était prête à fermer ses ports."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    warning = quote_with(quotes, "l'Union était prête")
    assert warning.kind == "indirect"
    assert warning.text == "l'Union était prête à fermer ses ports"
    assert warning.speaker is not None and warning.speaker.entity == "sophie-martin"


@pytest.mark.model
def test_a_participle_without_a_clause_stays_in_the_content(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Sophie Martin a affirmé que l'accord serait signé et annoncé mardi."
    assert _texts(fr_nlp, body) == ["l'accord serait signé et annoncé mardi"]


@pytest.mark.model
def test_tandis_que_opens_another_speaker_s_report(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "L'armée a affirmé mardi avoir repoussé un assaut, tandis que Moscou accusait Kiev de "
        "vouloir saboter les pourparlers."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert quote_with(quotes, "repoussé").text == "avoir repoussé un assaut"
    charge = quote_with(quotes, "saboter")
    assert charge.text == "de vouloir saboter les pourparlers"
    assert charge.speaker is not None and charge.speaker.entity == "russie"


@pytest.mark.model
def test_selon_ce_que_rapporte_names_the_reporter(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Deux maires ont été interpellés par les gendarmes, selon ce que rapporte Le Courrier."
    quote = quote_with(quotes_of(fr_nlp, body, NAMES), "Deux maires")
    assert quote.text == "Deux maires ont été interpellés par les gendarmes"
    assert quote.speaker is not None and quote.speaker.entity == "le-courrier"


@pytest.mark.model
def test_signifier_a_x_que_reports(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Les habitants ont signifié au maire qu'ils manifesteraient devant la mairie."
    assert _texts(fr_nlp, body) == ["ils manifesteraient devant la mairie"]
    assert _texts(fr_nlp, "Cette hausse signifie que les ménages paieront plus cher.") == []


@pytest.mark.model
def test_a_marked_circumstance_in_a_report_is_the_speaker_s(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Sophie Martin a assuré que le pays défendra ses pêcheurs et qu'aucun accord ne serait "
        "signé « au détriment de nos eaux »."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    fragment = quote_with(quotes, "détriment")
    assert fragment.kind == "partial"
    assert fragment.text == "au détriment de nos eaux"
    assert quote_with(quotes, "pêcheurs").text == "le pays défendra ses pêcheurs"
