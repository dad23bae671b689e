"""Uzbek Latin -> Uzbek Cyrillic (1995 orthography, reversed), and Russian
Cyrillic -> informal Latin chat transliteration. Used only to author the corpus."""
import re

# Loanwords whose Cyrillic spelling is not recoverable letter by letter
# (checked against the fitrat exception list in ../shared/data/uzbek/transliteration).
EXCEPTIONS = {
    "rayon": "район", "podyezd": "подъезд", "politsiya": "полиция", "stansiya": "станция",
    "kvitansiya": "квитанция", "sement": "цемент", "obyekt": "объект", "oktyabr": "октябрь",
    "konsert": "концерт", "kompensatsiya": "компенсация", "reabilitatsiya": "реабилитация",
    "kanalizatsiya": "канализация", "assenizatsiya": "ассенизация", "migratsiya": "миграция",
    "operatsiya": "операция", "konditsioner": "кондиционер", "vaksina": "вакцина",
    "mototsikl": "мотоцикл", "poyezd": "поезд", "sentr": "центр", "litsenziya": "лицензия",
    "subsidiya": "субсидия", "dispetcher": "диспетчер", "reyestr": "реестр", "antenna": "антенна",
    "avariya": "авария", "fonar": "фонарь", "lampochka": "лампочка", "schetchik": "счётчик",
    "inklyuziv": "инклюзив", "shprislar": "шприцлар", "shpris": "шприц", "perforator": "перфоратор",
    "konteyner": "контейнер", "autizm": "аутизм", "faza": "фаза", "retsept": "рецепт",
}
KEEP = {"ID", "QR", "SMS", "UZI"}
VOW = set("aeiouAEIOU")
APOS = "'‘’ʻʼ`"

def _word_lat2cyr(w):
    if w in KEEP:
        return w
    lw = w.lower()
    for k in sorted(EXCEPTIONS, key=len, reverse=True):
        if lw.startswith(k):
            rest = w[len(k):]
            head = EXCEPTIONS[k]
            if w[:1].isupper():
                head = head[:1].upper() + head[1:]
            return head + _core(rest, after_vowel=k[-1] in "aeiou", initial=False)
    out = _core(w, after_vowel=False, initial=True)
    if len(w) > 1 and w.isupper():
        out = out.upper()
    return out

SIMPLE = dict(zip("abdfghijklmnopqrstuvxyzc", "абдфгҳижклмнопқрстувхйзц"))

def _core(w, after_vowel, initial):
    res = []
    i = 0
    prev_vowel = after_vowel
    at_start = initial
    while i < len(w):
        c = w[i]; lc = c.lower(); up = c.isupper()
        nxt = w[i + 1].lower() if i + 1 < len(w) else ""
        nxt2 = w[i + 2] if i + 2 < len(w) else ""
        def put(s, vowel):
            nonlocal prev_vowel, at_start
            res.append(s.upper() if up and len(s) == 1 else (s[:1].upper() + s[1:] if up else s))
            prev_vowel = vowel; at_start = False
        if lc == "o" and nxt in APOS and nxt:
            put("ў", True); i += 2; continue
        if lc == "g" and nxt in APOS and nxt:
            put("ғ", False); i += 2; continue
        if lc == "s" and nxt == "h":
            put("ш", False); i += 2; continue
        if lc == "c" and nxt == "h":
            put("ч", False); i += 2; continue
        if lc == "y" and nxt == "o":
            if nxt2 and nxt2 in APOS:
                put("й", False); i += 1; continue
            put("ё", True); i += 2; continue
        if lc == "y" and nxt == "u":
            put("ю", True); i += 2; continue
        if lc == "y" and nxt == "a":
            put("я", True); i += 2; continue
        if lc == "y" and nxt == "e":
            put("е", True); i += 2; continue
        if lc == "e":
            put("э" if (at_start or prev_vowel) else "е", True); i += 1; continue
        if c in APOS:
            if res and res[-1][-1:].isalpha():
                put("ъ", False)
            else:
                res.append(c); prev_vowel = False
            i += 1; continue
        if lc in SIMPLE:
            put(SIMPLE[lc], lc in "aiou"); i += 1; continue
        if lc == "w":
            put("в", False); i += 1; continue
        res.append(c); prev_vowel = False; at_start = False
        i += 1
    return "".join(res)

WORD = re.compile(r"[A-Za-z](?:[A-Za-z'‘’ʻʼ`]*[A-Za-z])?(?:[‘’ʻʼ'`](?=\W|$))?")

def lat2cyr(text):
    # a trailing apostrophe belongs to the word only after o/g (o' g' letters)
    def rep(m):
        w = m.group(0)
        if w[-1] in APOS and w[-2:-1].lower() not in ("o", "g"):
            return _word_lat2cyr(w[:-1]) + w[-1]
        return _word_lat2cyr(w)
    return WORD.sub(rep, text)

RU2LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}

def ru2lat(text, rng):
    alt = {"ж": rng.choice(["j", "zh"]), "х": rng.choice(["h", "x", "kh"]), "ы": rng.choice(["i", "y"]),
           "ц": rng.choice(["c", "ts"]), "ь": rng.choice(["", "'"]), "щ": rng.choice(["sh", "sch"])}
    out = []
    for ch in text:
        lc = ch.lower()
        if lc in RU2LAT:
            t = alt.get(lc, RU2LAT[lc])
            out.append(t.upper() if ch.isupper() and len(t) == 1 else (t[:1].upper() + t[1:] if ch.isupper() else t))
        else:
            out.append(ch)
    return "".join(out)

if __name__ == "__main__":
    for s in ["Assalomu alaykum, bizning ko'chada 3 kundan beri suv yo'q, bolalar bilan qiynalyapmiz.",
              "Hurmatli hokim, mahallamizdagi ko'cha chiroqlari yonmayapti. Ma'lumotnoma, e'lon, ta'mir, sun'iy, yerto'la, podyezdda, rayonimiz, Shayxontohur, Yunusobod, yo'nalish, MFYda, O'zbekiston, G'ulom, ayol, poezd, aeroport, 'bajarildi', Navro'z, 'Temir daftar'ga"]:
        print(lat2cyr(s))
