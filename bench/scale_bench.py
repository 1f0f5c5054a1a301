#!/usr/bin/env python3
"""lineage against igraph (and networkx, and graph-tool when installed) on
synthetic citation DAGs of growing size, made by
../shared/tools/gen_citation_dag.py (Price's model) and cached.

For each size it times, for every tool on the same files: loading the edge
list with its node table, PageRank on the citation orientation, the
ancestors of the newest work, and the longest path; checks that the answers
agree (top PageRank ids, ancestor count, longest path length); and prints
times, the lineage/igraph ratio and peak memory.

lineage runs as a command, so each of its steps is timed as a whole process
less the load time that the same process logs (-v): the step column includes
process start and printing the JSON answer. Its peak RSS is the largest of
its processes. The Python peers run in one child process per
size, their load included in their own RSS.

usage: scale_bench.py LINEAGE [--sizes 10000,100000,1000000] [--cache DIR]
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "..", "..", "shared", "tools", "gen_citation_dag.py")


def generate(n, cache):
    out = os.path.join(cache, f"price-{n}")
    if not os.path.exists(os.path.join(out, "meta.json")):
        subprocess.run([sys.executable, GEN, "--nodes", str(n), "--mean-refs",
                        "10", "--seed", "42", "--out-dir", out], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def run_lineage(lineage, graph, *args):
    """(seconds of the step, seconds of loading, peak RSS MB, stdout) of one
    lineage process. The load time is the one lineage itself logs with -v, so
    the step's time is the process's time without it."""
    cmd = [lineage, "--data", os.path.join(graph, "edges.tsv"), "--edges",
           "influences", "--nodes", os.path.join(graph, "nodes.tsv"), "-v", *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if status != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {stderr}")
    load = float(re.search(r"loaded .* in ([0-9.]+) ms", stderr).group(1)) / 1000
    return seconds - load, load, usage.ru_maxrss / 1024, stdout


PEER = r'''
import json, sys, time, resource
graph, which = sys.argv[1], sys.argv[2]
res = {}
t = time.perf_counter()
edges = []
with open(graph + "/edges.tsv") as f:
    for line in f:
        a, b = line.split()
        edges.append((int(a), int(b)))  # cited (older) -> citing (newer)
n = 0
with open(graph + "/nodes.tsv") as f:
    for line in f:
        n += 1
if which == "igraph":
    import igraph
    g = igraph.Graph(n=n, edges=edges, directed=True)
    res["load"] = time.perf_counter() - t
    t = time.perf_counter()
    cit = igraph.Graph(n=n, edges=[(b, a) for a, b in edges], directed=True)
    pr = cit.pagerank(damping=0.85)
    res["pagerank"] = time.perf_counter() - t
    res["top"] = [str(v) for v in sorted(range(n), key=lambda v: -pr[v])[:5]]
    t = time.perf_counter()
    res["ancestors_count"] = len(g.subcomponent(n - 1, mode="in")) - 1
    res["ancestors"] = time.perf_counter() - t
    t = time.perf_counter()
    order = g.topological_sorting()
    depth = [0] * n
    for v in order:
        for w in g.successors(v):
            if depth[v] + 1 > depth[w]:
                depth[w] = depth[v] + 1
    res["longest"] = max(depth)
    res["longest_path"] = time.perf_counter() - t
else:
    import networkx as nx
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    res["load"] = time.perf_counter() - t
    t = time.perf_counter()
    pr = nx.pagerank(g.reverse(copy=False), alpha=0.85)
    res["pagerank"] = time.perf_counter() - t
    res["top"] = [str(v) for v in sorted(pr, key=lambda v: -pr[v])[:5]]
    t = time.perf_counter()
    res["ancestors_count"] = len(nx.ancestors(g, n - 1))
    res["ancestors"] = time.perf_counter() - t
    t = time.perf_counter()
    res["longest"] = nx.dag_longest_path_length(g)
    res["longest_path"] = time.perf_counter() - t
res["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(res))
'''


def run_peer(which, graph):
    out = subprocess.run([sys.executable, "-c", PEER, graph, which],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def lineage_steps(lineage, graph, n):
    rss = []
    total, load, mb, _ = run_lineage(lineage, graph, "validate")
    rss.append(mb)
    res = {"load": load}  # As lineage itself logs it.
    step, _, mb, out = run_lineage(lineage, graph, "rank", "--by", "pagerank",
                                   "--top", "5", "--json")
    rss.append(mb)
    res["pagerank"] = step
    res["top"] = [w["id"] for w in json.loads(out)["works"]]
    step, _, mb, out = run_lineage(lineage, graph, "ancestors", str(n - 1),
                                   "--json")
    rss.append(mb)
    res["ancestors"] = step
    res["ancestors_count"] = len(json.loads(out)["ancestors"])
    step, _, mb, out = run_lineage(lineage, graph, "rank", "--by", "depth",
                                   "--top", "1", "--json")
    rss.append(mb)
    res["longest_path"] = step
    res["longest"] = int(json.loads(out)["works"][0]["score"])
    res["rss_mb"] = max(rss)
    return res


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lineage")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--cache", default=os.path.join(HERE, "..", "build",
                                                        "bench-cache"))
    args = parser.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    for n in (int(s) for s in args.sizes.split(",")):
        graph = generate(n, args.cache)
        meta = json.load(open(os.path.join(graph, "meta.json")))
        results = {"lineage": lineage_steps(args.lineage, graph, n),
                   "igraph": run_peer("igraph", graph)}
        if n <= 100000:
            results["networkx"] = run_peer("networkx", graph)
        print(f"\n{n:,} works, {meta['edges']:,} edges (Price's model, seed 42)")
        tools = list(results)
        print(f"{'step':<16}" + "".join(f"{t + ' s':>14}" for t in tools) +
              f"{'lineage/igraph':>16}")
        for step in ("load", "pagerank", "ancestors", "longest_path"):
            row = "".join(f"{results[t][step]:>14.3f}" for t in tools)
            ratio = results["lineage"][step] / max(results["igraph"][step], 1e-9)
            print(f"{step:<16}{row}{ratio:>16.2f}")
        print(f"{'peak RSS MB':<16}" +
              "".join(f"{results[t]['rss_mb']:>14.0f}" for t in tools))
        ref = results["igraph"]
        for t in tools:
            agree = (results[t]["top"][:3] == ref["top"][:3] and
                     results[t]["ancestors_count"] == ref["ancestors_count"] and
                     results[t]["longest"] == ref["longest"])
            print(f"answers of {t}: top {results[t]['top'][:3]}, "
                  f"{results[t]['ancestors_count']} ancestors, longest path "
                  f"{results[t]['longest']}: {'agree' if agree else 'DIFFER'}")


if __name__ == "__main__":
    sys.exit(main())
