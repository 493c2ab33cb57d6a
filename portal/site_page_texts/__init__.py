"""The five site pages in the portal's other languages, as first written for it: one module per
language beside the English of portal/site_pages.py. Plain data, importable from a migration."""

import importlib

# The portal's language code -> its module (a module name has no "-").
MODULES = {"fr": "fr", "es": "es", "ar": "ar", "ru": "ru", "zh-hans": "zh_hans"}


def site_page_translations() -> dict[str, dict[str, dict[str, str]]]:
    """{language: {slug: {"title": ..., "summary": ..., "body": ...}}}."""
    return {
        language: importlib.import_module(f"{__name__}.{module}").PAGES
        for language, module in MODULES.items()
    }
