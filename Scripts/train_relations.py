#!/usr/bin/env python3
"""Train the relation scorer: a logistic regression per relation over candidate features.

    train_relations.py --candidates CANDIDATES.jsonl --gold CORPUS/gold... [--output MODEL.tsv]
                       [--folds 5] [--report]

CANDIDATES.jsonl comes from `train-relations ARTICLES...` (one line per article: its entities,
affiliations and candidate edges with their features). Each candidate is labelled by the
official scorer's own matching (../shared/eval/score.py): positive when it would count as a
true edge, negative when it would count as a false one, left out when the gold lists it as
optional. Features seen in fewer than two training articles are dropped, so no weight rests
on one article. Thresholds are chosen by cross-validation over articles, to maximise F1.
Training is deterministic: full-batch L-BFGS from zero weights, folds by sorted article name.
"""
import argparse
import json
import math
import sys
import zlib
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

MISSION = ["sanctioned", "met_with", "criticized"]
RELATIONS = MISSION + ["affiliated_with"]


def load_scorer(path):
    sys.path.insert(0, str(Path(path).resolve()))
    import score  # noqa: E402  (the official scorer, beside the corpora)
    return score


def gold_file(gold_dirs, document):
    """The gold file of an article, from the first of the gold folders that has it."""
    paths = [Path(d) / f"{document}.json" for d in gold_dirs]
    return next((path for path in paths if path.exists()), paths[0])


def label_candidates(score, articles, gold_dirs):
    """Adds 'label' (1, 0 or None) to every candidate."""
    for article in articles:
        gold = json.loads(gold_file(gold_dirs, article["document"]).read_text())
        for candidate in article["candidates"]:
            pred = {"entities": article["entities"],
                    "relations": [{"source": candidate["source"], "type": candidate["type"], "target": candidate["target"]}]}
            _, rel, _, _ = score.score_document(gold, pred, [])
            counts = rel.get(candidate["type"])
            if counts is None or (counts.tp == 0 and counts.fp == 0):
                candidate["label"] = None
            else:
                candidate["label"] = 1 if counts.tp else 0


def feature_index(articles, relation, min_articles=2):
    support = defaultdict(set)
    for article in articles:
        for candidate in article["candidates"]:
            if candidate["type"] == relation:
                for occurrence in candidate["occurrences"]:
                    for feature in occurrence:
                        support[feature].add(article["document"])
    names = sorted(f for f, docs in support.items() if len(docs) >= min_articles)
    return {name: i for i, name in enumerate(names)}


def bags(articles, relation, index):
    """The candidates of `relation` as bags of occurrences: (rows, bag of each row, labels, refs)."""
    rows, owner, labels, refs = [], [], [], []
    for a, article in enumerate(articles):
        for c, candidate in enumerate(article["candidates"]):
            if candidate["type"] != relation:
                continue
            for occurrence in candidate["occurrences"]:
                rows.append([index[f] for f in occurrence if f in index])
                owner.append(len(labels))
            labels.append(candidate.get("label"))
            refs.append((a, c))
    return rows, owner, labels, refs


def design(rows, dimension):
    from scipy.sparse import csr_matrix
    indptr, indices = [0], []
    for r in rows:
        indices.extend(r)
        indptr.append(len(indices))
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), dimension))


def softplus(z):
    return np.logaddexp(0, z)


def penalties(index, l2, lexical):
    """The L2 penalty of each feature: words (`|w:` features) are penalised `lexical` times more,
    so a weight rests on a word only when many articles agree."""
    scale = np.full(len(index), l2)
    for name, i in index.items():
        if "|w:" in name:
            scale[i] = l2 * lexical
    return scale


def fit(rows, owner, labels, dimension, l2):
    """Noisy-or multiple-instance logistic regression: a bag (an edge) holds unless every one of
    its occurrences fails; negatives push every occurrence down, positives at least one up."""
    keep = [i for i, y in enumerate(owner) if labels[y] is not None]
    if not keep:
        return np.zeros(dimension), 0.0
    bag_ids = sorted({owner[i] for i in keep})
    remap = {b: k for k, b in enumerate(bag_ids)}
    X = design([rows[i] for i in keep], dimension)
    bag = np.array([remap[owner[i]] for i in keep])
    y = np.array([labels[b] for b in bag_ids], dtype=float)
    n_bags = len(bag_ids)

    def loss(w):
        z = X @ w[1:] + w[0]
        total = np.bincount(bag, weights=softplus(z), minlength=n_bags)   # S = -log P(no occurrence holds)
        total = np.maximum(total, 1e-12)
        value = np.sum((1 - y) * total) - np.sum(y * np.log(-np.expm1(-total))) + np.dot(l2 * w[1:], w[1:])
        sig = 1 / (1 + np.exp(-z))
        per_bag = np.where(y == 1, -1 / np.expm1(total), 1.0)
        g = sig * per_bag[bag]
        grad = np.concatenate([[g.sum()], X.T @ g + 2 * l2 * w[1:]])
        return value, grad

    result = minimize(loss, np.zeros(dimension + 1), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    return result.x[1:], result.x[0]


def bag_probabilities(rows, owner, n_bags, weights, bias, pool="noisy-or"):
    none = [1.0] * n_bags
    best = [0.0] * n_bags
    for r, b in zip(rows, owner):
        z = bias + sum(weights[i] for i in r)
        p = 1 / (1 + math.exp(-z))
        none[b] *= 1 - p
        best[b] = max(best[b], p)
    return [1 - x for x in none] if pool == "noisy-or" else best


GOLD = {}


def evaluate(score, articles, gold_dir, predicted, relations=None):
    """Counts of `predicted` ({article index: [candidate]}) by the official scorer."""
    relations = relations or RELATIONS
    totals = defaultdict(lambda: [0, 0, 0])
    for a, article in enumerate(articles):
        path = gold_file(gold_dir, article["document"])
        if path not in GOLD:
            GOLD[path] = json.loads(path.read_text())
        gold = GOLD[path]
        # Only the relations asked for are scored: the others' edges are left out of both sides.
        gold = {**gold, "relations": [r for r in gold["relations"] if r["type"] in relations or r["type"] == "affiliated_with"],
                "optional_relations": [r for r in gold.get("optional_relations", []) if r["type"] in relations or r["type"] == "affiliated_with"]}
        if relations != RELATIONS and not any(r["type"] in relations for r in gold["relations"]) and not predicted.get(a):
            continue
        pred = {"entities": article["entities"], "relations": article["relations"] + predicted.get(a, [])}
        _, rel, _, _ = score.score_document(gold, pred, [])
        for relation in relations:
            counts = rel.get(relation)
            if counts:
                totals[relation][0] += counts.tp
                totals[relation][1] += counts.fp
                totals[relation][2] += counts.fn
    return totals


def cross_validate(articles, args, seed):
    """Held-out probability of every candidate: {(article index, candidate index): p}."""
    held_out = {}
    for relation in RELATIONS:
        for fold in range(args.folds):
            train = [a for a in articles if fold_of(a, args.folds, seed) != fold]
            index = feature_index(train, relation)
            weights, bias = fit(*bags(train, relation, index)[:3], len(index), penalties(index, args.l2, args.lexical))
            test_ids = [i for i in range(len(articles)) if fold_of(articles[i], args.folds, seed) == fold]
            rows, owner, labels, refs = bags([articles[i] for i in test_ids], relation, index)
            for (a, c), p in zip(refs, bag_probabilities(rows, owner, len(labels), weights, bias, args.pool)):
                held_out[(test_ids[a], c)] = p
    return held_out


def is_rule_edge(candidate):
    """Whether the clause rules found the candidate (its `relation|rule` feature)."""
    rule = candidate["type"] + "|rule"
    return any(rule in occurrence for occurrence in candidate["occurrences"])


def is_stated(candidate):
    """Whether a place of the candidate states it outright (its `relation|stated` feature: a
    construction the guidelines define as the edge, such as two delegations' members)."""
    stated = candidate["type"] + "|stated"
    return any(stated in occurrence for occurrence in candidate["occurrences"])


def accepted(candidate, p, threshold, keep_rules):
    """Whether the extractor states the candidate: scored over the threshold, stated outright by
    a place, or found by the rules of a relation whose rule edges stand
    (RelationExtractor.ruleEdgesKept)."""
    return p >= threshold or is_stated(candidate) or (candidate["type"] in keep_rules and is_rule_edge(candidate))


def best_threshold(score, articles, gold, held_out, relation, keep_rules=()):
    """The threshold that maximises the relation's F1 over the held-out probabilities."""
    def f1(threshold):
        predicted = defaultdict(list)
        for (a, c), p in held_out.items():
            candidate = articles[a]["candidates"][c]
            if candidate["type"] == relation and accepted(candidate, p, threshold, keep_rules):
                predicted[a].append(candidate)
        return prf(*evaluate(score, articles, gold, predicted, [relation])[relation])[2]

    # Coarse to fine: F1 rises and falls once with the threshold, near enough.
    coarse = max((f1(t / 100), -t) for t in range(5, 96, 5))
    centre = -coarse[1]
    fine = max((f1(t / 100), -t) for t in range(max(1, centre - 4), min(99, centre + 5)))
    return -fine[1] / 100


def fold_of(article, folds, seed):
    """The article's fold: by name order for seed 0, else a checksum of seed and name, so the
    folds are the same on every run."""
    if seed == 0:
        return sorted_position[article["document"]] % folds
    return zlib.crc32(f"{seed}:{article['document']}".encode()) % folds


sorted_position = {}


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", required=True)
    parser.add_argument("--gold", required=True, nargs="+", help="gold folders (an article's gold is found by its name)")
    parser.add_argument("--scorer", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "eval"))
    parser.add_argument("--output")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--pool", default="noisy-or", choices=["noisy-or", "max"])
    parser.add_argument("--seeds", type=lambda text: [int(x) for x in text.split(",")], default=[0, 1, 2],
                        help="fold assignments to average over (comma-separated)")
    parser.add_argument("--lexical", type=float, default=1.0, help="how many times more word features are penalised")
    parser.add_argument("--keep-rules", type=lambda text: [x for x in text.split(",") if x], default=["sanctioned", "criticized", "affiliated_with"],
                        help="relations whose rule-found edges stand whatever their score, as RelationExtractor.ruleEdgesKept "
                             "says (comma-separated); cross-validation counts them so")
    parser.add_argument("--dump", help="write the cross-validated probability of every candidate here (JSON lines)")
    args = parser.parse_args()

    score = load_scorer(args.scorer)
    articles = [json.loads(line) for line in open(args.candidates, encoding="utf-8")]
    articles.sort(key=lambda a: a["document"])
    sorted_position.update({a["document"]: i for i, a in enumerate(articles)})
    label_candidates(score, articles, args.gold)

    # Cross-validation, repeated over fold assignments (seeds) since one split of 360 articles
    # moves F1 by a point or two. Thresholds are chosen per seed and averaged for the model.
    results = []
    for seed in args.seeds:
        held_out = cross_validate(articles, args, seed)
        thresholds = {relation: best_threshold(score, articles, args.gold, held_out, relation, args.keep_rules) for relation in RELATIONS}
        predicted = defaultdict(list)
        for (a, c), p in held_out.items():
            candidate = articles[a]["candidates"][c]
            if accepted(candidate, p, thresholds[candidate["type"]], args.keep_rules):
                predicted[a].append(candidate)
        results.append((thresholds, evaluate(score, articles, args.gold, predicted)))
        if args.dump and seed == args.seeds[0]:
            with open(args.dump, "w", encoding="utf-8") as out:
                for (a, c), p in sorted(held_out.items()):
                    candidate = articles[a]["candidates"][c]
                    out.write(json.dumps({"document": articles[a]["document"], "p": round(p, 4), **candidate}) + "\n")
    thresholds = {relation: round(sum(t[relation] for t, _ in results) / len(results), 2) for relation in RELATIONS}
    print(f"cross-validated on {len(articles)} articles ({args.folds} folds, {len(args.seeds)} splits; mean of the splits):")
    mission = []
    for relation in RELATIONS:
        scores = [prf(*totals[relation]) for _, totals in results]
        p, r, f = (sum(x[i] for x in scores) / len(scores) for i in range(3))
        print(f"  {relation:16} threshold {thresholds[relation]:.2f}  P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for _, totals in results:
        mission.append(prf(*[sum(totals[relation][i] for relation in MISSION) for i in range(3)]))
    p, r, f = (sum(x[i] for x in mission) / len(mission) for i in range(3))
    print(f"  {'mission':16}                  P {p:.3f} R {r:.3f} F1 {f:.3f}   (splits: {' '.join(f'{x[2]:.3f}' for x in mission)})")

    if args.output:
        lines = ["# relation-model.tsv - the relation scorer's weights: relation<TAB>feature<TAB>weight.",
                 "# Generated by `make train-relations` (Scripts/train_relations.py) from ../shared/corpus/train and dev;",
                 "# do not edit by hand. @bias and @threshold are each relation's bias and decision threshold."]
        for relation in RELATIONS:
            index = feature_index(articles, relation)
            weights, bias = fit(*bags(articles, relation, index)[:3], len(index), penalties(index, args.l2, args.lexical))
            lines.append(f"{relation}\t@bias\t{bias:.6f}")
            lines.append(f"{relation}\t@threshold\t{thresholds[relation]:.2f}")
            for name, i in sorted(index.items()):
                if abs(weights[i]) >= 1e-4:
                    lines.append(f"{relation}\t{name}\t{weights[i]:.6f}")
        Path(args.output).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
