# The texts of the administration pages and API, one row per key: English, Uzbek (Latin), Uzbek (Cyrillic), Russian.
# Running this script writes src/Mahalla.Web/Resources/admin.{culture}.json, which the text catalog merges with
# the other modules' files. Every key starts with "admin." so that it can never collide with another module's.
# Uzbek Latin follows the official orthography: oʻ gʻ with U+02BB, the tutuq belgisi with U+02BC.
import json, os

T = {
 # Refusals the API and the pages share.
 "admin.error.not_found": ("There is no such record. It may have been deleted.", "Bunday yozuv yoʻq. Ehtimol, u oʻchirilgan.",
   "Бундай ёзув йўқ. Эҳтимол, у ўчирилган.", "Такой записи нет. Возможно, она удалена."),
 "admin.validation.too_long_40": ("At most 40 characters.", "Koʻpi bilan 40 ta belgi.", "Кўпи билан 40 та белги.", "Не более 40 символов."),
 "admin.validation.too_long_150": ("At most 150 characters.", "Koʻpi bilan 150 ta belgi.", "Кўпи билан 150 та белги.", "Не более 150 символов."),
 "admin.validation.too_long_200": ("At most 200 characters.", "Koʻpi bilan 200 ta belgi.", "Кўпи билан 200 та белги.", "Не более 200 символов."),
 "admin.validation.too_long_256": ("At most 256 characters.", "Koʻpi bilan 256 ta belgi.", "Кўпи билан 256 та белги.", "Не более 256 символов."),
 "admin.validation.mahalla_parent": ("Choose the district or city the mahalla belongs to.", "Mahalla qaysi tuman yoki shaharga qarashli ekanini tanlang.",
   "Маҳалла қайси туман ёки шаҳарга қарашли эканини танланг.", "Выберите район или город, к которому относится махалля."),
 "admin.validation.latitude": ("Latitude is a number from −90 to 90, for example 41.3111.", "Kenglik −90 dan 90 gacha boʻlgan son, masalan 41.3111.",
   "Кенглик −90 дан 90 гача бўлган сон, масалан 41.3111.", "Широта — число от −90 до 90, например 41.3111."),
 "admin.validation.longitude": ("Longitude is a number from −180 to 180, for example 69.2797.", "Uzunlik −180 dan 180 gacha boʻlgan son, masalan 69.2797.",
   "Узунлик −180 дан 180 гача бўлган сон, масалан 69.2797.", "Долгота — число от −180 до 180, например 69.2797."),
 "admin.rule.mahalla_name_taken": ("This district or city already has a mahalla with this name.", "Bu tuman yoki shaharda shu nomli mahalla allaqachon bor.",
   "Бу туман ёки шаҳарда шу номли маҳалла аллақачон бор.", "В этом районе или городе уже есть махалля с таким названием."),
 "admin.validation.organization_kind": ("Choose the kind of organisation.", "Tashkilot turini tanlang.", "Ташкилот турини танланг.", "Выберите вид организации."),
 "admin.validation.council_needs_mahalla": ("A mahalla council belongs to a mahalla: choose a mahalla as its territory.",
   "Mahalla fuqarolar yigʻini mahallaga tegishli boʻladi: hudud sifatida mahallani tanlang.",
   "Маҳалла фуқаролар йиғини маҳаллага тегишли бўлади: ҳудуд сифатида маҳаллани танланг.",
   "Сход граждан относится к махалле: выберите махаллю в качестве территории."),
 "admin.rule.mahalla_has_a_council": ("This mahalla already has its council.", "Bu mahallaning fuqarolar yigʻini allaqachon mavjud.",
   "Бу маҳалланинг фуқаролар йиғини аллақачон мавжуд.", "У этой махалли уже есть сход граждан."),
 "admin.rule.council_stays_active": ("A mahalla council cannot be deactivated: appeals that no rule routes elsewhere go to it.",
   "Mahalla fuqarolar yigʻinini faolsizlantirib boʻlmaydi: boshqa joyga yoʻnaltirilmagan murojaatlar unga tushadi.",
   "Маҳалла фуқаролар йиғинини фаолсизлантириб бўлмайди: бошқа жойга йўналтирилмаган мурожаатлар унга тушади.",
   "Сход граждан махалли нельзя отключить: к нему попадают обращения, которые не направлены по правилам в другое место."),
 "admin.validation.category_code": ("The code is 2 to 40 lowercase Latin letters, digits and hyphens, for example street-lighting.",
   "Kod 2 dan 40 tagacha kichik lotin harflari, raqamlar va chiziqchalardan iborat, masalan street-lighting.",
   "Код 2 дан 40 тагача кичик лотин ҳарфлари, рақамлар ва чизиқчалардан иборат, масалан street-lighting.",
   "Код — от 2 до 40 строчных латинских букв, цифр и дефисов, например street-lighting."),
 "admin.validation.sort_order": ("The position is a whole number from 0 to 100,000.", "Tartib raqami 0 dan 100 000 gacha butun son.",
   "Тартиб рақами 0 дан 100 000 гача бутун сон.", "Порядковый номер — целое число от 0 до 100 000."),
 "admin.rule.category_code_taken": ("A category with this code already exists.", "Bu kodli mavzu allaqachon mavjud.", "Бу кодли мавзу аллақачон мавжуд.",
   "Тема с таким кодом уже существует."),
 "admin.rule.routing_rule_exists": ("There is already a rule for this topic on this territory. Change that rule's organisation instead of adding a second one.",
   "Bu hududda shu mavzu uchun qoida allaqachon bor. Ikkinchisini qoʻshish oʻrniga oʻsha qoidaning tashkilotini oʻzgartiring.",
   "Бу ҳудудда шу мавзу учун қоида аллақачон бор. Иккинчисини қўшиш ўрнига ўша қоиданинг ташкилотини ўзгартиринг.",
   "Для этой темы на этой территории правило уже есть. Измените организацию в нём, а не добавляйте второе."),
 "admin.validation.date": ("Enter a date between 2000 and 2100.", "2000–2100 yillar oraligʻidagi sanani kiriting.",
   "2000–2100 йиллар оралиғидаги санани киритинг.", "Введите дату с 2000 по 2100 год."),
 "admin.rule.only_moving_holidays_move": ("Only a moving holiday (Ramazon or Qurbon hayiti) can be moved. Delete a wrong fixed holiday and add it again.",
   "Faqat koʻchib yuruvchi bayramni (Ramazon yoki Qurbon hayiti) boshqa kunga oʻtkazish mumkin. Notoʻgʻri kiritilgan doimiy bayramni oʻchirib, qaytadan qoʻshing.",
   "Фақат кўчиб юрувчи байрамни (Рамазон ёки Қурбон ҳайити) бошқа кунга ўтказиш мумкин. Нотўғри киритилган доимий байрамни ўчириб, қайтадан қўшинг.",
   "Перенести можно только подвижный праздник (Рамазан или Курбан хайит). Ошибочный постоянный праздник удалите и добавьте заново."),
 "admin.rule.holiday_moves_within_its_year": ("A moving holiday is moved within its own year; add next year's date as a new holiday.",
   "Koʻchib yuruvchi bayram faqat oʻz yili ichida koʻchiriladi; keyingi yil sanasini yangi bayram sifatida qoʻshing.",
   "Кўчиб юрувчи байрам фақат ўз йили ичида кўчирилади; кейинги йил санасини янги байрам сифатида қўшинг.",
   "Подвижный праздник переносится только в пределах своего года; дату следующего года добавьте как новый праздник."),
 "admin.rule.holiday_on_that_day": ("That day is already a holiday.", "Bu kun allaqachon bayram kuni.", "Бу кун аллақачон байрам куни.", "Этот день уже праздничный."),
 "admin.rule.deadline_policy_exists": ("A policy for this kind of appeal and topic already exists. Change its terms instead.",
   "Bu murojaat turi va mavzu uchun muddatlar allaqachon belgilangan. Ularni oʻzgartiring.",
   "Бу мурожаат тури ва мавзу учун муддатлар аллақачон белгиланган. Уларни ўзгартиринг.",
   "Сроки для этого вида обращения и темы уже заданы. Измените их."),
 "admin.rule.default_policy_stays": ("The default deadlines cannot be deleted; change them instead.", "Umumiy muddatlarni oʻchirib boʻlmaydi, ularni faqat oʻzgartirish mumkin.",
   "Умумий муддатларни ўчириб бўлмайди, уларни фақат ўзгартириш мумкин.", "Общие сроки нельзя удалить, их можно только изменить."),
 "admin.validation.deadline_terms": ("The terms do not fit together: registration 0–30 working days, answer 1–90 days, extended answer from the answer term up to 120 days, confirmation and reopened answer 1–90 days, escalation 1–30 working days.",
   "Muddatlar bir-biriga mos emas: roʻyxatga olish 0–30 ish kuni, javob 1–90 kun, uzaytirilgan javob javob muddatidan 120 kungacha, tasdiqlash va qayta ochilgandan keyingi javob 1–90 kun, yuqoriga oʻtkazish 1–30 ish kuni.",
   "Муддатлар бир-бирига мос эмас: рўйхатга олиш 0–30 иш куни, жавоб 1–90 кун, узайтирилган жавоб жавоб муддатидан 120 кунгача, тасдиқлаш ва қайта очилгандан кейинги жавоб 1–90 кун, юқорига ўтказиш 1–30 иш куни.",
   "Сроки не согласованы: регистрация 0–30 рабочих дней, ответ 1–90 дней, продлённый ответ — от срока ответа до 120 дней, подтверждение и ответ после повторного открытия 1–90 дней, передача выше 1–30 рабочих дней."),
 "admin.validation.role": ("Choose a role from the list.", "Roʻyxatdan rolni tanlang.", "Рўйхатдан ролни танланг.", "Выберите роль из списка."),
 "admin.validation.user_name": ("A user name uses Latin letters, digits and the characters - . _ @ +.", "Foydalanuvchi nomida lotin harflari, raqamlar va - . _ @ + belgilari boʻlishi mumkin.",
   "Фойдаланувчи номида лотин ҳарфлари, рақамлар ва - . _ @ + белгилари бўлиши мумкин.", "Имя пользователя состоит из латинских букв, цифр и знаков - . _ @ +."),
 "admin.validation.email": ("Enter an e-mail address such as name@example.uz.", "name@example.uz kabi e-pochta manzilini kiriting.",
   "name@example.uz каби электрон почта манзилини киритинг.", "Введите адрес электронной почты, например name@example.uz."),
 "admin.validation.phone": ("Enter a phone number in the format +998 XX XXX XX XX.", "Telefon raqamini +998 XX XXX XX XX koʻrinishida kiriting.",
   "Телефон рақамини +998 XX XXX XX XX кўринишида киритинг.", "Введите номер телефона в формате +998 XX XXX XX XX."),
 "admin.validation.email_or_phone": ("Enter an e-mail address or a phone number, so that the person can be notified.", "Xodimga xabar yuborish uchun e-pochta yoki telefon raqamini kiriting.",
   "Ходимга хабар юбориш учун электрон почта ёки телефон рақамини киритинг.", "Укажите e-mail или номер телефона, чтобы сотрудник получал уведомления."),
 "admin.validation.role_needs_organization": ("This role works for an organisation: choose it.", "Bu rol tashkilotda ishlaydi: tashkilotni tanlang.",
   "Бу рол ташкилотда ишлайди: ташкилотни танланг.", "Эта роль работает в организации: выберите её."),
 "admin.validation.role_needs_territory": ("This role oversees a territory: choose it, or an organisation on it.", "Bu rol hududni nazorat qiladi: hududni yoki undagi tashkilotni tanlang.",
   "Бу рол ҳудудни назорат қилади: ҳудудни ёки ундаги ташкилотни танланг.", "Эта роль курирует территорию: выберите её или организацию на ней."),
 "admin.rule.user_name_taken": ("An account with this user name already exists.", "Bu foydalanuvchi nomi bilan hisob allaqachon mavjud.",
   "Бу фойдаланувчи номи билан ҳисоб аллақачон мавжуд.", "Учётная запись с таким именем уже существует."),
 "admin.rule.keep_your_own_admin_role": ("You cannot take the administrator role away from yourself; ask another administrator.",
   "Administrator rolini oʻzingizdan olib qoʻya olmaysiz; boshqa administratorga murojaat qiling.",
   "Администратор ролини ўзингиздан олиб қўя олмайсиз; бошқа администраторга мурожаат қилинг.",
   "Нельзя снять роль администратора с самого себя; обратитесь к другому администратору."),
 "admin.rule.cannot_lock_yourself": ("You cannot lock your own account.", "Oʻz hisobingizni bloklay olmaysiz.", "Ўз ҳисобингизни блоклай олмайсиз.",
   "Нельзя заблокировать собственную учётную запись."),
}

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "..", "src", "Mahalla.Web", "Resources")
os.makedirs(out, exist_ok=True)
for i, culture in enumerate(["en", "uz-Latn", "uz-Cyrl", "ru"]):
    assert all(k.startswith("admin.") for k in T), "every administration key starts with admin."
    data = {k: v[i] for k, v in T.items()}
    with open(os.path.join(out, f"admin.{culture}.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
print(len(T), "keys")
