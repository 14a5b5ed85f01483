"""Creative Commons cues end to end (Page -> extract_terms), with the traps of real pages.

Every page here is invented: sites, names and wording are the tests' own.
"""
from __future__ import annotations

import json

from service.page import Page
from service.terms import extract_terms


def html(body: str, head: str = "", lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>T</title>{head}</head>'
            f"<body>{body}</body></html>")


def terms_of(body: str, head: str = "", url: str = "https://blog.example/2024/05/post") -> object:
    return extract_terms(Page(html(body, head), url))


ARTICLE = "<article class='post'><h1>Moss on old walls</h1><p>{}</p>{}</article>"
TEXT = "Moss grows slowly on the north side of the old walls of the town."


def test_rel_license_in_footer_is_the_site_licence():
    terms = terms_of(ARTICLE.format(TEXT, "") + '<footer><p>Text on this blog is licensed under a '
                     '<a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a> '
                     "licence.</p></footer>")
    assert terms.license.kind == "cc"
    assert terms.license.id == "CC-BY-SA-4.0"
    assert (terms.commercial_use, terms.derivatives, terms.share_alike) == ("allowed", "allowed", True)
    assert terms.scope == "site"
    assert terms.confidence == "high"
    assert {"credit-author", "license-notice", "link-to-license", "indicate-changes"} <= {d.type for d in terms.duties}
    assert any(e.signal == "rel=license" and "footer" in e.where for e in terms.evidence)


def test_unported_url_with_german_deed_beats_a_3_0_de_title():
    link = ('<a rel="license" href="https://creativecommons.org/licenses/by/3.0/deed.de" '
            'title="Creative Commons Namensnennung 3.0 DE Lizenz">Creative Commons Namensnennung 3.0 DE Lizenz</a>')
    terms = terms_of(ARTICLE.format(TEXT, "") + f"<footer><p>Diese Website ist lizenziert als {link}</p></footer>")
    assert terms.license.id == "CC-BY-3.0"
    assert terms.conflicts == ()


def test_version_less_statement_takes_the_version_only_from_its_link():
    terms = terms_of(ARTICLE.format(TEXT, '<div class="license"><a href="https://creativecommons.org/licenses/'
                                          'by-nc-nd/4.0/legalcode">LICENSED UNDER CC BY NC ND</a></div>'))
    assert terms.license.id == "CC-BY-NC-ND-4.0"
    assert terms.scope == "article"
    assert (terms.commercial_use, terms.derivatives) == ("prohibited", "prohibited")
    assert "indicate-changes" not in {d.type for d in terms.duties}


def test_version_less_statement_without_a_link_keeps_no_version():
    terms = terms_of(ARTICLE.format(TEXT, "<p class='rights'>This post is licensed under CC BY-NC.</p>"))
    assert terms.license.id == "CC-BY-NC"


def test_json_ld_license_on_the_article_node():
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Moss",
            "license": "https://creativecommons.org/licenses/by-nd/4.0/",
            "image": {"@type": "ImageObject", "url": "https://blog.example/m.jpg",
                      "license": "https://creativecommons.org/licenses/by-nc-sa/2.0/"}}
    terms = terms_of(ARTICLE.format(TEXT, ""), f'<script type="application/ld+json">{json.dumps(data)}</script>')
    assert terms.license.id == "CC-BY-ND-4.0"
    assert terms.scope == "article"
    assert any(e.signal == "json-ld:license" for e in terms.evidence)


def test_image_object_licence_alone_is_not_the_article_licence():
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "Moss"},
        {"@type": "ImageObject", "url": "https://blog.example/m.jpg",
         "license": "https://creativecommons.org/licenses/by/2.0/"}]}
    terms = terms_of(ARTICLE.format(TEXT, ""), f'<script type="application/ld+json">{json.dumps(data)}</script>')
    assert terms.license.kind == "none-found"
    assert (terms.commercial_use, terms.derivatives) == ("unknown", "unknown")


def test_photo_caption_licence_is_not_the_article_licence():
    caption = ('<figure><img src="/wall.jpg"><figcaption>The wall. Foto: Jo Birke '
               '<a rel="license" href="https://creativecommons.org/licenses/by/2.0/deed.de">CC BY 2.0</a>'
               "</figcaption></figure>")
    terms = terms_of(ARTICLE.format(TEXT, caption))
    assert terms.license.kind == "none-found"
    assert terms.set_aside and "(images) says CC-BY-2.0" in terms.set_aside[0]


def test_image_credit_lines_in_the_body_are_not_the_article_licence():
    credits = ('<p>Bildnachweise: Ahornblatt von Kim Weide <a href="https://creativecommons.org/licenses/by/2.0/">'
               "CC BY 2.0</a>, Eiche von Ola Rinde CC BY-SA 2.0</p>")
    assert terms_of(ARTICLE.format(TEXT, credits)).license.kind == "none-found"


def test_comment_licence_is_user_content_not_the_article():
    comments = ('<section id="comments"><p>Comments are licensed under '
                '<a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a></p>'
                "</section>")
    assert terms_of(ARTICLE.format(TEXT, "") + comments).license.kind == "none-found"


def test_user_contributions_statement_in_the_footer_is_not_the_post_licence():
    footer = ('<footer><p>Questions and answers: user contributions licensed under '
              '<a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">cc by-sa 4.0</a></p></footer>')
    assert terms_of(ARTICLE.format(TEXT, "") + footer).license.kind == "none-found"


def test_the_images_in_this_blog_statement_covers_images_only():
    footer = ('<footer><p>The images in this blog are available under '
              '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.</p></footer>')
    assert terms_of(ARTICLE.format(TEXT, "") + footer).license.kind == "none-found"


def test_article_licence_beats_the_site_footer_and_the_disagreement_is_reported():
    article = ARTICLE.format(TEXT, '<p class="license">This article is licensed under '
                                   '<a href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a>.</p>')
    footer = ('<footer><p>Except where otherwise noted, content on this site is licensed under a '
              '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution '
              "4.0 International license</a>.</p></footer>")
    terms = terms_of(article + footer)
    assert terms.license.id == "CC-BY-ND-4.0"
    assert terms.scope == "article"
    assert terms.derivatives == "prohibited"
    assert terms.conflicts and "CC-BY-4.0" in terms.conflicts[0]
    assert terms.confidence == "medium"


def test_except_where_otherwise_noted_is_site_wide():
    footer = ('<div class="site-bottom"><p>Except where otherwise noted, content on this site is licensed under a '
              "Creative Commons Attribution 4.0 International license.</p></div>")
    terms = terms_of(ARTICLE.format(TEXT, "") + footer)
    assert terms.license.id == "CC-BY-4.0"
    assert terms.scope == "site"


def test_conflicting_badge_and_text_at_the_same_level_lowers_confidence():
    widget = ('<aside class="widget"><a rel="license" href="https://creativecommons.org/licenses/by-nc/3.0/de/">'
              '<img src="/88x31.png" alt="Creative Commons Lizenzvertrag"></a>'
              "<p>Alle Texte stehen unter CC BY-SA 3.0 DE.</p></aside>")
    terms = terms_of(ARTICLE.format(TEXT, "") + widget)
    assert terms.license.id == "CC-BY-NC-3.0-DE"  # the badge's URL outweighs a sentence
    assert terms.conflicts
    assert terms.confidence == "low"


def test_a_badge_image_in_the_sidebar_declares_the_site_licence():
    widget = ('<aside class="widget"><a href="http://creativecommons.org/licenses/by-nc-sa/3.0">'
              '<img src="/cc.png" alt="creative commons license"></a></aside>')
    assert terms_of(ARTICLE.format(TEXT, "") + widget).license.id == "CC-BY-NC-SA-3.0"


def test_a_licence_discussed_in_the_article_is_not_its_licence():
    body = ("<p>Many photographers on the big photo sites choose "
            '<a href="https://creativecommons.org/licenses/by-nc/2.0/">CC BY-NC 2.0</a> for their pictures, '
            "while others keep every right. Which one suits a small archive depends on what it wants.</p>")
    assert terms_of(ARTICLE.format(TEXT, body)).license.kind == "none-found"


def test_a_quoted_licence_is_not_the_article_licence():
    quote = "<blockquote><p>Our photos are licensed under CC BY-ND 2.0, said the agency.</p></blockquote>"
    assert terms_of(ARTICLE.format(TEXT, quote)).license.kind == "none-found"


def test_javascript_library_licence_in_the_page_is_noise():
    script = '<script>var pkg = {"name": "fetchy", "license": "MIT", "version": "1.2.0"};</script>'
    data = '<script type="application/ld+json">{"@type": "SoftwareSourceCode", "license": "MIT"}</script>'
    assert terms_of(ARTICLE.format(TEXT, script), data).license.kind == "none-found"


def test_german_statement_with_port_and_no_link():
    footer = ("<footer><p>Dieses Werk steht unter einer Creative Commons Namensnennung - Keine kommerzielle "
              "Nutzung - Keine Bearbeitung 3.0 Deutschland Lizenz.</p></footer>")
    terms = terms_of(ARTICLE.format(TEXT, "") + footer)
    assert terms.license.id == "CC-BY-NC-ND-3.0-DE"
    assert (terms.commercial_use, terms.derivatives) == ("prohibited", "prohibited")


def test_spanish_statement():
    footer = ("<footer><p>Esta obra está bajo una licencia Creative Commons Reconocimiento-CompartirIgual 4.0 "
              "Internacional.</p></footer>")
    terms = terms_of(ARTICLE.format(TEXT, "") + footer)
    assert terms.license.id == "CC-BY-SA-4.0"
    assert terms.share_alike is True


def test_french_statement_with_link():
    footer = ('<footer><p>Ce contenu est mis à disposition sous licence <a href="https://creativecommons.org/'
              'licenses/by-nc/4.0/deed.fr">Creative Commons Attribution - Pas d’Utilisation Commerciale 4.0 '
              "International</a>.</p></footer>")
    assert terms_of(ARTICLE.format(TEXT, "") + footer).license.id == "CC-BY-NC-4.0"


def test_italian_statement_with_port():
    footer = ("<footer><p>Quest'opera è distribuita con Licenza Creative Commons Attribuzione - Non commerciale"
              " 3.0 Italia.</p></footer>")
    assert terms_of(ARTICLE.format(TEXT, "") + footer).license.id == "CC-BY-NC-3.0-IT"


def test_swiss_port_from_the_url():
    footer = ('<footer><a rel="license" href="https://creativecommons.org/licenses/by-sa/2.5/ch/">'
              "<img src='/b.png' alt='CC'></a></footer>")
    assert terms_of(ARTICLE.format(TEXT, "") + footer).license.id == "CC-BY-SA-2.5-CH"


def test_head_link_rel_license_and_meta_rights():
    head = '<link rel="license" href="https://creativecommons.org/publicdomain/zero/1.0/">'
    terms = terms_of(ARTICLE.format(TEXT, ""), head)
    assert terms.license.kind == "public-domain"
    assert terms.license.id == "CC0-1.0"
    assert terms.duties == ()
    meta = '<meta name="dcterms.license" content="https://creativecommons.org/licenses/by/4.0/">'
    assert terms_of(ARTICLE.format(TEXT, ""), meta).license.id == "CC-BY-4.0"


def test_microdata_license():
    body = ('<div itemscope itemtype="https://schema.org/BlogPosting"><p>Moss</p>'
            '<a itemprop="license" href="https://creativecommons.org/licenses/by-nc-sa/4.0/">Licence</a></div>')
    assert terms_of(body).license.id == "CC-BY-NC-SA-4.0"


def test_rdfa_and_cc_rel_variants_mark_the_licence():
    footer = ('<footer><a property="dct:license" href="https://creativecommons.org/licenses/by-sa/4.0/">'
              "<img src='/b.png' alt='CC BY-SA'></a></footer>")
    terms = terms_of(ARTICLE.format(TEXT, "") + footer)
    assert terms.license.id == "CC-BY-SA-4.0"
    assert any(e.signal == "rel=license" for e in terms.evidence)


def test_portuguese_statement():
    footer = ("<footer><p>Este trabalho está licenciado sob uma Licença Creative Commons Atribuição 4.0 "
              "Internacional.</p></footer>")
    assert terms_of(ARTICLE.format(TEXT, "") + footer).license.id == "CC-BY-4.0"


def test_a_work_declared_public_domain_in_words():
    footer = "<footer><p>This article is a work of the city government and is in the public domain.</p></footer>"
    terms = terms_of(ARTICLE.format(TEXT, "") + footer)
    assert (terms.license.kind, terms.license.id) == ("public-domain", None)
    assert (terms.commercial_use, terms.derivatives) == ("allowed", "allowed")
    german = "<footer><p>Alle Texte dieser Seite sind gemeinfrei.</p></footer>"
    assert terms_of(ARTICLE.format(TEXT, "") + german).license.kind == "public-domain"


def test_public_domain_material_in_a_fair_use_notice_is_not_a_declaration():
    notice = ("<footer><p>Some material quoted here may be in the public domain or used under fair use; "
              "ask its owner.</p></footer>")
    assert terms_of(ARTICLE.format(TEXT, "") + notice).license.kind == "none-found"


def test_an_image_credit_with_a_bare_licence_name_is_not_a_site_label():
    form = '<form class="signup"><p>We never share your address. Image CC BY (Ana Pinho).</p></form>'
    footer = '<footer><p>Icons CC BY-SA 4.0 Tom Lind</p></footer>'
    assert terms_of(ARTICLE.format(TEXT, "") + form + footer).license.kind == "none-found"


def test_rel_license_to_the_publishers_own_page_is_a_lead_to_follow():
    footer = '<footer><p>© 2024 Jo Birke. <a rel="license" href="/about/licence">Reuse</a></p></footer>'
    terms = terms_of(ARTICLE.format(TEXT, "") + footer)
    assert "https://blog.example/about/licence" in terms.follow_up


def test_republished_under_an_unnamed_creative_commons_licence():
    note = ("<p class='republish-note'>This article is republished from The Daily Beacon under a Creative "
            "Commons license. Read the original article.</p>")
    terms = terms_of(ARTICLE.format(TEXT, note))
    assert (terms.license.kind, terms.license.id) == ("cc", None)  # never invent which licence
    assert (terms.commercial_use, terms.derivatives) == ("unknown", "unknown")
    assert "credit-author" in {d.type for d in terms.duties}
    linked = note.replace("Creative Commons license", '<a href="https://creativecommons.org/licenses/by-nd/4.0/">'
                                                      "Creative Commons license</a>")
    assert terms_of(ARTICLE.format(TEXT, linked)).license.id == "CC-BY-ND-4.0"


def test_a_creative_commons_licence_discussed_is_not_stated():
    body = "<p>What a Creative Commons license allows is often misunderstood by photographers.</p>"
    assert terms_of(ARTICLE.format(TEXT, body)).license.kind == "none-found"


def test_photo_by_credit_line_is_an_image_licence():
    credit = "<p class='small'>Header photo by Ana Pinho, licensed under CC BY 2.0.</p>"
    assert terms_of(ARTICLE.format(TEXT, credit)).license.kind == "none-found"


def test_json_ld_licence_pointing_to_the_publishers_page_is_followed_up():
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "license": "/reuse-policy"}
    terms = terms_of(ARTICLE.format(TEXT, ""), f'<script type="application/ld+json">{json.dumps(data)}</script>')
    assert terms.license.kind == "none-found"
    assert terms.follow_up == ("https://blog.example/reuse-policy",)


def test_unnamed_cc_licence_for_non_commercial_use_keeps_the_nc_it_states():
    footer = ("<footer><p>Original content available for non-commercial use under a Creative Commons license, "
              "except where noted.</p></footer>")
    terms = terms_of(ARTICLE.format(TEXT, "") + footer)
    assert (terms.license.kind, terms.license.id) == ("cc", None)
    assert (terms.commercial_use, terms.derivatives) == ("prohibited", "unknown")
