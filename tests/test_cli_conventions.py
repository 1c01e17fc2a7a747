"""Conventions every subcommand keeps: one ``--format`` flag, help without escaping
artefacts, bad usage as exit 2 with no traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kinerja_target.cli import _parser, main

COMMANDS = sorted(_parser()[1])


def test_the_commands_are_the_documented_ones() -> None:
    assert COMMANDS == ["capaian", "check", "link", "parse", "read", "report", "rollup"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_takes_format_and_its_help_reads_clean(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--help"]) == 0
    text = capsys.readouterr().out
    assert "--format" in text
    assert "%%" not in text


def test_parse_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "97,5%", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["value"] == "97.5"
    assert main(["parse", "97,5%", "bukan target", "--format", "csv"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("raw,kind,value")
    assert lines[1].startswith('"97,5%",percent,97.5')
    assert "bukan target" in lines[2]


def test_parse_with_standard_input_closed_is_exit_2() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_target", "parse", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0  # an empty input: nothing to read, nothing wrong
    closed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.stdin = None; from kinerja_target.cli import main; "
            "raise SystemExit(main(['parse', '-']))",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert closed.returncode == 2
    assert "standard input" in closed.stderr
    assert "Traceback" not in closed.stderr
