#!/usr/bin/env python3
"""Main-text accuracy and speed of Sitrep's HTML reader side by side with trafilatura.

usage: compare_html.py SITREP_BINARY PAGES_DIR [--trafilatura]
PAGES_DIR holds NAME.html pages with their expected main text, either NAME.expected.json ({"text": ...}) or
NAME.txt. Accuracy is the overlap of 4-word shingles between extracted and expected text (precision and
recall averaged over pages, F1 of the averages), the measure of the public article-extraction benchmarks.
Speed is MB of HTML per second on one core, file reading and output included. Run trafilatura from its own
virtual environment (pip install trafilatura==2.3.1) with --trafilatura.
"""
import json, os, re, subprocess, sys, time

def shingles(text, k=4):
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + k]) for i in range(max(0, len(w) - k + 1))} or ({tuple(w)} if w else set())

def score(got, want):
    g, w = shingles(got), shingles(want)
    if not g and not w:
        return 1.0, 1.0
    common = len(g & w)
    return (common / len(g) if g else 0.0), (common / len(w) if w else 0.0)

def expected(pages, name):
    base = os.path.join(pages, name[:-5])
    if os.path.exists(base + ".expected.json"):
        return json.load(open(base + ".expected.json"))["text"]
    return open(base + ".txt").read()

def report(label, results, mb, seconds):
    p = sum(r[0] for r in results) / len(results)
    r = sum(r[1] for r in results) / len(results)
    f = 2 * p * r / (p + r) if p + r else 0
    print(f"{label:12s} pages {len(results):5d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {mb / seconds:7.1f} MB/s  ({seconds:.2f} s)")

def main():
    binary, pages = sys.argv[1], sys.argv[2]
    names = sorted(n for n in os.listdir(pages) if n.endswith(".html"))
    mb = sum(os.path.getsize(os.path.join(pages, n)) for n in names) / 1e6
    if "--trafilatura" in sys.argv:
        import trafilatura
        results = []
        t0 = time.perf_counter()
        outs = {}
        for n in names:
            with open(os.path.join(pages, n), "rb") as f:
                outs[n] = trafilatura.extract(f.read()) or ""
        secs = time.perf_counter() - t0
        results = [score(outs[n], expected(pages, n)) for n in names]
        report("trafilatura", results, mb, secs)
        return
    t0 = time.perf_counter()
    proc = subprocess.run([binary, "text", *[os.path.join(pages, n) for n in names]], capture_output=True, text=True)
    secs = time.perf_counter() - t0
    got = {}
    for line in proc.stdout.splitlines():
        d = json.loads(line)
        got[os.path.basename(d["id"])] = d["text"]
    results = [score(got.get(n, ""), expected(pages, n)) for n in names]
    report("sitrep", results, mb, secs)

main()
