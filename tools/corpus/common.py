"""Shared hand-written fragments: places, people, openings, durations, histories,
generic requests and closings, in Uzbek (written in Latin script; the Cyrillic
variant is produced by translit.py), Russian and English."""

# (uzbek latin, russian, english)
STREETS = [
    ("Navoiy", "Навои", "Navoi"), ("Bobur", "Бабура", "Babur"),
    ("Amir Temur", "Амира Темура", "Amir Temur"), ("Muqimiy", "Мукими", "Mukimi"),
    ("Furqat", "Фурката", "Furkat"), ("Shota Rustaveli", "Шота Руставели", "Shota Rustaveli"),
    ("Qatortol", "Катартал", "Katartal"), ("Bunyodkor", "Бунёдкор", "Bunyodkor"),
    ("Farhod", "Фарход", "Farhod"), ("Olmazor", "Алмазар", "Almazar"),
    ("Beshyog'och", "Бешагач", "Beshagach"), ("Labzak", "Лабзак", "Labzak"),
    ("Sebzor", "Себзар", "Sebzar"), ("Ipak yo'li", "Ипак йули", "Ipak Yuli"),
    ("Mirzo Ulug'bek", "Мирзо Улугбека", "Mirzo Ulugbek"), ("Ahmad Donish", "Ахмада Дониша", "Ahmad Donish"),
    ("Al-Farg'oniy", "Аль-Фергани", "Al-Fargani"), ("Dahbed", "Дахбед", "Dahbed"),
    ("Registon", "Регистан", "Registan"), ("Mustaqillik", "Мустакиллик", "Mustakillik"),
    ("Cho'ponota", "Чупан-Ата", "Chupan-Ata"), ("Qoratosh", "Караташ", "Karatash"),
    ("Bog'ishamol", "Богишамол", "Bogishamol"), ("Chilonzor", "Чиланзар", "Chilanzar"),
    ("Taras Shevchenko", "Тараса Шевченко", "Taras Shevchenko"), ("Usmon Nosir", "Усмана Насыра", "Usman Nasyr"),
    ("Abdulla Qodiriy", "Абдуллы Кадыри", "Abdulla Kadiri"), ("Qorasuv", "Карасу", "Karasu"),
    ("Ibn Sino", "Ибн Сино", "Ibn Sino"), ("Zarafshon", "Зарафшан", "Zarafshan"),
    ("Lutfiy", "Лутфи", "Lutfi"), ("Bahor", "Бахор", "Bahor"), ("Sag'bon", "Сагбан", "Sagban"),
    ("Kamolon", "Камалан", "Kamalon"), ("Bog'bon", "Богбон", "Bogbon"), ("Nurafshon", "Нурафшан", "Nurafshon"),
    ("Yangi Sergeli", "Янги Сергели", "Yangi Sergeli"), ("Chorsu", "Чорсу", "Chorsu"),
    ("Oybek", "Айбека", "Oybek"), ("Gulsanam", "Гульсанам", "Gulsanam"), ("Marg'ilon", "Маргилан", "Margilan"),
    ("Sharof Rashidov", "Шарафа Рашидова", "Sharof Rashidov"), ("Alisher Navoiy", "Алишера Навои", "Alisher Navoi"),
    ("Istiqlol", "Истиклол", "Istiklol"), ("Uzumzor", "Узумзор", "Uzumzor"), ("Qo'yliq", "Куйлюк", "Kuylyuk"),
]
MAHALLAS = [
    ("Navbahor", "Навбахор", "Navbahor"), ("Guliston", "Гулистан", "Guliston"), ("Do'stlik", "Дустлик", "Dustlik"),
    ("Obod", "Обод", "Obod"), ("Yangi hayot", "Янги хаёт", "Yangi Hayot"), ("Bog'bon", "Богбон", "Bogbon"),
    ("Ittifoq", "Иттифок", "Ittifok"), ("Chinor", "Чинор", "Chinor"), ("Nurafshon", "Нурафшон", "Nurafshon"),
    ("Tinchlik", "Тинчлик", "Tinchlik"), ("Oqtepa", "Актепа", "Aktepa"), ("Ko'kcha", "Кукча", "Kukcha"),
    ("Sag'bon", "Сагбон", "Sagbon"), ("Uzumzor", "Узумзор", "Uzumzor"), ("Mevazor", "Мевазор", "Mevazor"),
    ("Paxtakor", "Пахтакор", "Pakhtakor"), ("Istiqlol", "Истиклол", "Istiklol"), ("Lolazor", "Лолазор", "Lolazor"),
    ("Qoraqamish", "Каракамыш", "Karakamysh"), ("Zarqaynar", "Заркайнар", "Zarkaynar"), ("Mehnatobod", "Мехнатабад", "Mehnatobod"),
    ("Shodlik", "Шодлик", "Shodlik"), ("Tong yulduzi", "Тонг юлдузи", "Tong Yulduzi"), ("Ko'ktonlik", "Куктонлик", "Kuktonlik"),
    ("Oltintepa", "Алтынтепа", "Oltintepa"), ("Beshqayrag'och", "Бешкайрагач", "Beshkayragach"), ("Bunyodkor", "Бунёдкор", "Bunyodkor"),
    ("Ohangaron", "Ахангаран", "Okhangaron"), ("Gulbog'", "Гульбог", "Gulbog"), ("Yangiobod", "Янгиабад", "Yangiobod"),
    ("Chig'atoy", "Чигатай", "Chigatay"), ("Qorasaroy", "Карасарай", "Karasaray"), ("Nurobod", "Нурабад", "Nurobod"),
]
DISTRICTS = [
    ("Chilonzor", "Чиланзарский", "Chilanzar"), ("Yunusobod", "Юнусабадский", "Yunusabad"),
    ("Mirzo Ulug'bek", "Мирзо-Улугбекский", "Mirzo Ulugbek"), ("Yakkasaroy", "Яккасарайский", "Yakkasaray"),
    ("Shayxontohur", "Шайхантахурский", "Shaykhantakhur"), ("Olmazor", "Алмазарский", "Almazar"),
    ("Uchtepa", "Учтепинский", "Uchtepa"), ("Sergeli", "Сергелийский", "Sergeli"),
    ("Yashnobod", "Яшнабадский", "Yashnabad"), ("Mirobod", "Мирабадский", "Mirabad"),
    ("Bektemir", "Бектемирский", "Bektemir"), ("Yangihayot", "Янгихаётский", "Yangihayot"),
    ("Qo'qon", "Кокандский", "Kokand"), ("Marg'ilon", "Маргиланский", "Margilan"),
    ("Kattaqo'rg'on", "Каттакурганский", "Kattakurgan"), ("Urgut", "Ургутский", "Urgut"),
    ("Quva", "Кувинский", "Kuva"), ("Qibray", "Кибрайский", "Kibray"), ("Zangiota", "Зангиатинский", "Zangiata"),
]
CITIES = [
    ("Toshkent", "Ташкент", "Tashkent"), ("Toshkent", "Ташкент", "Tashkent"), ("Toshkent", "Ташкент", "Tashkent"),
    ("Samarqand", "Самарканд", "Samarkand"), ("Farg'ona", "Фергана", "Fergana"), ("Andijon", "Андижан", "Andijan"),
    ("Namangan", "Наманган", "Namangan"), ("Buxoro", "Бухара", "Bukhara"), ("Qarshi", "Карши", "Karshi"),
    ("Chirchiq", "Чирчик", "Chirchik"), ("Qo'qon", "Коканд", "Kokand"), ("Nukus", "Нукус", "Nukus"),
]
NAMES_UZ = [
    "Dilnoza Karimova", "Akmal Tursunov", "Gulnora Rahimova", "Shuhrat Yo'ldoshev", "Malika Qodirova",
    "Bahodir Ergashev", "Nodira Xolmatova", "Rustam Abdullayev", "Zulfiya Sodiqova", "Jasur Normatov",
    "Mohira Usmonova", "Sherzod Aliyev", "Ozoda Nazarova", "Otabek Mirzayev", "Feruza Jo'rayeva",
    "Sanjar Qosimov", "Muhabbat Ismoilova", "Ulug'bek Raximov", "Kamola Ahmedova", "Ilhom Sattorov",
    "Saodat opa", "Rahim aka", "Tursunoy Egamberdiyeva", "Anvar Hamroyev", "Xurshida Yusupova",
]
NAMES_RU = [
    "Каримова Д.", "Турсунов А. Р.", "Ольга Петровна", "Иванов С. В.", "Рахимова Г.", "Абдуллаев Рустам",
    "Лариса Николаевна", "Ким В.", "Юсупова Х.", "Мирзаев О.", "Светлана Ким", "Назаров Ф.",
    "Галина Сергеевна", "Пак Игорь", "Хасанов Ш.", "Нигора Султанова", "Татьяна Ли", "Эргашев Б.",
]
NAMES_EN = [
    "Anna", "John Miller", "Dilshod", "Kamila R.", "Thomas", "Sevara", "M. Petrov", "Aziz", "Laura Schmidt",
    "Timur", "Nilufar", "David Kim", "Jahongir", "Sarah", "Bekzod",
]

# ---------------------------------------------------------------- Uzbek (Latin)
UZ = dict(
    greet_formal=[
        "Hurmatli mahalla raisi!", "Hurmatli tuman hokimi!", "Hurmatli hokim!", "Hurmatli mutasaddilar!",
        "Hurmatli rais!", "Hurmatli hokim yordamchisi!", "Hurmatli sektor rahbari!", "Assalomu alaykum, hurmatli rahbariyat!",
        "Hurmatli xalq qabulxonasi xodimlari!", "Assalomu alaykum, hurmatli mahalla raisi.", "Muhtaram hokim!",
        "Hurmatli mas'ul xodimlar!",
    ],
    greet=[
        "Assalomu alaykum.", "Assalomu alaykum!", "Assalomu alaykum,", "Salom.", "Xayrli kun.", "Assalomu alaykum, rais aka.",
        "Assalomu alaykum, opa.", "Salom, yaxshimisiz.", "Assalomu alaykum, yaxshimisizlar.", "Assalomu alaykum, uzr bezovta qilganim uchun.",
        "Rais aka, assalomu alaykum.", "Assalomu alaykum, hokim yordamchisi.",
    ],
    intro=[
        "Men {street} ko'chasi {n}-uyda yashayman.", "Biz {mahalla} mahallasi, {street} ko'chasida istiqomat qilamiz.",
        "Men {district} tumani {mahalla} MFY hududida yashovchi fuqaroman.", "Sizga {street} ko'chasi aholisi nomidan murojaat qilyapman.",
        "Manzil: {city}, {district} tumani, {street} ko'chasi, {n}-uy.", "Men {mahalla} mahallasidagi {n}-ko'p qavatli uyning {k}-xonadonida yashayman.",
        "Men, {name}, {street} ko'chasi {n}-uyda yashovchi fuqaro, sizga murojaat qilyapman.", "{city} shahri, {mahalla} mahallasidan yozyapman.",
        "Biz {district} tumanidagi {mahalla} mahallasida yashaymiz.", "Manzilimiz: {mahalla} MFY, {street} ko'chasi {n}-uy.",
        "{street} ko'chasi, {n}-uy, {apt}-xonadon.", "Men shu mahallada 20 yildan beri yashayman.",
    ],
    loc=[
        "{street} ko'chasida", "bizning ko'chada", "mahallamizda", "{mahalla} mahallasida", "{street} ko'chasi {n}-uy atrofida",
        "{district} tumanidagi {mahalla} MFYda", "{n}-maktab yonida", "bizning hovlida", "{street} ko'chasining oxirida",
        "{mahalla} mahallasi, {street} ko'chasida", "uyimiz oldida", "bizda",
    ],
    dur=["{k} kundan beri", "bir haftadan beri", "ikki haftadan buyon", "kecha kechqurundan beri", "bugun ertalabdan beri",
         "bir oydan beri", "ancha vaqtdan beri", "uch kundan buyon", "o'tgan dushanbadan beri", "{k5} kundan buyon", "yakshanbadan beri"],
    dur_sent=["Bu ahvol {dur} davom etyapti.", "Shu holat {dur} davom etyapti.", "Muammo {dur} hal bo'lmayapti.", "Bu {dur} shunday."],
    history=[
        "Oldin ham {k} marta murojaat qilgandim, lekin hech kim kelmadi.", "1055 ga qo'ng'iroq qildik, yozib olishdi, xolos.",
        "Mahalla raisiga aytdik, ko'rib chiqamiz deyishdi, hali ham o'zgarish yo'q.", "Bu masala bo'yicha o'tgan oy ham yozgandim, javob bo'lmadi.",
        "Virtual qabulxonaga yozgan edim, javob xati keldi-yu, muammo o'sha-o'sha.", "Dispetcherga necha marta qo'ng'iroq qildik, ertaga boramiz deyishadi.",
        "Sektor rahbariga ham aytganmiz, va'da berishdi, lekin hech narsa qilinmadi.", "Murojaatimiz \"bajarildi\" deb yopib qo'yilgan, aslida hech narsa bajarilmagan.",
        "Mahalla yig'inida ham bu masala ko'tarilgan edi.", "Xalq qabulxonasiga ham borgandim.",
    ],
    request=[
        "Iltimos, yordam bering.", "Iltimos, tezroq hal qilib bering.", "Shu masalani hal qilib berishingizni so'rayman.",
        "Chora ko'rishingizni so'raymiz.", "Kimga murojaat qilishni bilmay qoldik, yordam bering.", "Iltimos, e'tiborsiz qoldirmang.",
        "Masalani o'rganib, amaliy yordam berishingizni so'rayman.", "Tegishli tashkilotga yetkazib qo'ysangiz.", "Iltimos, choralar ko'rilsin.",
        "Sizdan yordam so'rab qolamiz.", "Tezkorlik bilan hal etilishini so'raymiz.",
    ],
    closing=[
        "Oldindan rahmat.", "Hurmat bilan, {name}.", "Rahmat.", "Javobingizni kutaman.", "Hurmat bilan, {street} ko'chasi aholisi.",
        "Katta rahmat.", "Javob kutib qolamiz.", "Hurmat bilan, {mahalla} mahallasi fuqarosi.", "Tel: +998 {op} {p3} {p2} {p2b}.",
        "Oldindan minnatdorman.", "Alloh rozi bo'lsin.",
    ],
    urgent_tag=["SHOSHILINCH!", "Juda zarur!", "Tezda!", "Iltimos, tezroq!", "Shoshilinch murojaat."],
    mix_cyr=["срочно!", "пожалуйста, помогите", "уже надоело", "сколько можно", "Заранее спасибо", "Помогите!!!"],
)

# ---------------------------------------------------------------- Russian
RU = dict(
    greet_formal=[
        "Уважаемый хоким!", "Уважаемый председатель махалли!", "Уважаемые сотрудники хокимията!", "Уважаемый руководитель!",
        "Уважаемые ответственные лица!", "Добрый день, уважаемый председатель.", "Здравствуйте, уважаемые сотрудники!",
        "Уважаемая народная приёмная!", "Уважаемый помощник хокима!",
    ],
    greet=[
        "Здравствуйте.", "Здравствуйте!", "Добрый день.", "Добрый вечер.", "Здравствуйте,", "Доброе утро.", "Ассалому алейкум.",
        "Здрасте.", "Добрый день, извините за беспокойство.", "Привет.",
    ],
    intro=[
        "Я проживаю по адресу: ул. {street}, дом {n}, кв. {apt}.", "Пишу от имени жителей улицы {street}.",
        "Мы живём в махалле «{mahalla}», {district} район.", "Адрес: г. {city}, {district} район, ул. {street}, {n}.",
        "Я жительница дома {n} по улице {street}.", "Обращаюсь к Вам как житель махалли «{mahalla}».",
        "Меня зовут {name}, живу на улице {street}, дом {n}.", "Мы, жители дома {n} (махалля «{mahalla}»), обращаемся к Вам.",
        "Проживаю в г. {city}, массив {mahalla}, дом {n}, квартира {apt}.", "Живу в этой махалле больше 15 лет.",
    ],
    loc=[
        "на улице {street}", "у нас на улице", "в нашем дворе", "в махалле «{mahalla}»", "у дома {n} по улице {street}",
        "возле школы №{n}", "на нашей улице", "в районе дома {n}", "на ул. {street}", "у нас в махалле", "возле нашего дома",
        "в конце улицы {street}",
    ],
    dur=["уже третий день", "вторую неделю", "с прошлого понедельника", "уже больше месяца", "со вчерашнего вечера",
         "с самого утра", "уже {k5} дней", "почти неделю", "уже две недели", "с выходных", "уже несколько дней"],
    dur_sent=["Так продолжается {dur}.", "Это длится {dur}.", "Проблема не решается {dur}.", "И так {dur}."],
    history=[
        "Уже {k} раза звонили в диспетчерскую, толку нет.", "Обращались в махаллю, обещали решить, но ничего не сделано.",
        "Писали в Виртуальную приёмную, получили отписку.", "Звонили на 1055, заявку приняли и всё.",
        "В прошлом месяце я уже писала по этому вопросу, ответа нет.", "Обращение закрыли как «выполнено», хотя ничего не сделано.",
        "Говорили председателю на собрании, он обещал разобраться.", "Были в народной приёмной, сказали ждать.",
        "Каждый раз говорят «завтра приедем», и никто не приезжает.",
    ],
    request=[
        "Просим принять меры.", "Прошу Вас разобраться и помочь.", "Помогите, пожалуйста!", "Просим срочно решить вопрос.",
        "Очень просим отреагировать.", "Прошу передать в соответствующую службу.", "Просим взять вопрос на контроль.",
        "Надеемся на Вашу помощь.", "Прошу рассмотреть моё обращение и принять меры.", "Помогите решить эту проблему.",
    ],
    closing=[
        "Заранее спасибо.", "С уважением, {name}.", "Жители дома {n}.", "Спасибо.", "Жду ответа.", "С уважением, жители улицы {street}.",
        "Тел. для связи: +998 {op} {p3}-{p2}-{p2b}.", "Благодарю.", "Надеюсь на понимание.", "Спасибо заранее!",
    ],
    urgent_tag=["СРОЧНО!", "Срочно!", "Очень срочно!", "Внимание, срочно!"],
)

# ---------------------------------------------------------------- English
EN = dict(
    greet_formal=[
        "Dear Mahalla Chair,", "Dear Sir or Madam,", "Dear Hokimiyat,", "Dear officials,", "To whom it may concern,",
        "Dear district administration,",
    ],
    greet=["Hello,", "Hi,", "Hello.", "Good afternoon,", "Hi there,", "Hello! Sorry to bother you.", "Good morning.", "Hey,"],
    intro=[
        "I live at {street} street {n}, {district} district.", "I'm writing on behalf of the residents of {street} street.",
        "Address: {street} str. {n}, apt {apt}, {city}.", "We live in {mahalla} mahalla.", "I'm a foreign resident renting a flat in {district} district.",
        "My name is {name}, I live in building {n} on {street} street.", "I'm a student living in {city}.",
        "We are a family living in {mahalla} mahalla, house {n}.",
    ],
    loc=[
        "on {street} street", "on our street", "in {mahalla} mahalla", "near house {n} on {street} street", "near school No. {n}",
        "in our yard", "in our building", "at the end of {street} street", "in our neighbourhood", "next to our house", "near the {mahalla} bazaar",
    ],
    dur=["for three days", "since yesterday evening", "for over a week", "since Monday", "for a month now", "for {k5} days",
         "since this morning", "for two weeks", "since the weekend"],
    dur_sent=["It has been like this {dur}.", "This has been going on {dur}.", "Still not fixed, {dur}."],
    history=[
        "We already called the hotline {k} times but nobody came.", "I reported this last month and never got an answer.",
        "The mahalla office promised to fix it, nothing happened.", "My previous request was marked as resolved but nothing was done.",
        "We wrote to the Virtual Reception and got a formal reply only.", "Neighbours have complained too.",
    ],
    request=[
        "Please help.", "Could you please send someone?", "Please take action as soon as possible.", "Kindly look into this.",
        "Please forward this to the responsible service.", "I would appreciate your help.", "Please fix it.", "Can someone please check?",
    ],
    closing=[
        "Thanks in advance.", "Regards, {name}", "Thank you.", "Best regards, {name}", "Thanks!", "Looking forward to your reply.",
        "Phone: +998 {op} {p3} {p2} {p2b}",
    ],
    urgent_tag=["URGENT!", "Urgent:", "Please, urgent!"],
)
