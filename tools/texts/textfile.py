# Writes one module's interface texts: src/Mahalla.Web/Resources/{module}.{culture}.json, one file per
# language, from a table of key -> (English, Uzbek Latin, Uzbek Cyrillic, Russian). Shared by every
# *_texts.py script, so that all resource files are checked and written the same way.
import json, os

CULTURES = ["en", "uz-Latn", "uz-Cyrl", "ru"]


def write(module, table, prefixes):
    """Checks every row (its key starts with one of prefixes, every language present, Uzbek Latin with
    U+02BB/U+02BC rather than ASCII apostrophes) and writes the module's JSON files."""
    for key, row in table.items():
        assert key.startswith(tuple(prefixes)), f"{key}: the keys of {module} start with {prefixes}"
        assert len(row) == len(CULTURES), key
        assert "'" not in row[1] and "`" not in row[1], f"{key}: use U+02BB/U+02BC in Uzbek Latin"
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "Mahalla.Web", "Resources")
    os.makedirs(out, exist_ok=True)
    for i, culture in enumerate(CULTURES):
        with open(os.path.join(out, f"{module}.{culture}.json"), "w", encoding="utf-8") as f:
            json.dump({key: row[i] for key, row in table.items()}, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
    print(module, len(table), "keys")
