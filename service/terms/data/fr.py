"""French clause patterns (see the package docstring for what each name means)."""

KEYWORDS = ("réserv", "reprise", "interdi", "prohib", "autoris", "sans l'accord", "sans l’accord", "sans accord",
            "sans leur accord", "sans notre accord", "consent", "usage personnel", "usage privé", "usage strictement",
            "usage exclusivement", "mots", "communiqué", "republi", "reprodu", "repris")

RESERVED = (r"(?<!certains )\btous (?:les )?droits (?:sont )?réservés\b",
            r"\b(?:tous )?droits de reproduction(?: et de (?:diffusion|représentation))? réservés\b")

NO_REUSE = (
    (r"\b(?:toute |la )?(?:reproduction|représentation|diffusion|rediffusion|republication)\b[^.]{0,120}?"
    r"\b(?:est |sont )?(?:strictement |formellement )?(?:interdite?s?|prohibée?s?)\b"),
    r"\b(?:interdite?|interdits?) sans\b",
)
WITHOUT_PERMISSION = (
    r"\bsans (?:l['’]|notre |leur )?(?:autorisation|accord|consentement)\b",
)
REUSE = (r"\b(?:reprodu|diffus|republi|redistribu|copi|représent)\w*",)
COPYRIGHT = ()

PERSONAL_USE = (r"\b(?:à |pour un |pour )?usage (?:strictement |exclusivement )?(?:personnel|privé)\b",)
FIRST_WORDS = (r"\bles (?P<n>\d{2,4}) premiers mots\b[^.]{0,60}?\b(?:peuvent|pourront)\b",)
PRESS_RELEASE = (r"\bcommuniqués? de presse\b[^.]{0,80}?\b(?:libre|librement|gratuite)\w*",)
GRANT = (
    (r"\b(?P<verb>reproduction|republication|reprise)\b (?:\w+ ){0,2}?autorisée?\b[^.]{0,60}?"
     r"\b(?:avec|en citant|sous réserve|à condition|si)\b"),
    (r"\b(?:vous pouvez|peut être|peuvent être|autorisons|autorise)\b (?:\w+ ){0,4}?(?P<verb>republier|reproduire|republiés?|reproduits?|repris)\b"
    r"[^.]{0,60}?\b(?:à condition|sous réserve|pourvu|si|en citant)\b"),
)
DUTIES = {
    "credit-source": r"\b(?:citer|mentionner|indiquer|en citant|mention)\b[^.]{0,30}?\bsources?\b|\bsource\b[^.]{0,20}?\b(?:citée|mentionnée|indiquée)",
    "credit-author": r"\b(?:citer|mentionner|nommer|en citant)\b[^.]{0,30}?(?:\bl['’]|\b)auteurs?\b",
    "link-to-original": r"\blien\b[^.]{0,40}?\b(?:original|source|article)\b",
}
VENUES = {"non-commercial": r"\b(?:fins|sites|usages?) non commercia\w+"}
MEDIA = {"web": r"\b(?:internet|sites? web|en ligne|blogs?)\b", "print": r"\b(?:imprim\w+|papier|presse écrite)\b"}
NO_EDITS = (r"\bsans (?:modification|altération|changement)s?\b",)
NO_SALE = (r"\bne (?:peut|peuvent|doit) pas être vendu\w*",)
ASK_PERMISSION = (r"\b(?:contact\w*|écri\w+|demand\w+)\b", r"\b(?:autorisation|accord)\b")
PERMISSION_OBJECTS = {"commercial": r"(?<!non )\bcommercia\w+", "print": r"\bimprim\w+"}
COMMERCIAL = (r"(?<!non )\bcommercia\w+",)
NOISE = (r"\bnous utilisons des cookies\b|\bdonnées personnelles\b",
         r"\bfaites un don\b|\bsoutenez(?:-nous| notre)\b|\bpaypal\b|\bcourte citation\b")
THIRD_PARTY_PREFIX = (r"\b(?:Articles|Contenus|Photos|Images|Dépêches) (?:de |d['’])(?:[A-Z][\w.&-]*\s?){1,4}:",)
CONTACT_LINKS = (r"\bdroits de reproduction\b", r"\blicences?\b", r"\bautorisations?\b", r"\bsyndication\b")
TERMS_LINKS = (r"\bconditions (?:générales )?d['’]utilisation\b", r"\bmentions légales\b", r"\bcgu\b")
