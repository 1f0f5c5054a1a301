#!/usr/bin/env python3
"""Python's csv module and networkx read the same model tables that
`lineage` imports, and agree with its answers: works, links, undated works
and parents without a row (validate), ancestors, descendants and shortest
paths, on random tables with the quirks real exports have (quoted names
holding commas, quotes and line breaks, descriptions over several lines, the
id in a middle column, dates written in several ways, empty dates, parents
that have no row, a ';'-separated parent list).

usage: csv_crosscheck.py LINEAGE_BINARY
"""
import csv
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile

import networkx as nx

lineage = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def date_text(rng, y, m, d):
    form = rng.randrange(6)
    if form == 0:
        return ""
    if form == 1:
        return f"{y}"
    if form == 2:
        return f"{y}-{m:02}-{d:02}"
    if form == 3:
        return f"{y}.{m}.{d}"
    if form == 4:
        return f"{y}-{m:02}-{d:02} 12:00:00+00:00"
    return f"{y}-{m}"


def make_table(rng, n):
    names = []
    for i in range(n):
        style = rng.randrange(5)
        base = f"Model {i}"
        if style == 1:
            base = f"Model {i}, v{rng.randrange(9)}"
        elif style == 2:
            base = f'Model "{i}"'
        elif style == 3:
            base = f"模型 {i}"
        names.append(base)
    outside = [f"Outside base {k}" for k in range(3)]
    rows = []
    for i, name in enumerate(names):
        parents = set()
        if i > 0:
            for _ in range(rng.randrange(3)):
                parents.add(names[rng.randrange(i)])
        if rng.random() < 0.1:
            parents.add(rng.choice(outside))
        y, m, d = 2015 + i * 8 // n, rng.randrange(1, 13), rng.randrange(1, 29)
        desc = "line one\nline two, with a comma" if rng.random() < 0.3 else ""
        rows.append({"Organization": f"Org {rng.randrange(5)}",
                     "Model": name,
                     "Publication date": date_text(rng, y, m, d),
                     "Base model": "; ".join(sorted(parents)),
                     "Description": desc})
    rng.shuffle(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()),
                            lineterminator="\r\n" if rng.random() < 0.5
                            else "\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def expected_graph(text):
    g = nx.DiGraph()
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    undated = 0
    for row in rows:
        g.add_node(row["Model"])
        if not row["Publication date"]:
            undated += 1
    named = set()
    for row in rows:
        for parent in row["Base model"].split(";"):
            parent = parent.strip()
            if parent:
                g.add_edge(parent, row["Model"])
                named.add(parent)
    without_row = {p for p in named if p not in {r["Model"] for r in rows}}
    return g, undated + len(without_row), len(without_row)


def run(path, *args):
    cmd = [lineage, "--data", path, "--parent-lists", "--id-column", "Model",
           "--date-column", "Publication date", "--parent-column",
           "Base model", *args]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        failures.append(f"{' '.join(args)}: exit {out.returncode}: "
                        f"{out.stderr[:300]}")
        return None
    return json.loads(out.stdout)


with tempfile.TemporaryDirectory() as tmp:
    for seed in range(4):
        rng = random.Random(seed)
        text = make_table(rng, 40 + 20 * seed)
        path = os.path.join(tmp, f"models{seed}.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        g, undated, without_row = expected_graph(text)
        doc = run(path, "validate", "--json")
        if doc is None:
            continue
        check(doc["works"] == g.number_of_nodes(),
              f"seed {seed}: {doc['works']} works, want {g.number_of_nodes()}")
        check(doc["links"] == g.number_of_edges(),
              f"seed {seed}: {doc['links']} links, want {g.number_of_edges()}")
        counts = {f["kind"]: f["count"] for f in doc["findings"]}
        check(counts.get("undated works", 0) == undated,
              f"seed {seed}: undated {counts.get('undated works')}, "
              f"want {undated}")
        check(counts.get("parents without a row", 0) == without_row,
              f"seed {seed}: without a row "
              f"{counts.get('parents without a row')}, want {without_row}")
        works = sorted(g.nodes)
        for work in rng.sample(works, 6):
            a = run(path, "ancestors", work, "--json")
            d = run(path, "descendants", work, "--json")
            if a is None or d is None:
                continue
            got = {x["id"] for x in a["ancestors"]}
            check(got == nx.ancestors(g, work),
                  f"seed {seed}: ancestors of {work!r}: {sorted(got)} vs "
                  f"{sorted(nx.ancestors(g, work))}")
            got = {x["id"] for x in d["descendants"]}
            check(got == nx.descendants(g, work),
                  f"seed {seed}: descendants of {work!r} differ")
        doc = run(path, "rank", "--by", "descendants", "--top", "0", "--json")
        if doc is not None:
            got = {w["id"]: w["score"] for w in doc["works"]}
            want = {w: len(nx.descendants(g, w)) for w in g.nodes}
            check(all(got.get(w, 0) == n for w, n in want.items()),
                  f"seed {seed}: rank --by descendants differs")
        # The diagram of a work's family draws exactly that family.
        focus = max(works, key=lambda w: len(nx.ancestors(g, w)))
        svg_path = os.path.join(tmp, f"family{seed}.svg")
        out = subprocess.run(
            [lineage, "--data", path, "--parent-lists", "--id-column", "Model",
             "--date-column", "Publication date", "--parent-column",
             "Base model", "-q", "render", "--focus", focus, "--ancestors",
             "-o", svg_path], capture_output=True, text=True)
        if out.returncode != 0:
            failures.append(f"seed {seed}: render: {out.stderr[:300]}")
        else:
            with open(svg_path, encoding="utf-8") as f:
                svg = f.read()
            # Graphviz writes the '-' of "work-ID" as &#45;.
            drawn = len(re.findall(r'id="work(?:-|&#45;)', svg))
            check(drawn == len(nx.ancestors(g, focus)) + 1,
                  f"seed {seed}: render drew {drawn} works, want "
                  f"{len(nx.ancestors(g, focus)) + 1}")
        for _ in range(4):
            a, b = rng.sample(works, 2)
            if not nx.has_path(g, a, b):
                continue
            p = run(path, "path", a, b, "--json")
            if p is None:
                continue
            check(p["paths"][0]["length"] == nx.shortest_path_length(g, a, b),
                  f"seed {seed}: path {a!r} -> {b!r}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("csv cross-check: lineage agrees with Python's csv module and networkx")
