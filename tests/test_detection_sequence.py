"""French quotes that follow one another in a paragraph (``« … » « … » « … », a-t-il conclu``):
the speaker going on is neither an interviewer asking (a question to ``vous`` right after his
quote is his own) nor a fragment inside the author's words (a quote opening after another one is
direct). Invented sentences through the real French model."""

from __future__ import annotations

import pytest

from quote_helpers import quote_with, quotes_of

BODY = (
    "L'accusé Marc Delorme a exprimé ses regrets. « Est-ce que je regrette ? », a-t-il dit aux "
    "juges. Et d'ajouter : « La balle lui est sortie dans le cou. » « Comment voulez-vous que je "
    "ne regrette pas toutes les victimes du train. » « Je vous jure que je regrette tout ce que "
    "j'ai commis. J'ai honte de ce que j'ai fait », a-t-il conclu."
)
NAMES = {"marc-delorme": ["Marc Delorme"]}


@pytest.mark.model
def test_a_question_right_after_the_speakers_quote_is_his(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    quote = quote_with(quotes_of(fr_nlp, BODY, NAMES), "Comment voulez-vous")
    assert quote.speaker is not None and quote.speaker.entity == "marc-delorme"


@pytest.mark.model
def test_a_quote_opening_after_another_is_direct(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    assert quote_with(quotes_of(fr_nlp, BODY, NAMES), "Je vous jure").kind == "direct"


@pytest.mark.model
def test_an_interviewers_question_in_its_own_paragraph_stays_out(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marc Delorme a répondu à nos questions.\n\n« Pourquoi avez-vous quitté le parti ? »\n\n"
        "« Parce que la ligne avait changé », a-t-il dit."
    )
    texts = [q.text for q in quotes_of(fr_nlp, body, NAMES)]
    assert not any("Pourquoi avez-vous" in t for t in texts)
    assert any("la ligne avait changé" in t for t in texts)
