"""Hand-written category fragments, part 2."""

CATS = {}

CATS["gas-supply"] = dict(
uz_p="""
{loc} gaz bosimi juda past, ovqat pishirib bo'lmayapti.
{loc} kuchli gaz hidi kelyapti, quvurdan sizib chiqyapti shekilli.
{loc} {dur} gaz yo'q, uyni isitolmayapmiz.
Gaz hisoblagichi ishlamay qoldi, lekin to'lovni ko'p hisoblab kelishyapti.
{loc} gaz quvuri zanglab, teshilib qolgan, gaz hidi kelyapti.
Bizning ko'chaga hali tabiiy gaz tortilmagan, ballon bilan yashayapmiz.
Suyultirilgan gaz ballonini topib bo'lmayapti, shoxobchada navbat juda katta.
Kechqurun gaz davleniyasi shunaqa tushib ketadiki, plita zo'rg'a yonadi.
Gaz qarzimiz yo'q edi, lekin gazni o'chirib ketishdi.
{loc} yer ostidan gaz hidi chiqyapti, hamma qo'rqib turibdi.
Yangi gaz hisoblagich o'rnatish uchun ariza berganmiz, {dur} hech kim kelmadi.
Gaz quvuri uyimiz devoriga juda yaqin o'tgan, ko'chirish mumkinmi?
Qishda gaz umuman kelmaydi, bolalar sovqotib kasal bo'lishyapti.
{loc} gaz quvurini mashina urib, egib ketgan, hidi kelyapti.
Smart gaz hisoblagich kartani o'qimayapti, pul to'lasak ham gaz kelmayapti.
Ballonni olib kelib berishadigan mashina ikki haftada bir keladi.
Gaz plitamiz eskirgan, gaz xizmati tekshirib bersin deyapmiz.
Gaz o'chirilishi haqida oldindan xabar berilmadi, uyda yosh chaqaloq bor.
{loc} gaz quvuri ustida bolalar o'ynashadi, quvur bo'shab qolgan.
Gaz ta'minoti korxonasi xodimi keldi-yu, hech narsa qilmay ketdi.
Ko'p qavatli uyimizning yerto'lasidan gaz hidi kelyapti.
Gazni normativ bo'yicha hisoblashyapti, hisoblagich bo'lsa ham.
""",
uz_s="""
gaz yo'q
gaz bosimi past
gaz hidi kelyapti!!
gaz davleniyasi yo'q
ballon gaz topib bo'lmayapti
gaz schetchik buzildi
gazni qachon berasizlar?
""",
uz_c="""
Portlash bo'lishidan qo'rqamiz.
Bolalar sovuqda qolyapti.
Ovqat pishirishning iloji yo'q.
""",
uz_r="""
Gaz xizmatini zudlik bilan yuboring.
Gaz bosimini me'yorga keltirib berishingizni so'raymiz.
Hisoblagichni tekshirib, almashtirib berishingizni so'rayman.
""",
ru_p="""
{loc} очень низкое давление газа, невозможно приготовить еду.
{loc} сильно пахнет газом, видимо утечка из трубы.
{loc} нет газа {dur}, нечем отапливать дом.
Газовый счётчик перестал работать, а начисляют всё больше.
{loc} газовая труба проржавела, есть дырка, чувствуется запах.
На нашу улицу до сих пор не провели природный газ, живём на баллонах.
Невозможно купить сжиженный газ в баллонах, на пункте огромная очередь.
Вечером давление газа падает так, что плита еле горит.
Долгов за газ нет, но нас отключили.
{loc} из-под земли пахнет газом, все боятся.
Подали заявку на установку нового газового счётчика, {dur} никто не пришёл.
Газовая труба проходит вплотную к стене нашего дома, можно ли её перенести?
Зимой газа вообще нет, дети мёрзнут и болеют.
{loc} машина задела газовую трубу и погнула её, пахнет газом.
Умный газовый счётчик не читает карту, оплатили, а газа нет.
Машина с баллонами приезжает раз в две недели.
Газ отключили без предупреждения, дома грудной ребёнок.
В подвале нашей многоэтажки пахнет газом.
Газ начисляют по нормативу, хотя счётчик стоит.
""",
ru_s="""
нет газа
слабое давление газа
пахнет газом!!!
газовый баллон не достать
газовый счётчик сломался
когда дадут газ?
""",
ru_c="""
Боимся взрыва.
Дети мёрзнут.
Не на чем готовить.
""",
ru_r="""
Срочно пришлите газовую службу.
Просим нормализовать давление газа.
Прошу проверить и заменить счётчик.
""",
en_p="""
Gas pressure {loc} is so low we can't cook.
There is a strong smell of gas {loc}, probably a leak in the pipe.
There has been no gas {loc} {dur}, we can't heat the house.
Our gas meter stopped working but the bills keep growing.
The gas pipe {loc} is rusty and has a hole, you can smell gas.
Our street still has no natural gas, we live on cylinders.
It's impossible to buy a gas cylinder, the queue at the point is huge.
In the evenings the gas pressure drops so much the stove barely burns.
We have no gas debt but they cut us off anyway.
You can smell gas coming from the ground {loc}, everyone is scared.
A car hit the gas pipe {loc} and bent it.
The smart gas meter doesn't read the card, we paid and still no gas.
There's a gas smell in the basement of our building.
""",
en_s="""
no gas
low gas pressure
smell of gas near our house!!
can't get a gas cylinder
""",
en_c="""
We are afraid of an explosion.
The children are cold.
""",
en_r="""
Please send the gas emergency service right away.
Please check the pressure.
""",
)

CATS["heating"] = dict(
uz_p="""
{loc} radiatorlar {dur} sovuq, uyda harorat 12 daraja.
Isitish mavsumi boshlangan bo'lsa ham bizning uyga issiqlik berilmayapti.
{loc} issiq suv yo'q, bolalarni cho'miltirishga ham qiynalyapmiz.
Batareyalar zo'rg'a iliq, kechasi uy muzlab qoladi.
{loc} issiqlik quvuri yorilib, ko'chaga bug' chiqyapti.
Yuqori qavatdagi radiatorlar sovuq, pastki qavatlarda esa issiq.
Issiq suv o'rniga sovuq suv kelyapti, lekin to'lovni issiq suv uchun olishyapti.
Radiator oqyapti, pastdagi qo'shnini suv bosdi.
Qozonxona ishlamayapti shekilli, butun mavze issiqliksiz.
Issiqlik uchun pul to'laymiz, ammo uyda issiqlik yo'q, hisob-kitobni qayta ko'rib chiqing.
Bolalarim sovuqdan shamollab qoldi, uyda radiatorlar umuman isimayapti.
{loc} issiq suv faqat kechasi keladi, ertalab sovuq.
Podyezddagi isitish quvurlari eskirgan, havo tiqilib qolgan, radiatorlar ishlamaydi.
Uyimizda issiqlik hisoblagich o'rnatilmagan, maydon bo'yicha ko'p hisoblanyapti.
Yertoladagi issiqlik quvuri teshilgan, issiq suv yerto'lani bosgan, bug' ko'tarilyapti.
{loc} markaziy isitish {dur} o'chirilgan, sababini hech kim aytmayapti.
Qishda uyda palto kiyib o'tiramiz, yolg'iz keksa onam sovqotyapti.
Isitish tizimini yozda ta'mirlashmadi, endi qishda muammo chiqyapti.
""",
uz_s="""
radiatorlar sovuq
uyda issiqlik yo'q
issiq suv yo'q
batareya isimayapti
otopleniya berilmadi hali
uy muzlab ketdi, isitish yo'q
""",
uz_c="""
Bolalar shamollab qolishyapti.
Keksalar sovuqda qiynalyapti.
Elektr isitgich yoqsak svet o'chib qoladi.
""",
uz_r="""
Isitishni tiklab berishingizni so'raymiz.
Issiqlik ta'minoti korxonasini yuborsangiz.
To'lovni qayta hisoblab berishingizni so'rayman.
""",
ru_p="""
{loc} батареи холодные {dur}, в квартире 12 градусов.
Отопительный сезон начался, а в наш дом тепло не подают.
{loc} нет горячей воды, детей купать нечем.
Батареи еле тёплые, ночью квартира промерзает.
{loc} прорвало трубу теплотрассы, на улице валит пар.
На верхних этажах батареи холодные, внизу горячие.
Вместо горячей воды идёт холодная, а платим как за горячую.
Течёт радиатор, затопили соседей снизу.
Видимо не работает котельная, весь квартал без отопления.
Платим за отопление, а тепла нет, просим сделать перерасчёт.
Дети простудились, батареи совсем не греют.
{loc} горячая вода бывает только ночью.
В подъезде старые трубы отопления, завоздушены, батареи не работают.
В доме нет счётчика тепла, начисляют по площади очень много.
В подвале прорвало трубу отопления, подвал залит кипятком, идёт пар.
{loc} отключили центральное отопление {dur}, никто не объясняет причину.
Сидим дома в куртках, одинокая пожилая мама мёрзнет.
Летом не отремонтировали систему отопления, теперь зимой проблемы.
""",
ru_s="""
батареи холодные
нет отопления
нет горячей воды
отопление не дали
в квартире холодно, батареи не греют
""",
ru_c="""
Дети болеют.
Пожилые мёрзнут.
Включаем обогреватели — выбивает свет.
""",
ru_r="""
Просим дать отопление.
Пришлите теплосеть.
Просим сделать перерасчёт за отопление.
""",
en_p="""
The radiators {loc} have been cold {dur}, it's 12 degrees in the flat.
The heating season has started but our building still has no heating.
There is no hot water {loc}, we can't even bathe the kids.
The radiators are barely warm and the flat freezes at night.
A heating main burst {loc} and steam is coming out onto the street.
Radiators on the upper floors are cold while the lower floors are hot.
We get cold water instead of hot water but are billed for hot water.
Our radiator is leaking and flooded the neighbours below.
We pay for heating but there is no heat, please recalculate the bill.
Hot water only comes at night {loc}.
The central heating was switched off {dur} and nobody explains why.
We sit at home in coats, my elderly mother lives alone and is freezing.
""",
en_s="""
radiators cold
no heating in our building
no hot water again
""",
en_c="""
The kids keep catching colds.
""",
en_r="""
Please turn the heating on.
Please recalculate our heating bill.
""",
)

CATS["waste"] = dict(
uz_p="""
{loc} chiqindi konteynerlari {dur} bo'shatilmayapti, axlat atrofga sochilib yotibdi.
{loc} noqonuniy axlatxona paydo bo'ldi, hamma kelib chiqindi tashlab ketyapti.
Kechqurun qo'shnilar axlat yoqishadi, tutun uyga kiradi, nafas olib bo'lmaydi.
Musor mashinasi ko'chamizga {dur} kelmayapti.
{loc} axlat konteyneri yo'q, odamlar ariqqa tashlashyapti.
Chiqindi olib ketish uchun pul to'laymiz, lekin mashina kelmaydi.
Qurilish chiqindilarini ko'cha chetiga to'kib ketishgan.
Axlat qutilari singan, itlar titib tashlayapti.
{loc} konteynerlar to'lib-toshgan, sassiq hid va chivin ko'payib ketdi.
Bozor yonida axlat uyumi turibdi, kalamushlar paydo bo'ldi.
Chiqindi tashish jadvalini bilmaymiz, mashina qachon kelishi noma'lum.
Ariqqa axlat tashlanib, suv oqmay qoldi.
{loc} kimdir eski shinalarni yoqib yubordi, qora tutun.
Musor uchun to'lov ikki barobar oshib ketdi, xizmat esa yomonlashdi.
Ko'p qavatli uyning axlat quvuri tiqilib qolgan, podyezdda hid.
Mahalla chetidagi bo'sh yerga yuk mashinalari chiqindi to'kib ketyapti.
Kuzda to'kilgan barglar qoplarda yig'ib qo'yilgan, hech kim olib ketmayapti.
{loc} axlat konteynerlarini bolalar maydonchasining yoniga qo'yishgan, boshqa joyga ko'chirish kerak.
Hovlimiz oldida axlat yoqishyapti, bolamda astma bor.
""",
uz_s="""
musor olib ketilmayapti
axlat to'lib ketgan
konteyner yo'q
musor mashinasi kelmadi
axlat yoqishyapti, tutun
noqonuniy axlatxona
""",
uz_c="""
Hid va pashshalar ko'payib ketdi.
Bolalar kasal bo'lib qolishidan qo'rqamiz.
Yong'in chiqishi mumkin.
""",
uz_r="""
Chiqindilarni olib ketishni tashkil qiling.
Konteyner o'rnatib berishingizni so'raymiz.
Axlat yoqayotganlarga chora ko'rilsin.
""",
ru_p="""
{loc} не вывозят мусорные контейнеры {dur}, мусор разбросан вокруг.
{loc} образовалась стихийная свалка, все сваливают туда мусор.
Соседи по вечерам жгут мусор, дым идёт в дом, невозможно дышать.
Мусоровоз не приезжает на нашу улицу {dur}.
{loc} нет мусорных контейнеров, люди выбрасывают мусор в арык.
Платим за вывоз мусора, а машина не приезжает.
Строительный мусор вывалили на обочину.
Контейнеры сломаны, собаки растаскивают мусор.
{loc} баки переполнены, вонь и мухи.
Возле базара гора мусора, появились крысы.
Не знаем график вывоза мусора, непонятно, когда приедет машина.
Арык забит мусором, вода не течёт.
{loc} кто-то жёг старые покрышки, чёрный дым.
Плата за мусор выросла вдвое, а обслуживание стало хуже.
В многоэтажке забит мусоропровод, в подъезде запах.
На пустыре на краю махалли грузовики сваливают отходы.
Листья собрали в мешки ещё осенью, так никто и не вывез.
Контейнеры поставили прямо у детской площадки, просим перенести.
Возле нашего дома жгут мусор, а у ребёнка астма.
""",
ru_s="""
мусор не вывозят
баки переполнены
нет контейнеров
мусоровоз не приехал
жгут мусор
стихийная свалка
""",
ru_c="""
Запах и мухи.
Боимся за здоровье детей.
Может начаться пожар.
""",
ru_r="""
Просим организовать вывоз мусора.
Установите контейнеры.
Примите меры к тем, кто жжёт мусор.
""",
en_p="""
The garbage bins {loc} haven't been emptied {dur}, rubbish is everywhere.
An illegal dump has appeared {loc}, people keep throwing waste there.
Neighbours burn rubbish in the evenings and the smoke fills our home.
The garbage truck hasn't come to our street {dur}.
There are no bins {loc} so people throw rubbish into the canal.
We pay for waste collection but the truck never comes.
Someone dumped construction debris on the side of the road.
The bins {loc} are overflowing, it stinks and there are flies everywhere.
There's a pile of garbage near the bazaar and rats have appeared.
Someone burned old tyres {loc}, thick black smoke.
The garbage chute in our building is blocked.
The bins were placed right next to the playground, please move them.
""",
en_s="""
garbage not collected
bins overflowing
people burning trash
illegal dump near river
""",
en_c="""
It smells terrible and there are flies.
""",
en_r="""
Please arrange waste collection.
Please put more bins.
""",
)

CATS["greenery"] = dict(
uz_p="""
{loc} katta daraxt yiqilib, yo'lni to'sib qo'ydi.
{loc} qurib qolgan daraxt shoxlari osilib turibdi, birortasining boshiga tushishi mumkin.
{loc} kimdir kechasi chinorlarni noqonuniy kesib ketyapti.
Parkimiz qarovsiz qolgan, o'tlar bo'y cho'zgan, o'rindiqlar singan.
{loc} eski terak qiyshayib, uyimiz tomiga egilib turibdi, shamolda qulashi mumkin.
Ko'chamizdagi daraxtlar {dur} sug'orilmayapti, qurib qolyapti.
Qurilish kompaniyasi ruxsatsiz o'nlab daraxtlarni kesib tashladi.
Gulzorlarni parvarish qiladigan odam yo'q, hammasi qurib ketdi.
Mahallamizga daraxt ko'chatlari ekish bo'yicha taklifim bor, ko'chat bera olasizlarmi?
{loc} daraxt shoxlari yo'lni to'sib qo'ygan, mashinalar o'tolmaydi.
Bo'ronda singan shoxlar {dur} yig'ishtirilmay yotibdi.
Yangi ekilgan ko'chatlarni echkilar yeb ketyapti.
Daraxtlarni shunaqa qattiq kesishdiki, faqat tanasi qoldi.
{loc} maysazorni buzib mashinalar to'xtatishyapti.
Parkdagi favvora va ariqlar tozalanmagan, suv sasib ketgan.
Bolalar maydonchasi yonidagi qurigan daraxtni olib tashlash kerak.
{loc} tut daraxtlarini kesib, o'rniga hech narsa ekilmadi.
Hiyobondagi yashil maydonni qurilish uchun berishyapti degan gap bor, bunga qarshimiz.
""",
uz_s="""
daraxt yiqildi
qurigan daraxt xavfli
daraxtlarni kesishyapti
parkni tozalash kerak
ko'chat ekish kerak
shoxlar osilib turibdi
""",
uz_c="""
Bolalar shu yerdan maktabga o'tadi, xavfli.
Havo ifloslanib ketyapti.
""",
uz_r="""
Obodonlashtirish xizmatini yuborsangiz.
Daraxtni xavfsiz kesib olib ketishingizni so'raymiz.
Noqonuniy kesuvchilarga chora ko'rilsin.
""",
ru_p="""
{loc} упало большое дерево и перегородило дорогу.
{loc} висят сухие ветки, могут упасть кому-нибудь на голову.
{loc} кто-то по ночам незаконно вырубает чинары.
Наш парк заброшен, трава по пояс, скамейки сломаны.
{loc} старый тополь накренился прямо над крышей дома, при ветре может рухнуть.
Деревья на нашей улице не поливают {dur}, они засыхают.
Строительная компания без разрешения спилила десятки деревьев.
За клумбами никто не ухаживает, всё засохло.
Хочу предложить высадить саженцы в махалле, можете выделить саженцы?
{loc} ветки деревьев перекрыли проезд.
Сломанные после урагана ветки лежат {dur}, никто не убирает.
Новые саженцы объедают козы.
Деревья обрезали так сильно, что остались одни стволы.
{loc} машины паркуются прямо на газоне.
В парке не чистят фонтан и арыки, вода протухла.
Возле детской площадки сухое дерево, его нужно убрать.
{loc} вырубили тутовые деревья и ничего не посадили взамен.
Говорят, сквер отдают под застройку, мы против.
""",
ru_s="""
упало дерево
сухое дерево, опасно
незаконная вырубка деревьев
парк заброшен
обрежьте ветки
""",
ru_c="""
Тут ходят дети, это опасно.
Без деревьев летом невыносимая жара.
""",
ru_r="""
Пришлите службу благоустройства.
Просим безопасно спилить дерево.
Остановите вырубку.
""",
en_p="""
A big tree fell {loc} and is blocking the road.
Dry branches {loc} are hanging over the sidewalk and could fall on someone.
Someone is illegally cutting down plane trees {loc} at night.
Our park is neglected, grass is waist high and the benches are broken.
An old poplar {loc} is leaning over our roof and could fall in strong wind.
The trees on our street haven't been watered {dur} and are drying out.
A construction company cut down dozens of trees without permission.
I'd like to propose planting trees in our mahalla, can you provide saplings?
Branches from the storm have been lying around {dur}.
Cars park right on the lawn {loc}.
There is a dead tree next to the playground that needs to be removed.
They want to build on our little public garden, residents are against it.
""",
en_s="""
fallen tree blocking road
dead tree, dangerous
illegal tree cutting
park needs cleaning
""",
en_c="""
Children walk here every day.
""",
en_r="""
Please send the landscaping service.
Please stop the tree cutting.
""",
)

CATS["public-transport"] = dict(
uz_p="""
{loc} avtobus {dur} kelmayapti, bekatda bir soatlab kutamiz.
{n}-yo'nalishdagi avtobusni bekor qilishdi, endi shaharga chiqishga transport yo'q.
Bekatda soyabon ham, o'rindiq ham yo'q, yozda issiqda, qishda sovuqda turamiz.
Avtobuslar jadvalga umuman rioya qilmaydi.
Ertalab avtobuslar shunaqa gavjumki, bolalar maktabga kechikishyapti.
Mahallamizdan tuman markaziga boradigan yo'nalish ochib berishingizni so'raymiz.
Marshrutka haydovchisi yo'lovchilarga qo'pol gapiradi, chiptani ham bermaydi.
{loc} bekatni olib tashlashdi, endi eng yaqin bekat 2 kilometr narida.
Kechki soat 8 dan keyin avtobus qatnamaydi, ishdan qaytolmay qolyapmiz.
Avtobus nogironlar aravachasini ko'tarmaydi, pandus ishlamaydi.
Transport kartasidan ikki marta pul yechib olindi.
{n}-avtobus haydovchisi juda tez haydaydi, telefonda gaplashib ketadi.
Bekatdagi elektron tablo ishlamaydi, avtobus qachon kelishini bilmaymiz.
{loc} avtobuslar bekatda to'xtamasdan o'tib ketyapti.
Qishloqdan shaharga kuniga faqat ikki marta avtobus qatnaydi.
Avtobusda konditsioner ishlamaydi, yozda ichida nafas olib bo'lmaydi.
Yangi yo'nalish bo'yicha avtobuslar soni kam, oralig'i 40 daqiqa.
Metro bekatigacha avtobus yo'q, taksiga katta pul ketyapti.
""",
uz_s="""
avtobus kelmayapti
bekatda soyabon yo'q
avtobus yo'nalishini qaytaring
marshrutka qatnamayapti
avtobus juda kam
""",
uz_c="""
Keksalar va talabalar qiynalyapti.
Ishga kechikyapmiz.
""",
uz_r="""
Avtobuslar sonini ko'paytirib berishingizni so'raymiz.
Yo'nalishni qayta tiklab bering.
Bekatni obodonlashtirib bering.
""",
ru_p="""
{loc} автобус не ходит {dur}, на остановке ждём по часу.
Автобус №{n} отменили, теперь до города не добраться.
На остановке нет ни навеса, ни скамейки, летом жара, зимой холод.
Автобусы вообще не соблюдают расписание.
Утром автобусы переполнены, дети опаздывают в школу.
Просим открыть маршрут из нашей махалли до центра района.
Водитель маршрутки грубит пассажирам и не даёт билет.
{loc} убрали остановку, теперь ближайшая в двух километрах.
После восьми вечера автобусы не ходят, с работы не доехать.
Автобус не приспособлен для инвалидной коляски, пандус не работает.
С транспортной карты дважды списали деньги.
Водитель автобуса №{n} гоняет и разговаривает по телефону за рулём.
Электронное табло на остановке не работает.
{loc} автобусы проезжают остановку не останавливаясь.
Из кишлака в город автобус ходит только два раза в день.
В автобусе не работает кондиционер, летом внутри нечем дышать.
Интервал автобусов на новом маршруте 40 минут, слишком мало машин.
До станции метро нет автобуса, на такси уходит много денег.
""",
ru_s="""
автобус не ходит
нет навеса на остановке
верните маршрут
маршрутки не ходят
""",
ru_c="""
Страдают пожилые и студенты.
Опаздываем на работу.
""",
ru_r="""
Просим увеличить количество автобусов.
Восстановите маршрут.
Благоустройте остановку.
""",
en_p="""
The bus {loc} hasn't come {dur}, we wait an hour at the stop.
Bus route {n} was cancelled and now there's no way to get to the city.
The bus stop has no shelter or bench.
Buses don't follow the schedule at all.
Morning buses are so crowded that kids are late for school.
Please open a bus route from our mahalla to the district centre.
The minibus driver is rude to passengers.
They removed the bus stop {loc}, now the nearest one is 2 km away.
There are no buses after 8 pm, I can't get home from work.
The bus ramp doesn't work, I can't board with my wheelchair.
My transport card was charged twice.
The driver of bus {n} speeds and talks on the phone while driving.
The electronic board at the stop shows nothing.
Buses pass the stop {loc} without stopping.
""",
en_s="""
bus never comes
no shelter at bus stop
bring back bus route
""",
en_c="""
Elderly people and students suffer most.
""",
en_r="""
Please add more buses.
Please restore the route.
""",
)
