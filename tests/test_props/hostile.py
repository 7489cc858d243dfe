"""Shared hypothesis settings and strategies for hostile text (imported by the property tests beside it)."""

from __future__ import annotations

import os
import re
import unicodedata

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# No example database in the repository, no wall-clock deadline (the readers load lingua once, builds do I/O).
# EG_HYPOTHESIS_EXAMPLES=2000 explores further (the default keeps the whole directory well under a minute).
EXAMPLES = int(os.environ.get("EG_HYPOTHESIS_EXAMPLES", "60"))
FAST = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Characters that break IRIs, Turtle, N-Triples, JSON, markdown or HTML when they leak through unescaped.
FRAGMENTS = (
    '"', "'", '"""', "'''", "\\", "\\n", "\\u0022", "> <http://x>", "<", ">", "{", "}", "|", "^", "`", " ",
    "\t", "\x00", "\x01", "\x1b[31m", "\x7f", "\u00a0", "\u200b", "\ufeff", "\ufffd", "\u2028", "@en",
    "^^<x>", "#", "_:b0", " .", ";", ",", "**", "__", "[", "](", ")", "&amp;", "&#x3c;",
    "<script>alert(1)</script>",
    "é", "e\u0301", "Mélenchon", "ß", "Œ", "ﬁ", "Путин", "中国", "ا", "😀", "\U0010fffd", "%", "%zz", "%20",
    "http://x.org/a b", "javascript:alert(1)", "\r", "\n", "\r\n",
)
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

hostile_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=8).map("".join)
"""Any text, with a strong bias towards the characters that break serialisations."""

one_line = hostile_text.map(lambda s: re.sub(f"[{LINE_BREAKS}]", " ", s))
"""Hostile text on one line (no character `str.splitlines` or ftfy treats as a line break)."""

word = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,11}", fullmatch=True)
"""A plain ASCII word: what must survive any markup or hostile characters around it."""

hostile_words = st.tuples(
    st.lists(word, min_size=1, max_size=8),
    st.lists(st.sampled_from([" ", " ** ", " `", ' "', "' ", " > <http://x> ", " | ", " \x00", "\x7f ", " é ",
                              " 😀 ", "\t", " [", "] ", " «", "» ", " \u00a0", " 中国 ", " \\ "]),
             min_size=8, max_size=8),
).map(lambda ws: "".join(w + sep for w, sep in zip(ws[0], ws[1])).strip())
"""Plain words separated by hostile characters: every word must come through (see `words_of`)."""


def words_of(text: str) -> list[str]:
    """The plain ASCII words of a text, as they survive repair: `e` + U+0301 is `é` (NFC), not a word `e`;
    a terminal escape (`\\x1b[31m`) or an HTML entity (`&amp;`) is markup, not words."""
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]|&#?\w+;", " ", unicodedata.normalize("NFC", text))
    return re.findall(r"[A-Za-z][A-Za-z0-9]*", text)


# Date strings shaped like the readers' date patterns, many of them invalid (month 13, day 45, year 0042).
day_string = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.builds(lambda y, m, d, pad: f"{y:04d}-{m:02d}-{d:02d}" if pad else f"{y:04d}-{m}-{d}",
              st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99), st.booleans()),
)
month_string = st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(0, 9999), st.integers(0, 19))
date_string = st.one_of(day_string, month_string)
