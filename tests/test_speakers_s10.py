"""Session 10: speaker fixes found on a fresh blind set of real French excerpts, rebuilt here as
invented passages (model tests) or hand-built Docs (unit tests)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.analysis import default_context
from allegiance.extract.frames import lemma_guesses
from allegiance.extract.incise_subjects import skip_adverbial
from allegiance.resolve.person_names import given_name_subject
from doc_helpers import parsed_doc
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find
from quote_helpers import speaker_name as _name

VOCAB = spacy.blank("fr").vocab


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


# --- unit tests ------------------------------------------------------------------------------


def test_a_mute_e_after_i_guesses_the_y_infinitive() -> None:
    assert "appuyer" in lemma_guesses("appuie")
    assert "envoyer" in lemma_guesses("envoient")
    assert "essayer" in lemma_guesses("essaie")
    assert "appuyer" not in lemma_guesses("appui")  # no mute e, no stem change


def _words(words: list[str], pos: list[str]) -> Doc:
    return Doc(VOCAB, words=words, pos=pos)


def test_a_date_between_an_incise_verb_and_its_subject_is_skipped() -> None:
    # », a averti le 14 décembre 2022 le secrétaire général
    doc = _words(
        ["a", "averti", "le", "14", "décembre", "2022", "le", "secrétaire", "général"],
        ["AUX", "VERB", "DET", "NUM", "NOUN", "NUM", "DET", "NOUN", "ADJ"],
    )
    assert skip_adverbial(doc, 2) == 6
    # le 1er mars, no year; le mardi 14 aout (a weekday, the lexicon's unaccented spelling)
    doc = _words(["le", "1er", "mars", "Paul"], ["DET", "ADJ", "NOUN", "PROPN"])
    assert skip_adverbial(doc, 0) == 3
    doc = _words(["le", "mardi", "14", "aout", "Paul"], ["DET", "NOUN", "NUM", "NOUN", "PROPN"])
    assert skip_adverbial(doc, 0) == 4
    # ``le 14e régiment`` is no date: a number alone is never taken
    doc = _words(["le", "14", "régiment"], ["DET", "NUM", "NOUN"])
    assert skip_adverbial(doc, 0) == 0


def test_a_given_name_subject_of_a_verb_taken_up_by_a_pronoun_is_a_person() -> None:
    # Clémence risque de voir . Pour elle , non .  (the parser tags the name a NOUN)
    rows = [
        ("Clémence", 1, "nsubj", "NOUN"),
        ("risque", 1, "ROOT", "VERB"),
        ("de", 3, "mark", "ADP"),
        ("voir", 1, "xcomp", "VERB"),
        (".", 1, "punct", "PUNCT"),
        ("Pour", 6, "case", "ADP"),
        ("elle", 8, "obl", "PRON"),
        (",", 8, "punct", "PUNCT"),
        ("non", 8, "ROOT", "ADV"),
        (".", 8, "punct", "PUNCT"),
    ]
    ents = ["B-PER"] + ["O"] * 9
    assert given_name_subject(parsed_doc(rows, ents).ents[0])
    # no pronoun of her gender after it: nothing says a woman is meant
    masculine = [r if r[0] != "elle" else ("il", 8, "obl", "PRON") for r in rows]
    assert not given_name_subject(parsed_doc(masculine, ents).ents[0])
    # the same word labelled a place, or not the subject, says nothing
    assert not given_name_subject(parsed_doc(rows, ["B-LOC"] + ["O"] * 9).ents[0])
    rows[0] = ("Clémence", 3, "obj", "NOUN")
    assert not given_name_subject(parsed_doc(rows, ents).ents[0])
    # a given name that as often names a thing (a rocket, a brand, a city)
    rocket = [("Ariane", 1, "nsubj", "PROPN")] + rows[1:5] + [("Elle", 6, "nsubj", "PRON")]
    rocket += [("part", 6, "ROOT", "VERB"), (".", 6, "punct", "PUNCT")]
    assert not given_name_subject(parsed_doc(rocket, ["B-PER"] + ["O"] * 7).ents[0])


# --- model tests -----------------------------------------------------------------------------


@pytest.mark.model
def test_a_witness_named_by_a_given_name_alone_speaks(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Les usagers craignent un week-end difficile. Clémence risque également de voir son "
        "train annulé. Mais pour elle, faire grève reste un moyen légitime de se faire "
        "entendre. « Je serais énervée, mais au fond, je comprendrais », appuie-t-elle.",
        ctx,
    )
    direct = _find(quotes, "je comprendrais")
    reported = _find(quotes, "faire grève reste")
    assert direct is not None and _name(direct) == "Clémence"
    assert direct.cue is not None and direct.cue.text == "appuie"
    assert reported is not None and _name(reported) == "Clémence"


@pytest.mark.model
def test_an_incise_inside_the_marks_with_a_title_names_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "La ministre des Affaires étrangères, Mélanie Joly, a déclaré que le Canada condamnait "
        "la violence.\n\nUn conseil de transition dirige le pays.\n\n« Cette violence vise "
        "clairement à saper le processus de transition, qui est essentiel pour rétablir la "
        "sécurité, a écrit Mme Joly dans un communiqué. Cela ne doit pas être toléré. »",
        ctx,
    )
    quote = _find(quotes, "Cette violence vise")
    assert quote is not None and _name(quote) == "Mélanie Joly"


@pytest.mark.model
def test_fragments_of_one_sentence_share_a_closing_incise_with_a_date(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "« Si le gouvernement persiste » à vouloir faire « passer en force une mauvaise "
        "réforme », il y aura « des grèves dès le mois de janvier », a mis en garde le 14 "
        "décembre le secrétaire général de la CGT Philippe Martinez, sur Sud Radio.",
        ctx,
    )
    for fragment in ("Si le gouvernement persiste", "passer en force", "des grèves dès"):
        quote = _find(quotes, fragment)
        assert quote is not None and _name(quote) == "Philippe Martinez", fragment


def test_a_sentence_starts_after_a_full_stop_and_a_run_of_spaces() -> None:
    from allegiance.nlp.sentences import mark_paragraphs

    # ``… la SDJ.    "Arnaud …``: the scraper's spaces are one token the parser joins across
    words = ["a", "justifié", "la", "SDJ", ".", "   ", '"', "Arnaud", "a", "dit", '"']
    spaces = [True, True, True, False, True, False, False, True, True, False, False]
    doc = mark_paragraphs(Doc(VOCAB, words=words, spaces=spaces))
    assert doc[6].is_sent_start
    # one ordinary space after the stop: the parser is left to decide
    words = ["a", "justifié", "la", "SDJ", ".", '"', "Arnaud", "a", "dit", '"']
    doc = mark_paragraphs(Doc(VOCAB, words=words, spaces=[True] * 4 + [True] + [False] * 5))
    assert not doc[5].is_sent_start
    # ``Lt.  Col.  John Smith``: a title's full stop ends no sentence
    words = ["said", "Lt", ".", "  ", "Col", ".", "  ", "John", "Smith"]
    spaces = [True, False, True, False, False, True, False, True, False]
    doc = mark_paragraphs(Doc(VOCAB, words=words, spaces=spaces))
    assert not doc[4].is_sent_start and not doc[7].is_sent_start


@pytest.mark.model
def test_a_pronoun_after_scraped_spaces_takes_up_the_body_that_spoke(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "« Arnaud Lagardère a maintenu ce choix face à la rédaction », a justifié la SDJ.    "
        "« Il n'a pas rassuré la rédaction », avait-elle déploré mardi.",
        ctx,
    )
    quote = _find(quotes, "Il n'a pas rassuré")
    assert quote is not None and _name(quote) == "SDJ"


@pytest.mark.model
def test_a_bare_body_noun_takes_up_the_body_named_by_that_noun(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Le parquet de Versailles a précisé à l'AFP qu'il n'y avait « pas de dessaisissement "
        "envisagé au profit du Parquet national antiterroriste à ce stade ».\n\n"
        "L'interpellation a eu lieu près du lycée Condorcet.\n\n"
        "L'homme a été « contrôlé dans le cadre d'un contrôle d'identité », a précisé le "
        "ministère public. Il « ne menaçait pas », a noté le parquet.",
        ctx,
    )
    for fragment in ("contrôlé dans le cadre", "ne menaçait pas"):
        quote = _find(quotes, fragment)
        assert quote is not None and _name(quote) == "parquet de Versailles", fragment


@pytest.mark.model
def test_this_source_is_the_source_quoted_just_before(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Le parquet de Versailles a précisé qu'une enquête était « ouverte ». « L'enquête se "
        "poursuit », a ajouté cette source. Toujours selon cette source, le suspect avait "
        "déjà été condamné.\n\nUne source proche du dossier a affirmé que l'homme était "
        "« connu ». « Il était suivi », a ajouté cette source.",
        ctx,
    )
    for fragment in ("L'enquête se poursuit", "le suspect avait"):
        quote = _find(quotes, fragment)
        assert quote is not None and _name(quote) == "parquet de Versailles", fragment
    unnamed = _find(quotes, "Il était suivi")
    assert unnamed is not None and unnamed.speaker is not None
    assert unnamed.speaker.entity is None  # the unnamed source stays unnamed


def test_an_unlabelled_acronym_that_speaks_is_a_body() -> None:
    from allegiance.resolve.speaking_acronyms import speaking_acronyms

    # Pour le SNPS , il est scandaleux .   /   Pour le PIB , la hausse est faible .
    def sentence(acronym: str) -> Doc:
        doc = Doc(
            VOCAB,
            words=["Pour", "le", acronym, ",", "il", "est", "scandaleux", "."],
            heads=[2, 2, 6, 6, 6, 6, 6, 6],
            deps=["case", "det", "obl", "punct", "nsubj", "cop", "ROOT", "punct"],
            pos=["ADP", "DET", "PROPN", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT"],
            sent_starts=[True] + [False] * 7,
        )
        return doc

    assert [t.text for t in speaking_acronyms(sentence("SNPS"), "fr", set())] == ["SNPS"]
    assert speaking_acronyms(sentence("PIB"), "fr", set()) == []  # a thing, not a body
    assert speaking_acronyms(sentence("DGS"), "fr", set()) == []  # a role: a person described
    assert speaking_acronyms(sentence("SNPS"), "fr", {sentence("SNPS")[2].idx}) == []


def test_a_name_never_ends_on_a_pronoun() -> None:
    from allegiance.nlp.components import repair_entities

    for pronoun in ("nous", "m'"):
        words = ["l'", "Agence", "régionale", "de", "santé", pronoun, "a", "informé"]
        ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
        doc = repair_entities(Doc(VOCAB, words=words, ents=ents), "fr")
        assert [e.text for e in doc.ents] == ["Agence régionale de santé"], pronoun


def test_a_date_inside_a_body_name_keeps_the_name_and_money_still_does_not() -> None:
    from allegiance.nlp.components import repair_entities

    words = [
        "Le",
        "Mouvement",
        "du",
        "23",
        "mars",
        "dénonce",
        "une",
        "offre",
        "de",
        "50",
        "millions",
    ]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    doc = repair_entities(Doc(VOCAB, words=words, ents=ents), "fr")
    assert [e.text for e in doc.ents] == ["Mouvement du 23 mars"]


@pytest.mark.model
def test_a_body_named_after_its_country_is_not_cut_to_the_country(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Cette version a été démentie par l'armée. Selon les Forces armées de la RDC, les "
        "rebelles tentent depuis quelque temps de renforcer leurs positions.",
        ctx,
    )
    quote = _find(quotes, "les rebelles tentent")
    assert quote is not None and _name(quote) == "Forces armées de la RDC"


@pytest.mark.model
def test_quant_a_elle_repeats_the_subject_named_before_it(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Le président du parti Jordan Bardella a dénoncé dimanche des « propos graves ». "
        "« Personne ne sera dupe », a-t-il ajouté. Marine Le Pen a quant à elle évoqué des "
        "propos « infâmes et indignes ».",
        ctx,
    )
    quote = _find(quotes, "infâmes et indignes")
    assert quote is not None and _name(quote) == "Marine Le Pen"


@pytest.mark.model
def test_a_relative_after_a_party_in_brackets_takes_up_the_name_before_them(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Selon le ministre Alain Maron (Ecolo), qui a également réagi sur X, « cette décision "
        "va engendrer un nouvel afflux de public en errance ».",
        ctx,
    )
    quote = _find(quotes, "cette décision va engendrer")
    assert quote is not None and _name(quote) == "Alain Maron"


@pytest.mark.model
def test_a_participle_after_an_inverted_incise_has_the_incise_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Le mouvement continue, a détaillé la SDJ dans un communiqué, précisant qu'un nouveau "
        "vote se tiendrait jeudi matin.",
        ctx,
    )
    quote = _find(quotes, "un nouveau vote")
    assert quote is not None and _name(quote) == "SDJ"
    assert quote.cue is not None and quote.cue.text == "précisant"


@pytest.mark.model
def test_a_magistrate_is_not_the_lawyer_quoted_before(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Le verdict a été accueilli sobrement par les avocats de la victime. « Un avocat n'est "
        "jamais satisfait », a déclaré Me Bouyssié. L'avocat général avait réclamé une peine "
        "moindre. À « crime ultime, peine ultime », avait tonné le magistrat.",
        ctx,
    )
    quote = _find(quotes, "crime ultime")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None  # the unnamed magistrate, not Me Bouyssié


@pytest.mark.model
def test_whom_a_participle_clause_blames_is_not_the_source_of_its_noun(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "La France insoumise, par la voix de ses députés Alexis Corbière et Adrien Quatennens, "
        "a dénoncé le 26 juillet le « discours anti-parlementaire » de la « propagande "
        "macronienne » visant à reprocher à l'Assemblée de « faire perdre du temps au "
        "gouvernement ».",
        ctx,
    )
    assert quotes, "the fragments are quotes"
    for quote in quotes:
        assert quote.speaker is None or quote.speaker.name != "Assemblée nationale", quote.text


@pytest.mark.model
def test_relying_on_a_report_is_no_speech(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes("Le gouvernement s'appuie sur les « conclusions » du rapport Dupont.", ctx)
    assert all(q.cue is None or q.cue.text != "appuie" for q in quotes)


@pytest.mark.model
def test_a_bank_or_a_party_is_the_latest_one_not_the_one_named_by_the_noun(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "La Banque de France prévoit une croissance faible. BNP Paribas a publié ses comptes "
        "mardi. « Nos revenus progressent », a indiqué la banque.",
        ctx,
    )
    quote = _find(quotes, "Nos revenus progressent")
    assert quote is not None and _name(quote) != "Banque de France"


@pytest.mark.model
def test_this_source_after_a_new_unquoted_source_stays_unnamed(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Le maire Jean Dupont a dénoncé « un drame ». Une source policière a confirmé "
        "l'interpellation du suspect. « Il était connu des services », a ajouté cette source.",
        ctx,
    )
    quote = _find(quotes, "Il était connu")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity is None


@pytest.mark.model
def test_a_name_inside_the_brackets_before_a_relative_is_its_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Le maire sortant (Paul Martin), qui a jugé la décision « scandaleuse », ne se "
        "représentera pas.",
        ctx,
    )
    quote = _find(quotes, "scandaleuse")
    assert quote is not None and _name(quote) == "Paul Martin"


@pytest.mark.model
def test_a_person_whose_surname_is_a_known_company_stays_a_person(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "« On est à 40 jours d'une décision déterminante pour l'avenir de la chimie » en "
        "France, déclare à l'AFP, Christophe Ferrari, président de la métropole de Grenoble.",
        ctx,
    )
    quote = _find(quotes, "On est à 40 jours")
    assert quote is not None and _name(quote) == "Christophe Ferrari"


@pytest.mark.model
def test_an_incise_after_a_complement_closing_the_quoted_sentence(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "« Arkema profite de la situation », estime Emmanuel Grandjean, délégué syndical.\n\n"
        "« Nous sommes à un tournant » en France, déclare à l'AFP Paul Verdier, maire de la "
        "ville.",
        ctx,
    )
    quote = _find(quotes, "Nous sommes à un tournant")
    assert quote is not None and _name(quote) == "Paul Verdier"


@pytest.mark.model
def test_court_reporting_witnesses_introduced_by_age_and_trade(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Avec notre envoyé spécial au tribunal correctionnel de Paris, Franck Alexandre\n\n"
        "Il arrive dans le box. Cyprien, tout juste 19 ans, n'impressionne pas beaucoup. Il "
        "raconte au tribunal sa mésaventure.\n\nVenu manifester pour le climat, il dit s'être "
        "perdu. « Les policiers me regardaient », plaide-t-il.\n\nVient le tour de Raphaël, "
        "apiculteur à Pithiviers. Il a une grosse barbe. « Tout était cassé », explique-t-il."
    )
    quotes = _quotes(text, ctx)
    first, second = _find(quotes, "Les policiers"), _find(quotes, "Tout était cassé")
    assert first is not None and _name(first) == "Cyprien"
    assert second is not None and _name(second) == "Raphaël"


def test_a_reporter_credit_line_is_boilerplate() -> None:
    from allegiance.analysis import analyze

    article = analyze(
        "Avec notre envoyé spécial au tribunal correctionnel de Paris, Franck Alexandre\n\n"
        "Le procès s'est ouvert lundi devant une salle comble.",
        lang="fr",
        published="2019-03-20",
    )
    assert "Franck Alexandre" not in article.body
    assert article.body.startswith("Le procès")


@pytest.mark.model
def test_a_colon_gives_the_subject_of_the_clause_it_closes(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "Dans une interview à la chaîne américaine CNN, dont des fragments ont été diffusés "
        "mercredi, Milei a fait référence à Petro dans ces termes : « on ne peut pas attendre "
        "grand-chose de quelqu'un qui a été un terroriste ».",
        ctx,
    )
    quote = _find(quotes, "on ne peut pas attendre")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name != "CNN" and "Milei" in quote.speaker.name


@pytest.mark.model
def test_a_quote_paragraph_after_a_report_and_a_sub_heading_goes_on_with_the_reporter(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous ne pouvons jouer avec les nerfs des joueurs », a dit le sélectionneur "
        "espagnol Sergio Scariolo.\n\n"
        "Le sélectionneur français Frédéric Fauthoux estime que les joueurs ont répondu à son "
        "exigence, dans un contexte qu'il admet compliqué.\n\n"
        "« Une décision rapide »\n\n"
        "« Je crois que cette préparation a été difficile. Nous devons décider vite. »"
    )
    quote = _find(_quotes(text, ctx), "Je crois que cette préparation")
    assert quote is not None and _name(quote) == "Frédéric Fauthoux"


@pytest.mark.model
def test_a_quote_paragraph_after_an_unnamed_source_is_not_pinned_on_anyone(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire Paul Verdier a inauguré la salle lundi.\n\n"
        "Une habitante estime que les travaux ont trop duré.\n\n"
        "« On a attendu trois ans. C'est long. »"
    )
    quote = _find(_quotes(text, ctx), "On a attendu trois ans")
    assert quote is not None
    assert quote.speaker is None or quote.speaker.entity is None


@pytest.mark.model
def test_a_name_holding_two_known_names_does_not_break_the_article(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "« Nous sommes prêts », a déclaré Marie France Renault, directrice de l'école.", ctx
    )
    assert _find(quotes, "Nous sommes prêts") is not None


@pytest.mark.model
def test_a_short_sentence_between_a_report_and_a_quote_is_no_sub_heading(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Jean Dupont estime que la réforme est juste.\n\n"
        "Une habitante n'est pas d'accord !\n\n"
        "« On a attendu trois ans. C'est long. »"
    )
    quote = _find(_quotes(text, ctx), "On a attendu trois ans")
    assert quote is not None and (quote.speaker is None or quote.speaker.entity is None)


@pytest.mark.model
def test_a_reaction_after_a_company_announcement_is_not_the_company(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le groupe Renault a annoncé mardi la suppression de 4 000 postes en France.\n\n"
        "« Nous sommes dévastés. On ne s'y attendait pas. »\n\n"
        "Les syndicats appellent à la grève."
    )
    quote = _find(_quotes(text, ctx), "Nous sommes dévastés")
    assert quote is not None and (quote.speaker is None or quote.speaker.name != "Renault")
