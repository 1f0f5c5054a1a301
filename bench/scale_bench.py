#!/usr/bin/env python3
"""lineage against igraph, graph-tool and networkx on synthetic citation DAGs
of growing size, made by ../shared/tools/gen_citation_dag.py (Price's model)
and cached.

For each size it times, for every tool on the same files: loading the edge
list (lineage also reads the node table, with dates and labels, and then its
own .lgraph file made once by `lineage import`), PageRank on the citation
orientation, the ancestors of the newest work, and the longest path; checks
that the answers agree (top PageRank ids, ancestor count, longest path
length); and prints times, the lineage/igraph ratio and peak memory.

Every time is taken inside the process that does the work: the peers time
themselves, and lineage logs each step with -v ("loaded ... in N ms", "step
ranking by pagerank: N ms"); lineage's are the median of three runs. Peak RSS is that of the whole process (lineage:
the largest of its runs from the .lgraph file; from the TSV in parentheses).
The peers load the edge list with their own C readers (igraph's
Read_Edgelist, numpy for graph-tool), the fastest way each offers.

Run it with the Debian python3 (/usr/bin/python3), which sees the Debian
packages python3-igraph, python3-graph-tool and python3-networkx.

usage: scale_bench.py LINEAGE [--sizes 10000,100000,1000000] [--cache DIR]
"""
import argparse
import json
import os
import re
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


def run(cmd):
    """(stdout, stderr, peak RSS MB) of one process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if status != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {stderr}")
    return stdout, stderr, usage.ru_maxrss / 1024


def logged_ms(stderr, pattern):
    return float(re.search(pattern + r":? ([0-9.]+) ms", stderr).group(1)) / 1000


def lineage_steps(lineage, graph, n):
    tsv = [lineage, "--data", os.path.join(graph, "edges.tsv"), "--edges",
           "influences", "--nodes", os.path.join(graph, "nodes.tsv")]
    lgraph = os.path.join(graph, "graph.lgraph")
    # Made again whenever lineage is newer than it (the format may change).
    if (not os.path.exists(lgraph) or
            os.path.getmtime(lgraph) < os.path.getmtime(lineage)):
        run([lineage, "import", os.path.join(graph, "edges.tsv"), "--edges",
             "influences", "--nodes", os.path.join(graph, "nodes.tsv"), "-o",
             lgraph, "-q"])
    own = [lineage, "--data", lgraph]
    res, rss = {}, []

    def median_of_3(cmd, pattern):
        """The median of three runs of a step (this machine's timings wander
        by half), with the last run's output and the largest RSS."""
        times = []
        for _ in range(3):
            out, err, mb = run(cmd)
            rss.append(mb)
            times.append(logged_ms(err, pattern))
        return sorted(times)[1], out, mb

    load_pattern = r"loaded .* in"
    res["load"], _, res["tsv_rss_mb"] = median_of_3(
        tsv + ["-v", "ancestors", str(n - 1), "--json"], load_pattern)
    rss.clear()
    res["load_own"], _, _ = median_of_3(
        own + ["-v", "ancestors", str(n - 1), "--json"], load_pattern)
    res["pagerank"], out, _ = median_of_3(
        own + ["-v", "rank", "--by", "pagerank", "--top", "5", "--json"],
        "step ranking by pagerank")
    res["top"] = [w["id"] for w in json.loads(out)["works"]]
    res["ancestors"], out, _ = median_of_3(
        own + ["-v", "ancestors", str(n - 1), "--json"], "step ancestors")
    res["ancestors_count"] = len(json.loads(out)["ancestors"])
    res["longest_path"], out, _ = median_of_3(
        own + ["-v", "rank", "--by", "depth", "--top", "1", "--json"],
        "step ranking by depth")
    res["longest"] = int(json.loads(out)["works"][0]["score"])
    res["rss_mb"] = max(rss)
    return res


PEER = r'''
import json, sys, time, resource
graph, which = sys.argv[1], sys.argv[2]
res = {}
n = sum(1 for _ in open(graph + "/nodes.tsv"))


def longest(order, successors):
    depth = [0] * n
    for v in order:
        d = depth[v] + 1
        for w in successors[v]:
            if d > depth[w]:
                depth[w] = d
    return max(depth)


# Modules are imported before the clock starts: their start-up is not load.
if which == "igraph":
    import igraph
elif which == "graph-tool":
    import numpy as np
    import graph_tool.all as gt
else:
    import networkx as nx
t = time.perf_counter()
if which == "igraph":
    g = igraph.Graph.Read_Edgelist(graph + "/edges.tsv", directed=True)
    if g.vcount() < n:
        g.add_vertices(n - g.vcount())
    res["load"] = time.perf_counter() - t
    cit = g.copy()  # Citation orientation, made outside the timed step.
    cit.reverse_edges()
    t = time.perf_counter()
    pr = cit.pagerank(damping=0.85)
    res["pagerank"] = time.perf_counter() - t
    res["top"] = [str(v) for v in sorted(range(n), key=lambda v: -pr[v])[:5]]
    t = time.perf_counter()
    res["ancestors_count"] = len(g.subcomponent(n - 1, mode="in")) - 1
    res["ancestors"] = time.perf_counter() - t
    t = time.perf_counter()
    res["longest"] = longest(g.topological_sorting(), g.get_adjlist())
    res["longest_path"] = time.perf_counter() - t
elif which == "graph-tool":
    edges = np.fromfile(graph + "/edges.tsv", dtype=np.int64, sep=" ")
    g = gt.Graph(directed=True)
    g.add_vertex(n)
    g.add_edge_list(edges.reshape(-1, 2))
    res["load"] = time.perf_counter() - t
    cit = gt.GraphView(g, reversed=True)
    t = time.perf_counter()
    pr = gt.pagerank(cit, damping=0.85).a
    res["pagerank"] = time.perf_counter() - t
    res["top"] = [str(v) for v in np.argsort(-pr, kind="stable")[:5]]
    t = time.perf_counter()
    comp = gt.label_out_component(cit, cit.vertex(n - 1))
    res["ancestors_count"] = int(comp.a.sum()) - 1
    res["ancestors"] = time.perf_counter() - t
    t = time.perf_counter()
    order = gt.topological_sort(g)
    succ = [g.get_out_neighbors(v) for v in range(n)]
    res["longest"] = longest(order, succ)
    res["longest_path"] = time.perf_counter() - t
else:
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    with open(graph + "/edges.tsv") as f:
        g.add_edges_from(tuple(map(int, line.split())) for line in f)
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
    try:
        out = subprocess.run([sys.executable, "-c", PEER, graph, which],
                             check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as e:
        last = (e.stderr.strip().splitlines() or ["?"])[-1]
        print(f"  ({which} skipped: {last})")
        return None
    return json.loads(out.stdout)


def ms(seconds):
    """Milliseconds, with three decimals below ten."""
    m = seconds * 1000
    return f"{m:.3f}" if m < 10 else f"{m:.1f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lineage")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--cache", default=os.path.join(HERE, "..", "build",
                                                        "bench-cache"))
    args = parser.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    for n in (int(s) for s in args.sizes.split(",")):
        graph = generate(n, args.cache)
        meta = json.load(open(os.path.join(graph, "meta.json")))
        results = {"lineage": lineage_steps(args.lineage, graph, n)}
        peers = ["igraph", "graph-tool"] + (["networkx"] if n <= 100000 else [])
        for peer in peers:
            r = run_peer(peer, graph)
            if r is not None:
                results[peer] = r
        print(f"\n{n:,} works, {meta['edges']:,} edges (Price's model, seed 42), "
              f"in-process milliseconds")
        tools = list(results)
        print(f"{'step':<22}" + "".join(f"{t:>12}" for t in tools) +
              f"{'lineage/igraph':>16}")
        lin = results["lineage"]
        rows = [("load TSV", "load"), ("load own format", "load_own"),
                ("pagerank", "pagerank"), ("ancestors", "ancestors"),
                ("longest path", "longest_path")]
        for label, step in rows:
            cells = ""
            for t in tools:
                v = results[t].get(step)
                cells += f"{ms(v):>12}" if v is not None else f"{'-':>12}"
            ref = results.get("igraph", {}).get("load" if step == "load_own" else step)
            ratio = f"{lin[step] / ref:>16.3f}" if ref else f"{'-':>16}"
            print(f"{label:<22}{cells}{ratio}")
        print(f"{'peak RSS MB':<22}" +
              "".join(f"{results[t]['rss_mb']:>12.0f}" for t in tools) +
              f"   (lineage from TSV: {lin['tsv_rss_mb']:.0f})")
        ref = results.get("igraph", lin)
        for t in tools:
            agree = (results[t]["top"][:3] == ref["top"][:3] and
                     results[t]["ancestors_count"] == ref["ancestors_count"] and
                     results[t]["longest"] == ref["longest"])
            print(f"answers of {t}: top {results[t]['top'][:3]}, "
                  f"{results[t]['ancestors_count']} ancestors, longest path "
                  f"{results[t]['longest']}: {'agree' if agree else 'DIFFER'}")


if __name__ == "__main__":
    sys.exit(main())
