"""Where a quote's frame lies (the author's sentence around it), whether a token stands inside
quotation marks (:func:`quoted`), and small word-form helpers.

Kept apart from :mod:`allegiance.extract.attribution`, which reads the frame for a cue and a
speaker; the sentence ends are read on the text because the parser splits quoted text badly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from allegiance.extract.quote_marks import CLOSERS, find_marked_spans

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import MentionRef, QuoteContext

#: a sentence end, also one closed by a quotation mark (``… la différence.» Ivan abonde :``)
_TERMINATOR = re.compile(r"[.!?][»”\"]?(?=\s)|\n")
#: a period after these (or after a lone capital, an initial) does not end the sentence:
#: ``Mr. Podesta said``, ``Leonard E. Burman said``, ``a déclaré M. Dupont``
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|St|Mt|Ft|No|Vol|"
    r"Mme|Mmes|Mlle|Mlles|MM|Me|Pr|Dr|Mgr|cf|etc)|(?<![\w.])[A-Z])$"
)


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    if m.group()[:1] != ".":
        return True
    return ABBREVIATION.search(text, max(0, m.start() - 6), m.start()) is None


def _terminators(text: str, start: int, end: int):  # type: ignore[no-untyped-def]
    return (m for m in _TERMINATOR.finditer(text, start, end) if _ends_sentence(text, m))


_IRREGULAR = {
    "dit": "dire",
    "écrit": "écrire",
    "dis": "dire",
    "disent": "dire",
    "fait": "faire",
    # the present of ``démentir``, which the tagger reads as the adjective ``dément`` (mad)
    "dément": "démentir",
}


def lemma_guesses(form: str) -> list[str]:
    """Infinitives a French verb form may come from (``indique`` -> ``indiquer``)."""
    return list(_guesses(form))  # a fresh list: callers may keep or change it


@lru_cache(maxsize=65536)  # a pure function of the form, asked for every token several times
def _guesses(form: str) -> tuple[str, ...]:
    if form in _IRREGULAR:
        return (_IRREGULAR[form],)
    out: list[str] = []
    for stem in _stems(form):
        out += _by_ending(stem)
    return tuple(dict.fromkeys(out))


def _stems(form: str) -> list[str]:
    """``form`` and its spellings before a French stem change: a doubled consonant (``rappelle``
    from ``rappeler``, ``jette``), a grave accent (``martèle`` from ``marteler``, ``répète``
    from ``répéter``, ``s'inquiète``), an ``i`` for ``y`` before a mute e (``appuie`` from
    ``appuyer``, ``envoie``)."""
    stems = [form]
    for doubled in ("ell", "ett"):
        k = form.rfind(doubled)
        if k > 0 and form[k + 3 :] in ("e", "es", "ent"):
            stems.append(form[: k + 2] + form[k + 3 :])
    k = form.rfind("è")
    if k > 0:
        stems += [form[:k] + "é" + form[k + 1 :], form[:k] + "e" + form[k + 1 :]]
    for vowel in ("ui", "oi", "ai"):  # y before a mute e: appuie (appuyer), envoie, essaie
        k = form.rfind(vowel)
        if k > 0 and form[k + 2 :] in ("e", "es", "ent"):
            stems.append(form[: k + 1] + "y" + form[k + 2 :])
    return stems


def _by_ending(form: str) -> list[str]:
    out = []
    for ending, repl in (
        ("ent", "er"),
        ("es", "er"),
        ("ée", "er"),
        ("és", "er"),
        ("é", "er"),
        ("ait", "er"),
        ("a", "er"),
        ("e", "er"),
        ("it", "ir"),
        ("it", "re"),
    ):
        if form.endswith(ending) and len(form) > len(ending) + 2:
            out.append(form[: len(form) - len(ending)] + repl)
    return out


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the line holding ``text[start:end]`` (line breaks excluded)."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end == -1 else line_end


def in_bracketed_list(ctx: QuoteContext, pos: int) -> bool:
    """Offset ``pos`` lies in brackets that list bodies and nothing else: two or more names of
    organisations joined by commas and ``et`` (``l'intersyndicale (CFE-CGC, CFDT, CGT et
    FO)``); not a name with a descriptor (``(Renault, deuxième groupe français)``, ``(LR,
    ex-UMP)``) nor one name holding ``et`` (``(Caisse des dépôts et consignations)``)."""
    text = ctx.text
    opened = text.rfind("(", 0, pos)
    if opened < 0 or text.rfind(")", 0, pos) > opened:
        return False
    closed = text.find(")", pos)
    if closed < 0 or closed - opened > _LIST_MAX:
        return False
    refs = [r for r in ctx.mentions_in(opened + 1, closed) if r.entity.type == "organization"]
    if len(refs) < 2:
        return False
    rest, last = [], opened + 1
    for r in refs:
        rest.append(text[last : r.start])
        last = r.end
    rest.append(text[last:closed])
    return all(_LIST_GLUE.fullmatch(part) for part in rest)


#: the longest bracketed list of members read as such, in characters
_LIST_MAX = 200
#: what may stand between the names of a bracketed list: commas, conjunctions, articles,
#: ``notamment``, ``dont``, ``etc.``
_LIST_GLUE = re.compile(
    r"(?:[\s,.]|\bet\b|\bou\b|&|\bainsi que\b|\bnotamment\b|\bdont\b|\betc\b"
    r"|\bl['’]|\bla\b|\ble\b|\bles\b)*",
    re.IGNORECASE,
)


def line_goes_on(text: str, line_start: int, line_end: int) -> bool:
    """The line ``text[line_start:line_end]`` is part of a sentence broken over lines: the next
    line, after a single break, opens with a lower-case word or a comma (``« prévu … »\n, avant``,
    ``« d'autres points de chute »\npar la suite``), or the line above ends on a word that
    cannot close a phrase (``Il parle d'une\n« trahison »``). A lower-case word ending the line
    above says nothing by itself: headlines and captions end so."""
    below = text[line_end + 1 : line_end + 2]
    single = text[line_end : line_end + 1] == "\n" and text[line_end + 1 : line_end + 2] != "\n"
    if single and (below.islower() or below in {",", ";"}):
        return True
    if line_start < 2 or text[line_start - 2] == "\n":
        return False  # after a blank line
    above = text[max(0, line_start - 20) : line_start - 1].rstrip(" ").lower()
    last = re.split(r"[\s]+", above)[-1] if above else ""
    return above.endswith(("'", "’", ",")) or last in _OPEN_ENDS


#: words that leave a phrase open at the end of a line: articles, prepositions, conjunctions
_OPEN_ENDS = frozenset(
    {"de", "du", "des", "d'une", "d'un", "le", "la", "les", "à", "au", "aux", "en", "par", "pour",
     "sur", "avec", "sans", "dans", "chez", "que", "et", "ou", "son", "sa", "ses", "leur", "leurs",
     "ce", "cette", "ces", "d’une", "d’un"}
)  # fmt: skip


def stands_apart(text: str, line_start: int, line_end: int) -> bool:
    """The line has a blank line (or the text's edge) above and below it."""
    above = line_start == 0 or text[max(0, line_start - 2) : line_start] == "\n\n"
    below = line_end >= len(text) or text[line_end : line_end + 2] == "\n\n"
    return above and below


#: the longest line read as a headline or a sub-heading, in characters
HEADING_MAX = 220


def heading_line(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` stands in a short line with no sentence end (a headline, a
    sub-heading, a live blog's entry title; a first line that is a lead paragraph does not
    qualify), closing quotation marks aside; not in a question (``Le vaccin provoque-t-il des
    « arrêts cardiaques » ?`` puts a claim to the test, it does not report it)."""
    line_start, line_end = line_bounds(text, start, end)
    line = text[line_start:line_end].rstrip(' \t»”"')
    return 0 < len(line) <= HEADING_MAX and line[-1:] not in {".", "!", "…", ":", ";", "?"}


def frame(ctx: QuoteContext, start: int, end: int) -> tuple[int, int]:
    """The author's words around a quote: back to the previous sentence end, on to the next."""
    text = ctx.text
    line_start = text.rfind("\n", 0, start) + 1
    f_start = line_start
    for m in _terminators(text, line_start, max(line_start, start)):
        if m.end() > start:
            break
        f_start = m.end()
    m2 = next(_terminators(text, end + 1, len(text)), None)
    f_end = m2.end() if m2 else len(text)
    nl = text.find("\n", end)
    if nl != -1:
        f_end = min(f_end, nl)
    return f_start, f_end


def source_noun(cue: Token) -> Token:
    """The noun a French ``selon`` or ``d'après`` introduces: ``selon`` is its case; ``après``
    is fixed to the ``d'`` that is (``d'`` <- ``après``)."""
    return cue.head.head if cue.dep_ == "fixed" else cue.head


def tokens_between(ctx: QuoteContext, start: int, end: int) -> list[Token]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


def tops_of(tokens: list[Token]) -> list[Token]:
    """The words of ``tokens`` whose head lies outside them (punctuation left out): where a
    marked fragment hangs on the sentence."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if not t.is_punct and t.head.i not in inside]


#: verbs of keeping silent: ``a refusé de commenter``, ``a décliné``, ``declined to comment``
_REFUSING = frozenset({"refuser", "décliner", "refuse", "decline"})
#: negation adverbs hanging on a verb (``n'a pas souhaité répondre``)
_NEGATIONS = frozenset({"pas", "jamais", "guère", "not", "n't", "never"})


def kept_silent(tok: Token) -> bool:
    """``X a refusé de commenter``, ``X n'a pas souhaité répondre``, ``X declined to comment``:
    a speech verb (or the verb it hangs on) saying that its subject did not speak, so the
    sentence introduces no quote of theirs."""
    for _ in range(3):
        if tok.lemma_.lower() in _REFUSING or any(
            c.dep_ in {"advmod", "neg"} and c.lower_ in _NEGATIONS for c in tok.children
        ):
            return True
        if tok.dep_ not in {"xcomp", "ccomp"} or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def quoted(ctx: QuoteContext, tok: Token) -> bool:
    """Whether ``tok`` stands inside quotation marks (in the quoted words, not the author's)."""
    para = ctx.text[ctx.text.rfind("\n", 0, tok.idx) + 1 : tok.idx]
    if para.count("«") + para.count("“") > para.count("»") + para.count("”"):
        return True
    return _in_straight_marks(ctx, tok.idx)


def quoted_before(ctx: QuoteContext, ref: MentionRef, pos: int) -> bool:
    """A name inside quotation marks, seen from a pronoun in the author's words after them:
    the quoted speaker talks about that person (``« … MM. X et Y … », a-t-il précisé``),
    who is not the pronoun's antecedent."""
    tok, pron = ctx.token_at(ref.start), ctx.token_at(pos)
    return tok is not None and pron is not None and quoted(ctx, tok) and not quoted(ctx, pron)


def _in_straight_marks(ctx: QuoteContext, pos: int) -> bool:
    """Web copy often writes straight marks, which open and close alike: whether ``pos`` lies
    between two that :func:`~allegiance.extract.quote_marks.find_marked_spans` pairs (a mark
    against the word after it opens, one spaced on both sides pairs by position: ``de " s'être
    retourné "``), or after a last one that opens an unclosed quote."""
    spans = ctx.straight_spans
    if spans is None:
        text = ctx.text
        spans = [
            (m.start, m.end)
            for m in find_marked_spans(text)
            if m.open_mark is not None and text[m.open_mark] == '"'
        ]
        ctx.straight_spans = spans
    return any(start <= pos < end for start, end in spans)


def finite_auxiliary(verb: Token, after: int = -1) -> bool:
    """The verb has a finite auxiliary before it, after token ``after`` (a compound tense:
    ``a condamné``)."""
    return any(
        c.dep_.startswith("aux") and after < c.i < verb.i and "Fin" in c.morph.get("VerbForm", [])
        for c in verb.children
    )


def misread_name(tok: Token) -> bool:
    """A name's first word that the tagger read as a modifier (an adverb or an adjective, as
    ``Macron`` in ``Le porte-parole du gouvernement tacle Macron``): the parse around it is
    broken, and the word before is likely a verb it misread, so the name is no apposition."""
    return tok.pos_ in {"ADV", "ADJ"} and tok.text[:1].isupper()


#: endings of French past participles (``dénoncé``, ``dit``, ``pris``, ``émue``, ``ouvert``,
#: ``craint``, ``conduit``, ``mû``)
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "ise", "ises", "u", "ue",
                       "us", "ues", "û", "it", "ite", "its", "ites", "ert", "erte", "erts",
                       "ertes", "int", "inte", "ints", "intes", "os", "ose")  # fmt: skip
#: endings of conjugated forms that share a participle's last letters (``disait``, ``disent``)
_FINITE_ENDINGS = ("ait", "aient", "ent", "ons", "ez")


def participle_form(tok: Token) -> bool:
    """Whether a French word can be a past participle by its ending (the tagger reads
    ``lance`` in ``l'avocat lance : « … »`` as one; ``ajoute``, ``insiste``, ``disait`` cannot
    be one); any English word can. Some forms are both (``dit``, ``sourit``)."""
    low = tok.lower_
    if tok.lang_ != "fr":
        return True
    return low.endswith(_PARTICIPLE_ENDINGS) and not low.endswith(_FINITE_ENDINGS)


#: marks that close a quote before an incise (``« … », a indiqué X``)
_CLOSING_BEFORE_INCISE = CLOSERS | {'"'}


def incise_position(verb: Token, *, strict: bool = False) -> bool:
    """``verb`` opens an incise that inverts its subject after it (``« … », a indiqué jeudi la
    gendarmerie``, ``…, a confirmé son président X``): a finite verb or a compound tense (not
    ``accusant``, not an infinitive), not coordinated, right after a comma or a closing mark
    over its auxiliaries, and with no subject of its own before it, unless that subject is
    the quote closed right before the comma. ``strict``: not after a clause whose subject is
    a name or a pronoun either (it may be that actor's next verb)."""
    doc = verb.doc
    finite = "Fin" in verb.morph.get("VerbForm", []) or any(
        c.dep_.startswith("aux") for c in verb.children
    )
    if not finite or verb.lower_.endswith("ant"):
        return False
    if (
        strict
        and verb.dep_ in {"conj", "parataxis"}
        and any(
            c.dep_.startswith("nsubj") and c.pos_ in {"PROPN", "PRON"} for c in verb.head.children
        )
    ):
        return False  # ``X a ouvert la séance, a salué Y``: maybe X's second verb, Y its object
    k = verb.i - 1
    while k >= 0 and doc[k].pos_ == "AUX":
        k -= 1
    if k >= 1 and doc[k].lower_ in {"le", "l'", "l’"} and doc[k - 1].lower_ == "comme":
        return True  # ``comme le précise la gendarmerie``, ``comme l'a indiqué X``
    if k < 0 or (doc[k].text != "," and doc[k].text not in _CLOSING_BEFORE_INCISE):
        return False
    after_quote = doc[k].text in _CLOSING_BEFORE_INCISE or (
        k > 0 and doc[k - 1].text in _CLOSING_BEFORE_INCISE
    )
    # a subject with no finite verb of its own before the comma (``Les voisins, alertés par
    # des cris, ont appelé``); ``Le concert est annulé, a annoncé X`` reports its clause
    own_subject = any(
        c.dep_.startswith("nsubj")
        and c.i < verb.i
        and not any(
            "Fin" in t.morph.get("VerbForm", [])
            and not (c.left_edge.i <= t.i <= c.right_edge.i)  # ``Les voisins, qui avaient …,``
            for t in doc[c.i + 1 : k]
        )
        for c in verb.children
    )
    return after_quote or not own_subject
