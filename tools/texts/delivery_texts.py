# The texts of report delivery (delivery settings, the delivery log, the e-mails sent to organisations, the
# Open311 client's messages, re-routing), one row per key: English, Uzbek (Latin), Uzbek (Cyrillic), Russian.
# Running this script writes src/Mahalla.Web/Resources/delivery.{culture}.json; the catalog merges every
# Resources/*.{culture}.json and a key may exist only once across files, so every key here starts with
# "delivery." — except the notification kind "notify.report_rerouted", which the engine's naming scheme asks for.
# Uzbek Latin follows the official orthography: oʻ gʻ with U+02BB, the tutuq belgisi with U+02BC.
# "Delivery" is "joʻnatma" in Uzbek and "доставка" in Russian throughout.
import json, os

T = {
 # Validation of the settings and the log's filters
 "delivery.validation.method": ("Choose how the organisation receives reports: inbox, email, webhook or open311.",
   "Tashkilot xabarlarni qanday qabul qilishini tanlang: inbox, email, webhook yoki open311.",
   "Ташкилот хабарларни қандай қабул қилишини танланг: inbox, email, webhook ёки open311.",
   "Выберите, как организация получает сообщения: inbox, email, webhook или open311."),
 "delivery.validation.email": ("Give the organisation's e-mail address for reports.",
   "Xabarlar uchun tashkilotning elektron pochta manzilini kiriting.",
   "Хабарлар учун ташкилотнинг электрон почта манзилини киритинг.",
   "Укажите адрес электронной почты организации для сообщений."),
 "delivery.validation.url": ("Give the full https:// address of the organisation's server, without a query or a user name.",
   "Tashkilot serverining toʻliq https:// manzilini soʻrov qismi va foydalanuvchi nomisiz kiriting.",
   "Ташкилот серверининг тўлиқ https:// манзилини сўров қисми ва фойдаланувчи номисиз киритинг.",
   "Укажите полный адрес https:// сервера организации, без параметров запроса и имени пользователя."),
 "delivery.validation.secret": ("The signing secret must be 16–200 characters.",
   "Imzo kaliti 16–200 belgidan iborat boʻlishi kerak.",
   "Имзо калити 16–200 белгидан иборат бўлиши керак.",
   "Секрет подписи должен содержать от 16 до 200 символов."),
 "delivery.validation.api_key": ("Give the API key that the organisation's Open311 server issued to the platform.",
   "Tashkilotning Open311 serveri platformaga bergan API kalitini kiriting.",
   "Ташкилотнинг Open311 сервери платформага берган API калитини киритинг.",
   "Укажите API-ключ, который Open311-сервер организации выдал платформе."),
 "delivery.validation.format": ("The Open311 format is xml or json.",
   "Open311 formati xml yoki json boʻladi.",
   "Open311 формати xml ёки json бўлади.",
   "Формат Open311 — xml или json."),
 "delivery.validation.jurisdiction": ("The jurisdiction id must be at most 100 characters.",
   "Yurisdiksiya identifikatori 100 belgidan oshmasligi kerak.",
   "Юрисдикция идентификатори 100 белгидан ошмаслиги керак.",
   "Идентификатор юрисдикции должен быть не длиннее 100 символов."),
 "delivery.validation.service_codes": ("Map at least one of our categories to the organisation's service_code (each code up to 100 characters).",
   "Kamida bitta turkumimizni tashkilotning service_code kodiga moslang (har bir kod 100 belgigacha).",
   "Камида битта туркумимизни ташкилотнинг service_code кодига мосланг (ҳар бир код 100 белгигача).",
   "Сопоставьте хотя бы одну нашу категорию с service_code организации (каждый код — до 100 символов)."),
 "delivery.validation.status": ("The status is pending, delivered, failed or cancelled.",
   "Holat: pending, delivered, failed yoki cancelled.",
   "Ҳолат: pending, delivered, failed ёки cancelled.",
   "Статус: pending, delivered, failed или cancelled."),
 "delivery.validation.category": ("Choose a category that can be reported on the map.",
   "Xaritada xabar qilinadigan turkumni tanlang.",
   "Харитада хабар қилинадиган туркумни танланг.",
   "Выберите категорию, о которой можно сообщить на карте."),

 # Rules
 "delivery.rule.not_pending": ("This delivery is not waiting to be sent.",
   "Bu joʻnatma yuborilishni kutmayapti.",
   "Бу жўнатма юборилишни кутмаяпти.",
   "Эта доставка не ожидает отправки."),
 "delivery.rule.nothing_to_retry": ("Only a failed or waiting delivery can be sent again.",
   "Faqat muvaffaqiyatsiz yoki kutayotgan joʻnatmani qayta yuborish mumkin.",
   "Фақат муваффақиятсиз ёки кутаётган жўнатмани қайта юбориш мумкин.",
   "Повторно отправить можно только неудавшуюся или ожидающую доставку."),
 "delivery.rule.nothing_to_cancel": ("This delivery has already been sent or cancelled.",
   "Bu joʻnatma allaqachon yuborilgan yoki bekor qilingan.",
   "Бу жўнатма аллақачон юборилган ёки бекор қилинган.",
   "Эта доставка уже выполнена или отменена."),

 # The e-mail to an organisation that receives reports by e-mail
 "delivery.email.report.subject": ("New report {0}: {1}", "Yangi xabar {0}: {1}", "Янги хабар {0}: {1}", "Новое сообщение {0}: {1}"),
 "delivery.email.report.intro": ("A resident reported a problem on the Mahalla platform, and by the routing rules it is the work of: {0}. Please fix it and give the answer in the platform (or in your own system, if it is connected).",
   "Fuqaro Mahalla platformasida muammo haqida xabar berdi; yoʻnaltirish qoidalariga koʻra bu quyidagi tashkilotning ishi: {0}. Iltimos, muammoni bartaraf eting va javobni platformada (yoki ulangan boʻlsa, oʻz tizimingizda) bering.",
   "Фуқаро Маҳалла платформасида муаммо ҳақида хабар берди; йўналтириш қоидаларига кўра бу қуйидаги ташкилотнинг иши: {0}. Илтимос, муаммони бартараф этинг ва жавобни платформада (ёки уланган бўлса, ўз тизимингизда) беринг.",
   "Житель сообщил о проблеме на платформе «Махалля»; по правилам маршрутизации это работа организации: {0}. Пожалуйста, устраните проблему и дайте ответ на платформе (или в своей системе, если она подключена)."),
 "delivery.email.tracking": ("Tracking number", "Kuzatuv raqami", "Кузатув рақами", "Номер для отслеживания"),
 "delivery.email.category": ("Category", "Turkum", "Туркум", "Категория"),
 "delivery.email.title": ("Title", "Sarlavha", "Сарлавҳа", "Заголовок"),
 "delivery.email.description": ("Description", "Tavsif", "Тавсиф", "Описание"),
 "delivery.email.mahalla": ("Mahalla", "Mahalla", "Маҳалла", "Махалля"),
 "delivery.email.address": ("Address or landmark", "Manzil yoki moʻljal", "Манзил ёки мўлжал", "Адрес или ориентир"),
 "delivery.email.coordinates": ("Coordinates", "Koordinatalar", "Координаталар", "Координаты"),
 "delivery.email.map": ("On the map", "Xaritada", "Харитада", "На карте"),
 "delivery.email.answers": ("Answers to the category's questions", "Turkum savollariga javoblar", "Туркум саволларига жавоблар", "Ответы на вопросы категории"),
 "delivery.email.photos": ("Photos (without location data)", "Suratlar (joylashuv maʼlumotlarisiz)", "Суратлар (жойлашув маълумотларисиз)", "Фотографии (без данных о местоположении)"),
 "delivery.email.supporters": ("Other residents affected", "Muammo taʼsir qilgan boshqa aholi", "Муаммо таъсир қилган бошқа аҳоли", "Других затронутых жителей"),
 "delivery.email.due": ("Answer due by", "Javob muddati", "Жавоб муддати", "Срок ответа"),
 "delivery.email.public_link": ("Report page", "Xabar sahifasi", "Хабар саҳифаси", "Страница сообщения"),
 "delivery.email.staff_link": ("Work on it in the platform", "Platformada ishlash", "Платформада ишлаш", "Работа на платформе"),
 "delivery.email.reporter": ("Reporter's contact (for this report only)", "Xabar beruvchining aloqa maʼlumotlari (faqat shu xabar uchun)",
   "Хабар берувчининг алоқа маълумотлари (фақат шу хабар учун)", "Контакты заявителя (только для этого сообщения)"),
 "delivery.email.footer": ("Sent by the Mahalla platform because your organisation receives reports by e-mail. It holds only what the report page shows everyone; the reporter's contact stays in the platform.",
   "Ushbu xat Mahalla platformasi tomonidan yuborildi, chunki tashkilotingiz xabarlarni elektron pochta orqali qabul qiladi. Unda faqat xabar sahifasida hammaga koʻrinadigan maʼlumotlar bor; xabar beruvchining aloqa maʼlumotlari platformada qoladi.",
   "Ушбу хат Маҳалла платформаси томонидан юборилди, чунки ташкилотингиз хабарларни электрон почта орқали қабул қилади. Унда фақат хабар саҳифасида ҳаммага кўринадиган маълумотлар бор; хабар берувчининг алоқа маълумотлари платформада қолади.",
   "Письмо отправлено платформой «Махалля», так как ваша организация получает сообщения по электронной почте. В нём только то, что видно всем на странице сообщения; контакты заявителя остаются на платформе."),
 "delivery.email.footer_contact": ("Sent by the Mahalla platform because your organisation receives reports by e-mail. The reporter's contact is included because your organisation must reach residents on site: use it for this report only and do not pass it on.",
   "Ushbu xat Mahalla platformasi tomonidan yuborildi, chunki tashkilotingiz xabarlarni elektron pochta orqali qabul qiladi. Xabar beruvchining aloqa maʼlumotlari tashkilotingiz aholi bilan joyida bogʻlanishi kerakligi uchun qoʻshildi: ulardan faqat shu xabar uchun foydalaning va boshqalarga bermang.",
   "Ушбу хат Маҳалла платформаси томонидан юборилди, чунки ташкилотингиз хабарларни электрон почта орқали қабул қилади. Хабар берувчининг алоқа маълумотлари ташкилотингиз аҳоли билан жойида боғланиши кераклиги учун қўшилди: улардан фақат шу хабар учун фойдаланинг ва бошқаларга берманг.",
   "Письмо отправлено платформой «Махалля», так как ваша организация получает сообщения по электронной почте. Контакты заявителя приложены, потому что вашей организации нужно связываться с жителями на месте: используйте их только для этого сообщения и никому не передавайте."),
 "delivery.email.withdrawal.subject": ("Report {0} is no longer your organisation's work", "{0} raqamli xabar endi tashkilotingiz ishi emas",
   "{0} рақамли хабар энди ташкилотингиз иши эмас", "Сообщение {0} больше не относится к вашей организации"),
 "delivery.email.withdrawal.body": ("Report {0} (“{1}”), which was sent to you earlier, has been re-routed to another organisation: {2} (category: {3}). Please stop any work on it; nothing more is needed from you.\n\nReport page: {4}",
   "Sizga avvalroq yuborilgan {0} raqamli xabar («{1}») boshqa tashkilotga yoʻnaltirildi: {2} (turkum: {3}). Iltimos, u boʻyicha ishni toʻxtating; sizdan boshqa hech narsa talab qilinmaydi.\n\nXabar sahifasi: {4}",
   "Сизга аввалроқ юборилган {0} рақамли хабар («{1}») бошқа ташкилотга йўналтирилди: {2} (туркум: {3}). Илтимос, у бўйича ишни тўхтатинг; сиздан бошқа ҳеч нарса талаб қилинмайди.\n\nХабар саҳифаси: {4}",
   "Сообщение {0} («{1}»), отправленное вам ранее, перенаправлено другой организации: {2} (категория: {3}). Пожалуйста, прекратите работу по нему; больше от вас ничего не требуется.\n\nСтраница сообщения: {4}"),

 # The Open311 client
 "delivery.open311.closed_answer": ("{0}: the problem was marked fixed in the organisation's own system.",
   "{0}: muammo tashkilotning oʻz tizimida bartaraf etilgan deb belgilandi.",
   "{0}: муаммо ташкилотнинг ўз тизимида бартараф этилган деб белгиланди.",
   "{0}: проблема отмечена как устранённая в собственной системе организации."),
 "delivery.open311.withdrawn": ("Withdrawn by the Mahalla platform: the report was re-routed to another organisation: {0}. No further work is needed.",
   "Mahalla platformasi tomonidan qaytarib olindi: xabar boshqa tashkilotga yoʻnaltirildi: {0}. Boshqa ish talab qilinmaydi.",
   "Маҳалла платформаси томонидан қайтариб олинди: хабар бошқа ташкилотга йўналтирилди: {0}. Бошқа иш талаб қилинмайди.",
   "Отозвано платформой «Махалля»: сообщение перенаправлено другой организации: {0}. Дальнейшая работа не требуется."),

 # The previous organisation's staff, when a report is re-routed away from it
 "notify.report_rerouted.subject": ("Report {0} passed to another organisation", "{0} raqamli xabar boshqa tashkilotga oʻtkazildi",
   "{0} рақамли хабар бошқа ташкилотга ўтказилди", "Сообщение {0} передано другой организации"),
 "notify.report_rerouted.body": ("Report {0} is no longer your organisation's work: its category is now “{1}” and it has been passed to {2}. Nothing more is needed from you.",
   "{0} raqamli xabar endi tashkilotingiz ishi emas: uning turkumi endi «{1}» va u boshqa tashkilotga topshirildi: {2}. Sizdan boshqa hech narsa talab qilinmaydi.",
   "{0} рақамли хабар энди ташкилотингиз иши эмас: унинг туркуми энди «{1}» ва у бошқа ташкилотга топширилди: {2}. Сиздан бошқа ҳеч нарса талаб қилинмайди.",
   "Сообщение {0} больше не относится к вашей организации: его категория теперь «{1}», и оно передано организации: {2}. Больше от вас ничего не требуется."),
}

CULTURES = ["en", "uz-Latn", "uz-Cyrl", "ru"]

if __name__ == "__main__":
    for key, row in T.items():
        assert key.startswith(("delivery.", "notify.report_rerouted.")), key
        assert len(row) == len(CULTURES), key
        assert "'" not in row[1] and "`" not in row[1], f"{key}: use U+02BB/U+02BC in Uzbek Latin"
    out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Mahalla.Web", "Resources")
    for i, culture in enumerate(CULTURES):
        data = {key: row[i] for key, row in T.items()}
        with open(os.path.join(out, f"delivery.{culture}.json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
