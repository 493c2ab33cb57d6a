"""The README's first lines are the two commands a newcomer needs."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_it_opens_with_make_run_and_make_test_under_the_title():
    lines = (REPO_ROOT / "README.md").read_text().splitlines()
    non_blank = [line for line in lines if line.strip()]

    assert non_blank[0].startswith("# ")
    assert non_blank[1].startswith("```")
    assert non_blank[2].startswith("make run")
    assert non_blank[3].startswith("make test")
    assert non_blank[4] == "```"


def test_it_names_the_demo_accounts_and_their_password():
    readme = (REPO_ROOT / "README.md").read_text()

    for email in ("editor@example.org", "official@example.org", "partner@example.org"):
        assert email in readme
    assert "demo-password-2026" in readme
