#!/usr/bin/env python3
"""Importing an OpenAlex dump against importing the same graph as a TSV edge
list with its node table.

A Price's-model citation DAG made by ../shared/tools/gen_citation_dag.py
(--mean-refs 10 --seed 42; cached) is written as OpenAlex works, one JSON
object a line ("id" https://openalex.org/W<n>, "display_name",
"publication_year", "referenced_works", and a few small fields every work
has: "doi", "type", "cited_by_count"), plain and gzip-compressed. Then
`lineage import` reads each file (and the TSV edge list with its node table
of years and labels), and the import's own "read_seconds" (reading and
building the graph, not writing the .lgraph) is timed, the median of
--runs runs (five). The ancestors of some works must agree between the graphs.

usage: openalex_bench.py LINEAGE [--nodes 1000000] [--runs 5] [--cache DIR]
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from scale_bench import generate  # noqa: E402  The same cached graphs.


def write_openalex(data, path):
    """The graph as OpenAlex works; returns the number of references."""
    years, labels = {}, {}
    with open(os.path.join(data, "nodes.tsv")) as f:
        for line in f:
            i, year, label = line.rstrip("\n").split("\t")
            years[int(i)], labels[int(i)] = int(year), label
    refs = {}
    with open(os.path.join(data, "edges.tsv")) as f:
        for line in f:
            cited, citing = line.split()
            refs.setdefault(int(citing), []).append(int(cited))
    count = 0
    with open(path, "w") as out:
        for i in sorted(years):
            mine = refs.get(i, [])
            count += len(mine)
            out.write(json.dumps({
                "id": f"https://openalex.org/W{i}",
                "doi": None,
                "display_name": labels[i],
                "publication_year": years[i],
                "type": "article",
                "cited_by_count": 0,
                "referenced_works": [f"https://openalex.org/W{r}"
                                     for r in mine],
            }, separators=(",", ":")) + "\n")
    return count


def read_seconds(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["read_seconds"]


def ancestors(lineage, graph, work):
    out = subprocess.run([lineage, "--data", graph, "-q", "ancestors", work,
                          "--json"], check=True, capture_output=True,
                         text=True)
    return len(json.loads(out.stdout)["ancestors"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lineage")
    ap.add_argument("--nodes", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cache", default=os.path.join("build", "bench-cache"))
    args = ap.parse_args()
    data = generate(args.nodes, args.cache)
    jsonl = os.path.join(data, "works.jsonl")
    gz = jsonl + ".gz"
    if not os.path.exists(gz):
        refs = write_openalex(data, jsonl)
        with open(jsonl, "rb") as src, gzip.open(gz, "wb", 6) as dst:
            while chunk := src.read(1 << 24):
                dst.write(chunk)
        print(f"wrote {args.nodes:,} works, {refs:,} references")
    out = os.path.join(data, "bench.lgraph")
    q = [args.lineage, "-q"]
    cases = {
        "TSV edges + node table": q + [
            "--edges", "influences", "--nodes",
            os.path.join(data, "nodes.tsv"), "import",
            os.path.join(data, "edges.tsv"), "-o", out + ".tsv", "--json"],
        "OpenAlex JSON Lines": q + ["import", jsonl, "-o", out + ".jsonl",
                                    "--json"],
        "OpenAlex JSON Lines, gzip": q + ["import", gz, "-o", out + ".gz",
                                          "--json"],
    }
    times = {}
    for name, cmd in cases.items():
        runs = [read_seconds(cmd) for _ in range(args.runs)]
        times[name] = statistics.median(runs)
    base = times["TSV edges + node table"]
    size = {"TSV edges + node table": os.path.getsize(
        os.path.join(data, "edges.tsv")) + os.path.getsize(
        os.path.join(data, "nodes.tsv")),
        "OpenAlex JSON Lines": os.path.getsize(jsonl),
        "OpenAlex JSON Lines, gzip": os.path.getsize(gz)}
    print(f"| {args.nodes:,} works | file MB | import s (median of "
          f"{args.runs}) | / TSV |")
    print("|---|---|---|---|")
    for name, t in times.items():
        print(f"| {name} | {size[name] / 1e6:,.0f} | {t:.2f} | "
              f"{t / base:.2f} |")
    bad = []
    for i in (args.nodes - 1, args.nodes // 2, args.nodes // 10, 12345):
        want = ancestors(args.lineage, out + ".tsv", str(i))
        got = [ancestors(args.lineage, out + s, f"W{i}")
               for s in (".jsonl", ".gz")]
        if got != [want, want]:
            bad.append(f"W{i}: {got} ancestors, TSV {want}")
        print(f"ancestors of work {i}: TSV {want}, OpenAlex {got}")
    for f in (".tsv", ".jsonl", ".gz"):
        os.remove(out + f)
    worst = max(t / base for t in times.values())
    if bad:
        sys.exit("answers differ: " + "; ".join(bad))
    if worst > 2:
        print(f"OpenAlex import takes {worst:.2f}x the TSV import (target: "
              "at most 2x)")


if __name__ == "__main__":
    main()
