"""Name handling for the gazetteer: script detection, normalisation, curated CSV tables."""

import csv
import difflib
import re
import unicodedata


def _in(ch, ranges):
    o = ord(ch)
    return any(a <= o <= b for a, b in ranges)


LATIN = ((0x0020, 0x007E), (0x00A0, 0x024F), (0x0250, 0x02FF), (0x1E00, 0x1EFF), (0x2018, 0x2019))
ARMENIAN = ((0x0530, 0x058F), (0xFB13, 0xFB17))
CYRILLIC = ((0x0400, 0x052F),)
COMMON = ((0x0020, 0x0040), (0x2010, 0x2019), (0x0300, 0x036F), (0x02BB, 0x02BC))


def script_of(name):
    """'latin', 'armenian', 'cyrillic' or None (mixed or another script)."""
    found = set()
    for ch in name:
        if not ch.isalpha():
            continue
        if _in(ch, ARMENIAN):
            found.add("armenian")
        elif _in(ch, CYRILLIC):
            found.add("cyrillic")
        elif _in(ch, LATIN):
            found.add("latin")
        else:
            return None
    return found.pop() if len(found) == 1 else None


AZ_LETTERS = set("əƏşŞçÇğĞıİöÖüÜ")


def looks_azerbaijani(name):
    return script_of(name) == "latin" and any(ch in AZ_LETTERS for ch in name)


NOT_RUSSIAN = set("іїєўґәөүңҳқғҗһјљњћђџѓќѕӣӯҷ")


def could_be_russian(name):
    return not any(ch in NOT_RUSSIAN for ch in name.lower())


def fold(name):
    """Key for matching names: lower case, no diacritics or punctuation."""
    s = unicodedata.normalize("NFKD", name.casefold().replace("ı", "i").replace("ə", "e"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", s)


def similar(name, folded_others, ratio=0.6):
    """True if name is a spelling variant of one of the (folded) other names."""
    f = fold(name)
    return any(difflib.SequenceMatcher(None, f, o).ratio() >= ratio for o in folded_others if o)


def slug(name):
    s = unicodedata.normalize("NFKD", name.replace("ı", "i").replace("ə", "e").replace("Ə", "E"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def unique(items):
    seen, out = set(), []
    for it in items:
        it = it.strip()
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out


def split_aliases(field):
    return unique(field.split("|")) if field else []


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for i, row in enumerate(rows, start=2):
        for k, v in row.items():
            if k is None or v is None:
                raise ValueError(f"{path}:{i}: wrong number of columns")
            for a in split_aliases(v) if k == "aliases" else []:
                if script_of(a) is None and any(ch.isalpha() for ch in a):
                    raise ValueError(f"{path}:{i}: alias {a!r} mixes scripts")
    return rows


_RU = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
               ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
                "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
                "yu", "ya"]))
_HY = dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆև",
               ["a", "b", "g", "d", "e", "z", "e", "y", "t", "zh", "i", "l", "kh", "ts", "k", "h",
                "dz", "gh", "ch", "m", "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v", "t",
                "r", "ts", "v", "p", "k", "o", "f", "ev"]))


def romanise(name):
    """A rough Latin form of a Russian or Armenian name, only to compare it with the English
    name (never written out)."""
    out = []
    for ch in name.lower().replace("ու", "u"):
        out.append(_RU.get(ch, _HY.get(ch, ch)))
    return "".join(out)


def closest(candidates, name, ratio=0.5, fallback_first=True):
    """The candidate whose Latin form is closest to `name` if close enough, else the first one
    (or "" without fallback_first)."""
    if not candidates:
        return ""
    key = fold(name)
    scored = [(difflib.SequenceMatcher(None, fold(romanise(c)), key).ratio(), -i, c)
              for i, c in enumerate(candidates)]
    best = max(scored)
    if best[0] >= ratio:
        return best[2]
    return candidates[0] if fallback_first or len(candidates) == 1 else ""


_AZ_EN = {"ə": "a", "Ə": "A", "ı": "i", "I": "I", "İ": "I", "i": "i", "ö": "o", "Ö": "O",
          "ü": "u", "Ü": "U", "ç": "ch", "Ç": "Ch", "ş": "sh", "Ş": "Sh", "ğ": "gh", "Ğ": "Gh",
          "x": "kh", "X": "Kh", "c": "j", "C": "J", "q": "g", "Q": "G", "j": "zh", "J": "Zh"}


def az_to_english(name):
    """The English form of an Azerbaijani Latin name, as the curated tables write them (Qazax ->
    Gazakh, Qızılhacılı -> Gizilhajili, Yuxarı Əskipara -> Yukhari Askipara, Zabux -> Zabukh)."""
    out = "".join(_AZ_EN.get(ch, ch) for ch in name)
    for ch in "’'ʼʻ`´":
        out = out.replace(ch, "")
    return " ".join(out.split())
