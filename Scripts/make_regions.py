#!/usr/bin/env python3
"""Generate Sources/EntityRecognition/Resources/regions.tsv.

The guidelines make a sub-national government acting as an actor (a US state
suing, a province, "Gujarat government") an agency of its country, and a state
that is only a place no entity. This file lists the names of first-level
subdivisions with governments of their own, with their country; the recognizer
decides in each sentence whether the name acts ("Texas deployed", "Gujarat
Chief Minister X", "State of California") or only places something ("in
Texas"), and only an acting one starts an entity.

Source: Debian's iso-codes package (/usr/share/iso-codes/json/iso_3166-2.json,
LGPL-2.1+; the data are the ISO 3166-2 codes and names, facts). Only top-level
entries (no parent) of the types below are taken: states, provinces,
autonomous regions and the like, which have governments; districts, counties,
municipalities and statistical regions are left out. A few federal member
states that ISO does not list come from EXTRA below, each backed by the
PETRARCH-2 Phoenix country dictionary (shared/data/petrarch2,
Phoenix.Countries.actors.txt).

A name is dropped when it would cost precision or could not name one region:
- it is a form of countries.tsv or of a body, title or person lexicon
  (the lexicon already reads it: "Georgia", "Washington", "Hong Kong");
- it is a word of the recognizer's own lists (given names, family names,
  capitalized non-entities, words.tsv, heads.tsv): "Victoria" is a person
  before a speech verb more often than a state;
- two countries have a region of that name ("Punjab").
Names written with diacritics also get their ASCII form ("Gujarāt" ->
"Gujarat"), which is how English news writes them; bracketed and comma
forms of ISO names ("Asturias, Principado de") are not names news writes and
are left out. Chinese names drop the ISO type word ("Guangdong Sheng").

Output columns (tab-separated, `|` between aliases):  name  country  aliases

Usage:  python3 Scripts/make_regions.py [ISO_JSON] [OUTPUT_TSV]
"""

import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "Sources", "EntityRecognition", "Resources")
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-2.json"
DEFAULT_OUT = os.path.join(RES, "regions.tsv")

sys.path.insert(0, HERE)
import make_countries  # noqa: E402  (the ISO code -> news name table)

# ISO 3166-2 types of first-level units that have a government of their own.
GOVERNED_TYPES = {
    "State", "Province", "Autonomous region", "Autonomous community", "Land", "Emirate",
    "Union territory", "Regional state", "Autonomous republic", "Entity", "Federal district",
    "Territory", "Prefecture", "Capital territory", "Federal territory", "Autonomous province",
    "Federal capital territory", "Autonomous city", "Republic", "Country",
}

# Countries whose first-level units govern themselves enough to act in foreign-policy news:
# federations and strongly devolved states. Elsewhere a province is an administrative district
# named after its main town ("Herat", "Gaza" in Mozambique), far more often a place.
COUNTRIES = set("""
AR AT AU BA BR CA CN DE ES ET GB IN IQ JP MX MY NG PK SD SO US ZA
""".split())

# Region names that are ordinary English words ("Delta State" in Nigeria, "Acre" in Brazil).
ENGLISH_WORDS = {"Delta", "Rivers", "Plateau", "Acre", "Para", "Saga", "Free State"}

# China's ISO names carry the unit's type in pinyin.
CHINESE_TYPE_WORDS = {"Sheng", "Shi", "Zizhiqu", "Huizu", "Zhuangzu", "Weiwu'er", "Zangzu"}

# Federal member states ISO 3166-2 does not list: name, ISO country code, aliases. Each is a
# Phoenix country-dictionary entry ("+PUNTLAND" under Somalia).
EXTRA = [
    ("Puntland", "SO", []),
]


def fold(text):
    """The ASCII form of a name: letters without their diacritics."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lexicon_forms():
    """Lowercase surface forms the other lexicons and word lists already give a meaning."""
    forms = set()

    def add(value):
        value = value.strip()
        if value:
            forms.add(value.lower())

    def table(name, columns):
        with open(os.path.join(RES, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cells = line.rstrip("\n").split("\t")
                for column in columns:
                    if column < len(cells):
                        for value in cells[column].split("|"):
                            add(value)

    table("countries.tsv", [0, 1, 2, 3])
    table("bodies.tsv", [0, 3])
    table("phoenix-bodies.tsv", [0, 3])
    table("phoenix-people.tsv", [0, 2])
    table("titles.tsv", [0])
    table("words.tsv", [0])
    table("heads.tsv", [0])
    for name in ["given-names.txt", "phoenix-given-names.txt", "family-names-east-asian.txt",
                 "capitalized-non-entities.txt"]:
        table(name, [0])
    return forms


def news_name(entry):
    name = entry["name"]
    if any(mark in name for mark in "[(,*"):
        return None
    if entry["code"].startswith("CN-"):
        words = [w for w in name.split() if w not in CHINESE_TYPE_WORDS]
        # "Nei Mongol Zizhiqu" keeps no one word news writes.
        name = words[0] if words and words[0] != "Nei" else ""
    return name or None


def build(iso_path=DEFAULT_ISO):
    """The text of regions.tsv, and its number of regions."""
    with open(iso_path, encoding="utf-8") as f:
        subdivisions = json.load(f)["3166-2"]
    countries = {}
    for line in make_countries.CURATED.strip("\n").split("\n"):
        cells = line.split("\t")
        countries[cells[0]] = cells[1]

    taken = lexicon_forms()
    regions = []  # (name, country, aliases)
    for entry in subdivisions:
        if "parent" in entry or entry["type"] not in GOVERNED_TYPES or entry["code"][:2] not in COUNTRIES:
            continue
        country = countries.get(entry["code"].split("-")[0])
        name = news_name(entry)
        if country and name and fold(name) not in ENGLISH_WORDS:
            regions.append((name, country, []))
    for name, code, aliases in EXTRA:
        regions.append((name, countries[code], aliases))

    # Every form with the regions that claim it; a form two regions claim names neither.
    claims = {}
    rows = []
    for name, country, aliases in regions:
        ascii_name = fold(name)
        forms = [ascii_name] + [a for a in [name] + aliases if a != ascii_name]
        forms = [f for f in dict.fromkeys(forms) if f.lower() not in taken and fold(f).lower() not in taken]
        if not forms:
            continue
        rows.append((ascii_name, country, forms))
        for form in forms:
            claims.setdefault(form.lower(), set()).add((ascii_name, country))
    lines = []
    seen = set()
    for name, country, forms in sorted(rows, key=lambda r: (r[1], r[0])):
        forms = [f for f in forms if len(claims[f.lower()]) == 1]
        if name not in forms or (name, country) in seen:
            continue
        seen.add((name, country))
        lines.append("\t".join([name, country, "|".join(f for f in forms if f != name)]))

    header = [
        "# regions.tsv - first-level subdivisions with governments of their own, by country.",
        "# GENERATED by Scripts/make_regions.py from Debian's iso-codes (ISO 3166-2, LGPL-2.1+)",
        "# and the PETRARCH-2 Phoenix country dictionary (MIT); do not edit by hand.",
        "# Columns: name<TAB>country<TAB>aliases",
    ]
    return "\n".join(header + lines) + "\n", len(lines)


def main():
    iso_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_ISO
    out_path = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    text, count = build(iso_path)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{out_path}: {count} regions")


if __name__ == "__main__":
    main()
