"""Speech participles the French parser reads as adjectives in an inverted incise.

After ``a-t-il`` the small French model often tags the participle as an adjective or a noun
(``« C'est faux », a-t-il martelé``, ``a-t-elle nuancé``, ``a-t-il résumé``), so no speech
verb, hence no cue, no speaker and, for a short quote, no quote at all. This component runs
after the parser and gives such a participle back its part of speech, its infinitive and its
verb form when the infinitive is a speech verb of our lexicon.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Token

#: the inverted subject clitic right before the participle
_INVERTED = frozenset({"-il", "-elle", "-ils", "-elles", "-on"})
#: the euphonic ``-t-`` between the auxiliary and the clitic
_EUPHONIC = frozenset({"-t", "-t-", "t"})


def _auxiliary_before(doc: Doc, clitic: Token) -> Token | None:
    k = clitic.i - 1
    if k >= 0 and doc[k].lower_ in _EUPHONIC:
        k -= 1
    if k < 0 or doc[k].lemma_.lower() not in {"avoir", "être"}:
        return None
    return doc[k]


def _speech_infinitive(tok: Token) -> str | None:
    from allegiance.extract.frames import lemma_guesses
    from allegiance.extract.lexicons import speech_cues

    cues = speech_cues("fr").words
    lemma = tok.lemma_.lower()
    if lemma in cues and lemma != tok.lower_:
        return lemma
    return next((g for g in lemma_guesses(tok.lower_) if g in cues), None)


def retag_incise_participles(doc: Doc) -> Doc:
    """``a-t-il martelé`` tagged ADJ: the participle of a speech verb, tagged VERB again."""
    for tok in doc:
        if tok.pos_ not in {"ADJ", "NOUN", "PROPN"} or tok.i < 2:
            continue
        clitic = doc[tok.i - 1]
        if clitic.lower_ not in _INVERTED or _auxiliary_before(doc, clitic) is None:
            continue
        infinitive = _speech_infinitive(tok)
        if infinitive is None:
            continue
        tok.pos_ = "VERB"
        tok.lemma_ = infinitive
        features = {**tok.morph.to_dict(), "Tense": "Past", "VerbForm": "Part"}
        tok.morph = MorphAnalysis(doc.vocab, features)  # its gender and number kept
    return doc


Language.component("allegiance_incise_participles", func=retag_incise_participles)
