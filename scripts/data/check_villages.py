#!/usr/bin/python3
"""Validates data/curated/border_villages.csv and heights.csv.

Checks the exact column schema, ids, coordinates inside the region box, required fields,
and that no two entries within 300 m share a name. With --border TOPOJSON (Natural Earth
countries-10m.json from npm world-atlas) it also reports each entry's distance to the
Armenia-Azerbaijan border and how many lie within 25 km. With --reference it reports the
coverage of data/curated/border_communities_reference.csv. With --reference --gazetteer [PATH]
it measures the built gazetteer as tests/data/test_border_villages.cpp does (reference settlements
within 25 km of the border that the gazetteer has, by district), matching names by folding
(case, accents, punctuation) instead of the geocoder's transliteration and spelling skeletons,
so it can count a few less than the C++ test.

Exit status: 0 when valid, 1 when any check fails (each failure is printed).
Usage: scripts/data/check_villages.py [--border countries-10m.json] [--reference
       [--gazetteer [data/geojson/gazetteer.geojson]]] [CSV...]
"""
import argparse
import csv
import glob
import math
import os
import sys
import unicodedata

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from names import fold as fold_key, script_of  # noqa: E402

COLUMNS = ("id,name,name_hy,name_hy_latn,name_az,name_ru,aliases,kind,country,admin1,"
           "lat,lon,population,accuracy_m,source,note").split(",")
KINDS = {"settlement", "height", "pass"}
COUNTRIES = {"AM", "AZ"}
# Armenia, Azerbaijan west of the Kura, Nakhchivan: everything the list may cover.
BOX = (38.3, 41.7, 43.3, 47.8)  # lat_min, lat_max, lon_min, lon_max
SAME_NAME_RADIUS_M = 300.0

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_FILES = ([os.path.join(ROOT, "data", "curated", f) for f in ("border_villages.csv", "heights.csv")]
                 + sorted(glob.glob(os.path.join(ROOT, "data", "curated", "villages", "*.csv"))))
BORDERS = os.path.join(ROOT, "data", "geojson", "borders.geojson")
REFERENCE = os.path.join(ROOT, "data", "curated", "border_communities_reference.csv")


def fold(name):
    """Case- and diacritic-insensitive key, so that 'Şuşa' and 'Susa' compare equal."""
    n = unicodedata.normalize("NFKD", name.casefold())
    n = "".join(c for c in n if not unicodedata.combining(c))
    return " ".join(n.replace("-", " ").replace("'", "").replace("’", "").split())


def names_of(row):
    out = {row["name"], row["name_hy"], row["name_hy_latn"], row["name_az"], row["name_ru"]}
    out.update(row["aliases"].split("|"))
    return {fold(n) for n in out if n.strip()}


def haversine_m(lat1, lon1, lat2, lon2):
    r = 6371008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def read_rows(path, errors):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            errors.append(f"{path}: header is {reader.fieldnames}, expected {COLUMNS}")
            return []
        rows = []
        for line, row in enumerate(reader, start=2):
            row["_where"] = f"{os.path.basename(path)}:{line}"
            if None in row or None in row.values():
                errors.append(f"{row['_where']}: wrong number of columns (quote a field that "
                              "contains a comma)")
                row = {k: (v or "") for k, v in row.items() if k is not None}
                row["_where"] = f"{os.path.basename(path)}:{line}"
            rows.append(row)
        return rows


def check_row(row, errors):
    w = row["_where"]
    for field in ("id", "name", "kind", "country", "admin1", "lat", "lon", "accuracy_m", "source"):
        if not row[field].strip():
            errors.append(f"{w}: empty {field}")
    if row["kind"] not in KINDS:
        errors.append(f"{w}: kind '{row['kind']}' not one of {sorted(KINDS)}")
    if row["country"] not in COUNTRIES:
        errors.append(f"{w}: country '{row['country']}' not one of {sorted(COUNTRIES)}")
    if not row["id"].startswith(f"sitmap:{row['country'].lower()}-"):
        errors.append(f"{w}: id '{row['id']}' does not start with sitmap:{row['country'].lower()}-")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
        if not (BOX[0] <= lat <= BOX[1] and BOX[2] <= lon <= BOX[3]):
            errors.append(f"{w}: {lat},{lon} outside the region box {BOX}")
        if len(row["lat"].split(".")[-1]) != 5 or len(row["lon"].split(".")[-1]) != 5:
            errors.append(f"{w}: lat/lon must have 5 decimals")
    except ValueError:
        errors.append(f"{w}: lat/lon not numbers")
    for field in ("accuracy_m", "population"):
        if row[field] and not row[field].isdigit():
            errors.append(f"{w}: {field} '{row[field]}' is not a non-negative integer")
    if any(a != a.strip() or not a for a in row["aliases"].split("|")) and row["aliases"]:
        errors.append(f"{w}: empty or padded alias in '{row['aliases']}'")
    for a in row["aliases"].split("|") if row["aliases"] else []:
        if script_of(a) is None and any(ch.isalpha() for ch in a):
            errors.append(f"{w}: alias '{a}' is not in one Latin, Armenian or Cyrillic script")


def check_all(rows, errors):
    seen = {}
    for row in rows:
        check_row(row, errors)
        if row["id"] in seen:
            errors.append(f"{row['_where']}: id {row['id']} already used at {seen[row['id']]}")
        seen.setdefault(row["id"], row["_where"])
    pts = [(float(r["lat"]), float(r["lon"]), names_of(r), r) for r in rows
           if r["lat"] and r["lon"]]
    for i, (la, lo, na, ra) in enumerate(pts):
        for lb, lob, nb, rb in pts[i + 1:]:
            if abs(la - lb) > 0.01 or abs(lo - lob) > 0.01:
                continue
            common = na & nb
            if common and haversine_m(la, lo, lb, lob) < SAME_NAME_RADIUS_M:
                errors.append(f"{ra['_where']} and {rb['_where']}: share {sorted(common)} "
                              f"within {SAME_NAME_RADIUS_M:.0f} m")


def border_line(path):
    """The Armenia-Azerbaijan border as one OGR geometry in UTM 38N, and the transform to it.

    PATH is data/geojson/borders.geojson (features with countries == 'AM-AZ') or a Natural Earth
    countries TopoJSON (the shared boundary of Armenia and Azerbaijan)."""
    from osgeo import ogr, osr
    ogr.UseExceptions()
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    if layer.GetLayerDefn().GetFieldIndex("countries") >= 0:
        border = ogr.Geometry(ogr.wkbMultiLineString)
        for feat in layer:
            if feat.GetField("countries") == "AM-AZ":
                g = feat.GetGeometryRef()
                parts = [g] if g.GetGeometryType() == ogr.wkbLineString else list(g)
                for part in parts:
                    border.AddGeometry(part.Clone())
    else:
        layer = ds.GetLayerByName("countries") or layer
        geoms = {}
        for feat in layer:
            if feat.GetField("name") in ("Armenia", "Azerbaijan"):
                geoms[feat.GetField("name")] = feat.GetGeometryRef().Clone()
        border = geoms["Armenia"].Boundary().Intersection(geoms["Azerbaijan"].Buffer(1e-4))
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(32638)
    tr = osr.CoordinateTransformation(wgs, utm)
    border.Transform(tr)
    return border, tr


def border_distances(path, rows):
    """Distance (km) from each row to the Armenia-Azerbaijan border, via GDAL/GEOS/PROJ."""
    from osgeo import ogr
    border, tr = border_line(path)
    out = []
    for r in rows:
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(float(r["lon"]), float(r["lat"]))
        p.Transform(tr)
        out.append(p.Distance(border) / 1000.0)
    return out


def reference_rows():
    ref = []
    for path in [REFERENCE] + sorted(glob.glob(os.path.join(ROOT, "data", "curated",
                                                            "reference", "*.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            ref += list(csv.DictReader(f))
    return ref


def gazetteer_coverage(path, ref):
    """The C++ coverage test's measure on a built gazetteer: a reference settlement is present
    when a settlement of that country answers to its name (folded) and lies in its district
    (same admin1, or within 5 km of the district's area); present ones count when within 25 km
    of the border; missing ones count against unless their whole district lies beyond 25 km."""
    import json
    from osgeo import ogr, osr
    ogr.UseExceptions()
    wgs, utm = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    utm.ImportFromEPSG(32638)
    tr = osr.CoordinateTransformation(wgs, utm)

    def geom(f):
        g = ogr.CreateGeometryFromJson(json.dumps(f["geometry"]))
        g.Transform(tr)
        return g

    with open(path, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    border = geom(next(f for f in feats if f["properties"]["id"] == "sitmap:border-am-az"))
    by_name = {}
    for f in feats:
        p = f["properties"]
        if p["kind"] in ("settlement", "capital"):
            for n in {p["name"], *p["names"].values(), *p["aliases"]}:
                if n:
                    by_name.setdefault((p["country"], fold_key(n)), []).append(f)
    regions = [f for f in feats if f["properties"]["kind"] == "region"]
    districts, tally = {}, {}
    for r in ref:
        key = (r["country"], r["admin1"])
        if key not in districts:
            a = r["admin1"].lower()
            area = next((f for f in regions if f["properties"]["country"] == r["country"] and (
                f["properties"]["name"].lower() in (a, a + " district") or
                a in [x.lower() for x in f["properties"]["aliases"]])), None)
            g = geom(area) if area else None
            districts[key] = (g, g is not None and g.Distance(border) > 25000.0)
            tally[key] = [0, 0, 0]
        area, beyond = districts[key]
        found = None
        for f in by_name.get((r["country"], fold_key(r["name"])), []):
            if f["properties"]["admin1"] == r["admin1"] or (
                    area is not None and geom(f).Distance(area) < 5000.0):
                found = f
                break
        t = tally[key]
        if found is None:
            t[1 if beyond else 2] += 1
        else:
            t[0 if geom(found).Distance(border) <= 25000.0 else 1] += 1
    return tally


def print_coverage(tally):
    def share(t):
        return 100.0 * t[0] / max(t[0] + t[2], 1)
    allt = [sum(t[i] for t in tally.values()) for i in range(3)]
    print(f"  gazetteer coverage (25 km zone): near {allt[0]}, far {allt[1]}, missing {allt[2]}: "
          f"{share(allt):.1f}%")
    for c in ("AM", "AZ"):
        ct = [sum(t[i] for k, t in tally.items() if k[0] == c) for i in range(3)]
        print(f"    {c}: near {ct[0]}, far {ct[1]}, missing {ct[2]}: {share(ct):.1f}%")
    for (c, a), t in sorted(tally.items()):
        print(f"    {c} {a:14} near {t[0]:3}  far {t[1]:3}  missing {t[2]:3}  ({share(t):.0f}%)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", default=DEFAULT_FILES)
    ap.add_argument("--border", nargs="?", const=BORDERS,
                    help="report distances to the AM-AZ border (default layer: data/geojson/borders.geojson)")
    ap.add_argument("--reference", action="store_true", help="report reference-list coverage")
    ap.add_argument("--gazetteer", nargs="?", const=os.path.join(ROOT, "data", "geojson",
                                                                  "gazetteer.geojson"),
                    help="with --reference: measure the built gazetteer like the C++ test")
    args = ap.parse_args()
    errors, rows = [], []
    for path in args.files:
        if os.path.exists(path):
            rows += read_rows(path, errors)
        else:
            errors.append(f"{path}: missing")
    check_all(rows, errors)
    print(f"{len(rows)} entries in {len(args.files)} file(s)")
    by_country = {}
    for r in rows:
        by_country[(r["country"], r["kind"])] = by_country.get((r["country"], r["kind"]), 0) + 1
    for k in sorted(by_country):
        print(f"  {k[0]} {k[1]}: {by_country[k]}")
    if args.border:
        d = border_distances(args.border, rows)
        near = sum(1 for x in d if x <= 25.0)
        print(f"  within 25 km of the AM-AZ border: {near}")
        for r, x in zip(rows, d):
            if x > 25.0:
                print(f"  note: {r['name']} ({r['admin1']}) is {x:.1f} km from the border")
    if args.reference:
        ref = reference_rows()
        have = {}
        for r in rows:
            for n in names_of(r):
                have.setdefault((r["country"], n), r)
        missing = [x for x in ref if (x["country"], fold(x["name"])) not in have]
        found = len(ref) - len(missing)
        print(f"  reference coverage: {found}/{len(ref)} = {100.0 * found / max(len(ref), 1):.1f}%")
        for x in missing if not args.gazetteer else []:
            print(f"  missing: {x['country']} {x['admin1']} {x['name']}")
        if args.gazetteer:
            print_coverage(gazetteer_coverage(args.gazetteer, ref))
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
