"""Rejoin a subject the parser cut off its verb.

French news sentences open on a name with a long apposition (``Khalil al-Haya, haut
responsable du Hamas, a déclaré …``). The small French parser often ends the tree after the
apposition, so the name becomes a verbless "sentence" and the verb one without a subject: no
speaker, no quote. Sentence starts marked impossible before the parser
(:func:`allegiance.nlp.components.mark_paragraphs`) do not stop this, since the parser may leave
a root unattached. This component runs after it and hangs such a nominal fragment on the next
verb as its subject.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from allegiance.nlp.sentences import after_comma

#: parts of speech a verbless fragment's root must have to be a subject
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
#: relations by which a verb already has its subject
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "expl:subj", "csubj"})


def _cut_after_comma(sent: Span) -> bool:
    """The sentence opens on a comma, or on a lower-case word right after one on the same line:
    no sentence starts there, the parser cut it."""
    first = sent[0]
    return first.i > 0 and first.text not in {";", ")"} and after_comma(sent.doc, first)


def _finite_verb(root: Token) -> bool:
    """A verb (or a copula's predicate) with a tense or an auxiliary: a clause's head."""
    if root.pos_ not in {"VERB", "AUX"} and not any(c.dep_ == "cop" for c in root.children):
        return False
    return "Fin" in root.morph.get("VerbForm", []) or any(
        c.dep_.startswith("aux") or c.dep_ == "cop" for c in root.children
    )


def _clause(root: Token) -> bool:
    """A fragment's root that has its own subject, copula or auxiliary: a clause, not a
    cut-off subject (``C'est un scandale``)."""
    return root.pos_ not in _NOMINAL or any(
        c.dep_ in _SUBJECTS or c.dep_ == "cop" or c.dep_.startswith("aux") for c in root.children
    )


def _starts_sentence(sent: Span) -> bool:
    """Whether the text itself starts a sentence there: the document's start, a line break or
    a final punctuation mark before it (not a cut of the parser's)."""
    first = sent[0]
    if first.i == 0:
        return True
    before = sent.doc[first.i - 1]
    return before.is_space or "\n" in before.whitespace_ or before.text in _FINAL


def rejoin_cut_subjects(doc: Doc) -> Doc:
    """Hang a verbless nominal fragment on the subjectless finite verb the parser cut it from.
    The parser may have cut the subject's own words into several fragments (``Nadia, 52 ans,
    aide | -soignante … | à Clermont | - | Ferrand | , ne décolère pas``): back to the one
    the text starts, whose root is the subject; the others hang on it."""
    if not doc.has_annotation("DEP"):
        return doc
    sents = list(doc.sents)
    repairs: list[tuple[Token, Token, list[Token]]] = []
    for k in range(1, len(sents)):
        sent = sents[k]
        if not _cut_after_comma(sent):
            continue
        verb = sent.root
        if not _finite_verb(verb) or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        j = k - 1
        while j > 0 and k - j < 6 and not _starts_sentence(sents[j]) and not _clause(sents[j].root):
            j -= 1
        if _clause(sents[j].root) or not _starts_sentence(sents[j]):
            continue
        if any(_clause(sents[m].root) for m in range(j + 1, k)):
            continue
        repairs.append((sents[j].root, verb, [sents[m].root for m in range(j + 1, k)]))
    names: list[tuple[Token, Token]] = []
    for k in range(1, len(sents)):
        if _cut_inside_name(sents[k - 1], sents[k]):
            names.append((sents[k - 1].root, sents[k][0]))
    for part, name in names:
        part.head = name
        part.dep_ = "flat:name"
    for subject, verb, rest in repairs:
        subject.head = verb
        subject.dep_ = "nsubj"
        for root in rest:
            root.head = subject
            root.dep_ = "appos" if root.pos_ in _NOMINAL else "dep"
    return doc


def _cut_inside_name(fragment: Span, sent: Span) -> bool:
    """The parser cut a name after its hyphenated given name (``Anicet-Georges | Dologuélé a
    dit``): the fragment before is only capitalised words and glued hyphens, and the sentence
    opens on a capitalised name word right after it, with no space break nor punctuation."""
    first = sent[0]
    before = sent.doc[first.i - 1]
    if not (first.pos_ == "PROPN" and first.text[:1].isupper() and before.text[:1].isupper()):
        return False
    if "\n" in before.whitespace_ or not any(t.text == "-" for t in fragment):
        return False
    return all(
        t.text == "-" and not t.whitespace_ or t.is_alpha and t.text[:1].isupper() for t in fragment
    )


#: punctuation that ends a sentence in the text
_FINAL = frozenset({".", "!", "?", "…", "»", "”", ":"})


Language.component("allegiance_fragment_subjects", func=rejoin_cut_subjects)
