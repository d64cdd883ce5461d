"""The README's manage.py commands, run as written in a fresh copy after `make setup`.

A newcomer clones the site, runs `make run` and types what the README shows, with no
DJANGO_ variables of their own: the .env that make writes must be enough. The tests copy
the working tree once (uncommitted files included, so they check what is about to be
committed), reuse this test run's virtualenv, and run each command on a terminal,
answering its prompts as a person would. Deployment-only commands belong in docs/.
"""

import fcntl
import os
import re
import select
import shutil
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from django.conf import settings

PASSWORD = "a long local passphrase 4817"
# What a person types at each prompt; a prompt not listed here fails the test.
ANSWERS = [
    (re.compile(r"Username(?: \(leave blank to use '[^']*'\))?: $"), "owner"),
    (re.compile(r"Email address: $"), "owner@example.com"),
    (re.compile(r"Password(?: \(again\))?: $"), PASSWORD),
]
MAX_ANSWERS = 6  # more means a prompt keeps coming back: an answer was refused
# What a newcomer's shell has: none of the variables settings.py reads.
NEWCOMER_VARIABLES = ["PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LC_ALL", "TMPDIR"]


def readme_commands(text):
    """Each line of a fenced shell block that runs manage.py, continuation lines joined."""
    commands = []
    for block in re.findall(r"^```(?:sh|bash|shell|console)\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            if "manage.py" in line:
                commands.append(line.strip())
    return commands


def newcomer_env():
    return {name: os.environ[name] for name in NEWCOMER_VARIABLES if name in os.environ}


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """The working tree as git would commit it, set up by `make setup` with this run's venv."""
    if sys.prefix == sys.base_prefix:
        pytest.fail("Run the tests from the project's virtualenv (make test): the copy reuses it.")
    source = Path(settings.BASE_DIR)
    copy = tmp_path_factory.mktemp("checkout")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=source, capture_output=True, check=True, text=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        if not os.path.lexists(source / name):  # deleted in the working tree, not yet in git
            continue
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, copy / name, follow_symlinks=False)
    (copy / ".venv").symlink_to(sys.prefix)
    # -o: the venv is this run's own, already installed; make must not pip install into it.
    result = subprocess.run(
        ["make", "-o", ".venv/.installed", "setup"],
        cwd=copy, env=newcomer_env(), capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, f"make setup failed:\n{result.stdout}{result.stderr}"
    return copy


def run_in_terminal(command, cwd, timeout=60):
    """Run a shell line on a pseudo-terminal, answering prompts; return (exit status, output)."""
    controller, terminal = os.openpty()

    def take_terminal():  # after setsid: make the terminal this session's, as getpass needs
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        ["bash", "-c", command], cwd=cwd, env=newcomer_env(),
        stdin=terminal, stdout=terminal, stderr=terminal,
        start_new_session=True, preexec_fn=take_terminal,
    )
    os.close(terminal)
    output, unanswered, answers = "", "", 0
    try:
        while True:
            ready, _, _ = select.select([controller], [], [], timeout)
            if not ready or answers > MAX_ANSWERS:
                process.kill()
                process.wait()
                why = f"{answers} answers" if ready else f"no output for {timeout} s"
                return None, output + f"\n[stopped after {why}, at: {unanswered[-80:]!r}]"
            try:
                chunk = os.read(controller, 4096).decode(errors="replace")
            except OSError:  # EIO: every process holding the terminal has exited
                break
            if not chunk:
                break
            output += chunk
            unanswered += chunk
            for prompt, answer in ANSWERS:
                if prompt.search(unanswered):
                    os.write(controller, answer.encode() + b"\n")
                    unanswered = ""
                    answers += 1
                    break
    finally:
        os.close(controller)
    return process.wait(timeout=timeout), output


def test_the_readme_runs_its_manage_py_commands_with_the_project_virtualenv():
    commands = readme_commands((Path(settings.BASE_DIR) / "README.md").read_text())
    assert len(commands) >= 5, commands
    assert all(".venv/bin/python manage.py" in command for command in commands), commands


def test_every_manage_py_command_in_the_readme_runs_as_written_after_make_setup(checkout):
    failures = []
    for command in readme_commands((checkout / "README.md").read_text()):
        status, output = run_in_terminal(command, checkout)
        if status != 0 or "Traceback" in output:
            failures.append(f"$ {command}\n(exit status {status})\n{output[-2000:]}")
    assert not failures, "README commands that fail after make setup:\n\n" + "\n\n".join(failures)


def test_make_setup_writes_a_development_env_that_real_variables_override(checkout):
    lines = (checkout / ".env").read_text().splitlines()
    assert lines[0].startswith("# Written by make run for local development")
    assert "DJANGO_DEBUG=true" in lines
    (key,) = [line.split("=", 1)[1] for line in lines if line.startswith("DJANGO_SECRET_KEY=")]
    assert len(key) >= 50
    assert (checkout / ".env").stat().st_mode & 0o077 == 0  # holds a key: owner only
    # make test and make serve say DJANGO_DEBUG=false; the .env must not win over that.
    shown = subprocess.run(
        [".venv/bin/python", "manage.py", "shell", "-c",
         "from django.conf import settings; print(settings.DEBUG)"],
        cwd=checkout, env={**newcomer_env(), "DJANGO_DEBUG": "false"},
        capture_output=True, text=True, timeout=60,
    )
    assert shown.stdout.splitlines()[-1:] == ["False"], shown.stdout + shown.stderr
