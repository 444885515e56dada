"""Write the construction-grid probe family (``eval/probes/grid.jsonl``).

Frequent French attribution constructions crossed with quote shapes, speaker phrases and
quotation marks, every passage invented. The expected speaker is fixed by the template (the
invented person it names), never read off the system. Usage:

    python scripts/make_grid_probes.py [OUT]   # default: eval/probes/grid.jsonl
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import unicodedata


def slug(name):
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


out = []


def add(text, fragment, person, note):
    out.append(
        {
            "text": text,
            "fragment": fragment,
            "speaker": slug(person) if person else None,
            "note": "grid: " + note,
        }
    )


# grid 1: direct quotes x speakers x marks x templates
QUOTES = {
    "short_verb": "C'est faux",
    "one_word": "Jamais",
    "long": "Nous ne laisserons pas les salariés payer seuls le prix de cette crise",
}
SPEAKERS = {
    "name": ("Julien Mercier", "Julien Mercier", "il"),
    "role_name": ("le ministre de l'Économie Julien Mercier", "Julien Mercier", "il"),
    "fem_role_name": ("la présidente de la région, Claire Fontaine", "Claire Fontaine", "elle"),
}
MARKS = {"guil": ("« ", " »"), "straight": ('"', '"')}


def cap(s):
    return s[0].upper() + s[1:]


def t1(q, s, p, o, c):
    P = cap(p)
    subj = s + "," if "," in s else s  # an apposition closes with a comma before the verb
    yield "incise_after", f"{o}{q}{c}, a déclaré {s}."
    yield "incise_after_day", f"{o}{q}{c}, a déclaré mardi {s} sur France Inter."
    yield "colon_before", f"{cap(subj)} a déclaré : {o}{q}{c}."
    yield "selon_after", f"{o}{q}{c}, selon {s}."
    yield "pour_before", f"Pour {s}, {o}{q}{c}."
    yield (
        "incise_then_second",
        f"{o}{q}{c}, a lancé {s}, ajoutant que {o}le gouvernement doit agir{c}.",
    )
    yield (
        "pronoun_next",
        f"{cap(subj)} a réagi mardi à l'annonce du gouvernement. {o}{q}{c}, a-t-{p} déclaré.",
    )
    yield "pronoun_colon", f"{cap(subj)} n'a pas caché sa colère. {P} a lancé : {o}{q}{c}."
    yield (
        "para_next_martele",
        f"{cap(subj)} a pris la parole devant les députés.\n\n{o}{q}{c}, a-t-{p} martelé.",
    )
    yield (
        "inside_incise",
        f"{o}{q}{c}, a insisté {s}, interrogé{'e' if p == 'elle' else ''} par l'AFP.",
    )


for (qk, q), (sk, (s, person, p)), (mk, (o, c)) in itertools.product(
    QUOTES.items(), SPEAKERS.items(), MARKS.items()
):
    if mk == "straight" and qk == "long":
        continue
    for tk, text in t1(q, s, p, o, c):
        add(text, q[:12], person, f"{tk} / {qk} / {sk} / {mk}")

# grid 2: indirect reports
CLAUSE = "le gouvernement doit revoir sa copie sur la réforme des retraites"
SP2 = {
    "name": ("Julien Mercier", "Julien Mercier", "il"),
    "role_name": ("le ministre de l'Économie, Julien Mercier,", "Julien Mercier", "il"),
    "fem_role_name": ("la présidente de la région, Claire Fontaine,", "Claire Fontaine", "elle"),
    "spokes": ("le porte-parole du syndicat, Marc Delcourt,", "Marc Delcourt", "il"),
}
for sk, (s, person, p) in SP2.items():
    bare = s.rstrip(",")
    for tk, text in [
        ("declare_que", f"{cap(s)} a déclaré que {CLAUSE}."),
        ("communique", f"Dans un communiqué, {s} a indiqué que {CLAUSE}."),
        ("interroge", f"Interrogé par Le Monde, {s} a expliqué que {CLAUSE}."),
        ("selon_before", f"Selon {bare}, {CLAUSE}."),
        ("pron_next_para", f"{cap(s)} a réagi mardi soir.\n\n{cap(p)} a estimé que {CLAUSE}."),
        ("fait_savoir", f"{cap(s)} a fait savoir que {CLAUSE}."),
        ("assure_incise", f"{cap(s)} a assuré, dans un entretien au Figaro, que {CLAUSE}."),
        ("inverted_incise", f"Le gouvernement doit revoir sa copie, a estimé {bare}."),
        (
            "two_people",
            f"{cap(s)} a rencontré Paul Viel mardi. {cap(p)} a ensuite déclaré que {CLAUSE}.",
        ),
    ]:
        add(text, "revoir sa copie", person, f"{tk} / {sk}")

# grid 3: role nouns referring back
ROLES = [
    ("le ministre de l'Économie Julien Mercier", "le ministre"),
    ("la maire de Lille, Claire Fontaine,", "la maire"),
    ("Claire Fontaine, maire de Lille,", "l'édile"),
    ("Julien Mercier, porte-parole du gouvernement,", "le porte-parole"),
    ("l'avocat de la famille, Me Julien Mercier,", "l'avocat"),
    ("le procureur de Lyon, Julien Mercier,", "le procureur"),
    ("Julien Mercier, secrétaire général de la CGT,", "le syndicaliste"),
    ("Julien Mercier, PDG de Valmonde,", "le PDG"),
    ("la directrice de l'hôpital, Claire Fontaine,", "la directrice"),
    ("la chercheuse Claire Fontaine", "la chercheuse"),
]
Q = "Nous ne laisserons pas les salariés payer seuls le prix de cette crise"
for intro, back in ROLES:
    person = "Julien Mercier" if "Mercier" in intro else "Claire Fontaine"
    for tk, text in [
        (
            "same_para",
            f"{cap(intro)} a réagi mardi à l'annonce du gouvernement. « {Q} », a ajouté {back}.",
        ),
        (
            "next_para",
            f"{cap(intro)} a réagi mardi à l'annonce du gouvernement.\n\nLe texte sera examiné en juin. « {Q} », estime {back}.",
        ),
        (
            "other_between",
            f"{cap(intro)} a réagi mardi. Paul Viel, un habitant, ne cache pas sa colère : « C'est une honte ». « {Q} », a poursuivi {back}.",
        ),
        (
            "selon_role",
            f"{cap(intro)} a réagi mardi. Selon {back}, le gouvernement doit revoir sa copie.",
        ),
    ]:
        frag = "revoir sa copie" if "revoir" in text else "salariés payer"
        add(
            text,
            frag,
            person,
            f"role back-reference {tk} / {back}",
        )
target = sys.argv[1] if len(sys.argv) > 1 else "eval/probes/grid.jsonl"
print(f"{len(out)} probes -> {target}")
with open(target, "w", encoding="utf-8") as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
