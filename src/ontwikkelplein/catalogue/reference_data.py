"""The terms the catalogue is seeded with. KB-beheerders edit them afterwards in the admin;
this module is read by the data migration and by tests, never at run time."""

# (code, Dutch name, English name, icon) — icons are file names in static/ontwikkelplein/icons/.
THEMES = [
    ("lezen-en-schrijven", "Lezen en schrijven", "Reading and writing", "book"),
    ("nederlands-leren", "Nederlands leren", "Learning Dutch", "speech"),
    ("rekenen", "Rekenen", "Numeracy", "calculator"),
    ("digitale-vaardigheden", "Computer, tablet en telefoon", "Digital skills", "laptop"),
    ("digitale-overheid", "Digitale overheid en DigiD", "Digital government", "government"),
    ("geldzaken", "Geldzaken", "Money matters", "wallet"),
    ("gezondheid", "Gezondheid", "Health", "heart"),
    ("werk", "Werk", "Work", "briefcase"),
    ("opvoeden-en-gezin", "Opvoeden en gezin", "Parenting and family", "family"),
    ("persoonlijke-ontwikkeling", "Persoonlijke ontwikkeling", "Personal development", "sprout"),
    (
        "kinderen-lezen-en-cultuur",
        "Lezen en cultuur voor kinderen",
        "Reading and culture for children",
        "child",
    ),
]

TARGET_GROUPS = [
    ("iedereen", "Iedereen", "Everyone"),
    (
        "laaggeletterden",
        "Mensen die moeite hebben met lezen en schrijven",
        "People with low literacy",
    ),
    ("anderstaligen", "Mensen met een andere moedertaal", "Speakers of other languages"),
    (
        "niet-digivaardigen",
        "Mensen die moeite hebben met computers",
        "People with low digital skills",
    ),
    ("65-plussers", "65-plussers", "People over 65"),
    ("ouders-jonge-kinderen", "Ouders van jonge kinderen", "Parents of young children"),
    ("kinderen-0-4", "Kinderen van 0 tot 4 jaar", "Children aged 0-4"),
    ("schoolkinderen", "Schoolkinderen", "School children"),
    ("werkzoekenden", "Werkzoekenden", "Job seekers"),
    ("werkenden", "Werkenden", "Working people"),
    ("nieuwkomers", "Nieuwkomers en inburgeraars", "Newcomers"),
]

OFFER_TYPES = [
    ("cursus", "Cursus", "Course"),
    ("spreekuur", "Spreekuur of advies", "Consultation hour or advice"),
    ("formulierenhulp", "Hulp bij formulieren invullen", "Help with filling in forms"),
    ("informatiebijeenkomst", "Informatiebijeenkomst", "Information meeting"),
    ("cafe", "Taal-, digi- of tabletcafé", "Language, digital or tablet café"),
    ("een-op-een", "Eén-op-één begeleiding (zoals een taalmaatje)", "One-to-one support"),
    ("online-leren", "Online leren (e-learning)", "Online learning"),
    ("activiteit", "Activiteit", "Activity"),
]

# (code, name, English name, parent code)
LEVELS = [
    ("nt1", "Nederlands als eerste taal (NT1)", "Dutch as a first language", None),
    ("nt1-instroom", "NT1 instroom", "NT1 entry level", "nt1"),
    ("nt1-1f", "NT1 niveau 1F", "NT1 level 1F", "nt1"),
    ("nt1-2f", "NT1 niveau 2F", "NT1 level 2F", "nt1"),
    ("nt2", "Nederlands als tweede taal (NT2)", "Dutch as a second language", None),
    ("nt2-a0", "NT2 A0 (beginner)", "NT2 A0", "nt2"),
    ("nt2-a1", "NT2 A1", "NT2 A1", "nt2"),
    ("nt2-a2", "NT2 A2", "NT2 A2", "nt2"),
    ("nt2-b1", "NT2 B1", "NT2 B1", "nt2"),
    ("nt2-b2", "NT2 B2", "NT2 B2", "nt2"),
    ("digitaal", "Digitale vaardigheden", "Digital skills", None),
    ("digitaal-starter", "Digitaal: starter", "Digital: starter", "digitaal"),
    ("digitaal-basis", "Digitaal: basis", "Digital: basic", "digitaal"),
    ("digitaal-gevorderd", "Digitaal: gevorderd", "Digital: advanced", "digitaal"),
]

# The term names in the other resident languages (Arabic, Turkish, Ukrainian, Polish), plain
# (B1); filled into the name_<code> columns by migrations/0017_term_names_translated.py and by
# seed_term_translations. Keyed by term code; docs/public-site.md, "Talen".
# code: (Arabic, Turkish, Ukrainian, Polish)
TERM_TRANSLATIONS = {
    # Themes
    "lezen-en-schrijven": (
        "القراءة والكتابة",
        "Okuma ve yazma",
        "Читання і письмо",
        "Czytanie i pisanie",
    ),
    "nederlands-leren": (
        "تعلّم اللغة الهولندية",
        "Hollandaca öğrenmek",
        "Вивчення нідерландської мови",
        "Nauka języka niderlandzkiego",
    ),
    "rekenen": ("الحساب", "Hesap yapmak", "Арифметика", "Liczenie"),
    "digitale-vaardigheden": (
        "الكمبيوتر والجهاز اللوحي والهاتف",
        "Bilgisayar, tablet ve telefon",
        "Комп’ютер, планшет і телефон",
        "Komputer, tablet i telefon",
    ),
    "digitale-overheid": (
        "الخدمات الحكومية عبر الإنترنت و DigiD",
        "E-devlet işleri ve DigiD",
        "Державні послуги онлайн і DigiD",
        "Sprawy urzędowe przez internet i DigiD",
    ),
    "geldzaken": ("الأمور المالية", "Para işleri", "Гроші та фінанси", "Sprawy finansowe"),
    "gezondheid": ("الصحة", "Sağlık", "Здоров’я", "Zdrowie"),
    "werk": ("العمل", "İş", "Робота", "Praca"),
    "opvoeden-en-gezin": (
        "تربية الأطفال والأسرة",
        "Çocuk yetiştirme ve aile",
        "Виховання дітей і сім’я",
        "Wychowanie dzieci i rodzina",
    ),
    "persoonlijke-ontwikkeling": (
        "التطوّر الشخصي",
        "Kişisel gelişim",
        "Особистий розвиток",
        "Rozwój osobisty",
    ),
    "kinderen-lezen-en-cultuur": (
        "القراءة والثقافة للأطفال",
        "Çocuklar için okuma ve kültür",
        "Читання і культура для дітей",
        "Czytanie i kultura dla dzieci",
    ),
    # Target groups
    "iedereen": ("الجميع", "Herkes", "Усі", "Wszyscy"),
    "laaggeletterden": (
        "أشخاص يجدون صعوبة في القراءة والكتابة",
        "Okumakta ve yazmakta zorlanan kişiler",
        "Люди, яким важко читати і писати",
        "Osoby, którym trudno czytać i pisać",
    ),
    "anderstaligen": (
        "أشخاص لغتهم الأم ليست الهولندية",
        "Ana dili Hollandaca olmayan kişiler",
        "Люди, для яких нідерландська не рідна мова",
        "Osoby, dla których niderlandzki nie jest językiem ojczystym",
    ),
    "niet-digivaardigen": (
        "أشخاص يجدون صعوبة في استخدام الكمبيوتر",
        "Bilgisayar kullanmakta zorlanan kişiler",
        "Люди, яким важко працювати з комп’ютером",
        "Osoby, którym trudno korzystać z komputera",
    ),
    "65-plussers": (
        "من تجاوزوا 65 سنة",
        "65 yaş üstü kişiler",
        "Люди від 65 років",
        "Osoby powyżej 65 lat",
    ),
    "ouders-jonge-kinderen": (
        "آباء وأمهات الأطفال الصغار",
        "Küçük çocuğu olan anne ve babalar",
        "Батьки малих дітей",
        "Rodzice małych dzieci",
    ),
    "kinderen-0-4": (
        "أطفال من 0 إلى 4 سنوات",
        "0-4 yaş arası çocuklar",
        "Діти від 0 до 4 років",
        "Dzieci od 0 do 4 lat",
    ),
    "schoolkinderen": (
        "أطفال المدارس",
        "Okul çağındaki çocuklar",
        "Школярі",
        "Dzieci w wieku szkolnym",
    ),
    "werkzoekenden": (
        "الباحثون عن عمل",
        "İş arayanlar",
        "Люди, які шукають роботу",
        "Osoby szukające pracy",
    ),
    "werkenden": ("العاملون", "Çalışanlar", "Працюючі люди", "Osoby pracujące"),
    "nieuwkomers": (
        "القادمون الجدد والمشاركون في برنامج الاندماج (inburgering)",
        "Yeni gelenler ve uyum programındakiler (inburgering)",
        "Новоприбулі та ті, хто проходить інтеграцію (inburgering)",
        "Nowo przybyli i osoby w trakcie integracji (inburgering)",
    ),
    # Offer types
    "cursus": ("دورة تعليمية", "Kurs", "Курс", "Kurs"),
    "spreekuur": (
        "ساعة استشارة أو نصيحة",
        "Danışma saati veya tavsiye",
        "Консультація або порада",
        "Dyżur lub porada",
    ),
    "formulierenhulp": (
        "مساعدة في ملء الاستمارات",
        "Form doldurmada yardım",
        "Допомога із заповненням бланків",
        "Pomoc w wypełnianiu formularzy",
    ),
    "informatiebijeenkomst": (
        "لقاء إعلامي",
        "Bilgilendirme toplantısı",
        "Інформаційна зустріч",
        "Spotkanie informacyjne",
    ),
    "cafe": (
        "مقهى اللغة أو الكمبيوتر أو الجهاز اللوحي",
        "Dil, dijital veya tablet kafesi",
        "Кафе для мови, комп’ютера або планшета",
        "Kawiarenka językowa, komputerowa lub tabletowa",
    ),
    "een-op-een": (
        "مرافقة فردية (مثل رفيق لغة)",
        "Birebir destek (örneğin bir dil arkadaşı)",
        "Індивідуальна підтримка (наприклад, мовний партнер)",
        "Wsparcie jeden na jeden (na przykład partner językowy)",
    ),
    "online-leren": (
        "التعلّم عبر الإنترنت",
        "İnternetten öğrenme (e-öğrenme)",
        "Навчання онлайн",
        "Nauka przez internet (e-learning)",
    ),
    "activiteit": ("نشاط", "Etkinlik", "Захід", "Zajęcia"),
    # Levels
    "nt1": (
        "الهولندية كلغة أولى (NT1)",
        "Ana dil olarak Hollandaca (NT1)",
        "Нідерландська як рідна мова (NT1)",
        "Niderlandzki jako pierwszy język (NT1)",
    ),
    "nt1-instroom": (
        "NT1 للمبتدئين",
        "NT1 başlangıç",
        "NT1 початковий рівень",
        "NT1 poziom początkowy",
    ),
    "nt1-1f": ("NT1 المستوى 1F", "NT1 seviye 1F", "NT1 рівень 1F", "NT1 poziom 1F"),
    "nt1-2f": ("NT1 المستوى 2F", "NT1 seviye 2F", "NT1 рівень 2F", "NT1 poziom 2F"),
    "nt2": (
        "الهولندية كلغة ثانية (NT2)",
        "İkinci dil olarak Hollandaca (NT2)",
        "Нідерландська як друга мова (NT2)",
        "Niderlandzki jako drugi język (NT2)",
    ),
    "nt2-a0": (
        "NT2 A0 (مبتدئ)",
        "NT2 A0 (başlangıç)",
        "NT2 A0 (для початківців)",
        "NT2 A0 (dla początkujących)",
    ),
    # The European levels are the same everywhere.
    "nt2-a1": ("NT2 A1", "NT2 A1", "NT2 A1", "NT2 A1"),
    "nt2-a2": ("NT2 A2", "NT2 A2", "NT2 A2", "NT2 A2"),
    "nt2-b1": ("NT2 B1", "NT2 B1", "NT2 B1", "NT2 B1"),
    "nt2-b2": ("NT2 B2", "NT2 B2", "NT2 B2", "NT2 B2"),
    "digitaal": (
        "المهارات الرقمية",
        "Dijital beceriler",
        "Цифрові навички",
        "Umiejętności cyfrowe",
    ),
    "digitaal-starter": (
        "المهارات الرقمية: مبتدئ",
        "Dijital: yeni başlayan",
        "Цифрові навички: для початківців",
        "Umiejętności cyfrowe: początkujący",
    ),
    "digitaal-basis": (
        "المهارات الرقمية: أساسي",
        "Dijital: temel",
        "Цифрові навички: базовий рівень",
        "Umiejętności cyfrowe: podstawowy",
    ),
    "digitaal-gevorderd": (
        "المهارات الرقمية: متقدّم",
        "Dijital: ileri",
        "Цифрові навички: високий рівень",
        "Umiejętności cyfrowe: zaawansowany",
    ),
}
TERM_TRANSLATION_LANGUAGES = ("ar", "tr", "uk", "pl")

PROGRAMMES = [
    ("ido", "Informatiepunt Digitale Overheid (IDO)"),
    ("taalhuis", "(Digi)Taalhuis"),
    ("boekstart", "BoekStart"),
    ("bibliotheek-op-school", "de Bibliotheek op school"),
    ("belastinghulp", "Belastinghulp"),
    ("ontwikkelplein", "Ontwikkelplein"),
    ("digisterker", "Digisterker"),
    ("klik-en-tik", "Klik & Tik"),
]

SYNONYMS = [
    "digid, inloggen overheid, inlogcode, mijnoverheid",
    "aangifte, belastingaangifte, inkomstenbelasting, belasting",
    "toeslag, zorgtoeslag, huurtoeslag, kinderopvangtoeslag, toeslagen",
    "computer, pc, laptop",
    "telefoon, smartphone, mobiel",
    "taalcafé, taalcafe, praatgroep",
    "taalmaatje, maatje",
    "baby, dreumes, peuter",
    "voorlezen, voorleesuurtje",
    "solliciteren, vacature, baan",
    "geldzaken, schulden, budget, rondkomen",
    "formulieren, formulier, invulhulp",
]

# The national needs vocabulary (behoeftewoordenlijst, catalogue.NeedPhrase): how residents
# write what they need, mapped to words the offers use, themes and offer types. Seeded by
# migrations/0008_need_phrases_national_set.py and load_demo; the KB edits it in the back office
# afterwards (a phrase it changed or removed is not put back). Written for how residents type:
# sentences, without capitals, with "m'n" and without accents.
# (language, phrase, catalogue words (comma-separated), theme codes, offer type codes)
_READ = ("lezen-en-schrijven",)
_DUTCH = ("nederlands-leren",)
_MATH = ("rekenen",)
_DIGI = ("digitale-vaardigheden",)
_GOV = ("digitale-overheid",)
_MONEY = ("geldzaken",)
_HEALTH = ("gezondheid",)
_WORK = ("werk",)
_FAMILY = ("opvoeden-en-gezin",)
_KIDS = ("kinderen-lezen-en-cultuur",)
_ME = ("persoonlijke-ontwikkeling",)
_FORMS = ("formulierenhulp",)
_HOUR = ("spreekuur",)
_COURSE = ("cursus",)
_CAFE = ("cafe",)
_BUDDY = ("een-op-een",)
_ONLINE = ("online-leren",)

NEED_PHRASES = [
    # --- Reading and writing (nl) ---
    ("nl", "ik kan niet goed lezen", "lezen, schrijven, taalhuis", _READ, ()),
    ("nl", "ik kan niet lezen", "lezen, schrijven, taalhuis", _READ, ()),
    ("nl", "ik kan niet goed schrijven", "schrijven, lezen, taalhuis", _READ, ()),
    ("nl", "moeite met lezen", "lezen, schrijven, taalhuis", _READ, ()),
    ("nl", "moeite met schrijven", "schrijven, lezen, taalhuis", _READ, ()),
    ("nl", "beter leren lezen", "lezen, schrijven", _READ, _COURSE),
    ("nl", "beter leren schrijven", "schrijven, lezen", _READ, _COURSE),
    ("nl", "lezen en schrijven", "lezen, schrijven", _READ, ()),
    ("nl", "spelling", "schrijven, taal", _READ, ()),
    ("nl", "ik maak veel fouten", "schrijven, taal", _READ, ()),
    ("nl", "laaggeletterd", "lezen, schrijven, taalhuis", _READ, ()),
    ("nl", "ik snap de brief niet", "brief, brieven, formulier, post", _READ + _GOV, _FORMS),
    ("nl", "ik begrijp de brief niet", "brief, brieven, formulier, post", _READ + _GOV, _FORMS),
    ("nl", "brief van de gemeente", "brief, brieven, formulier, gemeente", _GOV, _FORMS),
    ("nl", "brief van de belastingdienst", "brief, belasting, aangifte", _MONEY + _GOV, _FORMS),
    ("nl", "moeilijke brief", "brief, brieven, formulier", _READ, _FORMS),
    ("nl", "post lezen", "post, brief, papieren", _READ + _MONEY, _FORMS),
    ("nl", "formulier invullen", "formulier, invullen", _GOV, _FORMS),
    ("nl", "papieren", "papieren, post, administratie", _MONEY, _FORMS),
    ("nl", "administratie", "administratie, papieren, post", _MONEY, _FORMS),
    ("nl", "rekenen", "rekenen", _MATH, ()),
    ("nl", "ik kan niet goed rekenen", "rekenen", _MATH, ()),
    ("nl", "moeite met rekenen", "rekenen", _MATH, ()),
    # --- Dutch as a second language (nl) ---
    ("nl", "nederlands leren", "nederlands, taal, nt2", _DUTCH, ()),
    ("nl", "beter nederlands spreken", "nederlands, praten, taal", _DUTCH, ()),
    ("nl", "nederlands oefenen", "nederlands, praten, taalcafe, taalmaatje", _DUTCH, ()),
    ("nl", "nederlandse les", "nederlands, les, cursus", _DUTCH, _COURSE),
    ("nl", "taalles", "nederlands, les, taal", _DUTCH, _COURSE),
    ("nl", "de taal leren", "nederlands, taal", _DUTCH, ()),
    ("nl", "praten met anderen", "praten, taalcafe, praatgroep", _DUTCH, _CAFE),
    ("nl", "inburgeren", "inburgering, nederlands, taal", _DUTCH, ()),
    ("nl", "inburgering", "inburgering, nederlands, taal", _DUTCH, ()),
    ("nl", "ik spreek geen nederlands", "nederlands, taal", _DUTCH, ()),
    # --- Computer, phone, internet (nl) ---
    ("nl", "mijn oma kan niet met de computer", "computer, tablet, internet", _DIGI, ()),
    ("nl", "mijn opa kan niet met de computer", "computer, tablet, internet", _DIGI, ()),
    ("nl", "mijn moeder kan niet met de computer", "computer, tablet, internet", _DIGI, ()),
    ("nl", "ik kan niet met de computer", "computer, tablet, internet", _DIGI, ()),
    ("nl", "leren werken met de computer", "computer, internet", _DIGI, _COURSE),
    ("nl", "computerles", "computer, internet", _DIGI, _COURSE),
    ("nl", "mijn telefoon", "telefoon, smartphone", _DIGI, ()),
    ("nl", "hulp met mijn telefoon", "telefoon, smartphone", _DIGI, ()),
    ("nl", "mijn telefoon doet raar", "telefoon, smartphone", _DIGI, ()),
    ("nl", "whatsapp", "telefoon, smartphone, appen", _DIGI, ()),
    ("nl", "apps", "telefoon, smartphone, appen", _DIGI, ()),
    ("nl", "ipad", "tablet", _DIGI, ()),
    ("nl", "mail", "e-mail, computer, internet", _DIGI, ()),
    ("nl", "e-mail sturen", "e-mail, computer, internet", _DIGI, ()),
    ("nl", "foto's versturen", "foto, telefoon, smartphone", _DIGI, ()),
    ("nl", "veilig internetten", "veilig, internet, nepberichten", _DIGI, ()),
    ("nl", "nepmail", "nepberichten, veilig, internet", _DIGI, ()),
    ("nl", "oplichting", "oplichters, nepberichten, veilig", _DIGI, ()),
    ("nl", "online bankieren", "bank, internet, veilig", _DIGI + _MONEY, ()),
    # --- Government online (nl) ---
    ("nl", "digid aanvragen", "digid, inloggen overheid", _GOV, _HOUR),
    ("nl", "digid werkt niet", "digid, inloggen overheid", _GOV, _HOUR),
    ("nl", "inloggen bij de gemeente", "digid, inloggen overheid, gemeente", _GOV, _HOUR),
    ("nl", "mijn overheid", "mijnoverheid, digid, overheid", _GOV, _HOUR),
    ("nl", "zaken met de overheid", "overheid, digid", _GOV, _HOUR),
    ("nl", "toeslagen", "toeslag, toeslagen", _MONEY + _GOV, _HOUR),
    ("nl", "zorgtoeslag aanvragen", "zorgtoeslag, toeslag", _MONEY + _GOV, _HOUR),
    ("nl", "huurtoeslag aanvragen", "huurtoeslag, toeslag", _MONEY + _GOV, _HOUR),
    ("nl", "kinderbijslag", "kinderbijslag, svb", _MONEY + _GOV, _HOUR),
    ("nl", "aow", "aow, svb, pensioen", _MONEY + _GOV, _HOUR),
    ("nl", "pensioen", "aow, pensioen, svb", _MONEY, _HOUR),
    ("nl", "uitkering", "uitkering, uwv, werk", _MONEY + _WORK, _HOUR),
    ("nl", "belasting", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("nl", "belastingaangifte doen", "belastingaangifte, aangifte, belasting", _MONEY, _HOUR),
    ("nl", "aangifte doen", "aangifte, belasting", _MONEY, _HOUR),
    ("nl", "blauwe envelop", "belasting, aangifte, brief", _MONEY + _GOV, _HOUR),
    ("nl", "paspoort", "paspoort, gemeente, overheid", _GOV, ()),
    ("nl", "rijbewijs verlengen", "rijbewijs, gemeente, overheid", _GOV, ()),
    # --- Money (nl) ---
    ("nl", "geldzorgen", "geldzorgen, geldzaken, schulden", _MONEY, ()),
    ("nl", "ik kom niet rond", "rondkomen, geldzaken, geldzorgen", _MONEY, ()),
    ("nl", "geld tekort", "geldzorgen, rondkomen, geldzaken", _MONEY, ()),
    ("nl", "schulden", "schulden, geldzorgen, schuldhulpmaatje", _MONEY, ()),
    ("nl", "ik heb schulden", "schulden, geldzorgen, schuldhulpmaatje", _MONEY, ()),
    ("nl", "rekeningen betalen", "rekeningen, geldzaken, betalen", _MONEY, ()),
    ("nl", "ik kan mijn rekeningen niet betalen", "rekeningen, schulden, geldzorgen", _MONEY, ()),
    ("nl", "budget", "budget, geldzaken, rondkomen", _MONEY, ()),
    ("nl", "overzicht in mijn geld", "overzicht, geldzaken, administratie", _MONEY, ()),
    ("nl", "geldloket", "geldloket, geldzaken", _MONEY, _HOUR),
    # --- Work (nl) ---
    ("nl", "ik zoek werk", "werk, vacatures, solliciteren", _WORK, ()),
    ("nl", "werk zoeken", "werk, vacatures, solliciteren", _WORK, ()),
    ("nl", "een baan vinden", "werk, vacatures, solliciteren", _WORK, ()),
    ("nl", "sollicitatiebrief schrijven", "sollicitatiebrief, solliciteren, cv", _WORK, ()),
    ("nl", "cv maken", "cv, solliciteren", _WORK, ()),
    ("nl", "solliciteren", "solliciteren, sollicitatiebrief, cv", _WORK, ()),
    ("nl", "taal op het werk", "werk, werkvloer, nederlands", _WORK + _DUTCH, ()),
    # --- Children and family (nl) ---
    ("nl", "voorlezen aan mijn kind", "voorlezen, kind, boeken", _KIDS + _FAMILY, ()),
    ("nl", "voorlezen", "voorlezen, voorleesexpress, boekstart", _KIDS, ()),
    ("nl", "mijn kind leest niet graag", "voorlezen, lezen, kind", _KIDS, ()),
    ("nl", "mijn kind kan niet goed lezen", "lezen, kind, huiswerk", _KIDS, ()),
    ("nl", "boekjes voor mijn baby", "baby, boekstart, voorlezen", _KIDS, ()),
    ("nl", "huiswerk", "huiswerk, huiswerkhulp", _KIDS, ()),
    ("nl", "hulp met huiswerk", "huiswerk, huiswerkhulp", _KIDS, ()),
    ("nl", "opvoeding", "opvoeden, ouders", _FAMILY, ()),
    ("nl", "mijn kind luistert niet", "opvoeden, ouders", _FAMILY, ()),
    # --- Health and other (nl) ---
    ("nl", "naar de dokter online", "gezondheid, online, huisarts", _HEALTH + _DIGI, ()),
    ("nl", "afspraak bij de huisarts", "huisarts, gezondheid", _HEALTH, ()),
    ("nl", "gezond leven", "gezondheid, gezond", _HEALTH, ()),
    ("nl", "eenzaam", "samen, activiteit, praten", _ME, ()),
    ("nl", "iets leren", "leren, cursus", _ME, _COURSE),
    ("nl", "vrijwilliger worden", "vrijwilliger, vrijwilligers", _ME, ()),
    ("nl", "iemand om mee te oefenen", "taalmaatje, maatje, oefenen", _DUTCH, _BUDDY),
    ("nl", "thuis oefenen", "oefenen, online, thuis", (), _ONLINE),
    # --- English: phrases and the domain's common words ---
    ("en", "help with reading", "lezen, schrijven, taalhuis", _READ, ()),
    ("en", "i cannot read well", "lezen, schrijven, taalhuis", _READ, ()),
    ("en", "read", "lezen", _READ, ()),
    ("en", "reading", "lezen", _READ, ()),
    ("en", "write", "schrijven", _READ, ()),
    ("en", "writing", "schrijven", _READ, ()),
    ("en", "letter", "brief, brieven", _READ, _FORMS),
    ("en", "letters", "brief, brieven", _READ, _FORMS),
    ("en", "form", "formulier", _GOV, _FORMS),
    ("en", "forms", "formulieren", _GOV, _FORMS),
    ("en", "fill in a form", "formulier, invullen", _GOV, _FORMS),
    ("en", "learn dutch", "nederlands, taal, nt2", _DUTCH, ()),
    ("en", "dutch", "nederlands", _DUTCH, ()),
    ("en", "dutch lessons", "nederlands, les, cursus", _DUTCH, _COURSE),
    ("en", "language", "taal", _DUTCH, ()),
    ("en", "speak dutch", "nederlands, praten", _DUTCH, ()),
    ("en", "computer", "computer", _DIGI, ()),
    ("en", "computer course", "computer, cursus", _DIGI, _COURSE),
    ("en", "phone", "telefoon, smartphone", _DIGI, ()),
    ("en", "my phone", "telefoon, smartphone", _DIGI, ()),
    ("en", "smartphone", "smartphone, telefoon", _DIGI, ()),
    ("en", "mobile", "telefoon, smartphone", _DIGI, ()),
    ("en", "email", "e-mail, computer", _DIGI, ()),
    ("en", "online safety", "veilig, internet", _DIGI, ()),
    ("en", "government", "overheid, digid", _GOV, ()),
    ("en", "government website", "overheid, digid, inloggen overheid", _GOV, _HOUR),
    ("en", "tax", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("en", "taxes", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("en", "tax return", "belastingaangifte, aangifte, belasting", _MONEY + _GOV, _HOUR),
    ("en", "benefits", "toeslag, uitkering", _MONEY + _GOV, _HOUR),
    ("en", "allowance", "toeslag", _MONEY + _GOV, _HOUR),
    ("en", "healthcare allowance", "zorgtoeslag, toeslag", _MONEY + _GOV, _HOUR),
    ("en", "rent benefit", "huurtoeslag, toeslag", _MONEY + _GOV, _HOUR),
    ("en", "money", "geld, geldzaken", _MONEY, ()),
    ("en", "money problems", "geldzorgen, geldzaken, schulden", _MONEY, ()),
    ("en", "debt", "schulden, geldzorgen", _MONEY, ()),
    ("en", "debts", "schulden, geldzorgen", _MONEY, ()),
    ("en", "bills", "rekeningen, geldzaken", _MONEY, ()),
    ("en", "job", "werk, vacatures, solliciteren", _WORK, ()),
    ("en", "work", "werk", _WORK, ()),
    ("en", "find a job", "werk, vacatures, solliciteren", _WORK, ()),
    ("en", "apply for a job", "solliciteren, sollicitatiebrief, cv", _WORK, ()),
    ("en", "course", "cursus", (), _COURSE),
    ("en", "class", "cursus, les", (), _COURSE),
    ("en", "lessons", "les, cursus", (), _COURSE),
    ("en", "child", "kind, kinderen", _KIDS + _FAMILY, ()),
    ("en", "children", "kinderen, kind", _KIDS + _FAMILY, ()),
    ("en", "read to my child", "voorlezen, kind", _KIDS, ()),
    ("en", "homework", "huiswerk, huiswerkhulp", _KIDS, ()),
    ("en", "parenting", "opvoeden, ouders", _FAMILY, ()),
    ("en", "library", "bibliotheek", (), ()),
    ("en", "health", "gezondheid", _HEALTH, ()),
    ("en", "doctor", "huisarts, gezondheid", _HEALTH, ()),
    ("en", "maths", "rekenen", _MATH, ()),
    ("en", "math", "rekenen", _MATH, ()),
    # --- Arabic ---
    ("ar", "تعلم اللغة الهولندية", "nederlands, taal, nt2", _DUTCH, ()),
    ("ar", "الهولندية", "nederlands", _DUTCH, ()),
    ("ar", "القراءة", "lezen", _READ, ()),
    ("ar", "رسالة", "brief, brieven", _READ, _FORMS),
    ("ar", "هاتف", "telefoon, smartphone", _DIGI, ()),
    ("ar", "الكمبيوتر", "computer", _DIGI, ()),
    ("ar", "ضرائب", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("ar", "ديون", "schulden, geldzorgen", _MONEY, ()),
    ("ar", "عمل", "werk, vacatures", _WORK, ()),
    # --- Turkish ---
    ("tr", "hollandaca öğrenmek", "nederlands, taal, nt2", _DUTCH, ()),
    ("tr", "hollandaca", "nederlands", _DUTCH, ()),
    ("tr", "okuma", "lezen", _READ, ()),
    ("tr", "mektup", "brief, brieven", _READ, _FORMS),
    ("tr", "telefon", "telefoon, smartphone", _DIGI, ()),
    ("tr", "bilgisayar", "computer", _DIGI, ()),
    ("tr", "vergi", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("tr", "borç", "schulden, geldzorgen", _MONEY, ()),
    ("tr", "iş arıyorum", "werk, vacatures, solliciteren", _WORK, ()),
    # --- Ukrainian ---
    ("uk", "вивчити нідерландську", "nederlands, taal, nt2", _DUTCH, ()),
    ("uk", "нідерландська мова", "nederlands, taal", _DUTCH, ()),
    ("uk", "читання", "lezen", _READ, ()),
    ("uk", "лист", "brief, brieven", _READ, _FORMS),
    ("uk", "телефон", "telefoon, smartphone", _DIGI, ()),
    ("uk", "комп'ютер", "computer", _DIGI, ()),
    ("uk", "податки", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("uk", "борги", "schulden, geldzorgen", _MONEY, ()),
    ("uk", "робота", "werk, vacatures", _WORK, ()),
    # --- Polish ---
    ("pl", "nauka niderlandzkiego", "nederlands, taal, nt2", _DUTCH, ()),
    ("pl", "niderlandzki", "nederlands", _DUTCH, ()),
    ("pl", "czytanie", "lezen", _READ, ()),
    ("pl", "list", "brief, brieven", _READ, _FORMS),
    ("pl", "telefon", "telefoon, smartphone", _DIGI, ()),
    ("pl", "komputer", "computer", _DIGI, ()),
    ("pl", "podatki", "belasting, aangifte", _MONEY + _GOV, _HOUR),
    ("pl", "długi", "schulden, geldzorgen", _MONEY, ()),
    ("pl", "praca", "werk, vacatures", _WORK, ()),
]


def seed_need_phrases(need_phrase_model, term_model) -> int:
    """Add the national set's phrases that are missing (by language and words); a phrase the KB
    already has, changed or deactivated, is left as it is. Works on the migration's historical
    models and on the real ones (load_demo). Returns how many were added."""
    from ontwikkelplein.catalogue.search.analysis import words  # pure Python, no models

    terms = {
        (slug, code): term
        for term, slug, code in (
            (t, t.taxonomy.slug, t.code) for t in term_model.objects.select_related("taxonomy")
        )
    }
    existing = set(need_phrase_model.objects.values_list("language", "key"))
    added = 0
    for language, phrase, mapped, themes, offer_types in NEED_PHRASES:
        key = " ".join(words(phrase))[:200]
        if (language, key) in existing:
            continue
        existing.add((language, key))
        row = need_phrase_model(phrase=phrase, key=key, language=language, words=mapped)
        row.save()
        row.themes.set([terms[("thema", c)] for c in themes if ("thema", c) in terms])
        row.offer_types.set(
            [terms[("aanbodsoort", c)] for c in offer_types if ("aanbodsoort", c) in terms]
        )
        added += 1
    return added


# The national word list for automatic classification (TaxonomyTerm.keywords, see
# catalogue/classification.py): per term, the words and short phrases in an offer's title,
# summary or description that say it is about that term. Matched on the search's stems (so
# "lessen" matches "les" and "computercursus" its parts), a phrase when all its words occur.
# A word followed by ":<weight>" counts that many times (default 1); keep strong, unambiguous
# words heavy and words that also occur in other offers light. Seeded by
# migrations/0012_term_keywords_national_set.py; the KB edits them afterwards in the back office
# (a list it changed is not put back).
TERM_KEYWORDS = {
    ("thema", "lezen-en-schrijven"): (
        "lezen:2, schrijven:2, laaggeletterd:3, laaggeletterdheid:3, geletterdheid:2, spelling,"
        " makkelijk lezen:2, leesclub, brieven lezen, taalhuis, boek, boeken, lezer, schrijfles"
    ),
    ("thema", "nederlands-leren"): (
        "nederlands:2, nederlands leren:3, nederlands praten:3, taalcafe:3, taalcafé:3,"
        " taalmaatje:3, taalcoach:3, praatgroep:3, nt2:3, inburgering:2, inburgeren:2,"
        " anderstalig:2, taal:1.5, spreekvaardigheid, woordenschat, uitspraak, taalles:2"
    ),
    ("thema", "rekenen"): (
        "rekenen:3, rekenles:3, getallen:2, sommen, rekenvaardigheid:3, cijfers, breuken,"
        " procenten, korting:0.5"
    ),
    ("thema", "digitale-vaardigheden"): (
        "computer:2, computerles:3, computercursus:3, tablet:2, telefoon:1.5, smartphone:2,"
        " laptop:2, internet:1.5, internetten:2, e-mail:1.5, mailen, muis, toetsenbord:2,"
        " digicafe:3, digicafé:3, tabletcafe:3, tabletcafé:3, klik tik:3, seniorweb:2, app,"
        " apps, appen, whatsapp, windows, wifi, programmeren:2, digitaal:1, digitale"
        " vaardigheden:3, nepmail:2, nepberichten:2, phishing:2, oplichters, veilig internetten:3,"
        " online:0.5, printen, scannen, foto's"
    ),
    ("thema", "digitale-overheid"): (
        "digid:3, mijnoverheid:3, digitale overheid:4, overheid:2, e-overheid:3, ido:3,"
        " informatiepunt digitale overheid:4, toeslag:2, zorgtoeslag:2, huurtoeslag:2,"
        " toeslagen:2, gemeente:1, belastingdienst:1.5, svb:2, uwv:1, aow:1.5, kinderbijslag:1,"
        " duo, rijbewijs, paspoort, machtiging:2, machtigen:2, digisterker:3"
    ),
    ("thema", "geldzaken"): (
        "geld:2, geldzaken:3, geldzorgen:3, schulden:3, schuld:2, schuldhulp:3,"
        " schuldhulpmaatje:3, budget:2, budgetteren:2, rondkomen:3, inkomen:2, besparen:2,"
        " rekeningen:2, administratie:2, thuisadministratie:3, papieren:1, belasting:2,"
        " belastingaangifte:3, aangifte:2, inkomstenbelasting:3, geldloket:3, geldfit:3,"
        " grip op je geld:3, betalen, huur, armoede:2, energietoeslag"
    ),
    ("thema", "gezondheid"): (
        "gezondheid:3, gezond:2, huisarts:2, zorg:1, zorgverzekering:2, medicijnen:2,"
        " ziekenhuis:2, bewegen:1.5, voeding:1.5, zorgcentrum:1, dokter:2, patiëntenportaal:2,"
        " mantelzorg:2, mantelzorger:2, eenzaamheid, welzijn, dementie:2, jeugdverpleegkundige:1,"
        " gezondheidsvaardigheden:3, thuisarts:2"
    ),
    ("thema", "werk"): (
        "werk:2, solliciteren:3, sollicitatie:3, sollicitatiebrief:3, cv:3, vacature:3,"
        " vacatures:3, baan:2, werkzoekend:2, werkzoekenden:2, werkcafe:3, werkcafé:3,"
        " werkvloer:2, werkgever:2, werknemer:1, loopbaan:2, beroep:1, uitkering:1, uwv:1,"
        " linkedin:2, sollicitatiegesprek:3, werkervaring:2, stage"
    ),
    ("thema", "opvoeden-en-gezin"): (
        "opvoeden:3, opvoeding:3, ouders:2, ouder:1.5, gezin:2, baby:2, peuter:2, peuters:2,"
        " dreumes:2, kind:1, kinderen:1, driftbuien:2, slapen:0.5, jeugdverpleegkundige:2,"
        " consultatiebureau:2, zwanger:2, boekstart:2, voorlezen:1, samen met je kind:2,"
        " thuis met je kind:2, gezinnen:2"
    ),
    ("thema", "persoonlijke-ontwikkeling"): (
        "persoonlijke ontwikkeling:4, ontwikkeling:1, studiekring:3, studiekring50plus:3,"
        " engels:2, presenteren:2, cursussen:0.5, leren:0.5, filosofie:2, lezing:1.5,"
        " discussie:1.5, onderwerp:1, talen:1, creatief:2, schilderen:2, geheugen, mindfulness:2,"
        " zelfvertrouwen:2, excel:1.5, training:1, vrijwilligers:0.5, professionals:1"
    ),
    ("thema", "kinderen-lezen-en-cultuur"): (
        "kinderen:2, kind:1, voorlezen:3, voorleesuurtje:3, voorleesexpress:3, dreumesuurtje:3,"
        " huiswerk:3, huiswerkhulp:3, huiswerkbegeleiding:3, groep 5:2, basisschool:2,"
        " schoolkinderen:3, leesplezier:3, prentenboek:3, jeugd:1.5, kinderboeken:3, baby:1,"
        " peuters:1, codeerclub:2, scratch:2, robots:1, knutselen:2, leesclub:1, boekstart:2,"
        " groep 8:1, jongeren:1"
    ),
    ("doelgroep", "iedereen"): "iedereen:2, alle inwoners:2, voor jong en oud:2",
    ("doelgroep", "laaggeletterden"): (
        "laaggeletterd:3, laaggeletterden:3, moeite met lezen:3, moeite met schrijven:3,"
        " moeite hebben met lezen:3, beter lezen:2, beter leren lezen:2, lezen en schrijven:2,"
        " makkelijk lezen:2, taalhuis:2, moeilijke brieven:2, spreekt nederlands:2"
    ),
    ("doelgroep", "anderstaligen"): (
        "anderstalig:3, anderstaligen:3, andere moedertaal:3, andere taal:2, nt2:3,"
        " nederlands leren:2, nederlands praten:2, nederlands oefenen:2, taalcafe:2, taalcafé:2,"
        " taalmaatje:2, taalcoach:2, praatgroep:2, oefen nederlands:2"
    ),
    ("doelgroep", "niet-digivaardigen"): (
        "beginners:2, beginner:2, nog nooit:2, basis:1, starten met de computer:3, stap voor"
        " stap:1, muis:2, toetsenbord:2, digicafe:2, digicafé:2, tabletcafe:2, tabletcafé:2,"
        " klik tik:3, digisterker:3, digid:1, op weg:1, eigen tempo:1, moeite met computers:3"
    ),
    ("doelgroep", "65-plussers"): (
        "senioren:3, 65-plussers:3, 65plus:3, ouderen:3, 50plus:3, studiekring50plus:3, aow:2,"
        " pensioen:2, seniorweb:3, zorgcentrum:2, opa:2, oma:2, ouder worden:2"
    ),
    ("doelgroep", "ouders-jonge-kinderen"): (
        "ouders:2, baby:2, peuter:2, peuters:2, dreumes:2, jonge kinderen:3, opvoeden:2,"
        " opvoeding:2, kinderbijslag:2, met je kind:2, jeugdverpleegkundige:2, voorleestips:2,"
        " boekstart:2, consultatiebureau:2, gezin:1"
    ),
    ("doelgroep", "kinderen-0-4"): (
        "baby:3, baby's:3, peuter:3, peuters:3, dreumes:3, dreumesuurtje:3, kleinsten:3,"
        " tot 4 jaar:3, 0 tot 4:3, boekstart:3, kinderdagverblijf:2, voorleesuurtje:1"
    ),
    ("doelgroep", "schoolkinderen"): (
        "schoolkinderen:3, groep 5:3, groep 8:3, basisschool:3, huiswerk:3, huiswerkhulp:3,"
        " scholieren:3, leerlingen:2, 9 tot 12 jaar:3, codeerclub:2, kinderen van:1,"
        " voorleesexpress:2, school:1"
    ),
    ("doelgroep", "werkzoekenden"): (
        "werkzoekend:3, werkzoekenden:3, solliciteren:3, sollicitatie:3, sollicitatiebrief:3,"
        " vacature:3, vacatures:3, cv:2, baan zoeken:3, werk zoeken:3, zoeken naar werk:3,"
        " uitkering:2, uwv:1, geldzorgen:0.5, rondkomen:1, besparen:0.5, werkcafe:3, werkcafé:3"
    ),
    ("doelgroep", "werkenden"): (
        "werkenden:3, werknemers:3, werkvloer:3, werktijd:3, werkgever:2, collega's:2, op je"
        " werk:3, professionals:2, medewerkers:1, vrijwilligers en professionals:2, loopbaan:1,"
        " presenteren:1, excel:1"
    ),
    ("doelgroep", "nieuwkomers"): (
        "nieuwkomers:3, nieuwkomer:3, statushouders:3, statushouder:3, inburgering:3,"
        " inburgeren:3, inburgeraars:3, vluchtelingen:3, vluchtelingenwerk:3,"
        " verblijfsvergunning:3, net in nederland:3, nt2:1, taalcafe:1, taalcafé:1, taalmaatje:1,"
        " praatgroep:1"
    ),
    ("aanbodsoort", "cursus"): (
        "cursus:3, cursussen:2, les:2, lessen:2, computerles:3, training:2, leergang:2,"
        " workshopreeks:2, vier lessen:3, tien lessen:3, niveau:1, leer:1, leren:1, beginners:1,"
        " inschrijven:1, aanmelden:0.5, docent:1, computercursus:3, werken met:1"
    ),
    ("aanbodsoort", "spreekuur"): (
        "spreekuur:3, inloopspreekuur:3, advies:2, adviesgesprek:2, loket:2, geldloket:2,"
        " informatiepunt:2, vragen:1, afspraak:1, beantwoordt:1, zonder afspraak:1, ido:2,"
        " loop binnen:1"
    ),
    ("aanbodsoort", "formulierenhulp"): (
        "formulier:2, formulieren:3, invullen:3, formulierenbrigade:3, invulhulp:3,"
        " formulierenhulp:3, aangifte invullen:3, belastingaangifte:2, aangifte:1.5,"
        " moeilijke brieven:2, brieven:1, papieren:1, belastingspreekuur:1"
    ),
    ("aanbodsoort", "informatiebijeenkomst"): (
        "informatiebijeenkomst:3, bijeenkomst:2, voorlichting:3, lezing:2, workshop:2,"
        " middag over:2, middagen over:2, avond over:2, ochtend over:2, twee middagen:2,"
        " één middag:2, een middag:1, informatieavond:3, presentatie:1"
    ),
    ("aanbodsoort", "cafe"): (
        "taalcafe:3, taalcafé:3, digicafe:3, digicafé:3, tabletcafe:3, tabletcafé:3, cafe:2,"
        " café:2, praatgroep:3, inloop:1, koffie:1, loop binnen:1, kom langs:1"
    ),
    ("aanbodsoort", "een-op-een"): (
        "één-op-één:3, een-op-een:3, een op een:3, maatje:3, taalmaatje:3, schuldhulpmaatje:3,"
        " taalcoach:3, coach:2, bij je thuis:2, bij jou thuis:2, thuis:0.5, persoonlijke"
        " begeleiding:2, vaste vrijwilliger:2, getrainde vrijwilliger:2, voorleesexpress:3,"
        " thuisadministratie:2"
    ),
    ("aanbodsoort", "online-leren"): (
        "online leren:3, e-learning:3, elearning:3, online cursus:3, online cursussen:3,"
        " oefenen.nl:3, zelf oefenen:3, eigen tempo:1, thuis oefenen:2, website:0.5,"
        " online:1, zelfstudie:3"
    ),
    ("aanbodsoort", "activiteit"): (
        "activiteit:2, club:2, leesclub:3, codeerclub:3, uurtje:2, voorleesuurtje:3,"
        " dreumesuurtje:3, studiekring:3, huiswerkhulp:2, knutselen:2, spelletjes:1, groep:1,"
        " samen:0.5, voorlezen:1, werkcafé:2, werkcafe:2, bingo:2, wandeling:2"
    ),
}


def seed_term_keywords(term_model) -> int:
    """Give each reference term without words its national word list (TERM_KEYWORDS); a term
    whose list the KB has filled in is left as it is. Historical or real models. Returns how
    many terms got words."""
    filled = 0
    for term in term_model.objects.select_related("taxonomy").filter(keywords=""):
        words = TERM_KEYWORDS.get((term.taxonomy.slug, term.code))
        if words:
            term.keywords = words
            term.save(update_fields=["keywords"])
            filled += 1
    return filled


def seeded_terms():
    """(taxonomy slug, code, Dutch name, English name) of every seeded term."""
    yield from (("thema", code, name, name_en) for code, name, name_en, _icon in THEMES)
    yield from (("doelgroep", code, name, name_en) for code, name, name_en in TARGET_GROUPS)
    yield from (("aanbodsoort", code, name, name_en) for code, name, name_en in OFFER_TYPES)
    yield from (("niveau", code, name, name_en) for code, name, name_en, _parent in LEVELS)


def seed_term_translations(term_model) -> int:
    """Fill the empty name columns (English and TERM_TRANSLATION_LANGUAGES) of the seeded terms
    whose Dutch name is still the seeded one; a name the KB changed or translated is left as it
    is. Takes the model class so that a data migration can call it. Returns the terms changed."""
    changed = 0
    for slug, code, name, name_en in seeded_terms():
        names = dict(zip(TERM_TRANSLATION_LANGUAGES, TERM_TRANSLATIONS[code], strict=True))
        names["en"] = name_en
        for term in term_model.objects.filter(taxonomy__slug=slug, code=code, name=name):
            fields = [f"name_{lang}" for lang in names if not getattr(term, f"name_{lang}")]
            for field in fields:
                setattr(term, field, names[field.removeprefix("name_")])
            if fields:
                term.save(update_fields=fields)
                changed += 1
    return changed
