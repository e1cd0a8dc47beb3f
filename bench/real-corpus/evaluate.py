#!/usr/bin/env python3
"""Accuracy of `easel predict` output on the real corpus: overall, balanced, per source and per kind.

  ./easel predict RUN/model.zip data/real/financial     --out fin.csv
  ./easel predict RUN/model.zip data/real/non_financial --out non.csv
  python3 bench/real-corpus/evaluate.py data/real/manifest.tsv fin.csv non.csv [--errors errors.tsv]

A model trained on synthetic images only saw none of these sources, so each per-source number is also its
leave-one-source-out number. Standard library only.
"""
import argparse
import csv
import os
import sys
from collections import defaultdict

LABELS = ("financial", "non_financial")


def load(manifest, prediction_files):
    with open(manifest, newline="", encoding="utf-8") as f:
        rows = {os.path.basename(r["file"]): r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    joined, missing = [], set(rows)
    for path in prediction_files:
        with open(path, newline="", encoding="utf-8") as f:
            for p in csv.DictReader(f):
                name = os.path.basename(p["file"])
                if name not in rows:
                    sys.exit(f"{path}: {name} is not in {manifest}")
                missing.discard(name)
                joined.append(dict(rows[name], predicted=p["class"], probability=float(p["probability"])))
    if missing:
        sys.exit(f"{len(missing)} manifest images have no prediction, e.g. {sorted(missing)[0]}")
    return joined


def scores(rows):
    right = sum(r["predicted"] == r["label"] for r in rows)
    recalls = []
    for label in LABELS:
        of = [r for r in rows if r["label"] == label]
        if of:
            recalls.append(sum(r["predicted"] == label for r in of) / len(of))
    return right, len(rows), sum(recalls) / len(recalls)


def table(rows, key, title):
    groups = defaultdict(list)
    for r in rows:
        groups[r[key]].append(r)
    lines = [f"| {title} | financial | non-financial | accuracy | balanced |", "|---|---:|---:|---:|---:|"]
    for name in sorted(groups):
        g = groups[name]
        right, n, balanced = scores(g)
        fin = sum(r["label"] == "financial" for r in g)
        both = all(any(r["label"] == label for r in g) for label in LABELS)
        lines.append(f"| {name} | {fin} | {n - fin} | {right / n:.3f} ({right}/{n}) | "
                     f"{balanced:.3f} |" if both else
                     f"| {name} | {fin} | {n - fin} | {right / n:.3f} ({right}/{n}) | — |")
    return "\n".join(lines)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("manifest")
    p.add_argument("predictions", nargs="+", help="CSV files written by easel predict --out")
    p.add_argument("--errors", help="write the misclassified images, most confident first, to this TSV")
    args = p.parse_args(argv)
    rows = load(args.manifest, args.predictions)
    right, n, balanced = scores(rows)
    print(f"overall accuracy {right / n:.3f} ({right}/{n}), balanced accuracy {balanced:.3f}")
    for label in LABELS:
        of = [r for r in rows if r["label"] == label]
        print(f"  {label}: {sum(r['predicted'] == label for r in of)}/{len(of)} recognised")
    print()
    print(table(rows, "source", "source (zero-shot = leave-one-source-out)"))
    print()
    print(table(rows, "kind", "kind"))
    if args.errors:
        errors = sorted((r for r in rows if r["predicted"] != r["label"]), key=lambda r: -r["probability"])
        with open(args.errors, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(["file", "label", "predicted", "probability", "kind", "source", "original_path"])
            for r in errors:
                w.writerow([r["file"], r["label"], r["predicted"], f"{r['probability']:.4f}", r["kind"],
                            r["source"], r["original_path"]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
