"""Writes to the places tables: loading the open data files in places/data/.

The functions take the model classes as arguments so data migrations can pass their historical
models; the management command and tests call them without arguments."""

import csv
from pathlib import Path

from django.db import transaction

DATA_DIR = Path(__file__).resolve().parent / "data"
PC4_FILE = DATA_DIR / "pc4.csv"
MUNICIPALITIES_FILE = DATA_DIR / "municipalities.csv"
BATCH_SIZE = 1000

# The same list migration 0002 seeds; here so a flushed database can get them back.
PROVINCES = [
    ("PV20", "Groningen"),
    ("PV21", "Fryslân"),
    ("PV22", "Drenthe"),
    ("PV23", "Overijssel"),
    ("PV24", "Flevoland"),
    ("PV25", "Gelderland"),
    ("PV26", "Utrecht"),
    ("PV27", "Noord-Holland"),
    ("PV28", "Zuid-Holland"),
    ("PV29", "Zeeland"),
    ("PV30", "Noord-Brabant"),
    ("PV31", "Limburg"),
]


def read_postcode_file(path: Path = PC4_FILE) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            {
                "pc4": row["pc4"],
                "town": row["town"],
                "latitude": float(row["latitude"]),
                "longitude": float(row["longitude"]),
            }
            for row in csv.DictReader(fh)
        ]


def load_postcode_areas(model=None, path: Path = PC4_FILE) -> int:
    """Insert or update every PC4 centroid of the data file; returns how many rows it has.
    Idempotent: one upsert per batch, no duplicates, rows not in the file are left alone."""
    if model is None:
        from ontwikkelplein.places.models import PostcodeArea as model  # noqa: N813
    rows = read_postcode_file(path)
    with transaction.atomic():
        for start in range(0, len(rows), BATCH_SIZE):
            model.objects.bulk_create(
                [model(**row) for row in rows[start : start + BATCH_SIZE]],
                update_conflicts=True,
                unique_fields=["pc4"],
                update_fields=["town", "latitude", "longitude"],
            )
    return len(rows)


def read_municipality_file(path: Path = MUNICIPALITIES_FILE) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_municipalities(municipality_model=None, province_model=None, path=MUNICIPALITIES_FILE):
    """Insert or update the municipalities of the data file (by CBS code), and the provinces
    they need; returns the count. Municipalities no longer in the file are kept: locations may
    still point at them."""
    if municipality_model is None:
        from ontwikkelplein.places.models import Municipality as municipality_model  # noqa: N813
    if province_model is None:
        from ontwikkelplein.places.models import Province as province_model  # noqa: N813
    for code, name in PROVINCES:
        province_model.objects.get_or_create(code=code, defaults={"name": name})
    provinces = dict(province_model.objects.values_list("code", "pk"))
    rows = read_municipality_file(path)
    with transaction.atomic():
        municipality_model.objects.bulk_create(
            [
                municipality_model(
                    code=row["code"], name=row["name"], province_id=provinces[row["province_code"]]
                )
                for row in rows
            ],
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["name", "province"],
        )
    return len(rows)
