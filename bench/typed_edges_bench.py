#!/usr/bin/env python3
"""Typed edges at scale: a random model tree whose every edge carries a
relation (finetune, adapter, quantized, merge), written by networkx as
GraphML, read by lineage and by networkx in the same run.

For each size it times (median of --repeat runs):
- lineage: `--data tree.graphml --edges influences --influence finetune,merge
  ancestors WORK --json` (reading the file, typing the edges, one ancestry);
- lineage on the same file with the relation attribute ignored
  (`--relation-attr none`): what reading the relations costs;
- networkx: `read_graphml`, then the ancestors of WORK over the edges whose
  relation is finetune or merge, the same answer (checked equal).

usage: typed_edges_bench.py LINEAGE [--works N,N...] [--repeat R]
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import tempfile
import time

import networkx as nx

KINDS = ["finetune", "adapter", "quantized", "merge"]
INFLUENCE = {"finetune", "merge"}


def tree(n, seed):
    rng = random.Random(seed)
    g = nx.DiGraph()
    g.add_nodes_from(f"m{v}" for v in range(n))
    for v in range(1, n):
        for u in rng.sample(range(v), min(v, rng.randint(1, 6))):
            g.add_edge(f"m{u}", f"m{v}", relation=rng.choice(KINDS))
    return g


def timed(f, repeat):
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("lineage")
    p.add_argument("--works", default="10000,50000")
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()
    print("| works | links | lineage s | lineage, relations ignored s | "
          "networkx s | ratio networkx / lineage | ancestors |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in a.works.split(",")):
            g = tree(n, seed=n)
            path = os.path.join(tmp, f"tree-{n}.graphml")
            nx.write_graphml(g, path)
            work = f"m{n - 1}"

            def run(*flags):
                out = subprocess.run(
                    [a.lineage, "--data", path, "-q", "--edges", "influences",
                     *flags, "ancestors", work, "--json"],
                    check=True, capture_output=True, text=True).stdout
                return {w["id"] for w in json.loads(out)["ancestors"]}

            def networkx():
                read = nx.read_graphml(path)
                kept = read.edge_subgraph(
                    (u, v) for u, v, r in read.edges(data="relation")
                    if r in INFLUENCE)
                return nx.ancestors(kept, work) if work in kept else set()

            lin, got = timed(lambda: run("--influence", "finetune,merge"),
                             a.repeat)
            plain, _ = timed(lambda: run("--relation-attr", "none"), a.repeat)
            nxs, want = timed(networkx, a.repeat)
            if got != want:
                raise SystemExit(f"{n} works: lineage finds {len(got)} "
                                 f"ancestors, networkx {len(want)}")
            print(f"| {n:,} | {g.number_of_edges():,} | {lin:.2f} | "
                  f"{plain:.2f} | {nxs:.2f} | {nxs / lin:.1f}x | "
                  f"{len(got):,} |", flush=True)


if __name__ == "__main__":
    main()
