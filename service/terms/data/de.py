"""German clause patterns (see the package docstring for what each name means)."""

KEYWORDS = ("vorbehalt", "alle rechte", "sämtliche rechte", "nachdruck", "abdruck", "quellenangabe", "genehmig", "erlaub", "zustimm", "einwillig", "gestatt", "untersag", "verbot", "bedarf", "bedürfen",
            "urheberrecht", "privat", "persönlich", "wörter", "pressemitteil", "honorarfrei", "übernomm",
            "nachgedruckt", "veröffentlicht werden", "geteilt werden", "weiterverbreit")

RESERVED = (r"(?<!einige )(?<!manche )\b(?:alle|sämtliche) rechte (?:sind |bleiben )?vorbehalten\b",
            r"\b(?:alle|sämtliche) rechte (?:liegen )?(?:bei|beim)\b")

_REUSE = r"nachdruck|vervielfältigung|weiterverbreitung|verbreitung|wiederveröffentlichung|weiterverarbeitung|übernahme|veröffentlichung|weitergabe|speicherung|verwendung|nutzung"
NO_REUSE = (
    rf"\b(?:{_REUSE})\b[^.]{{0,120}}?\bnur mit (?:\w+ ){{0,3}}(?:genehmigung|erlaubnis|zustimmung|einwilligung)",
    rf"\b(?:{_REUSE})\b[^.]{{0,160}}?\b(?:(?:ist|sind) (?:\w+ )?)?(?:nicht gestattet|untersagt|verboten|nicht erlaubt)",
    rf"\b(?:{_REUSE})\b[^.]{{0,160}}?\b(?:bedarf|bedürfen) (?:der |einer )?(?:\w+ ){{0,2}}(?:genehmigung|erlaubnis|zustimmung)",
)
WITHOUT_PERMISSION = (
    r"\bohne (?:die |unsere )?(?:\w+ ){0,3}(?:genehmigung|erlaubnis|zustimmung|einwilligung)\b",
)
REUSE = ((r"\b(?:nachdr|abdr|vervielfält|weiterverbreit|verbreit|wiederveröffentlich|weiterverarbeit|kopier|verwend|nutz"
           r"|übernehm|übernomm"
         r"|veröffentlich|übernahme|weitergabe|speicher)\w*"),)
COPYRIGHT = (r"\burheberrechtlich geschützt\b", r"\b(?:das )?urheberrecht (?:liegt|verbleibt|bleibt) (?:bei|beim)\b")

PERSONAL_USE = ((r"\b(?:ausschließlich|nur|allein) (?:für|zu|zum) (?:den |die )?(?:eigenen? )?(?:private[nms]?|persönliche[nms]?)"
                r" (?:zwecke|gebrauch|nutzung|verwendung)"),
                r"\b(?:ausschließlich|nur) für (?:die )?(?:eigene )?private\b[^.]{0,40}?\b(?:zwecke|nutzung)")
FIRST_WORDS = (r"\bdie ersten (?P<n>\d{2,4}) wörter\b[^.]{0,60}?\b(?:dürfen|darf|können)\b",
               r"\b(?:zitate|auszüge|auszug)\w* (?:von )?(?:bis zu|höchstens|maximal) (?P<n>\d{2,4}) wörter")
PRESS_RELEASE = (r"\bpressemitteilung(?:en)?\b[^.]{0,80}?\b(?:frei|honorarfrei|kostenfrei|kostenlos)\b",
                 r"\bhonorarfreie[nr]? (?:veröffentlichung|abdruck|verwendung)\b",
                 r"\b(?:abdruck|veröffentlichung|verwendung) (?:ist )?(?:honorarfrei|kostenfrei)\b")
GRANT = (
    (r"\b(?:darf|dürfen) (?:(?!nicht\b|kein)\w+ ){0,6}?(?:frei |gerne |kostenlos )?"
     r"(?P<verb>übernommen|nachgedruckt|veröffentlicht|weiterverbreitet|geteilt) werden\b[^.]{0,40}?"
     r"\b(?:wenn|sofern|solange|unter)\b"),
    (r"\bmit (?:quellenangabe|namensnennung|nennung de[rs] \w+|angabe der quelle|link|verlinkung|backlink)\b"
     r"[^.]{0,60}?\b(?P<verb>übernommen|nachgedruckt|veröffentlicht|weiterverbreitet|geteilt|verwendet) werden"),
    r"\b(?:gestattet|erlaubt|gestatten|erlauben)\b (?:\w+ ){0,4}?(?:die )?(?P<verb>übernahme|veröffentlichung|weiterverbreitung|nachdruck)\b",
    # "Nachdruck mit Quellenangabe gestattet", "Abdruck frei, Belegexemplar erbeten" (never "nur mit Genehmigung")
    (r"\b(?P<verb>nachdruck|abdruck|übernahme)\b\W+(?:(?!nur\b|nicht\b|ohne\b|kein)\w+\W+){0,4}?"
     r"(?:gestattet|erlaubt|frei|honorarfrei|erwünscht)\b"),
)
DUTIES = {
    "credit-source": r"\b(?:quelle|quellenangabe|medium)\b[^.]{0,30}?\b(?:genannt|angegeben|nennen|angeben)|\bnennung der quelle\b|\bquellenangabe\b",
    "credit-author": r"\b(?:autor|autorin|urheber|verfasser)\w*\b[^.]{0,30}?\b(?:genannt|angegeben|nennen)\b|\bnamensnennung\b|\bnennung de[sr] (?:autor|urheber)",
    "copyright-notice": r"\bcopyright(?:vermerk|hinweis)\b|\burheberrechtsvermerk\b",
    "link-to-original": r"\b(?:link|verlinkung|linksetzung|backlink)\b[^.]{0,40}?\b(?:original|quelle|artikel|beitrag)\b|\bverlinkt\b",
    "include-tracking-pixel": r"\b(?:zählpixel|tracking-?pixel|pixel)\b",
    "canonical-link": r"\bcanonical\b",
    "headline-unchanged": r"\b(?:überschrift|titel)\b[^.]{0,40}?\bunverändert\b",
    "notify-publisher": r"\b(?:informieren sie uns|benachrichtigen sie uns|geben sie uns bescheid)\b|\bbelegexemplar",
}
VENUES = {
    "non-commercial": r"\bnicht[- ]?kommerzielle[nm]? (?:zwecke|webseiten|websites|seiten|nutzung|blogs)\b",
    "nonprofit": r"\bgemeinnützige[nm]? (?:webseiten|websites|organisationen|zwecke)\b",
    "educational": r"\b(?:bildungszwecke|unterrichtszwecke)\b",
}
MEDIA = {
    "web": r"\b(?:internet|webseiten?|websites?|online|blogs?)\b",
    "print": r"\b(?:print|druck|gedruckt|zeitungen?|zeitschriften?)\w*",
}
NO_EDITS = (r"\b(?:unverändert|ungekürzt|ohne (?:änderungen|veränderungen|kürzungen))\b",
            r"\b(?:darf|dürfen) nicht (?:verändert|bearbeitet|gekürzt)\b")
NO_SALE = (r"\b(?:darf|dürfen) nicht (?:weiter)?verkauft\b",)
ASK_PERMISSION = (r"\b(?:kontakt|kontaktieren|wenden sie sich|schreiben sie|anfragen?)\b",
                  r"\b(?:genehmigung|erlaubnis|zustimmung)\b")
PERMISSION_OBJECTS = {
    "print": r"\b(?:print|druck|gedruckt)\w*",
    "commercial": r"(?<!nicht-)(?<!nicht )\b(?:kommerziell|gewerblich)\w*",
}
COMMERCIAL = (r"(?<!nicht-)(?<!nicht )\b(?:kommerziell|gewerblich)\w*",)
NOISE = (r"\bihre daten\b|\bwir verwenden cookies\b|\bcookies? (?:zu|helfen)\b|\bpersonenbezogene\w*",
         r"\bspenden sie\b|\bunterstützen sie uns\b|\bpaypal\b|\bzitatrecht\b|\bfair use\b")
THIRD_PARTY_PREFIX = (r"\b(?:[A-ZÄÖÜ][\w.&!'-]*\s){1,5}(?:Artikel|Beiträge|Inhalte|Texte|Fotos|Bilder|Meldungen)\s*:",)
CONTACT_LINKS = (r"\bnutzungsrechte\b", r"\blizenz(?:en|ierung)\b", r"\bnachdruck(?:rechte)?\b",
                 r"\b(?:content-?)?syndication\b", r"\brechte und lizenzen\b")
TERMS_LINKS = (r"\bnutzungsbedingungen\b", r"\bagb\b", r"\ballgemeine geschäftsbedingungen\b",
               r"\burheberrecht und\b")
