#!/usr/bin/env python3
"""Writes Sources/SitrepStore/Data/countries.tsv (ISO 3166-1 alpha-2, alpha-3, numeric code, English name), the
codes ACLED-style exports need, from the pycountry package (PyPI) as downloaded here.

usage: Scripts/build_countries.py [--from DIR]   (DIR: an unpacked pycountry wheel; default: download it)
"""
import json, os, subprocess, sys, tempfile, zipfile

def main():
    src = sys.argv[sys.argv.index("--from") + 1] if "--from" in sys.argv else None
    if src is None:
        tmp = tempfile.mkdtemp()
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "pycountry==26.2.16", "-d", tmp], check=True)
        wheel = [f for f in os.listdir(tmp) if f.endswith(".whl")][0]
        zipfile.ZipFile(os.path.join(tmp, wheel)).extractall(tmp)
        src = tmp
    data = json.load(open(os.path.join(src, "pycountry", "databases", "iso3166-1.json")))["3166-1"]
    out = os.path.join(os.path.dirname(__file__), "..", "Sources", "SitrepStore", "Data", "countries.tsv")
    with open(out, "w") as f:
        f.write("# ISO 3166-1 countries (from pycountry 26.2.16): alpha-2, alpha-3, numeric, name\n")
        for c in sorted(data, key=lambda c: c["alpha_2"]):
            f.write("\t".join([c["alpha_2"], c["alpha_3"], c["numeric"], c.get("common_name", c["name"])]) + "\n")
    print(len(data), "countries in", os.path.normpath(out))

main()
