#!/usr/bin/env python3
"""Generate Sources/RelationExtraction/Resources/cameo-cues.tsv from CAMEO.

Reads the CAMEO verb dictionary of PETRARCH-2 (../shared/data/petrarch2/
CAMEO.2.0.txt, MIT licence) and writes every phrase whose CAMEO code maps to
a NewsGraph relation or marks an event as not having happened (CODE MAP
below). Verbs listed in cameo-exclusions.tsv (curated by hand) are dropped.

Reading (PETRARCH-2 conventions): `---  NAME  [code]  ---` opens a block of
verbs with that code unless a verb line has its own `[code]`. A line
`- pattern [code]  # VERB` is a phrase around the verb(s) the comment names
(see pattern_scope): `*` the verb, `$` the source, `+` the target, `^` one
skipped word, `&SET` a synonym set, `A/B` alternatives; `{...}` and `(...)`
only group words; `_` joins words and a final `_` ("exact word") is dropped.
Pattern words are emitted literally (PETRARCH matches a few as prefixes,
e.g. `violat`). `[a:b]` codes a from source to target and b back; `[:b]`
only the reverse event.

Inflection, where CAMEO lists no `{...}` forms (3sg and -ing are also filled
in when a non-empty list lacks them; `{}` marks a fixed phrase):
  3sg   -s; -es after s, x, z, ch, sh and consonant+o; consonant+y -> -ies
  past  -ed; -d after e; consonant+y -> -ied; IRREGULAR below
  -ing  drop a final e (denounce -> denouncing), not ee/ye/oe; ie -> ying
  the final consonant doubles before -ed/-ing in one-syllable verbs ending
  consonant-vowel-consonant (ban -> banned, slam -> slammed; not w, x, y)
  and in the stress-final verbs of STRESS_FINAL (expel -> expelled); an
  unstressed vowel + l gets both spellings (traveled, travelled); -ic takes
  k (panicked). Multi-word verbs inflect their first word, hyphenated verbs
  their last part.

Usage: python3 Scripts/make_cues.py [--all-verbs] [PETRARCH_DIR] [OUTPUT_TSV]
  --all-verbs applies each pattern to every verb of its block, as PETRARCH-2
  does (about seven times the lines). A summary goes to stderr.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
DEFAULT_SRC = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "petrarch2"))
RES = os.path.join(ROOT, "Sources", "RelationExtraction", "Resources")
DEFAULT_OUT = os.path.join(RES, "cameo-cues.tsv")
EXCLUSIONS = os.path.join(RES, "cameo-exclusions.tsv")
COMMAND = "python3 Scripts/make_cues.py"

# ---------------------------------------------------------------- CODE MAP
CRITICIZED = {"110", "111", "112", "1121", "1122", "1123", "1124", "1125", "114"}
REJECT = {"125", "128"}
SANCTIONED = {"163"}
MET_WITH = {"040", "041", "042", "043", "044", "045", "046"}
# 125 "reject a proposal to meet, discuss or negotiate": a refused meeting is
# a non-event; 125 on anything else is a rejection aimed at an actor.
MEETING_WORDS = {"talk", "talks", "negotiation", "negotiations", "dialogue",
                 "discussion", "discussions", "meeting", "meetings", "meet",
                 "visit", "visits", "summit", "conference", "session", "contact", "trip"}
RELATION_ORDER = ["criticized", "met_with", "sanctioned", "-"]
FORM_ORDER = ["base", "3sg", "past", "participle", "gerund"]


def classify(code, words=()):
    """(relation, class) for one CAMEO code, or None when not emitted."""
    if code == "---":
        return ("-", "none")
    if code in CRITICIZED:
        return ("criticized", "event")
    if code in REJECT:
        if code == "125" and MEETING_WORDS & set(words):
            return ("-", "refuse")
        return ("criticized", "reject")
    if code in SANCTIONED:
        return ("sanctioned", "event")
    if code in MET_WITH:
        return ("met_with", "event")
    if code.startswith("03"):
        return ("-", "intent")
    if code.startswith("13"):
        return ("-", "threat")
    return None


def classify_written(code, words=()):
    """(relation, class, note) for a code as written: 'a', 'a:b' or ':b'."""
    fwd, _, rev = code.partition(":")
    cf = classify(fwd, words) if fwd else None
    cr = classify(rev, words) if rev else None
    if cf:
        return cf + ("mutual" if cr == cf else "",)
    if cr:
        return cr + ("reverse",)
    return None


# ---------------------------------------------------------------- inflection
STRESS_FINAL = set("""
abet abhor acquit admit allot annul befit beget begin commit compel concur
confer control defer demur deter dispel embed emit enrol enthral equip excel
expel extol forbid forget impel incur infer instil occur omit outbid outwit
overrun patrol permit prefer propel rebel rebut recur refer regret remit repel
resubmit submit transfer transmit underpin unpin upset
""".split())


# English irregular verbs (base/past[/participle]) that CAMEO lists without
# their forms (it lists them for most verbs, but not e.g. for HEAR or SET).
IRREGULAR = {e.split("/")[0]: e.split("/")[1:] for e in """
beat/beat/beaten bring/brought broadcast/broadcast cast/cast cut/cut
draw/drew/drawn forgive/forgave/forgiven hear/heard hit/hit hurt/hurt lose/lost
set/set shut/shut spread/spread spring/sprang/sprung teach/taught
tear/tore/torn thrust/thrust understand/understood upset/upset
""".split()}


def doubles(word):
    """True when the final consonant doubles before -ed/-ing."""
    w = word.split("-")[-1]
    if w in STRESS_FINAL:
        return True
    w = w.replace("qu", "q")
    return bool(re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", w))


def third_person(w):
    if re.search(r"(s|x|z|ch|sh)$", w) or re.search(r"[^aeiou]o$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    return w + "s"


def suffixed(w, suffix):
    """All spellings of w + '-ed' (suffix 'ed') or w + '-ing' (suffix 'ing')."""
    if suffix == "ed" and w.endswith("e"):
        return [w + "d"]
    if suffix == "ed" and re.search(r"[^aeiou]y$", w):
        return [w[:-1] + "ied"]
    if suffix == "ing" and w.endswith("ie"):
        return [w[:-2] + "ying"]
    if suffix == "ing" and w.endswith("e") and not re.search(r"(ee|ye|oe)$", w) and len(w) > 2:
        return [w[:-1] + "ing"]
    if doubles(w):
        return [w + w[-1] + suffix]
    if re.search(r"[^aeiou]ic$", w) and len(w) > 3:
        return [w + "k" + suffix]
    if re.search(r"[^aeiou][aeiou]l$", w):  # unstressed -el/-al: US and British
        return [w + suffix, w + "l" + suffix]
    return [w + suffix]


def regular_forms(words):
    """[(words, form)] for a verb (tuple of words) inflected on its first word."""
    head, rest = words[0], words[1:]
    out = [((head,) + rest, "base"), ((third_person(head),) + rest, "3sg")]
    prefix, _, last = head.rpartition("-")
    if last in IRREGULAR:
        for f, form in zip(IRREGULAR[last], ("past", "participle")):
            out.append(((prefix + "-" * bool(prefix) + f,) + rest, form))
    else:
        out += [((f,) + rest, "past") for f in suffixed(head, "ed")]
    out += [((f,) + rest, "gerund") for f in suffixed(head, "ing")]
    return out


BE_FORMS = {"is": "base", "are": "base", "am": "base", "be": "base",
            "was": "past", "were": "past", "been": "participle"}


def listed_forms(base, listed):
    """Label the forms CAMEO lists in {...}; fill in a missing 3sg or -ing."""
    out, pasts = [(base, "base")], []
    for f in listed:
        if f == base or len(f) != len(base):
            continue
        i = next(k for k in range(len(f)) if f[k] != base[k])
        w, b = f[i], base[i]
        if w in BE_FORMS:
            out.append((f, BE_FORMS[w]))
        elif w.endswith("ing"):
            out.append((f, "gerund"))
        elif w == third_person(b) or (w.endswith("s") and not w.endswith("ss") and len(w) > len(b)):
            out.append((f, "3sg"))
        else:
            pasts.append(f)
    for f in pasts:
        first_diff = next(k for k in range(len(f)) if f[k] != base[k])
        form = "participle" if len(pasts) > 1 and re.search(r"ne?$", f[first_diff]) else "past"
        out.append((f, form))
    if listed:
        have = {form for _, form in out}
        out += [rf for rf in regular_forms(base) if rf[1] in ("3sg", "gerund") and rf[1] not in have]
    return out


# ---------------------------------------------------------------- reading
def words_of(token):
    return tuple(w.lower() for w in token.strip("+").split("_") if w)


def read_cameo(path):
    """Synonym sets and blocks [{name, code, verbs, patterns}] of the dictionary."""
    synsets, blocks, stats = {}, [], {"compositional rules skipped": 0}
    current_set = None
    in_verbs = False
    for n, raw in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
        if raw.lstrip().startswith("#"):
            in_verbs = in_verbs or "VERB PATTERNS" in raw
            continue  # a comment line does not end a synonym set
        line, _, comment = raw.partition("#")
        line = line.split(";", 1)[0].rstrip()
        if not line.strip():
            current_set = None
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.strip().rstrip("_")
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(line[1:].strip())
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if m:
            blocks.append({"name": m.group(1), "code": m.group(2), "verbs": [], "patterns": []})
            continue
        if line.startswith("~"):
            stats["compositional rules skipped"] += 1
            continue
        if line.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", line)
            if not m:
                stats.setdefault("unreadable lines skipped", set()).add(n)
                continue
            origin = [c.strip() for c in comment.split(",") if c.strip()]
            blocks[-1]["patterns"].append((m.group(1), m.group(2), n, origin))
            continue
        m = re.match(r"^(\+?[A-Z][A-Z'._+-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*$", line.strip())
        if not m:
            stats.setdefault("unreadable lines skipped", set()).add(n)
            continue
        base = words_of(m.group(1))
        stem = base[0][:-3]
        if base[0].endswith("ing") and any(v[0][0] in (stem, stem + "e") for v in blocks[-1]["verbs"]):
            stats.setdefault("verb lines that are the -ing form of a verb above skipped", set()).add(n)
            continue
        listed = None
        if m.group(2) is not None:
            listed = [words_of(t) for t in m.group(2)[1:-1].replace(",", " ").split()]
        code = m.group(3)[1:-1] if m.group(3) else None
        blocks[-1]["verbs"].append((base, listed, code, n))
    return synsets, blocks, stats


def expand_set(name, synsets, depth=0):
    out = []
    for entry in synsets.get(name, []):
        if entry.startswith("&") and depth < 3:
            out += expand_set(entry.rstrip("_"), synsets, depth + 1)
        else:
            out.append(words_of(entry))
    return out


def expand_pattern(text, synsets):
    """All token sequences of a pattern; tokens are words or '*', '$', '+', '^'.
    Returns None when the pattern is malformed."""
    if text.count("(") != text.count(")") or text.count("{") != text.count("}"):
        return None
    seqs = [()]
    for raw in re.sub(r"[(){}]", " ", text).split():
        choices = []
        for alt in raw.split("/"):  # BY/WITH: one of the words
            alt_seqs = [()]
            for part in re.split(r"_(?=.)", alt):  # `_` joins words; a final `_` is dropped
                part = part.rstrip("_")
                if part.startswith("&"):
                    opts = expand_set(part, synsets)
                elif part in ("*", "$", "+", "^"):
                    opts = [(part,)]
                elif re.fullmatch(r"[A-Z0-9'.-]+", part):
                    opts = [(part.lower(),)]
                else:
                    opts = []
                if not opts:
                    return None
                alt_seqs = [s + o for s in alt_seqs for o in opts]
            choices += alt_seqs
        seqs = [s + c for s in seqs for c in choices]
    return seqs


def render(seq, verb):
    """Phrase words, notes and lemma words of one pattern sequence with verb
    = (words, lemma words). Markers after the verb end the phrase."""
    words, lemma, notes, seen_verb = [], [], [], False
    for i, tok in enumerate(seq):
        if tok == "*":
            words += verb[0]
            lemma += verb[1]
            seen_verb = True
        elif tok in ("$", "+"):
            who = "target" if tok == "+" else "source"
            if not seen_verb:
                notes.append(f"{who}-before")
                continue
            gap = "-skip" if i > 0 and seq[i - 1] == "^" else ""
            notes.append(f"{who}-after{gap}")
            break
        elif tok == "^":
            if not (seen_verb and i + 1 < len(seq) and seq[i + 1] in ("$", "+")):
                notes.append(f"skip@{len(words)}")  # else said by "-after-skip"
        else:
            words.append(tok)
            lemma.append(tok)
    if seq and seq[0] not in ("*", "$", "+", "^") and seq.index("*") > 0:
        notes.insert(0, "pre-verb")
    return words, lemma, notes


# ---------------------------------------------------------------- building
def verb_forms(base, listed):
    if listed == []:  # `{}`: a fixed phrase
        return [(base, "base")]
    return listed_forms(base, listed) if listed else regular_forms(base)


def pattern_scope(origin, verbs, all_verbs):
    """The verbs of a block a pattern applies to. CAMEO's `# VERB` comment
    names the verb(s) the pattern was written for; PETRARCH-2 applies every
    pattern to all verbs of its block, which turns "debate sanctions [040]"
    into "oppose sanctions" = a meeting. Here a pattern keeps to the verbs
    its comment names, to all verbs when it has no comment (all_verbs=True:
    always), and to none when the comment names a verb of another block."""
    if all_verbs or not origin:
        return verbs
    names = {words_of(o.replace(" ", "_")) for o in origin}
    return [v for v in verbs
            if v[0] in names or any(w in names for w, _ in verb_forms(v[0], v[1]))]


def candidates(synsets, blocks, stats, all_verbs=False):
    """Yield (phrase, relation, code, form, block, notes, class, lemma)."""
    for b in blocks:
        mapped = classify_written(b["code"]) not in (None, ("-", "none", ""))
        for base, listed, vcode, _ in b["verbs"]:
            forms = verb_forms(base, listed)
            code = vcode or b["code"]
            cls = classify_written(code)
            if code == "---" and not mapped:
                cls = None  # `[---]` (no event) is worth saying only under a mapped block
            if cls:
                for words, form in forms:
                    yield (" ".join(words), cls[0], code, form, b["name"], cls[2], cls[1], " ".join(base))
        for text, pcode, n, origin in b["patterns"]:
            seqs = expand_pattern(text, synsets)
            if seqs is None:
                stats.setdefault("malformed patterns skipped", set()).add(n)
                continue
            scope = pattern_scope(origin, b["verbs"], all_verbs)
            if not scope:
                stats.setdefault("patterns whose comment names a verb of another block skipped",
                                 set()).add(n)
            for base, listed, vcode, _ in scope:
                forms = verb_forms(base, listed)
                for seq in seqs:
                    cls = classify_written(pcode, seq)
                    if pcode == "---" and not mapped:
                        cls = None
                    if not cls:
                        continue
                    for words, form in forms:
                        phrase, lemma, notes = render(seq, (words, base))
                        notes = ([cls[2]] if cls[2] else []) + notes
                        yield (" ".join(phrase), cls[0], pcode, "phrase-" + form, b["name"],
                               "|".join(notes), cls[1], " ".join(lemma))


def read_exclusions(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line and not line.startswith("#"):
            phrase, reason = line.split("\t")
            out[phrase] = reason
    return out


def sort_key(row):
    phrase, rel, code, form, block, notes, cls, lemma = row
    fbase = form.replace("phrase-", "")
    return (RELATION_ORDER.index(rel), cls, code, block, lemma, form.startswith("phrase"),
            FORM_ORDER.index(fbase), phrase, notes)


HEADER = """\
# cameo-cues.tsv - GENERATED by Scripts/make_cues.py from CAMEO.2.0.txt (PETRARCH-2 verb dictionary,
# github.com/openeventdata/petrarch2, commit 676801cd9cb2); do not edit by hand.
# License: MIT. {license} (LICENSE); {cameo} (CAMEO.2.0.txt).
# Regenerate: {command}
# Columns: phrase<TAB>relation<TAB>code<TAB>form<TAB>block<TAB>notes<TAB>class
#   phrase    lowercase words separated by one space (CAMEO's `_` is a space; hyphens kept)
#   relation  criticized | met_with | sanctioned | - (the phrase marks an event that did not happen)
#   code      CAMEO code as written: 111, 1122, 041 ...; a:b = a from source to target and b back;
#             :b = only the reverse event; --- = no event
#   form      base | 3sg | past (also the participle when both are the same) | participle | gerund;
#             phrase-<form> = a CAMEO pattern: the verb in that form plus its words
#   block     the CAMEO verb block the line comes from
#   notes     |-separated: mutual (both directions coded), reverse (the target acts on the source),
#             pre-verb (the phrase starts with words before the verb: a subject such as 'rebels'
#             or an adverb such as 'illegally'), skip@N (one unlisted word follows the Nth word),
#             target-after / source-after (the actor follows the phrase; -skip: after one more
#             word), target-before / source-before (the actor precedes the verb)
#   class     event | reject (125/128: counts only when aimed at an actor) | intent (03x) |
#             threat (13x) | refuse (125 on talks, meetings, visits) | none (CAMEO codes no event)
# PETRARCH matched patterns against a parse, so in text other words may stand between the verb and
# a pattern's noun or prepositional phrase ('went to Paris for consultations' for 'went to for
# consultations'). A pattern applies to the verb its CAMEO comment names (see the script).
# Verbs in cameo-exclusions.tsv are left out. Inflection rules: see the script's docstring.
"""


def generate(src_dir=DEFAULT_SRC, exclusions_path=EXCLUSIONS, log=None, all_verbs=False):
    """Return the text of cameo-cues.tsv; write the summary to `log`."""
    return build(src_dir, exclusions_path, log, all_verbs)[0]


def build(src_dir=DEFAULT_SRC, exclusions_path=EXCLUSIONS, log=None, all_verbs=False):
    """(text of cameo-cues.tsv, lines removed per exclusion)."""
    cameo = os.path.join(src_dir, "CAMEO.2.0.txt")
    synsets, blocks, stats = read_cameo(cameo)
    exclusions = read_exclusions(exclusions_path)
    removed = {p: 0 for p in exclusions}
    kept = {}
    for row in candidates(synsets, blocks, stats, all_verbs):
        if row[7] in exclusions:
            removed[row[7]] += 1
            continue
        key = (row[0], row[1], row[2])
        if key not in kept or sort_key(row) < sort_key(kept[key]):
            kept[key] = row
    rows = sorted(kept.values(), key=sort_key)
    copyright_line = next(l.strip() for l in open(os.path.join(src_dir, "LICENSE"))
                          if l.startswith("Copyright"))
    cameo_copyright = next(l.strip("# \n") for l in open(cameo, encoding="utf-8", errors="replace")
                           if l.startswith("# Copyright"))
    head = HEADER.format(license=copyright_line, cameo=cameo_copyright, command=COMMAND)
    body = ["\t".join(r[:7]) for r in rows]
    if log:
        report(rows, removed, stats, log)
    return head + "".join(line + "\n" for line in body), removed


def report(rows, removed, stats, log):
    relations = {}
    for r in rows:
        relations.setdefault(r[0], set()).add(r[1])
    pairs = {}
    for phrase, rels in relations.items():
        if len(rels) > 1:
            pairs.setdefault(" + ".join(sorted(rels)), []).append(phrase)
    print(f"{sum(map(len, pairs.values()))} phrases map to more than one relation:", file=log)
    for k in sorted(pairs):
        print(f"  {k}: {len(pairs[k])} (e.g. {', '.join(sorted(pairs[k])[:4])})", file=log)
    counts = {}
    for r in rows:
        counts[r[1], r[6]] = counts.get((r[1], r[6]), 0) + 1
    print(f"{len(rows)} lines per relation/class:", file=log)
    for rel, cls in sorted(counts, key=lambda k: (RELATION_ORDER.index(k[0]), k[1])):
        print(f"  {rel:11} {cls:7} {counts[rel, cls]}", file=log)
    print("lines removed by cameo-exclusions.tsv:", file=log)
    for p in sorted(removed):
        print(f"  {p:24} {removed[p]}{'  (removes nothing: stale?)' * (removed[p] == 0)}", file=log)
    for k, v in sorted(stats.items()):
        where = f" (CAMEO lines {', '.join(map(str, sorted(v)))})" if isinstance(v, set) else ""
        print(f"{k}: {len(v) if isinstance(v, set) else v}{where}", file=log)


def main():
    args = [a for a in sys.argv[1:] if a != "--all-verbs"]
    src = args[0] if args else DEFAULT_SRC
    out = args[1] if len(args) > 1 else DEFAULT_OUT
    text = generate(src, EXCLUSIONS, log=sys.stderr, all_verbs="--all-verbs" in sys.argv)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    cues = sum(1 for line in text.splitlines() if not line.startswith("#"))
    print(f"wrote {cues} cues to {os.path.relpath(out, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
