"""The curated public API: what `import allegiance` promises, pinned."""

import allegiance
from allegiance import errors


def test_public_names_are_pinned() -> None:
    assert sorted(allegiance.__all__) == sorted(
        [
            "AllegianceError",
            "Amount",
            "Article",
            "ArticleMeta",
            "DateMention",
            "Entity",
            "Event",
            "Mention",
            "Quote",
            "Speaker",
            "State",
            "Target",
            "__version__",
            "analyze",
            "analyze_path",
        ]
    )
    for name in allegiance.__all__:
        assert hasattr(allegiance, name), name


def test_every_error_derives_from_one_base_and_has_a_unique_code() -> None:
    classes = [getattr(errors, n) for n in errors.__all__]
    assert all(issubclass(c, errors.AllegianceError) for c in classes)
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))


def test_error_message_names_the_file_and_the_code() -> None:
    err = errors.EmptyInputError("the input is empty", path="a.txt")
    assert str(err) == "a.txt: the input is empty [E012]"
