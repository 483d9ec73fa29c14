"""The first published wegwijzer (version 1), seeded by a migration so that a new installation
has one from the start; the KB changes it in the back office (/beheer/wegwijzer/versies/).

Answer mappings use the TaxonomyTerm codes of catalogue/reference_data.py. Icons are file names
in static/ontwikkelplein/icons/ (ICONS lists the ones that exist)."""

# Every icon the wegwijzer may use: the drawings in static/ontwikkelplein/icons/.
ICONS = (
    "book",
    "briefcase",
    "calculator",
    "child",
    "circle",
    "course",
    "family",
    "government",
    "heart",
    "helper",
    "home",
    "laptop",
    "person",
    "pin",
    "question",
    "speech",
    "sprout",
    "together",
    "wallet",
)
DEFAULT_ICON = "circle"

# (kind, order, text, referrer text, help text, icon, answers); texts are (Dutch, English).
# answer: (key, (Dutch, English) label, icon, themes, target groups, offer types)
QUESTIONS = [
    (
        "need",
        1,
        ("Waar wil je hulp bij?", "What do you need help with?"),
        ("Waar heeft de bezoeker hulp bij nodig?", "What does the visitor need help with?"),
        (
            "Kies wat het meest past. Je kunt later altijd meer vragen.",
            "Choose what fits best. You can always ask more later.",
        ),
        "question",
        [
            (
                "lezen",
                ("Lezen en schrijven", "Reading and writing"),
                "book",
                ["lezen-en-schrijven"],
                [],
                [],
            ),
            (
                "computer",
                ("De computer of mijn telefoon", "The computer or my phone"),
                "laptop",
                ["digitale-vaardigheden"],
                [],
                [],
            ),
            (
                "overheid",
                ("DigiD, een brief of de overheid", "DigiD, a letter or the government"),
                "government",
                ["digitale-overheid"],
                [],
                [],
            ),
            ("geld", ("Geld en rekeningen", "Money and bills"), "wallet", ["geldzaken"], [], []),
            (
                "nederlands",
                ("Nederlands leren", "Learning Dutch"),
                "speech",
                ["nederlands-leren"],
                [],
                [],
            ),
            ("rekenen", ("Rekenen", "Numbers and sums"), "calculator", ["rekenen"], [], []),
            ("werk", ("Werk zoeken", "Finding work"), "briefcase", ["werk"], [], []),
            (
                "kinderen",
                ("Lezen met mijn kind", "Reading with my child"),
                "child",
                ["kinderen-lezen-en-cultuur", "opvoeden-en-gezin"],
                [],
                [],
            ),
            ("gezondheid", ("Gezondheid", "Health"), "heart", ["gezondheid"], [], []),
        ],
    ),
    (
        "for_whom",
        2,
        ("Voor wie is de hulp?", "Who is the help for?"),
        ("Voor wie zoekt de bezoeker hulp?", "Who is the visitor looking for help for?"),
        ("", ""),
        "family",
        [
            ("ik", ("Voor mezelf", "For myself"), "person", [], [], []),
            (
                "kind",
                ("Voor mijn kind", "For my child"),
                "child",
                [],
                ["kinderen-0-4", "schoolkinderen", "ouders-jonge-kinderen"],
                [],
            ),
            ("iemand", ("Voor iemand die ik help", "For someone I help"), "helper", [], [], []),
        ],
    ),
    (
        "how",
        3,
        ("Hoe leer je het liefst?", "How do you like to learn?"),
        (
            "Hoe wil de bezoeker het liefst geholpen worden?",
            "How would the visitor like to be helped?",
        ),
        ("", ""),
        "sprout",
        [
            (
                "samen",
                ("Iemand die naast me zit en helpt", "Someone next to me who helps"),
                "together",
                [],
                [],
                ["een-op-een", "spreekuur", "formulierenhulp", "cafe"],
            ),
            (
                "cursus",
                ("Een cursus in een groep", "A course in a group"),
                "course",
                [],
                [],
                ["cursus"],
            ),
            ("thuis", ("Zelf oefenen thuis", "Practise at home"), "home", [], [], ["online-leren"]),
        ],
    ),
    (
        "where",
        4,
        ("Waar woon je?", "Where do you live?"),
        ("Waar woont de bezoeker?", "Where does the visitor live?"),
        (
            "Vul je postcode of je woonplaats in. Dan zoeken we hulp dichtbij.",
            "Fill in your postcode or town. Then we look for help near you.",
        ),
        "pin",
        [],
    ),
]

# The resident's texts of version 1 in the other resident languages, plain (B1), keyed by the
# Dutch text: filled into the text_/help_text_/label_<code> columns by
# migrations/0004_wegwijzer_translated.py and seed_translations. docs/public-site.md, "Talen".
# The referrer's wording is for staff and has only English.
TRANSLATION_LANGUAGES = ("ar", "tr", "uk", "pl")
# Dutch: (Arabic, Turkish, Ukrainian, Polish)
TRANSLATIONS = {
    # Question 1 and its answers
    "Waar wil je hulp bij?": (
        "في أي شيء تحتاج إلى مساعدة؟",
        "Ne konuda yardım istiyorsunuz?",
        "З чим вам потрібна допомога?",
        "W czym potrzebujesz pomocy?",
    ),
    "Kies wat het meest past. Je kunt later altijd meer vragen.": (
        "اختر ما يناسبك أكثر. يمكنك دائمًا أن تسأل عن أشياء أخرى لاحقًا.",
        "Size en uygun olanı seçin. Daha sonra her zaman başka şeyler de sorabilirsiniz.",
        "Виберіть те, що підходить найбільше. Пізніше ви завжди можете запитати ще.",
        "Wybierz to, co najbardziej pasuje. Później zawsze możesz zapytać o więcej.",
    ),
    "Lezen en schrijven": (
        "القراءة والكتابة",
        "Okuma ve yazma",
        "Читання і письмо",
        "Czytanie i pisanie",
    ),
    "De computer of mijn telefoon": (
        "الكمبيوتر أو هاتفي",
        "Bilgisayar veya telefonum",
        "Комп’ютер або мій телефон",
        "Komputer albo mój telefon",
    ),
    "DigiD, een brief of de overheid": (
        "DigiD أو رسالة أو الجهات الحكومية",
        "DigiD, bir mektup veya devlet işleri",
        "DigiD, лист або державні установи",
        "DigiD, list albo urząd",
    ),
    "Geld en rekeningen": (
        "المال والفواتير",
        "Para ve faturalar",
        "Гроші та рахунки",
        "Pieniądze i rachunki",
    ),
    "Nederlands leren": (
        "تعلّم اللغة الهولندية",
        "Hollandaca öğrenmek",
        "Вивчення нідерландської мови",
        "Nauka języka niderlandzkiego",
    ),
    "Rekenen": ("الحساب", "Hesap yapmak", "Арифметика", "Liczenie"),
    "Werk zoeken": ("البحث عن عمل", "İş aramak", "Пошук роботи", "Szukanie pracy"),
    "Lezen met mijn kind": (
        "القراءة مع طفلي",
        "Çocuğumla birlikte okumak",
        "Читання з моєю дитиною",
        "Czytanie z moim dzieckiem",
    ),
    "Gezondheid": ("الصحة", "Sağlık", "Здоров’я", "Zdrowie"),
    # Question 2 and its answers
    "Voor wie is de hulp?": (
        "لمن هذه المساعدة؟",
        "Yardım kimin için?",
        "Для кого ця допомога?",
        "Dla kogo jest ta pomoc?",
    ),
    "Voor mezelf": ("لنفسي", "Kendim için", "Для себе", "Dla siebie"),
    "Voor mijn kind": ("لطفلي", "Çocuğum için", "Для моєї дитини", "Dla mojego dziecka"),
    "Voor iemand die ik help": (
        "لشخص أساعده",
        "Yardım ettiğim biri için",
        "Для людини, якій я допомагаю",
        "Dla kogoś, komu pomagam",
    ),
    # Question 3 and its answers
    "Hoe leer je het liefst?": (
        "كيف تحب أن تتعلّم؟",
        "Nasıl öğrenmeyi tercih edersiniz?",
        "Як вам найкраще вчитися?",
        "Jak najchętniej się uczysz?",
    ),
    "Iemand die naast me zit en helpt": (
        "شخص يجلس بجانبي ويساعدني",
        "Yanımda oturup bana yardım eden biri",
        "Людина, яка сидить поруч і допомагає",
        "Ktoś, kto siedzi obok mnie i pomaga",
    ),
    "Een cursus in een groep": (
        "دورة في مجموعة",
        "Grupla bir kurs",
        "Курс у групі",
        "Kurs w grupie",
    ),
    "Zelf oefenen thuis": (
        "أتدرّب وحدي في البيت",
        "Evde kendi kendime çalışmak",
        "Самостійно вправлятися вдома",
        "Samodzielne ćwiczenie w domu",
    ),
    # Question 4
    "Waar woon je?": ("أين تسكن؟", "Nerede oturuyorsunuz?", "Де ви живете?", "Gdzie mieszkasz?"),
    "Vul je postcode of je woonplaats in. Dan zoeken we hulp dichtbij.": (
        "اكتب الرمز البريدي أو اسم مدينتك. بعد ذلك نبحث عن مساعدة قريبة منك.",
        "Posta kodunuzu veya oturduğunuz yeri yazın. Sonra size yakın yardım ararız.",
        "Введіть свій поштовий індекс або місто. Тоді ми знайдемо допомогу поруч.",
        "Wpisz swój kod pocztowy albo miejscowość. Wtedy poszukamy pomocy blisko ciebie.",
    ),
}


def seed_translations(question_model, answer_model) -> int:
    """Fill the empty translation columns of every question and answer (any version) whose Dutch
    text is one of TRANSLATIONS, and their empty English columns from QUESTIONS; what the KB
    typed is left as it is. Takes the model classes so that a data migration can call it."""
    english = {}
    for _kind, _order, text, _referrer, help_text, _icon, answers in QUESTIONS:
        english.update((dutch, en) for dutch, en in (text, help_text) if dutch)
        english.update(label for _key, label, *_rest in answers)
    changed = 0
    for model, fields in (
        (question_model, ("text", "help_text")),
        (answer_model, ("label",)),
    ):
        for row in model.objects.all():
            updated = []
            for field in fields:
                dutch = getattr(row, field)
                names = dict(zip(TRANSLATION_LANGUAGES, TRANSLATIONS.get(dutch, ()), strict=False))
                if dutch in english:
                    names["en"] = english[dutch]
                for lang, value in names.items():
                    name = f"{field}_{lang}"
                    if not getattr(row, name):
                        setattr(row, name, value)
                        updated.append(name)
            if updated:
                row.save(update_fields=updated)
                changed += 1
    return changed
