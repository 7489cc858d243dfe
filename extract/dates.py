"""Dates in sentences, resolved against the document's date: explicit, relative and weekday expressions.

Our own rules around a small grammar, because general parsers invent dates in free text ("me", ages) and a
bare weekday depends on tense ("Wednesday" in a preview is the coming one).
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["resolve_date"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6, "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
             "dimanche": 6}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY = re.compile(
    rf"\b(?:(next|last|this|coming|this coming|ce|cette)\s+)?({'|'.join(_WEEKDAYS)})"
    rf"(?:\s+(prochain|dernier|passé|soir|matin))?\b", re.I)
_RELATIVE = {"yesterday": -1, "hier": -1, "today": 0, "tonight": 0, "this morning": 0, "aujourd'hui": 0,
             "aujourd’hui": 0, "ce matin": 0, "ce soir": 0, "tomorrow": 1, "demain": 1}
_RELATIVE_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in _RELATIVE) + r")\b", re.I)
_FUTURE = re.compile(r"\b(will|'ll|is set to|are set to|is expected to|are expected to|is scheduled|"
                     r"va|vont|sera|seront|doit|doivent)\b", re.I)
_FUTURE_REACH = 60  # a future marker counts when it stands shortly before the weekday, in the same clause


def resolve_date(sentence: str, reference: str | None) -> str | None:
    """The date a sentence speaks of, as `YYYY-MM-DD`, or None when it names none we can place.

    >>> resolve_date("Hamon and Valls on Sunday advanced to the second round", "2017-01-23")
    '2017-01-22'
    >>> resolve_date("They will face off next Sunday.", "2017-01-23")
    '2017-01-29'
    >>> resolve_date("le second tour du 29 janvier", "2017-01-23")
    '2017-01-29'
    """
    ref = _parse(reference)
    for finder in (_explicit, _relative, _weekday):
        found = finder(sentence, ref)
        if found is not None:
            return found.isoformat()
    return None


def _parse(value: str | None) -> dt.date | None:
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _explicit(sentence: str, ref: dt.date | None) -> dt.date | None:
    if m := _ISO.search(sentence):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        m = pattern.search(sentence)
        if m:
            year = int(m[3]) if m[3] else (ref.year if ref else None)
            if year is not None:
                return _safe(year, _MONTHS[m[month_group].lower()], int(m[day_group]))
    return None


def _relative(sentence: str, ref: dt.date | None) -> dt.date | None:
    m = _RELATIVE_RE.search(sentence)
    if m is None or ref is None:
        return None
    return ref + dt.timedelta(days=_RELATIVE[m[1].lower()])


def _weekday(sentence: str, ref: dt.date | None) -> dt.date | None:
    m = _WEEKDAY.search(sentence)
    if m is None or ref is None:
        return None
    target = _WEEKDAYS[m[2].lower()]
    before, after = (m[1] or "").lower(), (m[3] or "").lower()
    future = before in ("next", "coming", "this coming") or after == "prochain"
    past = before == "last" or after in ("dernier", "passé")
    if not (future or past):
        clause = re.split(r"[,;:]", sentence[max(0, m.start() - _FUTURE_REACH):m.start()])[-1]
        future = bool(_FUTURE.search(clause))
    if future:
        return ref + dt.timedelta(days=(target - ref.weekday()) % 7 or 7)
    return ref - dt.timedelta(days=(ref.weekday() - target) % 7)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
