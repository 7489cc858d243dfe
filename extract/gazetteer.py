"""The election gazetteer: a JSON Lines data file users can extend (`--gazetteer FILE`), validated on load.

Each entry becomes entity-ruler patterns (its name, aliases, accent-free and mojibake forms and, for a
person, the bare surname) whose pattern `id` is the entity id, so `ent.ent_id_` gives the canonical entity.

Three files are bundled: `persons.jsonl` (political figures of the world, 2010–2020), `gazetteer.jsonl` (the
elections, parties and candidates the project started from) and `parties.jsonl` (parties of about a hundred
countries). A person's bare surname names them unless the entry says `"surname_alone": false` (a surname that
is a word or another person's: `May`, `Johnson`). An entry's `local_aliases` name it only in a document
about its `country` (acronyms such as `PD` or `DA`, a generic name such as `Labour Party` for Norway's): their
patterns carry the id `LOCAL_PREFIX + type`, and resolution picks the entry of the document's country or,
failing that, an entry that has the form as a plain alias; else the mention is an ordinary organisation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from extract.countries import demonym_of_code
from extract.errors import GazetteerError
from extract.ids import entity_id
from extract.names import keys, skeleton, strip_accents
from extract.records import EntityType

__all__ = ["GazetteerEntry", "Gazetteer", "load_gazetteer", "default_gazetteer_paths", "LOCAL_PREFIX"]

_FIELDS = {"name", "type", "aliases", "local_aliases", "roles", "surname", "surname_alone", "country"}
LOCAL_PREFIX = "?local:"  # the ruler id of a form that names an entry only in a document about its country
_ROLES = {"candidate"}


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    surname: str | None = None
    country: str | None = None
    local_aliases: tuple[str, ...] = ()
    surname_alone: bool = True  # False: the surname alone is a word or another person's (`May`, `Johnson`)

    @property
    def id(self) -> str:
        return entity_id(self.type, self.name)

    def surface_forms(self) -> tuple[str, ...]:
        """Name and aliases, each with its accent-free and mojibake forms, in a stable order."""
        return _variants((self.name, *self.aliases))

    def local_forms(self) -> tuple[str, ...]:
        """The local aliases with their accent-free and mojibake forms."""
        return _variants(self.local_aliases)

    def surname_forms(self) -> tuple[str, ...]:
        if self.type is not EntityType.PERSON or not self.surname_alone:
            return ()
        surname = self.surname or (self.name.split(" ", 1)[1] if " " in self.name else "")
        if not surname or surname == self.name:
            return ()
        # a mangled variant of a short surname is a word (`As` from `Asō`): only the surname itself then
        return tuple(dict.fromkeys(v for v in (surname, strip_accents(surname), skeleton(surname))
                                   if v and (v == surname or len(v) >= 4)))


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[GazetteerEntry, ...]
    fingerprint: str

    def patterns(self) -> list[dict]:
        """Entity-ruler patterns: full forms first, then surnames (the ruler keeps the longest match). A form
        that is some entry's local alias gets one pattern with the local id, whoever else it names."""
        local = {f for entry in self.entries for f in entry.local_forms()}
        out = []
        for entry in self.entries:
            for form in (*entry.surface_forms(), *entry.surname_forms()):
                if form not in local:
                    out.append({"label": str(entry.type), "pattern": form, "id": entry.id})
        seen = set()
        for entry in self.entries:
            for form in entry.local_forms():
                if (entry.type, form) not in seen:
                    seen.add((entry.type, form))
                    out.append({"label": str(entry.type), "pattern": form, "id": LOCAL_PREFIX + str(entry.type)})
        return out

    def local_index(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """(type, name key) → ids of the entries that have the form as a local alias, in file order (built
        once; do not modify the returned dict)."""
        return self._local_index

    def by_id(self) -> dict[str, GazetteerEntry]:
        """Entries by entity id (built once; do not modify the returned dict)."""
        return self._by_id

    def alias_index(self) -> dict[tuple[str, str], str]:
        """(type, name key) → entity id, for resolving mentions the ruler did not tag itself (built once, on
        first use: every document asks for it; do not modify the returned dict)."""
        return self._alias_index

    @cached_property
    def _by_id(self) -> dict[str, GazetteerEntry]:
        return {e.id: e for e in self.entries}

    @cached_property
    def _local_index(self) -> dict[tuple[str, str], tuple[str, ...]]:
        index: dict[tuple[str, str], tuple[str, ...]] = {}
        for entry in self.entries:
            for form in entry.local_aliases:
                for key in keys(form):
                    ids = index.get((str(entry.type), key), ())
                    if entry.id not in ids:
                        index[(str(entry.type), key)] = (*ids, entry.id)
        return index

    @cached_property
    def _alias_index(self) -> dict[tuple[str, str], str]:
        index: dict[tuple[str, str], str] = {}
        for entry in self.entries:
            for form in (entry.name, *entry.aliases, *entry.surname_forms()):
                for key in keys(form):
                    index.setdefault((str(entry.type), key), entry.id)
        return index


def default_gazetteer_paths() -> tuple[Path, ...]:
    """The bundled files, in load order: the world's political figures, the project's gazetteer (whose
    entries replace a figure's of the same name), then the world's parties."""
    data = resources.files("extract") / "data"
    return tuple(Path(str(data / name)) for name in ("persons.jsonl", "gazetteer.jsonl", "parties.jsonl"))


def load_gazetteer(extra: Iterable[Path] = (), *, include_default: bool = True) -> Gazetteer:
    """Load the bundled gazetteer and the user's files; a later entry with the same id replaces an earlier one.

    Raises:
        GazetteerError: naming the file, the line and what is wrong with it.
    """
    paths = (list(default_gazetteer_paths()) if include_default else []) + [Path(p) for p in extra]
    merged: dict[str, GazetteerEntry] = {}
    digest = hashlib.sha256()
    for path in paths:
        text = _read(path)
        digest.update(text.encode("utf-8"))
        for entry in _parse(text, path):
            merged[entry.id] = entry
    return Gazetteer(entries=tuple(merged.values()), fingerprint=digest.hexdigest()[:16])


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise GazetteerError(f"{path}: gazetteer file not found") from e
    except (OSError, UnicodeDecodeError) as e:
        raise GazetteerError(f"{path}: cannot read the gazetteer ({e})") from e


def _parse(text: str, path: Path) -> Iterator[GazetteerEntry]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            yield _entry(json.loads(line))
        except json.JSONDecodeError as e:
            raise GazetteerError(f"{path}:{lineno}: invalid JSON ({e.msg}, column {e.colno})") from e
        except (ValueError, TypeError) as e:
            raise GazetteerError(f"{path}:{lineno}: {e}") from e


def _entry(obj: object) -> GazetteerEntry:
    if not isinstance(obj, dict):
        raise ValueError("each line must be a JSON object")
    unknown = set(obj) - _FIELDS
    if unknown:
        raise ValueError(f"unknown field(s) {sorted(unknown)}; allowed: {sorted(_FIELDS)}")
    name = obj.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("'name' must be a non-empty string")
    try:
        etype = EntityType(obj.get("type"))
    except ValueError:
        raise ValueError(f"'type' must be one of {[t.value for t in EntityType]}, not {obj.get('type')!r}") from None
    aliases, roles = _strings(obj, "aliases"), _strings(obj, "roles")
    if set(roles) - _ROLES:
        raise ValueError(f"unknown role(s) {sorted(set(roles) - _ROLES)}; allowed: {sorted(_ROLES)}")
    surname = obj.get("surname")
    if surname is not None and not isinstance(surname, str):
        raise ValueError("'surname' must be a string")
    surname_alone = obj.get("surname_alone", True)
    if not isinstance(surname_alone, bool) or (not surname_alone and etype is not EntityType.PERSON):
        raise ValueError("'surname_alone' must be true or false, and only a PERSON has it")
    country, local = obj.get("country"), _strings(obj, "local_aliases")
    if country is not None and demonym_of_code(country) is None:
        raise ValueError(f"unknown 'country' {country!r}: an ISO 3166-1 alpha-2 code listed in "
                         "extract/data/country_codes.tsv (GB for the United Kingdom)")
    if local and country is None:
        raise ValueError("'local_aliases' need a 'country': they name the entry only in its country's news")
    return GazetteerEntry(name=name.strip(), type=etype, aliases=aliases, roles=roles, surname=surname,
                          country=country, local_aliases=local, surname_alone=surname_alone)


def _variants(forms) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for form in forms:
        # "La France Insoumise", "Junts Pel Si": headline capitals on a multi-word name
        titled = " ".join(w[:1].upper() + w[1:] if w[:1].islower() and len(w) > 3 else w for w in form.split())
        for variant in (form, strip_accents(form), skeleton(form), titled, strip_accents(titled)):
            if variant.strip():
                out.setdefault(variant.strip(), None)
    return tuple(out)


def _strings(obj: dict, field: str) -> tuple[str, ...]:
    value = obj.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"'{field}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)
