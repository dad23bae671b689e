"""Hand-written category fragments, part 3."""

CATS = {}

CATS["housing"] = dict(
uz_p="""
Uyimizning tomi oqyapti, yomg'ir yog'sa xonaga suv tushadi.
Podyezdimiz {dur} ta'mirlanmagan, devorlar ko'chib, zinapoyalar singan.
{n}-uyda lift {dur} ishlamayapti, to'qqizinchi qavatda nogiron qo'shnimiz uydan chiqolmayapti.
Uyimiz devorida katta yoriq paydo bo'ldi, kundan-kunga kengayyapti, qulab tushishidan qo'rqamiz.
Balkon plitasi ko'chib tushyapti, pastdan odamlar o'tadi.
Boshqaruv kompaniyasi pul yig'adi-yu, hech narsa qilmaydi.
Shirkat raisi hisobot bermaydi, to'lagan pullarimiz qayerga ketayotganini bilmaymiz.
Podyezd eshigi singan, kechasi begona odamlar kirib olishadi.
Yuqori qavatda yashaymiz, tom yopilmagani uchun shift namlanib, mog'or bosdi.
Uyimiz avariya holatida deb topilgan, lekin {dur} hech qanday qaror yo'q.
Zinapoya panjaralari sinib ketgan, bolalar yiqilib tushishi mumkin.
Ko'p qavatli uyning yerto'lasida doim suv turadi, uy nam tortyapti.
Podyezdda deraza oynalari yo'q, qishda sovuq.
Uy-joy sharoitim juda og'ir, ko'p bolali oilamiz bitta xonada yashaydi, ijtimoiy uy-joy navbatiga qo'yishingizni so'rayman.
Tom ustiga antenna o'rnatishib, tom qoplamasini teshib ketishdi.
Xususiy uy-joy mulkdorlari shirkati podyezdni ta'mirlash uchun har xonadondan pul yig'ayapti, bu qonuniymi?
Uy fasadidagi g'ishtlar tushib ketyapti, ostidan o'tish xavfli.
Zilziladan keyin uyimizning bir devori qiyshaygan, mutaxassis kelib ko'rib bersin.
Liftni ta'mirlash uchun pul yig'ishdi, lekin lift hali ham turibdi.
Kommunal xizmatlar hisobi uyimiz bo'yicha noto'g'ri olib borilyapti, shirkat javob bermayapti.
{loc} eski ikki qavatli barakda yashaymiz, uy chirib ketgan.
Ijaraga turamiz, uy egasi shartnomasiz chiqarib yubormoqchi, nima qilishimiz kerak?
""",
uz_s="""
tom oqyapti
lift ishlamayapti
podyezd ta'mirlanmagan
uy devori yorildi
shirkat hech narsa qilmayapti
podyezd eshigi buzuq
""",
uz_c="""
Uyda kichkina bolalar bor, xavfli.
Nam tufayli bolalar kasal bo'lyapti.
Keksalar zinadan tushib-chiqa olmayapti.
""",
uz_r="""
Tomni ta'mirlab berishingizni so'raymiz.
Shirkat faoliyatini tekshirib berishingizni so'rayman.
Mutaxassis yuborib, uyni ko'zdan kechirishingizni so'raymiz.
""",
ru_p="""
У нас протекает крыша, во время дождя вода льётся в комнату.
Подъезд не ремонтировался {dur}, стены облупились, ступеньки разбиты.
В доме №{n} не работает лифт {dur}, соседка-инвалид с девятого этажа не может выйти из дома.
На стене нашего дома появилась большая трещина, она растёт, боимся обрушения.
Плита балкона осыпается, внизу ходят люди.
Управляющая компания собирает деньги и ничего не делает.
Председатель ТСЖ не отчитывается, куда уходят наши деньги, неизвестно.
Дверь подъезда сломана, ночью заходят посторонние.
Живём на последнем этаже, из-за течи потолок мокрый и покрылся плесенью.
Дом признали аварийным, но {dur} никакого решения нет.
Сломаны перила на лестнице, дети могут упасть.
В подвале многоэтажки постоянно стоит вода, дом сыреет.
В подъезде нет стёкол в окнах, зимой холодно.
Многодетная семья живёт в одной комнате, прошу поставить нас в очередь на социальное жильё.
Установили антенны на крыше и пробили кровлю.
ТСЖ собирает с каждой квартиры деньги на ремонт подъезда, законно ли это?
С фасада дома падают кирпичи, проходить под ним опасно.
После землетрясения одна стена нашего дома накренилась, пусть специалист посмотрит.
Деньги на ремонт лифта собрали, а лифт так и стоит.
Живём в старом двухэтажном бараке, дом прогнил.
Снимаем жильё, хозяин хочет выгнать без договора, что делать?
""",
ru_s="""
течёт крыша
не работает лифт
ремонт подъезда нужен
трещина в стене дома
управляющая компания бездействует
""",
ru_c="""
В доме маленькие дети, это опасно.
Дети болеют из-за сырости.
Пожилые не могут подняться по лестнице.
""",
ru_r="""
Просим отремонтировать крышу.
Прошу проверить работу ТСЖ.
Пришлите комиссию для обследования дома.
""",
en_p="""
Our roof is leaking, water pours into the room when it rains.
The entrance of our building hasn't been repaired {dur}, the stairs are broken.
The elevator in building {n} hasn't worked {dur}, a disabled neighbour on the 9th floor is stuck at home.
A big crack appeared in the wall of our building and it's getting wider, we fear it could collapse.
The balcony slab is crumbling and people walk underneath.
The management company collects money and does nothing.
The entrance door is broken and strangers come in at night.
Our ceiling is wet and mouldy because the roof was never fixed.
Our house was declared unsafe but nothing has been decided {dur}.
The stair railings are broken, a child could fall.
Bricks are falling off the facade of our building.
We are renting and the landlord wants to evict us without any contract, what can we do?
""",
en_s="""
roof leaking
elevator broken again
crack in building wall
entrance needs repair
""",
en_c="""
There are small children living here.
""",
en_r="""
Please inspect the building.
Please repair the roof.
""",
)

CATS["social-assistance"] = dict(
uz_p="""
Uch nafar farzandim bor, bolalar nafaqasiga hujjat topshirgandim, {dur} javob yo'q.
Oilamizni kam ta'minlangan oila sifatida ro'yxatga olishingizni so'rayman.
Meni "Temir daftar"ga kiritishingizni so'rayman, eri yo'q, uch bolani yolg'iz boqyapman.
Turmush o'rtog'im vafot etdi, bolalarni boqishga qiynalyapman, moddiy yordam so'rayman.
Nogironligim bor, nogironlar aravachasi kerak, eskisi butunlay ishdan chiqdi.
Qo'shnimiz yolg'iz keksa buvi, hech kim qaramaydi, ijtimoiy xodim kelib tursa yaxshi bo'lardi.
Bolalar nafaqasi to'satdan to'xtatildi, sababini hech kim tushuntirmayapti.
Meni "Ayollar daftari"ga kiritib, tikuv mashinasi bilan yordam berishingizni so'rayman.
O'g'limni "Yoshlar daftari"ga kiritish mumkinmi, o'qishiga kontrakt to'lay olmayapmiz.
Ijtimoiy reyestrda oilamiz daromadi noto'g'ri ko'rsatilgan, shuning uchun nafaqa berilmayapti.
Nogiron farzandim uchun protez-ortopediya buyumlari olishda yordam kerak.
Ko'p bolali oilamiz, qishda ko'mir va o'tin olishga qurbimiz yetmayapti.
Onam to'shakka mixlanib qolgan, parvarish qilish uchun yordam so'rayman.
Yolg'iz yashaydigan 85 yoshli bobom bor, oziq-ovqat va dori bilan yordam kerak.
Uyimiz yonib ketdi, oilamiz ko'chada qoldi, vaqtinchalik yordam kerak.
Moddiy yordam uchun qanday hujjatlar kerak va qayerga topshirish kerak?
Ikkinchi guruh nogironiman, pensiyam faqat dori-darmonga yetyapti.
Homiladorman, turmush o'rtog'im ishsiz, biror yordam olishimiz mumkinmi?
Bolam autizm bilan tug'ilgan, reabilitatsiya markaziga yo'llanma olishda yordam bering.
Temir daftardan nega chiqarib yuborilganimizni bilmoqchiman, ahvolimiz o'zgarmagan.
Farzandimni bog'chaga to'lovsiz joylashtirish uchun kam ta'minlangan ekanligimiz haqida xulosa kerak.
Yolg'iz keksa qo'shnimiz {dur} ko'rinmayapti, eshikni ochmayapti, xavotirdamiz.
Oilamizda 6 nafar bola bor, ota-onam nogiron, Mahalla yettiligi uyimizga kelib ahvolimizni o'rgansin.
Ramazon oyida beriladigan oziq-ovqat yordami bizga nega berilmadi?
Eshitmaydigan qizim uchun eshitish apparati kerak, pulimiz yetmaydi.
Ijtimoiy nafaqa tayinlash bo'yicha arizam {dur} ko'rib chiqilmayapti.
""",
uz_s="""
bolalar nafaqasi kerak
temir daftarga qanday kiriladi?
moddiy yordam so'rayman
kam ta'minlangan oila ro'yxatiga olish
nogironlar aravachasi kerak
yolg'iz keksa buviga yordam kerak
ayollar daftariga kiritib qo'ying
yoshlar daftari haqida ma'lumot kerak
nafaqa to'xtab qoldi
""",
uz_c="""
Bolalarimni boqishga qurbim yetmayapti.
Ahvolimiz juda og'ir.
Boshqa yordam beradigan odamimiz yo'q.
""",
uz_r="""
Ahvolimizni o'rganib, yordam berishingizni so'rayman.
Ijtimoiy xodimni uyimizga yuborsangiz.
Moddiy yordam ajratib berishingizni so'rayman.
Ro'yxatga kiritishingizni iltimos qilaman.
""",
ru_p="""
У меня трое детей, подала документы на детское пособие, {dur} ответа нет.
Прошу признать нашу семью малообеспеченной.
Прошу включить меня в «Железную тетрадь», мужа нет, одна воспитываю троих детей.
Муж умер, мне не на что содержать детей, прошу материальную помощь.
Я инвалид, нужна инвалидная коляска, старая совсем сломалась.
Соседка — одинокая пожилая женщина, за ней никто не ухаживает, нужен социальный работник.
Детское пособие внезапно прекратили выплачивать, никто не объясняет причину.
Прошу включить меня в «Женскую тетрадь» и помочь со швейной машинкой.
Можно ли включить сына в «Молодёжную тетрадь»? Не можем оплатить контракт за учёбу.
В Социальном реестре неправильно указан доход семьи, поэтому пособие не назначают.
Нужна помощь с протезно-ортопедическими изделиями для ребёнка-инвалида.
Многодетная семья, зимой не можем купить уголь и дрова.
Мама лежачая, прошу помощь по уходу.
Дедушка 85 лет живёт один, нужна помощь продуктами и лекарствами.
Наш дом сгорел, семья осталась на улице, нужна срочная помощь.
Какие документы нужны для материальной помощи и куда их подавать?
Я инвалид второй группы, пенсии хватает только на лекарства.
Я беременна, муж без работы, можем ли мы получить какую-то помощь?
У ребёнка аутизм, помогите получить направление в реабилитационный центр.
Хочу узнать, почему нас исключили из «Железной тетради», положение не изменилось.
Одинокую пожилую соседку не видно {dur}, дверь не открывает, мы волнуемся.
В семье шестеро детей, родители инвалиды, пусть махаллинская семёрка придёт и посмотрит, как мы живём.
Почему нам не выдали продуктовую помощь к Рамазану?
Дочке нужен слуховой аппарат, денег нет.
Заявление на социальное пособие не рассматривают {dur}.
""",
ru_s="""
нужна материальная помощь
как попасть в железную тетрадь?
детское пособие не пришло
нужна инвалидная коляска
помогите одинокой бабушке
признать малообеспеченными
""",
ru_c="""
Детей кормить нечем.
Положение очень тяжёлое.
Помочь больше некому.
""",
ru_r="""
Прошу изучить наше положение и помочь.
Пришлите социального работника.
Прошу выделить материальную помощь.
""",
en_p="""
I have three children and applied for child allowance, no answer {dur}.
Please register our family as low-income.
How can a single mother be included in the Iron Notebook?
My husband passed away and I can't support the kids, I'm asking for financial help.
I'm disabled and need a new wheelchair, the old one is broken.
Our neighbour is a lonely elderly lady and nobody looks after her, could a social worker visit?
The child benefit suddenly stopped and nobody explains why.
Can my son be added to the Youth Notebook? We can't pay his university contract.
Our income in the social registry is wrong, so we don't get the benefit.
We are a large family and can't afford coal for the winter.
My grandfather is 85 and lives alone, he needs help with food and medicine.
Our house burned down and we have nowhere to live.
What documents do I need to apply for material assistance?
I'm pregnant and my husband is unemployed, are we eligible for any support?
We haven't seen our lonely elderly neighbour {dur}, she doesn't open the door.
""",
en_s="""
need financial help
how to get child allowance
wheelchair needed for my mother
help for lonely grandmother
""",
en_c="""
We really have no one else to turn to.
""",
en_r="""
Please review our situation.
Please send a social worker.
""",
)

CATS["employment"] = dict(
uz_p="""
Ish qidiryapman, mahallada bo'sh ish o'rinlari bormi?
Ishsizlik nafaqasiga qanday hujjat topshirsa bo'ladi?
O'g'lim kollejni bitirdi, ikki yildan beri ish topolmayapti.
Tikuvchilik kursida o'qimoqchiman, monomarkazga qanday yozilaman?
Oilaviy tadbirkorlik dasturi bo'yicha kredit olmoqchiman, qayerdan boshlash kerak?
Issiqxona qurish uchun imtiyozli kredit olish mumkinmi?
{dur} ishlagan korxonamiz ish haqini bermayapti.
Xorijga qonuniy ishga chiqmoqchiman, migratsiya agentligi orqali qanday boraman?
Bandlik markaziga ro'yxatdan o'tgandim, hali hech qanday taklif bo'lmadi.
Ayolman, uyda ishlash imkoniyati bormi, masalan, tikuvchilik yoki qandolatchilik?
Nogironligim bor, menga mos ish topishda yordam bering.
Haydovchilik kursiga yo'llanma berishsa, o'qib ishlab ketardim.
Jamoat ishlariga yozilmoqchiman, ro'yxat qayerda tuziladi?
Kichik do'kon ochmoqchiman, subsidiya olish uchun nima qilish kerak?
Ishdan noqonuniy bo'shatishdi, mehnat daftarchamni ham berishmayapti.
Mahallamizda yoshlar ko'p ishsiz, tuman hokimligi ish o'rinlari yaratib bersa.
Payvandchilik kasbini o'rganmoqchiman, bepul kurslar bormi?
Kasanachilik uchun uskunalar berilishi haqida eshitdim, qanday murojaat qilinadi?
Mavsumiy qishloq xo'jaligi ishlariga ishchi kerak bo'lsa, men tayyorman.
Tadbirkorlik uchun ajratilgan kredit pulini bank {dur} bermayapti.
Ishga joylashish uchun yoshim katta deb olishmayapti, 50 yoshdaman.
""",
uz_s="""
ish kerak
ishsizlik nafaqasi haqida
kredit olmoqchiman tadbirkorlik uchun
kasb o'rganish kurslari bormi
bo'sh ish o'rinlari
""",
uz_c="""
Oilani boqish uchun daromad yo'q.
Yoshlar ishsizlikdan chet elga ketib qolyapti.
""",
uz_r="""
Ishga joylashishda yordam berishingizni so'rayman.
Kursga yo'llanma berishingizni so'rayman.
Maslahat bersangiz.
""",
ru_p="""
Ищу работу, есть ли вакансии в нашей махалле?
Какие документы нужны для пособия по безработице?
Сын окончил колледж и уже два года не может найти работу.
Хочу учиться на швею, как записаться в моноцентр?
Хочу взять кредит по программе семейного предпринимательства, с чего начать?
Можно ли получить льготный кредит на строительство теплицы?
Предприятие, где я работал, не выплачивает зарплату {dur}.
Хочу легально поехать работать за границу, как это сделать через агентство миграции?
Встал на учёт в центре занятости, но никаких предложений так и не было.
Я женщина, есть ли возможность работать на дому — шитьё или кондитерка?
У меня инвалидность, помогите найти подходящую работу.
Если дадут направление на курсы водителей, выучусь и буду работать.
Хочу записаться на общественные работы, где составляют список?
Хочу открыть небольшой магазин, что нужно для субсидии?
Меня незаконно уволили и не отдают трудовую книжку.
В махалле много безработной молодёжи, пусть хокимият создаст рабочие места.
Хочу выучиться на сварщика, есть ли бесплатные курсы?
Слышала, что выдают оборудование для надомного труда, как подать заявку?
Банк {dur} не выдаёт одобренный кредит на предпринимательство.
Не берут на работу из-за возраста, мне 50 лет.
""",
ru_s="""
нужна работа
пособие по безработице
кредит на бизнес
бесплатные курсы профессий
вакансии есть?
""",
ru_c="""
Нечем кормить семью.
Молодёжь уезжает на заработки.
""",
ru_r="""
Помогите с трудоустройством.
Прошу направление на курсы.
Подскажите, куда обратиться.
""",
en_p="""
I'm looking for a job, are there any vacancies in our mahalla?
What documents do I need for unemployment benefit?
My son finished college two years ago and still can't find work.
I want to take a sewing course, how do I sign up at the mono-centre?
I'd like to get a small business loan under the family entrepreneurship programme.
My employer hasn't paid wages {dur}.
How can I go to work abroad legally through the migration agency?
I registered at the employment centre but got no offers.
I have a disability, can you help me find suitable work?
Are there free vocational courses for welders or electricians?
I was fired illegally and they won't give back my work record book.
The bank hasn't released my approved business loan {dur}.
""",
en_s="""
looking for a job
unemployment benefit question
free vocational courses?
""",
en_c="""
I need income to support my family.
""",
en_r="""
Please help me find work.
Please advise where to apply.
""",
)

CATS["education"] = dict(
uz_p="""
Bolamni bog'chaga joylashtirish uchun {dur} navbatda turibmiz, joy yo'q deyishyapti.
{n}-maktabning tomi oqyapti, sinflarga suv tushyapti.
Maktabda o'qituvchi bolalarga qo'pol munosabatda bo'lyapti, urib ham qo'yarkan.
Sinfda 45 ta o'quvchi o'tiradi, bolalar sig'maydi.
Maktabda har oy ta'mirlash uchun deb pul yig'ishadi, bu to'g'rimi?
{n}-maktabda matematika o'qituvchisi yo'q, {dur} dars o'tilmayapti.
Nogiron farzandim uchun inklyuziv ta'lim yoki uyda o'qitish kerak.
Maktab oshxonasidagi ovqat sifatsiz, bolalar och qolyapti.
Darsliklar yetarli emas, bitta kitobni uch bola o'qiyapti.
Maktab hojatxonasi hovlida, eshiklari yo'q, qishda sovuq.
Mahallamizda bog'cha yo'q, eng yaqini 5 kilometr narida.
Maktabga qabul uchun elektron ariza topshirdik, lekin bolamizni boshqa maktabga biriktirishdi.
Maktab sport zali yaroqsiz, pollari chirib ketgan.
Farzandimni bog'chadan sababsiz chiqarib yuborishdi.
O'qituvchi bolalarni repetitorlikka majburlayapti, pul to'lamasangiz baho qo'ymayman deydi.
Maktab avtobusi qatnamay qoldi, bolalar 4 kilometr piyoda yurishadi.
Maktab derazalari singan, sinflar sovuq.
Maktabda to'garaklar yo'q, bolalar darsdan keyin ko'chada yurishadi.
Qizim oliygohga kirdi, kontrakt to'lovi uchun ta'lim krediti qanday olinadi?
Xususiy bog'chaning davlat subsidiyasi qanday beriladi?
{n}-maktabning ta'mirlanishi {dur} cho'zilib ketdi, bolalar boshqa maktabda ikki smenada o'qiyapti.
""",
uz_s="""
bog'chaga joy kerak
maktab ta'miri kerak
o'qituvchi haqida shikoyat
maktabda pul yig'ishyapti
darslik yetishmaydi
""",
uz_c="""
Bolalarning o'qishi sustlashib ketdi.
Ota-onalar norozi.
""",
uz_r="""
Xalq ta'limi bo'limi tekshirsin.
Bog'chaga joy ajratib berishingizni so'rayman.
Maktabni ta'mirlab berishingizni so'raymiz.
""",
ru_p="""
Мы стоим в очереди в детский сад {dur}, говорят, мест нет.
В школе №{n} течёт крыша, в классы капает вода.
Учитель грубо обращается с детьми, говорят, даже бьёт.
В классе 45 учеников, дети не помещаются.
В школе каждый месяц собирают деньги «на ремонт», это законно?
В школе №{n} нет учителя математики, уроков не было {dur}.
Ребёнку с инвалидностью нужно инклюзивное или надомное обучение.
В школьной столовой кормят плохо, дети голодные.
Не хватает учебников, один на троих.
Школьный туалет на улице, без дверей, зимой холодно.
В нашей махалле нет детского сада, ближайший в 5 км.
Подали электронную заявку в школу, а ребёнка прикрепили к другой школе.
Спортзал в школе в аварийном состоянии, полы прогнили.
Ребёнка без причины отчислили из детского сада.
Учитель заставляет ходить к нему на платные занятия, иначе ставит двойки.
Школьный автобус перестал ходить, дети ходят 4 км пешком.
В школе разбиты окна, в классах холодно.
В школе нет кружков, после уроков дети болтаются на улице.
Как получить образовательный кредит на оплату контракта в вузе?
Ремонт школы №{n} затянулся {dur}, дети учатся в другой школе в две смены.
""",
ru_s="""
нужно место в детсаду
ремонт школы
жалоба на учителя
в школе собирают деньги
""",
ru_c="""
Дети отстают в учёбе.
Родители возмущены.
""",
ru_r="""
Просим отдел образования проверить.
Прошу выделить место в детском саду.
Просим отремонтировать школу.
""",
en_p="""
We've been on the kindergarten waiting list {dur} and they say there are no places.
The roof of school No. {n} leaks into the classrooms.
A teacher is rude to the children and reportedly hits them.
There are 45 pupils in one class.
The school collects money every month 'for repairs', is that legal?
School No. {n} has had no maths teacher {dur}.
My child with a disability needs inclusive or home schooling.
The school canteen food is terrible and the kids stay hungry.
There are not enough textbooks, three children share one.
There is no kindergarten in our mahalla, the nearest is 5 km away.
The teacher pressures kids to take paid private lessons with him.
The school bus stopped running and kids walk 4 km.
""",
en_s="""
need kindergarten place
school repair needed
complaint about teacher
""",
en_c="""
The kids are falling behind.
""",
en_r="""
Please have the education department check this.
""",
)

CATS["healthcare"] = dict(
uz_p="""
Oilaviy poliklinikada navbat juda katta, shifokorga yozilish uchun bir hafta kutamiz.
Tez yordam chaqirdik, bir yarim soatdan keyin keldi, bemor ahvoli og'irlashdi.
Poliklinikada bepul beriladigan dorilar yo'q, dorixonadan sotib olishga majburmiz.
Shifokor bemorlarga qo'pol gapiradi, tekshirmay retsept yozib beradi.
Qishloq vrachlik punkti {dur} yopiq, eng yaqin shifoxona 20 kilometr narida.
Qandli diabet bilan kasalman, insulin {dur} berilmayapti.
Homilador ayollar ko'rigiga borsak, uzi apparati buzuq deb qaytarishyapti.
Oilaviy shifokor uyga kelmaydi, onam yurolmaydi, ko'rikka olib borolmaymiz.
Bolamni emlashga olib borsak, vaksina yo'q deyishdi.
Poliklinikada pandus yo'q, nogironlar aravachasida kirib bo'lmaydi.
Shifoxonada operatsiya uchun norasmiy pul so'rashyapti.
Tez yordam bizning ko'chani topolmadi, yo'l ko'rsatib turishimizga to'g'ri keldi.
Dializ markazida joy yo'q, haftada uch marta boshqa shaharga qatnayapmiz.
{loc} dorixonada kerakli dorilar yo'q, narxlar juda qimmat.
Laboratoriyada tahlil natijalarini bir haftadan keyin berishadi.
Onkologik kasal otam uchun og'riq qoldiruvchi dori olish juda qiyin.
Poliklinikada stomatolog yo'q, tish og'rig'i bilan shahar markaziga boryapmiz.
Hamshira uyga kelib ukol qilishi kerak edi, {dur} kelmadi.
Shifokorlar nogironlik uchun hujjatlarni to'ldirishni kechiktiryapti.
Poliklinika eshigi ertalab 9 da ochilishi kerak, lekin soat 10 gacha hech kim yo'q.
Tug'ruqxonada sharoit yomon, issiq suv yo'q, choyshablar iflos.
""",
uz_s="""
poliklinikada navbat katta
tez yordam kech keldi
dori yo'q
shifokor yo'q
insulin berilmayapti
""",
uz_c="""
Bemorning ahvoli og'irlashyapti.
Keksa ota-onamiz azob chekyapti.
""",
uz_r="""
Sog'liqni saqlash bo'limi tekshirsin.
Dori bilan ta'minlashni so'raymiz.
Shifokor uyga kelishini tashkil qiling.
""",
ru_p="""
В семейной поликлинике огромные очереди, к врачу записываемся за неделю.
Вызвали скорую, приехала через полтора часа, больному стало хуже.
В поликлинике нет бесплатных лекарств, вынуждены покупать в аптеке.
Врач грубит пациентам, выписывает рецепт не осматривая.
Сельский врачебный пункт закрыт {dur}, ближайшая больница в 20 км.
У меня сахарный диабет, инсулин не выдают {dur}.
Пришла на осмотр для беременных, говорят, аппарат УЗИ сломан.
Семейный врач не приходит на дом, мама не ходит, привести её не можем.
Пришли на прививку, а вакцины нет.
В поликлинике нет пандуса, на коляске не заехать.
В больнице неофициально требуют деньги за операцию.
Скорая не нашла нашу улицу, пришлось выходить встречать.
В диализном центре нет мест, три раза в неделю ездим в другой город.
{loc} в аптеке нет нужных лекарств, цены очень высокие.
Результаты анализов выдают через неделю.
Отцу с онкологией очень трудно получить обезболивающие.
В поликлинике нет стоматолога, с зубной болью едем в центр.
Медсестра должна была приходить делать уколы на дому, {dur} её нет.
Поликлиника должна открываться в 9, но до 10 никого нет.
В роддоме ужасные условия, нет горячей воды, грязное бельё.
""",
ru_s="""
очереди в поликлинике
скорая не приехала
нет лекарств
нет врача в СВП
""",
ru_c="""
Больному становится хуже.
Пожилые родители мучаются.
""",
ru_r="""
Просим проверить поликлинику.
Обеспечьте лекарствами.
Организуйте выезд врача на дом.
""",
en_p="""
The queues at the family polyclinic are huge, you wait a week to see a doctor.
We called an ambulance and it took an hour and a half to arrive.
The polyclinic has none of the free medicines, we have to buy them.
The doctor is rude and writes prescriptions without examining anyone.
The rural health post has been closed {dur}, the nearest hospital is 20 km away.
I'm diabetic and haven't received insulin {dur}.
My mother can't walk and the family doctor refuses to do home visits.
We went for the child's vaccination and there was no vaccine.
The polyclinic has no ramp for wheelchairs.
The hospital is asking for unofficial payments for surgery.
The pharmacy {loc} doesn't have the medicines we need.
""",
en_s="""
long queues at polyclinic
ambulance came too late
no medicine at pharmacy
""",
en_c="""
The patient is getting worse.
""",
en_r="""
Please check the polyclinic.
""",
)
