"""The plugin object QGIS holds: it only registers the Processing provider."""
from qgis.core import QgsApplication

from .provider import SitmapProvider


class SitmapPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802 (QGIS's name)
        if self.provider is None:
            self.provider = SitmapProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS's name)
        # The desktop calls initGui() only; the algorithms live in the Processing toolbox.
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
