"""Round 12 (r12spk1): descriptions naming only a body, a role over a body's complement, and a
title repeated after a role-less actor. Invented sentences through the real French model."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _speakers(text: str) -> dict[str, str | None]:
    """Quote text (its first 20 characters) -> the speaker's entity id."""
    analysis = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return {
        q.text[:20]: (q.speaker.entity if q.speaker is not None else None) for q in analysis.quotes
    }


def test_body_in_parentheses_then_description_by_body() -> None:
    """``X (sp.a)`` then ``le président du sp.a`` / ``son homologue d'Ecolo``: the person the
    article tied to that body in parentheses."""
    spk = _speakers(
        "Le roi recevait mardi les négociateurs Julien Marchal (Ecolo) et Thomas Verbeke (sp.a). "
        "« Le dialogue est renoué », se sont félicités les deux hommes à la sortie. "
        "« Nous avons trouvé un terrain d'entente sur les retraites », a ajouté le président "
        "du sp.a. « La semaine a été éprouvante », a reconnu son homologue d'Ecolo."
    )
    assert spk["Nous avons trouvé un"] == "thomas-verbeke"
    assert spk["La semaine a été épr"] == "julien-marchal"


def test_body_description_guard_gender() -> None:
    """Guard: ``le président du sp.a`` is not the woman introduced as ``Sophie X (sp.a)``."""
    spk = _speakers(
        "Le roi recevait mardi les négociateurs Julien Marchal (Ecolo) et Sophie Verbeke (sp.a). "
        "« Nous avons trouvé un terrain d'entente », a ajouté le président du sp.a."
    )
    assert spk["Nous avons trouvé un"] != "sophie-verbeke"


def test_role_over_body_then_patron_of_body() -> None:
    """``le premier secrétaire du Parti socialiste, X`` then ``Le patron du PS``: X."""
    spk = _speakers(
        "Le premier secrétaire du Parti socialiste, Olivier Marchand, a répondu mardi à Jean "
        "Dufour. « La faute est évidente », dénonce Olivier Marchand. Le patron du PS le "
        "reconnaît : « il y a un désaccord »."
    )
    assert spk["il y a un désaccord"] == "olivier-marchand"


def test_spokesman_of_the_army_name_is_a_person() -> None:
    """``le porte-parole de l'armée X``: X is a person apposed to the role, so a later
    ``a-t-il ajouté`` goes on with X, not with the speaker quoted before."""
    spk = _speakers(
        "Le Front de libération a affirmé mardi avoir pris la ville. « Les soldats ont fui le "
        "village », a déclaré à la presse Karim Ousmane, un commandant du Front. L'armée a "
        "démenti ce bilan. « Ces chiffres sont faux », a déclaré le porte-parole de l'armée "
        "Al-Tayeb Moussa à la presse. « Les rebelles sont entrés dans le village », a-t-il ajouté."
    )
    assert spk["Ces chiffres sont fa"] == "al-tayeb-moussa"
    assert spk["Les rebelles sont en"] == "al-tayeb-moussa"


def test_title_taken_up_after_roleless_actor() -> None:
    """``le porte-parole du Kremlin, X`` quoted, then ``Pour M. X, M. Y cherche …`` (Y with no
    role), then ``Le porte-parole a affirmé``: X, the one quoted under that very title."""
    spk = _speakers(
        "« C'est absurde », a estimé le porte-parole du Kremlin, Dimitri Orlov. La semaine "
        "dernière, M. Kovalenko avait déclaré que Moscou visait deux ports. Pour M. Orlov, "
        "M. Kovalenko cherche à gagner en popularité. Le porte-parole a également affirmé que "
        "la Russie ne bloquait pas le trafic."
    )
    assert spk["la Russie ne bloquai"] == "dimitri-orlov"
