"""Additional hand-written problem sentences (second pass), appended to the lists of
cats1-4 to reduce repetition in the most frequent categories."""

EXTRA = {
"roads": dict(
uz_p="""
Ko'chamiz boshidagi chuqurga har kuni kechqurun kimdir tushib ketadi, ustiga hech bo'lmasa belgi qo'yinglar.
Asfaltni qishda yotqizishdi, bahorga chiqmay hammasi ko'chib ketdi, pudratchini tekshirib ko'ring.
{loc} yo'lning ikki tomonida ham trotuar yo'q, aravachada bola olib yurish mumkin emas.
Temir yo'l kesishmasidagi o'tish joyining taxtalari chirib ketgan.
{loc} katta yo'lga chiqish joyida ko'rinish yo'q, har hafta avariya bo'lyapti, oyna yoki belgi kerak.
Yo'lni ta'mirlayotganlar tuproqni uyimiz oldiga to'kib ketishdi, darvozani ochib bo'lmaydi.
Shag'al to'kib ketishdi-yu, tekislashmadi, mashina u yoqda tursin, piyoda ham yurolmaydi.
Tepalikdagi yo'l qishda muzlab qoladi, qum sepilmaydi, mashinalar sirpanib ketyapti.
""",
ru_p="""
На въезде в махаллю яма размером с ванну, ночью её не видно.
Асфальт положили зимой, к весне всё поехало, проверьте подрядчика.
{loc} нет тротуара с обеих сторон, с коляской идём по проезжей части.
При выезде на большую дорогу {loc} нет обзора, аварии каждую неделю, нужно зеркало.
Дорожники ссыпали грунт прямо у наших ворот, невозможно открыть.
Зимой дорога на подъёме обледеневает, песком не посыпают, машины скатываются.
""",
en_p="""
There's a pothole the size of a bathtub at the entrance to our mahalla, invisible at night.
The asphalt was laid in winter and by spring it had all crumbled.
There's no visibility where our lane joins the main road {loc}, we need a mirror or a sign.
The hill road ices over in winter and nobody spreads sand.
""",
),
"water-supply": dict(
uz_p="""
Yangi quvur yotqizildi, lekin uyimizga ulab berishmadi, hamma qo'shnida suv bor, bizda yo'q.
{loc} ichimlik suvi bilan birga qurt chiqdi, rasmini yuborsam bo'ladimi?
Suv soat 7 dan 9 gacha beriladi, ishdan qaytib kelsak suv yo'q bo'ladi.
{loc} suv hisoblagichi quduqda, quduqni suv bosgan, ko'rsatkichni olib bo'lmaydi.
Bizning tomonda suv faqat birinchi qavatga chiqadi, to'rtinchi qavatga paqirda tashiymiz.
Ko'cha kolonkasidan kechayu kunduz suv oqib yotibdi, krani buzilgan.
Suv tarmog'iga ulanish uchun texnik shart berishmayapti, {dur} ovoramiz.
Yozda bog'larni sug'orishdan suv bosimi tushib ketadi, uyga suv kelmaydi.
""",
ru_p="""
Проложили новую трубу, а наш дом так и не подключили, у соседей вода есть, у нас нет.
Воду дают с 7 до 9 утра, возвращаемся с работы — воды нет.
{loc} колонка течёт днём и ночью, сломан кран.
Не выдают технические условия на подключение к водопроводу, ходим {dur}.
Летом все поливают огороды, и давление падает до нуля.
""",
en_p="""
They laid a new water main but never connected our house.
Water is only on from 7 to 9 in the morning, by the time we get home from work it's gone.
The street pump {loc} leaks day and night because the tap is broken.
""",
),
"electricity": dict(
uz_p="""
Har kuni kechqurun soat 7 da svet o'chadi, ikki soatdan keyin yonadi, bu qachon tugaydi?
{loc} ustundan uyga kelgan sim eskirib, izolyatsiyasi yorilib ketgan, yomg'irda uchqun chiqadi.
Qo'shnilarimiz payvandlash apparatini ishlatsa, bizda chiroqlar o'chib-yonadi.
Elektr hisoblagichni ko'chaga chiqarib o'rnatishdi, endi kimdir undan tok o'g'irlayapti.
{loc} transformator g'uvillab, tutun chiqaryapti, yonib ketishidan qo'rqamiz.
Elektr o'chirilishi jadvali e'lon qilinmaydi, bola darsni qorong'ida qilyapti.
Ko'chadagi ustun chirib, pastki qismi sinib qolgan, simlar tortilib turibdi.
Elektr to'lovi kartadan yechildi, lekin hisobimizga tushmadi.
""",
ru_p="""
Каждый вечер в 19:00 отключают свет на два часа, когда это закончится?
{loc} ввод от столба к дому старый, изоляция потрескалась, в дождь искрит.
{loc} трансформатор гудит и дымит, боимся пожара.
Графики отключений не публикуют, ребёнок делает уроки в темноте.
Деревянный столб на улице сгнил у основания, провода натянуты, может упасть.
Оплата за электричество списалась с карты, но на лицевой счёт не поступила.
""",
en_p="""
The power goes out every evening at 7 for two hours, how long will this go on?
The cable from the pole to our house is old and sparks in the rain.
The transformer {loc} is humming and smoking, we are afraid of a fire.
I paid the electricity bill by card but it never showed up on our account.
""",
),
"gas-supply": dict(
uz_p="""
Gaz plitani yoqsak, olov sariq va juda past yonadi.
{loc} gaz quvuri devorga mahkamlanmagan, osilib turibdi.
Gaz hisoblagichini qiyoslashdan o'tkazish muddati tugagan deb jarima yozishdi, lekin hech kim ogohlantirmagan.
Uyga gaz ulash uchun loyiha pulini to'laganmiz, bir yil bo'ldi, hali ulashmadi.
Tandir yoqish uchun ham gaz yetmayapti, bosim kechasi ham past.
Podyezdda gaz hidi bor, qaysi xonadondan kelayotganini bilmaymiz, qo'rqyapmiz.
""",
ru_p="""
Пламя на газовой плите жёлтое и очень слабое.
{loc} газовая труба не закреплена на стене, висит.
Оштрафовали за просроченную поверку газового счётчика, хотя никто не предупреждал.
Заплатили за проект газификации дома, прошёл год, так и не подключили.
В подъезде пахнет газом, не понимаем, из какой квартиры, страшно.
""",
en_p="""
The flame on our gas stove is yellow and very weak.
We paid for a gas connection project a year ago and are still not connected.
There's a smell of gas in the stairwell and we don't know which flat it's from.
""",
),
"social-assistance": dict(
uz_p="""
Ko'p bolali onaman, bolalarimni maktabga kiyintirishga qurbim yetmayapti, maktab formasi bilan yordam bera olasizlarmi?
Nogironligi bor qizim uchun maxsus karavot va taglik kerak, qayerdan olish mumkin?
Eri qamalgan, uch bolasi bilan qolgan qo'shnimizga yordam kerak.
Bolalar nafaqasini uzaytirish uchun yana qanday hujjat topshirishim kerak?
Ota-onasiz qolgan jiyanlarimni vasiylikka oldim, ularga nafaqa tayinlanadimi?
Yolg'iz yashovchi nogiron amakimizga issiq ovqat yetkazib berish xizmati bormi?
Sanatoriyga yo'llanma olish uchun navbatga yozilgandim, {dur} javob yo'q.
Uy ijarasini to'lashga pulim yo'q, kam ta'minlangan oilalarga ijara uchun kompensatsiya bormi?
""",
ru_p="""
Многодетная мать, не могу одеть детей в школу, можете помочь со школьной формой?
Для дочери-инвалида нужна функциональная кровать и памперсы, где их получить?
Соседка осталась с тремя детьми, муж в заключении, ей нужна помощь.
Оформила опеку над племянниками-сиротами, положено ли им пособие?
Есть ли служба доставки горячего питания для одиноких инвалидов?
Нечем платить за аренду, есть ли компенсация для малообеспеченных?
""",
en_p="""
I'm a mother of five and can't afford school uniforms, is there any help?
My daughter is disabled and needs a special bed and diapers, where can we get them?
I became the guardian of my orphaned nephews, are they entitled to any allowance?
""",
),
"waste": dict(
uz_p="""
Konteyner maydonchasi atrofi chiqindiga to'lib ketgan, uni haftada bir marta ham tozalashmayapti.
Ko'chamiz aholisi chiqindini ajratib yig'ishni xohlaydi, alohida konteynerlar qo'yib berasizlarmi?
Qurilish olib borayotgan qo'shni g'isht va beton siniqlarini ko'cha o'rtasiga to'kib qo'ydi.
Xonadonlardan musor puli yig'ilyapti, lekin kvitansiya berilmayapti.
""",
ru_p="""
Площадка у контейнеров завалена мусором, её не убирают даже раз в неделю.
Жители хотят сортировать мусор, можно поставить отдельные контейнеры?
Сосед со стройки вывалил битый кирпич и бетон посреди улицы.
""",
en_p="""
Residents want to sort their waste, could you put separate recycling bins?
A neighbour dumped broken bricks and concrete in the middle of the street.
""",
),
"housing": dict(
uz_p="""
Uyimizning kirish qismidagi soyabon qulab tushay deb turibdi, tagidan bolalar o'tadi.
Qishda tomdan muz parchalari tushadi, podyezd oldidan o'tish xavfli.
Shirkat yertola kalitini bermayapti, quvurlarni ko'rish uchun ham kira olmayapmiz.
Uyimizning tashqi devoridan yomg'ir suvi kirib, xonada devor qog'ozlari ko'chib tushdi.
""",
ru_p="""
Козырёк над подъездом вот-вот рухнет, под ним ходят дети.
Зимой с крыши падают глыбы льда, проходить у подъезда опасно.
ТСЖ не даёт ключ от подвала, даже трубы посмотреть не можем.
""",
en_p="""
The canopy over our entrance is about to collapse and kids walk under it.
Chunks of ice fall from the roof in winter right by the entrance.
""",
),
}
