"""The visible-text rules in the languages a European newsroom meets after English, German, French,
Spanish and Italian: Portuguese, Dutch, Polish, Czech, Swedish, Danish, Norwegian, Turkish, Russian.

Every page here is invented and has no meta tags and no JSON-LD: the byline, the date line, the
labelled terms, the credit line and the copyright notice the reader sees must do all the work.
"""
from __future__ import annotations

import pytest

from service.extract import authors, copyright, dates, extract_metadata, source, tags, taxonomy
from service.page import Page

PROSE = {
    "pt": "O novo cais do porto de pesca vai abrir no próximo mês, segundo a câmara municipal da cidade.",
    "nl": "De nieuwe vissershaven gaat volgende maand open, zegt de gemeente in een verklaring.",
    "pl": "Nowy port rybacki zostanie otwarty w przyszłym miesiącu, poinformował urząd miasta.",
    "cs": "Nový rybářský přístav se otevře příští měsíc, oznámila radnice v tiskové zprávě.",
    "sv": "Den nya fiskehamnen öppnar nästa månad, meddelar kommunen i ett pressmeddelande.",
    "da": "Den nye fiskerihavn åbner i næste måned, oplyser kommunen i en pressemeddelelse.",
    "no": "Den nye fiskerihavna åpner neste måned, opplyser kommunen i en pressemelding.",
    "tr": "Yeni balıkçı limanı gelecek ay açılacak, belediye yaptığı açıklamada duyurdu.",
    "ru": "Новый рыболовный порт откроется в следующем месяце, сообщили в мэрии города.",
}


def article(lang: str, *lines: str, footer: str = "") -> Page:
    """An article page of plain markup: headline, the given lines (each a <p> unless markup), prose."""
    parts = [line if line.startswith("<") else f"<p>{line}</p>" for line in lines]
    body = (f"<article><h1>Harbour news</h1>{''.join(parts)}{f'<p>{PROSE[lang]}</p>' * 3}</article>"
            f"{f'<footer><p>{footer}</p></footer>' if footer else ''}")
    return Page(f"<html><body>{body}</body></html>", f"https://www.harbour-{lang}.example/news/new-harbour")


def names(page: Page) -> list[str]:
    found = authors.extract(page)
    return [author.name for author in found.value] if found else []


# -- bylines -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "line", "expected"), [
    ("pt", "Por Ana Souza em 3 de março de 2024", ["Ana Souza"]),
    ("pt", "Texto: Ana Souza", ["Ana Souza"]),
    ("nl", "Door Jan de Vries op 3 maart 2024", ["Jan de Vries"]),
    ("nl", "Door ANP", ["ANP"]),
    ("pl", "Autorka: Anna Nowak", ["Anna Nowak"]),
    ("pl", "Tekst: Jan Kowalski, dziennikarz", ["Jan Kowalski"]),
    ("cs", "Autorka: Jana Nováková", ["Jana Nováková"]),
    ("sv", "Av Anna Berg", ["Anna Berg"]),
    ("sv", "Av Anna Berg, TT", ["Anna Berg"]),
    ("da", "Af Lars Holm Jensen", ["Lars Holm Jensen"]),
    ("da", "Af Ritzau", ["Ritzau"]),
    ("no", "Skrevet av Kari Nordmann den 3. mars 2024", ["Kari Nordmann"]),
    ("tr", "Yazar: Ahmet Yılmaz", ["Ahmet Yılmaz"]),
    ("ru", "Текст: Иван Петров / ТАСС", ["Иван Петров"]),
])
def test_a_visible_byline_names_the_authors(lang: str, line: str, expected: list[str]) -> None:
    assert names(article(lang, line)) == expected


@pytest.mark.parametrize(("lang", "markup", "expected"), [
    ("nl", '<div class="artikel-auteur">Jan de Vries</div>', ["Jan de Vries"]),
    ("da", '<div class="artikel__forfatter"><a href="/forfatter/lars-holm">Lars Holm</a></div>', ["Lars Holm"]),
    ("sv", '<span class="skribent-namn">Anna Berg</span>', ["Anna Berg"]),
])
def test_an_element_named_for_the_writer_in_the_page_language_is_a_byline(lang: str, markup: str,
                                                                           expected: list[str]) -> None:
    assert names(article(lang, markup)) == expected


@pytest.mark.parametrize("line", ["AV Equipment Rental", "AF Global Strike Command", "Av de 300 deltagarna"])
def test_av_and_af_open_no_byline_in_capitals_or_before_lower_case_words(line: str) -> None:
    assert names(article("sv", line)) == []


# -- date lines --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "published_line", "updated_line", "published", "modified"), [
    ("pt", "Publicado em 3 de março de 2024, às 14h05", "Atualizado em 4 de março de 2024",
     "2024-03-03T14:05:00", "2024-03-04"),
    ("nl", "Gepubliceerd op 3 maart 2024 om 14:05", "Bijgewerkt op 4 mrt 2024", "2024-03-03T14:05:00", "2024-03-04"),
    ("pl", "Opublikowano: 03.03.2024, 14:05", "Aktualizacja: 04.03.2024, 09:10",
     "2024-03-03T14:05:00", "2024-03-04T09:10:00"),
    ("cs", "Publikováno: 3. 3. 2024 14:05", "Aktualizováno: 4. 3. 2024 9:10",
     "2024-03-03T14:05:00", "2024-03-04T09:10:00"),
    ("sv", "Publicerad 3 mars 2024 kl. 14.05", "Uppdaterad 4 mars 2024 kl. 09.10",
     "2024-03-03T14:05:00", "2024-03-04T09:10:00"),
    ("da", "Publiceret 3. marts 2024 kl. 14.05", "Opdateret 4. marts 2024", "2024-03-03T14:05:00", "2024-03-04"),
    ("no", "Publisert 3. desember 2023 kl. 14.05", "Oppdatert 4. des. 2023", "2023-12-03T14:05:00", "2023-12-04"),
    ("tr", "Yayınlanma: 03.03.2024 14:05", "Güncelleme: 04.03.2024 09:10",
     "2024-03-03T14:05:00", "2024-03-04T09:10:00"),
    ("ru", "Опубликовано: 3 марта 2024, 14:05", "Обновлено: 4 марта 2024 в 09:10",
     "2024-03-03T14:05:00", "2024-03-04T09:10:00"),
])
def test_visible_date_lines_give_the_publication_and_the_update(lang: str, published_line: str, updated_line: str,
                                                                 published: str, modified: str) -> None:
    page = article(lang, "Ana Souza", published_line, updated_line)
    found_published, found_modified = dates.published(page), dates.modified(page)
    assert (found_published.value if found_published else None) == published
    assert (found_modified.value if found_modified else None) == modified


# -- labelled terms ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "line", "label", "values"), [
    ("pt", "Palavras-chave: Porto, Pesca, Obras públicas", "Palavras-chave", ["Porto", "Pesca", "Obras públicas"]),
    ("nl", "Trefwoorden: Haven, Visserij", "Trefwoorden", ["Haven", "Visserij"]),
    ("pl", "Tagi: port, rybołówstwo", "Tagi", ["port", "rybołówstwo"]),
    ("cs", "Štítky: přístav, rybolov", "Štítky", ["přístav", "rybolov"]),
    ("sv", "Taggar: Hamn, Fiske", "Taggar", ["Hamn", "Fiske"]),
    ("da", "Emner: Havn, Fiskeri", "Emner", ["Havn", "Fiskeri"]),
    ("no", "Stikkord: Havn, Fiske", "Stikkord", ["Havn", "Fiske"]),
    ("tr", "Etiketler: liman, balıkçılık", "Etiketler", ["liman", "balıkçılık"]),
    ("ru", "Метки: порт, рыболовство", "Метки", ["порт", "рыболовство"]),
])
def test_a_labelled_line_of_terms_is_a_taxonomy(lang: str, line: str, label: str, values: list[str]) -> None:
    found = taxonomy.extract(article(lang, line))
    assert found is not None and found.value == {label: values}


@pytest.mark.parametrize(("lang", "line", "section"), [
    ("pt", "Editoria: Economia", "Economia"),
    ("nl", "Rubriek: Binnenland", "Binnenland"),
    ("cs", "Rubrika: Domácí", "Domácí"),
    ("ru", "Рубрика: Общество", "Общество"),
])
def test_a_labelled_section_is_the_section(lang: str, line: str, section: str) -> None:
    assert extract_metadata(article(lang, line)).metadata.section == section


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("pl", "Tematy: port, rybołówstwo", ("port", "rybołówstwo")),
    ("nl", "Trefwoorden: haven, visserij", ("haven", "visserij")),
    ("ru", "Теги: порт, рыболовство", ("порт", "рыболовство")),
])
def test_a_tag_list_marked_by_class_loses_its_label(lang: str, text: str, expected: tuple[str, ...]) -> None:
    found = tags.extract(article(lang, f'<div class="tags">{text}</div>'))
    assert found is not None and found.value == expected


@pytest.mark.parametrize(("lang", "css_class"), [("nl", "artikel-trefwoorden"), ("tr", "haber-etiketler"),
                                                 ("no", "artikkel-stikkord"), ("sv", "artikel-nyckelord")])
def test_a_tag_list_classed_in_the_page_language_gives_its_links(lang: str, css_class: str) -> None:
    markup = f'<ul class="{css_class}"><li><a href="/t/haven">Haven</a></li><li><a href="/t/vis">Visserij</a></li></ul>'
    found = tags.extract(article(lang, markup))
    assert found is not None and found.value == ("Haven", "Visserij")


@pytest.mark.parametrize("lang", ["pl", "sv", "ru"])
def test_a_source_or_author_label_is_no_taxonomy_even_in_a_run_of_them(lang: str) -> None:
    run = {"pl": ("Tagi: port", "Kategoria: Wiadomości", "Źródło: Kurier Morski"),
           "sv": ("Taggar: hamn", "Kategori: Nyheter", "Källa: Hamnbladet"),
           "ru": ("Теги: порт", "Категория: Новости", "Источник: Морские новости")}[lang]
    found = taxonomy.extract(article(lang, "<p>" + "<br>".join(run) + "</p>"))
    assert found is not None and len(found.value) == 2


# -- credit lines ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "line", "name"), [
    ("pt", "Publicado originalmente em <a href='https://jornal-da-costa.example/cais'>Jornal da Costa</a>.",
     "Jornal da Costa"),
    ("pt", "Este artigo foi publicado originalmente no Jornal da Costa.", "Jornal da Costa"),
    ("nl", "Oorspronkelijk gepubliceerd op <a href='https://havenblad.example/haven'>Havenblad</a>.", "Havenblad"),
    ("nl", "Dit artikel verscheen eerder in Havenblad.", "Havenblad"),
    ("pl", "Artykuł ukazał się pierwotnie w <a href='https://kurier.example/port'>Kurierze Morskim</a>.",
     "Kurierze Morskim"),
    ("cs", "Článek původně vyšel na <a href='https://zpravy.example/pristav'>Přístavních zprávách</a>.",
     "Přístavních zprávách"),
    ("sv", "Artikeln publicerades först i <a href='https://hamnbladet.example/hamn'>Hamnbladet</a>.", "Hamnbladet"),
    ("da", "Artiklen blev først bragt i <a href='https://havnebladet.example/havn'>Havnebladet</a>.", "Havnebladet"),
    ("no", "Opprinnelig publisert i <a href='https://havnebladet.example/havn'>Havnebladet</a>.", "Havnebladet"),
    ("ru", "Впервые опубликовано в <a href='https://novosti.example/port'>Морских новостях</a>.", "Морских новостях"),
    ("pl", "Źródło: <a href='https://kurier.example/port'>Kurier Morski</a>", "Kurier Morski"),
    ("tr", "Kaynak: <a href='https://deniz-haber.example/liman'>Deniz Haber</a>", "Deniz Haber"),
    ("sv", "Källa: Hamnbladet", "Hamnbladet"),
])
def test_a_credit_line_names_the_original_source(lang: str, line: str, name: str) -> None:
    found = source.extract(article(lang, *([PROSE[lang]] * 2), line))
    assert found is not None and found.value.name == name


@pytest.mark.parametrize(("lang", "line"), [
    ("ru", "Впервые вышел на Netflix в 2019 году."),  # a film's release, no article's source
    ("nl", "Is eerder op Twitter gezet?"),
])
def test_a_sentence_that_only_looks_like_a_credit_names_no_source(lang: str, line: str) -> None:
    assert source.extract(article(lang, line)) is None


# -- copyright notices -------------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "reserved"), [
    ("pt", "Todos os direitos reservados"),
    ("nl", "Alle rechten voorbehouden"),
    ("pl", "Wszelkie prawa zastrzeżone"),
    ("cs", "Všechna práva vyhrazena"),
    ("sv", "Alla rättigheter förbehållna"),
    ("da", "Alle rettigheder forbeholdes"),
    ("no", "Alle rettigheter reservert"),
    ("tr", "TÜM HAKLARI SAKLIDIR"),
    ("ru", "Все права защищены"),
])
def test_all_rights_reserved_ends_the_holder(lang: str, reserved: str) -> None:
    found = copyright.extract(article(lang, footer=f"© 2024 Harbour Media - {reserved}"))
    assert found is not None and (found.value.holder, found.value.year) == ("Harbour Media", 2024)
