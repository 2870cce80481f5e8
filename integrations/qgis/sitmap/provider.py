"""The "sitmap" Processing provider: its algorithms and its one setting, the sitmap binary."""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from . import runner
from .extract_algorithm import ExtractIncidentsAlgorithm
from .render_algorithm import RenderMapAlgorithm

try:  # the Processing plugin's settings (Settings > Options > Processing > Providers)
    from processing.core.ProcessingConfig import ProcessingConfig, Setting
except ImportError:  # Processing plugin disabled: the parameter, env var and PATH still work
    ProcessingConfig = Setting = None


class SitmapProvider(QgsProcessingProvider):
    def id(self):
        return "sitmap"

    def name(self):
        return "sitmap"

    def longName(self):  # noqa: N802 (QGIS's name)
        return "sitmap: incidents from news articles, and their maps"

    def icon(self):
        return QIcon(os.path.join(os.path.dirname(__file__), "icon.svg"))

    def load(self):
        if ProcessingConfig is not None:
            ProcessingConfig.settingIcons[self.name()] = self.icon()
            ProcessingConfig.addSetting(Setting(
                self.name(), runner.SETTING_NAME,
                "sitmap binary (empty: SITMAP_BINARY environment variable, then sitmap on PATH)",
                "", valuetype=Setting.FILE))
            ProcessingConfig.readSettings()
        self.refreshAlgorithms()
        return True

    def unload(self):
        if ProcessingConfig is not None and runner.SETTING_NAME in ProcessingConfig.settings:
            ProcessingConfig.removeSetting(runner.SETTING_NAME)

    def loadAlgorithms(self):  # noqa: N802 (QGIS's name)
        self.addAlgorithm(ExtractIncidentsAlgorithm())
        self.addAlgorithm(RenderMapAlgorithm())

    # The extraction writes a GeoPackage (sitmap's styles live in it): no other vector format.
    def supportedOutputVectorLayerExtensions(self):  # noqa: N802 (QGIS's name)
        return ["gpkg"]

    def defaultVectorFileExtension(self, hasGeometry=True):  # noqa: N802,N803 (QGIS's names)
        return "gpkg"

    def supportsNonFileBasedOutput(self):  # noqa: N802 (QGIS's name)
        return False
