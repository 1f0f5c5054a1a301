#!/usr/bin/env python3
"""Cross-checks lineage's analytics against networkx, an independent
implementation, on the bundled graph and on random DAGs of a few hundred
works: PageRank, betweenness, degrees, reach, generations, search path
counts, ancestor and descendant sets, lowest common ancestors, dominators
and the longest chain. Floating results must agree to 1e-9 relative.

Where the definitions differ, the comparison says how:
- lineage ranks on the citation orientation (newer -> older), the reverse
  of the exported edges, so PageRank is compared with networkx's PageRank
  of the reversed graph;
- lineage counts a pair of works once however many influence relations
  join them, so the exports are collapsed into a simple DiGraph;
- networkx's lowest_common_ancestor returns one LCA; lineage returns all,
  so the set is computed here from ancestor sets and networkx's answer must
  be one of them;
- networkx has no search path count; exact counts are computed here with
  Python's unbounded integers;
- dominators are taken from a virtual root joined to every work that draws
  on nothing, in both.

usage: networkx_crosscheck.py LINEAGE_BINARY BUNDLED_DATA
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction

import networkx as nx

LINEAGE = sys.argv[1]
failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)


def close(a, b, rel=1e-9, floor=1e-15):
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), floor)


def run(data, *args):
    out = subprocess.run([LINEAGE, "--data", data, *args], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout) if "--json" in args else out.stdout


def random_dag(path, n, seed):
    """A YAML graph of n works with increasing dates; each cites up to four
    of the 60 works before it, sometimes twice under two relations."""
    rng = random.Random(seed)
    lines = ["eras:", "  - {id: all, name: All, from: 1000, to: today}",
             "works:"]
    for i in range(n):
        year, month = 1900 + i // 12, i % 12 + 1
        lines += [f"  - id: w{i}", f"    name: Work {i}", "    kind: model",
                  f"    date: {year}-{month:02d}", "    era: all"]
        k = rng.choice([0, 0, 1, 1, 2, 2, 3, 4]) if i else 0
        parents = rng.sample(range(max(0, i - 60), i), min(k, i))
        links = []
        for p in parents:
            links.append(("builds_on", p))
            if rng.random() < 0.1:
                links.append(("uses", p))
        if links:
            lines.append("    links:")
            for rel, p in links:
                lines.append(f"      - {{{rel}: w{p}, evidence: w{i} {rel} w{p}}}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def influence_digraph(data, tmp):
    graphml = os.path.join(tmp, "g.graphml")
    run(data, "export", "--format", "graphml", "-o", graphml)
    multi = nx.read_graphml(graphml)
    d = nx.DiGraph()
    d.add_nodes_from(multi.nodes)
    for u, v, attrs in multi.edges(data=True):
        if attrs["influence"]:
            d.add_edge(u, v)
    return d


def scores(data, metric):
    doc = run(data, "rank", "--by", metric, "--top", "0", "--json")
    return {w["id"]: w["score"] for w in doc["works"]}


def exact_spc(d):
    """Share of all source-sink paths through each work, exactly."""
    lineage = [v for v in d if d.degree(v) > 0]
    order = [v for v in nx.topological_sort(d) if d.degree(v) > 0]
    down = {}
    for v in order:
        down[v] = 1 if d.in_degree(v) == 0 else sum(down[p] for p in d.predecessors(v))
    up = {}
    for v in reversed(order):
        up[v] = 1 if d.out_degree(v) == 0 else sum(up[c] for c in d.successors(v))
    total = sum(down[v] for v in lineage if d.out_degree(v) == 0)
    return {v: float(Fraction(down[v] * up[v], total)) for v in lineage}


def generations(d):
    depth = {}
    for v in nx.topological_sort(d):
        depth[v] = max((depth[p] + 1 for p in d.predecessors(v)), default=0)
    return depth


def all_lcas(d, a, b):
    common = (nx.ancestors(d, a) | {a}) & (nx.ancestors(d, b) | {b})
    return {c for c in common if not any(s in common for s in d.successors(c))}


def crosscheck(name, data, tmp, rng):
    d = influence_digraph(data, tmp)
    nodes = sorted(d.nodes)

    pr = scores(data, "pagerank")
    theirs = nx.pagerank(d.reverse(copy=True), alpha=0.85, tol=1e-16,
                         max_iter=100000)
    for v in nodes:
        check(close(pr[v], theirs[v]), f"{name}: pagerank {v} {pr[v]} vs {theirs[v]}")

    bc = scores(data, "betweenness")
    theirs = nx.betweenness_centrality(d, normalized=True)
    for v in nodes:
        check(close(bc[v], theirs[v], floor=1e-12),
              f"{name}: betweenness {v} {bc[v]} vs {theirs[v]}")

    for metric, expected in (
            ("in-degree", dict(d.in_degree)), ("out-degree", dict(d.out_degree)),
            ("descendants", {v: len(nx.descendants(d, v)) for v in nodes}),
            ("ancestors", {v: len(nx.ancestors(d, v)) for v in nodes}),
            ("depth", generations(d))):
        got = scores(data, metric)
        for v in nodes:
            check(got[v] == expected[v], f"{name}: {metric} {v} {got[v]} vs {expected[v]}")

    spc = scores(data, "spc")
    expected = exact_spc(d)
    for v in nodes:
        check(close(spc[v], expected.get(v, 0.0)),
              f"{name}: spc {v} {spc[v]} vs {expected.get(v, 0.0)}")

    stats = run(data, "stats", "--json")
    check(stats["longest_chain"]["length"] == nx.dag_longest_path_length(d),
          f"{name}: longest chain")

    lineage_nodes = [v for v in nodes if d.degree(v) > 0]
    sample = rng.sample(lineage_nodes, min(25, len(lineage_nodes)))
    for v in sample:
        got = run(data, "ancestors", v, "--json")
        check({w["id"] for w in got["ancestors"]} == nx.ancestors(d, v),
              f"{name}: ancestors of {v}")
        got = run(data, "descendants", v, "--json")
        check({w["id"] for w in got["descendants"]} == nx.descendants(d, v),
              f"{name}: descendants of {v}")

    for _ in range(25):
        a, b = rng.sample(lineage_nodes, 2)
        got = run(data, "common", a, b, "--json")
        mine = {w["id"] for w in got["common"] if w["lowest"]}
        check(mine == all_lcas(d, a, b), f"{name}: lowest common ancestors {a} {b}")
        one = nx.lowest_common_ancestor(d, a, b)
        check(one is None and not mine or one in mine,
              f"{name}: networkx's LCA of {a} {b} ({one}) not among {mine}")

    rooted = d.copy()
    rooted.add_edges_from(("<root>", v) for v in nodes if d.in_degree(v) == 0)
    idom = nx.immediate_dominators(rooted, "<root>")
    for v in sample:
        chain, w = [], idom[v]
        while w != "<root>":
            chain.append(w)
            w = idom[w]
        got = run(data, "necessary", v, "--json")
        check([x["id"] for x in got["necessary"]] == chain,
              f"{name}: necessary for {v}: {got['necessary']} vs {chain}")
        got = run(data, "impact", v, "--json")
        mine = {x["id"] for x in got["impact"]}
        theirs = set()
        for x in nodes:
            w = idom.get(x)
            while w is not None and w != "<root>":
                if w == v:
                    theirs.add(x)
                    break
                w = idom[w]
        check(mine == theirs, f"{name}: impact of {v}")


def main():
    rng = random.Random(2022)
    with tempfile.TemporaryDirectory() as tmp:
        crosscheck("bundled", sys.argv[2], tmp, rng)
        for seed, n in ((1, 200), (2, 300), (3, 400)):
            path = os.path.join(tmp, f"random-{seed}.yaml")
            random_dag(path, n, seed)
            crosscheck(f"random DAG {n} (seed {seed})", path, tmp, rng)
    for f in failures[:40]:
        print(f)
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
