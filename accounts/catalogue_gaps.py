"""Messages Django shows that its own catalogues do not translate yet, or word as a programmer
would.

Django 5.2 reworded the password-length error ("%d" where it had "%(min_length)d"); French,
Spanish and Russian caught up, Arabic and Chinese did not, so a sign-up in Arabic said "This
password is too short" in English. The calls below only put the messages in this project's
catalogues (`make messages` reads them), which come before Django's own; nothing calls them.

A text that is too long was "确保该变量包含不超过 2000 字符" in Chinese: "make sure this variable
holds...". It now reads as a sentence to the person who typed the text, in every language.
"""

from django.utils.translation import ngettext


def _extracted_only() -> list[str]:
    return [
        ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
            0,
        ),
        ngettext(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            0,
        ),
    ]
