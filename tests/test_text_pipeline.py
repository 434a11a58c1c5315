"""The text pipeline: normalisation, segmentation with the bundled resources, the token cache,
project words, the process pool, keywords, quotes, sentiment and co-occurrence."""

from __future__ import annotations

import pytest

from analysis.text import lexicons
from analysis.text.cooccur import cooccurring_pairs
from analysis.text.corpus import (
    Document,
    add_project_term,
    load_corpus,
    raw_hash,
    read_documents,
    remove_project_term,
)
from analysis.text.keywords import (
    distinctive_terms,
    document_frequencies,
    in_context,
    tfidf_keywords,
)
from analysis.text.lexicons import TextSettings
from analysis.text.normalise import normalise
from analysis.text.quotes import mask_personal, representative_quotes
from analysis.text.segment import Segmenter, TermFilter, segment_texts
from analysis.text.sentiment import sentiment_label, sentiment_score
from survey.store import ResponseRecord, add_responses, create_survey
from survey.templates import load_template
from workspace.progress import Cancelled

CITIZEN_TEXTS = [
    "早高峰红绿灯配时不合理，路口太堵了",
    "希望办事能一网通办，少跑几趟",
    "小区垃圾分类没人管，垃圾桶满了也不清运",
    "医院挂号太难，希望能分时段预约",
    "红绿灯时间太短，老人过马路来不及",
]


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def terms_of(segmenter, text, settings=None):
    return TermFilter(settings).terms(segmenter.raw(normalise(text)))


def add_texts(project, texts, group="citizen"):
    survey_id = create_survey(project, load_template("citizen")) if not project.db.conn.execute(
        "SELECT id FROM surveys").fetchone() else project.db.conn.execute("SELECT id FROM surveys").fetchone()[0]
    add_responses(project, survey_id, [ResponseRecord({"pain": t}, group, submitted_at="2026-11-02T09:00:00")
                                       for t in texts])
    return survey_id


def test_normalise_folds_width_case_spaces_and_masks_numbers():
    assert normalise("ＡＢＣ　１２３号  楼") == "abc #号 楼"
    assert normalise("电话138****1234，打过12345") == "电话#,打过12345"
    assert normalise("2026年11月3日等了45分钟") == "#年#月#日等了#分钟"


def test_bundled_resources_are_large_enough_and_consistent():
    words = lexicons.bundled_words()
    assert len(words) >= 500 and len({w for w, _, _ in words}) == len(words)
    synonyms = lexicons.bundled_synonyms()
    assert synonyms["红绿灯"] == "信号灯"
    assert not set(synonyms) & set(synonyms.values()), "a canonical term is also a variant"
    assert {"希望", "建议", "问题"} <= lexicons.bundled_stopwords()


def test_dictionary_terms_stay_whole_and_filler_goes(segmenter):
    for term in ("一网通办", "网格化管理", "垃圾分类", "适老化改造"):
        assert term in terms_of(segmenter, f"我们非常希望推进{term}工作"), term
    terms = terms_of(segmenter, "希望建议解决一下红绿灯的问题")
    assert "信号灯" in terms and "红绿灯" not in terms
    assert not {"希望", "建议", "问题", "一下", "的"} & set(terms)


def test_clause_memo_gives_the_same_tokens_as_a_whole_cut(segmenter):
    text = normalise("早高峰堵车严重，希望优化信号灯配时。早高峰堵车严重！")
    first = segmenter.raw(text)
    segmenter._memo.clear()
    assert segmenter.raw(text) == first
    fresh = Segmenter()
    assert fresh.raw(text) == first


def test_the_fused_route_gives_the_tokens_jieba_gives(segmenter):
    """Segmenter finds jieba's route in its own loop; on 1 000+ varied texts (labelled
    messages, mixed scripts, numbers, unknown words for the HMM) it must agree with jieba."""
    from pathlib import Path

    from analysis.text.segment import _WORDLIKE

    data = Path(__file__).parent / "data" / "text"
    texts = [line.split("\t", 1)[1] for f in sorted(data.glob("*.tsv"))
             for line in f.read_text("utf-8").splitlines()[1:]]
    texts += ["Wi-Fi信号差5G基站少", "东湖绿道夜跑灯暗", "啊啊啊啊", "a", "某某某路口", "12345热线一网通办"]
    assert len(texts) > 1000
    for text in map(normalise, texts):
        expected = [t for t in segmenter._tokenizer.lcut(text) if _WORDLIKE.search(t)]
        assert segmenter.raw(text) == expected, text


def test_cache_segments_each_distinct_text_once(project):
    add_texts(project, CITIZEN_TEXTS + CITIZEN_TEXTS[:2])
    corpus = load_corpus(project, workers=1)
    assert len(corpus) == 7 and corpus.segmented == 5
    assert project.db.conn.execute("SELECT count(*) FROM text_tokens").fetchone()[0] == 5
    again = load_corpus(project, workers=1)
    assert again.segmented == 0
    assert [d.terms for d in again.documents] == [d.terms for d in corpus.documents]
    add_texts(project, ["公交线路太少，等车要半小时"])
    assert load_corpus(project, workers=1).segmented == 1


def test_a_new_dictionary_version_re_segments(project, monkeypatch):
    add_texts(project, CITIZEN_TEXTS)
    load_corpus(project, workers=1)
    monkeypatch.setattr("analysis.text.corpus.dictionary_version", lambda: "another")
    assert load_corpus(project, workers=1).segmented == 5


def test_a_cancelled_load_leaves_the_cache_as_it_was(project):
    add_texts(project, CITIZEN_TEXTS)

    def cancel(fraction, message):
        if "分词" in message:
            raise Cancelled

    with pytest.raises(Cancelled):
        load_corpus(project, workers=1, progress=cancel)
    assert project.db.conn.execute("SELECT count(*) FROM text_tokens").fetchone()[0] == 0


def test_project_words_re_segment_only_the_texts_that_contain_them(project):
    add_texts(project, ["东湖绿道的夜跑灯太暗了", "医院挂号太难", "东湖绿道周末人太多"])
    before = load_corpus(project, workers=1)
    assert "东湖绿道" not in {t for d in before.documents for t in d.terms}
    assert add_project_term(project, "word", "东湖绿道") == 2
    after = load_corpus(project, workers=1)
    assert after.segmented == 0
    assert sum("东湖绿道" in d.terms for d in after.documents) == 2
    assert add_project_term(project, "stopword", "东湖绿道") == 0
    assert not any("东湖绿道" in d.terms for d in load_corpus(project, workers=1).documents)
    remove_project_term(project, "stopword", "东湖绿道")
    add_project_term(project, "synonym", "夜跑灯", "路灯")
    terms = {t for d in load_corpus(project, workers=1).documents for t in d.terms}
    assert "路灯" in terms and "夜跑灯" not in terms
    with pytest.raises(ValueError):
        add_project_term(project, "synonym", "夜跑", "")


def test_personal_questions_never_enter_the_corpus(project):
    survey_id = create_survey(project, load_template("citizen"))
    add_responses(project, survey_id, [ResponseRecord({"pain": "路口太堵", "phone": "13812345678"}, "citizen",
                                                      submitted_at="2026-11-02T09:00:00")])
    docs = read_documents(project)
    assert [d.text for d in docs] == ["路口太堵"]


def test_the_pool_gives_the_same_tokens_as_one_process():
    texts = CITIZEN_TEXTS * 3 + ["Ｗｉｆｉ信号差，5G基站少"]
    assert segment_texts(texts, workers=2) == segment_texts(texts, workers=1)


def doc(text, group="citizen", terms=None):
    return Document(f"answer:{text}:q", text, raw_hash(text), group, "2026-11-01", 1, "q", terms=terms or [])


def docs_of(segmenter, texts, group="citizen"):
    return [doc(t, group, terms_of(segmenter, t)) for t in texts]


def test_tfidf_ranks_what_the_slice_says_above_what_everyone_says(segmenter):
    citizens = docs_of(segmenter, ["停车难，车位太少", "停车位不够，晚上停车难", "道路拥堵，停车也难"])
    departments = docs_of(segmenter, ["数据共享难，道路数据不通", "道路监测数据分散", "道路养护数据没共享"], "department")
    corpus = citizens + departments
    df = document_frequencies(corpus)
    top = [k.term for k in tfidf_keywords(citizens, df, len(corpus))[:2]]
    assert "停车难" in top or "停车" in top
    keyword = next(k for k in tfidf_keywords(citizens, df, len(corpus)) if k.term == "车位")
    assert keyword.documents >= 2 and keyword.share == pytest.approx(keyword.documents / 3)
    distinctive = [k.term for k in distinctive_terms(departments, citizens, min_count=2)]
    assert "数据" in distinctive[:3] and "停车难" not in distinctive


def test_keyword_in_context_masks_phone_numbers(segmenter):
    docs = docs_of(segmenter, ["停车难，请联系13812345678处理", "停车难"])
    snippets = in_context("停车难", docs)
    assert snippets and all("13812345678" not in s for s in snippets)


def test_quotes_are_typical_masked_and_diverse(segmenter):
    texts = ["停车位太少，晚上回家找不到车位", "车位不够，停车太难了", "小区停车位太少了", "我叫王小明，电话13912345678，车位太少",
             "今天天气不错我们一起出去玩了一整天然后回家吃饭睡觉还看了很久的电视节目非常开心的一天总之很好"]
    docs = docs_of(segmenter, texts)
    idf = {t: 1.0 for d in docs for t in d.terms}
    quotes = representative_quotes(docs, idf, limit=3)
    shown = " ".join(q.text for q in quotes)
    assert quotes and "13912345678" not in shown and "王小明" not in shown
    assert "天气不错" not in shown  # the longest text is not typical
    assert all(q.group == "citizen" for q in quotes)
    assert mask_personal("身份证110101199003071234") == "身份证＊＊＊"


def test_sentiment_of_complaints_praise_and_requests(segmenter):
    def label(text):
        return sentiment_label(sentiment_score(segmenter.raw(normalise(text))))

    assert label("路口太堵了，物业不作为，投诉无门") == "negative"
    assert label("新开的公交线路非常方便，点赞，感谢") == "positive"
    assert label("希望增加公交线路") == "neutral"
    assert label("希望能及时处理") == "neutral"  # what is wanted, not what is
    assert label("路口太堵了，希望尽快处理，谢谢") == "negative"  # thanks in a complaint is politeness
    assert label("感谢12345的工作人员，每次都很耐心") == "positive"
    assert sentiment_score(segmenter.raw("很方便")) > 0 > sentiment_score(segmenter.raw("不方便"))


def test_cooccurring_pairs_count_texts_and_lift(segmenter):
    docs = docs_of(segmenter, ["停车难 车位少", "停车难 车位少", "停车难 公交少", "挂号难"])
    pairs = cooccurring_pairs(docs, min_count=1)
    top = pairs[0]
    assert {top.a, top.b} == {"停车难", "车位"} and top.count == 2
    assert top.lift == pytest.approx(2 * 4 / (3 * 2))


def test_settings_merge_project_terms_over_bundled_ones():
    settings = TextSettings.bundled().with_project(["东湖绿道"], ["绿道"], {"红绿灯": "红绿灯组"})
    assert "绿道" in settings.stopwords and settings.synonyms["红绿灯"] == "红绿灯组"
    assert ("东湖绿道", 3000, "nz") in settings.dictionary_words()
