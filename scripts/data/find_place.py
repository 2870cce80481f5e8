#!/usr/bin/python3
"""Tells whether place names are already known: curated village tables and the built gazetteer.

Usage: scripts/data/find_place.py NAME [NAME ...]
Matching folds case and diacritics (as check_villages.py does) and looks at every name column,
alias and, in the gazetteer, every localised name. Prints one line per hit, or 'MISSING'.
"""
import json
import os
import sys

sys.dont_write_bytecode = True
from check_villages import DEFAULT_FILES, ROOT, fold, names_of, read_rows  # noqa: E402


def curated_rows():
    errors = []
    for path in DEFAULT_FILES:
        for row in read_rows(path, errors):
            yield os.path.relpath(path, ROOT), row, names_of(row)


def gazetteer_rows():
    path = os.path.join(ROOT, "data", "geojson", "gazetteer.geojson")
    with open(path, encoding="utf-8") as f:
        for feat in json.load(f)["features"]:
            p = feat["properties"]
            names = {p.get("name", "")} | set(p.get("names", {}).values()) | set(p.get("aliases", []))
            yield p, {fold(n) for n in names if n}


def main(argv):
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    cur = list(curated_rows())
    gaz = list(gazetteer_rows())
    for name in argv:
        key = fold(name)
        hits = [f"curated {path}: {r['id']} {r['name']} ({r['admin1']}) {r['lat']},{r['lon']}"
                for path, r, names in cur if key in names]
        hits += [f"gazetteer: {p['id']} {p['name']} ({p.get('country')}, {p.get('admin1')})"
                 for p, names in gaz if key in names]
        print(f"{name}: " + ("; ".join(hits) if hits else "MISSING"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
