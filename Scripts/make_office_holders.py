#!/usr/bin/env python3
"""Generate Sources/RelationExtraction/Resources/office-holders.tsv.

Reads the Phoenix actor dictionaries of PETRARCH-2 (../shared/data/petrarch2/,
MIT licence): Phoenix.Countries.actors.txt (persons with dated roles in their
country) and Phoenix.International.actors.txt (persons with dated roles in
intergovernmental bodies). Writes one line per person and role span:

    name  aliases  country  agent  from  to  role

Choices (the file's header repeats them):
  * A person is kept when at least one span codes a state office: an agent
    code containing GOV, MIL, LEG, JUD or ELI, or (International file) a
    dated IGO span. All spans of a kept person are written, including OPP,
    BUS and other roles, so a career reads whole.
  * Person or institution: a person's name has two or more words (not
    counting particles) and no institution word (INSTITUTION_WORDS). A
    one-word main name is replaced by the longest variant of two or more
    words; entries with none are dropped (mononyms such as Suharto are lost
    with malformed names such as PATNIKIEMA_; the summary counts them).
  * country: the code's first three letters (ISO 3166-1 alpha-3, plus KSV
    Kosovo and TMP Timor-Leste) mapped to the news name make_countries.py
    gives it, which must be a name in countries.tsv. IGO codes leave country
    empty and keep the whole code as agent (IGOUNO = UN, IGOWSTNAT = NATO,
    IGOEUREEC = EU, Council of Europe and WEU alike, so no body is named).
    Spans of former states (SUN, USR, DDR, YUG, CSK, SCG, FRY), of
    territories (GBRVGB..., DNKFRO...) and of unknown codes are dropped.
  * agent: the code after the country prefix (GOV, GOVMIL, ELI, ...).
  * dates: YYMMDD with YY <= 30 is 20YY, else 19YY (the file's 6-digit dates
    run 1931-2014; earlier years are written with 8 digits). `>d` = from d,
    `<d` = to d, a lone date = from. Malformed dates (7, 9 or 10 digits,
    impossible days) and spans ending before they start drop the span.
  * name: CAPS_WITH_UNDERSCORES in title case; particles (al, bin, von, de,
    ...) lowercase inside a name; Mc/O'/d' handled; Korean given names
    "Ki-moon" style for persons with a KOR/PRK code. Leading titles and
    nationality words are stripped (FOREIGN_MINISTER_SERGEY_LAVROV ->
    Sergey Lavrov). A variant that keeps a title or institution word inside,
    or is one word, is not an alias (one-word surnames are too ambiguous).
  * An entry whose name is a variant of exactly one other person is that
    person (K._ANNAN_ is Kofi Annan); entries with the same name merge.

Usage: python3 Scripts/make_office_holders.py [PETRARCH_DIR] [OUTPUT_TSV]
A summary of what was dropped goes to stderr.
"""

import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, HERE)
import make_countries  # noqa: E402  (its curated table names the countries)

DEFAULT_SRC = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "petrarch2"))
COUNTRIES = os.path.join(ROOT, "Sources", "EntityRecognition", "Resources", "countries.tsv")
DEFAULT_OUT = os.path.join(ROOT, "Sources", "RelationExtraction", "Resources", "office-holders.tsv")
ISO_JSON = make_countries.DEFAULT_ISO
COMMAND = "python3 Scripts/make_office_holders.py"
FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"]

OFFICE_AGENTS = {"GOV", "MIL", "LEG", "JUD", "ELI"}
# Phoenix agent codes (Phoenix.agents.txt) and the few more the actor files use.
AGENT_CODES = set("""
AGR BUD BUS CHR COP CRM CTH CVL DEV EDU ELI ENV GOV HIN HLH HRI IMG JEW JUD LAB
LEG MAR MED MIL MUS NGO OPP PPL PRO PTY RAD REB REF REL SPY UAF UNR OCC AUT SEP
INS IGO MNC
""".split())
EXTRA_COUNTRY_CODES = {"KSV": "XK", "TMP": "TL"}  # Phoenix codes outside ISO 3166-1

TITLE_WORDS = set("""
PRESIDENT VICE VICE-PRESIDENT PRIME MINISTER FOREIGN DEFENSE DEFENCE SECRETARY
SECRETARY-GENERAL GENERAL OF THE STATE AMBASSADOR SENATOR SEN. SEN REP. REPRESENTATIVE
CONGRESSMAN CONGRESSWOMAN GOVERNOR GOV. MAYOR MR MR. MRS MRS. MS MS. DR DR. KING QUEEN
PRINCE PRINCESS CROWN SHEIKH SHEIK SHAIKH EMIR AMIR SULTAN CHANCELLOR PREMIER LEADER
CHIEF CHAIRMAN CHAIRWOMAN CHAIR SPEAKER DEPUTY ACTING FORMER EX INTERIOR FINANCE TRADE
JUSTICE ATTORNEY COMMANDER COLONEL COL. GEN. LT. LIEUTENANT MAJOR MARSHAL FIELD ADMIRAL
ADM. CAPTAIN BRIGADIER AYATOLLAH GRAND SUPREME COMMUNIST SOVIET NATIONAL SECURITY
ADVISER ADVISOR UN U.N. US U.S. UNITED NATIONS ENVOY SPECIAL HIGH COMMISSIONER LORD
LADY BARON BARONESS SIR DAME DATO' DATO DATUK SERI TUN PRES. MINISTER-PRESIDENT
SECY SEC. GEN JUDGE PM FM KANZLER BUNDESKANZLER ELECT EMPEROR CARDINAL KPA PLA
""".split())
INSTITUTION_WORDS = set("""
MINISTRY MINISTERS GOVERNMENT ARMY FORCES FORCE POLICE COURT PARLIAMENT ASSEMBLY
COUNCIL PARTY AUTHORITY MOVEMENT OFFICE DEPARTMENT AGENCY BANK COMMISSION COMMITTEE
SENATE CONGRESS ADMINISTRATION MILITARY NAVY GUARD GUARDS SERVICE SERVICES CABINET
REGIME JUNTA FRONT UNION PALACE STREET HOUSE RIFLES TEAM RESERVE BUREAU ORGANIZATION
ORGANISATION ASSOCIATION FEDERATION TANK UNIVERSITY INSTITUTE CENTER CENTRE
FOUNDATION FUND PROGRAMME INTELLIGENCE SABHA KNESSET REICHSTAG BUNDESRAT BUNDESTAG
DUMA KREMLIN JAYSH PESHMERGA LEADERSHIP COALITION ALLIANCE BRIGADE BRIGADES
BATTALION CORPS COMMAND MISSION EMBASSY DELEGATION GROUP CHAMBER TRIBUNAL
OPPOSITION REBELS MILITIA COMMUNITY DIRECTORATE SECRETARIAT TREATY PRESIDENCY
REPUBLIC KINGDOM STATES PEOPLES PEOPLE'S FAMILY CLAN DYNASTY FOLLOWERS SUPPORTERS UNIT
""".split())
PARTICLES = {"al", "el", "bin", "ibn", "bint", "von", "van", "der", "den", "de", "da",
             "dos", "das", "do", "y", "zu", "ter", "ul"}
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII"}


# ---------------------------------------------------------------- names
def tokens(raw):
    """Name words of a dictionary name: `_` splits, a comma or `(` ends it,
    quoted nicknames ("NANDO") and stray marks go."""
    raw = re.split(r"[,(]", raw.upper())[0]
    raw = re.sub(r'"[^"]*"|[`)\x00-\x1f]', "", raw).replace(" ", "_")
    return [t for t in raw.split("_") if t and t not in ("-", "'")]


def is_title(word):
    return word in TITLE_WORDS or all(p in TITLE_WORDS for p in word.split("-"))


def strip_titles(words, demonyms):
    """The name without leading titles and nationality words ("RUSSIAN",
    "EX-SOVIET")."""
    i = 0
    while i < len(words) and (is_title(words[i]) or words[i] in demonyms or words[i].startswith("EX-")):
        i += 1
    return words[i:]


def is_name(words):
    return bool(words) and not any(is_title(w) or w in INSTITUTION_WORDS or re.search(r"\d", w)
                                   for w in words)


def name_words(words):
    """Number of words that are not particles ("AL ASSAD" is one)."""
    return sum(1 for w in words if w.lower() not in PARTICLES
               and not (w.lower().split("-")[0] in PARTICLES and "-" in w and len(words) == 1))


def title_case(words, korean=False):
    out = []
    for i, w in enumerate(words):
        parts = w.split("-")
        cased = []
        for j, p in enumerate(parts):
            low = p.lower()
            if p in ROMAN or (len(p) == 2 and p.endswith(".") and p != "JR."):
                c = p
            elif (i > 0 or j > 0) and low in PARTICLES and not korean and (j < len(parts) - 1 or len(parts) == 1):
                c = low
            elif korean and j > 0:
                c = low
            elif low.startswith("mc") and len(low) > 2:
                c = "Mc" + low[2:].capitalize()
            elif re.match(r"^[od]'.", low):
                c = (low[0] if low[0] == "d" and i > 0 else low[0].upper()) + "'" + low[2:].capitalize()
            elif low.startswith("'"):
                c = "'" + low[1:].capitalize()
            else:
                c = low.capitalize()
            cased.append(c)
        out.append("-".join(cased))
    return " ".join(out)


# ---------------------------------------------------------------- codes and dates
def parse_date(s):
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy <= 30 else "19") + s
    if len(s) != 8:
        return None
    try:
        return datetime.date(int(s[:4]), int(s[4:6]), int(s[6:])).isoformat()
    except ValueError:
        return None


def parse_span(text):
    """(code, from, to) of `[CODE 080508-130201]`, `[CODE >080508]`, ...;
    None for a malformed date."""
    code, _, dates = text.strip().partition(" ")
    dates = dates.replace(" ", "")
    if not dates:
        return code, "", ""
    m = re.fullmatch(r"([<>]?)(\d+)(?:-(\d+))?", dates)
    if not m:
        return None
    first = parse_date(m.group(2))
    second = parse_date(m.group(3)) if m.group(3) else ""
    if first is None or second is None:
        return None
    if m.group(1) == "<":
        return code, "", first
    return code, first, second


def country_of(code, country_names):
    """(country name, agent) of an actor code, or a string saying why not."""
    if code.startswith("IGO"):
        return "", code
    prefix, rest = code[:3], code[3:]
    name = country_names.get(prefix)
    if name is None:
        return f"country code {prefix} not in countries.tsv"
    if rest and rest[:3] not in AGENT_CODES:
        return f"territory or unknown agent {prefix}{rest[:3]}"
    return name, rest


# ---------------------------------------------------------------- reading
def read_entries(path):
    """Dictionary entries: {name, comment, variants, spans, line}."""
    entries, cur = [], None
    for n, raw in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
        text = raw.rstrip("\n")
        body, _, comment = text.partition("#")
        if not body.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", body)
        head = re.sub(r"\[[^\]]*\]", " ", body).strip()
        if not head:  # an indented code line
            if cur:
                cur["spans"] += codes
            continue
        if head.startswith("+"):
            if cur:
                cur["variants"].append(head[1:].strip())
                cur["spans"] += codes
            continue
        # A name line straight after another name line, before any code,
        # is an unmarked variant when it shares a word with that name.
        if cur and not cur["spans"] and not codes and set(tokens(head)) & set(tokens(cur["name"])):
            cur["variants"].append(head)
            continue
        cur = {"name": head, "comment": comment, "variants": [], "spans": list(codes), "line": n}
        entries.append(cur)
    return entries


def load_country_names(countries_path, iso_path):
    names = {l.split("\t")[0] for l in open(countries_path, encoding="utf-8")
             if l.strip() and not l.startswith("#")}
    curated = {}
    for line in make_countries.CURATED.strip("\n").split("\n"):
        code, name = line.split("\t")[:2]
        curated[code] = name
    alpha3 = {e["alpha_3"]: e["alpha_2"] for e in json.load(open(iso_path, encoding="utf-8"))["3166-1"]}
    alpha3.update(EXTRA_COUNTRY_CODES)
    return {a3: curated[a2] for a3, a2 in alpha3.items() if curated.get(a2) in names}


def demonym_words(countries_path):
    out = {"SOVIET", "AMERICAN", "BRITISH", "EUROPEAN"}
    for l in open(countries_path, encoding="utf-8"):
        if l.strip() and not l.startswith("#"):
            cols = l.rstrip("\n").split("\t") + ["", "", ""]
            out |= {d.upper().replace(" ", "_") for d in cols[2].split("|") if d}
    return out


# ---------------------------------------------------------------- building
def person_of(entry, international, country_names, demonyms, tally):
    """A person record from a dictionary entry, or None."""
    marked = re.search(r"countryinfo|igorulers", entry["comment"], re.I) is not None
    core = strip_titles(tokens(entry["name"]), demonyms)
    variant_cores = [strip_titles(tokens(v), demonyms) for v in entry["variants"]]
    if not is_name(core) or name_words(core) < 2:
        longer = [v for v in variant_cores if is_name(v) and name_words(v) >= 2]
        if longer:
            core = max(longer, key=len)  # a title-only or surname-only main name
        else:
            reason = "one-word names dropped" if is_name(core) and marked else \
                "entries that are not a person (institution, title or unmarked one word)"
            tally[reason] += 1
            return None
    korean = any(s[:3] in ("KOR", "PRK") for s in entry["spans"])
    name = title_case(core, korean)
    aliases = []
    for v in variant_cores:
        if not is_name(v):
            tally["variants with a title or institution word inside dropped"] += 1
        elif name_words(v) < 2:
            tally["one-word variants (surnames) dropped"] += 1
        elif title_case(v, korean) not in aliases + [name]:
            aliases.append(title_case(v, korean))
    spans = []
    for text in entry["spans"]:
        if text.strip() in ("---", ""):
            continue
        parsed = parse_span(text)
        if parsed is None:
            tally[f"spans with a malformed date dropped ({text.strip()})"] += 1
            continue
        code, start, end = parsed
        if start and end and start > end:
            tally[f"spans ending before they start dropped ({text.strip()})"] += 1
            continue
        where = country_of(code, country_names)
        if isinstance(where, str):
            tally[f"spans dropped: {where}"] += 1
            continue
        if (where[0], where[1], start, end) not in spans:
            spans.append((where[0], where[1], start, end))
    keys = {" ".join(core)} | {" ".join(v) for v in variant_cores if v}
    return {"name": name, "aliases": aliases, "spans": spans, "keys": keys,
            "key": " ".join(core), "international": international}


def is_office(span):
    country, agent, start, end = span
    if agent.startswith("IGO"):
        return bool(start or end)
    return bool(country) and any(agent[i:i + 3] in OFFICE_AGENTS for i in range(0, len(agent), 3))


def merge(into, other):
    for a in other["aliases"] + ([other["name"]] if other["name"] != into["name"] else []):
        if a not in into["aliases"] and a != into["name"]:
            into["aliases"].append(a)
    into["spans"] += [s for s in other["spans"] if s not in into["spans"]]
    into["keys"] |= other["keys"]


def build(src_dir=DEFAULT_SRC, countries_path=COUNTRIES, iso_path=ISO_JSON, log=None):
    """(text of office-holders.tsv, summary lines)."""
    country_names = load_country_names(countries_path, iso_path)
    demonyms = demonym_words(countries_path)
    tally = Tally()
    by_name = {}
    for fname in FILES:
        for entry in read_entries(os.path.join(src_dir, fname)):
            tally[f"entries read from {fname}"] += 1
            p = person_of(entry, fname == FILES[1], country_names, demonyms, tally)
            if p is None:
                continue
            if p["name"] in by_name:
                tally["entries merged into a person of the same name"] += 1
                merge(by_name[p["name"]], p)
            else:
                by_name[p["name"]] = p
    # An entry whose name is a variant of exactly one other person sharing a
    # country or body with it is that person (K._ANNAN_ is Kofi Annan).
    holders = {}
    for q in by_name.values():
        for k in q["keys"]:
            holders.setdefault(k, []).append(q)
    for name in sorted(by_name):
        p = by_name[name]
        owners = [q for q in holders.get(p["key"], []) if q is not p and q["name"] in by_name
                  and {s[0] or s[1] for s in q["spans"]} & {s[0] or s[1] for s in p["spans"]}]
        if len(owners) == 1:
            tally["entries merged into the person they are a variant of"] += 1
            merge(owners[0], p)
            del by_name[name]
    lines, countries = set(), set()
    for p in by_name.values():
        if not any(is_office(s) for s in p["spans"]):
            tally["persons without a GOV/MIL/LEG/JUD/ELI or dated IGO span skipped"] += 1
            continue
        tally["persons written"] += 1
        for country, agent, start, end in p["spans"]:
            lines.add((p["name"], "|".join(p["aliases"]), country, agent, start, end, ""))
            countries.add(country)
    tally["countries"] = len(countries - {""})
    rows = sorted(lines, key=lambda r: (r[2] == "", r[2], r[3] if not r[2] else "", r[0], r[4], r[5], r[3]))
    tally["lines (spans) written"] = len(rows)
    copyright_line = next(l.strip("# \n") for l in open(os.path.join(src_dir, FILES[0]), encoding="utf-8")
                          if l.startswith("# Copyright"))
    head = HEADER.format(license=copyright_line, command=COMMAND)
    text = head + "".join("\t".join(r) + "\n" for r in rows)
    summary = [f"{k}: {v}" for k, v in sorted(tally.items())]
    if log:
        print("\n".join(summary), file=log)
    return text, summary


class Tally(dict):
    def __missing__(self, key):
        return 0


HEADER = """\
# office-holders.tsv - GENERATED by Scripts/make_office_holders.py from Phoenix.Countries.actors.txt and
# Phoenix.International.actors.txt (PETRARCH-2 actor dictionaries, github.com/openeventdata/petrarch2,
# commit 676801cd9cb2; coded to about 2014); do not edit by hand.
# License: MIT. {license} (Phoenix.Countries.actors.txt).
# Regenerate: {command}
# Persons with at least one state office span (agent code with GOV, MIL, LEG, JUD or ELI) or a dated span
# in an intergovernmental body; one line per person and span, all spans of the person.
# Columns: name<TAB>aliases<TAB>country<TAB>agent<TAB>from<TAB>to<TAB>role
#   name     display name made from the dictionary's CAPS_WITH_UNDERSCORES (titles stripped)
#   aliases  |-separated other spellings of two or more words (one-word surnames are left out)
#   country  a name from countries.tsv; empty for intergovernmental bodies
#   agent    Phoenix code after the country: GOV government, MIL military, LEG legislature, JUD judiciary,
#            ELI elite (prominent, often former officials), OPP opposition, BUS business, MED media, SPY
#            intelligence, GOVxxx a government sector (GOVBUS economy, GOVMIL defence, ...); for a body, the
#            whole code: IGOUNO United Nations, IGOWSTNAT NATO, IGOEUREEC EU or other European bodies, ...
#   from,to  ISO dates, empty when open; 6-digit YYMMDD source dates are 19YY for YY > 30, else 20YY
#   role     empty here (office-holders-curated.tsv names roles)
"""


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SRC
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    text, _ = build(src, log=sys.stderr)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(out, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
