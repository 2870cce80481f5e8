#!/usr/bin/python3
"""QGIS reads the PostGIS event store live: `sitmap export PG:... --live -o team.qgz` writes a
project whose events, claims and places layers are the store's tables (QGIS's postgres provider)
with sitmap's styles; after another article is loaded, re-reading the events layer shows its
event; the plugin's "Render a sitmap map" draws the PostGIS layer; a store in another schema
(schemas=team) gives a project whose layers read that schema.

usage: check_pg_project.py SITMAP SEEDS_DIR PG_DIR OUT_DIR
  PG_DIR  the throw-away cluster of tests/pg/pg_cluster.sh (its port in PG_DIR/port)
Run with /usr/bin/python3 (Debian's python3-qgis) and QT_QPA_PLATFORM=offscreen.
"""
import os
import shutil
import struct
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.dont_write_bytecode = True

from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def sh(*cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit {r.returncode}: {r.stdout}{r.stderr}")
    return r.stdout


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    return struct.unpack(">II", head[16:24]) if head[:8] == b"\x89PNG\r\n\x1a\n" else None


def main():
    sitmap, seeds, pg_dir, out = (os.path.abspath(a) for a in sys.argv[1:5])
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    with open(os.path.join(pg_dir, "port"), encoding="utf-8") as f:
        port = f.read().strip()
    db = "qgis_live"
    psql = ["psql", "-X", "-q", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "postgres",
            "-v", "ON_ERROR_STOP=1", "-c"]
    os.environ["PGOPTIONS"] = "--client-min-messages=warning"
    sh(*psql, f"DROP DATABASE IF EXISTS {db}")
    sh(*psql, f"CREATE DATABASE {db}")
    store = f"PG:host=127.0.0.1 port={port} user=postgres dbname={db}"

    def load(stem, published):
        sh(sitmap, "-q", "extract", os.path.join(seeds, stem + ".txt"), "--published", published,
           "-o", store)

    load("000_5910880eccc6c8c0", "2023-05-11")
    project_path = os.path.join(out, "team.qgz")
    sh(sitmap, "-q", "export", store, "--live", "-o", project_path)

    app = QgsApplication([], False, os.path.join(out, "profile"))
    app.initQgis()
    project = QgsProject.instance()
    check(project.read(project_path), f"QGIS cannot read {project_path}")
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    for name in ("events", "claims", "places"):
        layer = layers.get(name)
        if not check(layer is not None, f"no {name} layer"):
            continue
        check(layer.isValid(), f"{name}: not a valid layer")
        check(layer.providerType() == "postgres", f"{name}: provider {layer.providerType()}")
    for name in ("countries", "borders"):
        check(name in layers and layers[name].isValid() and layers[name].providerType() == "ogr",
              f"basemap layer {name} not read from the GeoPackage")
    events = layers["events"]
    renderer = events.renderer()
    filters = ([r.filterExpression() for r in renderer.rootRule().children()]
               if type(renderer).__name__ == "QgsRuleBasedRenderer" else [])
    check(filters[:1] and filters[0].startswith("\"kind\" = 'shelling'") and filters[-1:] and filters[-1].startswith('"disputed"'),
          f"events not styled by kind with a disputed ring rule: {type(renderer).__name__} {filters}")
    before = events.featureCount()
    ids = {f["id"] for f in events.getFeatures()}
    check("evt-2023-05-11-shelling-sitmap-sotk" in ids, f"no Sotk incident in {ids}")

    # Another analyst loads a November 2022 article: the open layer shows its event on reload.
    load("002_d157015bd8b7b8f1", "2022-11-07")
    events.dataProvider().reloadData()
    events.reload()
    after = events.featureCount()
    check(after > before, f"events after a new load: {after}, before {before}")
    ids = {f["id"] for f in events.getFeatures()}
    check(any(i.startswith("evt-2022-11-") for i in ids), f"the new event is not shown: {ids}")
    claims = layers["claims"]
    claims.dataProvider().reloadData()
    check(claims.featureCount() > 0, "no claims")

    # The plugin draws the PostGIS layer (written to a temporary GeoJSON) as sitmap maps it.
    plugins = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                            "..", "integrations", "qgis"))
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing
    Processing.initialize()
    import qgis.utils
    qgis.utils.plugin_paths.insert(0, plugins)
    sys.path.insert(0, plugins)
    qgis.utils.updateAvailablePlugins()
    check(qgis.utils.loadPlugin("sitmap") and qgis.utils.startProcessingPlugin("sitmap"),
          "the sitmap plugin does not load")
    import processing
    png = os.path.join(out, "from_postgis.png")
    processing.run("sitmap:rendermap", {"INPUT": events, "OUTPUT": png, "SIZE": "800x500",
                                        "SITMAP_BINARY": sitmap},
                   feedback=QgsProcessingFeedback())
    check(png_size(png) == (800, 500), f"{png}: PNG size {png_size(png)}")
    direct = os.path.join(out, "direct.png")
    sh(sitmap, "-q", "map", store, "-o", direct, "--size", "800x500")
    with open(png, "rb") as a, open(direct, "rb") as b:
        check(a.read() == b.read(), "the plugin's map of the PostGIS layer differs from "
              "sitmap map PG:... (the temporary GeoJSON lost something)")

    # A store in a schema of its own (GDAL's schemas=): the live project reads that schema's tables.
    team = store + " schemas=team"
    sh(sitmap, "-q", "extract", os.path.join(seeds, "003_1ae35c016cd00801.txt"), "--published",
       "2023-05-11", "-o", team)
    team_project = os.path.join(out, "team_schema.qgz")
    sh(sitmap, "-q", "export", team, "--live", "-o", team_project)
    project.clear()
    check(project.read(team_project), f"QGIS cannot read {team_project}")
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    for name in ("events", "claims", "places"):
        layer = layers.get(name)
        if not check(layer is not None and layer.isValid(), f"schema team: {name} not valid"):
            continue
        check('"team"."' + name + '"' in layer.source(), f"schema team: {name}: {layer.source()}")
    if "events" in layers and layers["events"].isValid():
        team_ids = {f["id"] for f in layers["events"].getFeatures()}
        check("evt-2023-05-11-shelling-sitmap-sotk" in team_ids
              and not any(i.startswith("evt-2022-11-") for i in team_ids),
              f"schema team: events {team_ids} (want the May article's only)")

    project.clear()
    app.exitQgis()
    sh(*psql, f"DROP DATABASE {db}")
    print(f"{len(failures)} failed" if failures else "check_pg_project: all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
