"""The national content of "Herkennen en doorverwijzen", loaded by the data migration
(desk/migrations/0004_recognition_content.py) so that a fresh installation has it. The KB edits it
afterwards in the back office (/beheer/herkennen/inhoud/); this module is read by the migration and
by tests, never at run time.

Sources (see ../shared/domain-notes.md, section 7): the signal lists of Digitaalhuis Utrecht,
gemeente Leudal, taaltoets.eu and Taalpunten De Bilt; the approach herkennen, bespreekbaar maken,
doorverwijzen (Week van de Alfabetisering, Taalpunten De Bilt); the self-tests and tools of
Stichting Lezen en Schrijven (basismeters.nl), Oefenen.nl and Digisterker. Phrased to describe what
someone does, never what someone is.
"""

# (group, Dutch, English)
SIGNALS = [
    (
        "reading",
        "Zegt: ‘Dat vul ik thuis wel in’ en neemt het formulier mee.",
        "Says ‘I'll fill it in at home’ and takes the form away.",
    ),
    (
        "reading",
        "Heeft een reden om nu niet te lezen: bril vergeten, zere hand, arm in een mitella.",
        "Has a reason not to read now: forgot their glasses, a sore hand, an arm in a sling.",
    ),
    (
        "reading",
        "Vraagt of jij of iemand anders iets wil voorlezen of opschrijven.",
        "Asks you or someone else to read something aloud or write it down.",
    ),
    (
        "reading",
        "De ogen gaan niet langs de regels; kijkt kort naar de tekst en dan weer weg.",
        "The eyes do not follow the lines; glances at the text and looks away.",
    ),
    (
        "reading",
        "Schrijft moeilijk leesbaar of zonder leestekens, of schrijft liever niets op.",
        "Writes in a hard-to-read hand or without punctuation, or prefers not to write at all.",
    ),
    (
        "reading",
        "Komt met brieven die nog dicht zijn, of met een stapel post om ‘even naar te kijken’.",
        "Brings letters that are still unopened, or a pile of post to ‘have a quick look at’.",
    ),
    (
        "digital",
        "Heeft geen e-mailadres, of gebruikt dat van een kind, buurvrouw of hulpverlener.",
        "Has no e-mail address, or uses one of a child, a neighbour or a care worker.",
    ),
    (
        "digital",
        "Heeft nog nooit met DigiD ingelogd, of laat dat altijd iemand anders doen.",
        "Has never logged in with DigiD, or always lets someone else do it.",
    ),
    (
        "digital",
        "Gebruikt de telefoon alleen om te bellen.",
        "Uses the phone only to make calls.",
    ),
    (
        "digital",
        "Heeft moeite met mobiel bankieren, een app of de weg vinden op een website.",
        "Finds mobile banking, an app or finding the way on a website hard.",
    ),
    (
        "digital",
        "Vraagt of jij het ‘even op de computer’ wilt doen.",
        "Asks whether you could ‘just do it on the computer’.",
    ),
    (
        "daily",
        "Komt veel te vroeg of te laat voor een afspraak, of schrijft afspraken niet op.",
        "Arrives far too early or late for an appointment, or does not write appointments down.",
    ),
    (
        "daily",
        "Stelt vragen die al op papier beantwoord zijn, of doet niets met een uitleg op papier.",
        "Asks questions already answered on paper, or does nothing with written instructions.",
    ),
    (
        "daily",
        "Legt een folder of formulier weg zonder te kijken, of levert gevraagde papieren niet in.",
        "Puts a leaflet or form away without looking, or does not hand in requested papers.",
    ),
    (
        "daily",
        "Wordt onrustig, stil of kortaf zodra er iets gelezen of ingevuld moet worden.",
        "Becomes restless, quiet or short as soon as something has to be read or filled in.",
    ),
    (
        "daily",
        "Praat negatief over school, of vertelt dat werk of een opleiding steeds niet lukte.",
        "Speaks negatively about school, or says work or training kept not working out.",
    ),
]

# (Dutch question, English, Dutch hint, English hint)
CHECK_QUESTIONS = [
    (
        "Lukt het om dit soort brieven te lezen?",
        "Are you managing to read letters like this?",
        "Als iemand met een brief komt. Vraag naar de brief, niet naar de persoon.",
        "When someone brings a letter. Ask about the letter, not about the person.",
    ),
    (
        "Hoe regelt u dit soort zaken meestal?",
        "How do you usually arrange things like this?",
        "Open vraag: iemand kan zelf vertellen wie er helpt.",
        "An open question: people can tell you themselves who helps them.",
    ),
    (
        "Helpt iemand u weleens bij het invullen van formulieren?",
        "Does anyone ever help you fill in forms?",
        "Als iemand een formulier mee naar huis wil nemen.",
        "When someone wants to take a form home.",
    ),
    (
        "Veel mensen vinden dit lastig. Zullen we er samen naar kijken?",
        "Many people find this hard. Shall we look at it together?",
        "Maakt het gewoon en biedt meteen hulp.",
        "Makes it ordinary and offers help straight away.",
    ),
    (
        "Zal ik het even voorlezen? Dat doe ik voor iedereen.",
        "Shall I read it out? I do that for everyone.",
        "Als iemand zegt de bril te zijn vergeten.",
        "When someone says they forgot their glasses.",
    ),
    (
        "Doet u dit soort dingen liever op papier of op de computer?",
        "Do you prefer doing things like this on paper or on the computer?",
        "Bij een digitale vraag: zo hoor je hoe het met de computer gaat.",
        "With a digital question: you hear how the computer goes.",
    ),
    (
        "Heeft u al eens met DigiD ingelogd? Hoe ging dat?",
        "Have you logged in with DigiD before? How did that go?",
        "Voor je samen iets bij de overheid regelt.",
        "Before you arrange something with the government together.",
    ),
    (
        "Zou u hier meer in willen oefenen? Daar hebben we in de bibliotheek gratis hulp voor.",
        "Would you like to practise this more? The library has free help for that.",
        "Als iemand zelf vertelt dat het lastig is: bied dan een volgende stap aan.",
        "When someone tells you it is hard: offer a next step.",
    ),
]

# (code, title, English title, listen for, English, colleague, English, colleague role,
#  theme codes, partner sectors)
ROUTES = [
    (
        "lezen-en-schrijven",
        "Lezen en schrijven",
        "Reading and writing",
        "Brieven en formulieren lukken niet, ‘thuis wel invullen’, bril vergeten, laat anderen "
        "lezen.",
        "Letters and forms do not work out, ‘I'll fill it in at home’, forgot glasses, lets "
        "others read.",
        "Taalhuis-coördinator of specialist basisvaardigheden",
        "Taalhuis coordinator or basic skills specialist",
        "taalhuis",
        ["lezen-en-schrijven"],
        ["education", "volunteers"],
    ),
    (
        "digitale-overheid",
        "Digitale overheid en DigiD",
        "Digital government and DigiD",
        "DigiD aanvragen of activeren, berichtenbox, toeslagen, een website van de overheid.",
        "Applying for or activating DigiD, the message box, allowances, a government website.",
        "IDO-medewerker (Informatiepunt Digitale Overheid)",
        "IDO staff member (Digital Government Information Point)",
        "ido",
        ["digitale-overheid"],
        ["national_agency", "municipality"],
    ),
    (
        "geld-en-brieven",
        "Geldzaken en brieven",
        "Money matters and letters",
        "Rekeningen, aanmaningen, een brief van de Belastingdienst of gemeente, ‘ik kom niet "
        "rond’.",
        "Bills, reminders, a letter from the tax office or the municipality, ‘I can't make ends "
        "meet’.",
        "Specialist basisvaardigheden; in maart en april de belastinghulp",
        "Basic skills specialist; the tax help in March and April",
        "specialist_basic_skills",
        ["geldzaken"],
        ["welfare", "municipality"],
    ),
    (
        "nederlands-leren",
        "Nederlands als tweede taal",
        "Dutch as a second language",
        "Spreekt weinig Nederlands, wil beter praten of schrijven, inburgering.",
        "Speaks little Dutch, wants to speak or write better, civic integration.",
        "Taalhuis-coördinator (taalcafé, taalmaatje, NT2-cursus)",
        "Taalhuis coordinator (language café, language buddy, Dutch course)",
        "taalhuis",
        ["nederlands-leren"],
        ["education", "volunteers"],
    ),
    (
        "computer",
        "Computer, tablet en telefoon",
        "Computer, tablet and phone",
        "Telefoon alleen om te bellen, geen e-mailadres, een app of mobiel bankieren lukt niet.",
        "Phone only for calls, no e-mail address, an app or mobile banking does not work.",
        "Specialist basisvaardigheden (Klik & Tik, digicafé)",
        "Basic skills specialist (Klik & Tik, digital café)",
        "specialist_basic_skills",
        ["digitale-vaardigheden"],
        ["volunteers", "welfare"],
    ),
    (
        "rekenen",
        "Rekenen",
        "Numeracy",
        "Moeite met bedragen, de klok of een rooster, laat anderen rekenen.",
        "Finds amounts, the clock or a timetable hard, lets others do the sums.",
        "Taalhuis-coördinator of specialist basisvaardigheden",
        "Taalhuis coordinator or basic skills specialist",
        "taalhuis",
        ["rekenen"],
        ["education", "volunteers"],
    ),
    (
        "voorlezen",
        "Voorlezen en taal voor jonge kinderen",
        "Reading to young children",
        "Een ouder die zelf moeilijk leest, vragen over praten en voorlezen met een baby of "
        "peuter.",
        "A parent who finds reading hard, questions about talking and reading with a baby or "
        "toddler.",
        "BoekStartcoach",
        "BoekStart coach",
        "boekstart",
        ["kinderen-lezen-en-cultuur", "opvoeden-en-gezin"],
        ["care"],
    ),
]

# (name, provider, url, kind, Dutch description, English description)
SELF_TESTS = [
    (
        "Taalmeter 1F/2F",
        "Stichting Lezen en Schrijven",
        "https://basismeters.nl/basismeters/",
        "screening",
        "Online screening van een kwartier die een professional klaarzet. Geen toets: een "
        "indicatie of iemand moeite heeft met lezen. Je organisatie heeft een account nodig.",
        "A fifteen-minute online screening that a professional sets up. Not a test: an "
        "indication of whether someone finds reading hard. Your organisation needs an account.",
    ),
    (
        "Digimeter",
        "Stichting Lezen en Schrijven",
        "https://basismeters.nl/basismeters/",
        "screening",
        "Vier korte online opdrachten: een indicatie of iemand moeite heeft met digitale "
        "vaardigheden. Ook met een account van je organisatie.",
        "Four short online tasks: an indication of whether someone finds digital skills hard. "
        "Also with your organisation's account.",
    ),
    (
        "Taalzelftest en Digizelftest",
        "Stichting Lezen en Schrijven",
        "https://basismeters.nl/veel-gestelde-vragen/",
        "self_test",
        "Zelftests die iemand zelf maakt, om te ontdekken of oefenen zinvol is.",
        "Self-tests people take on their own, to find out whether practising would help.",
    ),
    (
        "Oefenen.nl",
        "Stichting Expertisecentrum Oefenen.nl",
        "https://oefenen.nl/",
        "practice",
        "Gratis online oefenen met lezen, schrijven, rekenen, Nederlands en de computer (ook "
        "Klik & Tik). Veel bibliotheken begeleiden erbij.",
        "Free online practice in reading, writing, numeracy, Dutch and computers (Klik & Tik "
        "too). Many libraries offer guidance.",
    ),
    (
        "Digisterker",
        "Stichting Digisterker",
        "https://www.digisterker.nl/",
        "practice",
        "Cursus ‘Werken met de e-overheid’ in de bibliotheek: DigiD, MijnOverheid en websites "
        "van de overheid.",
        "The course ‘Working with e-government’ at the library: DigiD, MijnOverheid and "
        "government websites.",
    ),
    (
        "Digitaal Hulpplein",
        "Koninklijke Bibliotheek",
        "https://www.digitaalhulpplein.nl/",
        "finder",
        "Digitale hulp en cursussen in de buurt vinden, ook buiten de bibliotheek.",
        "Find digital help and courses nearby, also outside the library.",
    ),
    (
        "Taalzoeker",
        "Stichting Lezen en Schrijven",
        "https://www.taalzoeker.nl/",
        "finder",
        "Taalcursussen en taalhulp in de buurt vinden.",
        "Find language courses and language help nearby.",
    ),
    (
        "Laaggeletterdheid herkennen",
        "Stichting Lezen en Schrijven",
        "https://www.lezenenschrijven.nl/",
        "referrer",
        "Uitleg en trainingen voor professionals over herkennen en doorverwijzen.",
        "Explanation and training for professionals on recognising and referring.",
    ),
]
