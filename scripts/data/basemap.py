"""Basemap layers from Natural Earth and the curated lines and areas: countries, shared borders
split into sectors, admin-1 units, Nagorno-Karabakh, lakes, rivers, the Lachin corridor."""

import json
import math
import os

from osgeo import ogr

import geojson_out as gj
import names as nm
from common import (CORE, INSET_BOX, MAP_BOX, NAKHCHIVAN, AREA_SIMPLIFY, SRC_NE_LAKES,
                    SRC_NE_RIVERS, gazetteer_entry, read_cities500)


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


# ---------------------------------------------------------------- Who's On First border

SLIVER_AREA = 1e-4  # sq. degrees (about 1 km²): a piece this small that WOF does not give to
                    # its country is a mismatch between the two sources at a tripoint


def load_wof_countries(sources_dir):
    """Armenia and Azerbaijan from data/sources/wof_am_az.geojson (Who's On First)."""
    ds = ogr.Open(os.path.join(sources_dir, "wof_am_az.geojson"))
    out = {}
    for f in ds.GetLayer(0):
        out[f.GetField("iso_a2")] = f.GetGeometryRef().Clone()
    if set(out) != {"AM", "AZ"}:
        raise SystemExit(f"wof_am_az.geojson: expected AM and AZ, found {sorted(out)}")
    return out


BORDER_THIN = 0.0001  # degrees (about 10 m): Douglas-Peucker tolerance for the shared line


def thin_shared_border(wof, tol=BORDER_THIN):
    """Drops vertices of the Armenia-Azerbaijan line that lie within `tol` of the line through
    their neighbours (Douglas-Peucker, per path between junctions), from both polygons at once so
    that they still meet exactly. WOF has a vertex every 130 m along the line; at 10 m tolerance
    about half are kept, which keeps the committed layers within their size budget. Closed paths
    (the exclaves) are kept whole. Returns the two new geometries and (vertices before, after)."""
    shared = wof["AM"].Boundary().Intersection(wof["AZ"].Boundary())
    paths = gj.merge_lines(gj.parts(shared, "line"))
    every, kept = set(), set()
    for ln in gj.parts(paths, "line"):
        pts = [(ln.GetX(i), ln.GetY(i)) for i in range(ln.GetPointCount())]
        every.update(pts)
        if pts[0] == pts[-1]:
            kept.update(pts)
            continue
        simple = ln.Simplify(tol)
        kept.update((simple.GetX(i), simple.GetY(i)) for i in range(simple.GetPointCount()))
    drop = every - kept
    out = {}
    for iso, g in wof.items():
        polys = []
        for poly in gj.parts(g, "polygon"):
            rings = []
            for i in range(poly.GetGeometryCount()):
                r = poly.GetGeometryRef(i)
                pts = [(r.GetX(j), r.GetY(j)) for j in range(r.GetPointCount())]
                pts = [q for q in pts[:-1] if q not in drop]
                ring = ogr.Geometry(ogr.wkbLinearRing)
                for x, y in pts + pts[:1]:
                    ring.AddPoint_2D(x, y)
                rings.append(ring)
            p = ogr.Geometry(ogr.wkbPolygon)
            for ring in rings:
                p.AddGeometry(ring)
            polys.append(p)
        geom = gj.collect(polys, "polygon")
        if not geom.IsValid():
            raise SystemExit(f"thin_shared_border: {iso} invalid after thinning")
        out[iso] = geom
    if out["AM"].Intersection(out["AZ"]).GetArea() > 1e-12:
        raise SystemExit("thin_shared_border: the thinned polygons overlap")
    return out, (len(every), len(every) - len(drop))


def replace_am_az(c10, wof):
    """Gives Armenia and Azerbaijan Who's On First's border between them (enclaves, exclaves)
    while keeping Natural Earth's outline of the two together, so that their borders with
    Georgia, Iran and Turkey, and those countries, stay as they were.

    Inside U = NE Armenia + NE Azerbaijan, a point is Armenian when WOF's Armenia holds it, or
    when NE's Armenia holds it and WOF's Azerbaijan does not; the rest of U is Azerbaijani.
    Where the two sources' outlines differ near a tripoint, a small piece may come out cut off
    from its country: pieces under SLIVER_AREA that WOF does not give to that country go to
    the other. Returns what was done, for the log and data/README.md."""
    ne = {c["iso"]: c for c in c10 if c["iso"] in ("AM", "AZ")}
    union = ne["AM"]["geom"].Union(ne["AZ"]["geom"])
    am = union.Intersection(wof["AM"].Union(ne["AM"]["geom"].Difference(wof["AZ"])))
    am = gj.collect(gj.parts(am, "polygon"), "polygon")
    moved = []

    def keep(geom, iso):
        kept = []
        for p in gj.parts(geom, "polygon"):
            if p.GetArea() < SLIVER_AREA and \
                    p.Intersection(wof[iso]).GetArea() < 0.5 * p.GetArea():
                c = p.Centroid()
                moved.append((iso, f"{p.GetArea() * 111.32 ** 2 * 0.77:.3f} km²",
                              f"{c.GetY():.4f},{c.GetX():.4f}"))
            else:
                kept.append(p)
        return gj.collect(kept, "polygon").UnionCascaded()

    am = keep(am, "AM")                              # Armenian slivers go to Azerbaijan
    az = keep(union.Difference(am), "AZ")            # Azerbaijani slivers go to Armenia
    am = union.Difference(az)
    am = gj.collect(gj.parts(am, "polygon"), "polygon")
    az = gj.collect(gj.parts(az, "polygon"), "polygon")
    ne["AM"]["geom"], ne["AZ"]["geom"] = am, az
    shared = gj.collect(gj.parts(am.Boundary().Intersection(az.Boundary()), "line"), "line")
    wof_line = wof["AM"].Boundary().Intersection(wof["AZ"].Boundary())
    off = shared.Difference(wof_line.Buffer(1e-5))
    return {"moved": moved, "shared_km": round(gj.length_m(shared) / 1000, 1),
            "off_wof_km": round(gj.length_m(off) / 1000, 2),
            "overlap_deg2": am.Intersection(az).GetArea()}


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
        # only units whose box lies within 0.1° (the border is on their edges), else all
        x, y = mid.GetX(), mid.GetY()
        near = [u for u in units if u["_env"][0] - 0.1 <= x <= u["_env"][1] + 0.1 and
                u["_env"][2] - 0.1 <= y <= u["_env"][3] + 0.1] or units
        best = min(near, key=lambda u: (u["geom"].Distance(mid), u["iso"]))
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
    for u in am_units + az_units:
        u["_env"] = u["geom"].GetEnvelope()
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
    for u in am_units + az_units:
        del u["_env"]
    return out


# ---------------------------------------------------------------- admin-1

def load_admin1(src, curated):
    # NE's name_alt often holds the unit's capital (Batumi for Adjara, Khojali for Khankendi):
    # a settlement's name is no alias of a region
    towns = {(r["country"], nm.fold(n)) for r in read_cities500(src) if r["country"] in CORE
             for n in [r["name"], r["ascii"]] + r["alt"]}
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
        own = [nm.fold(f.GetField("name") or ""), nm.fold(f.GetField("name_en") or "")]
        alt = [a for a in (f.GetField("name_alt") or "").split("|")
               if a and ((country, nm.fold(a)) not in towns or nm.similar(a, own))]
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


def fit_admin1(units, c10):
    """Makes the Armenian and Azerbaijani admin-1 units tile their (Who's On First) country
    polygons: each unit is clipped to its country, and each piece of a country no unit covers
    (land Natural Earth gave the other country, exclaves NE lacks) joins the unit of that country
    it shares the longest edge with, else the nearest. Returns [(iso, unit, km²)] of the pieces
    added, largest first."""
    country = {c["iso"]: c["geom"] for c in c10 if c["iso"] in ("AM", "AZ")}
    added = []
    for iso in ("AM", "AZ"):
        us = [u for u in units if u["country"] == iso]
        for u in us:
            clipped = gj.parts(u["geom"].Intersection(country[iso]), "polygon")
            u["geom"] = gj.collect(clipped, "polygon") if clipped else u["geom"]
        covered = gj.collect([p for u in us for p in gj.parts(u["geom"], "polygon")],
                             "polygon").UnionCascaded()
        left = gj.parts(country[iso].Difference(covered), "polygon")
        grow = {}
        for p in left:
            x0, x1, y0, y1 = p.GetEnvelope()
            edge = p.Boundary()
            best = None
            for u in us:
                ux0, ux1, uy0, uy1 = u["geom"].GetEnvelope()
                if ux1 < x0 or ux0 > x1 or uy1 < y0 or uy0 > y1:
                    continue
                shared = edge.Intersection(u["geom"].Boundary())
                n = shared.Length() if shared is not None else 0.0
                if n > 0 and (best is None or n > best[0]):
                    best = (n, u)
            u = best[1] if best else min(us, key=lambda u: (u["geom"].Distance(p), u["iso"]))
            grow.setdefault(u["iso"], []).append(p)
            added.append((iso, u["iso"], p.GetArea() * 111.32 ** 2 * math.cos(
                math.radians(p.Centroid().GetY()))))
        for u in us:
            if u["iso"] in grow:
                g = gj.collect(gj.parts(u["geom"], "polygon") + grow[u["iso"]], "polygon")
                u["geom"] = gj.collect(gj.parts(g.UnionCascaded(), "polygon"), "polygon")
    added.sort(key=lambda a: (-a[2], a[0], a[1]))
    return added


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
