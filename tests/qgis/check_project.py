#!/usr/bin/python3
"""Opens an exported QGIS project and its GeoPackage in the real QGIS (headless) and checks what an
analyst would see: every layer valid, feature counts, CRS, the renderer and its categories, the
default styles stored in the GeoPackage, the disputed ring only on disputed events and once in the
legend. Renders the project to a PNG to look at.

usage: check_project.py PROJECT.qgz GEOPACKAGE.gpkg EVENTS.geojson OUT.png EXPECTED_CRS
The expected counts come from the events GeoJSON exported from the same events: one feature per
event, one claims row per claim, one place per distinct place_id.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsProject, QgsVectorLayer, QgsMapSettings,
                       QgsMapRendererParallelJob, QgsRectangle)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

EVENT_KINDS = ["shelling", "mortar_fire", "small_arms_fire", "drone_strike", "vehicle_attack",
               "casualties", "armed_clash", "checkpoint_installed", "checkpoint_closed", "blockade",
               "handover",
               "talks", "statement", "mission_deployment"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def has_ring(symbol):
    """Is this the disputed ring: a marker symbol with a dashed outline (the kinds' are solid)?"""
    from qgis.PyQt.QtCore import Qt
    return symbol is not None and any(
        symbol.symbolLayer(i).layerType() == "SimpleMarker"
        and symbol.symbolLayer(i).strokeStyle() == Qt.DashLine
        for i in range(symbol.symbolLayerCount()))


def check_events_rules(events):
    """Events by kind, one rule each, and the dashed ring as a rule of its own that applies to the
    disputed events only: evaluated on every feature, each gets its kind's mark, and the ring
    exactly when it is disputed."""
    from qgis.core import QgsExpressionContextUtils, QgsRenderContext
    renderer = events.renderer()
    rules = renderer.rootRule().children()
    filters = [r.filterExpression() for r in rules]
    marked = '("geo_precision" IS NULL OR "geo_precision" < 3 OR "layer" = \'context\')'
    expected = [f"\"kind\" = '{k}' AND {marked}" for k in EVENT_KINDS] + [f'"disputed" AND {marked}']
    check(filters == expected, f"events rules {filters}")
    if filters != expected:
        return
    kinds, disputed = rules[:-1], rules[-1]
    check(disputed.label().startswith("Disputed"), f"the ring's rule is labelled {disputed.label()!r}")
    check(has_ring(disputed.symbol()) and disputed.symbol().symbolLayerCount() == 1,
          "the disputed rule's symbol is not the dashed ring alone")
    ringed = [r.label() for r in kinds if has_ring(r.symbol())]
    check(not ringed, f"kinds drawn with the disputed ring whether disputed or not: {ringed}")
    symbol = kinds[0].symbol()
    sized = False
    for i in range(symbol.symbolLayerCount()):
        layer = symbol.symbolLayer(i)
        prop = layer.dataDefinedProperties().property(layer.PropertySize)
        sized = sized or (prop.isActive() and "killed_max" in prop.expressionString())
    check(sized, "events symbol size is not data-defined by casualties")

    context = QgsRenderContext()
    context.expressionContext().appendScopes(
        QgsExpressionContextUtils.globalProjectLayerScopes(events))
    r = renderer.clone()
    r.startRender(context, events.fields())
    seen = {True: 0, False: 0}
    regional = {True: 0, False: 0}
    for feature in events.getFeatures():
        context.expressionContext().setFeature(feature)
        symbols = r.symbolsForFeature(feature, context)
        rings = sum(1 for s in symbols if has_ring(s))
        is_disputed = bool(feature["disputed"])
        seen[is_disputed] += 1
        # Known only to a region: no pin (the event_lines / event_areas layer draws the area).
        pinned = feature["geo_precision"] != 3 or feature["layer"] == "context"
        regional[not pinned] += 1
        check(len(symbols) - rings == (1 if pinned else 0),
              f"event {feature['id']} ({feature['kind']}) gets {len(symbols) - rings} marks")
        check(rings == (1 if is_disputed and pinned else 0),
              f"event {feature['id']} (disputed: {is_disputed}) gets {rings} disputed rings")
    r.stopRender(context)
    print(f"disputed events: {seen[True]}, undisputed: {seen[False]}, "
          f"known only to a region (no pin): {regional[True]}")
    check(seen[True] > 0 and seen[False] > 0,
          f"the events should hold both disputed and undisputed ones to test the ring: {seen}")


def check_legend_ring(model, events_id):
    """The layout legend shows the dashed ring once, on its own entry, not on every kind."""
    node = model.rootGroup().findLayer(events_id)
    check(node is not None, "the layout legend has no events layer")
    if node is None:
        return
    nodes = model.layerLegendNodes(node, True)
    from qgis.PyQt.QtCore import Qt
    labels = [n.data(Qt.DisplayRole) for n in nodes]
    ringed = [n.data(Qt.DisplayRole) for n in nodes if hasattr(n, "symbol") and has_ring(n.symbol())]
    print("events legend:", labels)
    check(len(ringed) == 1 and ringed[0].startswith("Disputed"),
          f"legend entries drawn with the disputed ring: {ringed} (expected the disputed entry alone)")


def check_layout(project, out_stem):
    """The print layout: a map, its legend, a title, a scale bar and the credits with the
    boundary line's date; exported by QGIS itself to PDF (whose text holds the title and credits)
    and PNG."""
    from qgis.core import (QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemLegend,
                           QgsLayoutItemMap, QgsLayoutItemScaleBar, QgsLayoutItemPicture)
    import subprocess
    layouts = project.layoutManager().printLayouts()
    check(len(layouts) == 1, f"{len(layouts)} print layouts, expected 1")
    if not layouts:
        return
    layout = layouts[0]
    items = layout.items()
    maps = [i for i in items if isinstance(i, QgsLayoutItemMap)]
    legends = [i for i in items if isinstance(i, QgsLayoutItemLegend)]
    bars = [i for i in items if isinstance(i, QgsLayoutItemScaleBar)]
    labels = {i.id(): i.text() for i in items if isinstance(i, QgsLayoutItemLabel)}
    pictures = [i for i in items if isinstance(i, QgsLayoutItemPicture)]
    check(len(maps) == 1, f"layout has {len(maps)} maps")
    check(len(legends) == 1, f"layout has {len(legends)} legends")
    check(len(bars) == 1, f"layout has {len(bars)} scale bars")
    check(len(pictures) == 1, f"layout has {len(pictures)} pictures (the north arrow)")
    check("title" in labels and labels.get("title"), f"layout has no title: {labels}")
    credits = labels.get("credits", "")
    check("GeoNames" in credits, f"credits lack the data sources: {credits!r}")
    check("Armenia–Azerbaijan border" in credits and "line of 20" in credits,
          f"credits lack the boundary line's source and date: {credits!r}")
    page = layout.pageCollection().page(0)
    check(page is not None and abs(page.pageSize().width() - 297) < 0.5
          and abs(page.pageSize().height() - 210) < 0.5, "the layout's page is not A4 landscape")
    if maps:
        m = maps[0]
        check(not m.extent().isEmpty(), "the layout's map has an empty extent")
        check(m.crs().authid() == project.crs().authid() or not m.crs().isValid(),
              f"the layout's map CRS {m.crs().authid()}")
        if legends:
            check(legends[0].linkedMap() is m, "the legend is not linked to the map")
            model = legends[0].model()
            root = model.rootGroup()
            names = [n.name() for n in root.findLayers()]
            check("events" in names, f"the legend lacks the events: {names}")
            events = project.mapLayersByName("events")
            if events:
                check_legend_ring(model, events[0].id())
        if bars:
            check(bars[0].linkedMap() is m, "the scale bar is not linked to the map")
            check(bars[0].units() == 1 or "km" in bars[0].unitLabel(),  # kilometres
                  f"the scale bar is in {bars[0].unitLabel()!r}")
    exporter = QgsLayoutExporter(layout)
    pdf = out_stem + "_layout.pdf"
    png = out_stem + "_layout.png"
    pdf_settings = QgsLayoutExporter.PdfExportSettings()
    # As QGIS's "Export as PDF" does: the layout's own text setting (sitmap asks for text).
    check(layout.customProperty("pdfTextFormat") == 1, "the layout exports text as outlines")
    if layout.customProperty("pdfTextFormat") == 1:
        from qgis.core import QgsRenderContext
        pdf_settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    result = exporter.exportToPdf(pdf, pdf_settings)
    check(result == QgsLayoutExporter.Success, f"QGIS cannot export the layout to PDF: {result}")
    image_settings = QgsLayoutExporter.ImageExportSettings()
    image_settings.dpi = 100
    result = exporter.exportToImage(png, image_settings)
    check(result == QgsLayoutExporter.Success, f"QGIS cannot export the layout to PNG: {result}")
    if os.path.exists(pdf):
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                              text=True).stdout
        title = labels.get("title", "")
        check(title and title in text, f"the layout PDF lacks the title {title!r}")
        for words in ("GeoNames", "Armenia–Azerbaijan border", "Legend", "km"):
            check(words in text, f"the layout PDF lacks {words!r}")
        print("layout PDF:", pdf)


def main():
    project_path, gpkg_path, geojson_path, png_path, crs = sys.argv[1:6]
    with open(geojson_path, encoding="utf-8") as f:
        all_features = json.load(f)["features"]
    # The GeoJSON holds the events and, as features of their own, the directions of fire and the
    # lines or areas of the events known only to a region.
    features = [f for f in all_features if not f["properties"].get("feature")]
    n_fire_lines = sum(1 for f in all_features if f["properties"].get("feature") == "fire_line")
    n_extents = sum(1 for f in all_features if f["properties"].get("feature") == "event_extent")
    n_events = len(features)
    n_claims = sum(len(f["properties"]["claims"]) for f in features)
    n_places = len({f["properties"]["place_id"] for f in features if f["properties"]["place_id"]})
    print(f"expecting {n_events} events, {n_claims} claims, {n_places} places")
    check(n_events > 0, f"{geojson_path} holds no events: nothing to check")

    app = QgsApplication([], False)
    app.initQgis()

    project = QgsProject.instance()
    check(project.read(project_path), f"QGIS cannot read {project_path}: {project.error()}")
    check(project.crs().authid() == crs, f"project CRS {project.crs().authid()} != {crs}")

    check("GeoNames" in project.metadata().abstract(),
          f"project metadata lacks the data credit: {project.metadata().abstract()!r}")
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    print("layers:", sorted(layers))
    for name in ("events", "claims", "places"):
        check(name in layers, f"layer {name} missing from the project")
    for name, layer in layers.items():
        check(layer.isValid(), f"layer {name} is not valid (source {layer.source()})")
        check(layer.crs().authid() == "EPSG:4326", f"layer {name} CRS {layer.crs().authid()}")

    counts = {"events": n_events, "claims": n_claims, "places": n_places,
              "fire_lines": n_fire_lines}
    check("fire_lines" in layers, "layer fire_lines missing from the project")
    for name, expected in counts.items():
        if name in layers:
            got = layers[name].featureCount()
            check(got == expected, f"layer {name}: {got} features, expected {expected}")
    extents = sum(layers[n].featureCount() for n in ("event_lines", "event_areas") if n in layers)
    check(extents == n_extents,
          f"event_lines and event_areas hold {extents} features, expected {n_extents}")

    events = layers.get("events")
    if events is not None and events.renderer() is None:
        check(False, "events layer has no renderer")
    elif events is not None:
        renderer = events.renderer()
        check(renderer.type() == "RuleRenderer", f"events renderer {renderer.type()}")
        if renderer.type() == "RuleRenderer":
            check_events_rules(events)
        check(events.labelsEnabled(), "events are not labelled")
        places = layers.get("places")
        check(places is not None and places.labelsEnabled(), "places are not labelled")
        if places is not None and places.labeling() is not None:
            field = places.labeling().settings().fieldName
            check(field == "name", f"places labelled by {field!r}, not their name")
        names = [n.name() for n in project.layerTreeRoot().findLayers()]
        check(names[0] == "events", f"events not on top of the layer tree: {names}")
        print("layer tree (top first):", names)

    # The GeoPackage alone opens styled: its layer_styles hold each layer's default style.
    for name, expected_type in (("events", "RuleRenderer"), ("claims", "categorizedSymbol"),
                                ("places", "singleSymbol")):
        layer = QgsVectorLayer(f"{gpkg_path}|layername={name}", name, "ogr")
        check(layer.isValid(), f"{gpkg_path}|layername={name} is not valid")
        if layer.renderer() is None:
            check(False, f"{name} opened from the GeoPackage has no renderer")
            continue
        check(layer.renderer().type() == expected_type,
              f"{name} opened from the GeoPackage has renderer {layer.renderer().type()}")
        if name == "claims" and layer.renderer().type() == "categorizedSymbol":
            check(layer.renderer().classAttribute() == "side", "claims not categorised by side")

    # Basemap layers too open with sitmap's colours, not QGIS's random default.
    for name, rgbs in (("countries", [(251, 250, 246), (233, 230, 223)]),
                       ("borders", [(211, 206, 196), (119, 113, 106)]),
                       ("lakes", [(180, 210, 231)]), ("corridor", [(217, 115, 13)])):
        layer = QgsVectorLayer(f"{gpkg_path}|layername={name}", name, "ogr")
        if not layer.isValid():
            continue  # a GeoPackage exported without the bundled basemap
        renderer = layer.renderer()
        if renderer is None:
            check(False, f"{name} has no renderer")
            continue
        if renderer.type() == "RuleRenderer":  # focus countries, the Armenia-Azerbaijan border
            symbols = [rule.symbol() for rule in renderer.rootRule().children()]
        else:
            symbols = [renderer.symbol()] if renderer.type() == "singleSymbol" else []
        got = [(s.color().red(), s.color().green(), s.color().blue()) for s in symbols if s]
        check(got == rgbs, f"{name} opened from the GeoPackage has colours {got}, expected {rgbs}")
        if name == "borders" and symbols:
            # The Armenia-Azerbaijan border: a light casing under a dark grey line.
            layers = [symbols[0].symbolLayer(i).color() for i in range(symbols[0].symbolLayerCount())]
            layer_rgbs = [(c.red(), c.green(), c.blue()) for c in layers]
            check(layer_rgbs == [(211, 206, 196), (74, 74, 74)],
                  f"the Armenia-Azerbaijan border's symbol layers are {layer_rgbs}")

    # Render what the project shows, at the project's extent, in the project's CRS.
    settings = QgsMapSettings()
    settings.setLayers([n.layer() for n in project.layerTreeRoot().findLayers()
                        if n.isVisible()])
    settings.setDestinationCrs(project.crs())
    settings.setBackgroundColor(project.backgroundColor())
    settings.setOutputSize(QSize(1200, 900))
    view = project.viewSettings().defaultViewExtent()
    if view.isEmpty():
        view = events.extent()
    settings.setExtent(QgsRectangle(view))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    check(image.save(png_path, "PNG"), f"cannot save {png_path}")
    # Event colours must appear: some non-white, non-grey pixels.
    coloured = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = QColor(image.pixel(x, y))
            # the event red (215, 48, 31) or checkpoint blue (31, 95, 191)
            if (c.red() > 150 and c.green() < 90) or (c.blue() > 150 and c.red() < 90):
                coloured += 1
    print("coloured sample pixels:", coloured)
    check(coloured > 5, "the rendered project shows no coloured event symbols")

    check_layout(project, os.path.splitext(png_path)[0])

    # QGIS 3.22's Python bindings can crash while tearing down; the checks are done by now.
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all QGIS checks passed")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
