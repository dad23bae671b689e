#!/usr/bin/env python3
"""Deterministic generator of the Mahalla triage seed corpus.

Combines hand-written fragments (common.py, cats1-4.py) into citizen requests of
varied length and register, in Uzbek Latin, Uzbek Cyrillic, Russian and English,
then applies controlled spelling noise. Usage:
    python3 tools/corpus/generate.py [--out data/triage/seed-corpus.csv] [--stats]
"""
import argparse, csv, io, os, re, sys, random
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common
from translit import lat2cyr, ru2lat
from cats1 import CATS as C1
from cats2 import CATS as C2
from cats3 import CATS as C3
from cats4 import CATS as C4

SEED = 4_2025
TOTAL = 4300
from cats_extra import EXTRA
CATS = {**C1, **C2, **C3, **C4}
for _c, _d in EXTRA.items():
    for _k, _v in _d.items():
        CATS[_c] = dict(CATS[_c]); CATS[_c][_k] = CATS[_c][_k].rstrip() + "\n" + _v.strip() + "\n"
ORDER = ["roads", "street-lighting", "water-supply", "sewerage", "electricity", "gas-supply", "heating",
         "waste", "greenery", "public-transport", "housing", "social-assistance", "employment", "education",
         "healthcare", "land", "public-order", "documents", "other"]
WEIGHTS = {"roads": 10, "water-supply": 10, "electricity": 9.5, "gas-supply": 8, "social-assistance": 9,
           "street-lighting": 5, "sewerage": 5, "heating": 5, "waste": 6, "greenery": 4.5,
           "public-transport": 4.5, "housing": 5.5, "employment": 4.5, "education": 4.5, "healthcare": 4.5,
           "land": 4, "public-order": 5, "documents": 4.5, "other": 3.6}
LANG_SHARE = {"uz_lat": 0.34, "rus": 0.29, "uz_cyr": 0.19, "eng": 0.18}
NO_DUR = {"other", "documents", "land", "employment", "education", "social-assistance"}
URGENT_CATS = {"gas-supply", "electricity", "water-supply", "sewerage", "housing", "greenery", "roads",
               "heating", "public-order", "social-assistance", "healthcare"}
FRAG = {"uz": common.UZ, "ru": common.RU, "en": common.EN}
BASE = {"uz_lat": "uz", "uz_cyr": "uz", "rus": "ru", "eng": "en"}
COL = {"uz": 0, "ru": 1, "en": 2}
OPS = ["90", "91", "93", "94", "95", "97", "98", "99", "88", "33", "77", "50"]


def lines(s):
    return [l.strip() for l in s.strip().split("\n") if l.strip()]


CAT_FR = {c: {k: lines(v) for k, v in d.items()} for c, d in CATS.items()}
ADDR_TAIL = {
    "uz": ["{street} ko'chasi {n}", "{mahalla} MFY", "{street} ko'chasi {n}-uy", "{mahalla} mahallasi", "{district} tumani, {street} ko'chasi"],
    "ru": ["ул. {street} {n}", "махалля {mahalla}", "{street}, д. {n}", "ул. {street}, дом {n}", "{city}, {mahalla}"],
    "en": ["{street} st. {n}", "{mahalla} mahalla", "{street} street, {city}", "near house {n}"],
}
ALSO = {"uz": ["Bundan tashqari, ", "Yana bir muammo: ", "Shuningdek, ", "Undan tashqari, "],
        "ru": ["Кроме того, ", "Ещё одна проблема: ", "Также ", "А ещё "],
        "en": ["Also, ", "On top of that, ", "Another problem: ", "Besides, "]}


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def ch(self, seq):
        return self.r.choice(seq)

    def ctx(self, b):
        r = self.r
        i = COL[b]
        c = dict(street=self.ch(common.STREETS)[i], mahalla=self.ch(common.MAHALLAS)[i],
                 district=self.ch(common.DISTRICTS)[i], city=self.ch(common.CITIES)[i],
                 n=str(r.choice([r.randint(1, 40), r.randint(1, 150), r.randint(1, 300)])),
                 apt=str(r.randint(1, 120)), k=str(r.randint(2, 4)), k5=str(r.randint(5, 12)),
                 op=self.ch(OPS), p3=str(r.randint(100, 999)), p2=f"{r.randint(0, 99):02d}", p2b=f"{r.randint(0, 99):02d}",
                 name=self.ch({"uz": common.NAMES_UZ, "ru": common.NAMES_RU, "en": common.NAMES_EN}[b]))
        c["dur"] = self.fill_simple(self.ch(FRAG[b]["dur"]), c)
        return c

    @staticmethod
    def fill_simple(t, c):
        return re.sub(r"\{(\w+)\}", lambda m: c.get(m.group(1), m.group(0)), t)

    def fill(self, t, b, c, loc_p=0.78):
        if "{loc}" in t:
            loc = self.fill_simple(self.ch(FRAG[b]["loc"]), c) if self.r.random() < loc_p else ""
            t = t.replace("{loc}", loc)
        return self.fill_simple(t, c)


def clean(s):
    s = re.sub(r"(?<!\.)\.\.(?!\.)", ".", s)
    s = re.sub(r"[ \t]+", " ", s)
    s = re.sub(r" ([,.;:!?])", r"\1", s)
    s = re.sub(r"^[ ,]+", "", s)
    return s.strip()


def cap(s):
    return s[:1].upper() + s[1:] if s else s


# ------------------------------------------------------------------ noise
APOS_RE = re.compile(r"([OoGg])'")
TUTUQ_RE = re.compile(r"(?<=[a-zA-Z])'(?=[a-zA-Z])")
UZ_CHAT = [("yo'q", ["yoq", "yuq", "yo'q", "yok"]), ("iltimos", ["iltimos", "ilimos", "iltmos", "pls"]),
           ("rahmat", ["raxmat", "rahmat", "rahmad", "raxmat"]), ("qachon", ["kachon", "qachon", "qachon"]),
           ("kerak", ["kere", "kerak", "kerak"]), ("bo'lyapti", ["bo'votti", "bo'lyapti", "bovotti"]),
           ("qilyapti", ["qivotti", "qilvotti"]), ("kelyapti", ["kevotti", "kelvotti", "kelyapti"]),
           ("ketyapti", ["ketvotti", "ketyapti"]), ("hokim", ["xokim", "hokim"]), ("hal qilib", ["xal qilib", "hal qilib"]),
           ("Assalomu alaykum", ["Assalomu aleykum", "Asalomu alaykum", "Assalom", "Salom aleykum", "Assalomu alaykum"]),
           ("mahalla", ["maxalla", "mahalla", "mahalla"]), ("yordam", ["yordam", "yordm"]), ("juda", ["juda", "jda", "juuda"]),
           ("hech", ["xech", "hech"]), ("hamma", ["xamma", "hamma"]), ("ishlamayapti", ["ishlamayapti", "ishlamayopti", "ishlamavotti"])]
RU_CHAT = [("пожалуйста", ["пожалуйста", "пожалуста", "плиз", "пж"]), ("Здравствуйте", ["Здравствуйте", "Здрасте", "Здравствуйте", "Здраствуйте"]),
           ("сейчас", ["щас", "сейчас"]), ("что", ["что", "чё", "што"]), ("вообще", ["вообще", "ваще"]), ("ничего", ["ничего", "ничё"]),
           ("спасибо", ["спасибо", "спс", "спасиб"])]
EN_CHAT = [("please", ["pls", "plz", "please"]), ("Please", ["Pls", "Please", "Plz"]), ("you", ["u", "you", "you"]),
           ("don't", ["dont", "don't"]), ("can't", ["cant", "can't"]), ("it's", ["its", "it's"]), ("there is", ["theres", "there is"]),
           ("because", ["bc", "because", "cuz"])]


def apostrophes(s, r):
    mode = r.choices(["'", "‘", "ʻ", "’", "`", "", "mix", "u"], [38, 10, 10, 8, 8, 16, 5, 5])[0]
    if mode == "u":  # Russian-keyboard habit: ko'cha -> kucha, g' -> g
        s = re.sub(r"([Oo])'", lambda m: "u" if m.group(1) == "o" else "U", s)
        s = re.sub(r"([Gg])'", r"\1", s)
        return TUTUQ_RE.sub("", s)
    if mode == "mix":
        return re.sub(r"'", lambda m: r.choice(["'", "‘", "ʻ", "’", "`", ""]), s)
    return s.replace("'", mode)


def typos(s, r, n):
    words = s.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    for i in r.sample(idx, min(n, len(idx))):
        w = words[i]
        j = r.randint(1, len(w) - 2)
        op = r.random()
        if op < 0.35:
            w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        elif op < 0.7:
            w = w[:j] + w[j + 1:]
        else:
            w = w[:j] + w[j] + w[j:]
        words[i] = w
    return " ".join(words)


def chatify(s, r):
    s = s.lower() if r.random() < 0.75 else s
    if r.random() < 0.6:
        s = re.sub(r"[.,;:]", "", s)
    if r.random() < 0.25:
        s = s.rstrip("!?.") + r.choice(["!!", "!!!", "??", " ?", ")", "..."])
    return re.sub(r"[ \t]+", " ", s).strip()


def subst(s, r, table, p):
    for a, alts in table:
        if a in s and r.random() < p:
            s = s.replace(a, r.choice(alts))
    return s


# ------------------------------------------------------------------ assembly
NOISE = Counter()


def compose(g, cat, lang):
    tags = []
    r = g.r
    b = BASE[lang]
    F, CF = FRAG[b], CAT_FR[cat]
    c = g.ctx(b)
    probs = CF[b + "_p"]
    shorts = CF[b + "_s"]
    cons = CF.get(b + "_c") or []
    creq = CF[b + "_r"]
    w = {"uz_lat": [14, 31, 33, 22], "uz_cyr": [8, 22, 40, 30], "rus": [13, 30, 35, 22], "eng": [15, 36, 34, 15]}[lang]
    kind = r.choices(["frag", "chat", "standard", "letter"], w)[0]
    prob = g.fill(g.ch(probs), b, c)
    has_dur = c["dur"] in prob or cat in NO_DUR or "?" in prob
    parts = []
    greet_latin = None  # for mixed-script Uzbek Cyrillic / Russian rows
    if kind == "frag":
        x = r.random()
        if x < 0.45:
            parts = [g.fill_simple(g.ch(shorts), c)]
            if r.random() < 0.45:
                parts[0] += r.choice([" ", ", ", " - ", ". "]) + g.fill_simple(g.ch(ADDR_TAIL[b]), c)
        elif x < 0.7 and cat not in NO_DUR:
            parts = [g.fill_simple(g.ch(shorts), c), g.fill_simple(g.ch(F["dur"]), c)]
            parts = [parts[0] + " " + parts[1]]
        else:
            parts = [g.fill(g.ch(probs), b, c, loc_p=0.5)]
    elif kind == "chat":
        if r.random() < 0.45:
            parts.append(g.ch(F["greet"]))
        parts.append(prob if r.random() < 0.75 else g.fill_simple(g.ch(shorts), c))
        if not has_dur and r.random() < 0.3:
            parts.append(g.fill_simple(g.ch(F["dur_sent"]), c))
        if r.random() < 0.5:
            parts.append(g.ch(creq + F["request"][:5]))
    elif kind == "standard":
        parts.append(g.ch(F["greet"] + F["greet_formal"]))
        if r.random() < 0.5:
            parts.append(g.fill_simple(g.ch(F["intro"]), c))
        parts.append(prob)
        if not has_dur and r.random() < 0.25:
            parts.append(g.fill_simple(g.ch(F["dur_sent"]), c))
        if cons and r.random() < 0.4:
            cn = g.ch(cons)
            if cn.rstrip(".!").lower() not in prob.lower():
                parts.append(cn)
        parts.append(g.ch(creq) if r.random() < 0.6 else g.fill_simple(g.ch(F["request"]), c))
        if r.random() < 0.5:
            parts.append(g.fill_simple(g.ch(F["closing"]), c))
    else:  # letter
        parts.append(g.ch(F["greet_formal"]))
        parts.append(g.fill_simple(g.ch(F["intro"]), c))
        parts.append(prob)
        if r.random() < 0.35 and len(probs) > 3:
            t2 = g.ch([p for p in probs if p != prob] or probs)
            p2 = g.fill(t2, b, c)
            if not t2.startswith("{") and lang != "eng" or not t2.startswith(("I ", "I'", "{")):
                p2 = p2[:1].lower() + p2[1:] if not re.match(r"[A-ZА-ЯЁЎҚҒҲ]{2}", p2) else p2
            parts.append(g.ch(ALSO[b]) + p2)
        if not has_dur and r.random() < 0.4:
            parts.append(g.fill_simple(g.ch(F["dur_sent"]), c))
        if r.random() < 0.75:
            parts.append(g.fill_simple(g.ch(F["history"]), c))
        if cons and r.random() < 0.6:
            cn = g.ch(cons)
            if cn.rstrip(".!").lower() not in prob.lower():
                parts.append(cn)
        parts.append(g.ch(creq))
        if r.random() < 0.5:
            parts.append(g.fill_simple(g.ch(F["request"]), c))
        parts.append(g.fill_simple(g.ch(F["closing"]), c))
        if r.random() < 0.4 and "{name}" not in " ".join(parts):
            parts.append(c["name"])
    if cat in URGENT_CATS and r.random() < 0.05:
        parts.insert(0 if r.random() < 0.6 else len(parts), g.ch(F["urgent_tag"]))

    sep = "\n" if kind == "letter" and r.random() < 0.1 else " "
    # mixed script: Latin Uzbek greeting/closing in a Cyrillic text
    if lang in ("uz_cyr", "rus") and kind in ("standard", "letter", "chat") and r.random() < 0.06:
        greet_latin = r.choice(["Assalomu alaykum!", "Assalomu alaykum.", "Salom.", "Rahmat.", "Oldindan rahmat!", "Hurmatli rais!"])
    text = clean(sep.join(cap(clean(p)) for p in parts if p))

    # ---- script + noise
    chat = kind in ("frag", "chat")
    if lang == "uz_cyr":
        text = lat2cyr(text)
        if r.random() < 0.07:  # typed on a Russian keyboard
            tags.append("uz_cyr: Russian-keyboard letters")  # some Uzbek letters replaced
            tr = str.maketrans({"ў": "у", "қ": "к", "ғ": "г", "ҳ": "х", "Ў": "У", "Қ": "К", "Ғ": "Г", "Ҳ": "Х"})
            text = "".join(ch.translate(tr) if r.random() < 0.7 else ch for ch in text)
    elif lang == "uz_lat":
        if chat or r.random() < 0.15:
            text = subst(text, r, UZ_CHAT, 0.5)
        if r.random() < 0.06:
            text = re.sub(r"\bh(?=[aeiou])", "x", text) if r.random() < 0.5 else re.sub(r"\bx(?=[aeiou])", "h", text)
        before = text
        text = apostrophes(text, r)
        if "'" in before and ("'" not in text):
            tags.append("uz_lat non-ASCII or missing apostrophes")
    elif lang == "rus":
        if r.random() < 0.75:
            text = text.replace("ё", "е").replace("Ё", "Е")
        if chat or r.random() < 0.1:
            text = subst(text, r, RU_CHAT, 0.5)
        if chat and r.random() < 0.14:
            text = ru2lat(text.replace("ё", "е"), r)
            tags.append("rus transliterated to Latin")
    elif lang == "eng":
        if chat or r.random() < 0.1:
            text = subst(text, r, EN_CHAT, 0.5)
    if r.random() < 0.13:
        text = typos(text, r, 1 if len(text) < 80 or r.random() < 0.6 else 2)
        tags.append("typos")
    if chat and r.random() < 0.55:
        text = chatify(text, r)
        tags.append("chat style (case/punctuation)")
    if lang == "uz_lat" and r.random() < 0.05:
        m = g.ch(common.UZ["mix_cyr"])
        text = (m + " " + text) if r.random() < 0.3 else (text.rstrip() + " " + m)
    if greet_latin:
        text = (greet_latin + " " + text) if not greet_latin.startswith(("Rahmat", "Oldindan")) else (text + " " + greet_latin)
    if lang == "eng" and r.random() < 0.06:
        text = r.choice(["Assalomu alaykum! ", "Salom, ", "Assalomu alaykum, "]) + (text[:1].lower() + text[1:] if text[:2] not in ("I ", "I'") else text)
    return text, kind, tags


def script_of(text):
    cyr = len(re.findall(r"[\u0400-\u04FF]", text))
    lat = len(re.findall(r"[A-Za-z\u02BB\u2018\u2019]", text))
    return "cyr" if cyr > lat else "lat"


def dedup_key(t):
    t = t.lower()
    t = re.sub(r"[\d'‘’ʻʼ`\"«»]", "", t)
    t = re.sub(r"[^\w]+", " ", t)
    return t.strip()


def generate(total=TOTAL, seed=SEED):
    g = Gen(seed)
    wsum = sum(WEIGHTS.values())
    rows, seen = [], set()
    for cat in ORDER:
        ncat = round(total * WEIGHTS[cat] / wsum)
        for lang, share in LANG_SHARE.items():
            need = round(ncat * share)
            if lang == "eng":
                need = max(need, 30)
            got, tries, kinds = 0, 0, Counter()
            while got < need and tries < need * 60:
                tries += 1
                text, kind, tags = compose(g, cat, lang)
                # at most a fair share of bare fragments per cell
                if kind == "frag" and kinds["frag"] >= max(4, need // 7):
                    continue
                want = "cyr" if lang in ("uz_cyr",) or (lang == "rus" and re.search("[а-я]", text.lower())) else "lat"
                if lang == "rus" and not re.search("[а-я]", text.lower()):
                    want = "lat"  # transliterated Russian chat
                if script_of(text) != want or len(re.findall(r"\w+", text)) < 2:
                    continue
                k = dedup_key(text)
                if k in seen:
                    continue
                seen.add(k)
                rows.append((text, cat, lang))
                kinds[kind] += 1
                NOISE["shape: " + kind] += 1
                NOISE.update(tags)
                if re.search("[\u0400-\u04ff]", text) and re.search("[A-Za-z]{3}", text):
                    NOISE["mixed Cyrillic and Latin"] += 1
                got += 1
    g.r.shuffle(rows)
    return rows


def write(rows, path):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["text", "category", "language"])
    w.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def stats(rows):
    cnt = defaultdict(Counter)
    for _, c, l in rows:
        cnt[c][l] += 1
    langs = list(LANG_SHARE)
    out = ["| category | " + " | ".join(langs) + " | total |", "|---|" + "---:|" * (len(langs) + 1)]
    for c in ORDER:
        out.append(f"| {c} | " + " | ".join(str(cnt[c][l]) for l in langs) + f" | {sum(cnt[c].values())} |")
    tot = Counter(l for _, _, l in rows)
    out.append("| **total** | " + " | ".join(f"**{tot[l]}**" for l in langs) + f" | **{len(rows)}** |")
    return "\n".join(out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "data", "triage", "seed-corpus.csv"))
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    rows = generate()
    write(rows, a.out)
    print(f"wrote {len(rows)} rows to {os.path.normpath(a.out)}")
    if a.stats:
        print(stats(rows))
        for k, v in sorted(NOISE.items()):
            print(f"{k}: {v} ({v / len(rows):.1%})")
