"""French speakers, tuned on real news (round 9). One test per rule, on invented sentences
through the real French model: a word the author put in quotation marks is not the subject who
speaks (``« Fixé », le feu n'avait « plus évolué »``)."""

from __future__ import annotations

import pytest

from quote_helpers import speaker_of

NAMES = {
    "org-securite-civile": ["Direction de la sécurité civile"],
}


@pytest.mark.model
def test_a_quoted_word_is_no_subject_who_speaks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le feu a détruit « 1 650 hectares », déplore la Direction de la sécurité civile dans "
        "un communiqué transmis samedi. « Fixé », le feu n'avait, à ce moment-là, « plus évolué "
        "depuis trente-six heures »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "plus évolué") == "org-securite-civile"
