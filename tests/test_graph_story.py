"""An invented story in five short articles, stored by hand for the graph tests.

January 2025: Musk criticises Altman (two outlets report the same criticism: one fact, support 2)
and praises Trump; Trump praises Altman over "Stargate". February 2025: Musk accuses Trump and
sues Altman; Trump answers with a quote against Musk that the extractor also made an event of
(the quote must not count twice). A RIVAL_OF state ties Musk and Altman.

Every sentence is made up for these tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from allegiance.models import Event, Quote, Speaker, State, Target
from allegiance.store import Store
from store_fixtures import analysis, entity, span

PEOPLE = {
    "elon-musk": ("Elon Musk", ("Elon Musk", "Musk")),
    "sam-altman": ("Sam Altman", ("Sam Altman", "Altman")),
    "donald-trump": ("Donald Trump", ("Donald Trump", "Trump")),
}


def _entities(body: str) -> list[Any]:
    out = []
    for kb_id, (name, forms) in PEOPLE.items():
        if any(form in body for form in forms):
            out.append(entity(body, kb_id, name, forms=forms, kb=True))
    return out


def _event(
    body: str, type_: str, weight: float, src: str, tgt: str, text: str, when: str, **kw: Any
) -> Event:
    return Event(
        type_,
        weight,
        [src],
        [tgt],
        span(body, text),
        date=when,
        granularity="day",
        confidence=kw.pop("confidence", 0.8),
        **kw,
    )


def articles() -> list[tuple[str, dict[str, Any]]]:
    """(content hash, analysis) for each article of the story, in publication order."""
    out = []

    body = (
        "Elon Musk a critiqué Sam Altman lundi devant des investisseurs. "
        "Le même jour, Elon Musk a salué Donald Trump pour sa victoire."
    )
    out.append(
        (
            "a1",
            analysis(
                body,
                _entities(body),
                title="Musk s'en prend à Altman",
                url="https://journal-a.example/musk-altman",
                source="Journal A",
                published=date(2025, 1, 10),
                events=[
                    _event(
                        body,
                        "CRITICIZE",
                        -0.6,
                        "elon-musk",
                        "sam-altman",
                        "Elon Musk a critiqué Sam Altman",
                        "2025-01-06",
                    ),
                    _event(
                        body,
                        "PRAISE",
                        0.6,
                        "elon-musk",
                        "donald-trump",
                        "Elon Musk a salué Donald Trump",
                        "2025-01-06",
                    ),
                ],
            ),
        )
    )

    body = (
        "Elon Musk a critiqué Sam Altman lundi, selon plusieurs témoins. "
        "« Altman ne tient jamais parole », a déclaré Musk."
    )
    quoted = span(body, "Altman ne tient jamais parole")
    out.append(
        (
            "a2",
            analysis(
                body,
                _entities(body),
                title="Nouvelle charge de Musk",
                url="https://journal-b.example/charge",
                source="Journal B",
                published=date(2025, 1, 12),
                events=[
                    _event(
                        body,
                        "CRITICIZE",
                        -0.6,
                        "elon-musk",
                        "sam-altman",
                        "Elon Musk a critiqué Sam Altman",
                        "2025-01-06",
                    ),
                ],
                quotes=[
                    Quote(
                        quoted.text,
                        quoted.start,
                        quoted.end,
                        "direct",
                        cue=span(body, "a déclaré"),
                        speaker=Speaker("elon-musk", "Elon Musk", span(body, "Musk", 1)),
                        about=[Target("sam-altman", -1)],
                        confidence=0.9,
                    )
                ],
            ),
        )
    )

    body = (
        "Donald Trump a salué Sam Altman pour le projet Stargate. "
        "Elon Musk, rival de Sam Altman, n'était pas invité."
    )
    out.append(
        (
            "a3",
            analysis(
                body,
                _entities(body),
                title="Stargate à la Maison Blanche",
                url="https://journal-c.example/stargate",
                source="Journal C",
                published=date(2025, 1, 22),
                events=[
                    _event(
                        body,
                        "PRAISE",
                        0.6,
                        "donald-trump",
                        "sam-altman",
                        "Donald Trump a salué Sam Altman",
                        "2025-01-21",
                    ),
                ],
                states=[
                    State(
                        "RIVAL_OF",
                        -1,
                        "elon-musk",
                        "sam-altman",
                        span(body, "Elon Musk, rival de Sam Altman"),
                        0.8,
                    ),
                ],
            ),
        )
    )

    body = (
        "Elon Musk a accusé Donald Trump de trahison vendredi. "
        "Elon Musk a aussi poursuivi Sam Altman en justice."
    )
    out.append(
        (
            "a4",
            analysis(
                body,
                _entities(body),
                title="Musk contre tous",
                url="https://journal-a.example/contre-tous",
                source="Journal A",
                published=date(2025, 2, 15),
                events=[
                    _event(
                        body,
                        "ACCUSE",
                        -0.7,
                        "elon-musk",
                        "donald-trump",
                        "Elon Musk a accusé Donald Trump",
                        "2025-02-14",
                    ),
                    _event(
                        body,
                        "SUE",
                        -0.8,
                        "elon-musk",
                        "sam-altman",
                        "Elon Musk a aussi poursuivi Sam Altman",
                        "2025-02-10",
                    ),
                ],
            ),
        )
    )

    body = "« Musk a perdu la tête », a répondu Donald Trump samedi."
    quoted = span(body, "Musk a perdu la tête")
    out.append(
        (
            "a5",
            analysis(
                body,
                _entities(body),
                title="La réplique de Trump",
                url="https://journal-d.example/replique",
                source="Journal D",
                published=date(2025, 2, 16),
                quotes=[
                    Quote(
                        quoted.text,
                        quoted.start,
                        quoted.end,
                        "direct",
                        cue=span(body, "a répondu"),
                        speaker=Speaker("donald-trump", "Donald Trump", span(body, "Donald Trump")),
                        about=[Target("elon-musk", -1)],
                        confidence=0.9,
                    )
                ],
                events=[
                    _event(
                        body,
                        "CRITICIZE",
                        -0.6,
                        "donald-trump",
                        "elon-musk",
                        "Musk a perdu la tête",
                        "2025-02-15",
                        quote=0,
                        confidence=0.76,
                    ),
                ],
            ),
        )
    )
    return out


def save_story(store: Store) -> dict[str, int]:
    """Store the story; return the content hash → article id map."""
    return {h: store.save_analysis(data, content_hash=h) for h, data in articles()}
