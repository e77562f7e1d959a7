#!/usr/bin/env python3
"""Checks one corpus's scores against floors, for `make test`.

    evaluate.sh CORPUS -- --json | check_scores.py NAME --entity F --mission F --affiliation F

Prints the corpus's entity F1, mission-relation F1 (sanctioned, met_with, criticized) and
affiliated_with F1 with precision and recall per relation type, and exits 1 when any F1 is
under its floor.
"""
import argparse
import json
import sys

parser = argparse.ArgumentParser()
parser.add_argument("name")
parser.add_argument("--entity", type=float, required=True)
parser.add_argument("--mission", type=float, required=True)
parser.add_argument("--affiliation", type=float, required=True)
args = parser.parse_args()

scores = json.load(sys.stdin)
relations = scores["relations"]
measured = {"entity": scores["entity_f1"], "mission": scores["relation_f1"],
            "affiliation": relations.get("affiliated_with", {}).get("f1", 0.0)}
per_type = "  ".join(f"{name} P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}" for name, r in sorted(relations.items()))
print(f"{args.name}: entity F1 {measured['entity']:.3f} (floor {args.entity}), mission F1 {measured['mission']:.3f} "
      f"(floor {args.mission}), affiliated_with F1 {measured['affiliation']:.3f} (floor {args.affiliation})")
print(f"{args.name}:   {per_type}")
failed = [name for name in measured if measured[name] < getattr(args, name)]
if failed:
    print(f"{args.name}: under the floor: {', '.join(failed)}")
sys.exit(1 if failed else 0)
