#!/usr/bin/python3
"""Checks that villages near the Armenia-Azerbaijan border lie inside the right country polygon.

For every Armenian or Azerbaijani settlement of data/geojson/gazetteer.geojson within 3 km of the
Armenia-Azerbaijan line (data/geojson/borders.geojson), plus the villages named in NAMED (whatever
their distance), prints: village, the country the gazetteer stores (expected), the country polygon
of data/geojson/countries.geojson that contains the point, the same for Who's On First's full-
density polygons (data/sources/wof_am_az.geojson), and the distance to the line in metres.

Exit status 1 when a NAMED village is missing or in the wrong polygon, or fewer than 30 villages
per side were checked; disagreements among the other villages are printed and counted (a village
point and a border line from different sources can disagree by more than the distance between
them), not fatal.

Usage: scripts/data/check_border_side.py [--radius-m 3000] [--all]
"""
import argparse
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_villages import ROOT, border_line, fold  # noqa: E402

GEOJSON = os.path.join(ROOT, "data", "geojson")
SOURCES = os.path.join(ROOT, "data", "sources")

# (name, country the village belongs to, its district, note)
NAMED = [
    ("Kornidzor", "AM", "Syunik", ""), ("Nerkin Khndzoresk", "AM", "Syunik", ""),
    ("Tegh", "AM", "Syunik", ""), ("Sotk", "AM", "Gegharkunik", ""),
    ("Voskepar", "AM", "Tavush", ""), ("Kirants", "AM", "Tavush", ""),
    ("Berkaber", "AM", "Tavush", ""), ("Yeraskh", "AM", "Ararat", ""),
    ("Artsvashen", "AM", "Gegharkunik", "Armenian exclave inside Azerbaijan"),
    ("Kheyrimli", "AZ", "Gazakh", ""), ("Baganis Ayrim", "AZ", "Gazakh", "abandoned"),
    ("Gizilhajili", "AZ", "Gazakh", ""), ("Sadarak", "AZ", "Sadarak", "Nakhchivan"),
    ("Heydarabad", "AZ", "Sadarak", "Nakhchivan"),
    ("Yukhari Askipara", "AZ", "Gazakh", "Azerbaijani exclave inside Armenia"),
]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def polygons(path):
    from osgeo import ogr
    out = {}
    for f in load(path):
        iso = f["properties"].get("iso_a2")
        if iso in ("AM", "AZ"):
            out[iso] = ogr.CreateGeometryFromJson(json.dumps(f["geometry"]))
    return out


def names_of(p):
    return {fold(n) for n in [p["name"]] + list(p["names"].values()) + p["aliases"] if n}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--radius-m", type=float, default=3000.0)
    ap.add_argument("--all", action="store_true", help="print agreeing villages too")
    args = ap.parse_args()
    from osgeo import ogr
    ogr.UseExceptions()
    built = polygons(os.path.join(GEOJSON, "countries.geojson"))
    wof = polygons(os.path.join(SOURCES, "wof_am_az.geojson"))
    line, tr = border_line(os.path.join(GEOJSON, "borders.geojson"))
    places = [f for f in load(os.path.join(GEOJSON, "gazetteer.geojson"))
              if f["properties"]["kind"] in ("settlement", "capital")
              and f["properties"]["country"] in ("AM", "AZ")
              and f["geometry"]["type"] == "Point"]

    def where(polys, pt):
        return next((iso for iso, g in sorted(polys.items()) if g.Contains(pt)), "-")

    def row(f):
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(lon, lat)
        utm = pt.Clone()
        utm.Transform(tr)
        return {"name": p["name"], "id": p["id"], "expected": p["country"],
                "built": where(built, pt), "wof": where(wof, pt),
                "dist_m": utm.Distance(line), "admin1": p["admin1"]}

    failures, named_rows = [], []
    for name, country, admin1, note in NAMED:
        key = fold(name)
        hits = [f for f in places if f["properties"]["country"] == country and
                f["properties"]["admin1"] == admin1 and key in names_of(f["properties"])]
        exact = [f for f in hits if fold(f["properties"]["name"]) == key]
        hits = exact or hits
        if not hits:
            failures.append(f"{name} ({country}, {admin1}) not in the gazetteer")
            continue
        r = row(min(hits, key=lambda f: f["properties"]["id"]))
        r["note"] = note
        named_rows.append(r)
        if r["built"] != country:
            failures.append(f"{name}: expected {country}, countries.geojson says {r['built']}")
    near = []
    for f in places:
        r = row(f)
        if r["dist_m"] <= args.radius_m:
            r["note"] = ""
            near.append(r)
    near.sort(key=lambda r: (r["expected"], r["dist_m"], r["id"]))

    def show(r):
        ok = "ok" if r["built"] == r["expected"] else "DISAGREE"
        print(f"  {r['name'][:26]:26} {r['id'][:32]:32} {r['admin1'][:12]:12} {r['expected']:>3} "
              f"{r['built']:>6} {r['wof']:>4} {r['dist_m']:8.0f}  {ok} {r.get('note', '')}")

    head = (f"  {'village':26} {'id':32} {'admin1':12} exp. built  wof   dist_m")
    print("Named villages (expected country / polygon of countries.geojson / of WOF's own "
          "polygons / distance to the AM-AZ line):")
    print(head)
    for r in named_rows:
        show(r)
    print(f"\nAll settlements within {args.radius_m:.0f} m of the line:")
    print(head)
    for r in near:
        if args.all or r["built"] != r["expected"] or r["wof"] != r["expected"]:
            show(r)
    per = {c: [r for r in near if r["expected"] == c] for c in ("AM", "AZ")}
    for c, rs in per.items():
        bad = [r for r in rs if r["built"] != c]
        badw = [r for r in rs if r["wof"] != c]
        print(f"  {c}: {len(rs)} within {args.radius_m / 1000:.0f} km; in the right polygon "
              f"{len(rs) - len(bad)} (countries.geojson), {len(rs) - len(badw)} (WOF full "
              f"density)")
        if len(rs) < 30:
            failures.append(f"only {len(rs)} {c} settlements within {args.radius_m:.0f} m")
    for msg in failures:
        print("ERROR:", msg, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
