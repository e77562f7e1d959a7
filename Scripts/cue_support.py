#!/usr/bin/env python3
"""Which relation cues of cues.tsv have support, for the lexicon validator.

A cue (a phrase of cues.tsv whose relation is not '-') belongs in the lexicon only when the
event-data dictionaries hold it (a phrase of cameo-cues.tsv, generated from CAMEO) or when at
least two training articles use it (../shared/corpus/train/articles, lowercased, words split at
anything but letters, digits, hyphens and apostrophes). Function words (relation '-': negation,
modal, speech...) are grammar, not cues, and are not checked.

    cue_support.py            lists the cues without support
    cue_support.py --prune    rewrites cues.tsv without them (comments and order kept)
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REL_RES = os.path.join(HERE, "..", "Sources", "RelationExtraction", "Resources")
TRAIN = os.path.join(HERE, "..", "..", "shared", "corpus", "train", "articles")
MIN_ARTICLES = 2


def normalized(text):
    return " " + " ".join(re.sub(r"[^a-z0-9'’\-]+", " ", text.lower()).split()) + " "


def unsupported(train=TRAIN, resources=REL_RES):
    """(line number, phrase, relation) of every cue without support; None when the training
    articles are not there."""
    if not os.path.isdir(train):
        return None
    with open(os.path.join(resources, "cameo-cues.tsv"), encoding="utf-8") as f:
        cameo = {line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")}
    articles = []
    for name in sorted(os.listdir(train)):
        with open(os.path.join(train, name), encoding="utf-8", errors="replace") as f:
            articles.append(normalized(f.read()))
    missing = []
    with open(os.path.join(resources, "cues.tsv"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            phrase, relation = line.rstrip("\n").split("\t")[:2]
            if relation == "-" or phrase in cameo:
                continue
            needle = " " + phrase + " "
            if sum(1 for text in articles if needle in text) < MIN_ARTICLES:
                missing.append((number, phrase, relation))
    return missing


def main():
    missing = unsupported()
    if missing is None:
        sys.exit(f"{TRAIN} not found")
    if "--prune" in sys.argv:
        path = os.path.join(REL_RES, "cues.tsv")
        drop = {number for number, _, _ in missing}
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(line for number, line in enumerate(lines, 1) if number not in drop)
        print(f"removed {len(drop)} cues without support")
    else:
        for number, phrase, relation in missing:
            print(f"cues.tsv:{number}: {phrase!r} ({relation})")


if __name__ == "__main__":
    main()
