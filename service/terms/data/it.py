"""Italian clause patterns (see the package docstring for what each name means)."""

KEYWORDS = ("riserv", "vietat", "consens", "consent", "autoriz", "permess", "uso personale", "uso privato",
            "uso esclusivamente", "parole", "comunicat", "ripubblic", "riprodu")

RESERVED = (r"\briproduzione riservata\b", r"(?<!alcuni )\btutti i diritti (?:sono )?riservati\b")

NO_REUSE = (
    (r"\b(?:è |e['’] )?(?:severamente |espressamente )?vietat[ao]\b[^.]{0,40}?\b(?:la )?(?:riproduzione|diffusione|"
    r"ridistribuzione|pubblicazione|copia)\b"),
    r"\b(?:riproduzione|diffusione|ridistribuzione)\b[^.]{0,80}?\b(?:vietat[ao]|non consentit[ao])\b",
)
WITHOUT_PERMISSION = (
    r"\bsenza (?:il |l['’])?(?:previo |preventivo |espresso )?(?:consenso|autorizzazione|permesso)\b",
)
REUSE = (r"\b(?:riprodu|diffu|ripubblic|ridistribu|copi|pubblica)\w*",)
COPYRIGHT = ()

PERSONAL_USE = (r"\b(?:esclusivamente |solo |soltanto )?per uso (?:esclusivamente )?(?:personale|privato)\b",)
FIRST_WORDS = (r"\ble prime (?P<n>\d{2,4}) parole\b[^.]{0,60}?\b(?:possono|potranno)\b",)
PRESS_RELEASE = (r"\bcomunicat[oi] stampa\b[^.]{0,80}?\b(?:liber\w+|gratuit\w+)\b",)
GRANT = (
    (r"\b(?P<verb>riproduzione|ripubblicazione)\b (?:\w+ ){0,2}?(?:consentita|autorizzata|permessa|libera)\b[^.]{0,60}?"
     r"\b(?:citando|purché|a condizione|con)\b"),
    (r"\b(?:può|possono|è consentit[ao]|consentiamo|autorizziamo)\b (?:\w+ ){0,4}?(?P<verb>ripubblicar\w*|riprodu\w+)\b"
    r"[^.]{0,60}?\b(?:purché|a condizione|citando|se)\b"),
)
DUTIES = {
    "credit-source": r"\b(?:citare|citando|indicare|menzionare)\b[^.]{0,30}?\bfont[ei]\b",
    "credit-author": r"\b(?:citare|citando|indicare|menzionare)\b[^.]{0,30}?(?:\bl['’]|\b)autor[ei]\b",
    "link-to-original": r"\blink\b[^.]{0,40}?\b(?:originale|fonte|articolo)\b",
}
VENUES = {"non-commercial": r"\b(?:fini|siti|usi?) non commercial\w+"}
MEDIA = {"web": r"\b(?:internet|siti web|online|blog)\b", "print": r"\b(?:stampa|cartace\w+)\b"}
NO_EDITS = (r"\bsenza (?:modifiche|alterazioni)\b",)
NO_SALE = (r"\bnon (?:può|possono) essere vendut\w+",)
ASK_PERMISSION = (r"\b(?:contatt\w+|scriv\w+|richied\w+)\b", r"\b(?:autorizzazione|consenso|permesso)\b")
PERMISSION_OBJECTS = {"commercial": r"(?<!non )\bcommercial\w+", "print": r"\b(?:stampa|cartace\w+)\b"}
COMMERCIAL = (r"(?<!non )\bcommercial\w+",)
NOISE = (r"\butilizziamo (?:i )?cookie\b|\bdati personali\b",
         r"\bfai una donazione\b|\bsostieni(?:ci| il)\b|\bpaypal\b|\bfair use\b")
THIRD_PARTY_PREFIX = (r"\b(?:Articoli|Contenuti|Foto|Immagini|Notizie) (?:di |dell['’]|della )(?:[A-Z][\w.&-]*\s?){1,4}:",)
CONTACT_LINKS = (r"\bdiritti di riproduzione\b", r"\blicenze\b", r"\bautorizzazioni\b", r"\bsyndication\b")
TERMS_LINKS = (r"\btermini (?:e condizioni|d['’]uso)\b", r"\bcondizioni d['’]uso\b", r"\bnote legali\b")
