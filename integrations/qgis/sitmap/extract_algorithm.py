"""Processing algorithm: an article (file or pasted text) + its publication date -> a layer of
sitmap events, styled as sitmap styles them.

Runs `sitmap extract ARTICLE --published DATE -o EVENTS.geojson`, then
`sitmap export EVENTS.geojson -o OUTPUT.gpkg`: the GeoPackage holds the events, claims, places and
basemap layers and, in layer_styles, each layer's default QGIS style. The events layer is the
output; loaded into the project it gets that default style.
"""
import json
import os
import re
import tempfile

from qgis.core import (QgsProcessing, QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingLayerPostProcessorInterface, QgsProcessingOutputFile,
                       QgsProcessingOutputNumber, QgsProcessingParameterDefinition,
                       QgsProcessingParameterFile, QgsProcessingParameterString,
                       QgsProcessingParameterVectorDestination, QgsProcessingUtils, QgsVectorLayer)
from qgis.PyQt.QtCore import QDate, Qt

from . import runner

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PASTED_NAME = "pasted-article"  # the article name sitmap records in each event's sources


def check_date(text):
    """An error message for a publication date that is not a real YYYY-MM-DD date, else ''."""
    text = (text or "").strip()
    if not text:
        return "The publication date is required (YYYY-MM-DD): relative dates in the article " \
               "such as 'on Thursday' resolve against it."
    if not DATE_PATTERN.match(text) or not QDate.fromString(text, Qt.ISODate).isValid():
        return f"The publication date '{text}' is not a date of the form YYYY-MM-DD."
    return ""


class LoadSitmapStyle(QgsProcessingLayerPostProcessorInterface):
    """Gives the loaded events layer the default style that sitmap stored in its GeoPackage
    (Processing loads result layers without their default style)."""
    instance = None  # Processing keeps a plain pointer: the Python object must stay alive

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS's name)
        if not isinstance(layer, QgsVectorLayer):
            return
        message, ok = layer.loadDefaultStyle()
        if ok:
            layer.triggerRepaint()
        elif feedback is not None:
            feedback.pushWarning(f"sitmap's style could not be loaded: {message}")

    @staticmethod
    def create():
        LoadSitmapStyle.instance = LoadSitmapStyle()
        return LoadSitmapStyle.instance


class ExtractIncidentsAlgorithm(QgsProcessingAlgorithm):
    ARTICLE = "ARTICLE"
    TEXT = "TEXT"
    PUBLISHED = "PUBLISHED"
    SITMAP = "SITMAP_BINARY"
    OUTPUT = "OUTPUT"
    GEOJSON = "GEOJSON"
    EVENTS = "EVENTS"
    INCIDENTS = "INCIDENTS"

    def name(self):
        return "extractincidents"

    def displayName(self):  # noqa: N802 (QGIS's name)
        return "Extract incidents from an article"

    def shortHelpString(self):  # noqa: N802 (QGIS's name)
        return (
            "Reads a news article about the Armenia–Azerbaijan border (a text file, or its text "
            "pasted into the form) and extracts its events: shelling, gunfire, drone strikes, "
            "casualties, checkpoints, blockades, talks, statements. Each event is placed at the "
            "gazetteer position of its place, dated, and carries each side's claims.\n\n"
            "The publication date is required: relative dates in the text ('on Thursday', "
            "'overnight') resolve against it.\n\n"
            "The output is the events layer of a GeoPackage written by `sitmap export`; the "
            "GeoPackage also holds the claims, places and basemap layers and sitmap's QGIS "
            "styles, so the layer opens styled as sitmap's maps. The events are also written as "
            "GeoJSON (the GEOJSON output), which 'Render a sitmap map' reads as is.\n\n"
            "Needs the sitmap command-line tool: on PATH, or named in the 'sitmap binary' "
            "parameter, in Settings > Options > Processing > Providers > sitmap, or in the "
            "SITMAP_BINARY environment variable.")

    def createInstance(self):  # noqa: N802 (QGIS's name)
        return ExtractIncidentsAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS's name)
        self.addParameter(QgsProcessingParameterFile(
            self.ARTICLE, "Article file (UTF-8 text)", behavior=QgsProcessingParameterFile.File,
            fileFilter="Text files (*.txt);;All files (*)", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TEXT, "…or the article's text, pasted", multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PUBLISHED, "Publication date (YYYY-MM-DD)"))
        binary = QgsProcessingParameterFile(
            self.SITMAP, "sitmap binary (empty: the Processing option, SITMAP_BINARY, PATH)",
            behavior=QgsProcessingParameterFile.File, fileFilter="All files (*)", optional=True)
        binary.setFlags(binary.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(binary)
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT, "Events (GeoPackage)", type=QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputFile(self.GEOJSON, "Events GeoJSON"))
        self.addOutput(QgsProcessingOutputNumber(self.EVENTS, "Number of events"))
        self.addOutput(QgsProcessingOutputNumber(self.INCIDENTS, "Number of armed incidents"))

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS's name)
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        article = self.parameterAsFile(parameters, self.ARTICLE, context)
        text = self.parameterAsString(parameters, self.TEXT, context)
        if article and text.strip():
            return False, "Give either an article file or pasted text, not both."
        if not article and not text.strip():
            return False, "Give an article: a file, or its text pasted."
        message = check_date(self.parameterAsString(parameters, self.PUBLISHED, context))
        return (False, message) if message else (True, "")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        ok, message = self.checkParameterValues(parameters, context)
        if not ok:
            raise QgsProcessingException(message)
        binary = runner.find_binary(self.parameterAsFile(parameters, self.SITMAP, context))
        feedback.pushInfo(f"sitmap binary: {binary}")
        published = self.parameterAsString(parameters, self.PUBLISHED, context).strip()
        destination = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        if not destination.lower().endswith(".gpkg"):
            raise QgsProcessingException(
                f"The events output must be a GeoPackage (.gpkg), not {destination}: sitmap "
                "stores its layer styles in the GeoPackage.")

        workdir = tempfile.mkdtemp(prefix="sitmap_", dir=QgsProcessingUtils.tempFolder())
        article = self.parameterAsFile(parameters, self.ARTICLE, context)
        if article:
            if not os.path.isfile(article):
                raise QgsProcessingException(f"Article file not found: {article}")
            name = os.path.splitext(os.path.basename(article))[0]
        else:
            name = PASTED_NAME
            article = os.path.join(workdir, name + ".txt")
            with open(article, "w", encoding="utf-8") as f:
                f.write(self.parameterAsString(parameters, self.TEXT, context))
        geojson = os.path.join(workdir, name + ".geojson")

        feedback.setProgressText(f"Extracting events from {name} (published {published})")
        feedback.setProgress(5)
        runner.run(binary, ["extract", article, "--published", published, "-o", geojson],
                   feedback, "extraction (sitmap extract)")
        with open(geojson, encoding="utf-8") as f:
            features = json.load(f).get("features", [])
        incidents = sum(1 for e in features if e.get("properties", {}).get("layer") == "incident")
        feedback.pushInfo(f"{len(features)} events, {incidents} armed incidents")
        if not features:
            feedback.pushWarning("sitmap found no events in the article: the layer is empty.")
        if feedback.isCanceled():
            raise QgsProcessingException("Cancelled after the extraction.")
        feedback.setProgress(50)

        feedback.setProgressText("Writing the GeoPackage with sitmap's styles")
        runner.run(binary, ["export", geojson, "-o", destination, "--force"], feedback,
                   "export to a GeoPackage (sitmap export)")
        feedback.setProgress(95)

        uri = destination + "|layername=events"
        if context.willLoadLayerOnCompletion(destination):
            # Load the GeoPackage's events layer (not its first layer), with sitmap's style.
            layers = context.layersToLoadOnCompletion()
            details = layers.pop(destination)
            details.name = f"sitmap events: {name}"
            details.forceName = True
            details.setPostProcessor(LoadSitmapStyle.create())
            layers[uri] = details
            context.setLayersToLoadOnCompletion(layers)
        feedback.setProgress(100)
        return {self.OUTPUT: uri, self.GEOJSON: geojson, self.EVENTS: len(features),
                self.INCIDENTS: incidents}
