"""Geometry and GeoJSON helpers for scripts/data/build.py.

Everything written goes through write_collection(): RFC 7946 (lon/lat, outer rings counter-
clockwise), 5 decimals, valid after rounding, features sorted, keys in a fixed order, so the
same inputs give the same bytes.
"""

import heapq
import json
import math
import os

from osgeo import ogr

ogr.UseExceptions()

PRECISION = 5


def box(west, south, east, north):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((west, south), (east, south), (east, north), (west, north), (west, south)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def point(lon, lat):
    g = ogr.Geometry(ogr.wkbPoint)
    g.AddPoint_2D(lon, lat)
    return g


def line(coords):
    g = ogr.Geometry(ogr.wkbLineString)
    for lon, lat in coords:
        g.AddPoint_2D(lon, lat)
    return g


def parts(geom, family):
    """The polygons ('polygon') or lines ('line') inside any geometry, as a flat list."""
    out = []
    if geom is None or geom.IsEmpty():
        return out
    name = geom.GetGeometryName()
    if name in ("MULTIPOLYGON", "MULTILINESTRING", "GEOMETRYCOLLECTION"):
        for i in range(geom.GetGeometryCount()):
            out.extend(parts(geom.GetGeometryRef(i), family))
    elif family == "polygon" and name == "POLYGON":
        out.append(geom.Clone())
    elif family == "line" and name in ("LINESTRING", "LINEARRING"):
        g = ogr.Geometry(ogr.wkbLineString)
        for i in range(geom.GetPointCount()):
            g.AddPoint_2D(geom.GetX(i), geom.GetY(i))
        out.append(g)
    return out


def collect(pieces, family):
    """A MultiPolygon or MultiLineString from pieces (None when there are none)."""
    if not pieces:
        return None
    multi = ogr.Geometry(ogr.wkbMultiPolygon if family == "polygon" else ogr.wkbMultiLineString)
    for p in pieces:
        multi.AddGeometry(p)
    return multi


def _round_ring(ring):
    out = []
    for x, y in ring:
        p = [round(x, PRECISION), round(y, PRECISION)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def _signed_area(ring):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += x1 * y2 - x2 * y1
    return s / 2.0


def _polygon_coords(rings):
    out = []
    for i, ring in enumerate(rings):
        r = _round_ring(ring)
        if len(r) < 4 or r[0] != r[-1]:
            if i == 0:
                return None
            continue
        ccw = _signed_area(r) > 0
        if (i == 0) != ccw:  # RFC 7946: exterior counterclockwise, holes clockwise
            r.reverse()
        out.append(r)
    return out


def _rounded(gj):
    t = gj["type"]
    if t == "Point":
        return {"type": t, "coordinates": [round(c, PRECISION) for c in gj["coordinates"][:2]]}
    if t == "LineString":
        c = _round_ring(gj["coordinates"])
        return {"type": t, "coordinates": c} if len(c) >= 2 else None
    if t == "MultiLineString":
        ls = [c for c in (_round_ring(l) for l in gj["coordinates"]) if len(c) >= 2]
        if not ls:
            return None
        if len(ls) == 1:
            return {"type": "LineString", "coordinates": ls[0]}
        return {"type": t, "coordinates": ls}
    if t == "Polygon":
        c = _polygon_coords(gj["coordinates"])
        return {"type": t, "coordinates": c} if c else None
    if t == "MultiPolygon":
        ps = [c for c in (_polygon_coords(p) for p in gj["coordinates"]) if c]
        if not ps:
            return None
        if len(ps) == 1:
            return {"type": "Polygon", "coordinates": ps[0]}
        return {"type": t, "coordinates": ps}
    raise ValueError(f"unexpected geometry type {t}")


def to_geojson(geom):
    """RFC 7946 geometry dict at 5 decimals, valid after rounding, or None if nothing is left."""
    family = None
    name = geom.GetGeometryName()
    if name in ("POLYGON", "MULTIPOLYGON"):
        family = "polygon"
    elif name in ("LINESTRING", "MULTILINESTRING"):
        family = "line"
    elif name == "GEOMETRYCOLLECTION":
        polys = parts(geom, "polygon")
        geom = collect(polys, "polygon") if polys else collect(parts(geom, "line"), "line")
        if geom is None:
            return None
        return to_geojson(geom)
    for _ in range(3):
        gj = _rounded(json.loads(geom.ExportToJson()))
        if gj is None:
            return None
        check = ogr.CreateGeometryFromJson(json.dumps(gj))
        if check.IsValid():
            return gj
        fixed = check.MakeValid()
        geom = collect(parts(fixed, family), family) if family else fixed
        if geom is None:
            return None
    raise ValueError("geometry still invalid after rounding and MakeValid")


def feature(props, geom):
    gj = to_geojson(geom)
    if gj is None:
        return None
    return {"type": "Feature", "properties": props, "geometry": gj}


def write_collection(path, features, sort_key):
    features = [f for f in features if f is not None]
    features.sort(key=sort_key)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write('{"type": "FeatureCollection", "features": [\n')
        for i, f in enumerate(features):
            out.write(json.dumps(f, ensure_ascii=False, separators=(",", ":")))
            out.write(",\n" if i + 1 < len(features) else "\n")
        out.write("]}\n")
    os.replace(tmp, path)
    return len(features)


def distance_m(lon1, lat1, lon2, lat2):
    """Great-circle distance (mean Earth radius), for matching places, not for output."""
    r = 6371008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


_UTM = None


def length_m(geom):
    """Length of a line geometry in metres (UTM zone 38N, good to about 0.1% over the map
    area); 0 for None or empty."""
    global _UTM
    if geom is None or geom.IsEmpty():
        return 0.0
    from osgeo import osr
    if _UTM is None:
        wgs, utm = osr.SpatialReference(), osr.SpatialReference()
        wgs.ImportFromEPSG(4326)
        wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        utm.ImportFromEPSG(32638)
        _UTM = osr.CoordinateTransformation(wgs, utm)
    g = geom.Clone()
    g.Transform(_UTM)
    return g.Length()


def merge_lines(lines):
    """Joins lines that share end points into longer lines (what GEOS LineMerge does; GDAL 3.6
    has no binding for it). Returns a MultiLineString, or None for no lines."""
    paths = []
    for ln in lines:
        c = [(ln.GetX(i), ln.GetY(i)) for i in range(ln.GetPointCount())]
        if len(c) >= 2:
            paths.append(c)
    ends = {}
    for c in paths:
        for p in (c[0], c[-1]):
            ends[p] = ends.get(p, 0) + 1
    changed = True
    while changed:
        changed = False
        for i in range(len(paths)):
            for j in range(len(paths)):
                if i == j or paths[i] is None or paths[j] is None:
                    continue
                a, b = paths[i], paths[j]
                if a[0] == a[-1] or b[0] == b[-1]:
                    continue
                joint = None
                if a[-1] == b[0]:
                    joint, merged = a[-1], a + b[1:]
                elif a[-1] == b[-1]:
                    joint, merged = a[-1], a + b[-2::-1]
                elif a[0] == b[-1]:
                    joint, merged = a[0], b + a[1:]
                elif a[0] == b[0]:
                    joint, merged = a[0], b[::-1] + a[1:]
                if joint is not None and ends.get(joint) == 2:
                    paths[i], paths[j] = merged, None
                    changed = True
        paths = [p for p in paths if p is not None]
    return collect([line(p) for p in paths], "line")


def pole_of_inaccessibility(gj_geom, precision=0.001):
    """The point of the largest polygon farthest from its edges (mapbox polylabel's search,
    in lon/lat degrees, distances by GEOS), rounded like every coordinate. Areas only."""
    multi = gj_geom["type"] == "MultiPolygon"
    polys = gj_geom["coordinates"] if multi else [gj_geom["coordinates"]]
    polys = [ogr.CreateGeometryFromJson(json.dumps({"type": "Polygon", "coordinates": p}))
             for p in polys]
    poly = max(polys, key=lambda p: p.GetArea())
    edges = poly.Boundary()
    minx, maxx, miny, maxy = poly.GetEnvelope()

    def signed(x, y):
        p = point(x, y)
        d = edges.Distance(p)
        return d if poly.Contains(p) else -d

    def cell(x, y, h):
        d = signed(x, y)
        return (-(d + h * math.sqrt(2)), x, y, h, d)

    size = min(maxx - minx, maxy - miny)
    if size == 0:
        return [round(minx, PRECISION), round(miny, PRECISION)]
    h = size / 2
    heap = []
    x = minx
    while x < maxx:
        y = miny
        while y < maxy:
            heapq.heappush(heap, cell(x + h, y + h, h))
            y += size
        x += size
    c = poly.Centroid()
    best = cell(c.GetX(), c.GetY(), 0)
    while heap:
        cur = heapq.heappop(heap)
        if cur[4] > best[4]:
            best = cur
        if -cur[0] - best[4] <= precision:
            continue
        _, cx, cy, ch, _ = cur
        ch /= 2
        for dx in (-ch, ch):
            for dy in (-ch, ch):
                heapq.heappush(heap, cell(cx + dx, cy + dy, ch))
    x, y = round(best[1], PRECISION), round(best[2], PRECISION)
    if not poly.Contains(point(x, y)):  # only if the rounding pushed it out
        p = poly.PointOnSurface()
        x, y = round(p.GetX(), PRECISION), round(p.GetY(), PRECISION)
    return [x, y]
