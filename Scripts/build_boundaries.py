#!/usr/bin/env python3
"""Builds Sources/SitrepReport/Data/boundaries.json.gz, the country and province outlines the report's map
draws, from Natural Earth (public domain; v4.1 10m admin-0/admin-1 as Debian's qgis-common ships them in
world_map.gpkg).

usage: Scripts/build_boundaries.py [--gpkg FILE]   (default: apt-get download qgis-common and unpack it)
Rings are simplified (Douglas-Peucker, 0.05 degrees) and rounded to 0.01 degrees. Known faults of NE 4.1 are
fixed by name: Panjshir and Daykundi carry their gn_name.
"""
import gzip, json, math, os, sqlite3, struct, subprocess, sys, tempfile

TOLERANCE = 0.05

def gpkg_wkb(blob):
    # GeoPackage binary header: magic, version, flags, srs id, envelope (size from flags)
    flags = blob[3]
    env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    return blob[8 + env:]

def read_wkb(b, o=0):
    order = '<' if b[o] == 1 else '>'
    kind = struct.unpack_from(order + 'I', b, o + 1)[0] % 1000
    o += 5
    def ring(o):
        n = struct.unpack_from(order + 'I', b, o)[0]; o += 4
        pts = [struct.unpack_from(order + 'dd', b, o + 16 * i) for i in range(n)]
        return pts, o + 16 * n
    if kind == 3:
        n = struct.unpack_from(order + 'I', b, o)[0]; o += 4
        rings = []
        for _ in range(n):
            r, o = ring(o); rings.append(r)
        return [rings], o
    if kind == 6:
        n = struct.unpack_from(order + 'I', b, o)[0]; o += 4
        polys = []
        for _ in range(n):
            p, o = read_wkb(b, o); polys += p
        return polys, o
    return [], o

def dp(pts, tol):
    if len(pts) < 4:
        return pts
    a, b = pts[0], pts[-1]
    dmax, idx = 0.0, 0
    for i in range(1, len(pts) - 1):
        (x, y), (x1, y1), (x2, y2) = pts[i], a, b
        dx, dy = x2 - x1, y2 - y1
        d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy) if (dx or dy) else math.hypot(x - x1, y - y1)
        if d > dmax:
            dmax, idx = d, i
    if dmax <= tol:
        return [a, b]
    return dp(pts[:idx + 1], tol)[:-1] + dp(pts[idx:], tol)

def simplify(polys):
    out = []
    for poly in polys:
        rings = []
        for r in poly:
            s = [[round(x, 2), round(y, 2)] for x, y in dp(r, TOLERANCE)]
            if len(s) >= 4:
                rings.append(s)
        if rings:
            out.append(rings)
    return out

def main():
    gpkg = sys.argv[sys.argv.index("--gpkg") + 1] if "--gpkg" in sys.argv else None
    if gpkg is None:
        tmp = tempfile.mkdtemp()
        subprocess.run(["apt-get", "download", "qgis-common"], cwd=tmp, check=True, capture_output=True)
        deb = [f for f in os.listdir(tmp) if f.endswith(".deb")][0]
        subprocess.run(["dpkg-deb", "-x", deb, "x"], cwd=tmp, check=True)
        gpkg = os.path.join(tmp, "x/usr/share/qgis/resources/data/world_map.gpkg")
    db = sqlite3.connect(gpkg)
    countries = {}
    for iso, name, geom in db.execute("SELECT iso_a2, NAME, geom FROM countries"):
        if not iso or iso == "-99" or geom is None:
            continue
        polys, _ = read_wkb(gpkg_wkb(geom))
        countries.setdefault(iso, {"name": name, "polygons": []})["polygons"] += simplify(polys)
    provinces = []
    fixes = {"Parwan": None, "Uruzgan": None}  # NE 4.1 labels Panjshir "Parwan" and Daykundi "Uruzgan": gn_name is right
    for iso, name, gn, geom in db.execute("SELECT iso_a2, name, gn_name, geom FROM states_provinces"):
        if not iso or iso == "-99" or geom is None:
            continue
        if name in fixes and gn and gn != name and iso == "AF":
            name = gn.replace("Wilayat-e ", "")
        polys, _ = read_wkb(gpkg_wkb(geom))
        s = simplify(polys)
        if s:
            provinces.append({"country": iso, "name": name, "polygons": s})
    out = os.path.join(os.path.dirname(__file__), "..", "Sources", "SitrepReport", "Data", "boundaries.json.gz")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    data = {"source": "Natural Earth 4.1 (public domain), 10m admin-0 and admin-1, via Debian qgis-common",
            "countries": countries, "provinces": provinces}
    with gzip.open(out, "wt", compresslevel=9) as f:
        json.dump(data, f, separators=(",", ":"))
    print(len(countries), "countries,", len(provinces), "provinces,", os.path.getsize(out) // 1024, "KB in", os.path.normpath(out))

main()
