"""Texts defined when a module loads are translated when they are shown, not when they load.

`gettext` called in a module or class body runs once, at import, in whatever language is active
then (none: English), so the text stays English for every reader. Such texts use gettext_lazy.
"""

import ast
from pathlib import Path

from django.conf import settings
from django.utils import translation

from projects.collaboration_forms import AcceptForm

BASE_DIR = Path(settings.BASE_DIR)
NOT_APP_CODE = {".venv", "tests", "migrations", "node_modules", "var", "bench", "soak", "static"}
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}


def eager_calls_at_import(source: str) -> list[str]:
    tree = ast.parse(source)
    names = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for alias in node.names
        if alias.name in EAGER
    }
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(
                child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            )
            call = isinstance(child, ast.Call) and isinstance(child.func, ast.Name)
            if call and not inside and child.func.id in names:
                found.append(f"line {child.lineno}: {ast.unparse(child)}")
            visit(child, inside)

    visit(tree, False)
    return found


def test_it_spots_gettext_called_when_a_module_loads():
    source = (
        "from django.utils.translation import gettext as _\n"
        "TITLE = _('Home')\n"
        "class Form:\n"
        "    label = _('Name')\n"
        "    def help(self):\n"
        "        return _('Later')\n"
    )
    assert eager_calls_at_import(source) == ["line 2: _('Home')", "line 4: _('Name')"]


def test_no_module_translates_its_texts_when_it_loads():
    found = {}
    for path in sorted(BASE_DIR.rglob("*.py")):
        relative = path.relative_to(BASE_DIR)
        if NOT_APP_CODE & set(relative.parts):
            continue
        calls = eager_calls_at_import(path.read_text("utf-8"))
        if calls:
            found[relative.as_posix()] = calls
    assert found == {}


def test_the_acceptance_choices_are_in_the_reviewer_language():
    with translation.override("ru"):
        labels = [str(label) for _value, label in AcceptForm().fields["outcome"].choices]

    assert labels == [
        "Принять (без изменений в пилотных проектах)",
        "Организация присоединяется к пилотному проекту как партнёр",
        "Это ведёт к новому пилотному проекту",
    ]
