"""The shipped catalogues: French, Spanish, Arabic, Chinese and Russian are complete, and every
compiled .mo says exactly what its .po says, so no gettext tools are needed at run time or in CI."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
COMPLETE = ["fr", "es", "ar", "zh_Hans", "ru"]
PLURAL_FORMS = {"fr": 2, "es": 3, "ar": 6, "zh_Hans": 1, "ru": 4}

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text):
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def read_po(code):
    """The active entries of a .po file: msgctxt, msgid, msgid_plural, msgstr(s) and flags."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and not entry.get("obsolete"):
            entries.append(entry)

    lines = (LOCALE_DIR / code / "LC_MESSAGES" / "django.po").read_text("utf-8").splitlines()
    for line in [*lines, ""]:
        if not line.strip():
            finish()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgstr": {}}
        if line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = _unquote(line)
            if isinstance(field, int):
                entry["msgstr"][field] += value
            else:
                entry[field] += value
        else:
            keyword, _, quoted = line.partition(" ")
            match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            if match:
                field = int(match.group(1))
            elif keyword == "msgstr":
                field = 0
            else:
                field = keyword
                entry[field] = _unquote(quoted)
                continue
            entry["msgstr"][field] = _unquote(quoted)
    return [e for e in entries if e.get("msgid")]


def read_mo(code):
    with open(LOCALE_DIR / code / "LC_MESSAGES" / "django.mo", "rb") as mo_file:
        return gettext.GNUTranslations(mo_file)


def _mo_key(entry):
    return f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]


def _is_translated(entry):
    return all(entry["msgstr"].values()) and "fuzzy" not in entry["flags"]


@pytest.mark.parametrize("code", COMPLETE)
def test_it_translates_every_message_in_the_complete_languages(code):
    entries = read_po(code)
    assert len(entries) > 500

    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]

    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("code", COMPLETE)
def test_it_gives_plural_messages_every_form_the_language_has(code):
    for entry in read_po(code):
        if "msgid_plural" in entry and _is_translated(entry):
            assert sorted(entry["msgstr"]) == list(range(PLURAL_FORMS[code])), entry["msgid"]


@pytest.mark.parametrize("code", COMPLETE)
def test_it_keeps_the_placeholders_of_each_message(code):
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]|<[^>]+>")
    for entry in read_po(code):
        if not _is_translated(entry):
            continue
        wanted = set(placeholder.findall(entry["msgid"] + entry.get("msgid_plural", "")))
        for translation in entry["msgstr"].values():
            # A plural form for one exact number may spell the number out instead of showing it.
            assert set(placeholder.findall(translation)) <= wanted, translation
        if "msgid_plural" not in entry:
            assert set(placeholder.findall(entry["msgstr"][0])) == wanted, entry["msgid"]


@pytest.mark.parametrize("code", COMPLETE)
def test_it_ships_compiled_catalogues_that_match_their_sources(code):
    catalogue = read_mo(code)._catalog
    translated = [e for e in read_po(code) if _is_translated(e)]

    for entry in translated:
        key = _mo_key(entry)
        if "msgid_plural" in entry:
            for index, text in entry["msgstr"].items():
                assert catalogue.get((key, index)) == text, (entry["msgid"], index)
        else:
            assert catalogue.get(key) == entry["msgstr"][0], entry["msgid"]

    compiled_messages = {k if isinstance(k, str) else k[0] for k in catalogue} - {""}
    assert len(compiled_messages) == len(translated)


@pytest.mark.parametrize(("code", "home"), [("zh_Hans", "首页"), ("ru", "Главная")])
def test_it_translates_the_navigation_in_chinese_and_russian(code, home):
    translations = read_mo(code)
    assert translations.gettext("Home") == home
    for label in ("Clusters", "Cities", "Pilots", "Events", "Partners", "Map", "Search"):
        assert translations.gettext(label) != label


@pytest.mark.parametrize("code", COMPLETE)
def test_it_translates_the_project_and_event_labels_issue_17_found_in_english(code):
    translations = read_mo(code)
    for message in (
        "Launched",
        "Part of",
        "Times are shown in your time zone (%(zone)s).",
        "joined %(date)s",
    ):
        assert translations.gettext(message) != message, message
    one = translations.ngettext("%(number)s resource", "%(number)s resources", 1)
    many = translations.ngettext("%(number)s resource", "%(number)s resources", 5)
    assert "%(number)s" in many
    assert "resource" not in one + many


def test_it_declines_russian_counts_by_the_last_digits():
    translations = read_mo("ru")

    def resources(n):
        return translations.ngettext("%(number)s resource", "%(number)s resources", n) % {
            "number": n
        }

    assert [resources(n) for n in (1, 3, 5, 11, 21, 22)] == [
        "1 ресурс",
        "3 ресурса",
        "5 ресурсов",
        "11 ресурсов",
        "21 ресурс",
        "22 ресурса",
    ]
