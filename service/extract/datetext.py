"""Reading dates: machine-readable values (ISO 8601, RFC 2822...) and dates written for people.

Written dates come in many languages and orders ("1. Juni 2017", "June 1, 2017", "1 de junio de
2017", "01.06.2017", "2017年6月1日"). One compiled pattern finds them in a line of text; month names
are a table per language, so adding one is one line. dateparser would do more, but costs about
1 ms a call; a page is checked in well under that.
"""
from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable
from typing import NamedTuple

from dateutil import parser as dateutil_parser
from dateutil.tz import tzoffset, tzutc

EARLIEST_YEAR = 1990
MAX_VALUE_CHARS = 80

# Month names by language, January first; a name's first three letters also match ("Sept", "Okt.").
MONTH_NAMES = {
    "en": "january february march april may june july august september october november december",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "de-at": "jänner feber märz april mai juni juli august september oktober november dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "hu": "január február március április május június július augusztus szeptember október november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}
EXTRA_MONTH_NAMES = {"sept": 9, "mrz": 3, "maerz": 3, "mär": 3, "dez": 12, "okt": 10, "fev": 2, "déc": 12,
                     "févr": 2, "janv": 1, "juil": 7, "avr": 4, "set": 9, "dic": 12, "ago": 8, "mei": 5,
                     "listopad": 11, "setiembre": 9, "mrt": 3}


# Three-letter month forms that are common words elsewhere ("12 des 2000 participants" is French):
# an abbreviation only with its full stop ("4. des. 2023").
NOT_ABBREVIATIONS = frozenset({"des"})


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for names in MONTH_NAMES.values():
        for number, name in enumerate(names.split(), start=1):
            table.setdefault(name, number)
            short = name[:3]
            table.setdefault(f"{short}." if short in NOT_ABBREVIATIONS else short, number)
    for name, number in EXTRA_MONTH_NAMES.items():
        table.setdefault(name, number)
    return table


def alternation(words: Iterable[str]) -> str:
    """A pattern for exactly these words, branching letter by letter (a trie): "j(?:an(?:uary)?|u(?:n|l))".

    The regex engine tries the branches of a flat alternation one by one at every position of the
    text, and with IGNORECASE it cannot skip a branch by its first letter; a trie rejects a position
    after one letter. This made the month names, 255 branches, 2.4x cheaper to search. Only whether
    and where a word matches is kept, not which branch the engine tries first: a word that is a
    prefix of another ("date", "dated") may be matched as either where both fit.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return pattern(trie)


def initials(words: Iterable[str]) -> str:
    """A character class of the words' first letters: a lookahead on it rejects most positions at once."""
    return "[" + "".join(sorted({re.escape(word[0]) for word in words})) + "]"


def label_pattern(words: Iterable[str], reach: int) -> re.Pattern[str]:
    """A label that ends a text: one of words, then at most reach characters that are not digits.

    Searched in the text before a date ("Veröffentlicht am ", "Updated: "), in any case.
    """
    words = list(words)
    return re.compile(f"(?={initials(words)})(?:{alternation(words)})" + rf"\b[^\d]{{0,{reach}}}$", re.IGNORECASE)


MONTHS = _month_table()
# Every month name is all letters and must end where the letters end, so at most one name matches at
# a position: the order in which the trie tries them cannot change a match.
_MONTH = "(?P<{}>" + alternation(MONTHS) + r")(?![^\W\d_])\.?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?"
_YEAR4 = r"(?P<{}>(?:19|20)\d\d)"
# The word before a time: "um", "at", "às", "om", "o godz.", "в", "saat"; after the Nordic "kl." the
# hour and minute may be parted by a dot ("kl. 14.05"), elsewhere only by a colon or an "h".
_TIME = (r"(?:,?\s*(?:(?P<kl>kl\.?|klo\.?)|um|at|à|alle|às|a las|om|o godz\.|godz\.|в|saat|-|\|)?\s*"
         r"(?P<hh>[0-2]?\d)(?(kl)[:.h]|[:h])(?P<mm>[0-5]\d)(?!\d)"
         r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?)?")
# Each alternative names its groups with a suffix so one pattern can hold them all. The ones that start
# with a digit are tried only where a digit is, the one that starts with a month name only where a
# month's initial is: one look at the character instead of every alternative failing on it in turn
# (a third cheaper). No position can start both, so the order of the alternatives is kept where it counts.
WRITTEN_DATE = re.compile(
    r"(?<![\d.])(?:(?=\d)(?:"
    + r"(?P<iy>(?:19|20)\d\d)[-/.](?P<im>[01]?\d)[-/.](?P<id>[0-3]?\d)(?!\d)(?:[T ,]+(?P<ihh>[0-2]\d):(?P<imm>[0-5]\d))?"
    + r"|(?P<nd>[0-3]?\d)[./-](?P<nm>[01]?\d)[./-](?P<ny>(?:19|20)\d\d|\d\d)(?![\d.]\d)"
    # a dotted date with spaces, as Czech, Slovak and Polish pages write it ("3. 3. 2024"): four-digit years only
    + r"|(?P<sd>[0-3]?\d)\.\s(?P<sm>[01]?\d)\.\s(?P<sy>(?:19|20)\d\d)(?!\d)"
    + "|" + _DAY.format("dd") + r"\s*(?:de\s+|of\s+)?" + _MONTH.format("dm") + r",?\s*(?:de\s+|del\s+)?"
    + _YEAR4.format("dy")
    + r"|(?P<cy>(?:19|20)\d\d)年(?P<cm>[01]?\d)月(?P<cd>[0-3]?\d)日"
    + "|" + _YEAR4.format("yy") + r"\.\s*" + _MONTH.format("ym") + r"\s*" + _DAY.format("yd")  # 2023. október 31.
    + ")|(?=" + initials(MONTHS) + ")(?<![^\\W\\d_])" + _MONTH.format("md") + r"\s*" + _DAY.format("mdd") + r",?\s*"
    + _YEAR4.format("mdy")
    + r")" + _TIME,
    re.IGNORECASE,
)
# tz abbreviations dateutil cannot know; anything else it names is read as local (no offset).
TZ_OFFSETS = {"UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "CET": 3600, "MEZ": 3600, "CEST": 7200,
              "MESZ": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800, "IST": 19800, "JST": 32400,
              "KST": 32400, "AEST": 36000, "AEDT": 39600, "EST": -18000, "EDT": -14400, "CST": -21600,
              "CDT": -18000, "MST": -25200, "MDT": -21600, "PST": -28800, "PDT": -25200}


class Stamp(NamedTuple):
    """A date as found: the calendar day, and its ISO 8601 form (date-time only when a time was given)."""

    day: dt.date
    iso: str
    has_time: bool = False
    utc: bool = False  # the time was given in UTC, so its day may differ from the publisher's


def _tzinfos(name: str | None, offset: int | None) -> object:
    if offset is not None:
        return tzutc() if offset == 0 else tzoffset(None, offset)
    if name and name.upper() in TZ_OFFSETS:
        seconds = TZ_OFFSETS[name.upper()]
        return tzutc() if seconds == 0 else tzoffset(name.upper(), seconds)
    return None  # unknown abbreviation: keep the time local rather than guess (and never warn)


class _Calendar:
    """Tomorrow's date, worked out again only when the clock leaves the day: date.today() costs a few
    microseconds (a page asks a dozen times), time.time() a twentieth of one."""

    def __init__(self) -> None:
        self.since, self.until, self.next_day = 0.0, 0.0, dt.date.min

    def tomorrow(self) -> dt.date:
        now = time.time()
        if not self.since <= now < self.until:  # a new day, or the clock was set back
            today = dt.date.fromtimestamp(now)
            self.next_day = today + dt.timedelta(days=1)
            self.since = dt.datetime.combine(today, dt.time()).timestamp()
            self.until = dt.datetime.combine(self.next_day, dt.time()).timestamp()
        return self.next_day


_CALENDAR = _Calendar()


def plausible(day: dt.date) -> bool:
    """A publication date: not before the web's news era, not after tomorrow."""
    return EARLIEST_YEAR <= day.year and day <= _CALENDAR.tomorrow()


def parse_machine(value: object) -> Stamp | None:
    """A machine-readable date (meta content, JSON-LD, datetime attribute) as a Stamp, or None."""
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_VALUE_CHARS:
        return None
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text)  # C speed for the common case
    except ValueError:
        parsed = None
    try:
        parsed = parsed or dateutil_parser.isoparse(text)
    except (ValueError, OverflowError):
        try:
            parsed = dateutil_parser.parse(text, default=dt.datetime(1, 1, 1), tzinfos=_tzinfos)
        except (ValueError, OverflowError, TypeError):
            return None
        if parsed.year == 1:
            return None
    try:
        offset = parsed.utcoffset()
    except ValueError:  # dateutil accepts offsets like +99:00 that datetime then refuses: not a date
        return None
    if not plausible(parsed.date()):
        return None
    has_time = ("T" in text or ":" in text) and not (parsed.hour == parsed.minute == parsed.second == 0
                                                     and parsed.tzinfo is None)
    if not has_time:
        return Stamp(parsed.date(), parsed.date().isoformat())
    moment = parsed.replace(microsecond=0)  # sub-second precision dates nothing and reads badly
    return Stamp(parsed.date(), moment.isoformat(), True, offset is not None and not offset)


def find_written(text: str, month_first: bool = False) -> list[tuple[int, Stamp]]:
    """Every complete date (day, month and year) written in text, with its position.

    month_first reads 06/01/2017 as June 1 (US pages); dotted dates are always day first.
    """
    return [(start, stamp) for start, _, stamp in written_spans(text, month_first)]


def written_spans(text: str, month_first: bool = False) -> list[tuple[int, int, Stamp]]:
    """(start, end, stamp) of every complete date written in text (see find_written)."""
    found = []
    for match in WRITTEN_DATE.finditer(text):
        stamp = _stamp(match, month_first)
        if stamp is not None:
            found.append((match.start(), match.end(), stamp))
    return found


def _stamp(match: re.Match[str], month_first: bool) -> Stamp | None:
    g = match.groupdict()
    hour, minute = g["ihh"] or g["hh"], g["imm"] or g["mm"]
    try:
        if g["iy"]:
            day = dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        elif g["ny"]:
            first, second, year = int(g["nd"]), int(g["nm"]), int(g["ny"])
            year += 2000 if year < 100 else 0
            if month_first and "/" in match.group(0) or second > 12:
                first, second = second, first
            day = dt.date(year, second, first)
        elif g["sy"]:
            day = dt.date(int(g["sy"]), int(g["sm"]), int(g["sd"]))
        elif g["dy"]:
            day = dt.date(int(g["dy"]), MONTHS[g["dm"].lower()], int(g["dd"]))
        elif g["mdy"]:
            day = dt.date(int(g["mdy"]), MONTHS[g["md"].lower()], int(g["mdd"]))
        elif g["yy"]:
            day = dt.date(int(g["yy"]), MONTHS[g["ym"].lower()], int(g["yd"]))
        else:
            day = dt.date(int(g["cy"]), int(g["cm"]), int(g["cd"]))
    except (ValueError, KeyError):
        return None
    if not plausible(day):
        return None
    if hour is not None and int(hour) < 24:
        hours = int(hour) % 12 + 12 * (g["ampm"].lower() == "p") if g["ampm"] else int(hour)
        moment = dt.datetime(day.year, day.month, day.day, min(hours, 23), int(minute))
        return Stamp(day, moment.isoformat(), True)
    return Stamp(day, day.isoformat())
