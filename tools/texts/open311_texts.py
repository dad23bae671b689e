# The texts of the Open311 GeoReport v2 server (service descriptions, groups and data types in the service list,
# service notices, the administration of client keys), one row per key: English, Uzbek (Latin), Uzbek (Cyrillic),
# Russian. Running this script writes src/Mahalla.Web/Resources/open311.{culture}.json; the catalog merges every
# Resources/*.{culture}.json, and a key may exist only once across files, so every key here starts with "open311.".
# Error descriptions of the API itself are English, as the spec's examples are; they live in the code.
# Uzbek Latin follows the official orthography: oʻ gʻ with U+02BB, the tutuq belgisi with U+02BC.
import json, os

T = {
 "open311.service.roads": ("Potholes, broken pavements, damaged kerbs and road signs.",
   "Chuqurlar, buzilgan yoʻlaklar, shikastlangan hoshiyalar va yoʻl belgilari.",
   "Чуқурлар, бузилган йўлаклар, шикастланган ҳошиялар ва йўл белгилари.",
   "Ямы, разбитые тротуары, повреждённые бордюры и дорожные знаки."),
 "open311.service.street-lighting": ("Street lights that are out, flicker or burn by day.",
   "Yonmaydigan, miltillaydigan yoki kunduzi yonib turadigan koʻcha chiroqlari.",
   "Ёнмайдиган, милтиллайдиган ёки кундузи ёниб турадиган кўча чироқлари.",
   "Уличные фонари, которые не горят, мигают или горят днём."),
 "open311.service.water-supply": ("Burst pipes, leaks, no water or dirty water.",
   "Yorilgan quvurlar, suv oqishi, suv yoʻqligi yoki iflos suv.",
   "Ёрилган қувурлар, сув оқиши, сув йўқлиги ёки ифлос сув.",
   "Прорывы труб, утечки, отсутствие воды или грязная вода."),
 "open311.service.sewerage": ("Blocked or overflowing sewers and open manholes.",
   "Tiqilib qolgan yoki toshib ketgan kanalizatsiya va ochiq quduqlar.",
   "Тиқилиб қолган ёки тошиб кетган канализация ва очиқ қудуқлар.",
   "Засоры и переливы канализации, открытые люки."),
 "open311.service.electricity": ("Power cuts, fallen wires, damaged poles and transformer boxes.",
   "Elektr uzilishi, uzilib tushgan simlar, shikastlangan ustunlar va transformator qutilari.",
   "Электр узилиши, узилиб тушган симлар, шикастланган устунлар ва трансформатор қутилари.",
   "Отключения электричества, оборванные провода, повреждённые опоры и трансформаторные будки."),
 "open311.service.gas-supply": ("A smell of gas, damaged gas pipes, no gas. In danger, call 104 first.",
   "Gaz hidi, shikastlangan gaz quvurlari, gaz yoʻqligi. Xavf boʻlsa, avval 104 ga qoʻngʻiroq qiling.",
   "Газ ҳиди, шикастланган газ қувурлари, газ йўқлиги. Хавф бўлса, аввал 104 га қўнғироқ қилинг.",
   "Запах газа, повреждённые газовые трубы, нет газа. При опасности сначала звоните 104."),
 "open311.service.waste": ("Overflowing bins, rubbish left in the street, missed collections.",
   "Toʻlib ketgan konteynerlar, koʻchada qoldirilgan chiqindilar, olib ketilmagan axlat.",
   "Тўлиб кетган контейнерлар, кўчада қолдирилган чиқиндилар, олиб кетилмаган ахлат.",
   "Переполненные контейнеры, мусор на улице, невывезенные отходы."),
 "open311.service.greenery": ("Fallen or dangerous trees, broken branches, neglected green spaces.",
   "Qulagan yoki xavfli daraxtlar, singan shoxlar, qarovsiz koʻkalamzorlar.",
   "Қулаган ёки хавфли дарахтлар, синган шохлар, қаровсиз кўкаламзорлар.",
   "Упавшие или опасные деревья, сломанные ветки, запущенные зелёные зоны."),
 "open311.service.other": ("Any other problem in a public place; the report is queued before it is registered.",
   "Jamoat joyidagi boshqa har qanday muammo; xabar roʻyxatga olinishidan oldin navbatga qoʻyiladi.",
   "Жамоат жойидаги бошқа ҳар қандай муаммо; хабар рўйхатга олинишидан олдин навбатга қўйилади.",
   "Любая другая проблема в общественном месте; перед регистрацией сообщение ставится в очередь."),
 "open311.group.streets": ("Streets and transport", "Koʻchalar va transport", "Кўчалар ва транспорт", "Улицы и транспорт"),
 "open311.group.utilities": ("Utilities", "Kommunal xizmatlar", "Коммунал хизматлар", "Коммунальные услуги"),
 "open311.group.environment": ("Cleanliness and greenery", "Tozalik va koʻkalamzorlashtirish", "Тозалик ва кўкаламзорлаштириш", "Чистота и озеленение"),
 "open311.group.housing": ("Housing and land", "Uy-joy va yer", "Уй-жой ва ер", "Жильё и земля"),
 "open311.group.other": ("Other", "Boshqa", "Бошқа", "Другое"),
 "open311.datatype.string": ("A short text on one line.", "Bir qatorli qisqa matn.", "Бир қаторли қисқа матн.", "Короткий текст в одну строку."),
 "open311.datatype.number": ("A number, e.g. 12 or 3.5.", "Son, masalan 12 yoki 3.5.", "Сон, масалан 12 ёки 3.5.", "Число, например 12 или 3.5."),
 "open311.datatype.datetime": ("A date and time with a time zone, e.g. 2026-11-03T10:00:00+05:00.",
   "Sana va vaqt, vaqt mintaqasi bilan, masalan 2026-11-03T10:00:00+05:00.",
   "Сана ва вақт, вақт минтақаси билан, масалан 2026-11-03T10:00:00+05:00.",
   "Дата и время с часовым поясом, например 2026-11-03T10:00:00+05:00."),
 "open311.datatype.text": ("A text; it may have several lines.", "Matn; bir necha qatordan iborat boʻlishi mumkin.", "Матн; бир неча қатордан иборат бўлиши мумкин.", "Текст; может занимать несколько строк."),
 "open311.datatype.singlevaluelist": ("Choose one of the values.", "Qiymatlardan birini tanlang.", "Қийматлардан бирини танланг.", "Выберите одно из значений."),
 "open311.datatype.multivaluelist": ("Choose one or more of the values.", "Qiymatlardan bir yoki bir nechtasini tanlang.", "Қийматлардан бир ёки бир нечтасини танланг.", "Выберите одно или несколько значений."),
 "open311.notice.filed": ("Responsible: {0}. The answer is due by {1}.", "Masʼul tashkilot: {0}. Javob muddati: {1}.", "Масъул ташкилот: {0}. Жавоб муддати: {1}.", "Ответственная организация: {0}. Срок ответа: {1}."),
 "open311.notice.queued": ("The report is queued and will be registered shortly; ask for its number with the token.",
   "Xabar navbatga qoʻyildi va tez orada roʻyxatga olinadi; uning raqamini token orqali soʻrang.",
   "Хабар навбатга қўйилди ва тез орада рўйхатга олинади; унинг рақамини токен орқали сўранг.",
   "Сообщение поставлено в очередь и скоро будет зарегистрировано; узнайте его номер по токену."),
 "open311.validation.client_name": ("Name the client application (1 to 100 characters).", "Mijoz ilovasining nomini kiriting (1 dan 100 gacha belgi).", "Мижоз иловасининг номини киритинг (1 дан 100 гача белги).", "Укажите название клиентского приложения (от 1 до 100 символов)."),
 "open311.validation.key": ("A key has 8 to 200 characters.", "Kalit 8 dan 200 gacha belgidan iborat boʻladi.", "Калит 8 дан 200 гача белгидан иборат бўлади.", "Ключ должен содержать от 8 до 200 символов."),
 "open311.rule.client_already_revoked": ("This key has already been revoked.", "Bu kalit allaqachon bekor qilingan.", "Бу калит аллақачон бекор қилинган.", "Этот ключ уже отозван."),
 "open311.rule.submission": ("The request could not be queued.", "Soʻrovni navbatga qoʻyib boʻlmadi.", "Сўровни навбатга қўйиб бўлмади.", "Не удалось поставить запрос в очередь."),
 "open311.rule.submission_not_queued": ("This request has already been processed.", "Bu soʻrov allaqachon koʻrib chiqilgan.", "Бу сўров аллақачон кўриб чиқилган.", "Этот запрос уже обработан."),
 "open311.clients.title": ("Open311 clients", "Open311 mijozlari", "Open311 мижозлари", "Клиенты Open311"),
 "open311.clients.intro": ("Client applications that may file reports through the Open311 API. Each has its own key; the key is shown once, when it is issued, and stored only as a hash. A revoked key is refused from its next request on.",
   "Open311 API orqali xabar yuborishi mumkin boʻlgan mijoz ilovalari. Har birining oʻz kaliti bor; kalit faqat berilganda bir marta koʻrsatiladi va faqat xesh shaklida saqlanadi. Bekor qilingan kalit bilan keyingi soʻrovlar rad etiladi.",
   "Open311 API орқали хабар юбориши мумкин бўлган мижоз иловалари. Ҳар бирининг ўз калити бор; калит фақат берилганда бир марта кўрсатилади ва фақат хеш шаклида сақланади. Бекор қилинган калит билан кейинги сўровлар рад этилади.",
   "Клиентские приложения, которые могут подавать сообщения через API Open311. У каждого свой ключ; он показывается один раз, при выдаче, и хранится только в виде хеша. Запросы с отозванным ключом отклоняются, начиная со следующего."),
 "open311.clients.caption": ("Client applications", "Mijoz ilovalari", "Мижоз иловалари", "Клиентские приложения"),
 "open311.clients.name": ("Name", "Nomi", "Номи", "Название"),
 "open311.clients.key": ("Key begins with", "Kalitning boshi", "Калитнинг боши", "Начало ключа"),
 "open311.clients.created": ("Issued", "Berilgan sana", "Берилган сана", "Выдан"),
 "open311.clients.state": ("State", "Holati", "Ҳолати", "Состояние"),
 "open311.clients.active": ("Active", "Faol", "Фаол", "Действует"),
 "open311.clients.revoked": ("Revoked on {0}", "{0} da bekor qilingan", "{0} да бекор қилинган", "Отозван {0}"),
 "open311.clients.revoke": ("Revoke the key", "Kalitni bekor qilish", "Калитни бекор қилиш", "Отозвать ключ"),
 "open311.clients.none": ("No client application has a key yet.", "Hali hech bir mijoz ilovasiga kalit berilmagan.", "Ҳали ҳеч бир мижоз иловасига калит берилмаган.", "Ключи ещё не выданы ни одному приложению."),
 "open311.clients.issue": ("Issue a key", "Kalit berish", "Калит бериш", "Выдать ключ"),
 "open311.clients.issue_submit": ("Issue the key", "Kalitni berish", "Калитни бериш", "Выдать ключ"),
 "open311.clients.issued": ("The key of {0}:", "{0} kaliti:", "{0} калити:", "Ключ приложения {0}:"),
 "open311.clients.issued_once": ("Copy it now and hand it over safely: it is not shown again.", "Uni hozir nusxalab oling va xavfsiz yoʻl bilan topshiring: u qayta koʻrsatilmaydi.", "Уни ҳозир нусхалаб олинг ва хавфсиз йўл билан топширинг: у қайта кўрсатилмайди.", "Скопируйте его сейчас и передайте надёжным способом: больше он показан не будет."),
 "open311.clients.api": ("The API starts at {0}.", "API manzili: {0}.", "API манзили: {0}.", "Адрес API: {0}."),
}

CULTURES = ["en", "uz-Latn", "uz-Cyrl", "ru"]

if __name__ == "__main__":
    for key, row in T.items():
        assert key.startswith("open311."), key
        assert len(row) == len(CULTURES), key
        assert "'" not in row[1] and "`" not in row[1], f"{key}: use U+02BB/U+02BC in Uzbek Latin"
    out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Mahalla.Web", "Resources")
    for i, culture in enumerate(CULTURES):
        data = {key: row[i] for key, row in T.items()}
        with open(os.path.join(out, f"open311.{culture}.json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
