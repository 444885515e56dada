"""Boilerplate removal: each rule in French and English, the user's example, the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.clean.boilerplate import guess_title, strip_boilerplate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "musk-altman-fr.txt"
CORPUS = ROOT.parent / "shared" / "corpus"

ARTICLE_FR = "Le ministre a annoncé une réforme des retraites mardi soir à Paris."
ARTICLE_EN = "The minister announced a pension reform on Tuesday evening in London."


def reasons(text: str, lang: str | None = None) -> dict[str, str]:
    _, removed = strip_boilerplate(text, lang)
    return {r.text: r.reason for r in removed}


@pytest.mark.parametrize(
    ("line", "reason", "lang"),
    [
        ("Publicité", "advertising", "fr"),
        ("PUBLICITÉ", "advertising", "fr"),
        ("- Advertisement -", "advertising", "en"),
        ("Sponsored", "advertising", "en"),
        (
            "Nous pouvons gagner une commission sur les liens de cette page.",
            "affiliate-disclaimer",
            "fr",
        ),
        ("We may earn a commission from links on this page.", "affiliate-disclaimer", "en"),
        ("Photo : Reuters", "photo-credit", "fr"),
        ("Crédit photo : Jean Martin", "photo-credit", "fr"),
        ("© AFP", "photo-credit", "fr"),
        ("Paul Durand / AFP", "photo-credit", "fr"),
        ("Image: Jane Roe", "photo-credit", "en"),
        ("Photo: Jane Roe for Example Magazine (Getty Images)", "photo-credit", "en"),
        ("Partager", "share-subscribe", "fr"),
        ("Abonnez-vous à notre newsletter", "share-subscribe", "fr"),
        ("S'abonner", "share-subscribe", "fr"),
        ("Lire aussi : Le budget adopté en première lecture", "share-subscribe", "fr"),
        ("À lire aussi", "share-subscribe", "fr"),
        ("Newsletter", "share-subscribe", "en"),
        ("Sign up for our daily briefing", "share-subscribe", "en"),
        ("Follow us on Instagram", "share-subscribe", "en"),
        ("Share this article", "share-subscribe", "en"),
        ("Read more: Why the budget vote matters", "share-subscribe", "en"),
        ("Par Jeanne Dupuis", "byline", "fr"),
        ("By John Smith and Mary Jones", "byline", "en"),
        ("Publié le 12 mars 2024 à 10h30", "timestamp", "fr"),
        ("-----------", "separator", None),
    ],
)
def test_lexicon_rules(line: str, reason: str, lang: str | None) -> None:
    article = ARTICLE_FR if lang == "fr" else ARTICLE_EN
    text = (
        f"{article}\n\n{line}\n\n{article.replace('mardi', 'jeudi').replace('Tuesday', 'Friday')}"
    )
    got = reasons(text, lang)
    assert got == {line.strip(): reason}


@pytest.mark.parametrize(
    "caption",
    [
        "Jean Dupont (à gauche) et Marie Curie (à droite) en 2019",
        "John Smith (left) and Mary Jones (right) in 2019",
        "The senator, pictured at a rally in Ohio",
    ],
)
def test_caption_with_position_marker(caption: str) -> None:
    text = f"Un titre\n\n{ARTICLE_FR}\n{caption}\n{ARTICLE_EN}"
    assert reasons(text) == {caption: "caption"}


def test_caption_next_to_credit_and_repeated() -> None:
    text = (
        "Titre de l'article\n\n"
        f"{ARTICLE_FR}\n"
        "Le port de Marseille au petit matin\n"
        "Le port de Marseille au petit matin\n"
        "Photo : Paul Durand / AFP\n\n"
        f"{ARTICLE_EN}\n"
        "Photo: Jane Roe\n"
        "The harbour at dawn\n"
    )
    body, removed = strip_boilerplate(text, "fr")
    assert [r.reason for r in removed] == [
        "caption",
        "caption",
        "photo-credit",
        "photo-credit",
        "caption",
    ]
    assert body == f"Titre de l'article\n\n{ARTICLE_FR}\n\n{ARTICLE_EN}"


def test_title_is_never_a_caption() -> None:
    text = "Un port sous la brume\nPhoto : Paul Durand / AFP\n\n" + ARTICLE_FR
    body, removed = strip_boilerplate(text)
    assert [r.text for r in removed] == ["Photo : Paul Durand / AFP"]
    assert body.startswith("Un port sous la brume\n")


@pytest.mark.parametrize(
    "notice",
    [
        "Ce contenu a été traduit automatiquement à partir du texte original. De légères "
        "différences résultant de la traduction automatique peuvent apparaître. Pour la version "
        "originale, cliquez ici.",
        "This content has been machine translated from the original text. Slight differences "
        "resulting from the translation may appear. For the original version, click here.",
    ],
)
def test_translation_notice_whole_paragraph(notice: str) -> None:
    first, _, rest = notice.partition(". ")
    text = f"{ARTICLE_FR}\n\n{first}.\n{rest}\n\n{ARTICLE_EN}"
    body, removed = strip_boilerplate(text)
    assert {r.reason for r in removed} == {"translation-notice"}
    assert len(removed) == 2
    assert body == f"{ARTICLE_FR}\n\n{ARTICLE_EN}"


def test_duplicate_adjacent_line() -> None:
    text = f"{ARTICLE_FR}\n\n{ARTICLE_FR}\n\n{ARTICLE_EN}"
    body, removed = strip_boilerplate(text)
    assert [(r.reason, r.start) for r in removed] == [("duplicate", len(ARTICLE_FR) + 2)]
    assert body == f"{ARTICLE_FR}\n\n{ARTICLE_EN}"


def test_sentences_and_quotes_are_kept() -> None:
    text = (
        "« Partager la richesse est notre devoir », a déclaré la ministre.\n"
        "Publicité et marketing ont été au cœur du débat au Parlement mardi.\n"
        "“Sign up for the draft now,” the general told the crowd.\n"
        "Read more carefully, the judge told the lawyers, before you file again.\n"
        "Paul Durand (à gauche) a pris la parole en premier, puis a quitté la salle."
    )
    body, removed = strip_boilerplate(text)
    assert removed == []
    assert body == text


def test_offsets_point_into_the_input_and_blank_lines_collapse() -> None:
    text = f"\n\n  {ARTICLE_FR}  \n\nPublicité\n\n\n\n{ARTICLE_EN}\r\nPartager\n\n"
    body, removed = strip_boilerplate(text, "fr")
    assert [text[r.start : r.end] for r in removed] == ["Publicité", "Partager"]
    assert body == f"{ARTICLE_FR}\n\n{ARTICLE_EN}"


def test_language_selects_rules() -> None:
    text = f"{ARTICLE_EN}\nPartager\n{ARTICLE_EN.replace('London', 'Leeds')}"
    assert reasons(text, "en") == {}
    assert reasons(text, "fr") == {"Partager": "share-subscribe"}
    assert reasons(text, None) == {"Partager": "share-subscribe"}


def test_guess_title() -> None:
    assert guess_title("Un titre court\n\nLe texte suit.") == "Un titre court"
    assert guess_title("Une phrase qui finit.\n\nLe texte suit.") is None
    assert guess_title("Un titre collé\nLe texte suit.") is None
    assert guess_title("x" * 250 + "\n\nLe texte suit.") is None
    assert guess_title("Seule ligne") is None


def test_user_example_end_to_end() -> None:
    if not EXAMPLE.exists():
        pytest.skip("examples/musk-altman-fr.txt absent")
    from allegiance.ingest.frontmatter import split_front_matter

    _meta, text, _cut = split_front_matter(EXAMPLE.read_text(encoding="utf-8"))
    body, removed = strip_boilerplate(text, "fr")
    got = [(r.reason, r.text[:40]) for r in removed]
    assert got == [
        ("affiliate-disclaimer", "Nous pouvons gagner une commission sur l"),
        ("caption", "Elon Musk (à gauche) et Sam Altman (à dr"),
        ("caption", "Elon Musk (à gauche) et Sam Altman (à dr"),
        ("photo-credit", "Photo: Michael Kovac for Vanity Fair (Ge"),
        ("translation-notice", "Ce contenu a été traduit automatiquement"),
        ("advertising", "Publicité"),
        ("advertising", "Publicité"),
    ]
    assert all(text[r.start : r.end] == r.text for r in removed)
    assert "Pour la version originale" not in body
    assert body.startswith("La querelle personnelle entre Elon Musk et Sam Altman")
    assert "\n\nMusk, le PDG de Tesla et principal allié de Trump" in body
    assert body.endswith("a-t-il ajouté.")
    assert guess_title(body) == body.splitlines()[0]
    assert "\n\n\n" not in body


@pytest.mark.corpus
def test_corpus_removals_are_short_lines() -> None:
    files = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip("shared corpus absent")
    from allegiance.ingest.frontmatter import split_front_matter

    total = 0
    for path in files:
        _, text, _ = split_front_matter(path.read_text("utf-8"))
        body, removed = strip_boilerplate(text, path.parent.name)
        assert body.strip(), path
        for r in removed:
            assert text[r.start : r.end] == r.text
            if r.reason != "duplicate":  # an exact repeat goes whatever its length
                assert len(r.text) <= 300, (path.name, r)
        total += len(removed)
        assert sum(len(r.text) for r in removed if r.reason != "duplicate") < 0.2 * len(text)
    assert total > 0


def test_signed_captions_and_publisher_notices_go_with_their_reason() -> None:
    from allegiance.clean.boilerplate import strip_boilerplate

    text = (
        "Titre de l'article\n\n"
        "Le maire a présenté son budget devant le conseil municipal lundi soir.\n\n"
        "Des manifestants devant la mairie lors du rassemblement du matin. Lyon - 3 mars 2021\n\n"
        "Vue du parvis pendant la cérémonie d'ouverture du festival © J.D\n\n"
        "Le Club est l'espace de libre expression des abonnés de Mediapart. Ses contenus "
        "n'engagent pas la rédaction.\n\n"
        "AFP Agence France-Presse\n\n"
        "Article mis à jour le 7 janvier 2020."
    )
    body, removed = strip_boilerplate(text, "fr")
    assert [r.reason for r in removed] == [
        "caption",
        "photo-credit",
        "disclaimer",
        "source-credit",
        "timestamp",
    ]
    assert "budget" in body and "Lyon" not in body and "Club" not in body


# a photographer named in the brackets of a wire credit (realdev14, session 12)
def test_a_photo_credit_in_brackets_with_the_photographer_is_boilerplate() -> None:
    text = (
        "Titre\n\nLa start-up a levé 600 millions d'euros, a-t-elle annoncé mardi.\n\n"
        "( AFP / SEBASTIEN BOZON )\n\n"
        "Stephane Israel, le 26 mars 2024, en Guyane ( AFP / LUDOVIC MARIN )\n\n"
        "Le groupe a salué une « étape majeure » de son histoire.\n"
    )
    body, removed = strip_boilerplate(text, "fr")
    assert [r.text for r in removed] == [
        "( AFP / SEBASTIEN BOZON )",
        "Stephane Israel, le 26 mars 2024, en Guyane ( AFP / LUDOVIC MARIN )",
    ]
    assert "étape majeure" in body and "a-t-elle annoncé" in body


def test_a_poll_s_sponsor_in_brackets_is_no_photo_credit() -> None:
    text = (
        "Titre\n\nLe sondage est publié.\n\nKamala Harris : 47 % (Reuters/Ipsos)\n\n"
        "Trump perd du terrain chez les seniors (AP/NORC)\n\n"
        "AP/NORC, un sondage de référence … montre un recul net\n"
    )
    body, removed = strip_boilerplate(text, "fr")
    assert removed == [] and body == text.strip("\n")
