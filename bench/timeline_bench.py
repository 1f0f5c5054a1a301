#!/usr/bin/env python3
"""The timeline against `dot`, in one run: time end to end to SVG, edge
crossings counted on the drawn SVG, and works out of time order.

For each view, lineage draws its own timeline (`render`, the default
`--layout timeline`), and Graphviz's `dot -Tsvg` lays out the DOT that
`lineage render --layout dot --format dot` writes for the same view (the year
ruler as rank groups: what lineage drew before). Both SVGs are read back:
every link's path is flattened (each cubic Bézier into 12 chords) and
crossings between links that share no work are counted (a uniform grid keeps
it near-linear); a work is out of time order when its x is less than the x
of a work dated earlier (compared at the precision both dates have); and in
lineage's SVG, the pairs of node boxes that overlap and the smallest font.

Views: the bundled graph and the gallery's four views; then Price's-model
citation DAGs from ../shared/tools/gen_citation_dag.py (--mean-refs 10
--seed 42) of 200, 1,000 and 5,000 works, imported with --edges influences,
where `dot` gets --dot-timeout seconds (and crossings are counted up to
--count-limit links).

usage: timeline_bench.py LINEAGE_BINARY [--runs N] [--sizes 200,1000,5000]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "..", "..", "shared", "tools", "gen_citation_dag.py")
SVG = "{http://www.w3.org/2000/svg}"

GALLERY = [
    ("whole graph", []),
    ("diffusion lineage", ["--tag", "diffusion", "--since", "2015"]),
    ("gan family", ["--focus", "gan", "--descendants"]),
    ("dall-e 2 ancestry", ["--focus", "DALL-E 2", "--ancestors"]),
    ("transformer to SD", ["--path", "transformer", "stable diffusion"]),
]


def run_timed(cmd, timeout=None):
    start = time.perf_counter()
    try:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def median_time(cmd, runs, timeout=None):
    samples = []
    for _ in range(runs):
        t = run_timed(cmd, timeout)
        if t is None:
            return None
        samples.append(t)
    return statistics.median(samples)


def numbers(text):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def bezier_points(d):
    """A path "M x,y C x,y x,y x,y ..." as a polyline."""
    v = numbers(d)
    pts = list(zip(v[0::2], v[1::2]))
    if len(pts) < 4:
        return pts
    out = [pts[0]]
    for i in range(0, len(pts) - 3, 3):
        p0, p1, p2, p3 = pts[i:i + 4]
        for k in range(1, 13):
            t = k / 12
            u = 1 - t
            out.append((u**3 * p0[0] + 3 * u * u * t * p1[0] +
                        3 * u * t * t * p2[0] + t**3 * p3[0],
                        u**3 * p0[1] + 3 * u * u * t * p1[1] +
                        3 * u * t * t * p2[1] + t**3 * p3[1]))
    return out


def read_svg(path):
    """Works (id -> (x, date)) and links ((parent, child), polyline)."""
    tree = ET.parse(path)
    works, links = {}, []
    for g in tree.iter(SVG + "g"):
        cls = g.get("class", "").split()
        gid = g.get("id", "")
        if "work" in cls and gid.startswith("work-"):
            texts = [t.text or "" for t in g.iter(SVG + "text")]
            date = texts[-1].strip() if texts else ""
            if not re.fullmatch(r"\d{4}(-\d\d){0,2}", date):
                date = ""
            xs = []
            for shape in g.iter():  # Shapes sit inside the tooltip's <a>.
                tag = shape.tag.replace(SVG, "")
                if tag == "polygon":
                    xs += numbers(shape.get("points", ""))[0::2]
                elif tag == "path":
                    xs += numbers(shape.get("d", ""))[0::2]
                elif tag == "ellipse":
                    xs.append(float(shape.get("cx")))
            if xs:
                works[gid[5:]] = ((min(xs) + max(xs)) / 2, date)
        elif "link" in cls and gid.startswith("link-"):
            title = g.find(SVG + "title")
            ends = (title.text or "").split("->") if title is not None else []
            path = next(g.iter(SVG + "path"), None)
            if path is not None and len(ends) == 2:
                links.append(((ends[0].strip(), ends[1].strip()),
                              bezier_points(path.get("d", ""))))
    return works, links


def out_of_order(works):
    """Works whose x is less than that of a work dated earlier, compared at
    the precision both dates have: checked per year, then per month within
    a year, then per day within a month."""
    bad = set()

    def check(entries):  # [(key, x, id)]: an earlier key must not be right.
        entries.sort()
        keys = sorted({k for k, _, _ in entries})
        best, best_id, i = None, None, 0
        for k in keys:
            group = []
            while i < len(entries) and entries[i][0] == k:
                group.append(entries[i])
                i += 1
            for _, x, wid in group:
                if best is not None and x < best - 0.5:
                    bad.add(wid)
            for _, x, wid in group:
                if best is None or x > best:
                    best, best_id = x, wid

    dated = [(d.split("-"), x, w) for w, (x, d) in works.items() if d]
    check([(int(p[0]), x, w) for p, x, w in dated])
    by_year = {}
    for p, x, w in dated:
        if len(p) >= 2:
            by_year.setdefault(p[0], []).append((int(p[1]), x, w))
    for entries in by_year.values():
        check(entries)
    by_month = {}
    for p, x, w in dated:
        if len(p) == 3:
            by_month.setdefault((p[0], p[1]), []).append((int(p[2]), x, w))
    for entries in by_month.values():
        check(entries)
    return len(bad)


def crossings(links, cell=40.0):
    """Proper crossings between the polylines of links that share no work."""
    segments = []
    for li, ((a, b), pts) in enumerate(links):
        for p, q in zip(pts, pts[1:]):
            segments.append((li, p, q))
    grid = {}
    for si, (_, p, q) in enumerate(segments):
        x0, x1 = sorted((p[0], q[0]))
        y0, y1 = sorted((p[1], q[1]))
        for cx in range(int(x0 // cell), int(x1 // cell) + 1):
            for cy in range(int(y0 // cell), int(y1 // cell) + 1):
                grid.setdefault((cx, cy), []).append(si)

    def cross(p, q, r, s):
        d1 = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        d2 = (q[0] - p[0]) * (s[1] - p[1]) - (q[1] - p[1]) * (s[0] - p[0])
        d3 = (s[0] - r[0]) * (p[1] - r[1]) - (s[1] - r[1]) * (p[0] - r[0])
        d4 = (s[0] - r[0]) * (q[1] - r[1]) - (s[1] - r[1]) * (q[0] - r[0])
        if (d1 > 0) == (d2 > 0) or (d3 > 0) == (d4 > 0) or 0 in (d1, d2, d3, d4):
            return None
        t = d3 / (d3 - d4)
        return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))

    count = 0
    for (cx, cy), members in grid.items():
        for i in range(len(members)):
            li, p, q = segments[members[i]]
            for j in range(i + 1, len(members)):
                lj, r, s = segments[members[j]]
                if li == lj or set(links[li][0]) & set(links[lj][0]):
                    continue
                at = cross(p, q, r, s)
                # Count each crossing once: in the cell holding it.
                if at and int(at[0] // cell) == cx and int(at[1] // cell) == cy:
                    count += 1
    return count


def overlaps_and_font(path):
    """Pairs of node boxes (works and ticks) that overlap, and the smallest
    font size in the SVG (1 pt = 1 px at 100%)."""
    tree = ET.parse(path)
    boxes = []
    for g in tree.iter(SVG + "g"):
        if "node" not in g.get("class", "").split():
            continue
        xs, ys = [], []
        for shape in g.iter():
            tag = shape.tag.replace(SVG, "")
            if tag in ("polygon", "path"):
                v = numbers(shape.get("points" if tag == "polygon" else "d", ""))
            elif tag == "ellipse":
                cx, cy, rx, ry = (float(shape.get(k)) for k in ("cx", "cy", "rx", "ry"))
                v = [cx - rx, cy - ry, cx + rx, cy + ry]
            else:
                continue
            xs += v[0::2]
            ys += v[1::2]
        if xs:
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    boxes.sort()
    count = 0
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b[0] >= a[2] - 0.5:
                break
            if a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5:
                count += 1
    sizes = [float(e.get("font-size")) for e in tree.iter(SVG + "text")
             if e.get("font-size")]
    return count, min(sizes) if sizes else None


def measure(svg, count_limit):
    works, links = read_svg(svg)
    c = crossings(links) if len(links) <= count_limit else None
    overlaps, font = overlaps_and_font(svg)
    return len(works), len(links), c, out_of_order(works), overlaps, font


def row(name, lineage_s, dot_s, mine, theirs):
    def fmt_s(s, timeout=None):
        return "—" if s is None else f"{s:.2f}"
    lc, dc = mine[2], theirs[2] if theirs else None
    ratio = f"{lc / dc:.2f}" if lc is not None and dc else "—"
    print(f"| {name} | {mine[0]} | {mine[1]} | {fmt_s(lineage_s)} | "
          f"{fmt_s(dot_s)} | {lc if lc is not None else '—'} | "
          f"{dc if dc is not None else '—'} | {ratio} | {mine[3]} | "
          f"{theirs[3] if theirs else '—'} | {mine[4]} | {mine[5]:g} |",
          flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lineage")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="200,1000,5000")
    parser.add_argument("--dot-timeout", type=float, default=120)
    parser.add_argument("--count-limit", type=int, default=2500)
    args = parser.parse_args()
    lineage = os.path.abspath(args.lineage)
    print("| view | works | links | lineage s | dot s | crossings lineage "
          "| crossings dot | ratio | out of order lineage | out of order dot "
          "| overlapping boxes lineage | smallest font lineage |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        def compare(name, base, view):
            mine_svg = os.path.join(tmp, "mine.svg")
            dot_file = os.path.join(tmp, "view.dot")
            dot_svg = os.path.join(tmp, "dot.svg")
            # Every work drawn, as dot draws them (no stacks of leaves).
            render = base + ["render", *view, "--max-works", "20000",
                             "--group-above", "0"]
            lineage_s = median_time(render + ["-o", mine_svg], args.runs)
            mine = measure(mine_svg, args.count_limit)
            subprocess.run(render + ["--layout", "dot", "--format", "dot",
                                     "-o", dot_file], check=True,
                           stdout=subprocess.DEVNULL)
            dot_s = median_time(["dot", "-Tsvg", dot_file, "-o", dot_svg],
                                args.runs, args.dot_timeout)
            theirs = measure(dot_svg, args.count_limit) if dot_s else None
            row(name, lineage_s, dot_s, mine, theirs)

        for name, view in GALLERY:
            compare(name, [lineage], view)
        cache = os.path.join(os.path.dirname(lineage), "bench-cache")
        os.makedirs(cache, exist_ok=True)
        for n in [int(s) for s in args.sizes.split(",") if s]:
            folder = os.path.join(cache, f"timeline-{n}")
            graph = os.path.join(cache, f"timeline-{n}.lgraph")
            if not os.path.exists(graph):
                subprocess.run([sys.executable, GEN, "--nodes", str(n),
                                "--mean-refs", "10", "--seed", "42",
                                "--out-dir", folder], check=True,
                               stdout=subprocess.DEVNULL)
                subprocess.run([lineage, "import",
                                os.path.join(folder, "edges.tsv"), "--edges",
                                "influences", "--nodes",
                                os.path.join(folder, "nodes.tsv"), "-o", graph],
                               check=True, stdout=subprocess.DEVNULL)
            compare(f"citation DAG {n}", [lineage, "--data", graph], [])
    print(f"\ntimes: median of {args.runs} runs, end to end to SVG; dot: "
          f"`dot -Tsvg` on lineage's --layout dot DOT, given "
          f"{args.dot_timeout:.0f} s ('—': it did not finish); crossings "
          f"counted up to {args.count_limit} links")


if __name__ == "__main__":
    sys.exit(main())
