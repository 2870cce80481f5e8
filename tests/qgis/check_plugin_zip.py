#!/usr/bin/python3
"""Checks scripts/build-qgis-plugin: two builds give the same bytes; every entry lies under
sitmap/, sorted, with the fixed timestamp; no caches; the files are those of the plugin folder,
byte for byte. Leaves OUT_DIR/sitmap-qgis-plugin.zip for check_plugin.py --zip.

usage: check_plugin_zip.py BUILD_SCRIPT OUT_DIR
"""
import os
import subprocess
import sys
import zipfile

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def main():
    script, out = sys.argv[1:3]
    plugin = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(script))),
                          "integrations", "qgis", "sitmap")
    os.makedirs(out, exist_ok=True)
    first = os.path.join(out, "first.zip")
    zip_path = os.path.join(out, "sitmap-qgis-plugin.zip")
    for path in (first, zip_path):
        subprocess.run([sys.executable, script, path], check=True)
    with open(first, "rb") as a, open(zip_path, "rb") as b:
        check(a.read() == b.read(), "two builds of the plugin zip differ")
    os.remove(first)

    expected = {}
    for folder, dirs, files in os.walk(plugin):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        for name in files:
            if not name.endswith((".pyc", "~")) and not name.startswith("."):
                disk = os.path.join(folder, name)
                expected["sitmap/" + os.path.relpath(disk, plugin).replace(os.sep, "/")] = disk
    with zipfile.ZipFile(zip_path) as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        check(names == sorted(names), f"entries not sorted: {names}")
        check(set(names) == set(expected), f"entries {sorted(names)} != files {sorted(expected)}")
        for info in infos:
            check(info.date_time == (1980, 1, 1, 0, 0, 0), f"{info.filename}: {info.date_time}")
            check("__pycache__" not in info.filename and not info.filename.endswith(".pyc"),
                  f"cache in the zip: {info.filename}")
            if info.filename in expected:
                with open(expected[info.filename], "rb") as f:
                    check(archive.read(info) == f.read(), f"{info.filename} differs from disk")
        check("sitmap/metadata.txt" in names and "sitmap/__init__.py" in names,
              "no sitmap/metadata.txt or sitmap/__init__.py")
    print(f"{zip_path}: {len(names)} files")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("plugin zip checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
