"""Offline language detection (lingua), limited to a set of languages so it loads fast and stays small.

More languages than the two we extract are included on purpose: a German or Chinese document must be
recognised as unsupported rather than misread as English.
"""

from __future__ import annotations

import functools

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

__all__ = ["detect_language", "SUPPORTED"]

SUPPORTED = ("en", "fr")
_CANDIDATES = (
    Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
    Language.PORTUGUESE, Language.DUTCH, Language.POLISH, Language.RUSSIAN, Language.ARABIC,
    Language.CHINESE, Language.JAPANESE, Language.TURKISH, Language.GREEK,
)
_SAMPLE_CHARS = 3000


@functools.lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).with_preloaded_language_models().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (lower case), or None when it cannot tell.

    >>> detect_language("Les deux compétiteurs se sont brièvement serré la main face aux médias.")
    'fr'
    """
    language = _detector().detect_language_of(text[:_SAMPLE_CHARS])
    return language.iso_code_639_1.name.lower() if language is not None else None
