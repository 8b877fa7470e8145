#!/usr/bin/env python3
"""Wraps the articles of a JSON Lines corpus in news-site pages (menus, scripts, sidebars, related links,
ads, comments), one .html file each, to measure the HTML reader's speed and compare it with trafilatura.

usage: make_html_corpus.py CORPUS.jsonl OUT_DIR [--limit N]
Deterministic: the same corpus gives the same pages; each page's expected text is written beside it (.txt).
"""
import html, json, os, random, sys

def page(doc, rng):
    paras = [p for p in doc["text"].split("\n") if p.strip()]
    esc = lambda s: html.escape(s, quote=True)
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(rng.randint(8, 30)))
    related = "".join(f'<li><a href="/story/{rng.randint(1, 10**6)}">Related headline number {i} about events elsewhere</a></li>'
                      for i in range(rng.randint(5, 25)))
    comments = "".join(f'<div class="comment"><span class="author">reader{i}</span><p>Comment text number {i}, '
                       f'which readers wrote below the story and which is not the article.</p></div>'
                       for i in range(rng.randint(0, 20)))
    body = []
    for i, p in enumerate(paras):
        body.append(f"<p>{esc(p)}</p>")
        if i % 3 == 2:
            body.append('<div class="ad-slot"><span>Advertisement</span><script>loadAd()</script></div>')
    script = "<script>" + "var x=1;" * rng.randint(100, 2000) + "</script>"
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": doc.get("title") or "",
                     "datePublished": doc.get("published") or ""})
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(doc.get('title') or '')}</title>
<meta property="og:site_name" content="Example News"><script type="application/ld+json">{ld}</script>{script}
<style>body{{font-family:serif}} .x{{color:red}}</style></head><body>
<header><nav><ul>{nav}</ul></nav></header><div class="cookie-banner">We use cookies <button>OK</button></div>
<main><article><h1>{esc(doc.get('title') or '')}</h1><div class="byline">By Staff</div>
<div class="article-body">{''.join(body)}</div>
<div class="share-bar"><a href="#">Share</a><a href="#">Tweet</a></div></article>
<aside class="sidebar"><h2>Related</h2><ul>{related}</ul></aside>
<section class="comments">{comments}</section></main>
<footer><p>Copyright Example News</p>{nav}</footer>{script}</body></html>
"""

def main():
    src, out = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20210812)
    n = 0
    with open(src) as f:
        for line in f:
            doc = json.loads(line)
            name = os.path.join(out, f"{n:06d}")
            with open(name + ".html", "w") as o:
                o.write(page(doc, rng))
            with open(name + ".txt", "w") as o:
                o.write("\n\n".join(p for p in doc["text"].split("\n") if p.strip()))
            n += 1
            if limit and n >= limit:
                break
    print(f"{n} pages in {out}")

main()
