"""The command line: bad input gives one clear Error line; a folder run skips a bad file.

These run the real pipelines (marked ``model``) since the CLI is the user's contract.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from allegiance.cli import build_parser, main
from conftest import EXAMPLE

FRENCH = (
    "Le ministre de l'Économie a annoncé mardi un plan de 2 milliards d'euros pour l'industrie. "
    "« C'est un tournant », a déclaré Bruno Le Maire devant les députés.\n"
)
ENGLISH = (
    'Microsoft said on Tuesday it would invest $80 billion in data centres. "This is a big year," '
    "Brad Smith said.\n"
)


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "allegiance.cli", *args],
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=300,
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


def test_every_command_and_option_is_documented_in_help() -> None:
    parser = build_parser()
    text = parser.format_help()
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert len(sub.choices) >= 16
    for command, sub_parser in sub.choices.items():
        assert command in text  # listed with its help line
        assert f"allegiance {command}" in readme, f"README does not show `allegiance {command}`"
        assert sub_parser.description or sub_parser.format_help()
    for option in ("--lang", "--published", "--format", "--out", "--kb", "--db", "--workers"):
        assert option in readme


@pytest.mark.parametrize(
    ("content", "name", "needle"),
    [
        (b"", "empty.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "photo.txt", "PNG"),
        (b"<html><body>" + b"x" * (21 * 1024 * 1024) + b"</body></html>", "huge.html", "limit"),
        (
            "Der Bundeskanzler hat am Dienstag in Berlin eine neue Regierungserklärung abgegeben "
            "und die Opposition scharf kritisiert.".encode(),
            "deutsch.txt",
            "not analyse",
        ),
    ],
)
def test_bad_input_gives_one_error_line(
    tmp_path: Path, content: bytes, name: str, needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    status = main(["analyze", str(path)])
    err = capsys.readouterr().err
    assert status == 1
    lines = error_lines(err)
    assert len(lines) == 1 and str(path) in lines[0] and needle in lines[0], err


def test_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "/no/such/article.txt"]) == 1
    assert error_lines(capsys.readouterr().err) == [
        "Error: /no/such/article.txt: no such file or folder [E011]"
    ]


@pytest.mark.model
def test_windows_1252_text_is_decoded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ancien.txt"
    path.write_bytes(FRENCH.replace("'", "\u2019").encode("cp1252"))
    assert main(["analyze", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "l’Économie" in data["body"]
    assert data["article"]["lang"] == "fr"


@pytest.mark.model
def test_folder_run_skips_the_bad_file_and_prints_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    assert main(["analyze", str(tmp_path), "--published", "2025-01-24"]) == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    assert [r["article"]["lang"] for r in rows] == ["fr", "en"]
    assert len(error_lines(captured.err)) == 1 and "c.txt" in captured.err


@pytest.mark.model
def test_out_dir_writes_one_json_per_input(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "un.txt").write_text(FRENCH, encoding="utf-8")
    (src / "two.md").write_text(
        "---\ntitle: Two\ndate: 2025-02-03\n---\n" + ENGLISH, encoding="utf-8"
    )
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["two.json", "un.json"]
    two = json.loads((out / "two.json").read_text(encoding="utf-8"))
    assert two["article"]["title"] == "Two" and two["article"]["published"] == "2025-02-03"


@pytest.mark.model
def test_stdin_and_text_report() -> None:
    result = run_cli(
        "analyze", "-", "--lang", "en", "--published", "2025-01-24", stdin=ENGLISH.encode()
    )
    assert result.returncode == 0, result.stderr
    assert "Entities" in result.stdout and "Microsoft" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


@pytest.mark.model
def test_demo_article_report_lists_the_actors() -> None:
    result = run_cli("analyze", str(EXAMPLE), "--published", "2025-01-24")
    assert result.returncode == 0, result.stderr
    for name in ("Elon Musk", "Sam Altman", "Donald Trump", "SoftBank", "xAI"):
        assert name in result.stdout


@pytest.mark.model
def test_decomposed_accents_are_composed_in_the_body() -> None:
    from allegiance.analysis import analyze

    text = "Re\u0301my Buisine a de\u0301clare\u0301 mardi que la situation e\u0301tait grave.\n"
    article = analyze(text, lang="fr", published="2025-01-24")
    assert "Rémy Buisine" in article.body and "\u0301" not in article.body
    assert any(e.name == "Rémy Buisine" for e in article.entities)


def test_coloured_report_columns_stay_aligned() -> None:
    from allegiance.report import _Style, _table

    s = _Style(True)
    rows = [("Elon Musk", s("CRITICIZE", "red"), "x"), ("Al", s("PRAISE", "green"), "y")]
    plain = [
        line.replace("\x1b[31m", "").replace("\x1b[32m", "").replace("\x1b[0m", "")
        for line in _table(rows)
    ]
    assert plain[0].index("x") == plain[1].index("y")
