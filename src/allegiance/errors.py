"""The one exception tree of Allegiance.

Every error the library raises on purpose derives from :class:`AllegianceError`, so a shell
(CLI, API) catches one class and prints one clean line::

    AllegianceError                 base; has .code and .path (the input concerned, if any)
    ├── InputError                  the input cannot be read as an article
    │   ├── MissingInputError       the path does not exist
    │   ├── EmptyInputError         nothing left to analyse (empty file, empty body)
    │   ├── BinaryInputError        the bytes are not text (NUL bytes, an image, an archive)
    │   ├── DecodingError           the bytes decode in no supported encoding
    │   ├── InputTooLargeError      over the configured size limit
    │   └── UnsupportedLanguageError  the article is not French or English
    ├── ConfigError                 bad option or setting (a date that does not parse, an unknown format)
    ├── KnowledgeBaseError          a knowledge-base file is malformed
    ├── GoldFormatError             a gold file is not valid ``allegiance-gold/1`` or brat standoff
    ├── ModelError                  a spaCy pipeline is missing or broken
    └── StoreError                  the database cannot be opened, migrated or written
        └── NotFoundError           an article or entity asked for is not stored

Codes are stable (``E0xx``) so users can search for them in the docs.
"""

from __future__ import annotations

from pathlib import Path


class AllegianceError(Exception):
    """Base class of every error Allegiance raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message} [{self.code}]"


class InputError(AllegianceError):
    code = "E010"


class MissingInputError(InputError):
    code = "E011"


class EmptyInputError(InputError):
    code = "E012"


class BinaryInputError(InputError):
    code = "E013"


class DecodingError(InputError):
    code = "E014"


class InputTooLargeError(InputError):
    code = "E015"


class UnsupportedLanguageError(InputError):
    code = "E016"


class ConfigError(AllegianceError):
    code = "E020"


class KnowledgeBaseError(AllegianceError):
    code = "E030"


class GoldFormatError(AllegianceError):
    code = "E040"


class ModelError(AllegianceError):
    code = "E050"


class StoreError(AllegianceError):
    code = "E060"


class NotFoundError(StoreError):
    code = "E061"


__all__ = [
    "AllegianceError",
    "BinaryInputError",
    "ConfigError",
    "DecodingError",
    "EmptyInputError",
    "GoldFormatError",
    "InputError",
    "InputTooLargeError",
    "KnowledgeBaseError",
    "MissingInputError",
    "ModelError",
    "NotFoundError",
    "StoreError",
    "UnsupportedLanguageError",
]
