#!/usr/bin/env python3
"""Writes the HTML reader's fixture pages: sixteen layouts of real news sites around article text written for
Sitrep (the evaluation set's own articles), each page with the main text and metadata a reader should find
(NAME.expected.json). Run from this folder; the output is committed, so tests need no Python."""
import html, json

def paras(doc_id):
    for f in ("../Eval/east.corpus.jsonl", "../Eval/south.corpus.jsonl", "../Eval/north.corpus.jsonl"):
        for line in open(f):
            d = json.loads(line)
            if d["id"] == doc_id:
                return d, [p for p in d["text"].split("\n") if p.strip()]
    raise SystemExit("no " + doc_id)

E = lambda s: html.escape(s, quote=False)
A = lambda s: html.escape(s, quote=True)
NAV = "<nav class=\"site-nav\"><ul>" + "".join(f"<li><a href=\"/{s.lower()}\">{s}</a></li>" for s in
      ["World", "Africa", "Middle East", "Europe", "Business", "Sport", "Opinion", "Video"]) + "</ul></nav>"
FOOT = "<footer class=\"site-footer\"><p>About us</p><p>Contact</p><p>&copy; 2024 The Publisher. All rights reserved.</p></footer>"
pages = {}

def page(name, html_text, title, published, outlet, url, text_paras, encoding="utf-8"):
    pages[name] = (html_text, {"title": title, "published": published, "outlet": outlet, "url": url,
                               "text": "\n\n".join(text_paras)}, encoding)

def ld(**kw):
    return '<script type="application/ld+json">' + json.dumps(dict({"@context": "https://schema.org"}, **kw)) + "</script>"

# 01 wire agency: <article>, JSON-LD NewsArticle
d, ps = paras("east-001")
url = "https://www.wire.example.test/world/africa/libya-haftar-gharyan-idUS2019"
page("01-wire-site", f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{E(d['title'])} | Example Wire</title>
<link rel="canonical" href="{url}">
{ld(**{"@type": "NewsArticle", "headline": d["title"], "datePublished": "2019-04-05T09:12:00Z", "publisher": {"@type": "Organization", "name": "Example Wire"}})}
<script>window.dataLayer=[];function track(){{}}</script><style>.x{{color:#333}}</style></head><body>
<header class="masthead">{NAV}<form class="search"><input name="q"><button>Search</button></form></header>
<main><article><header><h1>{E(d['title'])}</h1><p class="byline">By Example Wire Staff</p><time datetime="2019-04-05T09:12:00Z">April 5, 2019</time></header>
<div class="article-body">{''.join(f'<p>{E(p)}</p>' for p in ps)}</div>
<div class="share-tools"><a href="#">Share on X</a> <a href="#">Email</a></div></article></main>
<aside class="sidebar"><h2>More from Africa</h2><ul><li><a href="/a">Sudan talks resume</a></li><li><a href="/b">Mali junta extends rule</a></li></ul></aside>
{FOOT}</body></html>""", d["title"], "2019-04-05", "Example Wire", url, ps)

# 02 live blog: entries with time stamps and headings
d, ps = paras("south-008")
entries = [("Fighting reaches the airport", ps[0:2]), ("Army says it holds headquarters", ps[2:4]), ("Residents shelter at home", ps[4:])]
body = ""
for i, (h, eps) in enumerate(entries):
    body += f'<div class="live-entry" id="e{i}"><time class="entry-time" datetime="2023-04-16T1{i}:00:00Z">1{i}:00 GMT</time><h3>{E(h)}</h3>' + "".join(f"<p>{E(p)}</p>" for p in eps) + '<div class="entry-share"><a href="#">Share</a></div></div>'
url = "https://www.daily.example.test/world/live/2023/apr/16/sudan-fighting-khartoum-live"
page("02-live-blog", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sudan fighting live</title>
<meta property="og:title" content="Sudan fighting: army and RSF battle for Khartoum for second day – live">
<meta property="og:site_name" content="The Daily Example"><meta property="article:published_time" content="2023-04-16T08:00:00+00:00">
<link rel="canonical" href="{url}"></head><body>{NAV}
<div class="live-header"><h1>Sudan fighting: army and RSF battle for Khartoum for second day – live</h1><p class="live-label">LIVE</p><p class="updated">Updated 12 minutes ago</p></div>
<div class="live-blog-body">{body}</div>{FOOT}</body></html>""",
     "Sudan fighting: army and RSF battle for Khartoum for second day – live", "2023-04-16", "The Daily Example", url,
     [x for h, eps in entries for x in [h] + eps])

# 03 aggregator with long related list and most-read box
d, ps = paras("south-023")
related = "".join(f'<li><a href="/story/{i}">Related headline {i}: regional leaders meet as crisis deepens</a></li>' for i in range(30))
url = "https://aggregate.example.test/africa/congo-rebels-goma"
page("03-aggregator", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(d['title'])} - Aggregate News</title>
<meta property="og:title" content="{A(d['title'])}"><meta property="og:site_name" content="Aggregate News"><meta property="og:url" content="{url}">
<meta name="date" content="2012-11-21"></head><body>{NAV}<div class="layout"><div class="col-main">
<div class="story"><h1>{E(d['title'])}</h1><div class="story-text">{''.join(f'<p>{E(p)}</p>' for p in ps)}</div></div>
<div class="related-stories"><h2>Related stories</h2><ul>{related}</ul></div></div>
<div class="col-side"><div class="most-read"><h2>Most read</h2><ol><li><a href="/1">One</a></li><li><a href="/2">Two</a></li><li><a href="/3">Three</a></li></ol></div></div></div>{FOOT}</body></html>""",
     d["title"], "2012-11-21", "Aggregate News", url, ps)

# 04 text split by ad slots, two embedded tweets and a "Read more" paragraph
d, ps = paras("east-016")
tweet = '<blockquote class="twitter-tweet"><p lang="en">Our forces hold the high ground. #Karabakh</p>&mdash; Defence Ministry (@mod) <a href="https://x.example/1">November 8, 2020</a></blockquote><script async src="https://platform.example/widgets.js"></script>'
chunks = []
for i, p in enumerate(ps):
    chunks.append(f"<p>{E(p)}</p>")
    if i == 1: chunks.append('<div class="ad-container"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-1"></div></div>')
    if i == 2: chunks.append(tweet + '<p class="read-more">Read more: <a href="/karabakh-explainer">What is at stake in Nagorno-Karabakh</a></p>')
    if i == 3: chunks.append(tweet)
url = "https://www.herald.example.test/news/world/karabakh-shusha"
page("04-ads-and-tweets", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(d['title'])}</title><link rel="canonical" href="{url}">
{ld(**{"@type": "NewsArticle", "headline": d["title"], "datePublished": "2020-11-08", "publisher": {"@type": "Organization", "name": "The Herald"}})}</head>
<body>{NAV}<article><h1>{E(d['title'])}</h1><div class="article__content">{''.join(chunks)}</div></article>{FOOT}</body></html>""",
     d["title"], "2020-11-08", "The Herald", url, ps)

# 05 AMP page
d, ps = paras("south-026")
url = "https://www.wire.example.test/world/africa/m23-rutshuru"
page("05-amp", f"""<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>{E(d['title'])}</title><link rel="canonical" href="{url}">
<meta name="viewport" content="width=device-width"><script async src="https://cdn.ampproject.example/v0.js"></script>
{ld(**{"@type": "NewsArticle", "headline": d["title"], "datePublished": "2022-10-31T07:00:00Z", "publisher": {"@type": "Organization", "name": "Example Wire"}})}
<style amp-custom>body{{margin:0}}</style></head><body><amp-analytics type="gtag"><script type="application/json">{{"vars":{{}}}}</script></amp-analytics>
<header class="amp-header"><a href="/">Example Wire</a></header><article><h1>{E(d['title'])}</h1>
<amp-img src="/p.jpg" width="600" height="400" alt="Fighters"></amp-img>
{''.join(f'<p>{E(p)}</p>' + ('<amp-ad width="300" height="250" type="doubleclick" data-slot="/1/a"></amp-ad>' if i == 1 else '') for i, p in enumerate(ps))}
</article>{FOOT}</body></html>""", d["title"], "2022-10-31", "Example Wire", url, ps)

# 06 only JSON-LD articleBody (a script-rendered page)
d, ps = paras("north-008")
body6 = "\n\n".join(ps)
url = "https://app.example.test/news/palmyra-retaken"
page("06-jsonld-only", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Loading…</title><link rel="canonical" href="{url}">
{ld(**{"@type": "NewsArticle", "headline": d["title"], "datePublished": "2016-03-27T16:40:00+03:00", "publisher": {"@type": "Organization", "name": "App News"}, "articleBody": body6})}
<script src="/static/app.bundle.js" defer></script></head><body><div id="root"></div>
<noscript>Please enable JavaScript to read App News.</noscript></body></html>""", d["title"], "2016-03-27", "App News", url, ps)

# 07 div soup without <article>, with a sidebar
d, ps = paras("south-011")
url = "https://www.tribune.example.test/2023/11/22/sudan-el-daein"
page("07-div-soup", f"""<html><head><title>{E(d['title'])}</title><meta property="og:title" content="{A(d['title'])}">
<meta property="og:site_name" content="Tribune"><link rel="canonical" href="{url}"><meta property="article:published_time" content="2023-11-22T10:00:00Z"></head>
<body><div id="wrapper"><div id="top">{NAV}</div><div id="content"><div class="content__headline"><h1>{E(d['title'])}</h1></div>
<div class="content__body">{''.join(f'<p>{E(p)}</p>' for p in ps)}</div></div>
<div id="sidebar"><div class="widget"><h4>Newsletter</h4><p>Get the morning briefing in your inbox every day before breakfast.</p></div>
<div class="widget"><h4>Trending</h4><p><a href="/t1">Trending story one</a></p></div></div></div>{FOOT}</body></html>""",
     d["title"], "2023-11-22", "Tribune", url, ps)

# 08 windows-1252 page with curly quotes, a dash and an accented name
ps8 = ["BAMAKO, Nov 15 \u2014 Malian troops entered Kidal on Tuesday, the army said, ending a decade in which the northern town was held by Tuareg-led rebels.",
       "\u201cOur forces have taken control of Kidal,\u201d the head of the transitional government, Colonel Assimi Go\u00efta, said in a message to the nation.",
       "Rebel leaders said their fighters had left the town to spare civilians and would continue the struggle elsewhere in the desert.",
       "Residents reached by telephone said drones had struck the outskirts of the town several times in the past week."]
url = "https://www.sahel.example.test/mali/kidal-army"
page("08-windows-1252", f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Army enters Kidal</title>
<link rel="canonical" href="{url}"><meta name="date" content="2023-11-15"></head><body>{NAV}<div class="article"><h1>Army enters Kidal</h1>
<div class="article-text">{''.join(f'<p>{E(p)}</p>' for p in ps8)}</div></div>{FOOT}</body></html>""",
     "Army enters Kidal", "2023-11-15", "sahel.example.test", url, ps8, encoding="cp1252")

# 09 long reader comment thread after the article
d, ps = paras("east-020")
comments = "".join(f'<li class="comment"><div class="comment-author">reader{i}</div><div class="comment-body"><p>This is comment number {i}, and it is much longer than it needs to be, going on about the war, the government and everything else besides, as comments do.</p></div></li>' for i in range(40))
url = "https://www.observer.example.test/africa/ethiopia-tigray-alamata"
page("09-comments", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(d['title'])}</title><link rel="canonical" href="{url}">
{ld(**{"@type": "NewsArticle", "headline": d["title"], "datePublished": "2020-11-17T18:00:00Z", "publisher": [{"@type": "Organization", "name": "The Observer"}]})}</head>
<body>{NAV}<article><h1>{E(d['title'])}</h1><div class="story-body">{''.join(f'<p>{E(p)}</p>' for p in ps)}</div></article>
<section id="comments" class="comments"><h2>{len(comments)} comments</h2><ol class="comment-list">{comments}</ol></section>{FOOT}</body></html>""",
     d["title"], "2020-11-17", "The Observer", url, ps)

# 10 cookie banner, newsletter form inside the text, author bio
d, ps = paras("south-019")
url = "https://www.post.example.test/world/mali-army-kidal"
mid = len(ps) // 2
body = "".join(f"<p>{E(p)}</p>" for p in ps[:mid]) + '<form class="newsletter-signup"><h3>Sign up for our Africa newsletter</h3><p>The week\u2019s essential stories, every Friday.</p><input type="email"><button>Subscribe</button></form>' + "".join(f"<p>{E(p)}</p>" for p in ps[mid:])
page("10-cookie-newsletter-bio", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(d['title'])}</title><link rel="canonical" href="{url}">
<meta property="og:site_name" content="The Post"><meta property="article:published_time" content="2023-11-15T12:30:00Z"><meta property="og:title" content="{A(d['title'])}"></head>
<body><div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button>Accept all</button></div>
{NAV}<article><h1>{E(d['title'])}</h1><div class="article-content">{body}</div>
<div class="author-bio"><p>Jean Example covers the Sahel from Dakar. She previously reported from Bamako for ten years.</p></div></article>{FOOT}</body></html>""",
     d["title"], "2023-11-15", "The Post", url, ps)

# 11 date only in the URL path
d, ps = paras("south-028")
url = "https://www.kivu.example.test/news/2024/02/09/sake-shelling"
page("11-date-in-url", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(d['title'])}</title><link rel="canonical" href="{url}"></head>
<body>{NAV}<div class="main"><h1>{E(d['title'])}</h1><div class="entry">{''.join(f'<p>{E(p)}</p>' for p in ps)}</div></div>{FOOT}</body></html>""",
     d["title"], "2024-02-09", "kivu.example.test", url, ps)

# 12 <time datetime> only, Open Graph title and site name
d, ps = paras("south-004")
page("12-time-element", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>News page</title>
<meta property="og:title" content="{A(d['title'])}"><meta property="og:site_name" content="Irrawaddy Example"></head>
<body>{NAV}<article><h1>{E(d['title'])}</h1><p class="dateline-meta"><time datetime="2024-05-20T06:00:00+06:30">20 May 2024</time></p>
<div class="post-body">{''.join(f'<p>{E(p)}</p>' for p in ps)}</div></article>{FOOT}</body></html>""",
     d["title"], "2024-05-20", "Irrawaddy Example", None, ps)

# 13 photos with captions and credits, h2 subheadings inside the body
d, ps = paras("north-010")
fig = '<figure class="photo"><img src="/raqqa.jpg" alt=""><figcaption>Fighters stand in a ruined street. <span class="credit">Photo: Example Agency</span></figcaption></figure>'
body = f"<p>{E(ps[0])}</p>{fig}<p>{E(ps[1])}</p><h2>A negotiated exit</h2>" + "".join(f"<p>{E(p)}</p>" for p in ps[2:4]) + f'<p class="photo-credit">Photograph: Example Agency</p><h2>What comes next</h2>' + "".join(f"<p>{E(p)}</p>" for p in ps[4:])
url = "https://www.monitor.example.test/syria/raqqa-falls"
page("13-figures-subheads", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(d['title'])}</title><link rel="canonical" href="{url}">
{ld(**{"@graph": [{"@type": "WebSite", "name": "Monitor"}, {"@type": "NewsArticle", "headline": d["title"], "datePublished": "2017-10-17T14:00:00Z", "publisher": {"@type": "Organization", "name": "The Monitor"}}]})}</head>
<body>{NAV}<main><article><h1>{E(d['title'])}</h1>{fig}<div class="article-body">{body}</div></article></main>{FOOT}</body></html>""",
     d["title"], "2017-10-17", "The Monitor", url, [ps[0], ps[1], "A negotiated exit"] + ps[2:4] + ["What comes next"] + ps[4:])

# 14 WordPress-like blog
d, ps = paras("east-025")
url = "https://hornwatch.example.test/2021/07/13/tigray-alamata/"
page("14-blog", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(d['title'])} &#8211; Horn Watch</title><link rel="canonical" href="{url}">
<meta property="og:site_name" content="Horn Watch"><meta property="article:published_time" content="2021-07-13T19:20:11+00:00"><link rel="stylesheet" href="/wp-content/themes/x/style.css"></head>
<body class="post-template-default single single-post"><div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title">Horn Watch</p>{NAV}</header>
<div id="primary" class="content-area"><main id="main" class="site-main"><article class="post type-post hentry"><header class="entry-header"><h1 class="entry-title">{E(d['title'])}</h1>
<div class="entry-meta">Posted on July 13, 2021 by editor</div></header><div class="entry-content">{''.join(f'<p>{E(p)}</p>' for p in ps)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul></div></div>
<footer class="entry-footer"><span class="tags-links">Tagged <a href="/t/eth">Ethiopia</a>, <a href="/t/tig">Tigray</a></span></footer></article></main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2>Recent Posts</h2><ul><li><a href="/p1">Earlier post</a></li></ul></section>
<section class="widget widget_tag_cloud"><h2>Tags</h2><div class="tagcloud"><a href="/t/a">Amhara</a> <a href="/t/b">Afar</a></div></section></aside></div>{FOOT}</body></html>""",
     d["title"], "2021-07-13", "Horn Watch", url, ps)

# 15 an inline list of towns and a blockquote statement in the story
ps15a = ["MANDALAY, Myanmar, Jan 8 \u2014 An alliance of ethnic armed groups said on Monday it now controlled the following towns in northern Shan State after ten weeks of fighting:"]
towns = ["Chinshwehaw, on the border with China", "Hsenwi, on the main trade road", "Kunlong, on the Salween river", "Laukkai, the Kokang capital"]
ps15b = ["In a statement posted on its channel, the alliance said:"]
quote = "We call on the remaining soldiers in the region to lay down their weapons. Those who surrender will be treated in accordance with the law."
ps15c = ["A spokesman for the military denied that Kunlong had fallen and said troops were still defending the town.",
         "China, which shares a long border with the area, has urged both sides to keep talking."]
url = "https://www.frontier.example.test/myanmar/alliance-towns"
page("15-list-and-quote", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Alliance lists captured towns</title><link rel="canonical" href="{url}">
{ld(**{"@type": "ReportageNewsArticle", "headline": "Alliance lists captured towns in northern Shan", "datePublished": "2024-01-08T11:00:00+06:30", "publisher": {"name": "Frontier Example"}})}</head>
<body>{NAV}<article><h1>Alliance lists captured towns in northern Shan</h1><div class="article-text"><p>{E(ps15a[0])}</p>
<ul>{''.join(f'<li>{E(t)}</li>' for t in towns)}</ul><p>{E(ps15b[0])}</p><blockquote><p>{E(quote)}</p></blockquote>{''.join(f'<p>{E(p)}</p>' for p in ps15c)}</div></article>{FOOT}</body></html>""",
     "Alliance lists captured towns in northern Shan", "2024-01-08", "Frontier Example", url, ps15a + towns + ps15b + [quote] + ps15c)

# 16 meta date and article:published_time disagree in time of day; most popular list; footer with many links
d, ps = paras("east-027")
foot = "<footer><div class=\"footer-links\">" + "".join(f'<a href="/l{i}">Footer link {i}</a> ' for i in range(60)) + "</div></footer>"
url = "https://www.capital.example.test/ethiopia/mekelle-air-strikes"
page("16-dates-popular-footer", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{E(d['title'])}</title><link rel="canonical" href="{url}">
<meta name="date" content="2021-10-28T23:10:00Z"><meta property="article:published_time" content="2021-10-28T08:00:00Z"><meta property="og:site_name" content="Capital Example"></head>
<body>{NAV}<article><h1>{E(d['title'])}</h1><section class="article-body">{''.join(f'<p>{E(p)}</p>' for p in ps)}</section></article>
<section class="most-popular"><h2>Most popular</h2><ol>{''.join(f'<li><a href="/pop{i}">Popular story {i}</a></li>' for i in range(10))}</ol></section>{foot}</body></html>""",
     d["title"], "2021-10-28", "Capital Example", url, ps)

for name, (text, exp, enc) in pages.items():
    with open(name + ".html", "wb") as f:
        f.write(text.encode(enc))
    with open(name + ".expected.json", "w") as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
print(len(pages), "pages")
