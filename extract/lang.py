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
_SHORT = 120  # below this many characters, the slower high-accuracy models decide


@functools.lru_cache(maxsize=2)
def _detector(high_accuracy: bool) -> LanguageDetector:
    """Trigram models (low-accuracy mode: loaded in milliseconds, not the 6 s of all n-gram models) for texts
    of a paragraph or more, where lingua documents both modes agree; the full models only for short texts."""
    builder = LanguageDetectorBuilder.from_languages(*_CANDIDATES)
    return (builder if high_accuracy else builder.with_low_accuracy_mode()).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (lower case), or None when it cannot tell.

    >>> detect_language("Les deux compétiteurs se sont brièvement serré la main face aux médias.")
    'fr'
    """
    sample = text[:_SAMPLE_CHARS]
    language = _detector(len(sample.strip()) < _SHORT).detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None
