#!/usr/bin/env python3
"""Converts the shared benchmark scene (shared/bench-anchor/gen_scene.py) into sitmap inputs.

The same points Mapnik draws become sitmap events (events GeoJSON contract): kind shelling or
checkpoint_installed, killed_max = casualties, place_name = name. Written as GeoJSONSeq (streamed
by GDAL) and, with ogr2ogr, FlatGeobuf. The synthetic countries and lines become a basemap
directory (countries, borders with the AM-AZ border, corridor). Standard library only.
usage: bench-scene.py SCENE_DIR OUT_DIR N [N ...]
"""
import json
import os
import subprocess
import sys


def convert_points(src, dst):
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    with open(dst, "w", encoding="utf-8") as out:
        for i, feat in enumerate(doc["features"]):
            p = feat["properties"]
            props = {"id": "e%d" % i,
                     "kind": "checkpoint_installed" if p["kind"] == "checkpoint" else "shelling",
                     "date_begin": "2023-05-11", "date_end": "2023-05-11", "geo_precision": 1,
                     "killed_max": p["casualties"], "place_name": p["name"]}
            out.write(json.dumps({"type": "Feature", "properties": props,
                                  "geometry": feat["geometry"]}, ensure_ascii=False,
                                 separators=(",", ":")))
            out.write("\n")


def convert_basemap(scene, out):
    os.makedirs(out, exist_ok=True)
    iso = {"Armenia (synthetic)": "AM", "Azerbaijan (synthetic)": "AZ"}
    with open(os.path.join(scene, "countries.geojson"), encoding="utf-8") as f:
        countries = json.load(f)
    for feat in countries["features"]:
        name = feat["properties"]["name"]
        feat["properties"] = {"iso_a2": iso.get(name, ""), "name": name}
    countries.pop("crs", None)
    with open(os.path.join(out, "countries.geojson"), "w", encoding="utf-8") as f:
        json.dump(countries, f)
    with open(os.path.join(scene, "lines.geojson"), encoding="utf-8") as f:
        lines = json.load(f)
    borders, corridor = [], []
    for feat in lines["features"]:
        kind = feat["properties"]["kind"]
        if kind == "corridor":
            feat["properties"] = {"id": "corridor", "name": "Corridor (synthetic)", "schematic": "true"}
            corridor.append(feat)
        else:
            feat["properties"] = {"id": kind, "name": kind,
                                  "countries": "AM-AZ" if kind == "border" else "", "sector": ""}
            borders.append(feat)
    for name, feats in (("borders", borders), ("corridor", corridor)):
        with open(os.path.join(out, name + ".geojson"), "w", encoding="utf-8") as f:
            json.dump({"type": "FeatureCollection", "features": feats}, f)


def main():
    scene, out, sizes = sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3:]]
    os.makedirs(out, exist_ok=True)
    convert_basemap(scene, os.path.join(out, "basemap"))
    for n in sizes:
        seq = os.path.join(out, "events_%d.geojsonl" % n)
        if not os.path.exists(seq):
            convert_points(os.path.join(scene, "points_%d.geojson" % n), seq)
        fgb = os.path.join(out, "events_%d.fgb" % n)
        if not os.path.exists(fgb):
            subprocess.run(["ogr2ogr", "-f", "FlatGeobuf", fgb, seq], check=True)


if __name__ == "__main__":
    main()
