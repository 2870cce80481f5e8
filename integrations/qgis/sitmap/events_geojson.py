"""Writes a vector layer (any provider: GeoPackage, PostGIS, memory...) as the RFC 7946 GeoJSON
that `sitmap map` reads: lon/lat in EPSG:4326, no "crs" member, JSON fields (claims, sources) as
JSON arrays rather than strings.

QGIS's own GeoJSON writer cannot write JSON-typed fields (it drops sitmap's claims), hence this.
"""
import json
import math

from qgis.core import (QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsPoint,
                       QgsProcessingException, QgsWkbTypes)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime, QVariant

WGS84 = "EPSG:4326"
# Fields that sitmap writes as JSON arrays: a source that stores them as text (a shapefile, a CSV)
# gets them back as arrays.
JSON_TEXT_FIELDS = {"claims", "sources"}


def _plain(value):
    """A QGIS attribute value as a JSON-serialisable Python value."""
    if value is None:
        return None
    if isinstance(value, QVariant):  # NULL, or a type PyQt did not convert
        if value.isNull():
            return None
        inner = value.value()
        return str(inner) if isinstance(inner, QVariant) else _plain(inner)
    if isinstance(value, (QDate, QTime, QDateTime)):
        return None if value.isNull() else value.toString(Qt.ISODate)
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def _json_text(name, value):
    if name in JSON_TEXT_FIELDS and isinstance(value, str) and value.strip()[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _geometry(geometry):
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if QgsWkbTypes.flatType(geometry.wkbType()) == QgsWkbTypes.Point:
        point = geometry.constGet()
        if isinstance(point, QgsPoint):
            # Python's float repr round-trips: a point read from sitmap's own GeoJSON or
            # GeoPackage comes back with the same digits.
            return {"type": "Point", "coordinates": [point.x(), point.y()]}
    return json.loads(geometry.asJson(15))


def write(source, path, transform_context, feedback=None):
    """Writes every feature of the QgsFeatureSource to path; returns the number of features."""
    request = QgsFeatureRequest().setDestinationCrs(QgsCoordinateReferenceSystem(WGS84),
                                                    transform_context)
    names = source.fields().names()
    features = []
    total = source.featureCount()
    for i, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException("Cancelled while writing the events for sitmap.")
        properties = {name: _json_text(name, _plain(value))
                      for name, value in zip(names, feature.attributes())}
        features.append({"type": "Feature", "properties": properties,
                         "geometry": _geometry(feature.geometry())})
        if feedback is not None and total > 0:
            feedback.setProgress(10 * (i + 1) / total)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False,
                  indent=1)
        f.write("\n")
    return len(features)
