"""Date mentions: candidate phrases, resolution against the publication date, granularity."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from allegiance.extract.dates import find_dates

FRIDAY = date(2025, 1, 24)  # the example article's publication date, a Friday
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "musk-altman-fr.txt"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def dates(
    text: str, lang: str, published: date | None = FRIDAY
) -> list[tuple[str, str | None, str | None]]:
    found = find_dates(text, lang, published)
    for d in found:
        assert text[d.start : d.end] == d.text
    return [(d.text, d.date, d.granularity) for d in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a parlé mardi.", [("mardi", "2025-01-21", "day")]),
        ("Il a parlé jeudi.", [("jeudi", "2025-01-23", "day")]),
        ("Il parle vendredi.", [("vendredi", "2025-01-24", "day")]),
        ("Il a parlé mardi dernier.", [("mardi dernier", "2025-01-21", "day")]),
        ("Il a parlé vendredi dernier.", [("vendredi dernier", "2025-01-17", "day")]),
        ("Il a parlé ce mardi.", [("ce mardi", "2025-01-21", "day")]),
        ("Il viendra dimanche prochain.", [("dimanche prochain", "2025-01-26", "day")]),
        ("Le 21 janvier 2025, il a signé.", [("21 janvier 2025", "2025-01-21", "day")]),
        ("Il a signé le 21 janvier.", [("21 janvier", "2025-01-21", "day")]),
        ("Rendez-vous le 1er février.", [("1er février", "2025-02-01", "day")]),
        ("Signé mardi 21 janvier.", [("mardi 21 janvier", "2025-01-21", "day")]),
        ("Le 5 janvier dernier.", [("5 janvier dernier", "2025-01-05", "day")]),
        ("Daté du 21/01/2025.", [("21/01/2025", "2025-01-21", "day")]),
        ("Daté du 2025-01-21.", [("2025-01-21", "2025-01-21", "day")]),
        ("Il remonte à octobre 2016.", [("octobre 2016", "2016-10", "month")]),
        ("En janvier, il a parlé.", [("janvier", "2025-01", "month")]),
        ("Il est là depuis août.", [("août", "2024-08", "month")]),
        ("En décembre dernier.", [("décembre dernier", "2024-12", "month")]),
        ("Il l'a dit le mois dernier.", [("le mois dernier", "2024-12", "month")]),
        ("Il est venu hier.", [("hier", "2025-01-23", "day")]),
        ("Il est venu avant-hier.", [("avant-hier", "2025-01-22", "day")]),
        ("Il viendra demain.", [("demain", "2025-01-25", "day")]),
        ("Il parle aujourd’hui.", [("aujourd’hui", "2025-01-24", "day")]),
        ("Cela a changé cette semaine.", [("cette semaine", "2025-01-20", "week")]),
        ("Cela a changé la semaine dernière.", [("la semaine dernière", "2025-01-13", "week")]),
        ("Il a perdu l'an dernier.", [("l'an dernier", "2024", "year")]),
        ("Il a perdu l’année dernière.", [("l’année dernière", "2024", "year")]),
        ("Il est parti il y a deux ans.", [("il y a deux ans", "2023", "year")]),
        ("Il part dans trois semaines.", [("dans trois semaines", "2025-02-10", "week")]),
        ("Cela remonte à 2018, déjà.", [("2018", "2018", "year")]),
        ("Il a été évincé en 2023.", [("2023", "2023", "year")]),
        ("Rien qu'en 2020, il a donné.", [("2020", "2020", "year")]),
        ("Il est là depuis 2018.", [("2018", "2018", "year")]),
        ("Le rapport (2023) le dit.", [("2023", "2023", "year")]),
        ("Prévu pour mi-2020.", [("2020", "2020", "year")]),
        ("Dans les années 1990, tout a changé.", [("années 1990", "1990", "decade")]),
        ("Au troisième trimestre 2024.", [("troisième trimestre 2024", "2024-Q3", "quarter")]),
        ("Il compte 500 salariés.", []),
        ("Il a vendu 2018 voitures.", []),
        ("En 2018 voitures vendues.", []),
        ("Une hausse de 50 %.", []),
        ("Il a payé 2018 €.", []),
        ("Appelez le 01 23 45 67 89.", []),
        ("Il vit au n° 2018 de la rue.", []),
        ("Un vaisseau pour Mars.", []),
        ("Les sirènes sonnent chaque premier mercredi du mois.", []),
        ("Un projet de 100 milliards de dollars.", []),
    ],
)  # fmt: skip
def test_french(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert dates(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He spoke on Tuesday.", [("Tuesday", "2025-01-21", "day")]),
        ("He spoke last Tuesday.", [("last Tuesday", "2025-01-21", "day")]),
        ("He spoke last Friday.", [("last Friday", "2025-01-17", "day")]),
        ("He comes next Monday.", [("next Monday", "2025-01-27", "day")]),
        ("Signed January 21, 2025.", [("January 21, 2025", "2025-01-21", "day")]),
        ("Signed Jan. 21 in Paris.", [("Jan. 21", "2025-01-21", "day")]),
        ("Signed 21 January 2025.", [("21 January 2025", "2025-01-21", "day")]),
        ("Signed 1/21/2025.", [("1/21/2025", "2025-01-21", "day")]),
        ("Signed in October 2016.", [("October 2016", "2016-10", "month")]),
        ("He left in January.", [("January", "2025-01", "month")]),
        ("It grew since August.", [("August", "2024-08", "month")]),
        ("He said yesterday.", [("yesterday", "2025-01-23", "day")]),
        ("He says today.", [("today", "2025-01-24", "day")]),
        ("He said last week.", [("last week", "2025-01-13", "week")]),
        ("He says this week.", [("this week", "2025-01-20", "week")]),
        ("He said last month.", [("last month", "2024-12", "month")]),
        ("He will run next year.", [("next year", "2026", "year")]),
        ("He left two years ago.", [("two years ago", "2023", "year")]),
        ("He comes back in two weeks.", [("in two weeks", "2025-02-03", "week")]),
        ("In 2020, he gave.", [("2020", "2020", "year")]),
        ("He has led it since 2018.", [("2018", "2018", "year")]),
        ("It changed in the 1990s.", [("1990s", "1990", "decade")]),
        ("Results for Q3 2024.", [("Q3 2024", "2024-Q3", "quarter")]),
        ("Results for the fourth quarter.", [("fourth quarter", "2024-Q4", "quarter")]),
        ("It sold 2018 cars.", []),
        ("It grew 50% to 500 employees.", []),
        ("You may go.", []),
        ("The march was long.", []),
        ("Watch Saturday Night Live.", []),
        ("The Super Tuesday primaries.", []),
        ("See https://x.com/news/trump-2025-1 now.", []),
    ],
)  # fmt: skip
def test_english(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert dates(text, "en") == expected


def test_year_range_gives_both_years() -> None:
    assert [d[1] for d in dates("de 2013 à 2017 et 2018-2020", "fr")] == [
        "2013",
        "2017",
        "2018",
        "2020",
    ]


def test_without_publication_date_relative_dates_are_unresolved() -> None:
    got = dates("Mardi, le mois dernier, le 21 janvier, en 2018, octobre 2016.", "fr", None)
    assert got == [
        ("Mardi", None, "day"),
        ("le mois dernier", None, "month"),
        ("21 janvier", None, "day"),
        ("2018", "2018", "year"),
        ("octobre 2016", "2016-10", "month"),
    ]


def test_dateparser_relative_resolution_is_cached_per_publication_date() -> None:
    assert dates("il y a deux ans", "fr", date(2020, 6, 1)) == [("il y a deux ans", "2018", "year")]
    assert dates("il y a deux ans", "fr", FRIDAY) == [("il y a deux ans", "2023", "year")]


def test_publication_timestamp_is_read_as_its_day() -> None:
    stamp = datetime(2025, 1, 24, 18, 30)
    assert dates("Il a parlé mardi.", "fr", stamp) == [("mardi", "2025-01-21", "day")]


def test_example_article_dates() -> None:
    from allegiance.ingest.frontmatter import split_front_matter

    _meta, text, _cut = split_front_matter(EXAMPLE.read_text(encoding="utf-8"))
    # the photo caption ("... en 2015") is boilerplate the cleaner removes
    body = "\n".join(line for line in text.split("\n") if "(à gauche)" not in line)
    got = [(d.text, d.date) for d in find_dates(body, "fr", FRIDAY)]
    gold = [
        ("2018", "2018"),
        ("2023", "2023"),
        ("le mois dernier", "2024-12"),
        ("mardi", "2025-01-21"),
        ("mardi", "2025-01-21"),
        ("mercredi", "2025-01-22"),
        ("jeudi", "2025-01-23"),
        ("2020", "2020"),
        ("octobre 2016", "2016-10"),
    ]
    for mention in gold:
        assert mention in got
    # Beyond the gold: two real, correctly resolved mentions ("Aujourd’hui" = publication day,
    # "cette semaine" = the week of Monday 2025-01-20); nothing else.
    extra = [m for m in got if m not in gold]
    assert extra == [("Aujourd’hui", "2025-01-24"), ("cette semaine", "2025-01-20")]


@pytest.mark.corpus
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_corpus_offsets_exact(lang: str) -> None:
    if not (CORPUS / lang).is_dir():
        pytest.skip("corpus absent")
    total = 0
    for path in sorted((CORPUS / lang).glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        stamp = next((line[8:18] for line in lines if line.startswith("# date: ")), "")
        published = date.fromisoformat(stamp) if re.fullmatch(r"\d{4}-\d\d-\d\d", stamp) else None
        body = "\n".join(line for line in lines if not line.startswith("# "))
        for d in find_dates(body, lang, published):
            assert body[d.start : d.end] == d.text
            assert d.granularity is not None
            if d.date is not None:
                assert d.date[:4].isdigit()
            total += 1
    assert total > 100


def test_relative_phrases_are_no_finer_than_a_month_only_publication_date() -> None:
    from datetime import date

    from allegiance.extract.dates import find_dates

    found = find_dates(
        "Il a annoncé lundi un plan, le 3 mars 2025.", "fr", date(2025, 2, 1), "month"
    )
    assert [(d.text, d.date, d.granularity) for d in found] == [
        ("lundi", "2025-02", "month"),
        ("3 mars 2025", "2025-03-03", "day"),
    ]


def test_metadata_dates_parse_iso_phrases_or_are_dropped() -> None:
    from datetime import date

    from allegiance.analysis import metadata_date

    assert metadata_date("2025-02") == (date(2025, 2, 1), "month")
    assert metadata_date("2025-01-24T10:00:00Z") == (date(2025, 1, 24), "day")
    assert metadata_date("24 janvier 2025") == (date(2025, 1, 24), "day")
    assert metadata_date("not a date at all") == (None, None)
