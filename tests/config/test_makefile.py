"""`make run` and `make test` are the two commands the README promises work on a fresh clone."""

import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def dry_run(target: str, tmp_path: Path, *variables: str) -> list[str]:
    # A virtualenv path that does not exist yet shows the steps a fresh clone goes through.
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", target, f"VENV={tmp_path / 'venv'}", *variables],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def position_of(lines: list[str], fragment: str) -> int:
    matches = [index for index, line in enumerate(lines) if fragment in line]
    assert matches, f"{fragment!r} is not among the steps:\n" + "\n".join(lines)
    return matches[0]


def test_it_runs_the_portal_on_a_fresh_clone_in_order(tmp_path):
    steps = dry_run("run", tmp_path)

    order = [
        position_of(steps, "-m venv"),
        position_of(steps, "pip install --quiet -e '.[test]'"),
        position_of(steps, "manage.py migrate --noinput"),
        position_of(steps, "manage.py load_demo"),
        position_of(steps, "manage.py runserver 127.0.0.1:8000"),
    ]
    assert order == sorted(order)


def test_it_tests_on_a_fresh_clone_after_installing_the_test_extra(tmp_path):
    steps = dry_run("test", tmp_path)

    install = position_of(steps, "pip install --quiet -e '.[test]'")
    pytest_run = position_of(steps, "-m pytest -p no:cacheprovider")
    assert install < pytest_run


def test_it_passes_extra_arguments_through_to_pytest(tmp_path):
    steps = dry_run("test", tmp_path, "PYTEST_ARGS=-k healthz")

    position_of(steps, "-m pytest -p no:cacheprovider -n auto --dist loadfile -k healthz")


def test_it_runs_the_suite_in_one_process_when_asked(tmp_path):
    steps = dry_run("test", tmp_path, "TEST_WORKERS=0")

    position_of(steps, "-m pytest -p no:cacheprovider -n 0 ")
