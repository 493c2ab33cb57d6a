"""Messages Django shows that its own Arabic and Chinese catalogues do not translate yet.

Django 5.2 reworded the password-length error ("%d" where it had "%(min_length)d"); French,
Spanish and Russian caught up, Arabic and Chinese did not, so a sign-up in Arabic said "This
password is too short" in English. The calls below only put the messages in this project's
catalogues (`make messages` reads them), which come before Django's own; nothing calls them.
"""

from django.utils.translation import ngettext


def _extracted_only() -> list[str]:
    return [
        ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
            0,
        ),
    ]
