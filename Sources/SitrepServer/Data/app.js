// The situation page: reads the API, draws with DOM methods only (every string from a document is set as
// text, never parsed as HTML), and reloads when the store's revision changes.
"use strict";

const $ = (id) => document.getElementById(id);
let revision = null;
let nextCursor = null;

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function row(cells) {
  const tr = document.createElement("tr");
  for (const c of cells) {
    const td = document.createElement("td");
    if (c instanceof Node) td.appendChild(c); else td.textContent = c === null || c === undefined ? "—" : String(c);
    tr.appendChild(td);
  }
  return tr;
}

function filters() {
  return { country: $("country").value, as_of: $("as_of").value, since: $("since").value };
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? "?" + s : "";
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
  return body;
}

async function showSVG(target, url) {
  const r = await fetch(url);
  const text = await r.text();
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = doc.documentElement;
  if (!r.ok || svg.nodeName !== "svg") { target.replaceChildren(el("p", "No map.", "muted")); return; }
  for (const s of svg.querySelectorAll("script, foreignObject")) s.remove();
  target.replaceChildren(document.importNode(svg, true));
}

function cite(ev) {
  const span = el("span", null, "muted");
  const name = ev.title || ev.document;
  let node = el("span", name);
  if (ev.url && /^https?:\/\//i.test(ev.url)) { node = el("a", name); node.href = ev.url; node.rel = "noopener noreferrer"; }
  span.append(" (", node);
  if (ev.outlet) span.append(", " + ev.outlet);
  span.append(")");
  return span;
}

function who(e) {
  return (e.actor ? e.actor.name : "—") + " → " + (e.target ? e.target.name : "—");
}

function day(d) {
  if (!d || !d.start) return "—";
  return d.precision === "day" ? d.start : "~" + (d.end || d.start);
}

function eventRow(e) {
  const evidence = document.createElement("div");
  evidence.append(el("span", "“" + e.evidence.text + "”", "quote"), cite(e.evidence));
  const sources = el("button", String(e.sources), "link");
  sources.type = "button";
  sources.title = "show the reports behind this event";
  const tr = row([day(e.date), e.type, e.place ? e.place.name : null, who(e),
                  el("span", e.modality, e.modality === "contested" ? "contested" : null), sources, evidence]);
  tr.dataset.id = e.id;
  sources.addEventListener("click", () => toggleDetail(tr, e.id));
  return tr;
}

async function toggleDetail(tr, id) {
  const next = tr.nextElementSibling;
  if (next && next.classList.contains("detail")) { next.remove(); return; }
  const detail = await getJSON("/api/events/" + encodeURIComponent(id));
  const docs = new Map(detail.documents.map((d) => [d.id, d]));
  const list = el("ul");
  for (const m of detail.mentions) {
    const li = el("li");
    const d = docs.get(m.document.id) || { id: m.document.id };
    li.append(el("strong", m.modality + ": "), el("span", "“" + m.evidence.text + "”", "quote"),
              cite({ document: d.id, title: d.title, outlet: d.outlet, url: d.url }));
    if (m.source && m.source.speaker) li.append(el("span", " — " + m.source.speaker, "muted"));
    list.append(li);
  }
  const td = el("td");
  td.colSpan = 7;
  td.append(list);
  const dtr = el("tr", null, "detail");
  dtr.append(td);
  tr.after(dtr);
}

async function loadEvents(append) {
  const f = filters();
  const params = { country: f.country, since: f.since, until: f.as_of, limit: 50 };
  if (append && nextCursor) params.cursor = nextCursor;
  const page = await getJSON("/api/events" + query(params));
  const body = $("events").tBodies[0];
  if (!append) body.replaceChildren();
  for (const e of page.events) body.append(eventRow(e));
  nextCursor = page.next;
  $("more").hidden = !nextCursor;
}

async function loadCountries() {
  const all = await getJSON("/api/control");
  const select = $("country");
  const current = select.value;
  const codes = [...new Set(all.places.map((c) => c.place.country).filter(Boolean))].sort();
  select.replaceChildren(el("option", "all"));
  select.options[0].value = "";
  for (const cc of codes) { const o = el("option", cc); o.value = cc; select.append(o); }
  select.value = codes.includes(current) ? current : "";
}

async function loadAll() {
  const f = filters();
  const status = $("status");
  try {
    await loadCountries();
    const control = await getJSON("/api/control" + query({ country: f.country, as_of: f.as_of }));
    const held = $("control").tBodies[0];
    held.replaceChildren();
    for (const c of control.places) {
      held.append(row([c.place.name, c.place.country, c.controller.name, day(c.date),
                       c.previous ? c.previous.name : null, c.modality, c.sources]));
    }
    const timeline = await getJSON("/api/timeline" + query({ country: f.country, until: f.as_of }));
    const changes = $("changes");
    changes.replaceChildren();
    for (const c of timeline.changes.slice(-30).reverse()) {
      const li = el("li");
      li.append(el("strong", day(c.date) + ": "),
                el("span", c.controller.name + " took " + c.place.name + (c.previous ? " from " + c.previous.name : "")),
                el("span", " (" + c.modality + ", " + c.sources + " source" + (c.sources === 1 ? "" : "s") + ")", "muted"));
      changes.append(li);
    }
    await showSVG($("map"), "/api/map.svg" + query({ country: f.country, as_of: f.as_of }));
    await showSVG($("chart"), "/api/changes.svg" + query({ country: f.country, as_of: f.as_of }));
    $("map-day").textContent = f.as_of ? "on " + f.as_of : "by the latest reports";
    await loadEvents(false);
    const health = await getJSON("/healthz");
    revision = health.revision;
    status.textContent = health.documents + " documents, " + health.events + " events, " + health.changes +
      " changes of control. Updated " + new Date().toLocaleTimeString() + ".";
  } catch (err) {
    status.textContent = "Could not load: " + err.message;
  }
}

async function poll() {
  try {
    const health = await getJSON("/healthz");
    if (revision !== null && health.revision !== revision) await loadAll();
  } catch (err) {
    $("status").textContent = "The server does not answer: " + err.message;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); loadAll(); });
  $("more").addEventListener("click", () => loadEvents(true));
  loadAll();
  setInterval(poll, 5000);
});
