#!/usr/bin/python3
"""Derives sitmap's Who's On First files from the WOF admin repositories of Armenia and Azerbaijan.

    /usr/bin/python3 scripts/data/import_wof.py GITDIR_AM GITDIR_AZ --out data/sources/

GITDIR_* are git directories (bare clones or .git folders) of
github.com/whosonfirst-data/whosonfirst-data-admin-am and -az; their HEAD commit is read with
`git ls-tree` and `git cat-file --batch` (no work tree, no network). Writes, deterministically
(sorted rows, 5 decimals, no run date, so a rerun on the same commits gives the same bytes):

  wof_villages.csv   one row per locality, localadmin (Armenian communities) and neighbourhood
                     record that is not deprecated: names in English, Armenian, Azerbaijani,
                     Russian, aliases, country, district, label point, population, sources
  wof_am_az.geojson  the Armenia and Azerbaijan country polygons (enclaves as holes, exclaves
                     as parts), WOF's vertices rounded to 5 decimals, valid (GEOS)
  wof.json           repositories, commits and commit dates, licence terms, counts

Only derived data is written; nothing of WOF's repositories or code is copied.
"""

import argparse
import datetime
import csv
import io
import json
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import names as nm  # noqa: E402

PLACETYPES = ("locality", "localadmin", "neighbourhood")
COLUMNS = ["wof_id", "placetype", "name", "name_hy", "name_az", "name_ru", "aliases", "country",
           "admin1", "wof_region", "lat", "lon", "population", "accuracy_m", "source", "current",
           "note"]

# WOF region (wof:placetype region) -> the district name the curated tables and the gazetteer use
# (data/curated/border_villages.README.md). WOF names Azerbaijani regions in Azerbaijani; four are
# wrong or outdated and are fixed here (listed in data/README.md).
REGION_NAMES = {
    # Armenia: WOF's marz names are the gazetteer's
    85668083: "Aragatsotn", 85668085: "Armavir", 85668089: "Shirak", 85668095: "Tavush",
    85668099: "Ararat", 85668103: "Gegharkunik", 85668105: "Kotayk", 85668109: "Lori",
    85668115: "Yerevan", 85668119: "Syunik", 85668123: "Vayots Dzor",
    # Azerbaijan
    85668195: "Aghstafa", 85668199: "Dashkasan", 85668205: "Gadabay", 85668209: "Ganja",
    85668211: "Goygol",       # WOF "Xanlar": the district's name until 2008
    85668215: "Goranboy", 85668221: "Kalbajar", 85668225: "Mingachevir", 85668229: "Gazakh",
    85668233: "Shamkir", 85668235: "Samukh", 85668241: "Tovuz", 85668243: "Yevlakh",
    85668249: "Baku", 85668251: "Absheron", 85668257: "Aghdam", 85668259: "Agdash",
    85668289: "Agsu", 85668293: "Hajigabul", 85668297: "Astara", 85668303: "Barda",
    85668313: "Beylagan", 85668317: "Bilasuvar", 85668323: "Jabrayil", 85668331: "Jalilabad",
    85668339: "Shabran",      # WOF "Dəvəçi": the district's name until 2010
    85668351: "Fuzuli", 85668357: "Goychay", 85668365: "Imishli", 85668373: "Ismayilli",
    85668383: "Kurdamir", 85668389: "Lankaran", 85668397: "Masally", 85668403: "Lerik",
    85668409: "Neftchala", 85668419: "Gobustan", 85668425: "Siyazan", 85668433: "Saatly",
    85668447: "Sabirabad", 85668449: "Salyan", 85668459: "Shamakhi", 85668465: "Sumqayit",
    85668475: "Ujar", 85668485: "Khizi", 85668497: "Yardimli", 85668509: "Zardab",
    85668519: "Aghjabadi", 85668531: "Balakan", 85668541: "Qabala", 85668549: "Oghuz",
    85668557: "Qakh", 85668565: "Shaki", 85668571: "Quba", 85668577: "Qusar",
    85668591: "Khachmaz", 85668601: "Zaqatala", 85668611: "Khojavend",
    85668621: "Lachin",       # WOF "Lankaran": its polygon is the Lachin district (Zabux, Laçın)
    85668629: "Gubadli", 85668643: "Shusha", 85668653: "Tartar", 85668657: "Khojaly",
    85668659: "Zangilan", 85668663: "Sadarak", 85668665: "Ordubad", 85668667: "Sharur",
    85668673: "Babek", 85668677: "Julfa", 85668681: "Nakhchivan", 85668683: "Shahbuz",
    85668691: "Khankendi",    # WOF "Stepanakert": the city's Azerbaijani name since 1991
    85668693: "Naftalan", 85668697: "Lankaran", 85668701: "Shirvan", 85668707: "Shaki",
    85668711: "Shusha", 85668715: "Yevlakh", 85668717: "Kangarli",
}

# notes written into the rows of these regions
REGION_NOTES = {
    85668621: "wrong name, the polygon is the Lachin district",
    85668211: "former name of Goygol (renamed 2008)",
    85668339: "former name of Shabran (renamed 2010)",
}

# name:<lang>_x_<kind> keys read, in order of preference for the name fields
NAME_KINDS = ("preferred", "variant", "colloquial", "historical")
LANGS = ("eng", "hye", "aze", "rus", "und")

LICENCE = {
    "file": "LICENSE.md (same text in both repositories)",
    "licence_link_given": "http://whosonfirst.mapzen.com#License",
    "summary": [
        "Crediting Who's On First is recommended and linking back to the licence is required "
        "(suggested credit: \"Data from Who's On First\" with a link to the licence).",
        "WOF's original work (properties prefixed wof: or unprefixed, such as name; WOF's own "
        "geometries, src:geom whosonfirst) is released under Creative Commons Zero (CC0).",
        "Properties prefixed gn: and geometries with src:geom geonames come from GeoNames, "
        "licensed under a Creative Commons attribution licence (GeoNames: CC BY 4.0).",
        "qs: / src:geom quattroshapes: Quattroshapes, CC BY (credit \"Includes data from "
        "foursquare quattroshapes\"); qs_pg is the Quattroshapes point gazetteer.",
        "meso: / src:geom meso: Mesoshapes, CC0, except features whose meso:source is a "
        "stricter CC BY project (the Armenian communities carry meso:source ACE, whose terms "
        "the licence does not state: credit them as CC BY to be safe).",
        "ne: / src:geom naturalearth: Natural Earth, public domain.",
        "gp: GeoPlanet (CC BY 3.0 US, \"Yahoo! GeoPlanet\"); wd:/wk: are only concordances.",
    ],
    "credit_line": "Data from Who's On First (whosonfirst.org, licence: CC0 with CC BY parts: "
                   "GeoNames, Quattroshapes)",
}


def git(gitdir, *args, **kw):
    return subprocess.run(["git", "-C", gitdir, *args], check=True, capture_output=True, **kw)


def read_records(gitdir):
    """Every data/**/*.geojson record at HEAD (alternate geometries '-alt-' skipped)."""
    listing = git(gitdir, "ls-tree", "-r", "HEAD", text=True).stdout
    items = []
    for ln in listing.splitlines():
        meta, path = ln.split("\t", 1)
        if path.startswith("data/") and path.endswith(".geojson") and "-alt-" not in path:
            items.append((meta.split()[2], path))
    items.sort(key=lambda x: x[1])
    out = git(gitdir, "cat-file", "--batch",
              input="".join(sha + "\n" for sha, _ in items).encode()).stdout
    records, i = [], 0
    for sha, path in items:
        nl = out.index(b"\n", i)
        header = out[i:nl].split()
        if header[0].decode() != sha or header[1] != b"blob":
            raise SystemExit(f"import_wof: unexpected git cat-file answer {header} for {path}")
        size = int(header[2])
        records.append((path, json.loads(out[nl + 1:nl + 1 + size])))
        i = nl + 1 + size + 1
    return records


def name_values(p, lang, kinds=NAME_KINDS):
    out = []
    for k in kinds:
        for v in p.get(f"name:{lang}_x_{k}") or []:
            if isinstance(v, str) and v.strip():
                out.append(" ".join(v.split()))
    return out


def first_in_script(values, script):
    return next((v for v in values if nm.script_of(v) == script), "")


def drop_apostrophes(name):
    """BGN romanisations mark aspirates and soft signs with apostrophes (Kirants', Step'anavan,
    Kil'syali); English usage drops them."""
    for ch in "’'ʼʻ`´":
        name = name.replace(ch, "")
    return " ".join(name.split())


# Mesoshapes' community names abbreviate Nerkin (lower) and Verin (upper)
COMMUNITY_PREFIXES = (("L. ", "Nerkin "), ("L.", "Nerkin "), ("U.", "Verin "), ("Metz ", "Mets "))


def armenian_latin(name):
    """English usage for GeoNames' BGN romanisations in Armenia: ռ is r, not rr (Korrnidzor ->
    Kornidzor); GeoNames writes some ղ as 'Gh' inside a word (VoGhji, SandzateGh)."""
    name = name.replace("rr", "r").replace("Rr", "R")
    name = re.sub(r"(?<=[a-z])([A-Z])", lambda m: m.group(1).lower(), name)
    for short, full in COMMUNITY_PREFIXES:
        if name.startswith(short):
            name = full + name[len(short):]
    return name


def names_of(p, country):
    """English display name, the three local names and the aliases of one WOF record."""
    wof_name = " ".join(p.get("wof:name", "").split())
    eng = name_values(p, "eng")
    hye = name_values(p, "hye")
    aze = name_values(p, "aze")
    rus = name_values(p, "rus")
    und = name_values(p, "und")
    latin_all = [v for v in [wof_name] + eng + hye + aze + rus + und if nm.script_of(v) == "latin"]
    name_hy = first_in_script(hye + und, "armenian")
    name_ru = first_in_script(rus, "cyrillic")
    # Azerbaijani Latin: the preferred aze form, else a Latin form written with ə, else (in
    # Azerbaijan) one with other Azerbaijani letters (Qızılhacılı)
    name_az = first_in_script(aze, "latin") or next(
        (v for v in latin_all if "ə" in v or "Ə" in v), "") or next(
        (v for v in latin_all if country == "AZ" and nm.looks_azerbaijani(v)), "")
    if country == "AZ" and name_az:
        name = nm.az_to_english(name_az)
    else:
        base = next((v for v in eng if nm.script_of(v) == "latin" and not nm.looks_azerbaijani(v)),
                    wof_name)
        name = drop_apostrophes(base)
        if country == "AM":
            name = armenian_latin(name)
    aliases = nm.unique(latin_all + [v for v in hye + und if nm.script_of(v) == "armenian"] +
                        [v for v in rus + und if nm.script_of(v) == "cyrillic"])
    aliases = [a for a in aliases if a != name]
    return name, name_hy, name_az, name_ru, aliases


def label_point(p, geom):
    lat = p.get("lbl:latitude", p.get("geom:latitude"))
    lon = p.get("lbl:longitude", p.get("geom:longitude"))
    if (lat is None or lon is None) and geom and geom.get("type") == "Point":
        lon, lat = geom["coordinates"][:2]
    return float(lat), float(lon)


def region_of(p, regions):
    hier = (p.get("wof:hierarchy") or [{}])[0]
    rid = hier.get("region_id")
    if rid in (None, -1):
        return None, ("", "")
    return rid, regions.get(rid, ("", ""))


def source_of(p):
    parts = [f"src:geom={p.get('src:geom') or 'unknown'}"]
    cc = p.get("wof:concordances") or {}
    for key in ("gn:id", "qs_pg:id", "wd:id", "wk:page"):
        if cc.get(key):
            parts.append(f"{key.split(':')[0]}:{str(cc[key]).replace(';', '%3B')}")
    if p.get("meso:source"):
        parts.append(f"meso:source={p['meso:source']}")
    return "; ".join(parts)


def population_of(p):
    for key in ("wof:population", "gn:population", "qs_pg:gn_pop"):
        v = p.get(key)
        if isinstance(v, (int, float)) and v > 0:
            return str(int(v))
    return ""


def accuracy_of(p, placetype):
    """Radius within which the point should lie: 1 km for settlement points (GeoNames' centres),
    the radius of the equivalent circle for a community polygon's label point (100 m steps)."""
    if placetype == "localadmin":
        area = float(p.get("geom:area_square_m") or 0)
        r = (area / 3.141592653589793) ** 0.5
        return str(max(1000, int(round(r / 100.0)) * 100))
    return "1000"


def village_rows(records, regions):
    """regions: WOF region id -> (name, country), from both repositories (a record's parent
    region can lie across the border: Kornidzor's is Azerbaijan's Lachin district)."""
    rows, skipped = [], {}
    for path, f in records:
        p = f["properties"]
        pt = p.get("wof:placetype")
        if pt not in PLACETYPES:
            continue
        if p.get("edtf:deprecated"):
            skipped[f"{pt} deprecated"] = skipped.get(f"{pt} deprecated", 0) + 1
            continue
        country = p.get("wof:country") or p.get("iso:country") or ""
        name, hy, az, ru, aliases = names_of(p, country)
        lat, lon = label_point(p, f.get("geometry"))
        rid, (rname, rcountry) = region_of(p, regions)
        notes = []
        admin1 = REGION_NAMES.get(rid, "")
        if rid is not None and not admin1:
            notes.append(f"WOF region {rid} unknown")
        elif admin1 and rcountry != country:
            notes.append(f"WOF puts it in {rcountry} region '{rname}' ({rid}), across the border")
            admin1 = ""
        elif rid in REGION_NOTES:
            notes.append(f"WOF region '{rname}' ({rid}): {REGION_NOTES[rid]}")
        cur = p.get("mz:is_current")
        if p.get("wof:superseded_by"):
            notes.append("superseded by " + " ".join(f"wof:{i}" for i in p["wof:superseded_by"]))
        if p.get("edtf:cessation") not in (None, "", "uuuu"):
            notes.append(f"ceased {p['edtf:cessation']}")
        if pt == "localadmin":
            notes.append("community (Mesoshapes polygon); point is its label point")
        rows.append({
            "wof_id": str(p["wof:id"]), "placetype": pt, "name": name, "name_hy": hy,
            "name_az": az, "name_ru": ru, "aliases": "|".join(aliases), "country": country,
            "admin1": admin1, "wof_region": rname, "lat": f"{lat:.5f}", "lon": f"{lon:.5f}",
            "population": population_of(p), "accuracy_m": accuracy_of(p, pt),
            "source": source_of(p), "current": str(cur if cur is not None else ""),
            "note": "; ".join(notes),
        })
    return rows, skipped


def country_features(records):
    from osgeo import ogr
    ogr.UseExceptions()
    out = []
    for _, f in records:
        p = f["properties"]
        if p.get("wof:placetype") != "country":
            continue
        g = ogr.CreateGeometryFromJson(json.dumps(f["geometry"]))
        if not g.IsValid():
            g = g.MakeValid()
        out.append(({"iso_a2": p["wof:country"], "name": p["wof:name"],
                     "wof_id": p["wof:id"], "src_geom": p.get("src:geom", ""),
                     "lastmodified": p.get("wof:lastmodified", 0)}, g))
    return out


def write_csv(path, rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gitdir_am")
    ap.add_argument("gitdir_az")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    import geojson_out as gj

    rows, countries, repos, counts = [], [], [], {}
    both = {iso: read_records(d) for iso, d in (("AM", args.gitdir_am), ("AZ", args.gitdir_az))}
    regions = {f["properties"]["wof:id"]: (f["properties"].get("wof:name", ""),
                                           f["properties"].get("wof:country", ""))
               for records in both.values() for _, f in records
               if f["properties"].get("wof:placetype") == "region"}
    for iso, gitdir in (("AM", args.gitdir_am), ("AZ", args.gitdir_az)):
        commit = git(gitdir, "rev-parse", "HEAD", text=True).stdout.strip()
        date = git(gitdir, "show", "-s", "--format=%cI", "HEAD", text=True).stdout.strip()
        records = both[iso]
        repo = next((f["properties"].get("wof:repo") for _, f in records
                     if f["properties"].get("wof:repo")), "")
        if repo != f"whosonfirst-data-admin-{iso.lower()}":
            raise SystemExit(f"import_wof: {gitdir} holds {repo!r}, expected the {iso} repository")
        r, skipped = village_rows(records, regions)
        rows += r
        countries += country_features(records)
        by_type = {}
        for x in r:
            k = f"{x['placetype']} current={x['current']}"
            by_type[k] = by_type.get(k, 0) + 1
        counts[iso] = {"records": len(records), "rows": len(r),
                       "rows_by_placetype": dict(sorted(by_type.items())),
                       "skipped": dict(sorted(skipped.items()))}
        repos.append({"repository": f"https://github.com/whosonfirst-data/{repo}",
                      "commit": commit, "commit_date": date})
    rows.sort(key=lambda r: (r["country"], int(r["wof_id"])))
    write_csv(os.path.join(args.out, "wof_villages.csv"), rows)

    feats = []
    for props, g in countries:
        feats.append(gj.feature(props, g))
    n = gj.write_collection(os.path.join(args.out, "wof_am_az.geojson"), feats,
                            lambda f: f["properties"]["iso_a2"])
    meta = {
        "what": "Derived from Who's On First by scripts/data/import_wof.py; read by "
                "scripts/data/build.py",
        "repositories": repos,
        "licence": LICENCE,
        "files": {
            "wof_villages.csv": "placetypes " + ", ".join(PLACETYPES) + " (deprecated records "
                                "skipped); lat/lon: lbl:latitude/lbl:longitude",
            "wof_am_az.geojson": f"{n} country polygons (placetype country), 5 decimals, valid",
        },
        "counts": counts,
        "country_geometry_lastmodified": {
            p["iso_a2"]: datetime.datetime.fromtimestamp(
                p["lastmodified"], datetime.timezone.utc).strftime("%Y-%m-%d")
            for p, _ in countries},
    }
    with open(os.path.join(args.out, "wof.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    for iso in counts:
        print(f"import_wof: {iso}: {counts[iso]}", file=sys.stderr)


if __name__ == "__main__":
    main()
