"""Content in the six languages: which fields translate, which language a text is in.

Each app registers its translated fields in its `translation.py` (django-modeltranslation): a
field `title` gets one column per language (`title_en`, `title_fr`, ... `title_zh_hans`) in the
same row, and reading `obj.title` gives the active language's text, else the first language that
has one. The base column (`title`) keeps the text in the item's `original_language`, which the
search documents read.

This module answers the questions pages, forms and the editor's desk ask: in which language is the
text shown for a field (so a fallback can say so with `lang` and `dir`), and which fields are not
translated yet.
"""

import unicodedata
from functools import cache

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from core.choice_labels import ChoiceLabelsModel

RTL_LANGUAGES = {"ar", "fa", "he", "ur"}


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_names() -> dict[str, str]:
    return dict(settings.LANGUAGES)


# Languages that write the name of a language in lowercase within a sentence or a list
# ("Langues : anglais, arabe"); Django's catalogues capitalise it, as a menu entry would be.
LOWERCASE_LANGUAGE_NAMES = {"fr", "es", "ru"}


def name_in_running_text(name) -> str:
    """A language's name as the reader's language writes it inside a sentence or a list:
    "anglais" on a French page where Django gives "Anglais"; other languages keep it as it is."""
    name = str(name)
    if name and active_language() in LOWERCASE_LANGUAGE_NAMES:
        return name[0].lower() + name[1:]
    return name


def spoken_language_name(code: str) -> str:
    """The name of the language `code` names ("ar", "pt-br") in the reader's language ("Arabic",
    "العربية" on an Arabic page), as Django's catalogues translate it; a code Django does not know
    is shown as it was typed, in capitals. For what an event or a resource is given in, which may
    be any language, not only the portal's six."""
    try:
        info = translation.get_language_info(str(code).strip().lower())
    except KeyError:
        return str(code).upper()
    return translation.gettext(info["name"])


def reading_key(text: str) -> str:
    """A sort key for names as a reader looks them up: case and accents aside, so that "Égypte"
    comes with the E's, not after "Viêt Nam" as a code-point order puts it. (Chinese stays in
    character order: pinyin order needs a collation library.)"""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def list_separator() -> str:
    """What stands between the items of a list in the reader's language: ", ", "، " in Arabic,
    "、" in Chinese (the enumeration comma, not the comma that parts clauses)."""
    return pgettext("between the items of a list", ", ")


def bracketed(remark) -> SafeString:
    """A remark in brackets after a name, with the space before it, as the reader's language
    writes it: " (Learning city)"; in Chinese full-width brackets (U+FF08, U+FF09) and no
    space, which they carry. The remark is escaped unless it is already safe HTML."""
    brackets = pgettext(
        "a remark in brackets after a name, with the space before it", " (%(remark)s)"
    )
    # Both parts escaped, the catalogue's brackets too: nothing unescaped becomes safe HTML.
    return SafeString(escape(brackets) % {"remark": conditional_escape(remark)})


def listed(names) -> str:
    """Names joined as the reader's language writes a list: "English, Arabic", "英语、阿拉伯语"."""
    return list_separator().join(str(name) for name in names)


def listed_with_and(names) -> str:
    """Names joined as the reader's language writes "a, b and c". The spaces around the "and"
    belong to its translation: Arabic writes و joined to the last name ("… وعمليات الطوارئ"),
    Chinese writes no spaces ("预警系统、应急行动和风险治理")."""
    names = [str(name) for name in names]
    if len(names) < 2:
        return "".join(names)
    conjunction = pgettext("before the last item of a list, with its spaces", " and ")
    return f"{listed(names[:-1])}{conjunction}{names[-1]}"


def direction(language: str) -> str:
    return "rtl" if language.split("-")[0] in RTL_LANGUAGES else "ltr"


def active_language() -> str:
    language = (translation.get_language() or settings.LANGUAGE_CODE).lower()
    return language if language in language_codes() else settings.LANGUAGE_CODE


def translated_fields(model) -> tuple[str, ...]:
    """The names of the fields of `model` (class or instance) written in every language."""
    return _translated_fields(model if isinstance(model, type) else type(model))


@cache
def _translated_fields(model) -> tuple[str, ...]:
    try:
        names = set(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return ()
    # In the model's own order (title, summary, body), as the edit form shows them.
    return tuple(field.name for field in model._meta.fields if field.name in names)


def column(field: str, language: str) -> str:
    """The column holding `field` in `language`: title, zh-hans -> title_zh_hans."""
    return build_localized_fieldname(field, language)


def columns_in_every_language(model, fields, *, path: str = "") -> list[str]:
    """`fields` of `model` for `.only()`, a translated one with its column in every language (the
    fallback reads them), each prefixed with `path` ("project__") when read through a relation.

    django-modeltranslation adds those columns itself only to the translated model's own
    queryset, not to a relation's fields read through another model's.
    """
    translated = translated_fields(model)
    names = []
    for field in fields:
        names.append(f"{path}{field}")
        if field in translated:
            names += [f"{path}{column(field, code)}" for code in language_codes()]
    return names


def raw_text(obj, field: str, language: str) -> str:
    """What is written in `language` for `field`, no fallback ('' when nothing is)."""
    return getattr(obj, column(field, language), None) or ""


def original_language(obj) -> str:
    return getattr(obj, "original_language", "") or settings.LANGUAGE_CODE


def shown_text_order(field: str, language: str | None = None, *, path: str = ""):
    """An expression to sort rows by `field` as pages show it in `language` (default: the active
    one): the text in that language, else the original text (the base column keeps it); read
    through `path` ("city__") for a related row.

    Sorting by the language's own column put every row not translated yet (an empty text) first,
    in no order a reader could see. The rarer fallbacks of `text_and_language` (English, then
    any language) are left out: an original text is always written.
    """
    language = language or active_language()
    own = NullIf(
        models.F(path + column(field, language)), models.Value(""), output_field=models.TextField()
    )
    # F(field) names the base column itself: django-modeltranslation leaves expressions alone.
    return Coalesce(own, models.F(path + field), output_field=models.TextField())


def text_and_language(obj, field: str, language: str | None = None) -> tuple[str, str]:
    """(text, language it is written in) for `field` shown in `language` (default: the active
    one): the text in that language, else in the item's original language, else in the first
    language that has one; ("", language) when none has."""
    language = language or active_language()
    if field not in translated_fields(obj):
        return (getattr(obj, field, "") or "", language)
    # Most texts are shown in the language asked for: a page calls this for each title and
    # summary it lists, so that case returns before the fallback order is built.
    text = getattr(obj, column(field, language), None)
    if text:
        return text, language
    order = [language, original_language(obj), settings.LANGUAGE_CODE, *language_codes()]
    for candidate in dict.fromkeys(order):
        text = raw_text(obj, field, candidate)
        if text:
            return text, candidate
    return "", language


def untranslated_fields(obj, language: str) -> list[str]:
    """The fields with an original text and nothing written in `language` yet."""
    source = original_language(obj)
    if language == source:
        return []
    return [
        field
        for field in translated_fields(obj)
        if raw_text(obj, field, source) and not raw_text(obj, field, language)
    ]


def missing_translations(obj) -> dict[str, list[str]]:
    """Language -> fields not yet translated into it, for every language that lacks some."""
    missing = {}
    for language in language_codes():
        fields = untranslated_fields(obj, language)
        if fields:
            missing[language] = fields
    return missing


def missing_filter(model, language: str) -> models.Q:
    """Rows of `model` with at least one original text not yet written in `language` (rows whose
    original language is `language` have nothing to translate)."""
    condition = models.Q(pk__in=[])
    for source in language_codes():
        if source == language:
            continue
        lacking = models.Q(pk__in=[])
        for field in translated_fields(model):
            target = column(field, language)
            has_source = ~models.Q(**{column(field, source): ""}) & models.Q(
                **{f"{column(field, source)}__isnull": False}
            )
            no_target = models.Q(**{f"{target}__isnull": True}) | models.Q(**{target: ""})
            lacking |= has_source & no_target
        condition |= models.Q(original_language=source) & lacking
    return condition


class TranslatedQuerySet(models.QuerySet):
    """`.update(title=...)` writes the active language's column (as django-modeltranslation
    does) and the base column too, so raw updates keep the search documents (which read the base
    column through a trigger) in step."""

    def update(self, **kwargs):
        base = {
            name: value for name, value in kwargs.items() if name in translated_fields(self.model)
        }
        if not base or not getattr(self, "_rewrite", False):
            return super().update(**kwargs)
        language = active_language()
        columns = {column(name, language): value for name, value in base.items()}
        return self.rewrite(False).update(**kwargs, **columns)

    update.alters_data = True


class OriginalLanguageModel(ChoiceLabelsModel):
    """Content written in one of the six languages and translated into the others.

    Saving runs in the item's original language, so the base column of each translated field
    (which the search documents read) holds the original text whatever language the person
    saving reads the portal in.
    """

    original_language = models.CharField(
        _("original language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the item was first written in; translations start from it."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Nothing written in a language is NULL, never "": one way to say it (a unique name
        # then holds in every language, and a form saved unchanged changes nothing).
        for field in translated_fields(self):
            for language in language_codes():
                if getattr(self, column(field, language), None) == "":
                    setattr(self, column(field, language), None)
        with translation.override(original_language(self)):
            super().save(*args, **kwargs)
