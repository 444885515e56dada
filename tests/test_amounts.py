"""Money amounts: shapes, values, currencies, offsets, and what must never be an amount."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.extract.amounts import find_amounts, parse_number

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "musk-altman-fr.txt"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def only(text: str, lang: str) -> tuple[str, float, str]:
    amounts = find_amounts(text, lang)
    assert len(amounts) == 1, amounts
    a = amounts[0]
    assert text[a.start : a.end] == a.text
    return a.text, a.value, a.currency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une start-up de 50 milliards de dollars.", ("50 milliards de dollars", 50e9, "USD")),
        ("Il a donné 600 000 $ aux démocrates.", ("600 000 $", 600000.0, "USD")),
        ("Il a donné 600\u00a0000\u202f$ hier.", ("600\u00a0000\u202f$", 600000.0, "USD")),
        ("Un prêt de 1,5 million d'euros.", ("1,5 million d'euros", 1500000.0, "EUR")),
        ("Un prêt de 1,5 million d’euros.", ("1,5 million d’euros", 1500000.0, "EUR")),
        ("Une offre à 97,4 milliards de dollars.", ("97,4 milliards de dollars", 97.4e9, "USD")),
        ("Il apporte 40 Md$ au projet.", ("40 Md$", 40e9, "USD")),
        ("Un budget de 10 M€ cette année.", ("10 M€", 10e6, "EUR")),
        ("On parle de 2 Mds € au total.", ("2 Mds €", 2e9, "EUR")),
        ("Paris annonce €109bn d'investissements.", ("€109bn", 109e9, "EUR")),
        ("Il paie 45 millions de dollars par mois.", ("45 millions de dollars", 45e6, "USD")),
        ("Une amende de 10.000 euros.", ("10.000 euros", 10000.0, "EUR")),
        ("Un préjudice de 21.930,54 euros.", ("21.930,54 euros", 21930.54, "EUR")),
        ("Un prix de 1 234,56 € net.", ("1 234,56 €", 1234.56, "EUR")),
        ("Une dette de 3 milliards de yens.", ("3 milliards de yens", 3e9, "JPY")),
        (
            "Un fonds de 2 milliards de francs suisses.",
            ("2 milliards de francs suisses", 2e9, "CHF"),
        ),
        ("Un contrat de 5 milliards de yuans.", ("5 milliards de yuans", 5e9, "CNY")),
        (
            "Une usine de 7 millions de dollars canadiens.",
            ("7 millions de dollars canadiens", 7e6, "CAD"),
        ),
        (
            "Un rachat de 8 millions de livres sterling.",
            ("8 millions de livres sterling", 8e6, "GBP"),
        ),
        ("Un bénéfice de 12 millions USD.", ("12 millions USD", 12e6, "USD")),
        ("Un bénéfice de 181,8 milliards de dollars de Taïwan.",
         ("181,8 milliards de dollars de Taïwan", 181.8e9, "TWD")),
    ],
)  # fmt: skip
def test_french_amounts(text: str, expected: tuple[str, float, str]) -> None:
    assert only(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Europe pledged €109 billion to AI.", ("€109 billion", 109e9, "EUR")),
        ("Musk offered $97.4 billion for it.", ("$97.4 billion", 97.4e9, "USD")),
        ("Stargate is a $500bn project.", ("$500bn", 500e9, "USD")),
        ("He raised $6 million from friends.", ("$6 million", 6e6, "USD")),
        ("Microsoft will invest US$ 3 billion here.", ("US$ 3 billion", 3e9, "USD")),
        ("The club paid £2.5m for him.", ("£2.5m", 2.5e6, "GBP")),
        ("It costs $1,200.50 a year.", ("$1,200.50", 1200.5, "USD")),
        ("A $5-billion takeover.", ("$5-billion", 5e9, "USD")),
        ("They sold it for 24.4 million euros.", ("24.4 million euros", 24.4e6, "EUR")),
        ("A loan of 5 billion yen.", ("5 billion yen", 5e9, "JPY")),
        ("A fee of 3 million Swiss francs.", ("3 million Swiss francs", 3e6, "CHF")),
        ("A mine worth C$5 million.", ("C$5 million", 5e6, "CAD")),
        ("He gave 5 million pounds to charity.", ("5 million pounds", 5e6, "GBP")),
        ("She donated $400,000 last year.", ("$400,000", 400000.0, "USD")),
        ("The country owes $8 trillion.", ("$8 trillion", 8e12, "USD")),
    ],
)  # fmt: skip
def test_english_amounts(text: str, expected: tuple[str, float, str]) -> None:
    assert only(text, "en") == expected


def test_bare_scaled_amount_inherits_currency_in_its_sentence() -> None:
    text = "Un déploiement de 100 milliards de dollars, visant 500 milliards sur quatre ans."
    got = [(a.text, a.value, a.currency) for a in find_amounts(text, "fr")]
    assert got == [("100 milliards de dollars", 100e9, "USD"), ("500 milliards", 500e9, "USD")]


def test_bare_scaled_amount_without_currency_in_sentence_is_dropped() -> None:
    text = "Le projet coûte 100 milliards de dollars. Il en vise 500 milliards."
    assert [a.text for a in find_amounts(text, "fr")] == ["100 milliards de dollars"]


def test_far_following_currency_is_not_inherited() -> None:
    text = (
        "Ce chiffre de 109 milliards n'a pas été choisi au hasard, puisqu'il répond au projet "
        "américain qui présente un investissement de 500 milliards de dollars."
    )
    assert [a.text for a in find_amounts(text, "fr")] == ["500 milliards de dollars"]


def test_range_shares_scale_and_currency() -> None:
    fr = [
        (a.text, a.value, a.currency)
        for a in find_amounts("entre 30 et 50 milliards d'euros", "fr")
    ]
    assert fr == [("30", 30e9, "EUR"), ("50 milliards d'euros", 50e9, "EUR")]
    en = [(a.text, a.value) for a in find_amounts("between $10 and $20 billion", "en")]
    assert en == [("$10", 10e9), ("$20 billion", 20e9)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("L'usine emploie 500 salariés depuis 2018.", "fr"),
        ("Les ventes ont progressé de 50 % en 2020.", "fr"),
        ("Le pays compte 500 millions d'habitants.", "fr"),
        ("Appelez le 01 23 45 67 89 avant le 21/01/2025.", "fr"),
        ("Il a vendu 2018 voitures.", "fr"),
        ("Les 3 000 salariés et 2 millions de clients.", "fr"),
        ("La course fait 10 m de haut.", "fr"),
        ("The app has 500 million users.", "en"),
        ("Sales rose 50% in 2020 to 2,000 units.", "en"),
        ("He carried 500 pounds of flour.", "en"),
        ("Costs in 2018 dollars were flat.", "en"),
        ("The bid won support.", "en"),
    ],
)
def test_not_amounts(text: str, lang: str) -> None:
    assert find_amounts(text, lang) == []


@pytest.mark.parametrize(
    ("digits", "lang", "value"),
    [
        ("1,5", "fr", "1.5"),
        ("1,500", "en", "1500"),
        ("1.000.000", "en", "1000000"),
        ("1.000", "fr", "1000"),
        ("97.4", "en", "97.4"),
        ("600\u202f000", "fr", "600000"),
        ("1,234.56", "en", "1234.56"),
    ],
)
def test_parse_number(digits: str, lang: str, value: str) -> None:
    assert str(parse_number(digits, lang).normalize()) == str(
        __import__("decimal").Decimal(value).normalize()
    )


def test_example_article_amounts() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    amounts = find_amounts(text, "fr")
    assert [(a.value, a.currency) for a in amounts] == [
        (50e9, "USD"),
        (500e9, "USD"),
        (100e9, "USD"),
        (10e9, "USD"),
        (80e9, "USD"),
        (600000.0, "USD"),
    ]
    assert amounts[-1].text == "600 000 $"
    assert all(text[a.start : a.end] == a.text for a in amounts)


def _corpus_bodies(lang: str) -> list[str]:
    bodies = []
    for path in sorted((CORPUS / lang).glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        bodies.append("\n".join(line for line in lines if not line.startswith("# ")))
    return bodies


@pytest.mark.corpus
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_corpus_offsets_exact(lang: str) -> None:
    if not (CORPUS / lang).is_dir():
        pytest.skip("corpus absent")
    total = 0
    for body in _corpus_bodies(lang):
        for a in find_amounts(body, lang):
            assert body[a.start : a.end] == a.text
            assert a.value > 0 and len(a.currency) == 3
            total += 1
    assert total > 50  # the corpus is full of money; finding none means the finder broke
