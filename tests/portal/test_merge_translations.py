"""ops/merge_translations.py fills translations that helpers deliver as JSON into the catalogues."""

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

HEADER = """# Portal catalogue.
msgid ""
msgstr ""
"Language: {code}\\n"
"Plural-Forms: {plural}\\n"
"""

FRENCH = (
    HEADER.format(code="fr", plural="nplurals=2; plural=(n > 1);")
    + """
#: templates/projects/project_detail.html
msgid "Launched"
msgstr ""

#: core/filters.py
#, fuzzy
#| msgid "country"
msgid "Any country"
msgstr "pays"

#: templates/base.html
#, fuzzy, python-format
#| msgid "Times are shown in %(zone)s."
msgid "Times are shown in your time zone (%(zone)s)."
msgstr "Les heures sont affichées en %(zone)s."

#: templates/base.html
msgid "Home"
msgstr "Accueil"

#: templates/resources/resource_list.html
#, python-format
msgid "%(counter)s resource"
msgid_plural "%(counter)s resources"
msgstr[0] ""
msgstr[1] ""
"""
)

RUSSIAN = (
    HEADER.format(code="ru", plural="nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : 3);")
    + """
#: templates/projects/project_detail.html
msgid "Launched"
msgstr ""

#: templates/resources/resource_list.html
#, python-format
msgid "%(counter)s resource"
msgid_plural "%(counter)s resources"
msgstr[0] ""
msgstr[1] ""
msgstr[2] ""
msgstr[3] ""
"""
)

TRANSLATIONS = {
    "Launched": {"fr": "Lancé", "ru": "Запущен", "es": "Lanzado", "zh-hans": "启动日期"},
    "Any country": {"fr": "Tous les pays"},
    "Times are shown in your time zone (%(zone)s).": {
        "fr": "Les heures sont affichées dans votre fuseau horaire (%(zone)s)."
    },
    "Home": {"fr": "Maison"},
    "Not in the catalogue": {"fr": "Absent du catalogue"},
    "%(counter)s resource|%(counter)s resources": {
        "fr": ["%(counter)s ressource", "%(counter)s ressources"],
        "ru": [
            "%(counter)s ресурс",
            "%(counter)s ресурса",
            "%(counter)s ресурсов",
            "%(counter)s ресурса",
        ],
    },
}


@pytest.fixture
def merge_translations():
    path = REPO / "ops" / "merge_translations.py"
    spec = importlib.util.spec_from_file_location("merge_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def locale_dir(tmp_path):
    for code, text in (("fr", FRENCH), ("ru", RUSSIAN)):
        folder = tmp_path / "locale" / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "django.po").write_text(text, "utf-8")
    return tmp_path / "locale"


def write_json(folder, name, data):
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_it_fills_untranslated_and_fuzzy_entries_and_keeps_the_rest(
    merge_translations, locale_dir, tmp_path, capsys
):
    delivered = write_json(tmp_path, "helper.json", TRANSLATIONS)

    assert merge_translations.main(["--locale-dir", str(locale_dir), str(delivered)]) == 0

    output = capsys.readouterr()
    assert "fr: 4 entries filled" in output.out
    assert "ru: 2 entries filled" in output.out
    # A msgid the catalogues do not have is named, so a misspelt one does not go unnoticed.
    assert "Not in the catalogues (run make messages first?): 'Not in the catalogue'" in output.err

    french = (locale_dir / "fr" / "LC_MESSAGES" / "django.po").read_text("utf-8")
    assert 'msgid "Launched"\nmsgstr "Lancé"\n' in french
    # A fuzzy guess is replaced and loses its flag and its previous msgid.
    assert '#: core/filters.py\nmsgid "Any country"\nmsgstr "Tous les pays"\n' in french
    assert (
        "#: templates/base.html\n#, python-format\n"
        'msgid "Times are shown in your time zone (%(zone)s)."\n'
        'msgstr "Les heures sont affichées dans votre fuseau horaire (%(zone)s)."\n'
    ) in french
    assert "fuzzy" not in french
    assert "#|" not in french
    # A translated entry is left alone; a msgid the catalogue lacks is not added.
    assert 'msgid "Home"\nmsgstr "Accueil"\n' in french
    assert "Absent du catalogue" not in french
    assert 'msgstr[0] "%(counter)s ressource"\nmsgstr[1] "%(counter)s ressources"\n' in french
    # The header and the blank lines between entries stay as they were.
    assert french.startswith(FRENCH.split("\n\n")[0] + "\n\n#: templates/projects/")
    assert french.count("\n\n") == FRENCH.count("\n\n")

    russian = (locale_dir / "ru" / "LC_MESSAGES" / "django.po").read_text("utf-8")
    assert 'msgid "Launched"\nmsgstr "Запущен"\n' in russian
    assert 'msgstr[2] "%(counter)s ресурсов"\nmsgstr[3] "%(counter)s ресурса"\n' in russian


def test_running_it_twice_changes_nothing_more(merge_translations, locale_dir, tmp_path):
    delivered = write_json(tmp_path, "helper.json", TRANSLATIONS)
    merge_translations.merge(locale_dir, [delivered])
    once = (locale_dir / "fr" / "LC_MESSAGES" / "django.po").read_text("utf-8")

    counts = merge_translations.merge(locale_dir, [delivered])

    assert counts == {"fr": 0, "ru": 0}
    assert (locale_dir / "fr" / "LC_MESSAGES" / "django.po").read_text("utf-8") == once


def test_it_refuses_a_plural_with_the_wrong_number_of_forms(
    merge_translations, locale_dir, tmp_path
):
    wrong = {"%(counter)s resource|%(counter)s resources": {"ru": ["один", "два"]}}
    delivered = write_json(tmp_path, "wrong.json", wrong)
    before = (locale_dir / "ru" / "LC_MESSAGES" / "django.po").read_text("utf-8")

    with pytest.raises(ValueError, match="needs 4 plural forms, got 2"):
        merge_translations.merge(locale_dir, [delivered])

    assert (locale_dir / "ru" / "LC_MESSAGES" / "django.po").read_text("utf-8") == before


def test_it_writes_no_language_when_one_language_does_not_fit(
    merge_translations, locale_dir, tmp_path, capsys
):
    french_before = (locale_dir / "fr" / "LC_MESSAGES" / "django.po").read_text("utf-8")
    wrong = dict(TRANSLATIONS)
    wrong["%(counter)s resource|%(counter)s resources"] = {
        "fr": ["%(counter)s ressource", "%(counter)s ressources"],
        "ru": ["%(counter)s ресурс"],
    }
    delivered = write_json(tmp_path, "wrong.json", wrong)

    assert merge_translations.main(["--locale-dir", str(locale_dir), str(delivered)]) == 1

    assert "Nothing merged" in capsys.readouterr().err
    assert (locale_dir / "fr" / "LC_MESSAGES" / "django.po").read_text("utf-8") == french_before


def test_it_reads_the_language_codes_as_people_spell_them(merge_translations, tmp_path):
    delivered = write_json(
        tmp_path, "codes.json", {"Launched": {"zh-hans": "启动", "RU": "Запущен"}}
    )

    by_language = merge_translations.load_translations([delivered])

    assert by_language["zh_Hans"] == {"Launched": "启动"}
    assert by_language["ru"] == {"Launched": "Запущен"}


def test_it_writes_a_message_with_line_breaks_the_way_msgcat_does(merge_translations):
    assert merge_translations.field_lines("msgstr", 'Ligne "un"\nLigne deux') == [
        'msgstr ""',
        '"Ligne \\"un\\"\\n"',
        '"Ligne deux"',
    ]
    assert merge_translations.field_lines("msgstr", "Une ligne\n") == ['msgstr "Une ligne\\n"']
