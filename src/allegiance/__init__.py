"""Allegiance: who said what about whom, and who stands with whom.

The public API (pinned by ``tests/test_public_api.py``)::

    analyze(text_or_html, lang=None, published=None) -> Article
    analyze_path(path, lang=None, published=None) -> Article
    Article, Entity, Mention, Quote, Speaker, Target, Event, State, Amount, DateMention
    AllegianceError (and the tree in allegiance.errors)
"""

from allegiance.analysis import analyze, analyze_path
from allegiance.errors import AllegianceError
from allegiance.models import (
    Amount,
    Article,
    ArticleMeta,
    DateMention,
    Entity,
    Event,
    Mention,
    Quote,
    Speaker,
    State,
    Target,
)

__version__ = "0.1.0"

__all__ = [
    "AllegianceError",
    "Amount",
    "Article",
    "ArticleMeta",
    "DateMention",
    "Entity",
    "Event",
    "Mention",
    "Quote",
    "Speaker",
    "State",
    "Target",
    "__version__",
    "analyze",
    "analyze_path",
]
