#!/bin/sh
# Exports the seed articles' events as a user would, validates the files with GDAL's own tools,
# then opens them in QGIS (check_project.py).
# usage: run_qgis_check.sh SITMAP SEEDS_DIR OUT_DIR
set -eu
sitmap=$1 seeds=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen

# The publication dates a user passes with each seed article (see the seeds' README).
cat > "$out/manifest.csv" <<CSV
file,published
$seeds/000_5910880eccc6c8c0.txt,2023-05-11
$seeds/001_19f7addab04ee640.txt,2023-05-11
$seeds/002_d157015bd8b7b8f1.txt,2022-11-07
$seeds/003_1ae35c016cd00801.txt,2023-05-11
$seeds/004_3605db3ac4ed118d.txt,2022-11-07
CSV

articles="$seeds/000_5910880eccc6c8c0.txt $seeds/001_19f7addab04ee640.txt $seeds/003_1ae35c016cd00801.txt"
"$sitmap" export $articles --published 2023-05-11 -o "$out/events.geojson"
"$sitmap" export $articles --published 2023-05-11 -o "$out/events.gpkg"
"$sitmap" export $articles --published 2023-05-11 --crs EPSG:32638 -o "$out/project.qgz"

# GDAL's validators: the GeoJSON reads back as RFC 7946 (no crs member), the GeoPackage passes
# the GeoPackage validation script.
ogrinfo -ro -so -al "$out/events.geojson" > "$out/ogrinfo_geojson.txt"
grep -q "Feature Count" "$out/ogrinfo_geojson.txt"
if grep -q '"crs"' "$out/events.geojson"; then
    echo "FAIL: events.geojson has a crs member (not RFC 7946)"; exit 1
fi
for gpkg in "$out/events.gpkg" "$out/project.gpkg"; do
    ogrinfo -ro -so "$gpkg" > /dev/null
    /usr/bin/python3 -m osgeo_utils.samples.validate_gpkg "$gpkg"
done

/usr/bin/python3 "$here/check_project.py" "$out/project.qgz" "$out/project.gpkg" \
    "$out/events.geojson" "$out/qgis_project.png" EPSG:32638
# The same through the .qgs form of the project.
"$sitmap" export $articles --published 2023-05-11 --crs EPSG:32638 -o "$out/plain.qgs"
/usr/bin/python3 "$here/check_project.py" "$out/plain.qgs" "$out/plain.gpkg" \
    "$out/events.geojson" "$out/qgis_plain.png" EPSG:32638
echo "QGIS render: $out/qgis_project.png"
