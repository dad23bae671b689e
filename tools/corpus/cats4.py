"""Hand-written category fragments, part 4."""

CATS = {}

CATS["land"] = dict(
uz_p="""
Uy qurish uchun yer uchastkasi ajratishingizni so'rayman, oilamiz bilan ijarada yashayapmiz.
Qo'shnim devorini mening yerimga 2 metr surib qurib oldi.
{loc} kimdir davlat yerida ruxsatsiz do'kon qurayapti.
Tomorqa yerimiz chegarasi bo'yicha qo'shni bilan nizo chiqdi, kadastr o'lchab bersin.
Yer uchastkamning kadastr hujjatlarini rasmiylashtira olmayapman, {dur} ovora bo'lyapman.
{loc} ariq bo'yidagi yerni egallab, uy qurishyapti.
Auksionda yer sotib olgan edim, hali ham hujjatini berishmayapti.
Qo'shnimiz umumiy yo'lakni to'sib, o'z hovlisiga qo'shib oldi.
Bizning uy buzilishga tushadi degan gap bor, kompensatsiya qanday bo'ladi?
Yer uchastkasiga egalik huquqi guvohnomasini olish uchun qayerga murojaat qilish kerak?
{loc} ko'p qavatli uy hovlisidagi bolalar maydonchasi o'rniga garaj qurishyapti.
Otamdan qolgan hovlini merosga rasmiylashtirishda yer maydoni noto'g'ri ko'rsatilgan.
Dehqon xo'jaligi uchun ajratilgan yerimizni boshqaga berib yuborishibdi.
Qo'shni uyining ikkinchi qavatini ruxsatsiz qurib, derazalari hovlimizga qaraydi.
Kadastr xaritasida yerimiz chegarasi qo'shnining yeriga kirib qolgan deb ko'rsatilgan, bu xato.
Yosh oilaga tomorqa uchun yer berilishi mumkinmi?
{loc} bo'sh yotgan yerga kimdir panjara o'rnatib, o'ziniki qilib oldi.
Yer solig'i hisobida maydon ikki barobar ko'p yozilgan.
""",
uz_s="""
yer uchastkasi kerak
qo'shni yerimni egallab oldi
noqonuniy qurilish
kadastr hujjati
chegara bo'yicha nizo
""",
uz_c="""
Qo'shni bilan janjal chiqishidan qo'rqaman.
""",
uz_r="""
Yer bo'yicha komissiya kelib o'lchab bersin.
Noqonuniy qurilishni to'xtatishingizni so'raymiz.
""",
ru_p="""
Прошу выделить земельный участок под строительство дома, живём с семьёй на съёмной квартире.
Сосед построил забор на два метра на моей земле.
{loc} кто-то без разрешения строит магазин на государственной земле.
С соседом спор по границе приусадебного участка, пусть кадастр сделает замеры.
Не могу оформить кадастровые документы на участок, хожу {dur}.
{loc} захватили землю вдоль арыка и строят дом.
Купил участок на аукционе, документы до сих пор не выдают.
Сосед перекрыл общий проход и присоединил его к своему двору.
Говорят, наш дом попадает под снос, какая будет компенсация?
Куда обращаться за свидетельством о праве на земельный участок?
{loc} во дворе многоэтажки вместо детской площадки строят гаражи.
При оформлении наследства неправильно указана площадь участка.
Землю, выделенную под дехканское хозяйство, отдали другому.
Сосед без разрешения надстроил второй этаж, окна смотрят прямо в наш двор.
На кадастровой карте граница нашего участка указана неверно.
Можно ли молодой семье получить землю под огород?
{loc} кто-то огородил пустующую землю и присвоил её.
В расчёте земельного налога площадь указана в два раза больше.
""",
ru_s="""
нужен земельный участок
сосед захватил мою землю
самострой
спор по границе участка
""",
ru_c="""
Боюсь, что дойдёт до ссоры с соседом.
""",
ru_r="""
Пусть комиссия сделает замеры.
Просим остановить незаконное строительство.
""",
en_p="""
We'd like to apply for a land plot to build a house, we're renting now.
My neighbour built his fence two metres onto my land.
Someone is building a shop on public land {loc} without a permit.
We have a boundary dispute with our neighbour, can the cadastre office measure it?
I bought a plot at auction and still haven't received the documents.
The neighbour blocked the shared passage and added it to his yard.
They are building garages instead of the playground in our courtyard {loc}.
The neighbour added a second floor without permission, the windows look straight into our yard.
The cadastre map shows our boundary wrongly.
""",
en_s="""
land plot application
neighbour took part of my land
illegal construction
""",
en_c="""
I'm worried it will turn into a fight.
""",
en_r="""
Please send a commission to measure the plot.
""",
)

CATS["public-order"] = dict(
uz_p="""
Qo'shnimiz har kecha baland ovozda musiqa qo'yadi, soat 2 gacha uxlay olmaymiz.
{loc} kechqurun yoshlar to'planib, ichkilik ichib, janjal qilishyapti.
Mast qo'shnimiz xotinini uradi, bolalar qo'rqib yashayapti.
{loc} daydi itlar ko'payib ketdi, bolalarga tashlanishyapti.
{loc} mashinalar darvozamiz oldiga to'xtatib qo'yiladi, hovlidan chiqolmaymiz.
To'y xonasidan kechasi yarimgacha shovqin, mushaklar otishadi.
Podyezdda begona odamlar kechasi o'tirib chekishadi, shprislar topdik.
{loc} ikki kecha ketma-ket mashinalardan g'ildiraklar o'g'irlandi.
Qo'shnim qurilishni kechasi ham olib boryapti, perforator ovozidan uxlab bo'lmaydi.
{loc} kimdir ko'chada mototsiklda kechasi poyga qiladi.
Bolalar maydonchasida kattalar ichkilik ichishadi.
Qo'shnining iti bog'lanmagan, o'tgan hafta bolamni tishladi.
Profilaktika inspektorini {dur} ko'rmadik, mahallada tartib yo'q.
{loc} bezorilar maktab o'quvchilaridan telefon tortib olishyapti.
Yonimizdagi kafe tunda ham ishlaydi, baland musiqa va janjal.
Qo'shnilar o'rtasida janjal avj oldi, pichoq ko'tarishgacha borib yetdi.
{loc} piyodalar yo'lagiga mashinalar to'xtab, aravacha bilan o'tib bo'lmaydi.
Firibgarlar keksalarga qo'ng'iroq qilib, karta raqamini so'rashyapti, mahallada ogohlantirish kerak.
Qo'shnimiz uyida noqonuniy ravishda qo'y so'yib sotyapti, qon ariqqa oqyapti.
Kechasi kimdir mashinalarning oynasini sindirib ketyapti.
""",
uz_s="""
qo'shni kechasi shovqin qiladi
daydi itlar ko'p
mast odamlar janjal qilyapti
mashina darvozani to'sib qo'ydi
bezorilar
""",
uz_c="""
Bolalar tashqariga chiqishdan qo'rqishadi.
Kechasi uxlay olmaymiz.
""",
uz_r="""
Profilaktika inspektori chora ko'rsin.
Daydi itlarni tutish xizmatini yuboring.
Tartib o'rnatishingizni so'raymiz.
""",
ru_p="""
Соседи каждую ночь включают громкую музыку, до двух ночи не можем уснуть.
{loc} по вечерам собирается молодёжь, пьют и устраивают драки.
Пьяный сосед избивает жену, дети живут в страхе.
{loc} развелось много бродячих собак, бросаются на детей.
{loc} машины паркуют прямо перед нашими воротами, не выехать со двора.
Из тойханы шум до полуночи и фейерверки.
В подъезде по ночам сидят посторонние, курят, находили шприцы.
{loc} две ночи подряд с машин снимали колёса.
Сосед ведёт стройку даже ночью, перфоратор не даёт спать.
{loc} ночью гоняют на мотоциклах.
На детской площадке взрослые распивают спиртное.
Соседская собака без привязи, на прошлой неделе укусила моего ребёнка.
Профилактического инспектора не видели {dur}, порядка никакого.
{loc} хулиганы отбирают телефоны у школьников.
Кафе рядом работает всю ночь, громкая музыка и драки.
Ссора между соседями дошла до поножовщины.
{loc} машины стоят прямо на тротуаре, с коляской не пройти.
Мошенники звонят пожилым людям и выпытывают номер карты.
Сосед забивает скот во дворе и продаёт мясо, кровь течёт в арык.
По ночам кто-то бьёт стёкла у машин.
""",
ru_s="""
шумят соседи по ночам
бродячие собаки
пьяные драки во дворе
перегородили выезд машиной
""",
ru_c="""
Дети боятся выходить на улицу.
Ночью невозможно спать.
""",
ru_r="""
Пусть участковый примет меры.
Пришлите службу отлова собак.
Просим навести порядок.
""",
en_p="""
Our neighbours play loud music every night until 2 am.
Young men gather {loc} in the evenings, drink and start fights.
A drunk neighbour beats his wife and the kids are terrified.
There are lots of stray dogs {loc} and they chase children.
Cars are parked right in front of our gate {loc}, we can't get out.
The wedding hall next door is noisy until midnight with fireworks.
Strangers sit in our stairwell at night, we even found syringes.
Wheels were stolen from cars {loc} two nights in a row.
A neighbour's dog is off the leash and bit my child last week.
Bullies take phones from schoolchildren {loc}.
Scammers are calling elderly people asking for card numbers.
Cars park on the sidewalk {loc}, I can't pass with a stroller.
""",
en_s="""
noisy neighbours at night
stray dogs everywhere
drunk people fighting in the yard
""",
en_c="""
The kids are scared to go outside.
""",
en_r="""
Please ask the prevention inspector to act.
""",
)

CATS["documents"] = dict(
uz_p="""
Yashash joyidan ma'lumotnoma kerak edi, qanday olsam bo'ladi?
Oila tarkibi haqida ma'lumotnoma olish uchun nima kerak?
Ishga kirish uchun mahalladan tavsifnoma kerak, rais {dur} imzolamayapti.
Ma'lumotnomani elektron shaklda olish mumkinmi yoki mahallaga borish shartmi?
Mahalla raisi ma'lumotnoma berish uchun pul so'rayapti.
Doimiy ro'yxatga (propiskaga) turish uchun qanday hujjatlar kerak?
Vaqtincha ro'yxatdan o'tish uchun mahalla tasdig'i kerak ekan, kimga murojaat qilaman?
Nafaqa uchun oila tarkibi haqida ma'lumotnoma kerak, mahalla idorasi doim yopiq.
ID-kartani almashtirish uchun yashash joyidan ma'lumotnoma so'rashyapti.
Berilgan ma'lumotnomada familiyam xato yozilgan, to'g'rilab bersangiz.
Chet elga viza uchun yashash joyidan ma'lumotnoma inglizcha kerak, bunday berasizlarmi?
Vafot etgan otam nomiga ma'lumotnoma kerak, meros ishlari uchun.
Yagona portal orqali ma'lumotnomaga ariza berdim, {dur} holati "ko'rib chiqilmoqda".
Tavsifnomada noto'g'ri ma'lumot yozilgan, o'zgartirib berishingizni so'rayman.
Pasportimni yo'qotib qo'ydim, yangisini olish uchun mahalladan nima kerak?
Bolaning tug'ilganlik haqidagi guvohnomasi uchun qaysi hujjatlar kerak?
Uy-joy bo'yicha ma'lumotnoma olish uchun qayerga borish kerak?
Harbiy xizmatga ketadigan o'g'limga mahalladan tavsifnoma kerak.
Ma'lumotnomadagi QR-kod skaner qilinmayapti, bank qabul qilmayapti.
""",
uz_s="""
ma'lumotnoma kerak
oila tarkibi haqida spravka
tavsifnoma olish
propiska uchun hujjatlar
spravka qachon tayyor bo'ladi?
""",
uz_c="""
Hujjat bo'lmasa nafaqaga topshira olmayman.
Ishga kirish muddatim o'tib ketyapti.
""",
uz_r="""
Ma'lumotnomani tezroq tayyorlab berishingizni so'rayman.
Qanday tartibda olinishini tushuntirib bersangiz.
""",
ru_p="""
Нужна справка с места жительства, как её получить?
Что нужно, чтобы получить справку о составе семьи?
Для работы нужна характеристика из махалли, председатель не подписывает {dur}.
Можно ли получить справку в электронном виде или обязательно идти в махаллю?
Председатель махалли требует деньги за выдачу справки.
Какие документы нужны для постоянной прописки?
Для временной регистрации нужно подтверждение махалли, к кому обращаться?
Для пособия нужна справка о составе семьи, а офис махалли всё время закрыт.
Для замены ID-карты просят справку с места жительства.
В выданной справке неправильно написана фамилия, исправьте пожалуйста.
Для визы нужна справка с места жительства на английском, вы такие выдаёте?
Нужна справка на умершего отца для оформления наследства.
Подал заявку на справку через Единый портал, {dur} статус «на рассмотрении».
В характеристике указаны неверные сведения, прошу исправить.
Потерял паспорт, что нужно от махалли для восстановления?
Какие документы нужны для свидетельства о рождении ребёнка?
Сыну в армию нужна характеристика из махалли.
QR-код на справке не сканируется, банк её не принимает.
""",
ru_s="""
нужна справка с места жительства
справка о составе семьи
характеристика из махалли
прописка какие документы
""",
ru_c="""
Без справки не могу подать на пособие.
""",
ru_r="""
Прошу выдать справку побыстрее.
Подскажите порядок получения.
""",
en_p="""
I need a residence certificate from the mahalla, how do I get it?
What do I need for a family composition certificate?
I need a character reference from the mahalla for a job, the chair hasn't signed it {dur}.
Can I get the certificate online or do I have to come in person?
My surname is misspelled on the certificate you issued.
I need a proof of residence in English for a visa application.
I applied for a certificate on the public services portal and it has said 'under review' {dur}.
The QR code on my certificate doesn't scan and the bank won't accept it.
What documents are needed for temporary registration?
""",
en_s="""
need residence certificate
family composition certificate
how to get propiska
""",
en_c="""
I can't apply for the benefit without it.
""",
en_r="""
Please tell me the procedure.
""",
)

CATS["other"] = dict(
uz_p="""
Mahalla raisimizga qo'shnilarimiz nomidan katta rahmat aytmoqchiman, doim yordam beradi.
Navro'z bayramini mahallada birgalikda o'tkazishni taklif qilaman.
Mahalla guzarida kichik kutubxona ochishni taklif qilaman.
Hokim qabuliga qanday yozilish mumkin?
Mahallada yoshlar uchun futbol turniri tashkil qilsak, qo'llab-quvvatlaysizlarmi?
Bu ilovada murojaatimning holatini qayerdan ko'raman?
Mahalla yig'ini qachon bo'ladi? E'lonni ko'rmadik.
Qariyalar uchun mahallada choyxona-gap tashkil qilishni taklif qilaman.
Rais bilan uchrashish uchun qabul kunlari qaysi kunlar?
Mahalla faollariga ko'chamizni obod qilgani uchun minnatdorchilik bildiramiz.
Hashar qachon bo'ladi, qatnashmoqchimiz.
Mahalla Telegram guruhi bormi, qo'shilmoqchiman.
Murojaatim hal qilindi, yordam bergan xodimlarga rahmat.
Mahallada ingliz tili to'garagi ochsak, men bepul dars berishga tayyorman.
Ramazon hayiti munosabati bilan mahalla ahliga tabrik.
Mahalla idorasining telefon raqami o'zgardimi? Qo'ng'iroq qilsam ko'tarilmayapti.
Ko'chamizga yangi nom berish taklifi bor, qanday tartibda ko'rib chiqiladi?
Ish vaqtida mahalla idorasi yopiq bo'lyapti, ish tartibini bilsak bo'ladimi?
Tashabbusli byudjet ovoz berish qachon boshlanadi?
""",
uz_s="""
rahmat
raisga rahmat
qabul kunlari qachon?
taklifim bor
mahalla yig'ini qachon
""",
uz_c="""
""",
uz_r="""
Javob bersangiz xursand bo'lardim.
""",
ru_p="""
Хочу от имени соседей поблагодарить председателя махалли за помощь.
Предлагаю провести празднование Навруза всей махаллёй.
Предлагаю открыть в махалле небольшую библиотеку.
Как записаться на приём к хокиму?
Если организуем футбольный турнир для молодёжи, махалля поддержит?
Где в этом приложении посмотреть статус моего обращения?
Когда будет собрание махалли? Объявления не видели.
Предлагаю устроить вечера для пожилых в чайхане.
В какие дни председатель принимает граждан?
Благодарим актив махалли за благоустройство нашей улицы.
Когда будет хашар? Хотим участвовать.
Есть ли у махалли группа в Телеграме?
Мой вопрос решили, спасибо сотрудникам.
Готов бесплатно вести кружок английского языка для детей махалли.
Поздравляем всех жителей с праздником!
Поменялся ли телефон офиса махалли? Никто не берёт трубку.
Когда начнётся голосование по инициативному бюджету?
""",
ru_s="""
спасибо
благодарность председателю
когда приём граждан?
есть предложение
""",
ru_c="""
""",
ru_r="""
Буду рад ответу.
""",
en_p="""
I just want to thank our mahalla chair for the help with the move.
I'd like to suggest organising a Navruz celebration for the whole mahalla.
How can I book an appointment with the hokim?
Where can I see the status of my request in this app?
When is the next mahalla meeting?
I'd be happy to teach a free English club for local kids.
Is there a Telegram group for our mahalla?
My issue was resolved, thanks to the staff.
When does voting for the participatory budget start?
What are the office hours of the mahalla office?
""",
en_s="""
thank you
office hours?
suggestion for the mahalla
""",
en_c="""
""",
en_r="""
Looking forward to hearing from you.
""",
)
