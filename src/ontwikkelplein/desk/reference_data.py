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
