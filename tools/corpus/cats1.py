"""Hand-written category fragments, part 1. Keys: <lang>_p problem sentences
(may contain {loc} {dur} {street} {n} {k} {mahalla}), _s short chat fragments,
_c consequences, _r category-specific requests. uz = Uzbek in Latin script."""

CATS = {}

CATS["roads"] = dict(
uz_p="""
{loc} yo'l juda buzilib ketgan, hamma joyi chuqur.
{loc} asfalt umuman yo'q, yomg'ir yog'sa loy bo'lib ketadi.
{loc} yo'lda katta chuqur paydo bo'ldi, kecha kechasi bir mashinaning g'ildiragi tushib ketdi.
{loc} yo'l ta'mirlash ishlari boshlangan edi, {dur} to'xtab qolgan, yo'l kovlangan holda tashlab ketilgan.
{loc} piyodalar yo'lagi butunlay buzilgan, keksalar qoqilib yiqilyapti.
{loc} piyodalar o'tish joyi yo'q, mashinalar juda tez yuradi, bolalar yo'ldan o'tishga qo'rqadi.
Maktab oldidagi yo'lga sun'iy notekislik (lejachiy policeyskiy) qo'yib berishingizni so'raymiz, mashinalar juda tez haydashadi.
{loc} zebra chiziqlari o'chib ketgan, umuman ko'rinmaydi.
Gaz quvuri yotqizish uchun {loc} yo'lni kovlashdi, keyin asfaltni tiklamay ketib qolishdi.
{loc} yo'lga hatto shag'al ham to'kilmagan, yozda chang, qishda loy.
Ariq ustidagi ko'prikcha qulab tushay deb turibdi, mashina o'tsa juda xavfli.
Yomg'irdan keyin {loc} yo'lda katta ko'lmak bo'lib turib qoladi, o'tib bo'lmaydi.
O'tgan oy yamoq qilingan asfalt bir oyga yetmay yana ko'chib ketdi.
{loc} svetofor ishlamayapti, chorrahada tirbandlik, ikki marta avariya ham bo'ldi.
{loc} yo'l chetidagi bordyur toshlari sinib, yo'lning o'rtasida yotibdi.
Mahallamizga kiradigan yagona yo'l {dur} yopiq, hamma aylanib o'tyapti.
{loc} yo'lning bir chetini suv yuvib ketgan, ostida bo'shliq bor, mashina tushib ketishi mumkin.
Yangi uylar qurilgan ko'chamizga hali yo'l qilinmagan, besh yildan beri va'da qilishadi.
Bekatgacha boradigan yo'lakda chuqurlar shunchalik ko'pki, nogironlar aravachasi bilan o'tib bo'lmaydi.
{loc} yo'l qoplamasi butunlay yaroqsiz, asfaltlash rejasiga kiritishingizni so'raymiz.
Qurilishga qatnayotgan og'ir yuk mashinalari {loc} yo'lni butunlay buzib yubordi.
Yo'ldagi yamalar ko'pligidan mashinamning xodovoyi ikki marta ishdan chiqdi.
{loc} "Ehtiyot bo'ling, bolalar" belgisi yiqilib yotibdi, hech kim tiklamayapti.
Yo'l asfaltlandi-yu, lekin suv oqib ketadigan ariq qoldirilmagan, endi suv hovlilarga kiryapti.
{loc} yo'l tor, ikki mashina sig'maydi, ustiga-ustak chuqur ko'p.
Ko'chamizning yo'li {dur} qazib tashlangan, uyimizdan chiqolmay qoldik.
""",
uz_s="""
yo'l buzilgan
ko'chamizga asfalt kerak
yo'lda katta chuqur bor ehtiyot bo'linglar
yo'lni qachon asfalt qilasizlar?
trotuar yo'q, bolalar yo'lning o'rtasida yuradi
yamlar ko'p mashina o'tolmaydi
maktab oldiga zebra chizib bering
yo'l ta'miri chala qolib ketdi
loydan o'tib bo'lmayapti, asfalt qachon?
chorrahadagi svetofor ishlamayapti
yo'lda yam, kechasi ko'rinmaydi
""",
uz_c="""
Bolalar maktabga loy kechib borishyapti.
Tez yordam mashinasi ham kira olmaydi.
Har kuni kimdir yiqilib tushyapti.
Mashinalar shikastlanyapti, baxtsiz hodisa bo'lishidan qo'rqamiz.
Keksalar uydan chiqolmay qolishdi.
""",
uz_r="""
Yo'lni asfaltlab berishingizni so'raymiz.
Hech bo'lmasa chuqurlarni yamab qo'yinglar.
Ta'mirlash ishlarini oxiriga yetkazib berishingizni so'rayman.
Piyodalar o'tish joyi va yo'l belgilarini o'rnatib bering.
Yo'l xizmatini yuborsangiz.
""",
ru_p="""
Дорога {loc} вся в ямах, проехать невозможно.
{loc} нет асфальта, после дождя сплошная грязь.
{loc} образовалась огромная яма, вчера в неё провалилась машина.
{loc} начали ремонт дороги и бросили, {dur} всё разрыто.
Тротуар {loc} полностью разрушен, пожилые люди спотыкаются и падают.
{loc} нет пешеходного перехода, машины носятся на большой скорости, детям страшно переходить дорогу.
Просим установить лежачих полицейских возле школы №{n}, водители гоняют.
Разметка и зебра {loc} стёрлись, их совсем не видно.
После прокладки газовой трубы дорогу {loc} раскопали, а асфальт так и не восстановили.
{loc} грунтовая дорога, летом пыль столбом, зимой непролазная грязь.
Мостик через арык {loc} вот-вот обрушится, ездить по нему опасно.
После каждого дождя {loc} стоит огромная лужа, ни пройти ни проехать.
Яму заделали месяц назад, а заплатка уже развалилась.
{loc} не работает светофор, на перекрёстке постоянные пробки, уже были аварии.
Бордюры вдоль дороги {loc} разбиты и валяются на проезжей части.
Единственный въезд в махаллю закрыт {dur}, приходится объезжать через весь район.
{loc} под асфальтом размыло грунт, дорога проседает, может провалиться машина.
На нашу улицу дорогу обещают уже пятый год, до сих пор грунтовка.
Тротуар до остановки весь в ямах, с инвалидной коляской проехать невозможно.
Грузовики со стройки разбили всю дорогу {loc}, просим запретить проезд тяжёлой техники.
Из-за ям на дороге у меня уже второй раз ломается подвеска.
Дорожное покрытие {loc} в аварийном состоянии, просим включить улицу в план асфальтирования.
Дорожный знак «Осторожно, дети» упал ещё весной и так и лежит в кустах.
Дорогу заасфальтировали, но без водостока, теперь вода после дождя заливает дворы.
{loc} дорога узкая, две машины не разъедутся, ещё и ямы на каждом шагу.
Улицу перекопали {dur} и бросили, из дома не выехать.
""",
ru_s="""
Дорога разбита
ямы на дороге, когда отремонтируете?
когда положат асфальт?
нет тротуара, дети идут по дороге
заделайте яму у подъезда пожалуйста
ремонт дороги брошен
нужна зебра возле школы
грязь по колено, асфальта нет
светофор на перекрёстке не работает
""",
ru_c="""
Скорая и пожарная не смогут подъехать.
Дети ходят по проезжей части.
Машины ломаются, люди падают.
Уже было два ДТП.
Пожилые люди не могут выйти из дома.
""",
ru_r="""
Просим заасфальтировать улицу.
Хотя бы засыпьте ямы.
Просим завершить ремонт дороги.
Установите пешеходный переход и знаки.
Пришлите дорожную службу.
""",
en_p="""
The road {loc} is full of potholes, cars can barely pass.
There is no asphalt {loc}; after rain it turns into deep mud.
A huge pothole has opened {loc} and a car fell into it last night.
Road works {loc} started and were abandoned, the street has been dug up {dur}.
The sidewalk {loc} is completely broken, elderly people keep tripping.
There is no pedestrian crossing {loc} and drivers speed, kids are afraid to cross.
Could you install speed bumps near school No. {n}? Cars drive way too fast there.
The zebra crossing {loc} has worn off completely, drivers don't even slow down.
They dug up the road {loc} to lay a gas pipe and never restored the asphalt.
The little bridge over the canal {loc} looks like it could collapse any day.
Every time it rains a huge puddle forms {loc} and you can't walk through.
The traffic light at the intersection {loc} is not working, there were already accidents.
The road surface {loc} is sinking, there seems to be a hollow underneath.
Heavy trucks from the construction site have destroyed the road {loc}.
The pavement to the bus stop is so broken that I can't get through with a wheelchair.
The patched pothole fell apart within a month, same spot again.
Our street was promised asphalt five years ago and it's still a dirt road.
The curb stones {loc} are broken and lying on the roadway.
""",
en_s="""
potholes everywhere on our street
road is broken
need speed bump near school pls
when will our street get asphalt?
no sidewalk here, dangerous for kids
road works abandoned
""",
en_c="""
An ambulance wouldn't even get through.
Kids walk on the roadway because there's no sidewalk.
My car has been damaged twice already.
""",
en_r="""
Please repair the road.
At least fill the potholes.
Please finish the road works.
Please add a crossing and warning signs.
""",
)

CATS["street-lighting"] = dict(
uz_p="""
{loc} ko'cha chiroqlari {dur} yonmayapti, kechasi qop-qorong'i.
{loc} ustundagi chiroqlar singan, hech kim almashtirmayapti.
Kechqurun {loc} shunaqa qorong'iki, ayollar va bolalar uydan chiqishga qo'rqishadi.
{loc} ko'cha chirog'i kunduzi ham yonib turibdi, kechasi esa o'chib qoladi.
Ko'chamizga yangi ustunlar qo'yildi, lekin chiroq o'rnatilmadi.
{loc} faqat bitta chiroq yonadi, qolgan hammasi ishlamaydi.
Maktabga boradigan yo'lda yoritish yo'q, bolalar ertalab qorong'ida ketishadi.
{loc} chiroq lipillab turadi, goh yonadi, goh o'chadi.
Parkimizda kechasi umuman yoritish yo'q, u yerda yoshlar to'planib olishadi.
Avtobus bekatida chiroq yo'q, kechqurun kutish qo'rqinchli.
Ko'cha chiroqlarining lampalarini kimdir o'g'irlab ketgan.
{loc} chiroq ustuni shamolda egilib qolgan, chirog'i osilib turibdi.
Mahallamizdagi ko'chalarning yarmida chiroq umuman yo'q, qo'shimcha chiroq o'rnatib berishingizni so'raymiz.
Yo'l asfaltlangandan keyin chiroqlar ulanmay qoldi.
{loc} tunda qorong'i bo'lgani uchun o'tgan hafta bir keksa odam chuqurga yiqilib tushdi.
Ko'prik ustidagi chiroqlar {dur} o'chiq, kechasi mashinalar piyodalarni ko'rmaydi.
Yangi o'rnatilgan quyosh panelli chiroqlar bir oy ishladi-yu, endi yonmayapti.
Podyezd oldidagi ko'cha fonari yonmaydi, kechasi eshikni topib bo'lmaydi.
Chorrahadagi yoritgich buzilgan, kechasi u yer juda xavfli.
Chiroqlar faqat soat 11 gacha yonadi, keyin butun ko'cha qorong'ida qoladi.
{loc} yoritish chiroqlari {dur} ishlamayapti, o'g'irlik ham ko'payib qoldi.
""",
uz_s="""
ko'cha chiroqlari yonmayapti
kocha qorongi, fonar ishlamayapti
chiroq singan
ko'chamizga chiroq o'rnatib bering
fonar kunduzi yonib turibdi
ustundagi lampochka kuyib qolgan
kechasi ko'chada yurib bo'lmaydi, qorong'i
""",
uz_c="""
Kechasi qorong'ida bolalar qo'rqishadi.
Qorong'ida o'g'irlik sodir bo'lishidan xavotirdamiz.
Keksalar kechqurun yurolmaydi.
""",
uz_r="""
Chiroqlarni ta'mirlab berishingizni so'raymiz.
Yangi chiroq o'rnatib bering.
Elektrchi yuborib, lampalarni almashtirib qo'ysangiz.
""",
ru_p="""
{loc} не горят уличные фонари {dur}, ночью кромешная тьма.
{loc} разбиты лампы на столбах, никто их не меняет.
Вечером {loc} так темно, что женщины и дети боятся выходить из дома.
Фонарь {loc} горит днём, а ночью выключается.
На нашей улице поставили новые столбы, но светильники так и не повесили.
{loc} горит только один фонарь из десяти.
По дороге в школу нет освещения, дети утром идут в темноте.
Фонарь {loc} постоянно мигает, то горит, то гаснет.
В парке ночью совсем нет освещения, там собирается молодёжь.
На остановке нет света, вечером ждать автобус страшно.
С фонарей на нашей улице кто-то снял лампы.
Столб освещения {loc} накренился от ветра, светильник висит на проводах.
На половине улиц махалли нет уличного освещения, просим установить дополнительные фонари.
После асфальтирования фонари так и не подключили обратно.
Из-за темноты {loc} на прошлой неделе пожилой мужчина упал в яму.
Фонари на мосту не горят {dur}, водители ночью не видят пешеходов.
Новые фонари на солнечных батареях проработали месяц и погасли.
Освещение на улице выключается в 23:00, дальше идём с фонариком на телефоне.
Фонарь у подъезда не горит, вечером невозможно найти дверь.
На перекрёстке {loc} не работает освещение, место очень опасное.
""",
ru_s="""
не горят фонари
на улице темно, света нет на столбах
фонарь разбит
поставьте фонари пожалуйста
фонарь горит днём
уличное освещение не работает
""",
ru_c="""
В темноте дети боятся возвращаться домой.
Участились кражи.
Пожилые люди вечером не выходят на улицу.
""",
ru_r="""
Просим восстановить уличное освещение.
Прошу заменить лампы.
Установите, пожалуйста, фонари.
""",
en_p="""
The street lights {loc} have been off {dur}, it's pitch dark at night.
The street lamps {loc} are broken and nobody replaces them.
It is so dark {loc} in the evening that women and children are afraid to walk.
The street light {loc} is on during the day and off at night.
New poles were installed on our street but no lamps were ever mounted.
Only one street lamp out of ten works {loc}.
There is no lighting on the way to school, kids walk in the dark in the morning.
The street lamp {loc} keeps flickering on and off.
The park has no lighting at all at night.
The bus stop has no light, waiting there after dark feels unsafe.
Someone stole the bulbs from the street lamps {loc}.
A lighting pole {loc} is leaning after the storm, the lamp is hanging by its wires.
The solar street lights worked for a month and then died.
The street lamp in front of our entrance doesn't work, we can't find the door at night.
""",
en_s="""
street lights not working
it's completely dark on our street
broken street lamp near the school
please install street lights
""",
en_c="""
People feel unsafe walking home at night.
An elderly neighbour already fell in the dark.
""",
en_r="""
Please repair the street lighting.
Please replace the bulbs.
Could you install a few more lamps?
""",
)

CATS["water-supply"] = dict(
uz_p="""
{loc} {dur} suv yo'q, bolalar bilan qiynalyapmiz.
{loc} kranlardan loyqa, sariq suv kelyapti, ichib bo'lmaydi.
{loc} suv bosimi juda past, ikkinchi qavatga umuman chiqmaydi.
{loc} suv quvuri yorilib, ko'chaga suv oqyapti, {dur} hech kim kelmadi.
Ichimlik suvi faqat kechasi soat 2 dan 5 gacha beriladi, shunda ham sekin.
Bizning ko'chaga hali ham ichimlik suvi tarmog'i tortilmagan, suvni tashib ichyapmiz.
Suvdan qo'lansa hid kelyapti, bolalar kasal bo'lib qolishidan qo'rqamiz.
{loc} kolonka buzilgan, butun ko'cha suvsiz qoldi.
Suv hisoblagichini o'rnatgandim, lekin hali ham normativ bo'yicha hisoblab kelishyapti.
Suvni grafik bilan berishadi, lekin grafikka ham rioya qilinmayapti.
Yozda {loc} suv umuman kelmaydi, nasos ham yordam bermayapti.
Suv olib keladigan mashina haftada bir marta keladi, yetmaydi.
Ko'chadagi suv quvuri eski, har oy yoriladi, to'liq almashtirish kerak.
{loc} kechadan beri suv o'chirilgan, hech qanday ogohlantirish bo'lmadi.
Vodokanal quvurni ta'mirladi, lekin suv yana loyqa kelyapti.
Uyda 80 yoshli onam yotibdi, suv yo'qligi sababli juda qiynalyapmiz.
{loc} suv kelmayotganiga {dur} bo'ldi, choy qaynatishga ham suv yo'q.
Qo'shni uyga suv keladi, bizga kelmaydi, quvurda tiqilish bo'lsa kerak.
Yer ostidan suv oqib chiqyapti, quvur yorilgan bo'lsa kerak, suv isrof bo'lyapti.
{loc} suvning tarkibida qum chiqyapti, filtrlar bir haftada tiqilib qolyapti.
Suv to'lovi bo'yicha qarzdorlik noto'g'ri hisoblangan, biz har oy to'laymiz.
Ko'p qavatli uyimizdagi suv nasosi buzilgan, yuqori qavatlarga suv chiqmayapti.
""",
uz_s="""
suv yo'q
3 kundan beri suv yoq
suv loyqa kelyapti
suv bosimi past
quvur yorilib suv oqyapti
ichimlik suvi kerak
vodakanal kelmayapti suv yo'q
kranda suv yo'q, qachon beriladi?
""",
uz_c="""
Bolalar va keksalar qiynalyapti.
Ovqat pishirishga ham suv yo'q.
Suv ko'chaga oqib, isrof bo'lyapti.
Yuvinishga, kir yuvishga imkon yo'q.
""",
uz_r="""
Suv ta'minotini tiklab berishingizni so'raymiz.
Vodokanal brigadasini yuborsangiz.
Quvurni almashtirib berishingizni so'raymiz.
Hech bo'lmasa suv tashuvchi mashina yuborib turinglar.
""",
ru_p="""
{loc} нет воды {dur}, с маленькими детьми очень тяжело.
{loc} из крана идёт мутная жёлтая вода, пить невозможно.
{loc} очень слабый напор воды, на второй этаж вода не поднимается.
{loc} прорвало трубу, вода течёт по улице {dur}, никто не приезжает.
Питьевую воду дают только ночью с 2 до 5, и то еле капает.
На нашу улицу до сих пор не проведён водопровод, воду возим сами.
Вода с неприятным запахом, боимся, что дети заболеют.
{loc} сломалась колонка, вся улица осталась без воды.
Я установил счётчик воды, а начисляют всё равно по нормативу.
Воду дают по графику, но график не соблюдается.
Летом {loc} вода вообще не доходит, даже насос не помогает.
Машина с водой приезжает раз в неделю, воды не хватает.
Водопроводная труба на улице старая, прорывает каждый месяц, нужна полная замена.
{loc} со вчерашнего дня отключили воду без всякого предупреждения.
Водоканал починил трубу, но вода снова мутная.
Дома лежачая мама 80 лет, без воды очень тяжело.
У соседей вода есть, а у нас нет, видимо засор в трубе.
Из-под земли бьёт вода, похоже прорыв, вода уходит впустую.
В воде песок, фильтры забиваются за неделю.
Задолженность за воду начислена неправильно, мы платим каждый месяц.
В нашей многоэтажке сломался насос, на верхние этажи вода не поступает.
{loc} вода пропадает каждый вечер, а утром идёт ржавая.
""",
ru_s="""
нет воды
воды нет третий день
вода ржавая
слабый напор воды
прорыв трубы, вода течёт по улице
когда дадут воду?
Водоканал не приезжает
""",
ru_c="""
Дети и пожилые страдают.
Нечем даже приготовить еду.
Вода уходит в землю, размывает дорогу.
Невозможно помыться и постирать.
""",
ru_r="""
Просим восстановить водоснабжение.
Пришлите бригаду водоканала.
Просим заменить трубу.
Организуйте хотя бы подвоз воды.
""",
en_p="""
There has been no water {loc} {dur}, it's really hard with small kids.
The tap water {loc} is brown and cloudy, we can't drink it.
Water pressure {loc} is so low it doesn't reach the second floor.
A water pipe burst {loc} and water has been running down the street {dur}.
Drinking water only comes at night between 2 and 5 am.
Our street still has no water mains, we carry water in canisters.
The water smells bad and we're worried the kids will get sick.
The water pump {loc} is broken and the whole street has no water.
I installed a water meter but they still bill us by the norm.
Water was cut off {loc} yesterday without any warning.
There is sand in the tap water, our filters clog within a week.
The building's water pump is broken, nothing reaches the upper floors.
Water is leaking out of the ground {loc}, must be a broken pipe.
""",
en_s="""
no water since morning
water is brown again
low water pressure
burst pipe on our street
when will the water be back?
""",
en_c="""
We can't cook or wash.
Lots of water is being wasted.
""",
en_r="""
Please restore the water supply.
Please send a repair crew.
Could you at least send a water truck?
""",
)

CATS["sewerage"] = dict(
uz_p="""
{loc} kanalizatsiya tiqilib qolgan, iflos suv hovliga chiqyapti.
{loc} kanalizatsiya lyuki to'lib toshyapti, ko'chaga oqava suv oqyapti.
{loc} kanalizatsiya qudug'ining qopqog'i yo'q, bola tushib ketishi mumkin.
Podyezd yerto'lasiga oqava suv to'lib qolgan, hid butun uyga tarqalyapti.
{loc} kanalizatsiya hidi {dur} nafas olib bo'lmaydi.
Hojatxonadan suv ketmayapti, pastki qavatdagilarni suv bosdi.
Ko'chamizda kanalizatsiya tarmog'i yo'q, hamma o'zi chuqur qazigan, ular to'lib qoldi.
Assenizatsiya mashinasini chaqirsak, {dur} kelmayapti.
{loc} kanalizatsiya quvuri yorilib, oqava suv ariqqa tushyapti.
Lyuk qopqog'i singan, ustiga taxta qo'yib qo'ydik, kechasi xavfli.
Yomg'ir yog'sa kanalizatsiya to'lib, ko'chani iflos suv bosadi.
{loc} kanalizatsiya quduqlari {dur} tozalanmagan.
Qo'shni kanalizatsiyasini to'g'ridan-to'g'ri ariqqa chiqarib qo'ygan.
Oqava suv yerto'lada turib qolgan, uyning poydevori nam tortyapti.
Kanalizatsiya tiqilib, oshxonadagi rakovinadan iflos suv qaytib chiqyapti.
Maktab yonidagi lyuk ochiq, bolalar o'ynab yurishadi, xavfli.
{loc} kanalizatsiya nasos stansiyasi ishlamayapti shekilli, hamma lyuklar to'lgan.
Septik to'lib qolgan, tozalash xizmatiga qanday buyurtma berish mumkin?
""",
uz_s="""
kanalizatsiya tiqilib qoldi
lyuk toshib ketyapti
lyukning qopqog'i yo'q
kanalizatsiya hidi
oqava suv ko'chaga chiqyapti
""",
uz_c="""
Hid tufayli derazani ochib bo'lmaydi.
Bolalar o'ynaydigan joyga iflos suv oqyapti.
Yuqumli kasallik tarqalishidan qo'rqamiz.
""",
uz_r="""
Kanalizatsiyani tozalab berishingizni so'raymiz.
Lyukka qopqoq qo'yib bering.
Suvoqova xizmatini yuborsangiz.
""",
ru_p="""
{loc} забилась канализация, нечистоты выходят во двор.
{loc} переполнен канализационный люк, стоки текут по улице.
{loc} нет крышки на канализационном люке, ребёнок может провалиться.
Подвал подъезда затопило стоками, запах по всему дому.
{loc} {dur} стоит такая вонь от канализации, что невозможно дышать.
Из унитаза не уходит вода, соседей снизу затопило.
На нашей улице нет центральной канализации, выгребные ямы переполнены.
Ассенизаторскую машину вызываем, {dur} не приезжает.
{loc} лопнула канализационная труба, стоки идут в арык.
Крышка люка сломана, мы положили доску, ночью опасно.
После дождя канализация переполняется и улицу заливает нечистотами.
Колодцы канализации {loc} не чистились много лет.
Сосед вывел канализацию прямо в арык.
В подвале стоят канализационные воды, фундамент дома сыреет.
Засор в канализации, из раковины на кухне идёт грязная вода.
Возле школы открытый люк, дети бегают рядом.
{loc} видимо не работает канализационная насосная станция, все колодцы полные.
""",
ru_s="""
забита канализация
люк переполнен
открытый люк без крышки
воняет канализацией
стоки на улице
""",
ru_c="""
Окна открыть невозможно из-за запаха.
Грязь течёт туда, где играют дети.
Боимся инфекций.
""",
ru_r="""
Просим прочистить канализацию.
Установите крышку на люк.
Пришлите аварийную службу.
""",
en_p="""
The sewer {loc} is blocked and sewage is coming into the yard.
A sewer manhole {loc} is overflowing, waste water is running down the street.
The manhole {loc} has no cover, a child could fall in.
The basement of our building is flooded with sewage, the smell is everywhere.
The sewage smell {loc} has been unbearable {dur}.
Our street has no sewer connection and the cesspits are overflowing.
We called the septic truck and nobody has come {dur}.
A sewage pipe burst {loc} and it's flowing into the canal.
The manhole cover is broken, we put a plank on it but it's dangerous at night.
The kitchen sink is backing up with dirty water, the drain must be clogged.
There's an open manhole next to the school.
""",
en_s="""
sewer blocked
manhole overflowing
open manhole, no cover
terrible sewage smell
""",
en_c="""
We can't even open the windows.
We're afraid of infections.
""",
en_r="""
Please clean the sewer.
Please put a cover on the manhole.
""",
)

CATS["electricity"] = dict(
uz_p="""
{loc} {dur} svet yo'q, muzlatkichdagi hamma narsa buzildi.
{loc} kuchlanish juda past, lampochkalar xira yonadi, kir yuvish mashinasi ishlamaydi.
{loc} tok sakrab, televizor va muzlatkich kuyib qoldi.
{loc} elektr simlari uzilib, yerga osilib yotibdi, juda xavfli.
{loc} elektr ustuni qiyshayib qolgan, yiqilib tushishi mumkin.
Kuniga 5-6 marta svet o'chib yoniyapti, hech narsa qilib bo'lmaydi.
Transformator buzilgan, butun mahalla {dur} elektrsiz o'tiribdi.
Elektr hisoblagichi noto'g'ri ko'rsatyapti, oyiga ikki baravar ko'p to'layapmiz.
{loc} transformator budkasining eshigi ochiq, ichida simlar ko'rinib turibdi, bolalar o'ynashadi.
Yangi uy qurdik, elektrga ulanish uchun ariza berganimizga 3 oy bo'ldi.
Kechqurun soat 6 dan 11 gacha kuchlanish 150 voltga tushib ketadi.
{loc} simlar daraxt shoxlariga tegib uchqun chiqaryapti.
Smart hisoblagich o'rnatishdi, endi kartada pul bo'lsa ham svet o'chib qolyapti.
Elektr o'chganda ogohlantirmaydi, uyda kislorod apparatida yotgan bemor bor.
{loc} ustundagi sim yonib ketdi, qo'shnilarning hammasida svet yo'q.
Svet pulini to'lagan bo'lsak ham qarzdor deb o'chirib qo'yishdi.
Elektr tarmoqlari xodimlari kelib simni ulab ketdi, ertasiga yana o'chdi.
{loc} eski alyumin simlar hali ham turibdi, yuklamani ko'tarolmayapti.
Qishda hamma isitgich yoqqanda svet o'chib qoladi, transformator kuchsiz.
{loc} ko'chadagi elektr shchiti uchqun chiqarib yonib ketdi.
Hisoblagichimizni kimdir buzib, simni ulab olgan, tekshirib bering.
Ikki kundan beri faqat bitta faza bor, yarim uyda svet yo'q.
""",
uz_s="""
svet yo'q
svet yo'q 2 kundan beri
tok yoq, muzlatgich eriyapti
kuchlanish past
sim uzilib yotibdi, xavfli!
svet tez-tez o'chyapti
transformator kuyib qoldi
elektr qachon beriladi?
schetchik noto'g'ri hisoblayapti
""",
uz_c="""
Uyda kichkina bolalar va keksalar bor, juda qiyin.
Texnikalar kuyib ketyapti.
Bolalar dars qilolmayapti.
Birorta odamni tok urishidan qo'rqamiz.
""",
uz_r="""
Elektr ta'minotini tiklab berishingizni so'raymiz.
Elektr tarmoqlari xodimlarini yuborsangiz.
Transformatorni almashtirib berishingizni so'raymiz.
Simlarni tezda ta'mirlash kerak.
""",
ru_p="""
{loc} нет света {dur}, в холодильнике всё испортилось.
{loc} очень низкое напряжение, лампочки еле горят, стиральная машина не включается.
{loc} скачок напряжения, сгорели телевизор и холодильник.
{loc} оборваны электрические провода, висят до самой земли, очень опасно.
{loc} накренился столб ЛЭП, может упасть.
Свет отключают по 5-6 раз в день, ничего невозможно делать.
Сгорел трансформатор, вся махалля {dur} без электричества.
Электросчётчик неправильно считает, платим в два раза больше.
{loc} открыта дверь трансформаторной будки, видны провода, там играют дети.
Построили новый дом, заявку на подключение электричества подали три месяца назад.
Вечером с 18 до 23 напряжение падает до 150 вольт.
{loc} провода касаются веток деревьев и искрят.
Поставили умный счётчик, теперь свет отключается даже когда на балансе есть деньги.
Свет отключают без предупреждения, а у нас дома больной на кислородном концентраторе.
{loc} сгорел провод на столбе, у всех соседей нет света.
Мы оплатили электричество, но нас отключили как должников.
Электрики приехали, подключили, на следующий день опять отключилось.
{loc} до сих пор старые алюминиевые провода, не выдерживают нагрузку.
Зимой, когда все включают обогреватели, свет вырубается, трансформатор слабый.
{loc} загорелся электрический щит на улице.
Уже два дня только одна фаза, в половине дома нет света.
""",
ru_s="""
нет света
света нет второй день
низкое напряжение
провод оборван, висит над дорогой!
свет постоянно отключают
трансформатор сгорел
когда дадут свет?
счётчик неправильно считает
""",
ru_c="""
Дома маленькие дети и пожилые, очень тяжело.
Сгорает техника.
Дети не могут делать уроки.
Боимся, что кого-нибудь ударит током.
""",
ru_r="""
Просим восстановить электроснабжение.
Пришлите электриков.
Просим заменить трансформатор.
Провода надо срочно починить.
""",
en_p="""
There has been no electricity {loc} {dur}, all our food in the fridge went bad.
The voltage {loc} is very low, lamps are dim and the washing machine won't start.
A power surge {loc} burned our TV and fridge.
Power lines {loc} are broken and hanging down to the ground, it's really dangerous.
An electricity pole {loc} is leaning and could fall.
The power goes off five or six times a day.
The transformer burned out and the whole mahalla has been without power {dur}.
Our electricity meter is showing wrong numbers, we pay twice as much.
The door of the transformer box {loc} is open with exposed wires, kids play around it.
We applied for an electricity connection for our new house three months ago.
Wires {loc} touch the tree branches and spark.
Power cuts come without warning and my father depends on an oxygen machine at home.
The electrical panel on the street {loc} caught fire.
Only one phase works, half of the house has no power.
""",
en_s="""
no electricity since yesterday
power outage again
low voltage
exposed wires hanging near school!
transformer is down
""",
en_c="""
Appliances keep burning out.
Someone could get electrocuted.
""",
en_r="""
Please restore the power.
Please send electricians.
Please fix the wires urgently.
""",
)
