"""Themes: declared by labels, JSON-LD, meta tags and category links, else inferred from the lead."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import lead, taxonomy, themes
from service.page import Page

LONG = " The council will publish its full report with figures and maps next month."


def found(body: str, head: str = "", title: str = "", description: str = ""):
    page = Page(f"<html><head>{head}</head><body>{body}</body></html>", "https://news.example/2024/a")
    labelled = taxonomy.extract(page)
    result = themes.extract(page, labelled.value if labelled else {}, lead.of(page, title, description))
    return ([(t.name, t.source) for t in result.value], result.rule) if result else ([], None)


def test_theme_label_wins_over_category_label_and_metadata():
    head = '<meta property="article:section" content="News">'
    body = "<article><p>Category: Local</p><p>Theme: Energy, Climate</p></article>"
    assert found(body, head) == ([("Energy", "declared"), ("Climate", "declared")], "text:label:Theme")


def test_category_label():
    assert found("<article><p>Kategorien: Umwelt, Verkehr</p></article>") == (
        [("Umwelt", "declared"), ("Verkehr", "declared")], "text:label:Kategorien")


def test_jsonld_article_section_then_meta_section():
    head = '<script type="application/ld+json">{"@type": "Article", "articleSection": ["Science", "Oceans"]}</script>'
    assert found("", head) == ([("Science", "declared"), ("Oceans", "declared")], "json-ld:articleSection")
    assert found("", '<meta property="article:section" content="Sport">') == (
        [("Sport", "declared")], "meta:article:section")


def test_category_links_in_the_article_but_not_a_site_menu():
    body = """<nav><a href="/category/a">A</a><a href="/category/b">B</a></nav>
    <article><p>In <a rel="category tag" href="/category/harbours">Harbours</a> today.</p></article>"""
    assert found(body) == ([("Harbours", "declared")], "link:category")
    menu = "".join(f'<a href="/category/c{i}">Cat {i}</a> ' for i in range(12))
    assert found(f"<div class='links'>{menu}</div>") == ([], None)


def test_inferred_from_title_and_lead_keywords():
    body = "<p>Emissions from shipping rose again while the climate talks stalled." + LONG + "</p>"
    names, rule = found(body, title="Climate deal for ports falls apart")
    assert rule == "inferred:title+lead"
    assert names[0] == ("Environment", "inferred")


def test_keywords_only_deep_in_the_body_infer_nothing():
    paragraphs = "".join(f"<p>Paragraph {i} on the timetable of the harbour ferries." + LONG + "</p>"
                         for i in range(3))
    body = paragraphs + "<p>Terrorism, jihadists, ISIS, NATO airstrikes and nuclear weapons." + LONG + "</p>"
    assert found(body, title="New ferry timetable") == ([], None)


def test_configured_theme_vocabulary_file(make_app, tmp_path):
    custom = tmp_path / "themes.yaml"
    custom.write_text("themes:\n  - name: Maritime\n    keywords: [ferry, ferries, harbour*]\n", encoding="utf-8")
    client = make_app(THEMES_FILE=str(custom)).test_client()
    page = ("<html><body><h1>Ferries stop as harbour workers strike</h1>"
            "<p>No ferry left the harbours on Monday." + LONG + "</p></body></html>")
    metadata = client.post("/v1/extract", json={"html": page}).get_json()["metadata"]
    assert metadata["themes"] == [{"name": "Maritime", "source": "inferred"}]


def test_comma_joined_sections_are_split_and_escaped_entities_read():
    head = '<script type="application/ld+json">{"@type": "Article", "articleSection": "Ports,Natur &amp; Umwelt"}</script>'
    assert found("", head) == ([("Ports", "declared"), ("Natur & Umwelt", "declared")], "json-ld:articleSection")


def test_plain_text_values_split_at_commas_are_rejoined_into_vocabulary_names():
    assert found("<div>Theme: Culture, Society &amp; History, Terrorism</div>") == (
        [("Culture, Society & History", "declared"), ("Terrorism", "declared")], "text:label:Theme")


def _walk_every_word(vocab: themes.ThemeVocabulary, text: str) -> Counter[str]:
    """The plain count count stands for: every word of text, casefolded, tried in turn."""
    words = [w.casefold() for w in themes.WORD.findall(text)]
    stem_words = [(stem, theme) for found in vocab.stems.values() for stem, theme in found]
    hits: Counter[str] = Counter()
    i = 0
    while i < len(words):
        width, theme = 1, None
        if words[i] in vocab.first_words or words[i][:themes.STEM_INDEX_CHARS] in vocab.stems:
            phrases = [(w, vocab.phrases.get(tuple(words[i:i + w]))) for w in range(len(words) - i, 0, -1)]
            stems = [(len(stem), theme) for stem, theme in stem_words
                     if stem[0][:themes.STEM_INDEX_CHARS] == words[i][:themes.STEM_INDEX_CHARS]
                     and tuple(words[i:i + len(stem) - 1]) == stem[:-1] and i + len(stem) <= len(words)
                     and words[i + len(stem) - 1].startswith(stem[-1])]
            width, theme = next(((w, t) for w, t in phrases + stems if t), (1, None))
        if theme:
            hits[theme] += 1
        i += width
    return hits


KEYWORD_PARTS = ("terrorist", "Terroranschlag", "suicide", "bomber", "World", "War", "II", "cold", "war", "crimes",
                 "US-led", "Nato-Gipfel", "coalition", "oil", "soil", "Straße", "Impfstoff", "Wirtschaftskrise")
SEPARATORS = (" ", "\n", "-", "'", "’", "--", "_", "1", ", ", "ß", "İ", "ﬁ", "Σ", "\ud800")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KEYWORD_PARTS), st.sampled_from(SEPARATORS),
                          st.sampled_from((str, str.upper, str.title))), max_size=12))
def test_keyword_count_finds_what_a_walk_over_every_word_finds(parts) -> None:
    text = "".join(case(word) + separator for word, separator, case in parts)
    vocab = themes.vocabulary()
    assert vocab.count(text) == _walk_every_word(vocab, text)


def test_folding_changes_the_kind_of_a_character_only_where_the_count_reads_the_text_unfolded() -> None:
    def kind(char: str) -> str:
        return "joiner" if char in "'’-" else "word" if themes.WORD_CHAR.match(char) else "other"

    for char in map(chr, range(0x110000)):
        folded = char.casefold()
        if folded != char and not themes.FOLDS_TO_A_MARK.match(char):
            assert {kind(c) for c in folded} == {kind(char)} and (kind(char) != "joiner" or folded == char), char


def test_category_links_to_dated_archives_or_to_the_article_itself_are_no_themes():
    body = """<article><p><a rel="category tag" href="/category/essays">Essays</a></p>
    <p><a href="/category/focus/fiscal-union">9-19 December 2011</a>: the first symposium.</p>
    <p><a href="/category/ferry-strike">Ferry strike ends</a></p></article>"""
    assert found(body, title="Ferry strike ends") == ([("Essays", "declared")], "link:category")
