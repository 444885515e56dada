"""Persistent storage of analyses: SQLite by default, PostgreSQL for larger collections.

from allegiance.store import open_store
with open_store("news.sqlite") as store:
    article_id = store.save_analysis(article.as_dict(), content_hash=h, signature=s, lemmas=l)
    hits = store.search("négociation", lang="fr")
"""

from allegiance.store.repository import EntityRecord, Store, open_store
from allegiance.store.resolver import EntityResolver
from allegiance.store.search import SearchHit

__all__ = ["EntityRecord", "EntityResolver", "SearchHit", "Store", "open_store"]
