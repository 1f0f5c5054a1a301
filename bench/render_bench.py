#!/usr/bin/env python3
"""How long `lineage render` takes on the bundled graph, next to Graphviz's
own `dot -Tsvg` on the very same DOT (`lineage render --format dot`).

The engine's overhead is what `lineage render` spends outside Graphviz's
layout and rendering: starting, loading and validating the YAML, selecting
and building the scene. Both tools run the same `dot` layout (lineage with
`--layout dot`; its own timeline is measured by timeline_bench.py), so the
ratio shows that overhead.

usage: render_bench.py LINEAGE_BINARY [--runs N] [--data PATH] [VIEW ARGS...]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def timed(cmd, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lineage")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--data")
    args, view = parser.parse_known_args()
    view = ["--layout", "dot", *view]
    base = [args.lineage] + (["--data", args.data] if args.data else [])

    with tempfile.TemporaryDirectory() as tmp:
        dot_file = os.path.join(tmp, "view.dot")
        svg_file = os.path.join(tmp, "view.svg")
        subprocess.run(base + ["render", *view, "--format", "dot", "-o", dot_file],
                       check=True, stdout=subprocess.DEVNULL)
        info = json.loads(subprocess.run(
            base + ["render", *view, "-o", svg_file, "--json"], check=True,
            capture_output=True, text=True).stdout)
        lineage_med, lineage_min = timed(
            base + ["render", *view, "-o", svg_file], args.runs)
        dot_med, dot_min = timed(["dot", "-Tsvg", dot_file, "-o", svg_file],
                                 args.runs)
        inner = [json.loads(subprocess.run(
            base + ["render", *view, "-o", svg_file, "--json"], check=True,
            capture_output=True, text=True).stdout) for _ in range(args.runs)]

    layout = statistics.median(i["layout_ms"] for i in inner)
    render = statistics.median(i["render_ms"] for i in inner)
    overhead = lineage_med - layout - render
    print(f"view: {' '.join(view) or '(whole graph)'}: "
          f"{info['works']} works, {info['links']} links; {args.runs} runs each")
    print(f"{'command':<32}{'median ms':>12}{'min ms':>10}")
    print(f"{'lineage render (svg)':<32}{lineage_med:>12.1f}{lineage_min:>10.1f}")
    print(f"{'dot -Tsvg (same DOT)':<32}{dot_med:>12.1f}{dot_min:>10.1f}")
    print(f"ratio lineage / dot: {lineage_med / dot_med:.2f}")
    print(f"inside lineage: layout {layout:.1f} ms, render {render:.1f} ms, "
          f"everything else (start, load, validate, scene, write) "
          f"{overhead:.1f} ms = {100 * overhead / lineage_med:.0f}%")


if __name__ == "__main__":
    sys.exit(main())
