from allegiance.clean.markdown import strip_inline_markdown


def test_links_keep_their_words_only() -> None:
    text = "President [Donald Trump](https://www.reuters.com/world/us/(x)) said on [Tuesday][1]."
    assert strip_inline_markdown(text) == "President Donald Trump said on Tuesday."


def test_images_emphasis_and_headings_go() -> None:
    text = "## Big news\n![a photo](https://x/y.jpg) **Musk** sued OpenAI <https://a.b/c>"
    assert strip_inline_markdown(text) == "Big news\n Musk sued OpenAI https://a.b/c"


def test_plain_text_is_untouched() -> None:
    text = "Le 5 * 3 n'est pas un lien [sic], ni un titre # ici."
    assert strip_inline_markdown(text) == text
