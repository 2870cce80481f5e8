"""Processing algorithm: a layer of sitmap events -> `sitmap map` -> a PNG, SVG or PDF map.

A layer that is already a file sitmap reads (GeoJSON or FlatGeobuf in EPSG:4326, whole) is passed
as is; any other source (GeoPackage, PostGIS, memory, a selection, another CRS) is first written
to a temporary RFC 7946 GeoJSON in EPSG:4326.
"""
import os
import re
import tempfile

from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessing, QgsProcessingAlgorithm,
                       QgsProcessingException, QgsProcessingFeatureSourceDefinition,
                       QgsProcessingParameterCrs, QgsProcessingParameterDefinition,
                       QgsProcessingParameterEnum, QgsProcessingParameterExtent,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsProcessingUtils, QgsProviderRegistry)

from . import events_geojson, runner

FORMATS = (".png", ".svg", ".pdf")
READABLE = (".geojson", ".json", ".geojsonl", ".geojsons", ".fgb")  # what sitmap map reads
LANGUAGES = ["en", "hy", "az", "ru"]
LANGUAGE_NAMES = ["English", "Armenian (hy)", "Azerbaijani (az)", "Russian (ru)"]
PAPERS = [""] + [f"{p}-{o}" for p in ("a5", "a4", "a3", "a2", "letter", "legal")
                 for o in ("portrait", "landscape")]
SIZE_PATTERN = re.compile(r"^\s*(\d+)\s*[xX×]\s*(\d+)\s*$")


def _readable_file(parameters, name, algorithm, context):
    """The path of the input when sitmap can read it as is, else None."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or getattr(value, "featureLimit", -1) not in (-1, None) \
                or getattr(value, "filterExpression", ""):
            return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.crs().authid() != events_geojson.WGS84:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path", "")
    if not path.lower().endswith(READABLE) or not os.path.isfile(path):
        return None
    return path


class RenderMapAlgorithm(QgsProcessingAlgorithm):
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    SIZE = "SIZE"
    PAPER = "PAPER"
    DPI = "DPI"
    EXTENT = "EXTENT"
    PLACE = "EXTENT_PLACE"
    CRS = "CRS"
    TITLE = "TITLE"
    LANGUAGE = "LANGUAGE"
    STYLE = "STYLE"
    SITMAP = "SITMAP_BINARY"

    def name(self):
        return "rendermap"

    def displayName(self):  # noqa: N802 (QGIS's name)
        return "Render a sitmap map"

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        return (
            "Renders a layer of sitmap events (from 'Extract incidents from an article', "
            "`sitmap extract` or `sitmap export`; a GeoJSON, GeoPackage or PostGIS layer) as a "
            "publication-ready map with sitmap's own renderer: PNG, SVG (selectable text) or "
            "PDF, chosen by the output file's extension.\n\n"
            "Size: pixels such as 1600x1000 (the default), or a paper size (then DPI sets a "
            "PNG's resolution). Extent: a rectangle, or a place name with an optional radius in "
            "km such as Sotk:25; empty fits the events. CRS: empty lets sitmap choose a "
            "conformal projection suited to the extent.\n\n"
            "Layers that are not a GeoJSON or FlatGeobuf file in EPSG:4326 (and selections) are "
            "written to a temporary GeoJSON in EPSG:4326 first.")

    def createInstance(self):  # noqa: N802 (QGIS's name)
        return RenderMapAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS's name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, "sitmap events", [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, "Map", fileFilter="PNG image (*.png);;SVG image (*.svg);;PDF (*.pdf)"))
        self.addParameter(QgsProcessingParameterString(
            self.SIZE, "Size in pixels, WIDTHxHEIGHT (empty: 1600x1000)", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.PAPER, "…or paper size", options=["(pixel size)"] + PAPERS[1:],
            defaultValue=0, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, "Resolution of a PNG on paper (dots per inch)",
            type=QgsProcessingParameterNumber.Double, minValue=1, optional=True))
        self.addParameter(QgsProcessingParameterExtent(
            self.EXTENT, "Extent (empty: fit the events)", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PLACE, "…or extent around a place, PLACE[:RADIUS_KM]", optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, "Map CRS (empty: chosen by sitmap)", optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, "Title", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, "Label language", options=LANGUAGE_NAMES, defaultValue=0))
        style = QgsProcessingParameterFile(
            self.STYLE, "Style JSON (MapLibre vocabulary, see render/STYLE.md)",
            behavior=QgsProcessingParameterFile.File, extension="json", optional=True)
        style.setFlags(style.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(style)
        binary = QgsProcessingParameterFile(
            self.SITMAP, "sitmap binary (empty: the Processing option, SITMAP_BINARY, PATH)",
            behavior=QgsProcessingParameterFile.File, fileFilter="All files (*)", optional=True)
        binary.setFlags(binary.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(binary)

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS's name)
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if output and not output.lower().endswith(FORMATS):
            return False, f"The map must be a .png, .svg or .pdf file, not {output}."
        size = self.parameterAsString(parameters, self.SIZE, context).strip()
        if size and not SIZE_PATTERN.match(size):
            return False, f"Size '{size}' is not WIDTHxHEIGHT in pixels, such as 1600x1000."
        if size and self.parameterAsEnum(parameters, self.PAPER, context) > 0:
            return False, "Give a size in pixels or a paper size, not both."
        if self.parameterAsString(parameters, self.PLACE, context).strip() and \
                parameters.get(self.EXTENT) not in (None, ""):
            return False, "Give an extent rectangle or a place, not both."
        return True, ""

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        ok, message = self.checkParameterValues(parameters, context)
        if not ok:
            raise QgsProcessingException(message)
        binary = runner.find_binary(self.parameterAsFile(parameters, self.SITMAP, context))
        feedback.pushInfo(f"sitmap binary: {binary}")
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)

        events = _readable_file(parameters, self.INPUT, self, context)
        if events:
            feedback.pushInfo(f"sitmap reads the events from {events}")
        else:
            source = self.parameterAsSource(parameters, self.INPUT, context)
            if source is None:
                raise QgsProcessingException(
                    self.invalidSourceError(parameters, self.INPUT))
            workdir = tempfile.mkdtemp(prefix="sitmap_", dir=QgsProcessingUtils.tempFolder())
            events = os.path.join(workdir, "events.geojson")
            feedback.setProgressText("Writing the events as GeoJSON in EPSG:4326")
            count = events_geojson.write(source, events, context.transformContext(), feedback)
            feedback.pushInfo(f"wrote {count} events to {events}")
            if count == 0:
                feedback.pushWarning("The layer holds no events: the map shows none.")
        feedback.setProgress(10)

        # QGIS asked before replacing a file the user chose as the output.
        args = ["map", events, "-o", output, "--force"]
        size = self.parameterAsString(parameters, self.SIZE, context).strip()
        paper = PAPERS[self.parameterAsEnum(parameters, self.PAPER, context)]
        if size:
            width, height = SIZE_PATTERN.match(size).groups()
            args += ["--size", f"{int(width)}x{int(height)}"]
        elif paper:
            args += ["--paper", paper]
            if parameters.get(self.DPI) not in (None, ""):
                args += ["--dpi", repr(self.parameterAsDouble(parameters, self.DPI, context))]
        place = self.parameterAsString(parameters, self.PLACE, context).strip()
        if place:
            args += ["--extent", place]
        elif parameters.get(self.EXTENT) not in (None, ""):
            wgs84 = QgsCoordinateReferenceSystem(events_geojson.WGS84)
            box = self.parameterAsExtent(parameters, self.EXTENT, context, wgs84)
            if not box.isNull() and not box.isEmpty():
                args += ["--extent", ",".join(f"{v:.6f}" for v in (
                    box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))]
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if crs.isValid():
            if not crs.authid():
                raise QgsProcessingException(
                    "The map CRS needs an authority code such as EPSG:32638 for sitmap.")
            args += ["--crs", crs.authid()]
        title = self.parameterAsString(parameters, self.TITLE, context).strip()
        if title:
            args += ["--title", title]
        args += ["--lang", LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]]
        style = self.parameterAsFile(parameters, self.STYLE, context)
        if style:
            args += ["--style", style]

        feedback.setProgressText("Rendering the map (sitmap map)")
        runner.run(binary, args, feedback, "rendering (sitmap map)")
        if not os.path.isfile(output):
            raise QgsProcessingException(f"sitmap reported success but wrote no {output}.")
        feedback.setProgress(100)
        return {self.OUTPUT: output}
