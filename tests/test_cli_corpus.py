"""The corpus commands end to end: ingest, entities, merge, split, search, show.

The articles are the invented ones of ``test_ingest_runner`` (no corpus text). One database is
ingested once for the module through the command line (``--workers 0``: one model load, in this
process); tests that change it work on a copy.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from allegiance.cli_corpus import add_corpus_commands, article_from_dict
from allegiance.errors import AllegianceError
from allegiance.store import Store, open_store
from test_ingest_runner import article_url, invented_article, write_articles

ARTICLES = range(8)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run a command as ``allegiance`` would; (status, stdout, stderr)."""
    from allegiance import cli as main_cli

    parser = main_cli.build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "ingest" in commands.choices:  # the lead has wired add_corpus_commands into cli.py
        status = main_cli.main(list(argv))
    else:
        parser = argparse.ArgumentParser(prog="allegiance")
        add_corpus_commands(parser.add_subparsers(dest="command", required=True))
        args = parser.parse_args(list(argv))
        try:
            status = int(args.func(args))
        except AllegianceError as exc:
            print(f"Error: {exc}", file=__import__("sys").stderr)
            status = 1
    out, err = capsys.readouterr()
    return status, out, err


def test_parser_has_every_corpus_command() -> None:
    parser = argparse.ArgumentParser(prog="allegiance")
    add_corpus_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(
        ["ingest", "a", "b", "--workers", "2", "--rate", "0.5", "--no-robots", "--json"]
    )
    assert (args.sources, args.workers, args.rate, args.no_robots) == (["a", "b"], 2, 0.5, True)
    for argv in (
        ["entities"],
        ["merge", "1", "2"],
        ["split", "1", "X"],
        ["search", "q"],
        ["show", "3"],
    ):
        assert callable(parser.parse_args(argv).func)


def test_show_unknown_article_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = cli(capsys, "show", "42", "--db", str(tmp_path / "empty.sqlite"))
    assert status == 1 and out == ""
    assert err.startswith("Error: ") and "42" in err


def test_article_from_dict_round_trips_the_contract() -> None:
    from store_fixtures import musk_analysis

    data = musk_analysis()
    assert article_from_dict(data).as_dict() == data


# --- one ingested database ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    folder = write_articles(root / "in", ARTICLES)
    # One article with a URL, so `show URL` has something to find.
    lang, title, published, body = invented_article(20)
    (folder / "with-url.txt").write_text(
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {published}\n"
        f"url: {article_url(20)}\n---\n\n{body}\n",
        encoding="utf-8",
    )
    db = root / "db.sqlite"
    capsys_free = _run_main(["ingest", str(folder), "--db", str(db), "--workers", "0", "--json"])
    status, out = capsys_free
    assert status == 0
    summary = json.loads(out)
    assert (summary["ingested"], summary["errors"]) == (len(ARTICLES) + 1, 0)
    return db


def _run_main(argv: list[str]) -> tuple[int, str]:
    """For the module fixture (capsys is function-scoped): stdout captured by hand."""
    import contextlib
    import io

    parser = argparse.ArgumentParser(prog="allegiance")
    add_corpus_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(io.StringIO()):
        status = int(args.func(args))
    return status, buffer.getvalue()


def _bodies_with(db: Path, word: str) -> set[int]:
    with open_store(db) as store:
        ids = [h.article_id for h in store.search("", limit=100)]
        return {i for i in ids if word in store.get_analysis(i)["body"]}


@pytest.mark.model
def test_search_finds_inflected_and_unaccented_forms(
    corpus_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _bodies_with(corpus_db, "négociations")
    assert expected  # the invented articles do talk about negotiations
    status, out, _err = cli(capsys, "search", "negociation", "--db", str(corpus_db), "--json")
    assert status == 0
    assert {hit["id"] for hit in json.loads(out)} == expected
    # "critiquées" is in no article; its lemma "critiquer" is ("a vivement critiqué").
    criticised = _bodies_with(corpus_db, "a vivement critiqué")
    assert criticised
    status, out, _err = cli(capsys, "search", "critiquées", "--db", str(corpus_db), "--json")
    assert {hit["id"] for hit in json.loads(out)} == criticised
    status, out, _err = cli(
        capsys, "search", "critiquées", "--no-lemmas", "--db", str(corpus_db), "--json"
    )
    assert json.loads(out) == []  # the words alone do not match: the lemmas did
    status, out, _err = cli(
        capsys, "search", "negociation", "--db", str(corpus_db), "--until", "2025-01-07", "--json"
    )
    assert all(hit["published"] <= "2025-01-07" for hit in json.loads(out))
    status, out, _err = cli(capsys, "search", "negociation", "--db", str(corpus_db))
    assert "négociations" in out  # the text listing shows the snippet


@pytest.mark.model
def test_entities_and_show(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = cli(capsys, "entities", "--db", str(corpus_db), "--json", "--limit", "100")
    rows = json.loads(out)
    assert status == 0 and rows
    by_name = {r["name"]: r for r in rows}
    assert by_name["Camille Lefranc"]["mentions"] >= 2
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    status, out, _err = cli(capsys, "entities", "--db", str(corpus_db), "--query", "lefranc")
    assert "Camille Lefranc" in out and "Julien Moreau" not in out

    with open_store(corpus_db) as store:
        hit = store.search("", limit=1)[0]
        stored = store.get_analysis(hit.article_id)
    status, out, _err = cli(
        capsys, "show", str(hit.article_id), "--db", str(corpus_db), "--format", "json"
    )
    assert json.loads(out) == stored
    status, out, _err = cli(capsys, "show", str(hit.article_id), "--db", str(corpus_db))
    assert out.startswith(stored["article"]["title"])
    assert f"Entities ({len(stored['entities'])})" in out
    status, out, _err = cli(capsys, "show", article_url(20), "--db", str(corpus_db))
    assert status == 0 and out.startswith(invented_article(20)[1])


def _mentions(store: Store, article_id: int) -> list[tuple[str, int]]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT text, entity_id FROM mentions WHERE article_id = ?", (article_id,)
        ).all()
    return [(text, entity_id) for text, entity_id in rows]


@pytest.mark.model
def test_merge_and_split_survive_new_articles(
    corpus_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite"
    shutil.copy(corpus_db, db)
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "lefranc.txt").write_text(
        "---\ntitle: Vellane recrute\ndate: 2025-03-01\nlang: fr\n---\n\n"
        "Camille Lefranc a présenté mardi à Lyon le nouveau plan de Vellane.\n\n"
        "Selon Lefranc, l'entreprise embauchera 40 techniciens cette année.\n\n"
        "Julien Moreau a salué une décision courageuse devant les élus.\n",
        encoding="utf-8",
    )
    db_arg = ("--db", str(db))
    with open_store(db) as store:
        lefranc, moreau = store.entity("Camille Lefranc"), store.entity("Julien Moreau")
    status, out, _err = cli(capsys, "merge", "Camille Lefranc", "Julien Moreau", *db_arg)
    assert status == 0 and "merged Julien Moreau" in out
    status, out, err = cli(capsys, "ingest", str(folder), *db_arg, "--workers", "0", "--json")
    assert json.loads(out)["ingested"] == 1, err
    with open_store(db) as store:
        names = {r.name for r, _m, _a in store.entities(limit=500)}
        assert "Julien Moreau" not in names  # the new article's Moreau went to the kept entity
        (new_id,) = [h.article_id for h in store.search("recrute", limit=5)]
        rows = _mentions(store, new_id)
    assert ("Julien Moreau", lefranc.id) in rows
    assert moreau.id not in {e for _t, e in rows}

    status, out, _err = cli(capsys, "split", str(lefranc.id), "Julien Moreau", *db_arg)
    assert status == 0
    split_id = int(out.rsplit("#", 1)[1])
    (folder / "moreau.txt").write_text(
        "---\ntitle: Le retour de Julien Moreau\ndate: 2025-03-02\nlang: fr\n---\n\n"
        "Julien Moreau a annoncé jeudi à Nantes qu'il quittait la direction de Quarzis.\n\n"
        "Son successeur sera désigné par le conseil d'administration dans un mois.\n",
        encoding="utf-8",
    )
    status, out, err = cli(capsys, "ingest", str(folder), *db_arg, "--workers", "0", "--json")
    summary = json.loads(out)
    assert (summary["ingested"], summary["skipped"]) == (1, 1), err
    with open_store(db) as store:
        (moreau_article,) = [h.article_id for h in store.search("successeur", limit=5)]
        rows = _mentions(store, moreau_article)
    assert ("Julien Moreau", split_id) in rows  # the split holds for an article stored later
    assert lefranc.id not in {e for _t, e in rows}
