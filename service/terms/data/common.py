"""Cues that read the same in every language: the copyright sign and its spellings."""

KEYWORDS = ("©", "ⓒ", "(c)", "&copy;", "copyright")
COPYRIGHT = (r"[©ⓒ]|&copy;|\(c\)\s*\d{4}|\bcopyright\s*(?:[©ⓒ]\s*)?(?:\(c\)\s*)?\d{4}|\bcopyright\s*[©ⓒ]",
             # a short line that starts with the word and ends with a year: "Copyright Axios Media, 2020"
             r"^\s*copyrights?\b[^.]{0,60}\b(?:19|20)\d{2}\W{0,3}$")
