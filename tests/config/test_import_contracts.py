"""The import contracts (`lint-imports`, [tool.importlinter] in pyproject.toml) catch a low app
importing one above it, and a cycle between the modules of one app.

Each test runs the real `lint-imports` on a copy of the project's packages, with or without a
module added that breaks a contract; the repository itself is never touched.
"""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _root_packages() -> list[str]:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["root_packages"]


@pytest.fixture
def project_copy(tmp_path):
    for package in _root_packages():
        shutil.copytree(
            REPO_ROOT / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "migrations"),
        )
    shutil.copy(REPO_ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    # Run from the copy: lint-imports puts the working directory first on the import path, so the
    # copy's packages are analysed rather than the installed ones.
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_copy_keeps_both_contracts(project_copy):
    result = _lint_imports(project_copy)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_it_refuses_notifications_importing_an_app_above_it(project_copy):
    (project_copy / "notifications" / "upward_probe.py").write_text(
        "from projects.models import Project\n"
    )

    result = _lint_imports(project_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Apps in layers: each imports only the apps below it BROKEN" in result.stdout
    assert "notifications.upward_probe -> projects.models" in result.stdout


def test_it_refuses_a_cycle_between_the_modules_of_an_app(project_copy):
    notifications = project_copy / "notifications"
    (notifications / "cycle_probe.py").write_text("from . import services\n")
    services = notifications / "services.py"
    services.write_text(services.read_text() + "\nfrom . import cycle_probe  # noqa\n")

    result = _lint_imports(project_copy)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "No import cycle between the modules of an app BROKEN" in result.stdout
    assert "No cycles are allowed in notifications." in result.stdout
    assert ".services -> .cycle_probe" in result.stdout
