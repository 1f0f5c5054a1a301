#!/usr/bin/env python3
"""The imported formats, read independently (networkx's GML reader,
Python's csv and json modules), give the same ancestors and descendants,
shortest paths and count of works named without a record (`validate`) as
`lineage` gives on the same files.

- GML: networkx writes a random DAG (numeric ids with labels, as its
  write_gml does) and reads it back, and reads the committed fixture
  datasets/networkx-citations.gml; edges run from the citing node to the
  cited one, lineage's default reading.
- gnuclad: datasets/ldt-excerpt.csv read with the csv module: N rows give
  parent -> child, C rows from -> to; rows are found by their first name.
- OpenAlex: datasets/openalex-works.jsonl read with the json module: each
  work cites its referenced_works.
- Typed edges: networkx writes a random model tree as GraphML and as GML,
  each edge with a relation (finetune, adapter, quantized, merge); ancestry
  over every relation, over those named by --influence, and along one
  --relation matches networkx's over the same edges.

usage: networkx_reads_imports.py LINEAGE_BINARY FIXTURES_DIR
"""
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx

lineage, fixtures = sys.argv[1], sys.argv[2]
datasets = os.path.join(fixtures, "datasets")
failures = []


def reach(data, command, work, *flags):
    out = subprocess.run([lineage, "--data", data, "-q", command, *flags,
                          "--json", "--", work],
                         check=True, capture_output=True, text=True)
    return {w["id"] for w in json.loads(out.stdout)[command]}


def lineage_json(data, command, *args):
    out = subprocess.run([lineage, "--data", data, "-q", command, "--json",
                          *args],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def check_paths(name, data, graph, pairs):
    """The shortest path lineage finds is as long as networkx's."""
    for a, b in pairs:
        want = nx.shortest_path_length(graph, a, b)
        got = lineage_json(data, "path", "--", a, b)["paths"][0]["length"]
        if got != want:
            failures.append(f"{name}: path {a} -> {b}: lineage {got} links, "
                            f"networkx {want}")


def check_outsiders(name, data, want):
    """`validate` counts the works named without a record of their own."""
    found = {f["kind"]: f["count"]
             for f in lineage_json(data, "validate")["findings"]}
    got = found.get("parents without a row", 0)
    if got != want:
        failures.append(f"{name}: validate counts {got} works without a "
                        f"record, the file names {want}")


def compare(name, data, graph, flags=(), works=None):
    """graph: a networkx DiGraph with edges older -> newer."""
    for node in works if works is not None else graph.nodes:
        want_up = {str(n) for n in nx.ancestors(graph, node)}
        want_down = {str(n) for n in nx.descendants(graph, node)}
        up = reach(data, "ancestors", str(node), *flags)
        down = reach(data, "descendants", str(node), *flags)
        if up != want_up:
            failures.append(f"{name}: ancestors of {node}: lineage "
                            f"{sorted(up)}, networkx {sorted(want_up)}")
        if down != want_down:
            failures.append(f"{name}: descendants of {node}: lineage "
                            f"{sorted(down)}, networkx {sorted(want_down)}")


# GML written by networkx: node ids 0..n-1, the names as labels; an edge
# u -> v means u cites v.
with tempfile.TemporaryDirectory() as tmp:
    rng = random.Random(7)
    citing = nx.DiGraph()
    citing.add_nodes_from(range(60))
    for v in range(1, 60):
        for u in rng.sample(range(v), min(v, rng.randint(1, 3))):
            citing.add_edge(v, u)  # v is newer and cites u.
    named = nx.relabel_nodes(citing, {v: f"work {v}" for v in citing})
    path = os.path.join(tmp, "random.gml")
    nx.write_gml(named, path)
    read = nx.read_gml(path, label="id")  # The ids lineage keeps.
    if read.number_of_edges() != citing.number_of_edges():
        failures.append("networkx did not read back its own GML")
    sample = rng.sample(sorted(read.nodes), 12)
    compare("networkx-written GML", path, read.reverse(), works=sample)

fixture = os.path.join(datasets, "networkx-citations.gml")
compare("networkx-citations.gml", fixture,
        nx.read_gml(fixture, label="id").reverse())

# gnuclad, read as its own reader reads it: one row a line, by first name.
timeline = nx.DiGraph()
with open(os.path.join(datasets, "ldt-excerpt.csv"), newline="",
          encoding="utf-8") as f:
    rows = [r for r in csv.reader(f) if r and r[0] in ("N", "C")]
for r in rows:
    if r[0] == "N":
        timeline.add_node(r[1])
for r in rows:
    if r[0] == "N" and r[3]:
        timeline.add_edge(r[3], r[1])
    if r[0] == "C":
        timeline.add_edge(r[2], r[4])
ldt = os.path.join(datasets, "ldt-excerpt.csv")
compare("ldt-excerpt.csv", ldt, timeline)
check_paths("ldt-excerpt.csv", ldt, timeline,
            [("SLS", "Damn Vulnerable Linux"), ("Slackware", "Wolvix")])
check_outsiders("ldt-excerpt.csv", ldt,
                len(set(timeline) - {r[1] for r in rows if r[0] == "N"}))

# OpenAlex: every referenced work is an ancestor of the work citing it.
works = nx.DiGraph()
records = set()
short = lambda url: url.rsplit("/", 1)[-1]
with open(os.path.join(datasets, "openalex-works.jsonl"),
          encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        w = json.loads(line)
        works.add_node(short(w["id"]))
        records.add(short(w["id"]))
        for ref in w["referenced_works"]:
            if short(ref) != short(w["id"]):
                works.add_edge(short(ref), short(w["id"]))
alex = os.path.join(datasets, "openalex-works.jsonl")
compare("openalex-works.jsonl", alex, works)
check_paths("openalex-works.jsonl", alex, works, [("W200", "W300")])
check_outsiders("openalex-works.jsonl", alex, len(set(works) - records))

# Typed edges: a random model tree, base -> derived, each edge a relation.
with tempfile.TemporaryDirectory() as tmp:
    rng = random.Random(11)
    kinds = ["finetune", "adapter", "quantized", "merge"]
    tree = nx.DiGraph()
    tree.add_nodes_from(f"m{v}" for v in range(50))
    for v in range(1, 50):
        for u in rng.sample(range(v), min(v, rng.randint(1, 2))):
            tree.add_edge(f"m{u}", f"m{v}", relation=rng.choice(kinds))

    def only(graph, relations):
        kept = graph.edge_subgraph(
            (u, v) for u, v, r in graph.edges(data="relation")
            if r in relations).copy()
        kept.add_nodes_from(graph.nodes)
        return kept

    # Each as networkx reads it back: GML keeps the names as labels and
    # numbers the nodes, which lineage takes as its ids.
    for ext, write, read in (
            ("graphml", nx.write_graphml, nx.read_graphml),
            ("gml", nx.write_gml, lambda p: nx.read_gml(p, label="id"))):
        path = os.path.join(tmp, f"tree.{ext}")
        write(tree, path)
        back = read(path)
        sample = rng.sample(sorted(back.nodes), 10)
        flags = ("--edges", "influences")
        compare(f"typed {ext}", path, back, flags, works=sample)
        compare(f"typed {ext}, --influence finetune,merge", path,
                only(back, {"finetune", "merge"}),
                flags + ("--influence", "finetune,merge"), works=sample)
        compare(f"typed {ext}, --relation merge", path,
                only(back, {"merge"}), flags + ("--relation", "merge"),
                works=sample)

for f in failures:
    print(f, file=sys.stderr)
sys.exit(1 if failures else 0)
