#!/usr/bin/python3
"""Loads the sitmap QGIS plugin as QGIS loads it (qgis.utils, as qgis_process does), in a headless
QGIS with Processing, and runs its two algorithms through processing.run as a user's script or
model would: extraction from an article file and from pasted text (loaded into the project,
styled), rendering of a layer to PNG/SVG, and the failures a user meets (no binary, sitmap's exit
codes, a bad date, cancelling).

usage: check_plugin.py SITMAP SEEDS_DIR [--zip PLUGIN.zip] [--out DIR]
  SITMAP     the sitmap binary;  SEEDS_DIR  the seed articles (../shared/seeds)
  --zip      install the plugin from this zip (scripts/build-qgis-plugin) instead of the source
             tree's integrations/qgis/sitmap
  --out      folder for the outputs (default: a new temporary folder), kept to look at
Run with /usr/bin/python3 (Debian's python3-qgis) and QT_QPA_PLATFORM=offscreen.
"""
import argparse
import importlib.util
import json
import math
import os
import shutil
import stat
import struct
import sys
import tempfile
import threading
import time
import zipfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.dont_write_bytecode = True  # no __pycache__ in the source tree's plugin folder

from qgis.core import (QgsApplication, QgsCoordinateTransform, QgsFeature,  # noqa: E402
                       QgsField, QgsGeometry, QgsProcessingException, QgsProcessingFeedback,
                       QgsProject, QgsSettings, QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant  # noqa: E402

SEED = "003_1ae35c016cd00801.txt"
PUBLISHED = "2023-05-11"
SOTK = (45.86472, 40.20306)  # lon, lat of the Sotk shelling in that article
NEAR = 0.05  # degrees

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


class Feedback(QgsProcessingFeedback):
    """Keeps every line the algorithm logs."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushConsoleInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushCommandInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, info):  # noqa: N802
        self.lines.append(info)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803
        self.lines.append(error)


def run(alg, params, feedback=None, load=False):
    import processing
    feedback = feedback or Feedback()
    start = time.monotonic()
    if load:
        result = processing.runAndLoadResults(alg, params, feedback=feedback)
    else:
        result = processing.run(alg, params, feedback=feedback)
    print(f"{alg}: {time.monotonic() - start:.1f} s -> {result}")
    return result


def expect_error(alg, params, needles, what, feedback=None):
    """Runs alg expecting a QgsProcessingException whose message holds every needle."""
    try:
        run(alg, params, feedback)
    except QgsProcessingException as error:
        message = str(error)
        print(f"{what}: error as expected:\n    " + message.replace("\n", "\n    "))
        for needle in needles:
            check(needle in message, f"{what}: the error does not mention {needle!r}: {message}")
        return message
    check(False, f"{what}: {alg} did not fail")
    return ""


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def sotk_shelling(layer):
    """The shelling features of the layer near Sotk, in the layer's CRS (EPSG:4326)."""
    found = []
    for feature in layer.getFeatures():
        point = feature.geometry().asPoint()
        if feature["kind"] == "shelling" and abs(point.x() - SOTK[0]) < NEAR \
                and abs(point.y() - SOTK[1]) < NEAR:
            found.append(feature)
    return found


def check_events_layer(layer, what):
    if not check(layer is not None and layer.isValid(), f"{what}: the events layer is not valid"):
        return
    check(layer.crs().authid() == "EPSG:4326", f"{what}: CRS {layer.crs().authid()}")
    check(layer.featureCount() > 0, f"{what}: the layer has no features")
    check(len(sotk_shelling(layer)) == 1,
          f"{what}: no single shelling near Sotk (lon {SOTK[0]}, lat {SOTK[1]}): "
          + str([(f["kind"], f.geometry().asWkt()) for f in layer.getFeatures()]))
    renderer = layer.renderer()
    kind = renderer.type() if renderer else None
    check(kind not in (None, "singleSymbol"), f"{what}: renderer {kind}, not sitmap's style")
    filters = ([r.filterExpression() for r in renderer.rootRule().children()]
               if kind == "RuleRenderer" else [])
    check(filters[:1] and filters[0].startswith("\"kind\" = 'shelling'") and filters[-1:] and filters[-1].startswith('"disputed"'),
          f"{what}: renderer {kind} does not style by kind with a disputed ring rule: {filters}")
    check(layer.labelsEnabled(), f"{what}: the events are not labelled")


def utm_copy(events):
    """The events in a memory layer in EPSG:32638, JSON fields stored as text."""
    utm = QgsVectorLayer("Point?crs=EPSG:32638", "utm events", "memory")
    fields = [QgsField(f.name(), QVariant.String) if f.type() in (QVariant.Map, QVariant.List)
              else QgsField(f) for f in events.fields() if f.name() != "fid"]
    utm.dataProvider().addAttributes(fields)
    utm.updateFields()
    transform = QgsCoordinateTransform(events.crs(), utm.crs(), QgsProject.instance())
    copies = []
    for feature in events.getFeatures():
        copy = QgsFeature(utm.fields())
        for field in utm.fields():
            value = feature[field.name()]
            copy[field.name()] = json.dumps(value) if isinstance(value, (list, dict)) else value
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        copy.setGeometry(geometry)
        copies.append(copy)
    utm.dataProvider().addFeatures(copies)
    return utm


def install_plugin(args, out):
    """The folder holding the plugin folder sitmap/, as a QGIS plugins folder."""
    if not args.zip:
        return os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                             "..", "..", "integrations", "qgis"))
    plugins = os.path.join(out, "plugins")
    shutil.rmtree(plugins, ignore_errors=True)
    os.makedirs(plugins)
    # What QGIS's "Install from ZIP" does: the plugin is the folder of the shortest
    # */metadata.txt, unpacked by pyplugin_installer's unzip into the plugins folder.
    with zipfile.ZipFile(args.zip) as archive:
        names = archive.namelist()
    check(all(n.startswith("sitmap/") for n in names), f"zip entries outside sitmap/: {names}")
    metadata = sorted(n for n in names if n.endswith("metadata.txt"))
    check(metadata[:1] == ["sitmap/metadata.txt"], f"QGIS would install {metadata[:1]}")
    installer = os.path.join(QgsApplication.pkgDataPath(), "python", "pyplugin_installer",
                             "unzip.py")
    spec = importlib.util.spec_from_file_location("qgis_plugin_unzip", installer)
    unzip = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(unzip)
    unzip.unzip(args.zip, plugins)
    return plugins


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sitmap")
    parser.add_argument("seeds")
    parser.add_argument("--zip")
    parser.add_argument("--out")
    args = parser.parse_args()
    sitmap = os.path.abspath(args.sitmap)
    seed = os.path.join(os.path.abspath(args.seeds), SEED)
    out = os.path.abspath(args.out) if args.out else tempfile.mkdtemp(prefix="qgis_plugin_")
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):
        if name.endswith((".png", ".svg", ".gpkg", ".geojson")):
            os.remove(os.path.join(out, name))
    print("outputs in", out)
    check(os.access(sitmap, os.X_OK), f"{sitmap} is not an executable")
    check(os.path.isfile(seed), f"seed article {seed} missing")
    # A user's own sitmap setup must not leak in: no SITMAP_BINARY, a fresh QGIS profile.
    os.environ.pop("SITMAP_BINARY", None)
    profile = os.path.join(out, "profile")
    shutil.rmtree(profile, ignore_errors=True)
    app = QgsApplication([], False, profile)
    app.initQgis()
    plugin_root = install_plugin(args, out)
    tmp = os.path.join(out, "tmp")  # Processing's temporary files, in the output folder
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    QgsSettings().setValue("Processing/Configuration/TEMP_PATH2", tmp)
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing
    Processing.initialize()

    # Load the plugin as QGIS does: from a plugins folder, by its metadata.
    import qgis.utils
    qgis.utils.plugin_paths.insert(0, plugin_root)
    sys.path.insert(0, plugin_root)
    qgis.utils.updateAvailablePlugins()
    check("sitmap" in qgis.utils.available_plugins,
          f"QGIS does not see the plugin in {plugin_root}: {qgis.utils.available_plugins}")
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author",
                "email"):
        check(qgis.utils.pluginMetadata("sitmap", key) not in ("", "__error__"),
              f"metadata.txt lacks {key}")
    check(qgis.utils.pluginMetadata("sitmap", "hasProcessingProvider") == "yes",
          "metadata.txt does not declare hasProcessingProvider=yes")
    check(qgis.utils.loadPlugin("sitmap"), "qgis.utils.loadPlugin('sitmap') failed")
    module = sys.modules.get("sitmap")
    check(module is not None and os.path.abspath(module.__file__).startswith(plugin_root),
          f"imported a sitmap module from elsewhere: {module}")
    check(qgis.utils.startProcessingPlugin("sitmap"), "startProcessingPlugin('sitmap') failed")
    provider = QgsApplication.processingRegistry().providerById("sitmap")
    if not check(provider is not None, "no Processing provider 'sitmap' registered"):
        return 1
    algorithms = sorted(a.id() for a in provider.algorithms())
    print("algorithms:", algorithms)
    check(algorithms == ["sitmap:extractincidents", "sitmap:rendermap"],
          f"algorithms {algorithms}")

    # 1. Extract from the article file into a chosen GeoPackage.
    gpkg = os.path.join(out, "extract.gpkg")
    result = run("sitmap:extractincidents", {"ARTICLE": seed, "PUBLISHED": PUBLISHED,
                                             "SITMAP_BINARY": sitmap, "OUTPUT": gpkg})
    uri = result["OUTPUT"]
    check(uri == gpkg + "|layername=events", f"OUTPUT {uri} is not the GeoPackage's events layer")
    check(os.path.isfile(result["GEOJSON"]), f"no GeoJSON output {result['GEOJSON']}")
    check(result["INCIDENTS"] >= 1, f"{result['INCIDENTS']} incidents")
    events = QgsVectorLayer(uri, "events", "ogr")  # opened as QGIS opens it: default style
    check_events_layer(events, "extract from a file")
    check(events.featureCount() == result["EVENTS"],
          f"{events.featureCount()} features, EVENTS says {result['EVENTS']}")

    # 2. Pasted text, loaded into the project as the Processing dialog loads results.
    with open(seed, encoding="utf-8") as f:
        text = f.read()
    result = run("sitmap:extractincidents", {"TEXT": text, "PUBLISHED": PUBLISHED,
                                             "SITMAP_BINARY": sitmap,
                                             "OUTPUT": "TEMPORARY_OUTPUT"}, load=True)
    loaded = QgsProject.instance().mapLayersByName("sitmap events: pasted-article")
    if check(len(loaded) == 1, "the pasted article's events are not in the project: "
             + str([layer.name() for layer in QgsProject.instance().mapLayers().values()])):
        pasted = loaded[0]
        check(pasted.source().endswith("|layername=events"), f"loaded {pasted.source()}")
        check_events_layer(pasted, "extract pasted text, loaded into the project")
        with open(result["GEOJSON"], encoding="utf-8") as f:
            sources = [s["article"] for e in json.load(f)["features"]
                       for s in e["properties"]["sources"]]
        check(set(sources) == {"pasted-article"}, f"sources name articles {set(sources)}")

    # 3. Render the project's layer (a GeoPackage layer: sitmap reads it through a temporary
    # GeoJSON) and the GeoJSON output (read as is): the same events give the same map.
    from_layer = os.path.join(out, "from_layer.png")
    feedback = Feedback()
    run("sitmap:rendermap", {"INPUT": events, "OUTPUT": from_layer, "SIZE": "800x500",
                             "SITMAP_BINARY": sitmap}, feedback)
    check(png_size(from_layer) == (800, 500), f"{from_layer}: PNG size {png_size(from_layer)}")
    check(any("wrote" in line and "events to" in line for line in feedback.lines),
          "the GeoPackage layer was not written to a temporary GeoJSON")
    from_geojson = os.path.join(out, "from_geojson.png")
    geojson = os.path.splitext(result["GEOJSON"])[0] + "-copy.geojson"
    shutil.copy(result["GEOJSON"], geojson)
    feedback = Feedback()
    run("sitmap:rendermap", {"INPUT": geojson, "OUTPUT": from_geojson, "SIZE": "800x500",
                             "SITMAP_BINARY": sitmap}, feedback)
    check(any(line == f"sitmap reads the events from {geojson}" for line in feedback.lines),
          f"the GeoJSON file was not passed to sitmap as is: {feedback.lines}")
    check(png_size(from_geojson) == (800, 500), f"{from_geojson}: {png_size(from_geojson)}")
    with open(from_layer, "rb") as a, open(from_geojson, "rb") as b:
        check(a.read() == b.read(), "the map of the GeoPackage layer differs from the map of "
              "the same events' GeoJSON: the temporary GeoJSON lost something")

    # 4. A layer in another CRS (UTM 38N, in memory) whose claims are JSON text, as in a
    # shapefile or CSV: written in EPSG:4326 with the claims as a JSON array.
    utm = utm_copy(events)
    check(utm.featureCount() == events.featureCount(), f"UTM copy: {utm.featureCount()} features")
    svg = os.path.join(out, "from_utm.svg")
    feedback = Feedback()
    run("sitmap:rendermap", {"INPUT": utm, "OUTPUT": svg, "EXTENT_PLACE": "Sotk:30",
                             "TITLE": "Sotk", "SITMAP_BINARY": sitmap}, feedback)
    with open(svg, encoding="utf-8") as f:
        check("<svg" in f.read(2000), f"{svg} is not an SVG")
    written = [line.split(" events to ", 1)[1] for line in feedback.lines
               if line.startswith("wrote ") and " events to " in line]
    if check(len(written) == 1, f"no temporary GeoJSON logged: {feedback.lines}"):
        with open(written[0], encoding="utf-8") as f:
            data = json.load(f)
        check("crs" not in data, "the temporary GeoJSON has a crs member (not RFC 7946)")
        shelling = [e for e in data["features"] if e["properties"]["kind"] == "shelling"]
        lon, lat = shelling[0]["geometry"]["coordinates"] if shelling else (math.nan, math.nan)
        check(abs(lon - SOTK[0]) < 1e-6 and abs(lat - SOTK[1]) < 1e-6,
              f"the UTM layer's shelling was written at {lon}, {lat}, not in lon/lat at Sotk")
        claims = shelling[0]["properties"].get("claims") if shelling else None
        check(isinstance(claims, list) and len(claims) > 0,
              f"the claims were not written as a JSON array: {claims!r}")

    # 5. Failures a user meets.
    missing = os.path.join(out, "no-such-dir", "sitmap")
    expect_error("sitmap:extractincidents",
                 {"ARTICLE": seed, "PUBLISHED": PUBLISHED, "SITMAP_BINARY": missing,
                  "OUTPUT": os.path.join(out, "missing.gpkg")},
                 [missing, "not found"], "binary given but missing")
    path = os.environ.get("PATH", "")
    os.environ["PATH"] = os.path.join(out, "empty-path")
    try:
        expect_error("sitmap:rendermap", {"INPUT": geojson,
                                          "OUTPUT": os.path.join(out, "nobinary.png")},
                     ["sitmap binary not found", "PATH", "SITMAP_BINARY"], "no sitmap on PATH")
        from processing.core.ProcessingConfig import ProcessingConfig
        ProcessingConfig.setSettingValue("SITMAP_BINARY", sitmap)  # the Processing option
        try:
            run("sitmap:rendermap", {"INPUT": geojson, "OUTPUT": os.path.join(out, "option.png"),
                                     "SIZE": "320x200"})
        finally:
            ProcessingConfig.setSettingValue("SITMAP_BINARY", "")
        check(png_size(os.path.join(out, "option.png")) == (320, 200),
              "the Processing option 'sitmap binary' was not used")
        os.environ["SITMAP_BINARY"] = sitmap  # the environment variable is enough
        run("sitmap:rendermap", {"INPUT": geojson, "OUTPUT": os.path.join(out, "env.png"),
                                 "SIZE": "300x200"})
        check(png_size(os.path.join(out, "env.png")) == (300, 200),
              "SITMAP_BINARY from the environment was not used")
    finally:
        os.environ["PATH"] = path
        os.environ.pop("SITMAP_BINARY", None)
    expect_error("sitmap:rendermap", {"INPUT": geojson, "SITMAP_BINARY": sitmap,
                                      "OUTPUT": os.path.join(out, "no-such-dir", "map.png")},
                 ["exit code 3", "output could not be written", "cannot write"],
                 "unwritable output")
    expect_error("sitmap:extractincidents", {"TEXT": "   ", "PUBLISHED": PUBLISHED,
                                             "SITMAP_BINARY": sitmap,
                                             "OUTPUT": os.path.join(out, "x.gpkg")},
                 ["Give an article"], "empty pasted text")
    expect_error("sitmap:extractincidents", {"ARTICLE": seed, "PUBLISHED": "2023-02-30",
                                             "SITMAP_BINARY": sitmap,
                                             "OUTPUT": os.path.join(out, "x.gpkg")},
                 ["2023-02-30", "YYYY-MM-DD"], "impossible date")

    # 6. Cancelling kills sitmap: a stand-in binary that hangs, cancelled after a second.
    slow = os.path.join(out, "slow-sitmap")
    pid_file = os.path.join(out, "slow-sitmap.pid")
    with open(slow, "w") as f:
        f.write(f"#!/bin/sh\necho $$ > '{pid_file}'\nexec sleep 60\n")
    os.chmod(slow, os.stat(slow).st_mode | stat.S_IXUSR)
    if os.path.exists(pid_file):
        os.remove(pid_file)
    feedback = Feedback()
    threading.Timer(1.0, feedback.cancel).start()
    start = time.monotonic()
    expect_error("sitmap:extractincidents", {"ARTICLE": seed, "PUBLISHED": PUBLISHED,
                                             "SITMAP_BINARY": slow,
                                             "OUTPUT": os.path.join(out, "x.gpkg")},
                 ["Cancelled"], "cancelled extraction", feedback)
    check(time.monotonic() - start < 10, "cancelling took more than 10 s")
    if check(os.path.exists(pid_file), "the stand-in sitmap never ran"):
        with open(pid_file) as f:
            pid = int(f.read())
        try:
            os.kill(pid, 0)
            alive = True
            os.kill(pid, 9)
        except ProcessLookupError:
            alive = False
        check(not alive, f"the cancelled sitmap process {pid} is still running")

    print("maps:", from_layer, from_geojson, svg)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all plugin checks passed")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # QGIS 3.22's bindings can crash while tearing down; the checks are done
