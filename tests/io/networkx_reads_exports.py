#!/usr/bin/env python3
"""networkx reads `lineage export` (GraphML and JSON) and agrees with the
engine's own answers on ancestors, descendants, paths and the longest chain.

usage: networkx_reads_exports.py LINEAGE_BINARY DATA_PATH
"""
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

lineage, data = sys.argv[1], sys.argv[2]
failures = []


def run(*args):
    out = subprocess.run([lineage, "--data", data, *args], check=True,
                         capture_output=True, text=True)
    return out.stdout


def check(cond, what):
    if not cond:
        failures.append(what)


with tempfile.TemporaryDirectory() as tmp:
    graphml_path = os.path.join(tmp, "g.graphml")
    json_path = os.path.join(tmp, "g.json")
    run("export", "--format", "graphml", "-o", graphml_path)
    run("export", "--format", "json", "-o", json_path)
    g = nx.read_graphml(graphml_path)
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    try:  # networkx >= 3.4 names the key; older ones read "links" anyway.
        j = nx.node_link_graph(doc, edges="links")
    except TypeError:
        j = nx.node_link_graph(doc)

stats = json.loads(run("stats", "--json"))

# And back: lineage imports the GraphML that networkx writes.
with tempfile.TemporaryDirectory() as tmp:
    written = os.path.join(tmp, "networkx.graphml")
    nx.write_graphml(g, written)
    out = subprocess.run([lineage, "--data", written, "stats", "--json"],
                         check=True, capture_output=True, text=True)
    back = json.loads(out.stdout)
    check(back["works"] == stats["works"] and back["links"] == stats["links"],
          f"networkx-written GraphML: {back['works']} works, {back['links']} "
          f"links, want {stats['works']}, {stats['links']}")
    check(back["longest_chain"]["length"] == stats["longest_chain"]["length"],
          "networkx-written GraphML: longest chain differs")
for name, graph in (("graphml", g), ("json", j)):
    check(graph.is_directed(), f"{name}: not directed")
    check(graph.number_of_nodes() == stats["works"],
          f"{name}: {graph.number_of_nodes()} nodes, want {stats['works']}")
    check(graph.number_of_edges() == stats["links"],
          f"{name}: {graph.number_of_edges()} edges, want {stats['links']}")
    for node, attrs in graph.nodes(data=True):
        check("name" in attrs and "kind" in attrs, f"{name}: {node} lacks name/kind")

# The influence lineage, as networkx sees it.
influence = nx.DiGraph()
influence.add_nodes_from(g.nodes)
for u, v, attrs in g.edges(data=True):
    check(isinstance(attrs["influence"], bool), "influence is not a boolean")
    if attrs["influence"]:
        influence.add_edge(u, v)
check(nx.is_directed_acyclic_graph(influence), "influence links have a cycle")
check(g.nodes["gan"]["year"] == 2014 if "gan" in g else True, "year is not an int")

for work in sorted(influence.nodes):
    got = json.loads(run("ancestors", work, "--json"))
    mine = {w["id"] for w in got["ancestors"]}
    check(mine == nx.ancestors(influence, work), f"ancestors of {work} differ")
    dist = nx.single_source_shortest_path_length(influence.reverse(), work)
    for w in got["ancestors"]:
        check(w["distance"] == dist[w["id"]], f"distance {work}<-{w['id']}")
    got = json.loads(run("descendants", work, "--json"))
    check({w["id"] for w in got["descendants"]} == nx.descendants(influence, work),
          f"descendants of {work} differ")

pairs = [("gan", "stylegan"), ("transformer", "stable-diffusion"),
         ("clip", "dall-e-2"), ("alexnet", "dall-e-mini")]
for a, b in pairs:
    if a not in influence or b not in influence:
        continue
    got = json.loads(run("path", a, b, "--all", "--json"))
    mine = sorted(tuple(w["id"] for w in p["works"]) for p in got["paths"])
    theirs = sorted(tuple(p) for p in nx.all_simple_paths(influence, a, b))
    check(mine == theirs, f"all paths {a} -> {b}: {mine} vs {theirs}")
    lengths = [len(p["works"]) for p in got["paths"]]
    check(lengths == sorted(lengths), f"paths {a} -> {b} not shortest first")

check(stats["longest_chain"]["length"] == nx.dag_longest_path_length(influence),
      "longest chain length differs")

if failures:
    print("\n".join(failures))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print("networkx agrees with lineage on the exports")
