"""What a terms cue covers, read from where it sits on the page and from the words around it.

A licence in a photo caption covers the photo; one in the comments covers the comments; one in the
footer or sidebar covers the site; one inside the article covers the article. Words can narrow or
widen that: "user contributions licensed under", "the images in this blog", "except where otherwise
noted, content on this site". Every finder asks here, so the scope rules live in one place.
"""
from __future__ import annotations

import re
from typing import Any

# class/id tokens of containers whose content is a picture's caption or credit.
IMAGE_CONTAINER = re.compile(r"caption|credit|media-licen|bildnachweis|bildquelle|image-licen|photo-licen"
                             r"|copyright-image|img-copyright|foto-?credit", re.IGNORECASE)
IMAGE_TAGS = frozenset({"figure", "figcaption", "picture"})
# Quotations carry someone else's words, terms included.
QUOTE_TAGS = frozenset({"blockquote", "q"})
# class/id tokens of reader comment sections.
COMMENT_CONTAINER = re.compile(r"^(?:comments?|comment-.*|.*-comments?|commentlist|kommentare?.*|disqus.*"
                               r"|respond|reply|replies|discussion|user-content)$", re.IGNORECASE)
# class/id tokens of site-wide regions.
SITE_CONTAINER = re.compile(r"^(?:footer|site-footer|page-footer|global-footer|colophon|site-info|sidebar.*"
                            r"|widget.*|secondary|footer-.*|.*-footer-.*|.*_footer|.*-footer|impressum|seitenfu(?:ss|ß).*"
                            r"|fusszeile|pie-?de-?pagina|pied-?de-?page|piede.*)$",
                            re.IGNORECASE)
SITE_TAGS = frozenset({"footer", "aside", "nav"})
# class/id tokens (or tags) of the article itself.
ARTICLE_CONTAINER = re.compile(r"^(?:post|hentry|type-post|entry|entry-content|post-content|post-body|"
                               r"article|article-body|article-content|articlebody|story|story-body|"
                               r"single-post|postfooter.*|post-footer|entry-footer|entry-meta)$", re.IGNORECASE)
ARTICLE_TAGS = frozenset({"article"})
MAX_DEPTH = 40

# Words that narrow a statement to what it covers (EN, DE, ES, FR, IT; lower case).
USER_CONTENT_WORDS = re.compile(
    r"user contributions|user[- ]generated|user content|contributions of (?:our )?users|reader comments|"
    r"nutzerbeitr|nutzerinhalte|leserbeitr|leserkommentare|contribuciones de (?:los )?usuarios|"
    r"contributions des utilisateurs|contenus? des utilisateurs|contributi degli utenti", re.IGNORECASE)
# Bare "comments": user content only when the statement names nothing else it covers.
COMMENT_WORDS = re.compile(r"\b(?:comments|kommentare|comentarios|commentaires|commenti)\b", re.IGNORECASE)
IMAGE_WORDS = re.compile(
    r"^(?:foto|photo|bild|image|imagen|immagine|fotografía|picture|grafik|illustration)s?\b\s*[:/]|"
    r"\b(?:the )?(?:images|photos|pictures|photographs) (?:in|on|of) this|\b(?:alle )?(?:bilder|fotos) "
    r"(?:in|auf|dieses|dieser)|\blas (?:imágenes|fotos|fotografías)\b|\bles (?:images|photos)\b|"
    r"\ble (?:immagini|foto)\b|\bphoto(?:graph)?:|\bfoto:|\bbild:|\bimage:|bildnachweis|bildquelle|"
    r"(?:image|photo|picture) credits?|crédits? photo|créditos? (?:de )?(?:las )?(?:imagen|foto)|"
    r"crediti (?:fotografici|immagini)|"
    r"^(?:all |the |alle |die |las |les |le )?(?:images|photos|pictures|photographs|bilder|fotos|imágenes|"
    r"immagini)\b|wikimedia commons|\bflickr\b|\bown work\b|eigenes werk|header ?image|headerbild|"
    r"titelbild|beitragsbild|aufmacherbild|\bvia unsplash\b|"
    r"\b(?:image|photo|foto|bild|picture|icon|illustration|grafik|logo)s?\s+(?:cc\b|creative commons)|"
    r"\b(?:header |cover |title |lead )?(?:image|photo|foto|bild|picture|illustration)s?\s+(?:by|von|de|di|par)\s",
    re.IGNORECASE)
TEXT_WORDS = re.compile(r"\b(?:text|texte|texts|textos|testi|content|contents|inhalte|contenido|contenu|"
                        r"contenuti|articles?|artikel|beiträge|posts?|werk|work)\b",
                        re.IGNORECASE)
SITE_WORDS = re.compile(
    r"except where otherwise noted|unless otherwise (?:noted|stated|indicated)|content on this (?:site|website)|"
    r"this (?:site|website|blog)|soweit nicht anders|sofern nicht anders|diese[rs]? (?:website|seite|blog)|"
    r"alle (?:texte|inhalte|beiträge)|die von uns verfassten|salvo (?:indicación|que se indique)|"
    r"este (?:sitio|blog)|sauf mention contraire|ce (?:site|blog)|salvo (?:diversa )?indicazione|"
    r"questo (?:sito|blog)|all (?:content|articles|posts|texts)", re.IGNORECASE)


def _tokens(element: Any) -> list[str]:
    return (element.get("class", "") + " " + element.get("id", "")).split()


def placement(element: Any) -> str:
    """Scope from where an element sits: images, user-content, quoted, article, site or page (undecided)."""
    region = None
    node = element
    depth = 0
    while node is not None and depth < MAX_DEPTH and isinstance(node.tag, str) and node.tag not in {"body", "html"}:
        tokens = _tokens(node)
        if node.tag in IMAGE_TAGS or any(IMAGE_CONTAINER.search(t) for t in tokens):
            return "images"
        if any(COMMENT_CONTAINER.match(t) for t in tokens):
            return "user-content"
        if node.tag in QUOTE_TAGS:
            return "quoted"
        if region is None:
            if node.tag in ARTICLE_TAGS or node.get("itemprop") == "articleBody" or any(
                    ARTICLE_CONTAINER.match(t) for t in tokens):
                region = "article"
            elif node.tag in SITE_TAGS or any(SITE_CONTAINER.match(t) for t in tokens):
                region = "site-candidate"
        elif region == "site-candidate" and (node.tag in ARTICLE_TAGS or any(
                ARTICLE_CONTAINER.match(t) for t in tokens)):
            region = "article"  # an entry footer or aside inside the article still belongs to it
        node = node.getparent()
        depth += 1
    if element.tag in {"link", "meta"} and region is None:
        return "article"  # document-level markup describes the page itself
    if region is None:
        return "page"
    return "site" if region == "site-candidate" else region


def from_words(text: str) -> str | None:
    """Scope the wording itself declares, or None when it says nothing about it."""
    if USER_CONTENT_WORDS.search(text):
        return "user-content"
    comment = COMMENT_WORDS.search(text)
    if comment and not TEXT_WORDS.search(text[:comment.start()] + text[comment.end():]):
        return "user-content"
    image = IMAGE_WORDS.search(text)
    if image and not TEXT_WORDS.search(text[:image.start()] + text[image.end():]):
        return "images"
    if SITE_WORDS.search(text):
        return "site"
    return None


def scope_of(element: Any, text: str) -> str:
    """The scope of a cue: placement first for captions and comments, then the words, then placement."""
    placed = placement(element) if element is not None else "page"
    if placed in {"images", "user-content", "quoted"}:
        return placed
    worded = from_words(text)
    if worded is not None:
        return worded
    return placed
