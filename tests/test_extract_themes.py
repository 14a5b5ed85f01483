"""Themes: declared by labels, JSON-LD, meta tags and category links, else inferred from the lead."""
from __future__ import annotations

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
