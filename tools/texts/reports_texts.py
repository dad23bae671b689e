# The texts of local problem reports (reporting on the map or without it, the public map and report pages,
# "me too", following, area alerts, "was it fixed?"), one row per key: English, Uzbek (Latin), Uzbek
# (Cyrillic), Russian. Running this script writes src/Mahalla.Web/Resources/reports.{culture}.json; the
# catalog merges every Resources/*.{culture}.json and a key may exist only once across files, so every key
# here starts with "reports." — except the notification kinds ("notify.report_…") and the request type
# ("type.report"), which the engine's own naming scheme asks for.
# Uzbek Latin follows the official orthography: oʻ gʻ with U+02BB, the tutuq belgisi with U+02BC.
import json, os

T = {
 "type.report": ("Problem report", "Muammo haqida xabar", "Муаммо ҳақида хабар", "Сообщение о проблеме"),

 # Validation
 "reports.validation.category": ("Choose what kind of problem it is.", "Muammo turini tanlang.", "Муаммо турини танланг.", "Выберите, какого рода проблема."),
 "reports.validation.title": ("The title must be 1–120 characters.", "Sarlavha 1–120 belgidan iborat boʻlishi kerak.", "Сарлавҳа 1–120 белгидан иборат бўлиши керак.", "Заголовок должен содержать от 1 до 120 символов."),
 "reports.validation.location": ("The place is not valid: give latitude and longitude together, as numbers within range.", "Joy notoʻgʻri: kenglik va uzunlikni birga, toʻgʻri oraliqdagi sonlar bilan kiriting.", "Жой нотўғри: кенглик ва узунликни бирга, тўғри оралиқдаги сонлар билан киритинг.", "Место указано неверно: укажите широту и долготу вместе, числами в допустимых пределах."),
 "reports.validation.location_or_address": ("Pick the place on the map, or choose the mahalla and write the address.", "Joyni xaritada belgilang yoki mahallani tanlab, manzilni yozing.", "Жойни харитада белгиланг ёки маҳаллани танлаб, манзилни ёзинг.", "Отметьте место на карте или выберите махаллю и напишите адрес."),
 "reports.validation.location_or_mahalla": ("Pick the place on the map, or choose the mahalla from the list.", "Joyni xaritada belgilang yoki roʻyxatdan mahallani tanlang.", "Жойни харитада белгиланг ёки рўйхатдан маҳаллани танланг.", "Отметьте место на карте или выберите махаллю из списка."),
 "reports.validation.address": ("The address must be at most 300 characters.", "Manzil 300 belgidan oshmasligi kerak.", "Манзил 300 белгидан ошмаслиги керак.", "Адрес должен быть не длиннее 300 символов."),
 "reports.validation.address_required": ("Write the address or a landmark, so that the place can be found.", "Joyni topish mumkin boʻlishi uchun manzil yoki moʻljalni yozing.", "Жойни топиш мумкин бўлиши учун манзил ёки мўлжални ёзинг.", "Напишите адрес или ориентир, чтобы место можно было найти."),
 "reports.validation.location_source": ("Say how the place was given: on the map, from the phone, or by address.", "Joy qanday berilganini koʻrsating: xaritada, telefondan yoki manzil boʻyicha.", "Жой қандай берилганини кўрсатинг: харитада, телефондан ёки манзил бўйича.", "Укажите, как задано место: на карте, по телефону или по адресу."),
 "reports.validation.outside_area": ("This place is outside the area the platform serves. Check the point on the map.", "Bu joy platforma xizmat koʻrsatadigan hududdan tashqarida. Xaritadagi nuqtani tekshiring.", "Бу жой платформа хизмат кўрсатадиган ҳудуддан ташқарида. Харитадаги нуқтани текширинг.", "Это место вне территории, которую обслуживает платформа. Проверьте точку на карте."),
 "reports.validation.answers": ("The answers to the questions are too long.", "Savollarga javoblar juda uzun.", "Саволларга жавоблар жуда узун.", "Ответы на вопросы слишком длинные."),
 "reports.validation.unknown_question": ("This category has no such question.", "Bu turkumda bunday savol yoʻq.", "Бу туркумда бундай савол йўқ.", "В этой категории нет такого вопроса."),
 "reports.validation.answer_required": ("Please answer this question.", "Iltimos, bu savolga javob bering.", "Илтимос, бу саволга жавоб беринг.", "Пожалуйста, ответьте на этот вопрос."),
 "reports.validation.answer_invalid": ("This answer is not one of the choices or is not in the right form.", "Bu javob tanlovlardan biri emas yoki notoʻgʻri shaklda.", "Бу жавоб танловлардан бири эмас ёки нотўғри шаклда.", "Этот ответ не из предложенных вариантов или в неверном формате."),
 "reports.validation.photos_too_many": ("At most five photos.", "Koʻpi bilan beshta surat.", "Кўпи билан бешта сурат.", "Не более пяти фотографий."),
 "reports.validation.photo_too_large": ("A photo is too large. Take a smaller one or let the page shrink it.", "Surat juda katta. Kichikroq surat oling yoki sahifa uni kichraytirsin.", "Сурат жуда катта. Кичикроқ сурат олинг ёки саҳифа уни кичрайтирсин.", "Фотография слишком большая. Сделайте меньше или позвольте странице её уменьшить."),
 "reports.validation.photo_type": ("Only JPEG, PNG or WebP photos are accepted.", "Faqat JPEG, PNG yoki WebP suratlar qabul qilinadi.", "Фақат JPEG, PNG ёки WebP суратлар қабул қилинади.", "Принимаются только фотографии JPEG, PNG или WebP."),
 "reports.validation.bbox": ("The map area must be four numbers: west, south, east, north.", "Xarita hududi toʻrtta son boʻlishi kerak: gʻarb, janub, sharq, shimol.", "Харита ҳудуди тўртта сон бўлиши керак: ғарб, жануб, шарқ, шимол.", "Область карты — четыре числа: запад, юг, восток, север."),
 "reports.validation.date": ("Dates are written as YYYY-MM-DD.", "Sanalar YYYY-MM-DD koʻrinishida yoziladi.", "Саналар YYYY-MM-DD кўринишида ёзилади.", "Даты записываются как ГГГГ-ММ-ДД."),
 "reports.validation.radius": ("The nearby radius must be 10–5,000 metres.", "Yaqin atrof radiusi 10–5000 metr boʻlishi kerak.", "Яқин атроф радиуси 10–5000 метр бўлиши керак.", "Радиус «рядом» должен быть от 10 до 5000 метров."),
 "reports.validation.questions": ("The questions are not valid: at most ten, each with its own code, a known type, and choices only for list questions.", "Savollar notoʻgʻri: koʻpi bilan oʻnta, har biri oʻz kodi va maʼlum turi bilan, tanlovlar faqat roʻyxatli savollarda.", "Саволлар нотўғри: кўпи билан ўнта, ҳар бири ўз коди ва маълум тури билан, танловлар фақат рўйхатли саволларда.", "Вопросы заданы неверно: не более десяти, у каждого свой код и известный тип, варианты — только у вопросов-списков."),
 "reports.validation.boundary_territory": ("A boundary must name an existing mahalla, district or city (territoryId or soato), once.", "Chegara mavjud mahalla, tuman yoki shaharni (territoryId yoki soato) bir marta koʻrsatishi kerak.", "Чегара мавжуд маҳалла, туман ёки шаҳарни (territoryId ёки soato) бир марта кўрсатиши керак.", "Граница должна один раз указывать существующую махаллю, район или город (territoryId или soato)."),
 "reports.validation.boundary_empty": ("The collection has no features.", "Toʻplamda birorta obyekt yoʻq.", "Тўпламда бирорта объект йўқ.", "В коллекции нет ни одного объекта."),
 "reports.validation.boundary_collection": ("Send a GeoJSON FeatureCollection.", "GeoJSON FeatureCollection yuboring.", "GeoJSON FeatureCollection юборинг.", "Отправьте GeoJSON FeatureCollection."),
 "reports.validation.boundary_geojson": ("The boundary must be a valid GeoJSON Polygon or MultiPolygon with closed rings.", "Chegara yopiq halqali toʻgʻri GeoJSON Polygon yoki MultiPolygon boʻlishi kerak.", "Чегара ёпиқ ҳалқали тўғри GeoJSON Polygon ёки MultiPolygon бўлиши керак.", "Граница должна быть корректным GeoJSON Polygon или MultiPolygon с замкнутыми контурами."),
 "reports.validation.alert_territory": ("Choose a mahalla, district or city for the alerts.", "Xabarnomalar uchun mahalla, tuman yoki shaharni tanlang.", "Хабарномалар учун маҳалла, туман ёки шаҳарни танланг.", "Выберите махаллю, район или город для оповещений."),

 # Rules
 "reports.rule.fixed_question_not_due": ("It is not yet time to ask whether this was fixed.", "Bu muammo hal boʻlganini soʻrash vaqti hali kelmadi.", "Бу муаммо ҳал бўлганини сўраш вақти ҳали келмади.", "Ещё рано спрашивать, устранена ли проблема."),
 "reports.rule.nothing_to_notify": ("There is no new update to tell followers about.", "Kuzatuvchilarga aytiladigan yangilik yoʻq.", "Кузатувчиларга айтиладиган янгилик йўқ.", "Нет новых обновлений для подписчиков."),
 "reports.rule.reporter_cannot_support": ("You reported this problem yourself; you are already counted.", "Bu muammo haqida oʻzingiz xabar bergansiz; siz allaqachon hisobga olingansiz.", "Бу муаммо ҳақида ўзингиз хабар бергансиз; сиз аллақачон ҳисобга олингансиз.", "Вы сами сообщили об этой проблеме и уже учтены."),
 "reports.rule.support_open_reports_only": ("Only an open report can get more support.", "Faqat ochiq xabarni qoʻllab-quvvatlash mumkin.", "Фақат очиқ хабарни қўллаб-қувватлаш мумкин.", "Поддержать можно только открытое сообщение."),
 "reports.rule.supported_already": ("You have already said this affects you too.", "Bu sizga ham taalluqli ekanini allaqachon bildirgansiz.", "Бу сизга ҳам тааллуқли эканини аллақачон билдиргансиз.", "Вы уже отметили, что это касается и вас."),
 "reports.rule.sign_in": ("Sign in to do this.", "Buning uchun tizimga kiring.", "Бунинг учун тизимга киринг.", "Войдите, чтобы это сделать."),

 # Notifications
 "notify.report_filed.subject": ("Report {0} received", "{0} raqamli xabar qabul qilindi", "{0} рақамли хабар қабул қилинди", "Сообщение {0} получено"),
 "notify.report_filed.body": ("Your report {0} has been received and sent to the organisation that fixes it. You will be told when it is marked fixed.",
   "{0} raqamli xabaringiz qabul qilindi va uni bartaraf etadigan tashkilotga yuborildi. Muammo bartaraf etilgani belgilanganda sizga xabar beriladi.",
   "{0} рақамли хабарингиз қабул қилинди ва уни бартараф этадиган ташкилотга юборилди. Муаммо бартараф этилгани белгиланганда сизга хабар берилади.",
   "Ваше сообщение {0} получено и передано организации, которая устраняет такие проблемы. Вам сообщат, когда его отметят как устранённое."),
 "notify.report_fixed_question.subject": ("Was it fixed? Report {0}", "Muammo hal boʻldimi? {0} raqamli xabar", "Муаммо ҳал бўлдими? {0} рақамли хабар", "Проблема устранена? Сообщение {0}"),
 "notify.report_fixed_question.body": ("Your report {0} (“{1}”) was marked fixed. Is it really fixed? Open the report and answer yes or no; “no” reopens it with your reason.",
   "{0} raqamli xabaringiz («{1}») bartaraf etilgan deb belgilandi. Haqiqatan ham hal boʻldimi? Xabarni ochib, «ha» yoki «yoʻq» deb javob bering; «yoʻq» javobi sababingiz bilan uni qayta ochadi.",
   "{0} рақамли хабарингиз («{1}») бартараф этилган деб белгиланди. Ҳақиқатан ҳам ҳал бўлдими? Хабарни очиб, «ҳа» ёки «йўқ» деб жавоб беринг; «йўқ» жавоби сабабингиз билан уни қайта очади.",
   "Ваше сообщение {0} («{1}») отмечено как устранённое. Проблема действительно устранена? Откройте сообщение и ответьте «да» или «нет»; ответ «нет» откроет его снова с вашей причиной."),
 "notify.report_update.subject": ("Update on report {0}", "{0} raqamli xabar boʻyicha yangilik", "{0} рақамли хабар бўйича янгилик", "Обновление по сообщению {0}"),
 "notify.report_update.body": ("The report {0} (“{1}”) that you follow is now: {2}.",
   "Siz kuzatayotgan {0} raqamli xabar («{1}») holati: {2}.",
   "Сиз кузатаётган {0} рақамли хабар («{1}») ҳолати: {2}.",
   "Сообщение {0} («{1}»), на которое вы подписаны, теперь: {2}."),
 "notify.report_new_in_area.subject": ("New report in your area: {0}", "Hududingizda yangi xabar: {0}", "Ҳудудингизда янги хабар: {0}", "Новое сообщение в вашем районе: {0}"),
 "notify.report_new_in_area.body": ("A new problem was reported where you asked for alerts: {0} (“{1}”).",
   "Xabarnoma soʻragan hududingizda yangi muammo haqida xabar berildi: {0} («{1}»).",
   "Хабарнома сўраган ҳудудингизда янги муаммо ҳақида хабар берилди: {0} («{1}»).",
   "В районе, на который вы подписаны, сообщили о новой проблеме: {0} («{1}»)."),
}

CULTURES = ["en", "uz-Latn", "uz-Cyrl", "ru"]

if __name__ == "__main__":
    for key, row in T.items():
        assert key.startswith(("reports.", "notify.report_")) or key == "type.report", key
        assert len(row) == len(CULTURES), key
        assert "'" not in row[1] and "`" not in row[1], f"{key}: use U+02BB/U+02BC in Uzbek Latin"
    out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Mahalla.Web", "Resources")
    for i, culture in enumerate(CULTURES):
        data = {key: row[i] for key, row in T.items()}
        with open(os.path.join(out, f"reports.{culture}.json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
