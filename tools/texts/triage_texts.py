# The texts of triage in the platform (triage queue, model administration, urgency flags on requests), one
# row per key: English, Uzbek (Latin), Uzbek (Cyrillic), Russian. Running this script writes
# src/Mahalla.Web/Resources/triage.{culture}.json; the catalog merges every Resources/*.{culture}.json, and a
# key may exist only once across files, so every key here starts with "triage." — except "event.reclassified",
# the timeline's name for the event that staff decisions on the triage queue record.
# Uzbek Latin follows the official orthography: oʻ gʻ with U+02BB, the tutuq belgisi with U+02BC.
import json, os

T = {
 "event.reclassified": ("Topic decided by staff", "Mavzusi xodim tomonidan belgilandi", "Мавзуси ходим томонидан белгиланди", "Тема определена сотрудником"),
 "triage.nav": ("Triage", "Saralash", "Саралаш", "Сортировка"),
 "triage.queue.title": ("Triage queue", "Saralash navbati", "Саралаш навбати", "Очередь сортировки"),
 "triage.queue.intro": ("Requests the platform could not place with confidence, most urgent first. Decide the topic; the body follows from the routing rules unless you choose another. Every decision teaches the next model.",
   "Platforma ishonch bilan joylay olmagan murojaatlar, eng shoshilinchlari birinchi. Mavzuni belgilang; masʼul tashkilot yoʻnaltirish qoidalaridan aniqlanadi, agar boshqasini tanlamasangiz. Har bir qaroringiz keyingi modelni oʻrgatadi.",
   "Платформа ишонч билан жойлай олмаган мурожаатлар, энг шошилинчлари биринчи. Мавзуни белгиланг; масъул ташкилот йўналтириш қоидаларидан аниқланади, агар бошқасини танламасангиз. Ҳар бир қарорингиз кейинги моделни ўргатади.",
   "Обращения, которые платформа не смогла уверенно распределить, сначала самые срочные. Определите тему; ответственная организация следует из правил маршрутизации, если вы не выберете другую. Каждое решение обучает следующую модель."),
 "triage.queue.count": ("{0} requests waiting", "Kutayotgan murojaatlar: {0}", "Кутаётган мурожаатлар: {0}", "Ожидают решения: {0}"),
 "triage.queue.empty": ("Nothing is waiting for a decision.", "Qaror kutayotgan murojaat yoʻq.", "Қарор кутаётган мурожаат йўқ.", "Нет обращений, ожидающих решения."),
 "triage.queue.next_page": ("Next page", "Keyingi sahifa", "Кейинги саҳифа", "Следующая страница"),
 "triage.suggestion": ("Model's suggestion", "Model taklifi", "Модел таклифи", "Предложение модели"),
 "triage.probability": ("{0} % sure", "{0} % ishonch", "{0} % ишонч", "уверенность {0} %"),
 "triage.current": ("Now routed as", "Hozirgi yoʻnalish", "Ҳозирги йўналиш", "Сейчас направлено как"),
 "triage.citizen_chose": ("The citizen chose", "Fuqaro tanlagan mavzu", "Фуқаро танлаган мавзу", "Выбор заявителя"),
 "triage.citizen_left_open": ("The citizen left the topic open.", "Fuqaro mavzuni tanlamagan.", "Фуқаро мавзуни танламаган.", "Заявитель не выбрал тему."),
 "triage.decide.category": ("Topic", "Mavzu", "Мавзу", "Тема"),
 "triage.decide.organization": ("Responsible body", "Masʼul tashkilot", "Масъул ташкилот", "Ответственная организация"),
 "triage.decide.by_rules": ("As the routing rules say", "Yoʻnaltirish qoidalariga koʻra", "Йўналтириш қоидаларига кўра", "По правилам маршрутизации"),
 "triage.decide.submit": ("Decide", "Qaror qilish", "Қарор қилиш", "Принять решение"),
 "triage.decided": ("Decided: the request has left the queue.", "Qaror qabul qilindi: murojaat navbatdan chiqdi.", "Қарор қабул қилинди: мурожаат навбатдан чиқди.", "Решение принято: обращение покинуло очередь."),
 "triage.urgency.title": ("Urgency", "Shoshilinchlik", "Шошилинчлик", "Срочность"),
 "triage.urgency.normal": ("Normal", "Oddiy", "Оддий", "Обычная"),
 "triage.urgency.high": ("High", "Yuqori", "Юқори", "Высокая"),
 "triage.urgency.critical": ("Critical", "Juda xavfli", "Жуда хавфли", "Критическая"),
 "triage.urgency.correct": ("Correct the urgency", "Shoshilinchlikni tuzatish", "Шошилинчликни тузатиш", "Исправить срочность"),
 "triage.flag.gas_leak": ("Gas leak", "Gaz sizishi", "Газ сизиши", "Утечка газа"),
 "triage.flag.fire": ("Fire", "Yongʻin", "Ёнғин", "Пожар"),
 "triage.flag.electrical_hazard": ("Electrical hazard", "Elektr xavfi", "Электр хавфи", "Опасность поражения током"),
 "triage.flag.flooding": ("Flooding", "Suv bosishi", "Сув босиши", "Затопление"),
 "triage.flag.collapse": ("Risk of collapse", "Qulash xavfi", "Қулаш хавфи", "Угроза обрушения"),
 "triage.flag.disability": ("Person with a disability", "Nogironligi bor shaxs", "Ногиронлиги бор шахс", "Человек с инвалидностью"),
 "triage.flag.lonely_elderly": ("Elderly person living alone", "Yolgʻiz keksa", "Ёлғиз кекса", "Одинокий пожилой человек"),
 "triage.flag.children": ("Children", "Bolalar", "Болалар", "Дети"),
 "triage.flag.pregnancy": ("Pregnancy", "Homiladorlik", "Ҳомиладорлик", "Беременность"),
 "triage.flag.because": ("because of: {0}", "sababi: {0}", "сабаби: {0}", "по словам: {0}"),
 "triage.summary": ("Summary", "Qisqacha mazmuni", "Қисқача мазмуни", "Краткое содержание"),
 "triage.group": ("Same problem reported {0} times, {1} people affected", "Bir xil muammo {0} marta xabar qilingan, {1} kishiga taʼsir qiladi", "Бир хил муаммо {0} марта хабар қилинган, {1} кишига таъсир қилади", "Об этой проблеме сообщили {0} раз, затронуто людей: {1}"),
 "triage.group.master": ("Master request", "Asosiy murojaat", "Асосий мурожаат", "Главное обращение"),
 "triage.group.split": ("Not the same problem: split off", "Bu boshqa muammo: guruhdan ajratish", "Бу бошқа муаммо: гуруҳдан ажратиш", "Это другая проблема: отделить"),
 "triage.group.merge_with": ("Same problem as request (tracking number)", "Quyidagi murojaat bilan bir xil muammo (kuzatuv raqami)", "Қуйидаги мурожаат билан бир хил муаммо (кузатув рақами)", "Та же проблема, что в обращении (номер)"),
 "triage.group.merge": ("Merge", "Birlashtirish", "Бирлаштириш", "Объединить"),
 "triage.panel.title": ("Triage", "Saralash", "Саралаш", "Сортировка"),
 "triage.decision.auto_routed": ("Routed automatically", "Avtomatik yoʻnaltirildi", "Автоматик йўналтирилди", "Направлено автоматически"),
 "triage.decision.citizen_chose": ("Topic chosen by the citizen", "Mavzuni fuqaro tanlagan", "Мавзуни фуқаро танлаган", "Тема выбрана заявителем"),
 "triage.decision.waiting": ("Waiting for a staff decision", "Xodim qarorini kutmoqda", "Ходим қарорини кутмоқда", "Ожидает решения сотрудника"),
 "triage.decision.decided": ("Decided by staff", "Xodim qaror qilgan", "Ходим қарор қилган", "Решено сотрудником"),
 "triage.models.nav": ("Triage models", "Saralash modellari", "Саралаш моделлари", "Модели сортировки"),
 "triage.models.title": ("Triage models", "Saralash modellari", "Саралаш моделлари", "Модели сортировки"),
 "triage.models.intro": ("Retrain the category model on the staff decisions and the seed corpus. The new model and the current one are measured on the same held-out requests; promote the new one only if it does better.",
   "Mavzu modelini xodimlar qarorlari va boshlangʻich korpus asosida qayta oʻqiting. Yangi va joriy model bir xil ajratib qoʻyilgan murojaatlarda baholanadi; yangisini faqat u yaxshiroq natija bersa faollashtiring.",
   "Мавзу моделини ходимлар қарорлари ва бошланғич корпус асосида қайта ўқитинг. Янги ва жорий модел бир хил ажратиб қўйилган мурожаатларда баҳоланади; янгисини фақат у яхшироқ натижа берса фаоллаштиринг.",
   "Переобучите модель тем на решениях сотрудников и исходном корпусе. Новая и текущая модели оцениваются на одних и тех же отложенных обращениях; делайте новую активной, только если она лучше."),
 "triage.models.active": ("Model in use: {0}", "Amaldagi model: {0}", "Амалдаги модел: {0}", "Используемая модель: {0}"),
 "triage.models.corrections": ("Staff decisions available for training: {0}", "Oʻqitish uchun xodimlar qarorlari: {0}", "Ўқитиш учун ходимлар қарорлари: {0}", "Решений сотрудников для обучения: {0}"),
 "triage.models.retrain": ("Retrain now", "Hozir qayta oʻqitish", "Ҳозир қайта ўқитиш", "Переобучить сейчас"),
 "triage.models.retrain_hint": ("Training takes up to a minute.", "Oʻqitish bir daqiqagacha davom etadi.", "Ўқитиш бир дақиқагача давом этади.", "Обучение занимает до минуты."),
 "triage.models.caption": ("Model versions, newest first", "Model versiyalari, eng yangisi birinchi", "Модел версиялари, энг янгиси биринчи", "Версии моделей, сначала новые"),
 "triage.models.name": ("Model", "Model", "Модел", "Модель"),
 "triage.models.status": ("Status", "Holati", "Ҳолати", "Статус"),
 "triage.models.trained_at": ("Trained", "Oʻqitilgan vaqt", "Ўқитилган вақт", "Обучена"),
 "triage.models.examples": ("Training examples (of which corrections)", "Oʻqitish misollari (shundan tuzatishlar)", "Ўқитиш мисоллари (шундан тузатишлар)", "Обучающих примеров (из них исправлений)"),
 "triage.models.new_figures": ("This model on held-out requests", "Ushbu model ajratilgan murojaatlarda", "Ушбу модел ажратилган мурожаатларда", "Эта модель на отложенных обращениях"),
 "triage.models.current_figures": ("Model then in use, same requests", "Oʻsha paytdagi model, xuddi shu murojaatlarda", "Ўша пайтдаги модел, худди шу мурожаатларда", "Модель, используемая тогда, на тех же обращениях"),
 "triage.models.figures": ("accuracy {0}, macro-F1 {1}, calibration error {2}", "aniqlik {0}, makro-F1 {1}, kalibrlash xatosi {2}", "аниқлик {0}, макро-F1 {1}, калибрлаш хатоси {2}", "точность {0}, макро-F1 {1}, ошибка калибровки {2}"),
 "triage.models.promote": ("Promote", "Faollashtirish", "Фаоллаштириш", "Сделать активной"),
 "triage.models.discard": ("Discard", "Bekor qilish", "Бекор қилиш", "Отклонить"),
 "triage.models.none": ("No model has been trained here yet; the seed model is in use.", "Bu yerda hali model oʻqitilmagan; boshlangʻich model ishlatilmoqda.", "Бу ерда ҳали модел ўқитилмаган; бошланғич модел ишлатилмоқда.", "Здесь ещё не обучали моделей; используется исходная модель."),
 "triage.models.status.candidate": ("Candidate", "Nomzod", "Номзод", "Кандидат"),
 "triage.models.status.active": ("Active", "Faol", "Фаол", "Активна"),
 "triage.models.status.retired": ("Retired", "Almashtirilgan", "Алмаштирилган", "Заменена"),
 "triage.models.status.discarded": ("Discarded", "Bekor qilingan", "Бекор қилинган", "Отклонена"),
 "triage.validation.organization": ("Choose an active organisation.", "Faol tashkilotni tanlang.", "Фаол ташкилотни танланг.", "Выберите действующую организацию."),
 "triage.validation.level": ("Choose the urgency: normal, high or critical.", "Shoshilinchlikni tanlang: oddiy, yuqori yoki juda xavfli.", "Шошилинчликни танланг: оддий, юқори ёки жуда хавфли.", "Выберите срочность: обычная, высокая или критическая."),
 "triage.validation.other_appeal": ("Name another request to merge with.", "Birlashtirish uchun boshqa murojaatni koʻrsating.", "Бирлаштириш учун бошқа мурожаатни кўрсатинг.", "Укажите другое обращение для объединения."),
 "triage.rule.only_open_requests_can_be_reclassified": ("Only an open request can get a new topic or body.", "Faqat ochiq murojaatning mavzusi yoki tashkilotini oʻzgartirish mumkin.", "Фақат очиқ мурожаатнинг мавзуси ёки ташкилотини ўзгартириш мумкин.", "Сменить тему или организацию можно только у открытого обращения."),
 "triage.rule.reclassify_must_change_something": ("The topic and the body are already these.", "Mavzu va tashkilot allaqachon shunday.", "Мавзу ва ташкилот аллақачон шундай.", "Тема и организация уже именно такие."),
 "triage.rule.nothing_to_change": ("This request is already decided with this topic and body.", "Bu murojaat boʻyicha aynan shu mavzu va tashkilot bilan qaror qabul qilingan.", "Бу мурожаат бўйича айнан шу мавзу ва ташкилот билан қарор қабул қилинган.", "По этому обращению уже принято решение с этой темой и организацией."),
 "triage.rule.urgency_unchanged": ("The urgency is already set to this level.", "Shoshilinchlik allaqachon shu darajada.", "Шошилинчлик аллақачон шу даражада.", "Срочность уже установлена на этом уровне."),
 "triage.rule.already_in_one_group": ("These requests are already in one group.", "Bu murojaatlar allaqachon bitta guruhda.", "Бу мурожаатлар аллақачон битта гуруҳда.", "Эти обращения уже в одной группе."),
 "triage.rule.not_in_a_group": ("This request is not grouped with others.", "Bu murojaat boshqalar bilan guruhlanmagan.", "Бу мурожаат бошқалар билан гуруҳланмаган.", "Это обращение не сгруппировано с другими."),
 "triage.rule.decide_the_candidate_first": ("Promote or discard the waiting candidate first.", "Avval kutayotgan nomzod modelni faollashtiring yoki bekor qiling.", "Аввал кутаётган номзод моделни фаоллаштиринг ёки бекор қилинг.", "Сначала сделайте активной или отклоните ожидающую модель-кандидата."),
 "triage.rule.only_candidates_can_be_decided": ("Only a candidate model can be promoted or discarded.", "Faqat nomzod modelni faollashtirish yoki bekor qilish mumkin.", "Фақат номзод моделни фаоллаштириш ёки бекор қилиш мумкин.", "Сделать активной или отклонить можно только модель-кандидата."),
 "triage.rule.only_the_active_model_retires": ("Only the active model can be replaced.", "Faqat faol modelni almashtirish mumkin.", "Фақат фаол моделни алмаштириш мумкин.", "Заменить можно только активную модель."),
 "triage.rule.administrators_only": ("Only administrators manage triage models.", "Saralash modellarini faqat administratorlar boshqaradi.", "Саралаш моделларини фақат администраторлар бошқаради.", "Управлять моделями сортировки могут только администраторы."),
}

CULTURES = ["en", "uz-Latn", "uz-Cyrl", "ru"]

if __name__ == "__main__":
    for key, row in T.items():
        assert key.startswith("triage.") or key == "event.reclassified", key
        assert len(row) == len(CULTURES), key
        assert "'" not in row[1] and "`" not in row[1], f"{key}: use U+02BB/U+02BC in Uzbek Latin"
    out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Mahalla.Web", "Resources")
    for i, culture in enumerate(CULTURES):
        data = {key: row[i] for key, row in T.items()}
        with open(os.path.join(out, f"triage.{culture}.json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
