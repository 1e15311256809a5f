"""Given names of many countries, to recognise a person introduced without a title or cue.

News often names a person plainly ("named Richard Crook as chief executive"). A
capitalised run of two or three words whose first word is a common given name, and
that holds no organisation word, is a person. The names come from the dictionary
shipped with `gender-guesser` (Jörg Michael's `nam_dict.txt`, ~45,000 first names
with their frequency in some 55 countries); we keep a name when it is at least
moderately common somewhere, and drop the ones that are also everyday English words
or titles ("Will", "May", "Grant", "Justice").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import gender_guesser

from ingest.extraction.built_cache import content_key, load_or_build

# nam_dict frequency digits run 1 (rare) to 13 (very common): 3 keeps common names of
# each country and drops the long tail, which holds many ordinary words.
MIN_FREQUENCY = 3
_COMMON = re.compile(f"[{MIN_FREQUENCY}-9a-dA-D]")

_DICTIONARY = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"

# Given names that are also common English words, titles or place words in news.
# ('Sofia' is kept as a given name: 'Sofia Petrova' is a person, and the city alone is the
# gazetteer's, which takes it in an address or near crypto words.)
NOT_GIVEN_NAMES = frozenset(
    """
    the a an and or of in on at to for by as is it be do so no us we he she my
    will may mark grant bill hope faith joy rose justice chance case major king
    prince earl duke baron lord sir dean judge page sterling price cash chase
    young long little park hill street lane bay green brown white black gray
    grey gold silver rich summer winter autumn april june august ivy holly
    hong kong san santa south north east west new old saint st le la el al
    bank court union state states city capital trust china india asia europe
    paris london victoria georgia jordan israel chad kenya lincoln austin
    houston dallas florence sydney adelaide darwin abu dar
    crypto bit coin token chain block trade market global digital
    """.split()
)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased common given names (hyphenated compounds such as 'jean-pierre' too).

    Reading the 45,000-line dictionary costs ~45 ms, a tenth of a one-file `cryptoreg
    extract`: the set is kept on disk, keyed on this module and the dictionary's file
    (its path, size and modification time: a reinstalled gender-guesser rebuilds it)."""
    key = content_key("given-names-2", [Path(__file__)], installed=[_DICTIONARY])
    return load_or_build("given-names", key, _read_dictionary, frozenset)


def _read_dictionary() -> frozenset[str]:
    names: set[str] = set()
    with _DICTIONARY.open(encoding="iso-8859-1") as lines:
        for line in lines:
            if line[:1] in "#=" or not _COMMON.search(line, 30):
                continue
            name = line[3:29].strip().replace("+", "-").lower()
            if name and name not in NOT_GIVEN_NAMES:
                names.add(name)
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """Whether `word` (any case) is a common given name."""
    return word.lower() in given_names()


# Family names written first (Vietnamese, Chinese, Korean usage) that the given-name
# dictionary lacks: "Nguyen Thi Lan", "Pham Van Duc", "Guo Wenjun". Short ones that are also
# English words ("He", "Do", "Ho", "Ma", "Song") are left out.
FAMILY_NAMES_FIRST = frozenset(
    """
    Nguyen Pham Hoang Huynh Phan Vo Dang Bui Ngo Duong Trinh Dinh Truong Luong Quach Trieu
    Xu Zhu Gao Guo Luo Zheng Xie Tang Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Cai Jiang
    Cheng Ding Shen Yao Zhong Cui Liang Qian Kong Zhao Zhou Huang Yang Wu Sun Lin Hu
    Jung Kang Cho Yoon Jang Seo Shin Kwon Hwang Ahn Jeon Baek Heo Noh Kwak Byun Yoo
    """.split()
)


def is_family_name(word: str) -> bool:
    """Whether `word` is a family name that East Asian usage writes before the given name."""
    return word in FAMILY_NAMES_FIRST
