"""Machine-made translation suggestions from a LibreTranslate-compatible service (optional).

With `MACHINE_TRANSLATION_URL` set (a self-hosted service), the translation page offers a
"Suggest translation" button: the texts are sent to `POST <url>/translate` with `q`, `source`,
`target` and `format`, and what comes back fills the form for an editor to review. Nothing is
saved, let alone published, until the editor presses the button that says so. Unset, there is
no button and no call.
"""

import json
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.translation import gettext as _

# The service's own codes where they differ from the portal's.
SERVICE_CODES = {"zh-hans": "zh"}


class SuggestionUnavailable(Exception):
    """The service could not be reached or gave no usable answer; the message says so plainly."""


def suggestions_enabled() -> bool:
    return bool(settings.MACHINE_TRANSLATION_URL)


def _translate_one(text: str, *, source: str, target: str, text_format: str) -> str:
    payload = {
        "q": text,
        "source": SERVICE_CODES.get(source, source),
        "target": SERVICE_CODES.get(target, target),
        "format": text_format,
    }
    if settings.MACHINE_TRANSLATION_API_KEY:
        payload["api_key"] = settings.MACHINE_TRANSLATION_API_KEY
    request = urllib.request.Request(  # noqa: S310 -- the operator's configured http(s) URL
        settings.MACHINE_TRANSLATION_URL.rstrip("/") + "/translate",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(  # noqa: S310
            request, timeout=settings.MACHINE_TRANSLATION_TIMEOUT_SECONDS
        ) as response:
            answer = json.loads(response.read().decode())
    except TimeoutError as error:
        raise SuggestionUnavailable(
            _("The translation service did not answer in time. Try again later.")
        ) from error
    except urllib.error.HTTPError as error:
        raise SuggestionUnavailable(
            _("The translation service refused the request (error %(code)s).")
            % {"code": error.code}
        ) from error
    except (urllib.error.URLError, OSError) as error:
        raise SuggestionUnavailable(
            _("The translation service could not be reached. Try again later.")
        ) from error
    except ValueError as error:
        raise SuggestionUnavailable(
            _("The translation service gave an answer that could not be read.")
        ) from error
    translated = answer.get("translatedText") if isinstance(answer, dict) else None
    if not isinstance(translated, str):
        raise SuggestionUnavailable(
            _("The translation service gave an answer that could not be read.")
        )
    return translated


def suggest(texts: dict[str, str], *, source: str, target: str) -> dict:
    """Field -> suggested text for each non-empty text. Everything goes as plain text (Markdown
    keeps its markup characters), never as HTML."""
    return {
        field: _translate_one(text, source=source, target=target, text_format="text")
        for field, text in texts.items()
        if text
    }
