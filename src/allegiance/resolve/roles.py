"""Role descriptions as mentions: "le président", "the French president", "le locataire de
l'Élysée" join the one knowledge-base holder of that title at the article's date.

Split from :mod:`allegiance.resolve.entities`, whose resolver calls :func:`add_roles` once every
name of the article has its cluster: a bare role can only join a holder the article names, while a
role that names its country may bring in the one holder the knowledge base knows at that date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from allegiance.models import EntityType
    from allegiance.resolve.entities import NameCluster, _Resolver

_ROLE_WORDS = (
    "président",
    "présidente",
    "president",
    "premier ministre",
    "première ministre",
    "prime minister",
    "chancelier",
    "chancelière",
    "chancellor",
    "vice-président",
    "vice-présidente",
    "vice president",
    "chef du gouvernement",
    "cheffe du gouvernement",
    "chef de l'état",
    "cheffe de l'état",
    "locataire de l'élysée",
    "locataire de matignon",
    "locataire de la maison blanche",
    "locataire du 10 downing street",
    "chef du kremlin",
    "maître du kremlin",
    "locataire du kremlin",
    "chef de la maison blanche",
    "pape",
    "pope",
)
# "le président américain", "the French president", "le chef du gouvernement britannique": a
# role, an optional capitalised English qualifier before it and the words after it (tried from
# the longest phrase the knowledge base knows down to the bare role).
_ROLE = re.compile(
    r"\b(?i:le|la|l'|the)\s+"
    r"(?:(?i:nouveau|nouvelle|actuel|actuelle|new|current|sitting)\s+)?"
    r"(?:(?P<pre>[A-Z][\w.]*)\s+)?"
    r"(?P<role>(?i:"
    + "|".join(
        re.escape(w).replace("é", "[ée]").replace(r"\ ", r"[\s-]").replace("'", "['’]")
        for w in sorted(_ROLE_WORDS, key=len, reverse=True)
    )
    + r"))\b"
)
_WORD_AFTER = re.compile(r"\s+([\w'.-]+)")
#: a leading article, stripped from a seat's name (``la Maison Blanche``, ``l'Élysée``)
_LEADING_ARTICLE = re.compile(r"^(?:l['’]\s*|la\s+|le\s+)")
# a role said another way: the knowledge base files titles under the usual wording
_ROLE_SYNONYMS = {
    "chef du gouvernement": "premier ministre",
    "cheffe du gouvernement": "première ministre",
    "chef de l'état": "président",
    "cheffe de l'état": "présidente",
}
# a governing party's adjective names the country whose government it leads
_PARTY_COUNTRY = {
    "travailliste": "britannique",
    "labour": "british",
    "tory": "british",
    "conservateur": "britannique",
}
# endings and words of nationality adjectives: "le président ukrainien" is not the bare role
_NATIONALITY_ENDINGS = (
    "ain", "aine", "ais", "aise", "ien", "ienne", "ique", "ois", "oise", "and", "ande",
    "ol", "ole", "éen", "éenne", "an",
)  # fmt: skip
_NATIONALITY_WORDS = frozenset({"russe", "turc", "turque", "grec", "grecque", "belge", "suisse"})
# roles that name one office by themselves, whatever the country
_SPECIFIC_ROLES = frozenset(
    {"locataire de l'élysée", "locataire de matignon", "locataire de la maison blanche",
     "locataire du 10 downing street", "chef du kremlin", "maître du kremlin",
     "locataire du kremlin", "chef de la maison blanche", "pape", "pope"}
)  # fmt: skip

# names of the seat an office is named after, which the tagger may take for a body or a place
# (``le maître du Kremlin``): inside a role that names its holder, they are part of the
# description (not ``l'hôte du Kremlin``, a host or a guest, which is no role here). Not
# ``République``: many states title their head ``président de la République``
_SEAT_NAMES = frozenset(
    {"kremlin", "maison blanche", "maison-blanche", "élysée", "elysée", "elysee", "matignon"}
)  # fmt: skip


def _nationality(word: str) -> bool:
    return word in _NATIONALITY_WORDS or (len(word) > 4 and word.endswith(_NATIONALITY_ENDINGS))


#: feminine roles, whose title a masculine nationality may follow (``cheffe du gouvernement``)
_FEMININE_ROLES = frozenset(
    {"présidente", "première ministre", "chancelière", "vice-présidente", "cheffe de l'état"}
)


def _feminine(role: str, adjective: str) -> str | None:
    """The feminine of a nationality adjective after a feminine role (``italien`` →
    ``italienne``), or None when the role is not feminine or the adjective already is."""
    if role not in _FEMININE_ROLES or adjective.endswith("e") or not _nationality(adjective):
        return None
    if adjective.endswith(("ien", "éen")):
        return adjective + "ne"
    if adjective.endswith("c"):  # ``grec``, ``turc``
        return adjective + "que"
    return adjective + "e"


def _canonical(role: str) -> str:
    """The lexicon's spelling of a matched role: French news often drops the accent of a
    capital (``le chef de l'Etat``, ``le locataire de l'Elysée``)."""
    role = re.sub(r"[\s-]+", " ", role.replace("’", "'"))
    if role in _ROLE_WORDS:
        return role
    bare = role.replace("é", "e")
    return next((w for w in _ROLE_WORDS if w.replace("é", "e") == bare), role)


_COMPLEMENT = re.compile(r"\s+(?:de|du|des|d'|of)\s+", re.IGNORECASE)


def add_roles(resolver: _Resolver) -> None:
    """A role description joins its title holder at the article's date: "le président"
    joins the one holder present in the article; a description that names the country
    ("le président américain", "the French president", "le locataire de l'Élysée") also
    brings in the one holder the knowledge base knows at that date when the article does
    not name them."""
    text = resolver.text
    taken = {(m.start, m.end) for c in resolver.clusters.values() for m in c.mentions}
    for match in _ROLE.finditer(text):
        start = match.start()
        found = _role_holder(resolver, text, match)
        if found is None:
            continue
        holder, end = found
        after = text[end : end + 40]
        if after.lstrip()[:1].isupper():
            continue  # "le président Donald Trump": the name itself is the mention
        # ``le maître du Kremlin``: a seat's name inside a role is part of its holder's
        # description
        inside = {
            (s, e)
            for s, e in taken
            if start < s and e <= end and _LEADING_ARTICLE.sub("", text[s:e].lower()) in _SEAT_NAMES
        }
        if any(s <= start < e or s < end <= e for s, e in taken - inside):
            continue
        if inside:
            for cluster in resolver.clusters.values():
                cluster.mentions = [m for m in cluster.mentions if (m.start, m.end) not in inside]
            taken -= inside
        resolver.add(holder, text[start:end], start, end)
        taken.add((start, end))


def _role_holder(
    resolver: _Resolver, text: str, match: re.Match[str]
) -> tuple[NameCluster, int] | None:
    """The cluster a role description refers to and where the description ends."""
    role = _canonical(match.group("role").lower())
    pre = match.group("pre")
    words: list[str] = []
    ends = [match.end()]  # ends[n]: where the role plus its first n words ends
    for _ in range(4):  # "de la République française": up to four words after the role
        w = _WORD_AFTER.match(text, ends[-1])
        if w is None or not w.group(1)[:1].isalpha():
            break
        words.append(w.group(1).lower().rstrip("."))
        ends.append(w.end())
    # longest phrase first: "président de la république", "président américain"
    head = f"{pre.lower()} {role}" if pre else role
    for n in range(len(words), 0, -1):
        phrase = " ".join([head, *words[:n]])
        picked = _holder_for(resolver, phrase, specific=True)
        if picked is not None:
            return picked, ends[n] if text[ends[n] - 1] != "." else ends[n] - 1
    qualifier = words[0] if words else None
    if pre:  # "the French president": the qualifier comes first in English
        picked = _holder_for(resolver, head, specific=True)
        if picked is None:
            qualifier, picked = pre.lower(), None
        else:
            return picked, match.end()
    if _COMPLEMENT.match(text, match.end()):
        return None  # "le président de Microsoft" is somebody else
    synonym = _ROLE_SYNONYMS.get(role)
    if qualifier is not None:
        country = _PARTY_COUNTRY.get(qualifier)
        for base in (synonym, role) if synonym else (role,):
            # ``la cheffe du gouvernement italien``: the adjective agrees with the noun after the
            # role, the knowledge base files the feminine title (``première ministre italienne``)
            for q in (qualifier, country, _feminine(base, qualifier)):
                if q is None:
                    continue
                phrase = f"{q} {base}" if pre else f"{base} {q}"
                picked = _holder_for(resolver, phrase, specific=True)
                if picked is not None:
                    # ``… a insisté le chef de l'État vénézuélien.``: not the full stop
                    end = ends[1] - (text[ends[1] - 1] == ".")
                    return picked, end if not pre else match.end()
        if pre or _nationality(qualifier) or qualifier in _PARTY_COUNTRY:
            return None  # "le président ukrainien" is not whoever "le président" is here
    picked = _holder_for(resolver, synonym or role, specific=role in _SPECIFIC_ROLES)
    return (picked, match.end()) if picked is not None else None


def _holder_for(resolver: _Resolver, phrase: str, *, specific: bool) -> NameCluster | None:
    """The one holder of ``phrase`` present in the article; for a phrase that names the
    country, else the one holder at the date, brought in when the article does not name
    them."""
    holders = resolver.kb.title_holders(phrase, resolver.published)
    if not holders:
        return None
    present = resolver.present(holders)
    if len(present) == 1:
        return present[0]
    if specific and not present and len(holders) == 1:
        entry = holders[0]
        kind: EntityType = "organization" if entry.type == "organization" else "person"
        return resolver.cluster_for(entry.id, kind, entry)
    return None
