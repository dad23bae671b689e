# The texts of the transparency log (auditors' page, receipts, log endpoints), one row per key: English,
# Uzbek (Latin), Uzbek (Cyrillic), Russian. Running this script writes
# src/Mahalla.Web/Resources/transparency.{culture}.json; the catalog merges every Resources/*.{culture}.json,
# and a key may exist only once across files, so every key here starts with "tlog.".
# Uzbek Latin follows the official orthography: oʻ gʻ with U+02BB, the tutuq belgisi with U+02BC.
import json, os

T = {
 "tlog.nav": ("Transparency log", "Shaffoflik jurnali", "Шаффофлик журнали", "Журнал прозрачности"),
 "tlog.page.title": ("Transparency log", "Shaffoflik jurnali", "Шаффофлик журнали", "Журнал прозрачности"),
 "tlog.page.intro": ("Every step of every appeal is recorded in a public log that nobody, not even the platform's operators, can quietly rewrite. The log signs its state every few seconds, independent witnesses countersign it, and anyone can check it with the free command-line tool. The log holds no names and no texts: only numbers, dates, roles and sealed fingerprints of the texts.",
   "Har bir murojaatning har bir bosqichi ochiq jurnalga yoziladi va uni hech kim, hatto platforma xodimlari ham, yashirincha oʻzgartira olmaydi. Jurnal har bir necha soniyada oʻz holatini imzolaydi, mustaqil guvohlar uni tasdiqlab imzo qoʻyadi, har kim esa bepul buyruq satri dasturi bilan tekshira oladi. Jurnalda ism ham, matn ham yoʻq: faqat raqamlar, sanalar, lavozimlar va matnlarning muhrlangan izlari.",
   "Ҳар бир мурожаатнинг ҳар бир босқичи очиқ журналга ёзилади ва уни ҳеч ким, ҳатто платформа ходимлари ҳам, яширинча ўзгартира олмайди. Журнал ҳар бир неча сонияда ўз ҳолатини имзолайди, мустақил гувоҳлар уни тасдиқлаб имзо қўяди, ҳар ким эса бепул буйруқ сатри дастури билан текшира олади. Журналда исм ҳам, матн ҳам йўқ: фақат рақамлар, саналар, лавозимлар ва матнларнинг муҳрланган излари.",
   "Каждый шаг каждого обращения записывается в открытый журнал, который никто, даже операторы платформы, не может незаметно переписать. Журнал каждые несколько секунд подписывает своё состояние, независимые свидетели скрепляют его своими подписями, и любой может проверить его бесплатной программой командной строки. В журнале нет имён и текстов: только номера, даты, роли и запечатанные отпечатки текстов."),
 "tlog.page.checkpoint_title": ("Latest checkpoint", "Soʻnggi nazorat nuqtasi", "Сўнгги назорат нуқтаси", "Последняя контрольная точка"),
 "tlog.page.no_checkpoint": ("The log has not signed a checkpoint yet.", "Jurnal hali birorta nazorat nuqtasini imzolamagan.", "Журнал ҳали бирорта назорат нуқтасини имзоламаган.", "Журнал ещё не подписал ни одной контрольной точки."),
 "tlog.page.origin": ("Log name", "Jurnal nomi", "Журнал номи", "Имя журнала"),
 "tlog.page.size": ("Entries in the log", "Jurnaldagi yozuvlar soni", "Журналдаги ёзувлар сони", "Записей в журнале"),
 "tlog.page.root": ("Root hash", "Ildiz xeshi", "Илдиз хеши", "Корневой хеш"),
 "tlog.page.signed_at": ("Signed at", "Imzolangan vaqt", "Имзоланган вақт", "Подписана"),
 "tlog.page.note": ("The signed checkpoint", "Imzolangan nazorat nuqtasi", "Имзоланган назорат нуқтаси", "Подписанная контрольная точка"),
 "tlog.page.signers_caption": ("Who signed this checkpoint", "Bu nazorat nuqtasini kimlar imzolagan", "Бу назорат нуқтасини кимлар имзолаган", "Кто подписал эту контрольную точку"),
 "tlog.page.signer_name": ("Key name", "Kalit nomi", "Калит номи", "Имя ключа"),
 "tlog.page.signer_role": ("Role", "Vazifasi", "Вазифаси", "Роль"),
 "tlog.page.role_log": ("The log itself", "Jurnalning oʻzi", "Журналнинг ўзи", "Сам журнал"),
 "tlog.page.role_witness": ("Independent witness", "Mustaqil guvoh", "Мустақил гувоҳ", "Независимый свидетель"),
 "tlog.page.no_witnesses": ("No witness has countersigned this checkpoint: no witnesses are configured.", "Bu nazorat nuqtasini hech bir guvoh tasdiqlamagan: guvohlar sozlanmagan.",
   "Бу назорат нуқтасини ҳеч бир гувоҳ тасдиқламаган: гувоҳлар созланмаган.", "Ни один свидетель не скрепил эту контрольную точку: свидетели не настроены."),
 "tlog.page.link_checkpoint": ("Checkpoint as text", "Nazorat nuqtasi matn koʻrinishida", "Назорат нуқтаси матн кўринишида", "Контрольная точка в виде текста"),
 "tlog.page.link_vkey": ("The log's public key", "Jurnalning ochiq kaliti", "Журналнинг очиқ калити", "Открытый ключ журнала"),
 "tlog.page.growth_title": ("Size of the log over time", "Jurnal hajmining oʻzgarishi", "Журнал ҳажмининг ўзгариши", "Рост журнала"),
 "tlog.page.growth_caption": ("Entries in the log at the end of each day, last {0} days", "Har kun oxiridagi yozuvlar soni, soʻnggi {0} kun", "Ҳар кун охиридаги ёзувлар сони, сўнгги {0} кун", "Записей в журнале на конец каждого дня, последние {0} дн."),
 "tlog.page.no_growth": ("No checkpoints in the last two weeks.", "Soʻnggi ikki haftada nazorat nuqtalari yoʻq.", "Сўнгги икки ҳафтада назорат нуқталари йўқ.", "За последние две недели контрольных точек нет."),
 "tlog.page.day": ("Day", "Kun", "Кун", "День"),
 "tlog.page.entries": ("Entries", "Yozuvlar", "Ёзувлар", "Записей"),
 "tlog.page.audit_title": ("Last audit", "Soʻnggi audit", "Сўнгги аудит", "Последний аудит"),
 "tlog.page.no_audit": ("No audit has been run yet. An auditor runs it with: mahalla tlog audit.", "Hali audit oʻtkazilmagan. Auditor uni quyidagi buyruq bilan ishga tushiradi: mahalla tlog audit.",
   "Ҳали аудит ўтказилмаган. Аудитор уни қуйидаги буйруқ билан ишга туширади: mahalla tlog audit.", "Аудит ещё не проводился. Аудитор запускает его командой: mahalla tlog audit."),
 "tlog.page.audit_passed": ("Passed: every recorded step matches the log.", "Muvaffaqiyatli: qayd etilgan har bir bosqich jurnalga mos keladi.",
   "Муваффақиятли: қайд этилган ҳар бир босқич журналга мос келади.", "Пройден: каждый записанный шаг совпадает с журналом."),
 "tlog.page.audit_failed": ("Failed: {0} discrepancies between the database and the log.", "Muvaffaqiyatsiz: maʼlumotlar bazasi va jurnal oʻrtasida {0} ta nomuvofiqlik topildi.",
   "Муваффақиятсиз: маълумотлар базаси ва журнал ўртасида {0} та номувофиқлик топилди.", "Не пройден: расхождений между базой данных и журналом — {0}."),
 "tlog.page.audit_finished": ("Finished at", "Tugagan vaqt", "Тугаган вақт", "Завершён"),
 "tlog.page.audit_events": ("Steps of appeals checked", "Tekshirilgan murojaat bosqichlari", "Текширилган мурожаат босқичлари", "Проверено шагов обращений"),
 "tlog.page.audit_entries": ("Log entries checked", "Tekshirilgan jurnal yozuvlari", "Текширилган журнал ёзувлари", "Проверено записей журнала"),
 "tlog.page.audit_tree_size": ("Signed log size recomputed", "Qayta hisoblangan imzolangan jurnal hajmi", "Қайта ҳисобланган имзоланган журнал ҳажми", "Пересчитан подписанный журнал размером"),
 "tlog.page.audit_findings": ("Discrepancies", "Nomuvofiqliklar", "Номувофиқликлар", "Расхождения"),
 "tlog.page.verify_title": ("Check it yourself", "Oʻzingiz tekshiring", "Ўзингиз текширинг", "Проверьте сами"),
 "tlog.page.verify_text": ("With the command-line tool you can verify a receipt, download the whole log and recompute it, without trusting this server.",
   "Buyruq satri dasturi yordamida tasdiqnomani tekshirishingiz, butun jurnalni yuklab olib qayta hisoblashingiz mumkin — bu serverga ishonishingiz shart emas.",
   "Буйруқ сатри дастури ёрдамида тасдиқномани текширишингиз, бутун журнални юклаб олиб қайта ҳисоблашингиз мумкин — бу серверга ишонишингиз шарт эмас.",
   "С помощью программы командной строки можно проверить квитанцию, скачать весь журнал и пересчитать его, не доверяя этому серверу."),
 "tlog.page.check_title": ("Checking a receipt", "Tasdiqnomani tekshirish", "Тасдиқномани текшириш", "Проверка квитанции"),
 "tlog.page.check_included": ("Entry {0} is in the published log exactly as on your receipt.", "{0}-yozuv eʼlon qilingan jurnalda aynan tasdiqnomangizdagidek mavjud.",
   "{0}-ёзув эълон қилинган журналда айнан тасдиқномангиздагидек мавжуд.", "Запись {0} есть в опубликованном журнале точно в том виде, как в вашей квитанции."),
 "tlog.page.check_different": ("Entry {0} in the log is not the one on your receipt. Keep your receipt and report this to an auditor.",
   "Jurnaldagi {0}-yozuv tasdiqnomangizdagisi bilan mos kelmaydi. Tasdiqnomani saqlab qoʻying va bu haqda auditorga xabar bering.",
   "Журналдаги {0}-ёзув тасдиқномангиздагиси билан мос келмайди. Тасдиқномани сақлаб қўйинг ва бу ҳақда аудиторга хабар беринг.",
   "Запись {0} в журнале не совпадает с вашей квитанцией. Сохраните квитанцию и сообщите об этом аудитору."),
 "tlog.page.check_pending": ("Entry {0} is not in a published checkpoint yet. Try again in a few seconds.", "{0}-yozuv hali eʼlon qilingan nazorat nuqtasiga kirmagan. Bir necha soniyadan keyin qayta urinib koʻring.",
   "{0}-ёзув ҳали эълон қилинган назорат нуқтасига кирмаган. Бир неча сониядан кейин қайта уриниб кўринг.", "Запись {0} ещё не вошла в опубликованную контрольную точку. Повторите через несколько секунд."),
 "tlog.page.check_invalid": ("This link is damaged: it must carry an entry number and a 64-character fingerprint.", "Bu havola buzilgan: unda yozuv raqami va 64 belgili iz boʻlishi kerak.",
   "Бу ҳавола бузилган: унда ёзув рақами ва 64 белгили из бўлиши керак.", "Ссылка повреждена: в ней должны быть номер записи и отпечаток из 64 символов."),
 "tlog.receipt.title": ("Receipt from the transparency log", "Shaffoflik jurnalidan tasdiqnoma", "Шаффофлик журналидан тасдиқнома", "Квитанция из журнала прозрачности"),
 "tlog.receipt.intro": ("The receipt proves, without trusting us, that the latest step of your appeal is recorded in the public log and can never be changed unnoticed. Keep the file; the QR code lets you check it from a phone.",
   "Tasdiqnoma murojaatingizning soʻnggi bosqichi ochiq jurnalga yozilganini va uni sezdirmasdan oʻzgartirib boʻlmasligini isbotlaydi — buning uchun bizga ishonish shart emas. Faylni saqlab qoʻying; QR kod orqali uni telefondan tekshirishingiz mumkin.",
   "Тасдиқнома мурожаатингизнинг сўнгги босқичи очиқ журналга ёзилганини ва уни сездирмасдан ўзгартириб бўлмаслигини исботлайди — бунинг учун бизга ишониш шарт эмас. Файлни сақлаб қўйинг; QR код орқали уни телефондан текширишингиз мумкин.",
   "Квитанция доказывает, не требуя доверия к нам, что последний шаг вашего обращения записан в открытый журнал и не может быть незаметно изменён. Сохраните файл; по QR-коду его можно проверить с телефона."),
 "tlog.receipt.download": ("Download the receipt", "Tasdiqnomani yuklab olish", "Тасдиқномани юклаб олиш", "Скачать квитанцию"),
 "tlog.receipt.qr_alt": ("QR code: link to check entry {0} of the transparency log", "QR kod: shaffoflik jurnalining {0}-yozuvini tekshirish havolasi",
   "QR код: шаффофлик журналининг {0}-ёзувини текшириш ҳаволаси", "QR-код: ссылка для проверки записи {0} журнала прозрачности"),
 "tlog.receipt.qr_caption": ("Entry {0} of the log.", "Jurnalning {0}-yozuvi.", "Журналнинг {0}-ёзуви.", "Запись {0} журнала."),
 "tlog.receipt.check_link": ("Check it now", "Hozir tekshirish", "Ҳозир текшириш", "Проверить сейчас"),
 "tlog.receipt.pending": ("The receipt is being prepared: the latest step enters the public log within a few seconds. Reload the page shortly.",
   "Tasdiqnoma tayyorlanmoqda: soʻnggi bosqich bir necha soniyada ochiq jurnalga kiradi. Birozdan keyin sahifani yangilang.",
   "Тасдиқнома тайёрланмоқда: сўнгги босқич бир неча сонияда очиқ журналга киради. Бироздан кейин саҳифани янгиланг.",
   "Квитанция готовится: последний шаг попадёт в открытый журнал через несколько секунд. Обновите страницу чуть позже."),
 "tlog.validation.index": ("The entry index must be a whole number from 0 to size − 1.", "Yozuv raqami 0 dan size − 1 gacha boʻlgan butun son boʻlishi kerak.",
   "Ёзув рақами 0 дан size − 1 гача бўлган бутун сон бўлиши керак.", "Номер записи должен быть целым числом от 0 до size − 1."),
 "tlog.validation.size": ("The tree size must be a whole number from 1 to the size of the latest checkpoint.", "Daraxt hajmi 1 dan soʻnggi nazorat nuqtasi hajmigacha boʻlgan butun son boʻlishi kerak.",
   "Дарахт ҳажми 1 дан сўнгги назорат нуқтаси ҳажмигача бўлган бутун сон бўлиши керак.", "Размер дерева должен быть целым числом от 1 до размера последней контрольной точки."),
 "tlog.validation.from": ("'from' must be a whole number from 1 to 'to'.", "“from” 1 dan “to” gacha boʻlgan butun son boʻlishi kerak.",
   "“from” 1 дан “to” гача бўлган бутун сон бўлиши керак.", "Параметр from должен быть целым числом от 1 до to."),
 "tlog.validation.to": ("'to' must be a whole number from 1 to the size of the latest checkpoint.", "“to” 1 dan soʻnggi nazorat nuqtasi hajmigacha boʻlgan butun son boʻlishi kerak.",
   "“to” 1 дан сўнгги назорат нуқтаси ҳажмигача бўлган бутун сон бўлиши керак.", "Параметр to должен быть целым числом от 1 до размера последней контрольной точки."),
 "tlog.error.no_checkpoint": ("The log has not published a checkpoint yet.", "Jurnal hali nazorat nuqtasini eʼlon qilmagan.", "Журнал ҳали назорат нуқтасини эълон қилмаган.", "Журнал ещё не опубликовал контрольную точку."),
 "tlog.error.bad_tile_path": ("This is not a tile path: expected tile/L/N[.p/W] or tile/entries/N[.p/W], with N written as x001/x234/067.",
   "Bu plitka yoʻli emas: tile/L/N[.p/W] yoki tile/entries/N[.p/W] koʻrinishi kutiladi, N esa x001/x234/067 tarzida yoziladi.",
   "Бу плитка йўли эмас: tile/L/N[.p/W] ёки tile/entries/N[.p/W] кўриниши кутилади, N эса x001/x234/067 тарзида ёзилади.",
   "Это не путь плитки: ожидается tile/L/N[.p/W] или tile/entries/N[.p/W], где N записан как x001/x234/067."),
 "tlog.error.tile_not_found": ("The published log does not have this tile (yet).", "Eʼlon qilingan jurnalda bu plitka (hozircha) yoʻq.", "Эълон қилинган журналда бу плитка (ҳозирча) йўқ.", "В опубликованном журнале этой плитки (пока) нет."),
 "tlog.error.receipt_not_ready": ("The receipt is not ready yet: the latest step enters the public log within a few seconds.", "Tasdiqnoma hali tayyor emas: soʻnggi bosqich bir necha soniyada ochiq jurnalga kiradi.",
   "Тасдиқнома ҳали тайёр эмас: сўнгги босқич бир неча сонияда очиқ журналга киради.", "Квитанция ещё не готова: последний шаг попадёт в открытый журнал через несколько секунд."),
}

CULTURES = ["en", "uz-Latn", "uz-Cyrl", "ru"]

if __name__ == "__main__":
    for key, row in T.items():
        assert key.startswith("tlog."), key
        assert len(row) == len(CULTURES), key
        assert "'" not in row[1] and "`" not in row[1], f"{key}: use U+02BB/U+02BC in Uzbek Latin"
    out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "Mahalla.Web", "Resources")
    for i, culture in enumerate(CULTURES):
        data = {key: row[i] for key, row in T.items()}
        with open(os.path.join(out, f"transparency.{culture}.json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
