#!/usr/bin/env python3
"""Checks `lineage query` against answers computed independently with
networkx from the exported GraphML, for a set of queries covering every
function and operator, on the bundled graph.

usage: networkx_queries.py LINEAGE_BINARY DATA
"""
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

LINEAGE, DATA = sys.argv[1], sys.argv[2]
failures, checks = [], 0


def run(*args):
    out = subprocess.run([LINEAGE, "--data", DATA, *args], check=True,
                         capture_output=True, text=True)
    return out.stdout


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "g.graphml")
    run("export", "--format", "graphml", "-o", path)
    g = nx.read_graphml(path)

INFLUENCE = nx.DiGraph()
INFLUENCE.add_nodes_from(g.nodes)
for u, v, a in g.edges(data=True):
    if a["influence"]:
        INFLUENCE.add_edge(u, v)


def by_relation(rel):
    d = nx.DiGraph()
    d.add_nodes_from(g.nodes)
    d.add_edges_from((u, v) for u, v, a in g.edges(data=True)
                     if a["relation"] == rel)
    return d


def attr(v, key):
    return g.nodes[v].get(key, "")


def anc(v, d=INFLUENCE):
    return nx.ancestors(d, v)


def desc(v, d=INFLUENCE):
    return nx.descendants(d, v)


def within(source, targets, depth, d=INFLUENCE):
    dist = nx.single_source_shortest_path_length(d, source, cutoff=depth)
    return {w for w, k in dist.items() if 0 < k}


def date_at_least(v, year):
    date = attr(v, "date")
    return bool(date) and int(date[:4]) >= year


def lcas(a, b):
    common = (anc(a) | {a}) & (anc(b) | {b})
    return {c for c in common if not any(s in common for s in INFLUENCE.successors(c))}


def allpaths(a, b):
    return (desc(a) | {a}) & (anc(b) | {b}) if b in desc(a) | {a} else set()


def org(o, works):
    return {v for v in works
            if any(g.edges[u, v, k]["relation"] == "published_by"
                   for u, _, k in g.in_edges(v, keys=True) if u == o)}


EVERY = set(g.nodes)
TRAINED = by_relation("trained_on")
CASES = [
    ("ancestors(dall-e-2)", anc("dall-e-2")),
    ("ancestors(\"DALL-E 2\", 1)", set(INFLUENCE.predecessors("dall-e-2"))),
    ("descendants(gan, 2)", within("gan", None, 2)),
    ("parents(stable-diffusion)", set(INFLUENCE.predecessors("stable-diffusion"))),
    ("children(transformer)", set(INFLUENCE.successors("transformer"))),
    ("allpaths(transformer, \"stable diffusion\")",
     allpaths("transformer", "stable-diffusion")),
    ("common(dall-e-2, stable-diffusion)", lcas("dall-e-2", "stable-diffusion")),
    ("common(dcgan, stylegan)", lcas("dcgan", "stylegan")),
    ("kind(dataset, *)", {v for v in EVERY if attr(v, "kind") == "dataset"}),
    ("era(five-years-of-gans, descendants(gan))",
     {v for v in desc("gan") if attr(v, "era") == "five-years-of-gans"}),
    ("tag(diffusion, all)",
     {v for v in EVERY if "diffusion" in attr(v, "tags").split("; ")}),
    ("org(google, *)", org("google", EVERY)),
    ("since(2021, tag(diffusion, *)) - descendants(gan)",
     {v for v in EVERY if "diffusion" in attr(v, "tags").split("; ")
      and date_at_least(v, 2021)} - desc("gan")),
    ("until(2015, kind(architecture, *))",
     {v for v in EVERY if attr(v, "kind") == "architecture"
      and attr(v, "date") and int(attr(v, "date")[:4]) <= 2015}),
    ("let d = descendants(clip) + clip in "
     "kind(dataset, relation(trained_on, parents(d)))",
     {p for v in desc("clip") | {"clip"} for p in TRAINED.predecessors(v)
      if attr(p, "kind") == "dataset"}),
    ("org(google, allpaths(transformer, \"stable diffusion\"))",
     org("google", allpaths("transformer", "stable-diffusion"))),
    ("roots(ancestors(stylegan))",
     {v for v in anc("stylegan")
      if not any(p in anc("stylegan") for p in INFLUENCE.predecessors(v))}),
    ("leaves(descendants(gan))",
     {v for v in desc("gan")
      if not any(c in desc("gan") for c in INFLUENCE.successors(v))}),
    ("descendants(gan) & descendants(transformer)",
     desc("gan") & desc("transformer")),
    ("descendants(vae) union descendants(alexnet) except kind(model, *)",
     (desc("vae") | desc("alexnet")) -
     {v for v in EVERY if attr(v, "kind") == "model"}),
    ("top(pagerank, 3, *)", None),  # Checked below against networkx.
]

pr = nx.pagerank(INFLUENCE.reverse(copy=True), alpha=0.85, tol=1e-16,
                 max_iter=100000)
top3 = set(sorted(pr, key=lambda v: -pr[v])[:3])

for query, expected in CASES:
    got = json.loads(run("query", query, "--json"))
    mine = {w["id"] for w in got["works"]}
    if expected is None:
        expected = top3
    checks += 1
    if mine != expected:
        failures.append(f"{query}\n  lineage:  {sorted(mine)}\n  networkx: {sorted(expected)}")

# somepath returns one shortest path: check it is a path and as short as any.
got = json.loads(run("query", "somepath(gan, parti)", "--json"))
length = nx.shortest_path_length(INFLUENCE, "gan", "parti")
checks += 1
if len(got["links"]) != length or len(got["works"]) != length + 1:
    failures.append(f"somepath(gan, parti): {got['works']} is not a shortest path")

for f in failures:
    print(f)
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
