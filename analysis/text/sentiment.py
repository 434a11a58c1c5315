"""Sentiment of a text (negative / neutral / positive) with a lexicon made for complaints and requests.

Each lexicon term found among a text's jieba tokens (or two adjacent tokens joined, since
jieba cuts 太长 into 太 + 长) adds its polarity (−2…+2). A negator up to two tokens before
it flips the sign (不方便, 没有改善); an intensifier before it scales it (非常满意 ×2,
有点慢 ×0.5). Two rules fit the way people write to a city:

* a positive term within four tokens after a request (希望能及时处理, 建议尽快…) says
  what is wanted, not what is, and counts nothing;
* thanks (谢谢, 感谢…) in a text that also complains is politeness and counts nothing.

A total of −1 or less is negative, +1 or more positive, anything between neutral, so a
plain request or question stays neutral.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import resources

LABELS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class SentimentLexicon:
    polarity: dict[str, float]
    negators: frozenset[str]
    intensifiers: dict[str, float]

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> SentimentLexicon:
        polarity: dict[str, float] = {}
        negators: set[str] = set()
        intensifiers: dict[str, float] = {}
        section = "terms"
        for line in resources.path("text", "sentiment.tsv").read_text("utf-8").splitlines():
            line = line.strip()
            if not line:
                continue
            if line.startswith("#"):
                section = line.lstrip("# ").split()[0] if line.lstrip("# ") else section
                continue
            fields = line.split("\t")
            if section == "negators":
                negators.add(fields[0])
            elif section == "intensifiers" and len(fields) == 2:
                intensifiers[fields[0]] = float(fields[1])
            elif section == "terms" and len(fields) == 2 and fields[0] != "term":
                polarity[fields[0]] = float(fields[1])
        return cls(polarity, frozenset(negators), intensifiers)

    def phrases(self) -> list[str]:
        """Multi-character terms, added to the dictionary so that jieba keeps them whole."""
        return [t for t in [*self.polarity, *self.negators, *self.intensifiers] if len(t) > 1]


REQUESTS = frozenset({"希望", "建议", "要求", "请求", "恳请", "盼望", "期待", "能否", "能不能", "可否", "请", "应该",
                      "应当", "尽快", "务必"})
THANKS = frozenset({"谢谢", "感谢", "非常感谢", "万分感谢", "衷心感谢", "真心感谢", "十分感谢", "感谢您", "谢谢您",
                    "辛苦了", "麻烦"})


def sentiment_score(tokens: Sequence[str], lexicon: SentimentLexicon | None = None) -> float:
    lexicon = lexicon or SentimentLexicon.bundled()
    polarity, negators, intensifiers = lexicon.polarity, lexicon.negators, lexicon.intensifiers
    positive = negative = thanks = 0.0
    i, n = 0, len(tokens)
    while i < n:
        joined = tokens[i] + tokens[i + 1] if i + 1 < n else ""
        if joined in polarity:
            value, width = polarity[joined], 2
        elif tokens[i] in polarity:
            value, width = polarity[tokens[i]], 1
        elif tokens[i][:1] in intensifiers and tokens[i][1:] in polarity:  # jieba keeps 太堵 whole
            value, width = polarity[tokens[i][1:]] * intensifiers[tokens[i][:1]], 1
        else:
            i += 1
            continue
        for before in tokens[max(i - 2, 0):i]:
            if before in negators:
                value = -value
            elif before in intensifiers:
                value *= intensifiers[before]
        if value > 0 and any(t in REQUESTS for t in tokens[max(i - 4, 0):i]):
            value = 0.0
        if tokens[i] in THANKS and value > 0:
            thanks += value
        elif value > 0:
            positive += value
        else:
            negative += value
        i += width
    return positive + negative + (thanks if negative == 0 else 0.0)


def sentiment_label(score: float) -> str:
    return "negative" if score <= -1 else "positive" if score >= 1 else "neutral"


def sentiment_of(raw: str) -> str:
    """negative / neutral / positive of a text from its space-joined jieba tokens
    (:attr:`analysis.text.corpus.Document.raw`), with the bundled lexicon."""
    return sentiment_label(sentiment_score(raw.split(" "), SentimentLexicon.bundled()))
