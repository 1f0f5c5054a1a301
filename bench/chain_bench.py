#!/usr/bin/env python3
"""lineage against igraph on a chain of a million links: the searches that
walk a whole lineage one step per link (every simple path, an explanation,
the works every path passes through, the main path) must neither recurse a
level per link nor take more than linear time.

It writes the chain 0 -> 1 -> ... -> N as an edge list (cached), imports it
once into a .lgraph file, and runs each lineage command, checking its
answer (one path of N links, N necessary works, a main path of N arcs); it
reports the step as lineage logs it with -v, and the whole process (wall
clock, peak RSS, which includes printing a million works as JSON). igraph does the same on the same
file in one process (its own C reader, get_all_simple_paths, dominator,
a topological longest path), each step timed inside it.

usage: chain_bench.py LINEAGE [--links 1000000] [--cache DIR]
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


def chain(links, cache):
    os.makedirs(cache, exist_ok=True)
    path = os.path.join(cache, f"chain-{links}.tsv")
    if not os.path.exists(path):
        with open(path + ".part", "w") as f:
            f.writelines(f"{i}\t{i + 1}\n" for i in range(links))
        os.replace(path + ".part", path)
    return path


def run(cmd):
    """(stdout, stderr, seconds, peak RSS MB) of one process; fails
    loudly."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if status != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {status}: {stderr}")
    return stdout, stderr, seconds, usage.ru_maxrss / 1024


PEER = r'''
import json, sys, time, resource
import igraph
path, links = sys.argv[1], int(sys.argv[2])
res = {}
t = time.perf_counter()
g = igraph.Graph.Read_Edgelist(path, directed=True)
res["load"] = time.perf_counter() - t
t = time.perf_counter()
paths = g.get_all_simple_paths(0, to=links)
res["all_paths"] = time.perf_counter() - t
res["all_paths_answer"] = len(paths[0]) - 1 if len(paths) == 1 else -1
t = time.perf_counter()
dom = g.dominator(0, mode="out")
necessary, v = 0, links
while dom[v] >= 0 and dom[v] != v:
    v = dom[v]
    necessary += 1
res["necessary"] = time.perf_counter() - t
res["necessary_answer"] = necessary - 1  # Without the root itself.
t = time.perf_counter()
depth = [0] * g.vcount()
adj = g.get_adjlist()
for u in g.topological_sorting():
    for w in adj[u]:
        depth[w] = max(depth[w], depth[u] + 1)
res["main_path"] = time.perf_counter() - t
res["main_path_answer"] = max(depth)
res["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(res))
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lineage")
    ap.add_argument("--links", type=int, default=1_000_000)
    ap.add_argument("--cache", default=os.path.join(HERE, "..", "build",
                                                    "bench-cache"))
    args = ap.parse_args()
    n = args.links
    tsv = chain(n, args.cache)
    lgraph = tsv.replace(".tsv", ".lgraph")
    run([args.lineage, "import", tsv, "--edges", "influences", "-o", lgraph,
         "-q"])
    data = [args.lineage, "--data", lgraph, "-v"]
    first, last = "0", str(n)
    # (name, command, the step lineage logs, the answer in its JSON).
    steps = [
        ("explain", ["explain", first, last, "--json"], "explain",
         lambda d: d["paths"][0]["length"]),
        ("all_paths", ["path", "--all", first, last, "--json"], "all paths",
         lambda d: d["paths"][0]["length"] if len(d["paths"]) == 1 else -1),
        ("necessary", ["necessary", last, "--json"], "necessary",
         lambda d: len(d["necessary"])),
        ("main_path", ["main-path", "--json"], "main path",
         lambda d: len(d["arcs"])),
    ]
    print(f"chain of {n:,} links ({n + 1:,} works)")
    peer = json.loads(subprocess.run(
        [sys.executable, "-c", PEER, tsv, str(n)], check=True,
        capture_output=True, text=True).stdout)
    print(f"  {'step':<10} {'lineage s':>10} {'igraph s':>9} {'ratio':>6} "
          f"{'process s':>10} {'MB':>6}  answer (expected {n:,})")
    ok = True
    for name, cmd, logged, answer in steps:
        out, err, seconds, mb = run(data + cmd)
        step = float(re.search(rf"step {logged}: ([0-9.]+) ms", err)
                     .group(1)) / 1000
        got = answer(json.loads(out))
        theirs = peer.get(name)
        ratio = f"{step / theirs:.2f}" if theirs else ""
        theirs_text = f"{theirs:.3f}" if theirs else "-"
        print(f"  {name:<10} {step:>10.3f} {theirs_text:>9} {ratio:>6} "
              f"{seconds:>10.2f} {mb:>6.0f}  {got:,}"
              + ("" if got == n else "  WRONG"))
        ok &= got == n
        if name in ("all_paths", "necessary", "main_path"):
            ok &= peer[name + "_answer"] == n
    print(f"  igraph: load {peer['load']:.2f} s, peak {peer['rss_mb']:.0f} MB. "
          "lineage s: the step inside the process (-v); process s: the "
          "whole command, with loading and printing every work of the "
          "answer as JSON")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
