"""Every variable config/settings.py reads is documented in .env.example and in the
configuration table of docs/deployment.md, so an operator never has to read the settings to find
a knob."""

import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# env("X"), env.str("X", ...), env.db_url(\n    "X" ...): django-environ's readers.
READ_VARIABLE = re.compile(r"\benv(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]*)\"")


def variables_read_by_settings() -> list[str]:
    settings_source = (REPO_ROOT / "config" / "settings.py").read_text()
    return sorted(set(READ_VARIABLE.findall(settings_source)))


def test_it_finds_the_variables_the_settings_read():
    # Guards the pattern itself: these have been read since the first commit.
    assert {"DJANGO_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"} <= set(
        variables_read_by_settings()
    )


@pytest.mark.parametrize("name", variables_read_by_settings())
def test_it_documents_each_variable_in_env_example(name):
    example = (REPO_ROOT / ".env.example").read_text()

    assert re.search(rf"^(# )?{name}=", example, re.MULTILINE), f"{name} is missing"


@pytest.mark.parametrize("name", variables_read_by_settings())
def test_it_documents_each_variable_in_the_deployment_guide(name):
    guide = (REPO_ROOT / "docs" / "deployment.md").read_text()

    assert f"| `{name}` |" in guide, f"{name} is missing from docs/deployment.md's table"


def test_it_leaves_every_default_alone_when_copied_to_dot_env():
    # An uncommented `NAME=` would set an empty value instead of the default.
    example = (REPO_ROOT / ".env.example").read_text()

    assert not re.findall(r"^[A-Z][A-Z0-9_]*=", example, re.MULTILINE)
