"""The lists the desk registration is seeded with; KB-beheerders edit them in the admin."""

AGENCIES = [
    ("belastingdienst", "Belastingdienst"),
    ("toeslagen", "Dienst Toeslagen"),
    ("uwv", "UWV"),
    ("svb", "SVB"),
    ("duo", "DUO"),
    ("cak", "CAK"),
    ("cjib", "CJIB"),
    ("cbr", "CBR"),
    ("ciz", "CIZ"),
    ("rdw", "RDW"),
    ("huurcommissie", "Huurcommissie"),
    ("lbio", "LBIO"),
    ("rvr", "Raad voor Rechtsbijstand"),
    ("gemeente", "Gemeente"),
    ("zorgverzekeraar", "Zorgverzekeraar"),
    ("bank", "Bank"),
    ("woningcorporatie", "Woningcorporatie"),
    ("overig", "Overig"),
]

# (code, name, group)
TOPICS = [
    ("digid-aanvragen", "DigiD aanvragen", "DigiD"),
    ("digid-activeren", "DigiD activeren", "DigiD"),
    ("digid-app", "DigiD-app", "DigiD"),
    ("digid-machtigen", "DigiD machtigen", "DigiD"),
    ("mijnoverheid", "MijnOverheid en Berichtenbox", ""),
    ("toeslagen", "Toeslagen", ""),
    ("belastingaangifte", "Belastingaangifte", ""),
    ("aow-pensioen", "AOW en pensioen", ""),
    ("uitkering-werk", "Uitkering en werk", ""),
    ("zorg", "Zorg", ""),
    ("studiefinanciering", "Studiefinanciering", ""),
    ("boetes", "Boetes", ""),
    ("rijbewijs-voertuig", "Rijbewijs en voertuig", ""),
    ("wonen-huur", "Wonen en huur", ""),
    ("gemeentelijke-voorzieningen", "Gemeentelijke voorzieningen", ""),
    ("apparaat", "Apparaat gebruiken", ""),
    ("veilig-internet", "Veilig internet en fraude", ""),
    ("overig", "Overig", ""),
]

# Added later (knowledge at the desk, docs/desk-knowledge.md): questions answered with the
# leeswijzer and about BoekStart. (code, name, group)
READING_TOPICS = [
    ("leesadvies", "Leesadvies: welk boek voor welke leeftijd", "Lezen en BoekStart"),
    ("boekstart", "BoekStart", "Lezen en BoekStart"),
]

# The catalogue theme (catalogue/reference_data.py THEMES) each topic's questions ask for: the
# neighbourhood's needs page (needs app) counts desk questions per theme beside the offers of that
# theme. Questions about a government service are the IDO's "digitale overheid" even when the
# subject is money (toeslagen, belastingaangifte): the help they need is with the service. Topics
# without one theme (zorg, overig ...) have none. KB-beheerders change it in the admin.
TOPIC_THEMES = {
    "digid-aanvragen": "digitale-overheid",
    "digid-activeren": "digitale-overheid",
    "digid-app": "digitale-overheid",
    "digid-machtigen": "digitale-overheid",
    "mijnoverheid": "digitale-overheid",
    "toeslagen": "digitale-overheid",
    "belastingaangifte": "digitale-overheid",
    "aow-pensioen": "digitale-overheid",
    "uitkering-werk": "werk",
    "studiefinanciering": "digitale-overheid",
    "boetes": "geldzaken",
    "rijbewijs-voertuig": "digitale-overheid",
    "gemeentelijke-voorzieningen": "digitale-overheid",
    "apparaat": "digitale-vaardigheden",
    "veilig-internet": "digitale-vaardigheden",
    "leesadvies": "kinderen-lezen-en-cultuur",
    "boekstart": "kinderen-lezen-en-cultuur",
}
