"""Who's On First villages (data/sources/wof_villages.csv, written by import_wof.py) merged into
the gazetteer: one entry per place.

A WOF point within MERGE_M (3 km; a community's label point: its radius) of an existing settlement
of the same country that shares a name with it (any name or alias, folded) is merged into it: the
existing entry keeps its position, names and id (curated and GeoNames entries win), and gains the
WOF names as aliases, the missing Armenian/Azerbaijani/Russian names, and `wof:<id>` in
`source_id`. Otherwise the point becomes a new settlement `wof:<id>`, if it is good enough (see
new_entry_ok). WOF points are taken best first (current, with a Wikipedia/Wikidata concordance,
with a population, localities before communities), so a later duplicate merges into an earlier
one.

A WOF alternate name that is a name of another place more than MERGE_M away, and that place shares
none of the WOF record's own names, is dropped: GeoNames, whence WOF has them, gives the Armenian
name Artsvashen to three villages of Azerbaijan and Voskepar to Askipara of Tartar.
"""

import csv
import difflib
import math
import os
import re

import geojson_out as gj
import names as nm
from common import gazetteer_entry

MERGE_M = 3000
SAME_SPOT_M = 300       # a WOF point this close to a settlement is that settlement, whatever
                        # its names (common.SAME_SPOT_M: the same rule for GeoNames snapshots)
SIMILAR_M = 1000        # ... and this close, when the names are spelling variants
SIMILAR_RATIO = 0.8
SAME_GN_M = 10000       # a WOF point made from the GeoNames feature an entry holds is that entry
                        # (Laçın: WOF has GeoNames' 2023 point, 4.7 km from the curated town)
COMMUNITY_M = 5000      # a community's label point: merge radius at least this, or 2 x radius
QUALIFIERS = {"verin", "nerkin", "mets", "pokr", "nor", "hin", "yukhari", "ashaghi", "boyuk",
              "kichik", "yeni", "kohna", "orta", "birinji", "ikinji"}
FOREIGN_NAME_M = 3000
DUPLICATE_M = 300       # entries this close that share a name are one place (final pass)
NEAR_DISTRICT_M = 10000  # a WOF district further than this from the point is wrong
ACROSS_M = 10000        # a new WOF point named as a village of the other country this close is
                        # that village misplaced across the border (Nerkin Khndzoresk in Gubadli)

# The districts of the Karabakh wars: the former NKAO (Khankendi, Khojaly, Khojavend, Shusha,
# Aghdara) and the districts around it held by Armenian forces from 1993 to 2020, plus Tartar on
# the former line of contact. Their villages were emptied in the 1990s, fought over in 2020 and
# are being resettled: reports name them.
KARABAKH = {"Aghdam", "Aghdara", "Fuzuli", "Gubadli", "Jabrayil", "Kalbajar", "Khankendi",
            "Khojaly", "Khojavend", "Lachin", "Shusha", "Tartar", "Zangilan"}

SRC_WOF = "Who's On First"
LICENCE_BY_GEOM = {
    "geonames": "GeoNames-derived point, CC-BY 4.0",
    "qs_pg": "Quattroshapes point gazetteer, CC-BY",
    "quattroshapes": "Quattroshapes, CC-BY",
    "meso": "Mesoshapes community label point, meso:source ACE, credit as CC-BY",
    "naturalearth": "Natural Earth point, public domain",
    "unknown": "source not stated, WOF licence CC0",
}


def read_rows(sources_dir):
    path = os.path.join(sources_dir, "wof_villages.csv")
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def source_fields(row):
    out = {}
    for part in row["source"].split("; "):
        k, _, v = part.partition(":") if not part.startswith("src:geom=") else \
            ("src_geom", "", part.split("=", 1)[1])
        out[k] = v
    return out


def source_label(row):
    geom = source_fields(row).get("src_geom", "")
    return f"{SRC_WOF} ({LICENCE_BY_GEOM.get(geom, 'WOF original, CC0')})"


def priority(row):
    s = source_fields(row)
    return (row["placetype"] != "locality", row["current"] != "1",
            not (s.get("wd") or s.get("wk")), not row["population"], int(row["wof_id"]))


def abandoned_in_karabakh(row):
    """A village of the Karabakh districts that WOF marks as ceased (GeoNames: abandoned or
    destroyed, PPLQ/PPLW): emptied in the 1990s, named again in reports since 2020."""
    return (row["country"] == "AZ" and row["admin1"] in KARABAKH and
            row["note"].startswith("ceased") and "superseded" not in row["note"])


def abbreviates(short, full):
    """Mesoshapes names some communities with an initial: 'P.Sevak' for Paruyr Sevak."""
    m = re.match(r"^([A-Z])\.\s*(\S.*)$", short)
    words = full.split()
    return bool(m) and len(words) >= 2 and words[0][0] == m.group(1) and \
        nm.fold(" ".join(words[1:])) == nm.fold(m.group(2))


def new_entry_ok(row):
    """Which WOF points may become entries of their own (all may merge). Skipped: records WOF
    marks as not current (superseded, ceased; except abandoned villages of Karabakh), city
    neighbourhoods, and, in Armenia, GeoNames features added since 2015 (ids from 10,000,000)
    that have no Wikipedia/Wikidata link and no population: most of these are topographic-map
    names of churches, ruins, camps and old village sites ("Hin Gyughategh", "old village
    site"), not settlements. In Azerbaijan the few such features are villages (Pashalar,
    Dagh Mashanli, Salogabad)."""
    if row["placetype"] not in ("locality", "localadmin"):
        return False
    if row["current"] == "0" and not abandoned_in_karabakh(row):
        return False
    s = source_fields(row)
    gn = int(s.get("gn") or 0)
    if (row["country"] == "AM" and gn >= 10_000_000 and not (s.get("wd") or s.get("wk")) and
            not row["population"]):
        return False
    return True


def spelling_variant(a, b):
    """Nor Hajn / Nor Hachn, Metzavan / Metsavan, Cinarli / Chinarli; not Verin X / Nerkin X."""
    wa, wb = nm.slug(a).split("-"), nm.slug(b).split("-")
    if {w for w in wa if w in QUALIFIERS} != {w for w in wb if w in QUALIFIERS}:
        return False
    fa, fb = nm.fold(a), nm.fold(b)
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= SIMILAR_RATIO


class Grid:
    """Point entries bucketed by 0.05° cells, for neighbour search."""

    def __init__(self):
        self.cells = {}

    @staticmethod
    def key(lon, lat):
        return (math.floor(lon / 0.05), math.floor(lat / 0.05))

    def add(self, e):
        g = e["geom"]
        self.cells.setdefault(self.key(g.GetX(), g.GetY()), []).append(e)

    def remove(self, e):
        g = e["geom"]
        self.cells[self.key(g.GetX(), g.GetY())].remove(e)

    def near(self, lon, lat, radius_m):
        r = int(math.ceil(radius_m / 4000.0))  # a 0.05° cell is at least 4 km wide here
        kx, ky = self.key(lon, lat)
        out = []
        for dx in range(-r, r + 1):
            for dy in range(-r, r + 1):
                for e in self.cells.get((kx + dx, ky + dy), ()):
                    g = e["geom"]
                    d = gj.distance_m(lon, lat, g.GetX(), g.GetY())
                    if d <= radius_m:
                        out.append((d, e["props"]["id"], e))
        out.sort(key=lambda t: (t[0], t[1]))
        return out


def all_names(p):
    return {nm.fold(n) for n in [p["name"]] + list(p["names"].values()) + p["aliases"] if n}


def row_names(row):
    own = [row["name"], row["name_hy"] if row["country"] == "AM" else row["name_az"]]
    other = [row["name_az"] if row["country"] == "AM" else row["name_hy"], row["name_ru"]]
    other += nm.split_aliases(row["aliases"])
    return [n for n in own if n], [n for n in other if n]


class Merger:
    def __init__(self, entries, units, new_zone, report, communities=()):
        self.entries = entries
        self.communities = [c for c in communities if c["placetype"] == "localadmin"]
        self.units = [u for u in units if u["country"] in ("AM", "AZ")]
        self.new_zone = new_zone
        self.report = report
        self.grid = Grid()
        self.by_name = {}   # folded name -> entries (every kind with a point or an anchor)
        self.by_gn = {}     # GeoNames id -> the settlement that holds it
        self.names = {}
        for e in entries:
            self._index(e)

    def _index(self, e):
        p = e["props"]
        self.names[p["id"]] = all_names(p)
        if e["geom"].GetGeometryName() == "POINT":
            if p["kind"] in ("settlement", "capital"):
                self.grid.add(e)
                for sid in [p["id"]] + p["source_id"].split(";"):
                    if sid.startswith("geonames:") and sid[9:].isdigit():
                        self.by_gn.setdefault(sid[9:], e)
            where = (e["geom"].GetX(), e["geom"].GetY())
        else:
            c = e["geom"].Centroid()
            where = (c.GetX(), c.GetY())
        for n in self.names[p["id"]]:
            self.by_name.setdefault(n, []).append((where, e))

    def foreign(self, name, lon, lat, own_folded, target):
        """True when `name` belongs to another place, far away, that shares none of our names."""
        for (x, y), e in self.by_name.get(nm.fold(name), ()):
            if e is target or self.names[e["props"]["id"]] & own_folded:
                continue
            if gj.distance_m(lon, lat, x, y) > FOREIGN_NAME_M:
                return True
        return False

    def district(self, row, lon, lat):
        """The WOF district, unless missing or wrong (no such unit of that country within
        NEAR_DISTRICT_M); then the admin-1 unit the point lies in."""
        pt = gj.point(lon, lat)
        from places import district_name
        units = [u for u in self.units if u["country"] == row["country"]]
        named = [u for u in units if district_name(u["name"]) == row["admin1"]]
        if row["admin1"] and named and any(
                u["geom"].Distance(pt) * 111000 <= NEAR_DISTRICT_M for u in named):
            return row["admin1"], ""
        inside = [u for u in units if u["geom"].Contains(pt)]
        if inside:
            got = district_name(inside[0]["name"])
        else:
            near = min(units, key=lambda u: (u["geom"].Distance(pt), u["iso"]))
            got = district_name(near["name"])
        why = "missing" if not row["admin1"] else f"'{row['admin1']}' is wrong"
        return got, why

    def add(self, row):
        lon, lat = float(row["lon"]), float(row["lat"])
        own, other = row_names(row)
        own_f = {nm.fold(n) for n in own}
        radius = max(COMMUNITY_M, 2 * int(row["accuracy_m"] or 0)) \
            if row["placetype"] == "localadmin" else MERGE_M
        wnames = own_f | {nm.fold(n) for n in other}
        near = [(d, e) for d, _, e in self.grid.near(lon, lat, radius)
                if e["props"]["country"] == row["country"]]
        gn = source_fields(row).get("gn", "")
        same = self.by_gn.get(gn)
        hits = []
        if same is not None and same["props"]["country"] == row["country"]:
            g = same["geom"]
            d = gj.distance_m(lon, lat, g.GetX(), g.GetY())
            if d <= SAME_GN_M:
                hits = [(d, same, "GeoNames id")]
        if not hits:
            hits = [(d, e, "name") for d, e in near if self.names[e["props"]["id"]] & wnames]
        if not hits and row["placetype"] == "localadmin":
            hits = [(d, e, "abbreviation") for d, e in near
                    if abbreviates(row["name"], e["props"]["name"])][:1]
        if not hits and row["placetype"] == "locality":
            hits = [(d, e, "same spot") for d, e in near if d <= SAME_SPOT_M][:1]
        if not hits and row["placetype"] == "locality":
            hits = [(d, e, "spelling") for d, e in near
                    if d <= SIMILAR_M and spelling_variant(row["name"], e["props"]["name"])][:1]
        target = hits[0][1] if hits else None
        kept = [n for n in other if not self.foreign(n, lon, lat, own_f, target)]
        dropped = [n for n in other if n not in kept]
        if dropped:
            self.report["foreign_names"].append((row["wof_id"], row["name"], dropped))
        if target is not None:
            self.report["merged_by"][hits[0][2]] += 1
            self.merge_into(target, row, hits[0][0], own + kept)
            return
        if not new_entry_ok(row) and not self.named_by_community(row, lon, lat):
            self.report["not_new"][row["placetype"] + (" not current" if row["current"] == "0"
                                                      else "")] += 1
            return
        if self.new_zone is not None and not self.new_zone(row):
            self.report["outside"][row["country"]] += 1
            return
        across = [e for d, _, e in self.grid.near(lon, lat, ACROSS_M)
                  if e["props"]["country"] not in ("", row["country"]) and
                  e["props"]["kind"] == "settlement" and nm.fold(row["name"]) in self.names[e["props"]["id"]]]
        if across:
            self.report["across"].append((row["wof_id"], row["name"], row["country"],
                                          across[0]["props"]["id"]))
            return
        self.new(row, lon, lat, own, kept)

    def named_by_community(self, row, lon, lat):
        """A locality that new_entry_ok skips is still a village when an Armenian community
        (a Mesoshapes polygon, from the official list) within COMMUNITY_M bears its name in
        abbreviated form (P.Sevak: Paruyr Sevak, by the Karki enclave)."""
        return row["placetype"] == "locality" and row["current"] != "0" and any(
            c["country"] == row["country"] and abbreviates(c["name"], row["name"]) and
            gj.distance_m(lon, lat, float(c["lon"]), float(c["lat"])) <= COMMUNITY_M
            for c in self.communities)

    def merge_into(self, e, row, d, names_):
        p = e["props"]
        hy = row["name_hy"] if row["name_hy"] in names_ else ""
        az = row["name_az"] if row["name_az"] in names_ else ""
        ru = row["name_ru"] if row["name_ru"] in names_ else ""
        for k, v in (("hy", hy), ("az", az), ("ru", ru)):
            if v and k not in p["names"]:
                p["names"][k] = v
        p["aliases"] = [a for a in nm.unique(p["aliases"] + names_) if a != p["name"]] \
            or [p["name"]]
        if not p["population"] and row["population"]:
            p["population"] = int(row["population"])
        p["source_id"] = (p["source_id"] + ";" if p["source_id"] else "") + f"wof:{row['wof_id']}"
        if d > 1000 and row["placetype"] == "locality" and not p["id"].startswith("wof:"):
            said = f"Who's On First wof:{row['wof_id']} puts it at {row['lat']},{row['lon']}, " \
                   f"{d / 1000:.1f} km away"
            p["note"] = f"{p['note']}; {said}" if p["note"] else said
        self.report["merged"][row["placetype"]] += 1
        self.report["merged_into"][p["id"].split(":")[0]] += 1
        s = source_fields(row)
        if s.get("gn"):
            self.by_gn.setdefault(s["gn"], e)
        for n in names_:
            f = nm.fold(n)
            if f and f not in self.names[p["id"]]:
                self.names[p["id"]].add(f)
                self.by_name.setdefault(f, []).append(((e["geom"].GetX(), e["geom"].GetY()), e))

    def new(self, row, lon, lat, own, kept):
        admin1, why = self.district(row, lon, lat)
        note = row["note"]
        if why:
            self.report["district_fixed"].append((row["wof_id"], row["name"], why, admin1))
        names_ = {"hy": row["name_hy"] if row["name_hy"] in own + kept else "",
                  "az": row["name_az"] if row["name_az"] in own + kept else "",
                  "ru": row["name_ru"] if row["name_ru"] in own + kept else ""}
        s = source_fields(row)
        sid = f"wof:{row['wof_id']}" + (f";geonames:{s['gn']}" if s.get("gn") else "")
        e = gazetteer_entry(
            f"wof:{row['wof_id']}", row["name"], gj.point(lon, lat), "settlement",
            row["country"], names=names_, aliases=own + kept, admin1=admin1,
            population=int(row["population"] or 0), source=source_label(row),
            source_id=sid, accuracy_m=float(row["accuracy_m"] or 1000), note=note)
        self.entries.append(e)
        self._index(e)
        if s.get("gn"):
            self.by_gn.setdefault(s["gn"], e)
        self.report["new"][row["placetype"]] += 1


def merge_wof(entries, units, sources_dir, new_zone=None):
    """Adds the WOF villages to `entries` (a list of gazetteer entries, changed in place).
    new_zone(row) -> bool limits where WOF points may become new entries (every point may
    merge). Returns the report."""
    from collections import Counter
    report = {"read": Counter(), "used": 0, "merged": Counter(), "merged_into": Counter(),
              "merged_by": Counter(),
              "new": Counter(), "not_new": Counter(), "outside": Counter(), "foreign_names": [],
              "district_fixed": [], "across": []}
    rows = read_rows(sources_dir)
    for r in rows:
        report["read"][f"{r['country']} {r['placetype']}"] += 1
    m = Merger(entries, units, new_zone, report, rows)
    for row in sorted(rows, key=priority):
        if row["placetype"] == "neighbourhood":
            report["not_new"]["neighbourhood"] += 1
            continue
        report["used"] += 1
        m.add(row)
    return report


def merge_duplicates(entries, rank_of, report):
    """Final pass: settlements within DUPLICATE_M that share a name are one place; the one of
    higher rank (curated > GeoNames > WOF; then the smaller id) absorbs the other."""
    pts = [e for e in entries if e["geom"].GetGeometryName() == "POINT" and
           e["props"]["kind"] in ("settlement", "capital")]
    pts.sort(key=lambda e: (rank_of(e), e["props"]["id"]))
    grid = Grid()
    gone = set()
    for e in pts:
        grid.add(e)
    for e in pts:
        if id(e) in gone:
            continue
        g = e["geom"]
        mine = all_names(e["props"])
        for d, _, o in grid.near(g.GetX(), g.GetY(), DUPLICATE_M):
            if o is e or id(o) in gone or o["props"]["country"] != e["props"]["country"]:
                continue
            if not (all_names(o["props"]) & mine):
                continue
            if (rank_of(o), o["props"]["id"]) < (rank_of(e), e["props"]["id"]):
                continue
            p, q = e["props"], o["props"]
            p["aliases"] = [a for a in nm.unique(p["aliases"] + [q["name"]] + q["aliases"] +
                                                 list(q["names"].values())) if a != p["name"]] \
                or [p["name"]]
            for k, v in q["names"].items():
                p["names"].setdefault(k, v)
            if not p["population"]:
                p["population"] = q["population"]
            p["source_id"] = p["source_id"] + ";" + q["id"]
            gone.add(id(o))
            grid.remove(o)
            report.append((p["id"], q["id"], q["name"], round(d)))
            mine = all_names(p)
    return [e for e in entries if id(e) not in gone]
