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

# The texts of LABELS in the other resident languages, per code and language: name, meaning, place
# and tips, in plain language (B1) for parents; Arabic in Modern Standard Arabic. Codes, AVI levels
# and the name BoekStart stay as they are. Seeded with the national table (services, and migration
# 0004_national_label_texts_in_resident_languages for an existing one); a text the KB or a library
# typed is never overwritten.
TRANSLATIONS = {
    "AB": {
        "en": {
            "name": "Baby books (BoekStart)",
            "meaning": "Books for babies and toddlers up to 2 years old. Made of strong "
            "cardboard, cloth or plastic, with big, clear pictures.",
            "place": "In the BoekStart corner in the children's section.",
            "tips": "Read together for a little while every day, even when your baby is still "
            "very small. Point at the pictures and say what you see. Singing and talking help "
            "too. With the BoekStart voucher your baby becomes a member for free and you get a "
            "small case with two books.",
        },
        "ar": {
            "name": "كتب للرضّع (BoekStart)",
            "meaning": "كتب صغيرة للرضّع والأطفال الصغار حتى عمر سنتين. مصنوعة من الكرتون "
            "المتين أو القماش أو البلاستيك، وفيها صور كبيرة وواضحة.",
            "place": "في ركن BoekStart في قسم الأطفال.",
            "tips": "اقرأ مع طفلك قليلًا كل يوم، حتى لو كان صغيرًا جدًا. أشِر إلى الصور وقل ما "
            "تراه. الغناء والكلام يساعدان أيضًا. بقسيمة BoekStart يصبح طفلك عضوًا في المكتبة "
            "مجانًا، وتحصل على حقيبة صغيرة فيها كتابان.",
        },
        "tr": {
            "name": "Bebek kitapları (BoekStart)",
            "meaning": "2 yaşına kadar bebekler ve küçük çocuklar için kitaplar. Sağlam karton, "
            "kumaş veya plastikten yapılmıştır; büyük ve net resimleri vardır.",
            "place": "Çocuk bölümündeki BoekStart köşesinde.",
            "tips": "Bebeğiniz çok küçük olsa bile her gün biraz birlikte okuyun. Resimleri "
            "gösterin ve ne gördüğünüzü söyleyin. Şarkı söylemek ve konuşmak da yardımcı olur. "
            "BoekStart kuponu ile bebeğiniz ücretsiz üye olur ve içinde iki kitap olan küçük bir "
            "çanta alırsınız.",
        },
        "uk": {
            "name": "Книжки для немовлят (BoekStart)",
            "meaning": "Книжки для немовлят і малюків до 2 років. З міцного картону, тканини "
            "або пластику, з великими чіткими малюнками.",
            "place": "У куточку BoekStart у дитячому відділі.",
            "tips": "Читайте разом щодня хоча б трохи, навіть коли дитина ще зовсім маленька. "
            "Показуйте на малюнки й кажіть, що ви бачите. Співи й розмови теж допомагають. З "
            "ваучером BoekStart ваша дитина безкоштовно стає читачем бібліотеки, а ви отримуєте "
            "валізку з двома книжками.",
        },
        "pl": {
            "name": "Książeczki dla niemowląt (BoekStart)",
            "meaning": "Książeczki dla niemowląt i małych dzieci do 2 lat. Z mocnego kartonu, "
            "materiału lub plastiku, z dużymi, wyraźnymi obrazkami.",
            "place": "W kąciku BoekStart w dziale dziecięcym.",
            "tips": "Czytajcie razem codziennie przez chwilę, nawet gdy dziecko jest jeszcze "
            "bardzo małe. Pokazuj obrazki i mów, co widzisz. Śpiewanie i rozmowa też pomagają. "
            "Z bonem BoekStart dziecko za darmo zostaje członkiem biblioteki, a ty dostajesz "
            "walizeczkę z dwiema książeczkami.",
        },
    },
    "AP": {
        "en": {
            "name": "Picture books for toddlers",
            "meaning": "Picture books with short sentences and lots of pictures, for children "
            "aged 2 and 3. For reading aloud.",
            "place": "In the picture book boxes in the children's section.",
            "tips": "Toddlers often want to hear the same book again and again: that is good. "
            "Let your child turn the pages. Ask: what do you see? What is happening?",
        },
        "ar": {
            "name": "كتب مصوّرة للأطفال الصغار",
            "meaning": "كتب مصوّرة فيها جمل قصيرة وصور كثيرة، للأطفال في عمر سنتين وثلاث "
            "سنوات. للقراءة بصوت عالٍ للطفل.",
            "place": "في صناديق الكتب المصوّرة في قسم الأطفال.",
            "tips": "يحب الأطفال الصغار غالبًا أن يسمعوا الكتاب نفسه مرة بعد مرة، وهذا أمر جيد. "
            "دع طفلك يقلّب الصفحات. واسأله: ماذا ترى؟ ماذا يحدث؟",
        },
        "tr": {
            "name": "Küçük çocuklar için resimli kitaplar",
            "meaning": "Kısa cümleli ve bol resimli kitaplar, 2 ve 3 yaşındaki çocuklar için. "
            "Sesli okumak için.",
            "place": "Çocuk bölümündeki resimli kitap kutularında.",
            "tips": "Küçük çocuklar aynı kitabı sık sık yeniden dinlemek ister: bu iyidir. "
            "Sayfaları çocuğunuz çevirsin. Sorun: Ne görüyorsun? Ne oluyor?",
        },
        "uk": {
            "name": "Книжки з картинками для малюків",
            "meaning": "Книжки з короткими реченнями та великою кількістю малюнків для дітей 2 "
            "і 3 років. Щоб читати їх уголос.",
            "place": "У ящиках з книжками з картинками в дитячому відділі.",
            "tips": "Малюки часто хочуть слухати ту саму книжку знову і знову: це добре. "
            "Дозвольте дитині самій перегортати сторінки. Запитуйте: що ти бачиш? Що "
            "відбувається?",
        },
        "pl": {
            "name": "Książeczki obrazkowe dla maluchów",
            "meaning": "Książeczki z krótkimi zdaniami i dużą liczbą obrazków, dla dzieci w "
            "wieku 2 i 3 lat. Do czytania na głos.",
            "place": "W skrzynkach z książeczkami obrazkowymi w dziale dziecięcym.",
            "tips": "Maluchy często chcą słuchać tej samej książki wiele razy: to dobrze. "
            "Pozwól dziecku przewracać strony. Pytaj: co widzisz? Co się dzieje?",
        },
    },
    "AK": {
        "en": {
            "name": "Picture books for young children",
            "meaning": "Picture books with a longer story, for children aged 4 to 6. For "
            "reading aloud; your child does not need to read alone yet.",
            "place": "In the picture book boxes, next to the books for toddlers.",
            "tips": "Talk together about the story. Ask what will happen next. Sometimes read "
            "an information book (AJ) about something your child likes, such as animals or cars.",
        },
        "ar": {
            "name": "كتب مصوّرة لأطفال الروضة",
            "meaning": "كتب مصوّرة فيها قصة أطول، للأطفال من 4 إلى 6 سنوات. للقراءة بصوت عالٍ "
            "للطفل؛ لا يحتاج طفلك إلى أن يقرأ وحده بعد.",
            "place": "في صناديق الكتب المصوّرة، بجانب كتب الأطفال الصغار.",
            "tips": "تحدّثا معًا عن القصة. اسأل طفلك عمّا سيحدث بعد ذلك. واقرأ أحيانًا كتاب "
            "معلومات (AJ) عن شيء يحبه طفلك، مثل الحيوانات أو السيارات.",
        },
        "tr": {
            "name": "Anaokulu çağı için resimli kitaplar",
            "meaning": "Daha uzun hikâyeli resimli kitaplar, 4-6 yaş arası çocuklar için. Sesli "
            "okumak için; çocuğunuzun henüz kendisinin okuması gerekmez.",
            "place": "Resimli kitap kutularında, küçük çocuk kitaplarının yanında.",
            "tips": "Hikâye hakkında birlikte konuşun. Sonra ne olacağını sorun. Arada bir, "
            "çocuğunuzun sevdiği bir konu hakkında (örneğin hayvanlar veya arabalar) bir bilgi "
            "kitabı (AJ) da okuyun.",
        },
        "uk": {
            "name": "Книжки з картинками для дошкільнят",
            "meaning": "Книжки з картинками та довшою історією для дітей від 4 до 6 років. Щоб "
            "читати їх уголос; дитині ще не потрібно читати самостійно.",
            "place": "У ящиках з книжками з картинками, поруч із книжками для малюків.",
            "tips": "Говоріть разом про історію. Запитуйте, що станеться далі. Іноді читайте й "
            "пізнавальну книжку (AJ) про те, що подобається дитині, наприклад про тварин чи "
            "машини.",
        },
        "pl": {
            "name": "Książeczki obrazkowe dla przedszkolaków",
            "meaning": "Książeczki obrazkowe z dłuższą historią, dla dzieci w wieku od 4 do 6 "
            "lat. Do czytania na głos; dziecko nie musi jeszcze czytać samo.",
            "place": "W skrzynkach z książeczkami obrazkowymi, obok książeczek dla maluchów.",
            "tips": "Rozmawiajcie razem o historii. Pytaj, co zaraz się stanie. Czasem "
            "przeczytajcie też książkę popularnonaukową (AJ) o czymś, co dziecko lubi, na "
            "przykład o zwierzętach albo samochodach.",
        },
    },
    "E": {
        "en": {
            "name": "First reading books",
            "meaning": "Books for learning to read alone, for groups 3 and 4 of primary school "
            "(about 6 to 8 years old). The AVI level is on the spine: it tells you how difficult "
            "the book is.",
            "place": "With the first reading books, by AVI level.",
            "tips": "Ask the school which AVI level your child reads. Choose a book at that "
            "level or one level lower: then reading stays fun. Take turns reading a page. Keep "
            "reading aloud too.",
        },
        "ar": {
            "name": "كتب القراءة الأولى",
            "meaning": "كتب ليتعلّم الطفل القراءة بنفسه، للمجموعتين 3 و4 في المدرسة الابتدائية "
            "(من 6 إلى 8 سنوات تقريبًا). على كعب الكتاب مستوى AVI، وهو يبيّن مدى صعوبة الكتاب.",
            "place": "عند كتب القراءة الأولى، مرتّبة حسب مستوى AVI.",
            "tips": "اسأل المدرسة عن مستوى AVI الذي يقرأ فيه طفلك. اختر كتابًا في هذا المستوى "
            "أو أقل منه بمستوى واحد، فتبقى القراءة ممتعة. اقرآ بالتناوب، صفحة لكل منكما. "
            "واستمر أيضًا في القراءة لطفلك بصوت عالٍ.",
        },
        "tr": {
            "name": "İlk okuma kitapları",
            "meaning": "Kendi başına okumayı öğrenmek için kitaplar, ilkokulun 3. ve 4. grubu "
            "için (yaklaşık 6-8 yaş). Kitabın sırtında AVI seviyesi yazar: kitabın ne kadar zor "
            "olduğunu gösterir.",
            "place": "İlk okuma kitaplarının yanında, AVI seviyesine göre.",
            "tips": "Çocuğunuzun hangi AVI seviyesinde okuduğunu okula sorun. O seviyede ya da "
            "bir seviye daha kolay bir kitap seçin: böylece okumak eğlenceli kalır. Sırayla birer "
            "sayfa okuyun. Sesli okumaya da devam edin.",
        },
        "uk": {
            "name": "Перші книжки для читання",
            "meaning": "Книжки, щоб навчитися читати самостійно, для груп 3 і 4 початкової "
            "школи (приблизно 6–8 років). На корінці вказано рівень AVI: він показує, наскільки "
            "складна книжка.",
            "place": "Біля перших книжок для читання, за рівнем AVI.",
            "tips": "Запитайте в школі, на якому рівні AVI читає ваша дитина. Вибирайте книжку "
            "цього рівня або на один рівень нижче: тоді читати буде цікаво. Читайте по черзі по "
            "сторінці. І далі читайте дитині вголос.",
        },
        "pl": {
            "name": "Pierwsze książki do czytania",
            "meaning": "Książki do samodzielnej nauki czytania, dla grup 3 i 4 szkoły "
            "podstawowej (około 6–8 lat). Na grzbiecie jest poziom AVI: mówi, jak trudna jest "
            "książka.",
            "place": "Przy pierwszych książkach do czytania, według poziomu AVI.",
            "tips": "Zapytaj w szkole, na jakim poziomie AVI czyta twoje dziecko. Wybierz "
            "książkę na tym poziomie albo o jeden poziom niższym: wtedy czytanie dalej sprawia "
            "radość. Czytajcie na zmianę po jednej stronie. Nadal też czytaj dziecku na głos.",
        },
    },
    "A": {
        "en": {
            "name": "Reading books up to age 9",
            "meaning": "Stories for children up to about 9 years old. For reading aloud or "
            "reading alone.",
            "place": "On the shelves with children's books A, by the author's surname.",
            "tips": "Let your child choose: books about football, horses or scary things are "
            "fine. Comics and joke books count as reading too.",
        },
        "ar": {
            "name": "كتب قراءة حتى عمر 9 سنوات",
            "meaning": "قصص للأطفال حتى عمر 9 سنوات تقريبًا. للقراءة بصوت عالٍ للطفل أو ليقرأها "
            "بنفسه.",
            "place": "في رفوف كتب الأطفال A، مرتّبة حسب اسم عائلة الكاتب.",
            "tips": "دع طفلك يختار بنفسه: لا بأس بكتب عن كرة القدم أو الخيول أو القصص المخيفة. "
            "والقصص المصوّرة وكتب النكات تُعدّ قراءة أيضًا.",
        },
        "tr": {
            "name": "9 yaşa kadar okuma kitapları",
            "meaning": "Yaklaşık 9 yaşına kadar çocuklar için hikâyeler. Sesli okumak ya da "
            "kendi başına okumak için.",
            "place": "A çocuk kitapları raflarında, yazarın soyadına göre.",
            "tips": "Çocuğunuz kendisi seçsin: futbol, atlar ya da korku hikâyeleri olabilir. "
            "Çizgi romanlar ve fıkra kitapları da okumaya dahildir.",
        },
        "uk": {
            "name": "Книжки для читання до 9 років",
            "meaning": "Історії для дітей приблизно до 9 років. Щоб читати вголос або самостійно.",
            "place": "На полицях з дитячими книжками A, за прізвищем автора.",
            "tips": "Дозвольте дитині вибрати самій: книжки про футбол, коней чи страшилки теж "
            "підходять. Комікси й книжки з жартами теж вважаються читанням.",
        },
        "pl": {
            "name": "Książki do czytania do 9 lat",
            "meaning": "Historie dla dzieci do około 9 lat. Do czytania na głos albo samodzielnie.",
            "place": "Na półkach z książkami dla dzieci A, według nazwiska autora.",
            "tips": "Pozwól dziecku wybrać samemu: książki o piłce nożnej, koniach albo "
            "strasznych rzeczach też są dobre. Komiksy i książki z dowcipami też liczą się jako "
            "czytanie.",
        },
    },
    "B": {
        "en": {
            "name": "Reading books from 9 to 12",
            "meaning": "Stories for children from about 9 to 12 years old, to read alone.",
            "place": "On the shelves with children's books B, by the author's surname.",
            "tips": "Ask what your child likes and look together. An audiobook is good too, "
            "especially when reading is hard.",
        },
        "ar": {
            "name": "كتب قراءة من 9 إلى 12 سنة",
            "meaning": "قصص للأطفال من 9 إلى 12 سنة تقريبًا، ليقرأها الطفل بنفسه.",
            "place": "في رفوف كتب الأطفال B، مرتّبة حسب اسم عائلة الكاتب.",
            "tips": "اسأل طفلك عمّا يحبه وابحثا معًا. الكتاب الصوتي جيد أيضًا، خاصةً إذا كانت "
            "القراءة صعبة عليه.",
        },
        "tr": {
            "name": "9-12 yaş okuma kitapları",
            "meaning": "Yaklaşık 9-12 yaş arası çocuklar için, kendi başına okunacak hikâyeler.",
            "place": "B çocuk kitapları raflarında, yazarın soyadına göre.",
            "tips": "Çocuğunuza neyi sevdiğini sorun ve birlikte arayın. Sesli kitap da iyidir, "
            "özellikle okumak zor geliyorsa.",
        },
        "uk": {
            "name": "Книжки для читання від 9 до 12 років",
            "meaning": "Історії для дітей приблизно від 9 до 12 років, щоб читати самостійно.",
            "place": "На полицях з дитячими книжками B, за прізвищем автора.",
            "tips": "Запитайте, що подобається дитині, і шукайте разом. Аудіокнижка теж "
            "підходить, особливо якщо читати важко.",
        },
        "pl": {
            "name": "Książki do czytania od 9 do 12 lat",
            "meaning": "Historie dla dzieci w wieku około 9–12 lat, do samodzielnego czytania.",
            "place": "Na półkach z książkami dla dzieci B, według nazwiska autora.",
            "tips": "Zapytaj, co dziecko lubi, i szukajcie razem. Audiobook też jest dobry, "
            "zwłaszcza gdy czytanie idzie trudno.",
        },
    },
    "C": {
        "en": {
            "name": "Reading books from age 12",
            "meaning": "Stories for teenagers from about 12 years old.",
            "place": "On the shelves with children's books C, by the author's surname.",
            "tips": "Teenagers often read less. Let them choose for themselves; books about a "
            "film or series are fine too, and so are e-books and audiobooks in the library app.",
        },
        "ar": {
            "name": "كتب قراءة من عمر 12 سنة",
            "meaning": "قصص للمراهقين من عمر 12 سنة تقريبًا.",
            "place": "في رفوف كتب الأطفال C، مرتّبة حسب اسم عائلة الكاتب.",
            "tips": "يقرأ المراهقون غالبًا أقل. دعهم يختارون بأنفسهم، ومن ذلك كتب عن فيلم أو "
            "مسلسل، أو الكتب الإلكترونية والكتب الصوتية في تطبيق المكتبة.",
        },
        "tr": {
            "name": "12 yaş ve üstü okuma kitapları",
            "meaning": "Yaklaşık 12 yaşından itibaren gençler için hikâyeler.",
            "place": "C çocuk kitapları raflarında, yazarın soyadına göre.",
            "tips": "Gençler genellikle daha az okur. Kendileri seçsinler; bir film ya da dizi "
            "hakkındaki kitaplar, kütüphane uygulamasındaki e-kitaplar ve sesli kitaplar da olur.",
        },
        "uk": {
            "name": "Книжки для читання від 12 років",
            "meaning": "Історії для підлітків приблизно від 12 років.",
            "place": "На полицях з дитячими книжками C, за прізвищем автора.",
            "tips": "Підлітки часто читають менше. Дозвольте їм вибирати самим: також книжки за "
            "фільмом чи серіалом, електронні книжки й аудіокнижки в застосунку бібліотеки.",
        },
        "pl": {
            "name": "Książki do czytania od 12 lat",
            "meaning": "Historie dla nastolatków od około 12 lat.",
            "place": "Na półkach z książkami dla dzieci C, według nazwiska autora.",
            "tips": "Nastolatki często czytają mniej. Pozwól im wybierać samym; także książki o "
            "filmie lub serialu albo e-booki i audiobooki w aplikacji biblioteki.",
        },
    },
    "D": {
        "en": {
            "name": "Books from age 15 (young adult)",
            "meaning": "Books for young people from about 15 years old. Sometimes about "
            "difficult subjects.",
            "place": "With the young adult books, between the children's and the adults' books.",
            "tips": "Talk together about what your child reads, if they want to.",
        },
        "ar": {
            "name": "كتب من عمر 15 سنة (لليافعين)",
            "meaning": "كتب للشباب من عمر 15 سنة تقريبًا. تتناول أحيانًا موضوعات صعبة.",
            "place": "في قسم كتب اليافعين، بين كتب الأطفال وكتب الكبار.",
            "tips": "تحدّث مع ابنك أو ابنتك عمّا يقرأ، إذا أراد ذلك.",
        },
        "tr": {
            "name": "15 yaş ve üstü kitaplar (genç yetişkin)",
            "meaning": "Yaklaşık 15 yaşından itibaren gençler için kitaplar. Bazen zor konular "
            "hakkındadır.",
            "place": "Genç yetişkin kitaplarının yanında, çocuk ve yetişkin kitapları arasında.",
            "tips": "Çocuğunuz isterse, okuduğu kitaplar hakkında birlikte konuşun.",
        },
        "uk": {
            "name": "Книжки від 15 років (young adult)",
            "meaning": "Книжки для молоді приблизно від 15 років. Іноді про складні теми.",
            "place": "Біля книжок young adult, між дитячими й дорослими книжками.",
            "tips": "Говоріть разом про те, що читає ваша дитина, якщо вона цього хоче.",
        },
        "pl": {
            "name": "Książki od 15 lat (young adult)",
            "meaning": "Książki dla młodzieży od około 15 lat. Czasem o trudnych tematach.",
            "place": "Przy książkach young adult, między książkami dla dzieci i dla dorosłych.",
            "tips": "Rozmawiajcie o tym, co czyta twoje dziecko, jeśli tego chce.",
        },
    },
    "AJ": {
        "en": {
            "name": "Information books up to age 9",
            "meaning": "Books about real things (animals, the weather, the body) for young "
            "children. A picture on the spine shows what the book is about.",
            "place": "With the information books for young children, by subject.",
            "tips": "Choose a subject your child likes together. Look at the pictures together "
            "and read a little aloud.",
        },
        "ar": {
            "name": "كتب معلومات حتى عمر 9 سنوات",
            "meaning": "كتب عن أشياء حقيقية (الحيوانات، الطقس، جسم الإنسان) للأطفال الصغار. "
            "صورة على كعب الكتاب تبيّن موضوعه.",
            "place": "عند كتب المعلومات للأطفال الصغار، مرتّبة حسب الموضوع.",
            "tips": "اختارا معًا موضوعًا يحبه طفلك. انظرا معًا إلى الصور، واقرأ له جزءًا صغيرًا "
            "بصوت عالٍ.",
        },
        "tr": {
            "name": "9 yaşa kadar bilgi kitapları",
            "meaning": "Küçük çocuklar için gerçek şeyler (hayvanlar, hava durumu, vücut) "
            "hakkında kitaplar. Kitabın sırtındaki bir resim konusunu gösterir.",
            "place": "Küçük çocuklar için bilgi kitaplarının yanında, konuya göre.",
            "tips": "Çocuğunuzun sevdiği bir konuyu birlikte seçin. Resimlere birlikte bakın ve "
            "küçük bir bölümü sesli okuyun.",
        },
        "uk": {
            "name": "Пізнавальні книжки до 9 років",
            "meaning": "Книжки про справжні речі (тварин, погоду, тіло) для маленьких дітей. "
            "Малюнок на корінці показує, про що книжка.",
            "place": "Біля пізнавальних книжок для маленьких дітей, за темою.",
            "tips": "Виберіть разом тему, яка подобається дитині. Розгляньте разом малюнки й "
            "прочитайте вголос невеликий уривок.",
        },
        "pl": {
            "name": "Książki popularnonaukowe do 9 lat",
            "meaning": "Książki o prawdziwych rzeczach (zwierzęta, pogoda, ciało) dla małych "
            "dzieci. Obrazek na grzbiecie pokazuje, o czym jest książka.",
            "place": "Przy książkach popularnonaukowych dla małych dzieci, według tematu.",
            "tips": "Wybierzcie razem temat, który dziecko lubi. Oglądajcie razem obrazki i "
            "przeczytaj na głos krótki fragment.",
        },
    },
    "J": {
        "en": {
            "name": "Information books from age 9",
            "meaning": "Books about real things for older children, also for school talks and "
            "projects.",
            "place": "With the information books for children, by subject.",
            "tips": "For a school talk, the library is happy to help you search. Ask at the desk.",
        },
        "ar": {
            "name": "كتب معلومات من عمر 9 سنوات",
            "meaning": "كتب عن أشياء حقيقية للأطفال الأكبر سنًا، وتفيد أيضًا في العروض "
            "المدرسية والبحوث.",
            "place": "عند كتب المعلومات للأطفال واليافعين، مرتّبة حسب الموضوع.",
            "tips": "تساعدكم المكتبة بكل سرور في البحث عن معلومات لعرض مدرسي. اسألوا عند مكتب "
            "الاستقبال.",
        },
        "tr": {
            "name": "9 yaş ve üstü bilgi kitapları",
            "meaning": "Daha büyük çocuklar için gerçek şeyler hakkında kitaplar; okul sunumları "
            "ve ödevler için de.",
            "place": "Çocuklar için bilgi kitaplarının yanında, konuya göre.",
            "tips": "Okul sunumu için kütüphane aramanıza memnuniyetle yardım eder. Danışma "
            "bankosuna sorun.",
        },
        "uk": {
            "name": "Пізнавальні книжки від 9 років",
            "meaning": "Книжки про справжні речі для старших дітей, також для шкільних доповідей "
            "і проєктів.",
            "place": "Біля пізнавальних книжок для дітей, за темою.",
            "tips": "Для шкільної доповіді бібліотека охоче допоможе з пошуком. Запитайте на "
            "стійці обслуговування.",
        },
        "pl": {
            "name": "Książki popularnonaukowe od 9 lat",
            "meaning": "Książki o prawdziwych rzeczach dla starszych dzieci, także do referatów "
            "i prac szkolnych.",
            "place": "Przy książkach popularnonaukowych dla dzieci, według tematu.",
            "tips": "Przy szukaniu materiałów do referatu biblioteka chętnie pomoże. Zapytaj "
            "przy ladzie.",
        },
    },
}
