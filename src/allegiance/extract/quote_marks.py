"""Find the stretches of text between quotation marks, tolerating the broken pairs of real text.

Works on characters only (no parse), on the normalised body (``normalize_for_nlp``): « » “ ” keep
their direction, ``"`` is undirected and ``'`` is both the apostrophe and the single quotation
mark. What it tolerates, because machine translation and scraping produce it:

* mixed pairs: ``«escroc”`` (« closed by ”), ``“ … »``;
* a closing mark with no opening mark: reported as ``orphan`` so the caller can look for the start
  (after ``qualifié de``, ``called``, or at the sentence start);
* quotes running across paragraphs (an opening mark at the start of each paragraph and a closing
  mark only at the end): each paragraph's piece is one :class:`MarkedSpan`, ``continued`` on the
  following ones;
* an opening mark never closed: the quote runs to the end of its paragraph (``unclosed``).

Only outermost quotes are reported: a quote inside a quote is part of the outer one's content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from allegiance.clean.normalize import broken_line

OPENERS = frozenset("«“")
CLOSERS = frozenset("»”")
_PARA = re.compile(r"\n\s*\n|\n(?=\s*[«“\"])")


#: opening quotation marks, as a token or a character (a straight quote may open too)
OPENING_MARKS = frozenset('«“"')


@dataclass(slots=True)
class MarkedSpan:
    """The content between two marks (``start``/``end`` exclude the marks themselves)."""

    start: int
    end: int
    open_mark: int | None  # offset of the opening mark, None for an orphan closing mark
    close_mark: int | None  # offset of the closing mark, None when unclosed
    continued: bool = False  # the paragraph continues a quote opened in an earlier paragraph
    orphan: bool = False  # a closing mark whose opening mark is missing
    unclosed: bool = False


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify_double(text: str, i: int, width: int = 1, para: tuple[int, int] = (0, 0)) -> str:
    """``"`` is undirected: decide from its neighbours whether it opens or closes."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isspace() or before in "([{-—/" or i == 0:
        # spaced on both sides (French typography, ``de " s'être retourné "``): by position,
        # when the paragraph has another straight mark and this one is no inch mark (``12 "``);
        # a spaced mark before a stop closes (``que vous ". "``), not before an ellipsis
        if after.isspace():
            spaced_pair = (
                before.isspace()
                and not (i > 1 and text[i - 2].isdigit())
                and text.count('"', *para) >= 2
            )
            return "either" if spaced_pair else "close"
        stop = after in ".,;:!?)]}" and text[i + width : i + width + 2] != ".."
        return "close" if stop and before.isspace() else "open"
    if after.isspace() or after in ".,;:!?)]}-" or i + width == len(text):
        return "close"
    return "either"


#: characters after which a mark opens a quote, whatever its shape
_BEFORE_OPENING = "([{-—/'«“\""
#: characters a closing mark is followed by
_AFTER_CLOSING = ",.;:!?)]}"


def _classify_curly(text: str, i: int, p_end: int) -> str:
    """“ and ” by their neighbours when the shape lies: machine translation and some keyboards
    write one English mark for both ends (``« Où ? “, demande-t-il``, ``“Non“, a-t-il dit``,
    ``”Oui”``). A mark that touches the word before it and not the one after it, or that only a
    comma or a period follows, closes; one after a space that touches the word after it opens."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < p_end else " "
    j = i + 1
    while j < p_end and text[j] in " \t":
        j += 1
    next_char = text[j] if j < p_end else "\n"
    if _is_word(before) and _is_word(after):
        return "either"  # ``insupportable“du RN …”perte``: glued on both sides, see _glued
    if text[i] == "“":
        if next_char in _AFTER_CLOSING or next_char == "\n":
            return "close"
        if not before.isspace() and before not in _BEFORE_OPENING and after.isspace():
            return "close"
        return "open"
    if (before.isspace() or i == 0 or before in _BEFORE_OPENING) and _is_word(after):
        return "open"
    return "close"


def _glued(text: str, i: int, p_end: int, shape: str) -> str:
    """A guillemet on the wrong side of its word: French sets « before a word and » after one,
    so ``responsabilité« en …`` (« glued to the word before, a space after) and ``… »le
    meilleur`` (» after a space, glued to the word after) are marks whose direction a machine
    translation lost, writing the English undirected ``"`` as alternating guillemets. They are
    read as ``either`` (the pairing closes one when a quote is open, opens one when none is),
    as a curly mark glued to words on both sides is."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < p_end else " "
    if shape == "open" and _is_word(before) and not _is_word(after):
        return "either"
    if shape == "close" and before.isspace() and _is_word(after):
        return "either"
    return shape


def _single_marks(text: str) -> list[tuple[int, str]]:
    """Single quotation marks, only where clearly at word boundaries: English, and French web
    text that writes ``'n'est pas bonne'`` for « n'est pas bonne ».

    An apostrophe has a letter on both sides (``don't``, ``l'Ukraine``, ``n'est``) or ends a
    plural possessive (``voters'``);
    an opening single quote follows a space or an opening double mark and precedes a letter.
    """
    marks: list[tuple[int, str]] = []
    for m in re.finditer("'", text):
        i = m.start()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = (before.isspace() or before in '(“"') and (after.isalpha() or after in "[(")
        closes = (before in ".,!?" or _is_word(before)) and (
            after.isspace() or after in '.,;:!?)”"'
        )
        # a stray space in an elision (``l 'association``, ``aujourd' hui``) makes no mark
        if opens and not _elided(text, i - 1):
            marks.append((i, "open"))
        elif closes and not opens and not _elided(text, i):
            marks.append((i, "close"))
    # keep only well-formed pairs within one paragraph and 300 characters; the rest are apostrophes
    paired: list[tuple[int, str]] = []
    pending: int | None = None
    for i, kind in marks:
        if kind == "open":
            pending = i
        elif pending is not None and i - pending < 300 and "\n" not in text[pending:i]:
            paired += [(pending, "open"), (i, "close")]
            pending = None
    return paired


#: the French words that elide before a vowel (``l'``, ``jusqu'``, ``aujourd'hui``)
_ELIDING = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
     "quelqu", "presqu", "aujourd"}
)  # fmt: skip
_WORD_END = re.compile(r"(\w+)\s*$")


def _elided(text: str, end: int) -> bool:
    """The word ending at ``end`` (spaces before ``end`` skipped) is a French eliding word."""
    found = _WORD_END.search(text, max(0, end - 12), end)
    return found is not None and found.group(1).lower() in _ELIDING


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by a blank line or a line break, but
    not by a single break inside a sentence."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n+", text):
        if broken_line(text, m.start(), m.end()):
            continue
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def find_marked_spans(text: str, *, single_quotes: bool = False) -> list[MarkedSpan]:
    """Every outermost quoted stretch of ``text`` (see the module docstring)."""
    spans: list[MarkedSpan] = []
    paras = paragraphs(text)
    carry_open = False  # the previous paragraph ended inside a quote
    for p_start, p_end in paras:
        marks: list[tuple[int, str]] = []
        i = p_start
        while i < p_end:
            ch = text[i]
            if ch in "“”":
                marks.append((i, _classify_curly(text, i, p_end)))
            elif ch in OPENERS:
                marks.append((i, _glued(text, i, p_end, "open")))
            elif ch in CLOSERS:
                marks.append((i, _glued(text, i, p_end, "close")))
            elif ch == '"':
                marks.append((i, _classify_double(text, i, para=(p_start, p_end))))
            elif ch == "'" and i + 1 < p_end and text[i + 1] == "'":
                # ``''`` (two apostrophes) is a double quotation mark in some archives (NYT)
                marks.append((i, _classify_double(text, i, width=2)))
                i += 1
            i += 1
        if single_quotes:
            marks += [(i + p_start, k) for i, k in _single_marks(text[p_start:p_end])]
            marks.sort()
        if not carry_open:
            marks = _unreverse_guillemets(text, marks)
        spans_here, carry_open = _pair(text, marks, p_start, p_end, carry_open)
        for span in spans_here:
            if span.open_mark is not None and text[span.open_mark : span.open_mark + 2] == "''":
                span.start += 1  # the content starts after both apostrophes
        spans += spans_here
    return spans


_SENTENCE_END = re.compile(r"[.!?]\s")


def _unreverse_guillemets(text: str, marks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Guillemets written backwards (``a dit » nous ne céderons pas «``, the German order or a
    keyboard slip): a paragraph whose guillemets only ever go ``»`` then ``«``, each pair within
    one sentence, quotes between them; read as they are they would make an orphan closing mark
    (a spurious fragment from the sentence start) and a quote running to the paragraph's end."""
    guillemets = [(i, k) for i, k in marks if text[i] in "«»"]
    if not guillemets or len(guillemets) % 2:
        return marks
    for n in range(0, len(guillemets), 2):
        (opener, _), (closer, _) = guillemets[n], guillemets[n + 1]
        if text[opener] != "»" or text[closer] != "«" or closer - opener < 3:
            return marks
        if _SENTENCE_END.search(text, opener, closer) or "\n" in text[opener:closer]:
            return marks
    flipped = {i: ("open" if text[i] == "»" else "close") for i, _ in guillemets}
    return [(i, flipped.get(i, k)) for i, k in marks]


def _pair(
    text: str, marks: list[tuple[int, str]], p_start: int, p_end: int, carry_open: bool
) -> tuple[list[MarkedSpan], bool]:
    """Pair the marks of one paragraph; returns the spans and whether the quote runs on."""
    spans: list[MarkedSpan] = []
    depth = 0
    open_at: int | None = None
    continued = False
    first_nonspace = p_start
    while first_nonspace < p_end and text[first_nonspace].isspace():
        first_nonspace += 1
    if carry_open and not (marks and marks[0][0] == first_nonspace and marks[0][1] != "close"):
        # the previous paragraph's quote had no closing mark and this one does not reopen it:
        # the previous quote simply ended with its paragraph
        carry_open = False
    for i, kind in marks:
        if kind == "either":
            kind = "close" if depth > 0 else "open"
        if kind == "open":
            if depth == 0:
                open_at = i
                continued = carry_open and i == first_nonspace
            depth += 1
        else:
            if depth == 0:
                spans.append(_orphan(text, i, p_start))
                continue
            depth -= 1
            if depth == 0 and open_at is not None:
                spans.append(MarkedSpan(open_at + 1, i, open_at, i, continued=continued))
                open_at = None
    if depth > 0 and open_at is not None:
        end = p_end
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        spans.append(
            MarkedSpan(open_at + 1, end, open_at, None, continued=continued, unclosed=True)
        )
        return spans, True
    return spans, False


def join_continued(spans: list[MarkedSpan]) -> list[MarkedSpan]:
    """One span for each quote running over paragraphs: a span left open at its paragraph's
    end and the ``continued`` pieces reopening the next paragraphs make one quote (the press
    convention: an opening mark at each paragraph start, one closing mark at the end). Its
    content runs from the first piece to the last, paragraph breaks and reopening marks
    included."""
    out: list[MarkedSpan] = []
    for span in spans:
        last = out[-1] if out else None
        if span.continued and last is not None and last.unclosed and last.open_mark is not None:
            out[-1] = MarkedSpan(
                last.start,
                span.end,
                last.open_mark,
                span.close_mark,
                continued=last.continued,
                unclosed=span.unclosed,
            )
        else:
            out.append(span)
    return out


_SENT_START = re.compile(r"[.!?»”]\s+(?=\S)|:\s*")


def _orphan(text: str, close: int, p_start: int) -> MarkedSpan:
    """A closing mark with no opening one: provisionally start at the sentence start.

    The caller (which has the parse and the cue lexicon) narrows the start to just after an
    attribution cue (``qualifié de``, ``called``) when there is one.
    """
    start = p_start
    for m in _SENT_START.finditer(text, p_start, close):
        if m.end() < close:
            start = m.end()
    return MarkedSpan(start, close, None, close, orphan=True)
