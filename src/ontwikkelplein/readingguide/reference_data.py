"""The national default label table (the KB keeps it in the admin; a migration seeds it).

There is no single binding national standard for age codes in Dutch public libraries. This default
follows the codes most libraries use, as Bibliotheek Den Haag publishes them ("Een boek voor elke
leeftijd": AB, AP, AK, E, A, B, C, D, AJ, J) with the AVI levels Start, M3 … E7, Plus of the AVI
reading-level system used in primary schools. Where a library differs (Z-O-U-T puts AK from about
3 and C at 12–14), it copies this table and changes it. See docs/desk-knowledge.md."""

SOURCE = (
    "Leeftijdscodes zoals de meeste openbare bibliotheken ze gebruiken, naar Bibliotheek Den Haag, "
    "'Een boek voor elke leeftijd' (bibliotheekdenhaag.nl/jeugd/een-boek-voor-elke-leeftijd.html); "
    "AVI-niveaus Start, M3 … E7 en Plus van het AVI-leesniveausysteem in het basisonderwijs. "
    "Geen landelijke norm: een bibliotheek kan de tabel overnemen en aanpassen."
)

# code, name, age from, age to (None: no limit), AVI levels, meaning (B1), place, tips (B1)
LABELS = [
    (
        "AB",
        "Babyboekjes (BoekStart)",
        0,
        1,
        "",
        "Boekjes voor baby's en dreumesen tot 2 jaar. Van stevig karton, stof of plastic, met "
        "grote, duidelijke plaatjes.",
        "In de BoekStarthoek bij de jeugdafdeling.",
        "Lees elke dag even samen, ook als je baby nog heel klein is. Wijs de plaatjes aan en zeg "
        "wat je ziet. Zingen en praten helpt ook. Met de BoekStart-waardebon wordt je baby gratis "
        "lid en krijg je een koffertje met twee boekjes.",
    ),
    (
        "AP",
        "Prentenboeken voor peuters",
        2,
        3,
        "",
        "Prentenboeken met korte zinnen en veel plaatjes, voor kinderen van 2 en 3 jaar. Om voor "
        "te lezen.",
        "In de bakken met prentenboeken bij de jeugdafdeling.",
        "Peuters willen hetzelfde boek vaak opnieuw horen: dat is goed. Laat je kind de bladzijden "
        "omslaan. Vraag: wat zie je? Wat gebeurt er?",
    ),
    (
        "AK",
        "Prentenboeken voor kleuters",
        4,
        6,
        "",
        "Prentenboeken met een langer verhaal, voor kinderen van 4 tot 6 jaar. Om voor te lezen; "
        "je kind hoeft nog niet zelf te lezen.",
        "In de bakken met prentenboeken, naast de peuterboeken.",
        "Praat samen over het verhaal. Vraag wat er straks gebeurt. Lees ook eens een "
        "informatieboek (AJ) over iets wat je kind leuk vindt, zoals dieren of auto's.",
    ),
    (
        "E",
        "Eerste leesboeken",
        6,
        8,
        "Start M3 E3 M4",
        "Boeken om zelf te leren lezen, voor groep 3 en 4. Op de rug staat het AVI-niveau: dat "
        "zegt hoe moeilijk het boek is.",
        "Bij de eerste leesboeken, op AVI-niveau.",
        "Vraag de school welk AVI-niveau je kind leest. Kies een boek op dat niveau of één niveau "
        "lager: dan blijft lezen leuk. Lees om de beurt een bladzijde. Blijf ook voorlezen.",
    ),
    (
        "A",
        "Leesboeken tot 9 jaar",
        6,
        9,
        "E4 M5 E5",
        "Verhalen voor kinderen tot ongeveer 9 jaar. Om voor te lezen of zelf te lezen.",
        "In de kasten met jeugdboeken A, op de achternaam van de schrijver.",
        "Laat je kind zelf kiezen: over voetbal, paarden of griezels mag. Strips en moppenboeken "
        "tellen ook als lezen.",
    ),
    (
        "B",
        "Leesboeken van 9 tot 12 jaar",
        9,
        12,
        "M6 E6 M7 E7",
        "Verhalen voor kinderen van ongeveer 9 tot 12 jaar, om zelf te lezen.",
        "In de kasten met jeugdboeken B, op de achternaam van de schrijver.",
        "Vraag wat je kind leuk vindt en zoek samen. Een luisterboek is ook goed, zeker als lezen "
        "moeilijk gaat.",
    ),
    (
        "C",
        "Leesboeken vanaf 12 jaar",
        12,
        15,
        "Plus",
        "Verhalen voor tieners vanaf ongeveer 12 jaar.",
        "In de kasten met jeugdboeken C, op de achternaam van de schrijver.",
        "Tieners lezen vaak minder. Laat ze zelf kiezen; ook boeken over een film of serie, of "
        "e-books en luisterboeken in de app van de bibliotheek.",
    ),
    (
        "D",
        "Boeken vanaf 15 jaar (young adult)",
        15,
        18,
        "Plus",
        "Boeken voor jongeren vanaf ongeveer 15 jaar. Soms over moeilijke onderwerpen.",
        "Bij de young adults, tussen jeugd en volwassenen.",
        "Praat samen over wat je kind leest, als het dat wil.",
    ),
    (
        "AJ",
        "Informatieboeken tot 9 jaar",
        4,
        8,
        "",
        "Boeken over echte dingen (dieren, het weer, het lichaam) voor jonge kinderen. Een plaatje "
        "op de rug laat zien waarover het gaat.",
        "Bij de informatieboeken voor jonge kinderen, op onderwerp.",
        "Kies samen een onderwerp dat je kind leuk vindt. Kijk samen naar de plaatjes en lees een "
        "stukje voor.",
    ),
    (
        "J",
        "Informatieboeken vanaf 9 jaar",
        9,
        14,
        "",
        "Boeken over echte dingen voor oudere kinderen, ook voor spreekbeurten en werkstukken.",
        "Bij de informatieboeken voor de jeugd, op onderwerp.",
        "Voor een spreekbeurt helpt de bibliotheek graag zoeken. Vraag het aan de balie.",
    ),
]
