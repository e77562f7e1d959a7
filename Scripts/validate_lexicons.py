#!/usr/bin/env python3
"""Check the lexicon files in Sources/EntityRecognition/Resources and the
CAMEO-derived files in Sources/RelationExtraction/Resources.

Checks: column counts, known word classes in words.tsv, no empty name, allowed values in type/kind columns,
every country in bodies.tsv is a name in countries.tsv, every specific body
in titles.tsv is a name in bodies.tsv, no duplicate names, and no surface
form (name, alias, demonym, seat) pointing to two different entries.
cameo-cues.tsv: allowed relation/code/form/notes/class values, lowercase
single-spaced phrases, no duplicate (phrase, relation, code), and the file
is what Scripts/make_cues.py generates now (when ../shared is present).
cameo-exclusions.tsv: two columns, lowercase phrases, no duplicates, and
each entry removes at least one line.
judgement-words.tsv: plain lowercase words with negative ratings, sorted, the VADER license kept.
cues.tsv: allowed relations, patterns and function-word classes, lowercase phrases, no
duplicates, and every cue held by a CAMEO entry or by two training articles
(Scripts/cue_support.py; when ../shared is present). relation-words.tsv:
known classes, one lowercase word (or mark) per line, every class the Swift code
declares and reads (RelationWords.swift, ScanWords.swift) listed and given words. relation-model.tsv: known
relations, numeric weights, each relation's own features, @bias and @threshold.
office-holders.tsv and office-holders-curated.tsv: seven columns, dates
well formed (YYYY-MM-DD; the curated file also YYYY-MM) with from <= to,
countries from countries.tsv, a body from bodies.tsv (curated) or an IGO
code (generated) when the country is empty, one alias list per name, no
duplicate lines, and the generated file is what
Scripts/make_office_holders.py generates now (when ../shared is present).
Sources/KnowledgeGraph/Resources/relation-types.tsv: three or four
columns, known directions, #rrggbb colours, a * row, and the four relations
of the guidelines; its names are the relations cues.tsv and relation-model.tsv may use.
Sources/GraphStore/Resources/name-particles.txt: the particle words of
words.tsv that are no given names (the store drops the same particles).
Sources/GraphStore/Resources/given-name-forms.txt: lowercase words, each on
one line only, no particle, each line's first word a known given name.
Sources/GraphStore/Resources/lineage-particles.txt: particles of
name-particles.txt, each a word of a petrarch2 actor's name.
Exits non-zero on errors; prints warnings for forms shared between the
country and body lexicons.

Usage: python3 Scripts/validate_lexicons.py [RESOURCES_DIR]
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RES = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "..", "Sources", "EntityRecognition", "Resources")
REL_RES = os.path.join(HERE, "..", "Sources", "RelationExtraction", "Resources")
KG_RES = os.path.join(HERE, "..", "Sources", "KnowledgeGraph", "Resources")

errors = []
warnings = []
notices = []


def rows(fname, min_cols, max_cols, res=RES):
    out = []
    path = os.path.join(res, fname)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line != line.strip() and line.strip() == "":
                errors.append(f"{fname}:{n}: blank line with spaces")
                continue
            cols = line.split("\t")
            if not (min_cols <= len(cols) <= max_cols):
                errors.append(f"{fname}:{n}: {len(cols)} columns, expected {min_cols}-{max_cols}")
                continue
            cols += [""] * (max_cols - len(cols))
            if not cols[0].strip():
                errors.append(f"{fname}:{n}: empty first column")
            for c in cols:
                if c != c.strip():
                    errors.append(f"{fname}:{n}: stray whitespace in {c!r}")
                for v in c.split("|") if c else []:
                    if not v.strip():
                        errors.append(f"{fname}:{n}: empty value in {c!r}")
            out.append((n, cols))
    return out


def vals(c):
    return [v for v in c.split("|") if v]


def words(fname, trailing_space_ok=False):
    out = []
    with open(os.path.join(RES, fname), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            core = line.rstrip(" ") if trailing_space_ok else line
            if core != core.strip() or "\t" in line or not core:
                errors.append(f"{fname}:{n}: whitespace or tab in {line!r}")
            out.append(line)
    dup = {w for w in out if out.count(w) > 1}
    for w in sorted(dup):
        errors.append(f"{fname}: duplicate {w!r}")
    return out


# countries.tsv
countries = rows("countries.tsv", 1, 4)
cnames = set()
cform = {}
for n, (name, aliases, demonyms, seats) in countries:
    if name in cnames:
        errors.append(f"countries.tsv:{n}: duplicate name {name}")
    cnames.add(name)
    for form in [name] + vals(aliases) + vals(demonyms) + vals(seats):
        if form in cform and cform[form] != name:
            errors.append(f"countries.tsv:{n}: {form!r} maps to {cform[form]} and {name}")
        cform[form] = name

# bodies.tsv
bodies = rows("bodies.tsv", 2, 5)
bnames = set()
bform = {}
# A generic form (fifth column) must be a generic agent of the petrarch2 dictionaries, when present.
agents_path = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "petrarch2", "Phoenix.agents.txt")
agents = None
if os.path.exists(agents_path):
    with open(agents_path, encoding="utf-8", errors="replace") as f:
        agents = {line.split("[")[0].strip().rstrip("_") for line in f if "[" in line}
for n, (name, typ, country, aliases, generic) in bodies:
    for form in vals(generic):
        if form != name and form not in vals(aliases):
            errors.append(f"bodies.tsv:{n}: generic form {form!r} is no name or alias of {name}")
        if not country:
            errors.append(f"bodies.tsv:{n}: generic form {form!r} of a body with no country")
        if agents is not None and form.upper().replace(" ", "_") not in agents:
            errors.append(f"bodies.tsv:{n}: generic form {form!r} is no generic agent of petrarch2's Phoenix.agents.txt")
    if name in bnames:
        errors.append(f"bodies.tsv:{n}: duplicate name {name}")
    bnames.add(name)
    if typ not in ("agency", "organization"):
        errors.append(f"bodies.tsv:{n}: bad type {typ!r}")
    if country and country not in cnames:
        errors.append(f"bodies.tsv:{n}: unknown country {country!r}")
    al = vals(aliases)
    if name in al:
        errors.append(f"bodies.tsv:{n}: alias equals name {name!r}")
    if len(al) != len(set(al)):
        errors.append(f"bodies.tsv:{n}: repeated alias in {name}")
    for form in [name] + al:
        if form in bform and bform[form] != name:
            errors.append(f"bodies.tsv:{n}: {form!r} maps to {bform[form]} and {name}")
        bform[form] = name
for form in sorted(set(bform) & set(cform)):
    warnings.append(f"form {form!r} is both body {bform[form]} and country {cform[form]}")

# heads.tsv
heads = rows("heads.tsv", 2, 2)
one_word_heads = {word for _, (word, _) in heads if " " not in word}
seen = set()
for n, (word, typ) in heads:
    if typ not in ("agency", "organization"):
        errors.append(f"heads.tsv:{n}: bad type {typ!r}")
    if len(word.split()) > 2:
        errors.append(f"heads.tsv:{n}: more than two words {word!r}")
    elif len(word.split()) == 2 and word.split()[1] not in one_word_heads:
        errors.append(f"heads.tsv:{n}: a two-word head must end in a one-word head {word!r}")
    if word in seen:
        errors.append(f"heads.tsv:{n}: duplicate {word!r}")
    seen.add(word)

# titles.tsv
titles = rows("titles.tsv", 3, 3)
seen = set()
for n, (title, body, kind) in titles:
    if title in seen:
        errors.append(f"titles.tsv:{n}: duplicate {title!r}")
    seen.add(title)
    if kind not in ("role", "honorific"):
        errors.append(f"titles.tsv:{n}: bad kind {kind!r}")
    if body and not body.startswith("~") and body not in bnames:
        errors.append(f"titles.tsv:{n}: unknown body {body!r}")
    if body.startswith("~") and len(body) < 2:
        errors.append(f"titles.tsv:{n}: empty generic body")
    if kind == "honorific" and body:
        errors.append(f"titles.tsv:{n}: honorific with a body")

# words.tsv: word<TAB>class, and for `spelling` a third column with the spelling keys use.
WORD_CLASSES = {
    "connector", "particle", "of-taking", "government", "locative", "speech", "abbreviation",
    "lowercase-body-head", "body-modifier", "group", "administration", "determiner", "public-modifier",
    "compass", "kin", "headline-lowercase", "role-modifier", "rank", "place-preposition",
    "state-ownership", "apposition-opener", "article", "conjunction", "genitive", "head-complement",
    "recipient", "portfolio", "relative-pronoun", "anaphoric-state", "party-noun", "state-noun",
    "adjectival-head", "key-filler", "name-suffix", "patronymic", "spelling", "organization-noun", "trade",
    "legal-form", "site-chrome", "organization-modifier", "adjective-ending", "key-synonym", "non-person-head", "byline",
    "hyphen-prefix", "ordinal", "organization-role", "report-verb", "state-body-head", "shared-body-word", "medium-preposition", "desk-head", "medium-noun", "board-members", "acting-head", "personal-pronoun", "source-cue",
    "company-role", "alias-cue",
}
word_rows = rows("words.tsv", 2, 3)
seen = set()
for n, (word, cls, extra) in word_rows:
    if cls not in WORD_CLASSES:
        errors.append(f"words.tsv:{n}: unknown class {cls!r}")
    if (cls in ("spelling", "key-synonym")) != bool(extra):
        errors.append(f"words.tsv:{n}: only spelling and key-synonym rows have a third column")
    if " " in word and cls not in ("name-suffix",):
        errors.append(f"words.tsv:{n}: more than one word {word!r}")
    if (word, cls) in seen:
        errors.append(f"words.tsv:{n}: duplicate {word!r} {cls}")
    seen.add((word, cls))

# Generated lexicons (Scripts/make_actor_lexicons.py): their columns, types and countries, the
# license line they must carry, and no form that the curated files give to another entry.
GENERATED_LINE = "Copyright (c) 2014 Open Event Data Alliance"
for fname in ("phoenix-bodies.tsv", "phoenix-people.tsv", "phoenix-given-names.txt"):
    with open(os.path.join(RES, fname), encoding="utf-8") as f:
        if GENERATED_LINE not in f.readline():
            errors.append(f"{fname}: the first line must carry the dictionaries' copyright line")
curated_lower = {form.lower(): name for form, name in list(bform.items()) + list(cform.items())}
pbodies = rows("phoenix-bodies.tsv", 2, 4)
pforms = {}
for n, (name, typ, country, aliases) in pbodies:
    if typ not in ("agency", "organization"):
        errors.append(f"phoenix-bodies.tsv:{n}: bad type {typ!r}")
    if country and country not in cnames:
        errors.append(f"phoenix-bodies.tsv:{n}: unknown country {country!r}")
    for form in [name] + vals(aliases):
        if form.lower() in curated_lower:
            errors.append(f"phoenix-bodies.tsv:{n}: {form!r} is already {curated_lower[form.lower()]} in the curated files")
        if form in pforms and pforms[form] != name:
            errors.append(f"phoenix-bodies.tsv:{n}: {form!r} maps to {pforms[form]} and {name}")
        pforms[form] = name
ppeople = rows("phoenix-people.tsv", 1, 3)
for n, (name, country, aliases) in ppeople:
    if country and country not in cnames:
        errors.append(f"phoenix-people.tsv:{n}: unknown country {country!r}")
    for form in [name] + vals(aliases):
        if form.lower() in curated_lower or form in pforms:
            errors.append(f"phoenix-people.tsv:{n}: {form!r} also names a body or country")

given = words("given-names.txt")
phoenix_given = words("phoenix-given-names.txt")
family = words("family-names-east-asian.txt")
nonent = words("capitalized-non-entities.txt")
boiler = words("boilerplate.txt", trailing_space_ok=True)
for w in boiler:
    if w != w.lower():
        errors.append(f"boilerplate.txt: not lowercase {w!r}")
for w in sorted((set(given) | set(phoenix_given)) & set(nonent)):
    errors.append(f"{w!r} is both a given name and a capitalized non-entity")

# The store drops the same particles from people's names as the recognizer
# (Sources/GraphStore/Resources/name-particles.txt): the particle words that are no given names.
store_particles = os.path.join(RES, "..", "..", "GraphStore", "Resources", "name-particles.txt")
with open(store_particles, encoding="utf-8") as f:
    stored = {line.strip() for line in f if line.strip() and not line.startswith("#")}
given_lower = {w.lower() for w in given} | {w.lower() for w in phoenix_given}
expected = {w.lower() for n, (w, cls, _) in word_rows if cls == "particle"} - given_lower
if stored != expected:
    errors.append(f"GraphStore/Resources/name-particles.txt differs from the particles of words.tsv: "
                  f"missing {sorted(expected - stored)}, extra {sorted(stored - expected)}")

# Particles that open a name's lineage part (Sources/GraphStore/Resources/lineage-particles.txt):
# each a particle the store drops (name-particles.txt) and a word of a petrarch2 actor's name.
lineage_path = os.path.join(RES, "..", "..", "GraphStore", "Resources", "lineage-particles.txt")
with open(lineage_path, encoding="utf-8") as f:
    lineage = [line.strip() for line in f if line.strip() and not line.startswith("#")]
petrarch_dir = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "petrarch2")
petrarch_words = None
if os.path.isdir(petrarch_dir):
    petrarch_words = set()
    for name in os.listdir(petrarch_dir):
        if name.endswith(".actors.txt"):
            with open(os.path.join(petrarch_dir, name), encoding="utf-8", errors="replace") as f:
                for line in f:
                    petrarch_words.update(w.lower() for w in re.split(r"[^A-Za-z]+", line.split("#")[0]) if w)
for n, w in enumerate(lineage, 1):
    if w not in stored:
        errors.append(f"lineage-particles.txt: {w!r} is no particle of name-particles.txt")
    if petrarch_words is not None and w not in petrarch_words:
        errors.append(f"lineage-particles.txt: {w!r} is in no petrarch2 actor name")
if len(set(lineage)) != len(lineage):
    errors.append("lineage-particles.txt: duplicate lines")

# Forms of one given name the store joins (Sources/GraphStore/Resources/given-name-forms.txt):
# lowercase ASCII words, two or more a line, each word on one line only (a short form that
# could mean two names would join two people), no particle, and the full form of each line
# a given name the recognizer knows.
name_forms = os.path.join(RES, "..", "..", "GraphStore", "Resources", "given-name-forms.txt")
form_line = {}
with open(name_forms, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        if not line.strip() or line.startswith("#"):
            continue
        forms = line.rstrip("\n").split(" ")
        if len(forms) < 2 or any(not re.fullmatch(r"[a-z]+", w) for w in forms):
            errors.append(f"given-name-forms.txt:{n}: want two or more lowercase words separated by one space: {line.rstrip()!r}")
        if forms[0] not in given_lower:
            errors.append(f"given-name-forms.txt:{n}: {forms[0]!r} is no given name of given-names.txt")
        for w in forms:
            if w in form_line:
                errors.append(f"given-name-forms.txt:{n}: {w!r} is already on line {form_line[w]}")
            form_line[w] = n
            if w in stored:
                errors.append(f"given-name-forms.txt:{n}: {w!r} is a name particle")

# cameo-cues.tsv and cameo-exclusions.tsv (Scripts/make_cues.py)
sys.path.insert(0, HERE)
import make_cues  # noqa: E402  (the generator, for the up-to-date check)

CLASSES = {"criticized": {"event", "reject"}, "met_with": {"event"}, "sanctioned": {"event"},
           "-": {"intent", "threat", "refuse", "none"}}
FORMS = set(make_cues.FORM_ORDER) | {"phrase-" + f for f in make_cues.FORM_ORDER}
NOTE = re.compile(r"mutual|reverse|pre-verb|skip@\d+|(target|source)-(after(-skip)?|before)")
PHRASE = re.compile(r"[^\s|]+( [^\s|]+)*")
cues = rows("cameo-cues.tsv", 7, 7, REL_RES)
seen = set()
for n, (phrase, rel, code, form, block, notes, cls) in cues:
    where = f"cameo-cues.tsv:{n}"
    if phrase != phrase.lower() or not PHRASE.fullmatch(phrase):
        errors.append(f"{where}: phrase not lowercase single-spaced words: {phrase!r}")
    if cls not in CLASSES.get(rel, ()):
        errors.append(f"{where}: bad relation/class {rel!r}/{cls!r}")
    if not re.fullmatch(r"---|\d{3,4}(:\d{3,4})?|:\d{3,4}", code):
        errors.append(f"{where}: bad code {code!r}")
    if form not in FORMS:
        errors.append(f"{where}: bad form {form!r}")
    if not block:
        errors.append(f"{where}: empty block")
    for note in notes.split("|") if notes else []:
        if not NOTE.fullmatch(note):
            errors.append(f"{where}: bad note {note!r}")
    if (phrase, rel, code) in seen:
        errors.append(f"{where}: duplicate ({phrase}, {rel}, {code})")
    seen.add((phrase, rel, code))
cue_relations = {}
for _, c in cues:
    cue_relations.setdefault(c[0], set()).add(c[1])
shared_cues = sum(1 for v in cue_relations.values() if len(v) > 1)
if shared_cues:
    warnings.append(f"cameo-cues.tsv: {shared_cues} phrases map to more than one relation "
                    f"(python3 Scripts/make_cues.py lists them)")

exclusions = rows("cameo-exclusions.tsv", 2, 2, REL_RES)
seen = set()
for n, (phrase, reason) in exclusions:
    if phrase != phrase.lower() or not PHRASE.fullmatch(phrase):
        errors.append(f"cameo-exclusions.tsv:{n}: phrase not lowercase single-spaced words: {phrase!r}")
    if not reason:
        errors.append(f"cameo-exclusions.tsv:{n}: no reason for {phrase!r}")
    if phrase in seen:
        errors.append(f"cameo-exclusions.tsv:{n}: duplicate {phrase!r}")
    seen.add(phrase)

if os.path.exists(os.path.join(make_cues.DEFAULT_SRC, "CAMEO.2.0.txt")):
    expected, removed = make_cues.build()
    with open(os.path.join(REL_RES, "cameo-cues.tsv"), encoding="utf-8") as f:
        if f.read() != expected:
            errors.append("cameo-cues.tsv is out of date with CAMEO.2.0.txt, cameo-exclusions.tsv "
                          "or Scripts/make_cues.py: run python3 Scripts/make_cues.py")
    for phrase in sorted(p for p, k in removed.items() if k == 0):
        errors.append(f"cameo-exclusions.tsv: {phrase!r} removes no line (not a CAMEO verb?)")
else:
    notices.append(f"{make_cues.DEFAULT_SRC} not found: up-to-date check of cameo-cues.tsv skipped")

# regions.tsv (Scripts/make_regions.py): states and provinces, read only from name runs
import make_regions  # noqa: E402  (the generator, for the up-to-date check)

regions = rows("regions.tsv", 2, 3)
rform = {}
for n, (name, country, aliases) in regions:
    if country not in cnames:
        errors.append(f"regions.tsv:{n}: unknown country {country!r}")
    for form in [name] + vals(aliases):
        if form in rform:
            errors.append(f"regions.tsv:{n}: {form!r} names {rform[form]} and {name}")
        rform[form] = name
        if form in cform or form in bform:
            errors.append(f"regions.tsv:{n}: {form!r} is also a country or body form")
def check_generated(path, source, build, inputs, script, missing_hint=""):
    """A generated data file must be what its script makes now from `source`, when `source` is here."""
    name = os.path.basename(path)
    if not os.path.exists(source):
        notices.append(f"{source} not found{missing_hint}: up-to-date check of {name} skipped")
        return
    expected, _ = build()
    with open(path, encoding="utf-8") as f:
        if f.read() != expected:
            errors.append(f"{name} is out of date with {inputs} or {script}: run python3 {script}")


check_generated(os.path.join(RES, "regions.tsv"), make_regions.DEFAULT_ISO, make_regions.build,
                "iso-codes, the lexicons", "Scripts/make_regions.py", " (apt-get install iso-codes)")

# office-holders.tsv (Scripts/make_office_holders.py) and office-holders-curated.tsv (by hand)
import calendar  # noqa: E402
import make_office_holders  # noqa: E402  (the generator, for the up-to-date check)


def date_bounds(value, month_ok):
    """(first day, last day) of a YYYY-MM-DD (or YYYY-MM) date, or None if malformed."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m or (m.group(3) is None and not month_ok):
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    if not 1 <= mo <= 12:
        return None
    last = calendar.monthrange(y, mo)[1]
    if m.group(3) is None:
        return (f"{y:04}-{mo:02}-01", f"{y:04}-{mo:02}-{last:02}")
    if not 1 <= int(m.group(3)) <= last:
        return None
    return (value, value)


def check_office_holders(fname, curated):
    lines = rows(fname, 7, 7, REL_RES)
    seen, alias_of = set(), {}
    for n, cols in lines:
        name, aliases, country, agent, start, end, role = cols
        where = f"{fname}:{n}"
        al = vals(aliases)
        if name in al or len(al) != len(set(al)):
            errors.append(f"{where}: alias equal to the name or repeated in {name}")
        if alias_of.setdefault(name, aliases) != aliases:
            errors.append(f"{where}: {name} has other aliases on another line")
        if country and country not in cnames:
            errors.append(f"{where}: unknown country {country!r}")
        if not country and not (agent in bnames if curated else agent.startswith("IGO")):
            errors.append(f"{where}: no country and agent {agent!r} is not "
                          f"{'a name in bodies.tsv' if curated else 'an IGO code'}")
        if curated and not agent:
            errors.append(f"{where}: empty agent")
        bounds = []
        for d in (start, end):
            b = date_bounds(d, curated) if d else ("", "")
            if b is None:
                errors.append(f"{where}: malformed date {d!r}")
            bounds.append(b)
        if all(bounds) and start and end and bounds[0][0] > bounds[1][1]:
            errors.append(f"{where}: from {start} is after to {end}")
        if curated and not re.fullmatch(r"[a-z][a-z -]*", role):
            errors.append(f"{where}: role missing or not lowercase words: {role!r}")
        if not curated and role:
            errors.append(f"{where}: generated file with a role {role!r}")
        if tuple(cols) in seen:
            errors.append(f"{where}: duplicate line")
        seen.add(tuple(cols))
    return lines


holders = check_office_holders("office-holders.tsv", curated=False)
curated_holders = check_office_holders("office-holders-curated.tsv", curated=True)
check_generated(os.path.join(REL_RES, "office-holders.tsv"), make_office_holders.DEFAULT_SRC, make_office_holders.build,
                "the Phoenix dictionaries, countries.tsv", "Scripts/make_office_holders.py")

# cues.tsv (the curated relation cues and function words), relation-words.tsv and
# relation-model.tsv (Scripts/train_relations.py)
import cue_support  # noqa: E402

# The relation types are the rows of KnowledgeGraph's relation-types.tsv (checked below).
RELATIONS = {c[0] for _, c in rows("relation-types.tsv", 3, 4, KG_RES)} - {"*"}
PATTERNS = {"verb", "noun", "symmetric", "reverse", "possessive-object", "evaluative", "evaluative-subject",
            "rebuttal", "listing", "scored"}
FUNCTION_WORDS = {"negation", "modal", "done", "auxiliary", "speech", "boundary", "preposition", "pronoun"}
curated_cues = rows("cues.tsv", 3, 3, REL_RES)
seen = set()
for n, (phrase, rel, pattern) in curated_cues:
    where = f"cues.tsv:{n}"
    if phrase != phrase.lower() or not PHRASE.fullmatch(phrase):
        errors.append(f"{where}: phrase not lowercase single-spaced words: {phrase!r}")
    if rel == "-":
        if pattern not in FUNCTION_WORDS:
            errors.append(f"{where}: unknown function-word class {pattern!r}")
    elif rel not in RELATIONS or pattern not in PATTERNS:
        errors.append(f"{where}: bad relation/pattern {rel!r}/{pattern!r}")
    if (phrase, rel, pattern) in seen:
        errors.append(f"{where}: duplicate ({phrase}, {rel}, {pattern})")
    seen.add((phrase, rel, pattern))
missing_support = cue_support.unsupported()
if missing_support is None:
    notices.append(f"{cue_support.TRAIN} not found: support check of cues.tsv skipped")
else:
    for n, phrase, rel in missing_support:
        errors.append(f"cues.tsv:{n}: {phrase!r} ({rel}) is in no CAMEO entry and in fewer than "
                      f"{cue_support.MIN_ARTICLES} training articles (python3 Scripts/cue_support.py --prune)")

# relation-words.tsv: the classes RelationWords and ScanWords read, each with words. The list below
# must be the one the Swift code declares (RelationWords.classes, ScanWords.classes) and reads
# (its set("...") calls): a class the code reads and the file lacks fails here, not at run time.
WORD_CLASSES = {
    # references to an actor named earlier, and a person's ties to a body (RelationWords)
    "person-pronoun", "body-pronoun", "body-noun", "government-noun", "company-noun", "determiner",
    "list-opener", "role-noun", "origin-preposition", "delegation-noun", "delegation-head-verb",
    "participant-opener",
    # the sentence patterns' words (ScanWords)
    "noun-marker", "coordination-gap", "statement-noun", "unnamed-holder", "passive-adverb", "preposition",
    "objectless-cue-end", "listing-verb", "intensifier", "speech-participle", "after-object-pronoun", "pair-noun",
    "place-preposition", "not-common-noun", "sequence-adverb", "pair-adverb", "sentence-opener",
    "relative-pronoun", "participle-object", "object-pronoun", "conditional", "window-end", "coordinator",
    "conjunction", "sentence-mark", "quote-lead", "perfect-auxiliary", "comma", "genitive",
    "purpose-preposition", "agent-preposition", "verb-coordinator", "infinitive-marker", "that-clause",
    "partner-preposition", "pair-preposition", "inclusion-marker", "pair-number", "article",
    "object-or-determiner", "possessive-marker", "copula", "part-opener", "part-noun", "party-noun",
}
REL_SRC = os.path.join(HERE, "..", "Sources", "RelationExtraction")


def swift_word_classes():
    """The classes the Swift code declares (`static let classes = [...]`) and reads (`set("...")`)."""
    declared, read = set(), set()
    for fname in ("RelationWords.swift", "ScanWords.swift"):
        with open(os.path.join(REL_SRC, fname), encoding="utf-8") as f:
            source = f.read()
        for literal in re.findall(r"static let classes = \[(.*?)\]", source, re.S):
            declared.update(re.findall(r'"([^"]+)"', literal))
        read.update(re.findall(r'\bset\("([^"]+)"', source))
    return declared, read


swift_declared, swift_read = swift_word_classes()
for what, names in (("RelationWords.classes/ScanWords.classes", swift_declared), ("set(\"...\") in Swift", swift_read)):
    for cls in sorted(names - WORD_CLASSES):
        errors.append(f"relation-words.tsv: class {cls!r} of {what} is not in validate_lexicons.py's WORD_CLASSES")
    for cls in sorted(WORD_CLASSES - names):
        errors.append(f"relation-words.tsv: class {cls!r} of WORD_CLASSES is not in {what}")
relation_words = rows("relation-words.tsv", 2, 2, REL_RES)
seen = set()
for n, (word, cls) in relation_words:
    if word != word.lower() or " " in word:
        errors.append(f"relation-words.tsv:{n}: not one lowercase word: {word!r}")
    if cls not in WORD_CLASSES:
        errors.append(f"relation-words.tsv:{n}: unknown class {cls!r}")
    if (word, cls) in seen:
        errors.append(f"relation-words.tsv:{n}: duplicate ({word}, {cls})")
    seen.add((word, cls))
for cls in sorted(WORD_CLASSES - {cls for _, (_, cls) in relation_words}):
    errors.append(f"relation-words.tsv: no words of class {cls!r}, which the extractor reads")

# judgement-words.tsv (generated by Scripts/make_judgement_words.py from the VADER lexicon): one
# plain lowercase word and its mean rating per line, negative, sorted, no duplicates, and the
# lexicon's license kept in the header.
judgement_words = rows("judgement-words.tsv", 2, 2, REL_RES)
previous = ""
for n, (word, rating) in judgement_words:
    if not re.fullmatch(r"[a-z]+(?:['-][a-z]+)*", word):
        errors.append(f"judgement-words.tsv:{n}: not one plain lowercase word: {word!r}")
    try:
        if float(rating) >= 0:
            errors.append(f"judgement-words.tsv:{n}: rating {rating} is not negative")
    except ValueError:
        errors.append(f"judgement-words.tsv:{n}: rating {rating!r} is not a number")
    if word <= previous:
        errors.append(f"judgement-words.tsv:{n}: {word!r} is out of order or repeated")
    previous = word
with open(os.path.join(REL_RES, "judgement-words.tsv"), encoding="utf-8") as f:
    if "MIT License" not in f.read(4096):
        errors.append("judgement-words.tsv: the VADER lexicon's license is missing from the header")

model_rows = rows("relation-model.tsv", 3, 3, REL_RES)
model_settings = {}
for n, (rel, feature, weight) in model_rows:
    if rel not in RELATIONS:
        errors.append(f"relation-model.tsv:{n}: unknown relation {rel!r}")
    try:
        value = float(weight)
    except ValueError:
        errors.append(f"relation-model.tsv:{n}: weight is no number: {weight!r}")
        continue
    if feature.startswith("@"):
        model_settings[(rel, feature)] = value
    elif not feature.startswith(rel + "|"):
        errors.append(f"relation-model.tsv:{n}: feature {feature!r} is not one of {rel}'s")
for rel in sorted({c[0] for _, c in model_rows}):
    threshold = model_settings.get((rel, "@threshold"))
    if (rel, "@bias") not in model_settings or threshold is None or not 0 < threshold < 1:
        errors.append(f"relation-model.tsv: {rel} needs @bias and a @threshold between 0 and 1")

# relation-types.tsv (KnowledgeGraph's resources): the relation types cues.tsv and
# relation-model.tsv may name (RELATIONS above), a * row for the rest, directions and colours the
# Swift reader accepts, and the four relations of the annotation guidelines.
relation_types = rows("relation-types.tsv", 3, 4, KG_RES)
relation_type_names = set()
for n, cols in relation_types:
    name, direction, colour = cols[0], cols[1], cols[2]
    if name in relation_type_names:
        errors.append(f"relation-types.tsv:{n}: {name!r} listed twice")
    relation_type_names.add(name)
    if name != "*" and not re.fullmatch(r"[a-z][a-z_]*", name):
        errors.append(f"relation-types.tsv:{n}: name {name!r} is not lowercase words joined by _")
    if direction not in ("symmetric", "directed"):
        errors.append(f"relation-types.tsv:{n}: direction {direction!r} is neither symmetric nor directed")
    if not re.fullmatch(r"#[0-9a-f]{6}", colour):
        errors.append(f"relation-types.tsv:{n}: colour {colour!r} is not #rrggbb (lowercase)")
if "*" not in relation_type_names:
    errors.append("relation-types.tsv: no * row for relation types it does not list")
for rel in ("sanctioned", "met_with", "criticized", "affiliated_with"):
    if rel not in relation_type_names:
        errors.append(f"relation-types.tsv: no row for {rel}, a relation of the annotation guidelines")

print(f"countries.tsv                {len(countries)} rows")
print(f"bodies.tsv                   {len(bodies)} rows "
      f"({sum(1 for _, c in bodies if c[1] == 'agency')} agency, "
      f"{sum(1 for _, c in bodies if c[1] == 'organization')} organization)")
print(f"heads.tsv                    {len(heads)} rows")
print(f"titles.tsv                   {len(titles)} rows")
print(f"words.tsv                    {len(word_rows)} rows")
print(f"given-names.txt              {len(given)} names")
print(f"phoenix-bodies.tsv           {len(pbodies)} rows (generated)")
print(f"phoenix-people.tsv           {len(ppeople)} rows (generated)")
print(f"phoenix-given-names.txt      {len(phoenix_given)} names (generated)")
print(f"family-names-east-asian.txt  {len(family)} names")
print(f"regions.tsv                  {len(regions)} rows (generated)")
print(f"capitalized-non-entities.txt {len(nonent)} words")
print(f"boilerplate.txt              {len(boiler)} phrases")
print(f"cameo-cues.tsv               {len(cues)} cues")
print(f"cameo-exclusions.tsv         {len(exclusions)} verbs")
print(f"cues.tsv                     {len(curated_cues)} cues and function words")
print(f"relation-words.tsv           {len(relation_words)} words")
print(f"judgement-words.tsv          {len(judgement_words)} words (generated)")
print(f"relation-model.tsv           {len(model_rows)} weights")
print(f"relation-types.tsv           {len(relation_types)} types")
print(f"office-holders.tsv           {len(holders)} spans of {len({c[0] for _, c in holders})} persons")
print(f"office-holders-curated.tsv   {len(curated_holders)} spans of "
      f"{len({c[0] for _, c in curated_holders})} persons")
for m in notices:
    print("note:", m)
for w in warnings:
    print("warning:", w)
for e in errors:
    print("ERROR:", e)
sys.exit(1 if errors else 0)
