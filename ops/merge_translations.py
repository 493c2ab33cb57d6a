"""Fill translations delivered as JSON into the interface catalogues (locale/*/LC_MESSAGES/django.po).

Each `translations/*.json` file maps a msgid to its translations per language:

    {"Launched": {"fr": "Lancé", "es": "Lanzado", "ar": "أُطلق", "zh_Hans": "启动", "ru": "Запущен"},
     "%(count)s resource|%(count)s resources": {"fr": ["…", "…"], "ru": ["…", "…", "…", "…"]}}

A plural entry is keyed "msgid|msgid_plural" and carries one form per plural form of the language.
Only entries that are untranslated or fuzzy are filled (a fuzzy one loses its flag and its previous
msgid); translated entries and msgids the catalogue does not have are left alone. The file keeps the
layout `msgcat --width=100000` gives it: one line per string.

    python ops/merge_translations.py [--locale-dir locale] [translations/*.json ...]

Run it after `make messages` has added the new msgids, then `make messages` again to compile.
"""

import argparse
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["fr", "es", "ar", "zh_Hans", "ru"]
# Spellings of the language codes a JSON file may use -> the catalogue's folder name.
ALIASES = {code.lower().replace("_", "-"): code for code in LANGUAGES}

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return '"' + escaped.replace("\r", "\\r").replace("\n", "\\n") + '"'


def field_lines(keyword: str, text: str) -> list[str]:
    """`keyword "text"` as msgcat writes it: a text with inner line breaks goes one line per line."""
    if "\n" not in text.rstrip("\n"):
        return [f"{keyword} {quote(text)}"]
    pieces = re.findall(r"[^\n]*\n|[^\n]+$", text)
    return [f'{keyword} ""', *(quote(piece) for piece in pieces)]


def _blocks(text: str) -> list[list[str]]:
    """The catalogue as blocks of lines, one per entry (the header first), blank lines dropped."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _read(block: list[str]) -> dict:
    """msgctxt, msgid, msgid_plural and msgstr(s) of one block ("#~" obsolete lines ignored)."""
    entry, field = {"msgstr": {}, "flags": set()}, None
    for line in block:
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and field is not None:
            if isinstance(field, int):
                entry["msgstr"][field] += unquote(line)
            else:
                entry[field] += unquote(line)
        else:
            keyword, _, quoted = line.partition(" ")
            match = re.fullmatch(r"msgstr(?:\[(\d+)\])?", keyword)
            if match:
                field = int(match.group(1) or 0)
                entry["msgstr"][field] = unquote(quoted)
            else:
                field = keyword
                entry[field] = unquote(quoted)
    return entry


def _key(entry: dict) -> str:
    if "msgid_plural" in entry:
        return f"{entry['msgid']}|{entry['msgid_plural']}"
    return entry["msgid"]


def _needs_translation(entry: dict) -> bool:
    return "fuzzy" in entry["flags"] or not all(entry["msgstr"].values())


def _filled(block: list[str], entry: dict, translation) -> list[str]:
    """The block with its msgstr lines replaced and without the fuzzy flag or previous msgid."""
    kept = []
    for line in block:
        if line.startswith("#|"):
            continue
        if line.startswith("#,"):
            flags = [f.strip() for f in line[2:].split(",") if f.strip() and f.strip() != "fuzzy"]
            if flags:
                kept.append("#, " + ", ".join(flags))
            continue
        if line.startswith("msgstr"):
            break
        kept.append(line)
    if "msgid_plural" in entry:
        forms = translation if isinstance(translation, list) else [translation]
        if len(forms) != len(entry["msgstr"]):
            raise ValueError(
                f"{entry['msgid']!r} needs {len(entry['msgstr'])} plural forms, got {len(forms)}"
            )
        for i, form in enumerate(forms):
            kept.extend(field_lines(f"msgstr[{i}]", form))
    else:
        if not isinstance(translation, str):
            raise ValueError(f"{entry['msgid']!r} is not a plural message")
        kept.extend(field_lines("msgstr", translation))
    return kept


def fill_catalogue(text: str, translations: dict[str, str | list[str]]) -> tuple[str, int]:
    """The catalogue text with its untranslated or fuzzy entries filled, and how many were."""
    blocks = _blocks(text)
    filled = 0
    for index, block in enumerate(blocks):
        if all(line.startswith("#") for line in block):
            continue
        entry = _read(block)
        if not entry.get("msgid") or "msgctxt" in entry:
            continue
        translation = translations.get(_key(entry))
        if translation and _needs_translation(entry):
            blocks[index] = _filled(block, entry, translation)
            filled += 1
    return "\n\n".join("\n".join(block) for block in blocks) + "\n", filled


def load_translations(paths) -> dict[str, dict[str, str | list[str]]]:
    """language -> {key: translation}, from every JSON file (later files win)."""
    by_language: dict[str, dict] = {code: {} for code in LANGUAGES}
    for path in paths:
        for key, per_language in json.loads(Path(path).read_text("utf-8")).items():
            for code, text in per_language.items():
                code = ALIASES.get(code.lower().replace("_", "-"))
                if code and text:
                    by_language[code][key] = text
    return by_language


def catalogue_keys(text: str) -> set[str]:
    """The msgids of a catalogue, plurals as "msgid|msgid_plural"."""
    entries = (_read(block) for block in _blocks(text) if not block[0].startswith("#~"))
    return {_key(entry) for entry in entries if entry.get("msgid")}


def merge(locale_dir: Path, paths) -> dict[str, int]:
    """Fill every catalogue; nothing is written unless every language's translations fit."""
    by_language = load_translations(paths)
    results = {}
    for code, translations in by_language.items():
        po_path = locale_dir / code / "LC_MESSAGES" / "django.po"
        if po_path.exists() and translations:
            results[po_path] = (code, *fill_catalogue(po_path.read_text("utf-8"), translations))
    for po_path, (_code, text, _count) in results.items():
        po_path.write_text(text, "utf-8")
    return {code: count for code, _text, count in results.values()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--locale-dir", type=Path, default=REPO_ROOT / "locale")
    args = parser.parse_args(argv)
    files = args.files or sorted((REPO_ROOT / "translations").glob("*.json"))
    try:
        counts = merge(args.locale_dir, files)
    except (ValueError, json.JSONDecodeError) as error:
        print(f"Nothing merged: {error}", file=sys.stderr)
        return 1
    for code, count in counts.items():
        print(f"{code}: {count} entries filled")
    delivered = set().union(*load_translations(files).values())
    known = set().union(
        *(catalogue_keys(po.read_text("utf-8")) for po in args.locale_dir.glob("*/*/django.po"))
    )
    for key in sorted(delivered - known):
        print(f"Not in the catalogues (run make messages first?): {key!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
