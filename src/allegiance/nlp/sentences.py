"""Sentence starts set before the parser runs: paragraph breaks, quoted lines, and the places
where no sentence may start (between two words, after a comma, around a glued hyphen, in the
incise after a quote's own exclamation). Split from :mod:`allegiance.nlp.components`, which
registers :func:`mark_paragraphs` as the ``allegiance_paragraphs`` component."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from allegiance.extract.quote_marks import OPENING_MARKS


def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first word after each blank line, and at a quotation mark opening
    a line (extracted articles put one paragraph per line: a quoted paragraph is never the end of
    the sentence before it), before the parser runs. In a hard-wrapped text a line break is only a
    line break: a mark opening a line starts a sentence only after a line that ended one."""
    wrapped: bool | None = None  # read from the whole text only when a line opens on a mark
    incise = _incises_after_closed_quotes(doc)
    # tokens that break a sentence's flow (punctuation, spaces, marks): read once per text
    # (a hyphen inside a compound word breaks nothing: "Anicet-Georges Dologuélé a dit")
    breaks = [
        (t.is_punct and not _inside_hyphenated_word(doc, t.i)) or t.is_space
        or t.text in OPENING_MARKS
        for t in doc
    ]  # fmt: skip
    starts: dict[int, bool] = {}  # token index -> starts a sentence (set once, at the end)
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if tok.i in incise or _inside_hyphenated_word(doc, tok.i):
            starts[tok.i] = False
            continue
        if before.text in {"«", "“"} and not tok.is_space:
            # ``… un tweet. « Il faut partir »``: the word after an opening mark never starts a
            # sentence of its own (the mark opens it); after a full stop the mark does
            starts[tok.i] = False
            if before.i > 0 and doc[before.i - 1].text in _QUOTE_FINAL:
                starts[before.i] = True
            continue
        if not tok.is_space and (_mid_sentence(doc, tok, breaks) or after_comma(doc, tok)):
            # ``Claire Maubert accuse Thomas Lenoir d'avoir …``: the parser cut before names
            # with no punctuation nor line break between: a sentence starts after one only
            starts[tok.i] = False
            continue
        if _after_spaced_stop(doc, tok):
            starts[tok.i] = True  # ``… a justifié la SDJ.    "Arnaud …``: spaces left by a scraper
            continue
        if tok.is_space or not before.is_space or "\n" not in before.text:
            continue
        quoted_line = tok.text[:1] in OPENING_MARKS
        if quoted_line and _line_goes_on(doc, tok.i - 1):
            if wrapped is None:
                wrapped = hard_wrapped(doc.text)
            quoted_line = not wrapped
        if "\n\n" in before.text or quoted_line:
            starts[tok.i] = True
        elif tok.is_title and _heading_line(doc, tok.i - 1):
            if wrapped is None:
                wrapped = hard_wrapped(doc.text)
            if not wrapped:  # ``Autres déclarations du Kremlin`` / ``La Russie avait …``
                starts[tok.i] = True
    if starts:
        # one write for the whole text: each ``is_sent_start`` assignment scans every token
        values = doc.to_array(["SENT_START"]).view("int64").reshape(-1, 1).copy()
        for i, start in starts.items():
            values[i, 0] = 1 if start else -1
        doc.from_array(["SENT_START"], values.view("uint64"))  # type: ignore[arg-type]
    return doc


def _after_spaced_stop(doc: Doc, tok: Token) -> bool:
    """``tok`` opens a sentence after a full stop and a run of spaces on the same line: the
    space token sits between the two sentences and the parser then joins them."""
    if tok.i < 2 or tok.is_space:
        return False
    space, stop = doc[tok.i - 1], doc[tok.i - 2]
    if stop.text == "." and stop.i > 0 and _abbreviation(doc[stop.i - 1]):
        return False  # ``Lt.  Col.  John Smith``, ``le Pr.  X``
    return (
        space.is_space
        and "\n" not in space.text
        and stop.text in {".", "!", "?", "…"}
        and (tok.text[:1] in OPENING_MARKS or tok.text[:1].isupper())
    )


def _abbreviation(word: Token) -> bool:
    """A title (``Lt``, ``Pr``, ``Mgr``) or an initial glued to its full stop."""
    from allegiance.extract.frames import ABBREVIATION

    return not word.whitespace_ and ABBREVIATION.fullmatch(word.text) is not None


def _mid_sentence(doc: Doc, tok: Token, breaks: list[bool]) -> bool:
    """No sentence can start at ``tok``: a word between two words (``accuse Thomas | Lenoir |
    d'avoir``), with no line break, punctuation or quotation mark near it. Around marks the
    parser is left to decide: scraped and machine-translated quotes break their marks
    (``“, il demande``), and its cut there is often the right one."""
    before = doc[tok.i - 1]
    if before.is_space or "\n" in before.whitespace_ or not (before.is_alpha and tok.is_alpha):
        return False
    return not any(breaks[max(0, tok.i - 3) : tok.i + 3])


def _inside_hyphenated_word(doc: Doc, i: int) -> bool:
    """Token ``i`` is a glued hyphen between two words or the word after it: a compound
    ("Anicet-Georges", "Saint-Brieuc") is one word, never cut into sentences. The tokenizer
    splits the hyphen off rare compounds and the parser may then start a sentence at each part
    (a hyphenated given name at a text's start was read as three one-word sentences)."""
    if doc[i].text == "-":
        hyphen = i
    elif i > 0 and doc[i - 1].text == "-":
        hyphen = i - 1
    else:
        return False
    return (
        0 < hyphen < len(doc) - 1
        and not doc[hyphen - 1].whitespace_
        and not doc[hyphen].whitespace_
        and doc[hyphen - 1].is_alpha
        and doc[hyphen + 1].is_alpha
        and not any(c.isupper() for c in doc[hyphen + 1].text[1:])  # "Contactez-nousEnvie"
    )


def after_comma(doc: Doc, tok: Token) -> bool:
    """No sentence starts on a comma nor on a lower-case word right after one (same line):
    ``Khalil al-Haya, haut responsable du Hamas, | a déclaré …``: the parser cuts such
    sentences after a long apposition, leaving the verb without its subject."""
    if tok.text in {",", ";", ")"}:
        return not doc[tok.i - 1].is_space
    before = doc[tok.i - 1]
    return before.text == "," and "\n" not in before.whitespace_ and tok.text[:1].islower()


def _incises_after_closed_quotes(doc: Doc) -> set[int]:
    """``« Quelle honte ! », a lancé X.``: the closing mark after a quote's own exclamation or
    question mark and the incise after it (up to the sentence's end) belong to the quote's
    sentence; the parser would start a new one at the mark or the comma."""
    inside: set[int] = set()
    for tok in doc[1:-1]:
        if tok.text not in {"»", "”"} or doc[tok.i - 1].text not in _EXCLAMATIONS:
            continue
        nxt = doc[tok.i + 1]
        if not (nxt.text == "," or nxt.text[:1].islower()):
            continue  # ``« … ! » Le lendemain, …``: a new sentence
        k = tok.i
        while k < len(doc) and k < tok.i + 14:
            word = doc[k]
            if k > tok.i and (word.text in _QUOTE_FINAL or "\n" in word.text or word.text in "«“"):
                break
            inside.add(k)
            k += 1
    return inside


#: punctuation that ends a quoted sentence inside its marks
_QUOTE_FINAL = frozenset({".", "!", "?", "…", "!?", "?!"})
#: the final punctuation after which the parser cuts before the closing mark (a full stop
#: before the mark is read well enough by the quote rules)
_EXCLAMATIONS = frozenset({"!", "?", "!?", "?!"})


#: the longest line a hard-wrapped text is cut at (e-mails and plain-text dispatches: 60-80)
_WRAP_WIDTH = 100


def hard_wrapped(text: str) -> bool:
    """The text is cut into short lines inside its paragraphs (a plain-text dispatch wrapped at a
    fixed width), not one paragraph per line: most lines followed by another are short and end
    mid-sentence."""
    lines = text.split("\n")
    inner = [
        line.rstrip()
        for line, nxt in zip(lines, lines[1:], strict=False)
        if line.strip() and nxt.strip()
    ]
    filled = sum(bool(line.strip()) for line in lines)
    if len(inner) < 4 or len(inner) < 0.6 * filled:  # a few short heading lines make no wrap
        return False
    short = sum(len(line) <= _WRAP_WIDTH for line in inner)
    going_on = sum(not line.endswith(_LINE_ENDS) for line in inner)
    return short >= 0.8 * len(inner) and going_on >= 0.5 * len(inner)


#: what ends a line that ends its sentence (or announces a quote)
_LINE_ENDS = (".", "!", "?", "…", ":", "»", "”", '"')


#: the most words a heading line has (``Autres déclarations du Kremlin``)
_HEADING_WORDS = 8


def _heading_line(doc: Doc, newline: int) -> bool:
    """The line before the line break at token ``newline`` is a short heading: a few words,
    no final punctuation nor comma, opening on a capital (a sub-heading of a web article, whose
    next line starts a sentence of its own however the parser would join them)."""
    k = newline - 1
    words: list[Token] = []
    while k >= 0 and not (doc[k].is_space and "\n" in doc[k].text):
        words.append(doc[k])
        k -= 1
    words.reverse()
    if not words or len(words) > _HEADING_WORDS or not words[0].text[:1].isupper():
        return False
    return not words[-1].text.endswith((*_LINE_ENDS, ",", ";", "-"))


def _line_goes_on(doc: Doc, newline: int) -> bool:
    """The line before the line break at token ``newline`` stops mid-sentence."""
    prev = next((t for t in reversed(doc[:newline]) if not t.is_space), None)
    return prev is not None and not prev.text.endswith(_LINE_ENDS)
