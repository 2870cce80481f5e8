"""sitmap for QGIS: a Processing provider that runs the sitmap command-line tool.

QGIS calls classFactory() when it loads the plugin (from the plugins folder, or through
qgis_process, which only calls initProcessing()).
"""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import SitmapPlugin
    return SitmapPlugin(iface)
