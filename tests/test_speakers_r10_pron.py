"""French pronouns and continuity (round 10): one test per rule, on invented sentences through
the real French model.

- ``il``/``elle`` continue a body that is the subject of an earlier sentence when its article
  or noun agrees (``Le ministère … Il assure``), unless that sentence reports someone's words
  (``Selon lui, le conseil a …``);
- a described speaker (``le vérificateur``) is no ``elle`` (gender of its article or noun);
- an incise in a compound tense inside the marks (``« …, a-t-elle précisé. … »``) names the
  speaker of the whole passage, like a simple one (``…, explique-t-elle``);
- a person named at the head of a sentence and set off by an age or an occupation is the
  subject of its verb, so a quote standing alone after it is theirs even when the parser cut
  the sentence at the apposition;
- ``et que`` repeats the ``que`` of the speech verb before it: a fragment in that clause is
  reported by the verb's subject, not said by the clause's own ``elle``;
- a person named as the source a sentence opens on (``Pour l'économiste X, …``) takes the
  floor: a later ``il`` is no longer the previous quote's speaker;
- the person who signs the article (``Par Jeanne Dupont``) is no antecedent of ``il``/``elle``.
"""

from __future__ import annotations

import pytest

from quote_helpers import quote_with, quotes_of, speaker_of


@pytest.mark.model
def test_il_continues_a_masculine_body_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-martin": ["Paul Martin"], "org-defense": ["ministère russe de la Défense"]}
    body = (
        "« Nous avons repoussé l'attaque », a déclaré le général Paul Martin. Le ministère russe "
        "de la Défense livre une version différente. Dans son bulletin, il assure que ses unités "
        "ont « amélioré leurs positions »."
    )
    assert speaker_of(fr_nlp, body, names, "amélioré leurs") == "org-defense"


@pytest.mark.model
def test_a_body_in_words_reported_by_a_pronoun_is_not_its_antecedent(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-girard": ["Paul Girard"], "org-conseil": ["conseil de Norvia"]}
    body = (
        "Son avocat, Paul Girard, a confirmé jeudi qu'une plainte serait déposée. Selon lui, le "
        "conseil de Norvia a violé ses obligations. « Ce n'est pas une enchère », a-t-il déclaré."
    )
    assert speaker_of(fr_nlp, body, names, "pas une enchère") == "p-girard"
    body = body.replace("Selon lui", "D'après lui")  # two tokens: ``D'`` ``après``
    assert speaker_of(fr_nlp, body, names, "pas une enchère") == "p-girard"


@pytest.mark.model
def test_a_masculine_description_is_no_elle(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-arsenault": ["Sophie Arsenault"]}
    body = (
        "La juge Sophie Arsenault a rendu sa décision mardi. Les plaignants ont une cause "
        "défendable, selon laquelle le vérificateur « n'a pas été prudent ». Elle a par ailleurs "
        "jugé « pour le moins fragile » l'argument de la firme."
    )
    assert speaker_of(fr_nlp, body, names, "pour le moins") == "p-arsenault"


@pytest.mark.model
def test_a_compound_incise_inside_the_marks_names_the_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-arsenault": ["Sophie Arsenault"], "p-girard": ["Paul Girard"]}
    body = (
        "La juge Sophie Arsenault a rendu sa décision mardi. « Nous ferons appel », a réagi Paul "
        "Girard, l'avocat de la firme.\n\n« Ce n'est pas une faute, a-t-elle précisé. C'est "
        "une question à juger. »"
    )
    found = quote_with(quotes_of(fr_nlp, body, names), "pas une faute").speaker
    assert found is not None and found.entity == "p-arsenault"
    assert found.mention is not None and found.mention.text == "-elle"


@pytest.mark.model
def test_a_name_before_its_age_is_the_subject_of_the_verb(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-girard": ["Paul Girard"], "p-claire": ["Claire"]}
    body = (
        "Le maire de Nantes, Paul Girard, a annoncé une réunion. « Nous ferons tout », a-t-il "
        "dit.\n\nÀ Rezé, Claire, 41 ans, a vu un arbre tomber sur la maison de ses voisins. « On "
        "a entendu un bruit énorme. Les enfants criaient. »"
    )
    assert speaker_of(fr_nlp, body, names, "bruit énorme") == "p-claire"


@pytest.mark.model
def test_a_name_before_age_and_occupation_keeps_the_next_quotes(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-girard": ["Paul Girard"], "p-nadia": ["Nadia"]}
    body = (
        "Le maire, Paul Girard, a parlé. « Nous ferons tout », a-t-il dit.\n\nDans les agences, "
        "l'inquiétude est palpable. Nadia, 52 ans, aide-soignante au chômage depuis huit mois à "
        "Lyon, ne décolère pas. « J'ai cotisé trente ans. Trente ans ! »\n\n« Je cherche tous "
        "les jours, poursuit-elle. On ne me propose rien. »"
    )
    assert speaker_of(fr_nlp, body, names, "cotisé trente") == "p-nadia"
    assert speaker_of(fr_nlp, body, names, "Je cherche") == "p-nadia"


@pytest.mark.model
def test_et_que_clause_is_reported_by_the_speech_verb_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-dumontel": ["Claire Dumontel"], "p-sarrazin": ["Olivier Sarrazin"]}
    body = (
        "La ministre Claire Dumontel a démissionné mardi. Contacté par notre journal, l'avocat "
        "de la ministre, Me Olivier Sarrazin, assure que sa cliente « a tous les justificatifs » "
        "et qu'elle réglera ses comptes « devant la justice, pas sur les plateaux »."
    )
    assert speaker_of(fr_nlp, body, names, "devant la justice") == "p-sarrazin"


@pytest.mark.model
def test_the_byline_is_no_antecedent(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-martin": ["Julie Martin"]}
    body = (
        "Le patron d'une société minière poursuivi par une ancienne auditrice\n\nPar Julie "
        "Martin, correspondante\n\nUne ancienne auditrice de Northgate a attaqué mardi son "
        "ancien patron, l'accusant de l'avoir renvoyée après qu'elle a signalé des "
        "« irrégularités graves »."
    )
    assert speaker_of(fr_nlp, body, names, "irrégularités graves") != "p-martin"


@pytest.mark.model
def test_a_source_opening_the_sentence_takes_the_floor(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-nadia": ["Nadia"], "p-lemercier": ["Paul Lemercier"]}
    body = (
        "Nadia, chômeuse, a témoigné. « Je cherche tous les jours », dit-elle.\n\nPour "
        "l'économiste Paul Lemercier, la réforme ne créera aucun emploi dans les territoires. Il "
        "estime que l'effet sera « marginal »."
    )
    assert speaker_of(fr_nlp, body, names, "marginal") == "p-lemercier"
