"""The `text` stage: article text to a `Document` of sentences, without furniture or dateline.

News text breaks naive splitters in known ways: abbreviations (U.S., Ltd., No. 5,
Sept. 13), datelines ("LONDON, June 27 (Reuters) -"), agency sign-offs and
"Read more:" lines that carry no facts. The `Document` built here keeps every
sentence's offset in one joined text so mention offsets can be mapped back.
`read_document` normalises the text first (`normalize`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.extraction.text.normalize import normalize_text

_FURNITURE = re.compile(
    r"^(?:read more|see related articles?|see also|related(?: articles?| coverage| stories)?"
    r"|also read|read also|recommended(?: reading)?|more from [\w ]+|sign up[\w ]*|subscribe[\w ]*"
    r"|follow us[\w ]*|watch|listen|editor'?s note|disclosure)\s*:",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^(?:\(?\s*(?:reporting|writing|editing|additional reporting|compiled|translated)"
    r"\s+by\b|--\s*\w+|©|copyright\b|all rights reserved|by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}$"
    r"|\(?(?:this (?:story|article) (?:has been|was) (?:updated|corrected)))",
    re.IGNORECASE,
)
# whole lines a web page adds around a story: section labels, share and ad slots,
# widgets (matched whole, case and dashes aside), breadcrumbs, tag lists ("Bitcoin,
# Economy,"), image markup
_FURNITURE_WORDS = frozenset(
    (
        "key takeaways",
        "highlights",
        "share",
        "share it",
        "share this",
        "share this article",
        "share this story",
        "advertisement",
        "sponsored",
        "sponsored content",
        "story continues below",
        "article content",
        "stay updated",
        "link icon",
        "loading indicator",
        "show original",
        "table of contents",
        "this article is machine translated",
        "this article is machine-translated",
        "skip to content",
        "skip to main content",
        "print",
        "comment",
        "comments",
    )
)
_AD_SLOT = re.compile(r"^advertisement \d+$")
_BREADCRUMB = re.compile(r"^(?:[\w&' -]{1,30}> ?){2,6}[\w&' -]{0,30}$")
_TAG_LIST = re.compile(r"^(?:[A-Z][\w-]*(?: [A-Z][\w-]*)?, ?){1,6}$")
_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)[\s|]*$")
_NEWSLETTER = re.compile(r"^get the latest from .{1,60} straight to your inbox$", re.IGNORECASE)


def _furniture_line(line: str) -> bool:
    """Whether a short line is one of the page's own (see `_FURNITURE_WORDS`)."""
    bare = line.strip(" -\u2013\u2014").lower()
    if bare in _FURNITURE_WORDS or _AD_SLOT.match(bare):
        return True
    if ">" in line and _BREADCRUMB.match(line):
        return True
    if line.endswith(",") and _TAG_LIST.match(line):
        return True
    return bool(line.startswith("![") and _IMAGE.match(line)) or bool(_NEWSLETTER.match(line))


_FURNITURE_PREFIX = re.compile(
    r"^(?:disclaimer|magazine|explore|source|image|photo|picture|credit|tags?)\s*[:=]",
    re.IGNORECASE,
)
# a photo caption: "(Photo = ...)", "(From left to right) ...", "... (CALVIN LEE / DAILY)";
# a publisher's disclaimer of a syndicated story
_CAPTION_OPEN = re.compile(r"\((?:from left(?: to right)?|pictured|file photo)\b", re.IGNORECASE)
_PHOTO = re.compile(r"\((?:photo|image|picture)\b[^)]*\)", re.IGNORECASE)
_CREDIT = re.compile(r"\([A-Z][A-Z .'-]{1,40}/[A-Z .'-]{2,40}\)\s*$")
_DISCLAIMERS = (
    "is not involved in this news article",
    "not intended as, and shall not be",
    "not intended as and shall not be",
    "all rights reserved",
)


def _caption(paragraph: str) -> bool:
    if "(" in paragraph and (
        _CAPTION_OPEN.match(paragraph) or _PHOTO.search(paragraph) or _CREDIT.search(paragraph)
    ):
        return True
    low = paragraph.lower()
    return any(d in low for d in _DISCLAIMERS)


_SHORT_LINE = 160  # furniture lines are short; long paragraphs skip those patterns
_CAPTION_LINE = 800  # captions and syndication notes are a few lines at most
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'&-]+(?:[ /][A-Z][A-Z.'&-]+){0,3})"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}))?"
    r"\s*(?:\((?P<agency>[^)]{2,50})\))?\s*(?:-|:)\s+"
)
_AGENCY_ONLY = re.compile(r"^\((?P<agency>[A-Z][\w .&'-]{1,40})\)\s*-\s+")
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9$€£¥₦])")
_NEXT_WORD = re.compile(r"\s+[\"'(\[]?([\w$€£¥₦]+)")

# abbreviations after which a sentence never ends
_HARD_ABBREV = frozenset(
    "mr mrs ms dr prof sr jr st mt gen gov sen rep lt col capt sgt rev hon pres vs v "
    "e.g i.e fig approx est cf al art sec para ch vol pp p rs".split()
)
# abbreviations that end a sentence only when a typical sentence opener follows
_SOFT_ABBREV = frozenset(
    "inc ltd co corp pte bhd plc llc l.l.c s.a n.v b.v ag u.s u.k u.n e.u u.s.a u.a.e a.m p.m "
    "etc jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat "
    "dept govt intl s.p.a k.k s.r.l s.a.s no nos".split()
)  # ("No. 12" runs on; the answer "No. The central bank ..." ends)
_COMPANY_ABBREV = frozenset("inc ltd corp plc llc bhd pte sdn pty".split())
_OPENERS = frozenset(
    "the it he she they we i this that these those its his her their in on at but and however "
    "meanwhile a an according under after before as while when since for if there some many "
    "last earlier later separately also both neither one two what why how who where so yet".split()
)


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and where it sits in the document's joined text."""

    index: int
    text: str
    start: int
    paragraph: int
    heading: bool = False
    end: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "end", self.start + len(self.text))


@dataclass
class Document:
    """An article's body as sentences, plus what the first line told us (dateline, agency)."""

    text: str
    sentences: list[Sentence] = field(default_factory=list)
    dateline_place: str | None = None
    dateline_agency: str | None = None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset of `text` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None


def is_furniture(paragraph: str) -> bool:
    """Whether a paragraph is page furniture (related links, sign-offs) rather than content."""
    return bool(
        _FURNITURE.match(paragraph)
        or _SIGN_OFF.match(paragraph)
        or (len(paragraph) <= _SHORT_LINE and _furniture_line(paragraph))
        or _FURNITURE_PREFIX.match(paragraph)
        or (len(paragraph) <= _CAPTION_LINE and _caption(paragraph))
    )


def strip_dateline(paragraph: str) -> tuple[str, str | None, str | None]:
    """Remove a leading dateline; return the rest, the place (title-cased) and the agency."""
    m = _DATELINE.match(paragraph)
    if m and len(m.group("place")) >= 3 and not m.group("place").isdigit():
        place = " ".join(w.capitalize() for w in m.group("place").replace("/", " / ").split())
        place = place.split(" / ")[0]
        return paragraph[m.end() :], place, m.group("agency")
    m = _AGENCY_ONLY.match(paragraph)
    if m:
        return paragraph[m.end() :], None, m.group("agency")
    return paragraph, None, None


# a sum right after a legal form's dot: a currency code or sign, then a figure
_SUM_AFTER = re.compile(r"\s*(?:[A-Z]{1,3}\$|[A-Z]{3} ?\d|[A-Z][a-z]{0,2}\$|[€£¥₩₹₦]) ?\d?")


def _is_boundary(text: str, pos: int, end: int) -> bool:
    """Whether the punctuation run text[pos:end] ends a sentence (abbreviation rules)."""
    if text[pos] != ".":
        return True
    start = pos  # the word before: a backward walk (a regex search rescanned the paragraph)
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.&'-"):
        start -= 1
    if start == pos:
        return True
    word = text[start:pos].lower().rstrip(".")
    nxt = _NEXT_WORD.match(text, end)
    next_word = nxt.group(1) if nxt else ""
    raw = text[start:pos]
    if len(raw) >= 2 and raw.isupper() and raw.isalpha() and word not in _SOFT_ABBREV:
        return True  # an acronym ends its sentence: "... brought by the SEC. In October"
    if word in _HARD_ABBREV:
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "Adrienne A. Harris"
        return next_word.lower() in _OPENERS
    if word in _COMPANY_ABBREV and nxt is not None and nxt.group().lstrip()[:1] == "(":
        return False  # 'Siam Coin Co., Ltd. (SCC)', 'Korvex Ltd. ("Korvex")': the name's own
    if word in _COMPANY_ABBREV and _SUM_AFTER.match(text, end):
        return False  # "fined Hsinbit Co., Ltd. NT$1.2 million": the fine's sum, no sentence
    if word in _COMPANY_ABBREV and next_word[:1].isupper():
        # "... Zelkova Pay Ltd. Zelkova spent": a name does not run on after its legal
        # suffix, so a capitalised word there starts a sentence ("Ltd. and", "Inc.," don't)
        return next_word.lower() not in _COMPANY_ABBREV
    if word in _SOFT_ABBREV or (len(word) <= 4 and "." in word):
        return next_word.lower() in _OPENERS
    return True


# a numbered list item's own number ("1. Korvex: ..."), which ends no sentence
_ITEM_NUMBER = re.compile(r"\s*\(?\d{1,2}\.")


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        if start == 0 and _ITEM_NUMBER.fullmatch(paragraph, 0, m.end()):
            continue
        if _is_boundary(paragraph, m.start(), m.end()):
            piece = paragraph[start : m.end()].strip()
            if piece:
                out.append(piece)
            start = m.end()
    rest = paragraph[start:].strip()
    if rest:
        out.append(rest)
    return out


# the marker a list item opens with: "1.", "(2)", "a)", "•", "-", "*"
ITEM_MARKER = re.compile(r"[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[•▪◦*·-])[ \t]+")


def _is_heading(paragraph: str) -> bool:
    words = paragraph.split()
    if paragraph.endswith("?") and len(words) <= 14:
        return True
    # a line ending with a colon introduces what follows ("The entities are:"): no title
    return len(words) <= 12 and not paragraph.endswith((".", '"', "'", ")", ":"))


def build_document(text: str) -> Document:
    """Turn normalised article text into a `Document` of content sentences."""
    doc = Document(text="")
    parts: list[str] = []
    offset = 0
    paragraphs = _joined_directives([p.strip() for p in text.split("\n") if p.strip()])
    first_content = True
    listing = False  # after a line ending with a colon, or a list item: items are no titles
    for pi, para in enumerate(paragraphs):
        if is_furniture(para):
            continue
        if first_content:
            para, doc.dateline_place, doc.dateline_agency = strip_dateline(para)
            first_content = False
        item = listing and ITEM_MARKER.match(para) is not None
        heading = not item and _is_heading(para)
        listing = item or para.endswith(":")
        for sent in split_sentences(para) if not heading else [para]:
            doc.sentences.append(Sentence(len(doc.sentences), sent, offset, pi, heading))
            parts.append(sent)
            offset += len(sent) + 1
    doc.text = "\n".join(parts)
    return doc


# a paragraph that ends in "to:" before directives set out one per line or item: "X have
# been ordered by the SC to:" / "disable the website ...; cease all marketing ..."
_TO_COLON = re.compile(r"\bto:$")
_DIRECTIVE_OPENS = re.compile(r"(?:\(?[a-z0-9]{1,3}[.)] |[-•*] )?[a-z]")


def _joined_directives(paragraphs: list[str]) -> list[str]:
    """Paragraphs with each one ending in "to:" joined to the directive paragraph after it
    (one starting in lower case, perhaps after an item mark): one sentence, so the order
    and what it orders are read together."""
    if not any(p.endswith("to:") for p in paragraphs):
        return paragraphs
    out: list[str] = []
    for para in paragraphs:
        if out and _TO_COLON.search(out[-1]) and _DIRECTIVE_OPENS.match(para):
            out[-1] = f"{out[-1]} {para}"
        else:
            out.append(para)
    return out


def read_document(text: str, recase: Callable[[str], str] | None = None) -> Document:
    """The article's raw text, normalised, as a `Document` of content sentences.

    `recase` may restore capitals the text lost (an all-capitals or all-lower-case text,
    a Title Case headline) before sentences are split; it must keep the text's length.
    """
    normal = normalize_text(text)
    if recase is not None:
        normal = recase(normal)
    return build_document(normal)
