"""The XLSForm expression engine: parsing with positions, XPath/ODK semantics, properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from survey.expressions import (
    FUNCTIONS,
    Binary,
    Call,
    Current,
    ExpressionError,
    Literal,
    Ref,
    Unary,
    compile_expression,
    evaluate,
    parse,
    references,
    to_number,
    unparse,
)


class Answers:
    """A plain context: answers by name, the value under check, choice labels, a repeat index."""

    def __init__(self, answers=None, current="", labels=None, position=0):
        self.answers = answers or {}
        self._current = current
        self.labels = labels or {}
        self._position = position

    def value(self, name):
        return self.answers.get(name, "")

    path_value = value

    def current(self):
        return self._current

    def choice_label(self, question, choice):
        return self.labels.get((question, choice), choice)

    def position(self):
        return self._position


CTX = Answers(
    {"age": "34", "fruits": "apple banana", "dob": "2000-01-01", "commute": "bus", "blank": "", "name": "王小明"},
    labels={("commute", "bus"): "公交"},
)


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("${age} >= 18 and ${age} < 60", True),
        ("${age} > 60 or ${commute} = 'bus'", True),
        ("not(${commute} = 'car')", True),
        ("selected(${fruits}, 'banana')", True),
        ("selected(${fruits}, 'ban')", False),
        ("count-selected(${fruits})", 2.0),
        ("selected-at(${fruits}, 0)", "apple"),
        ("selected-at(${fruits}, 5)", ""),
        ("jr:choice-name(${commute}, '${commute}')", "公交"),
        ("if(${age} > 30, 'older', 'younger')", "older"),
        ("coalesce(${blank}, ${commute})", "bus"),
        ("concat(${name}, '（', ${age}, '岁）')", "王小明（34岁）"),
        ("string-length(${name})", 3.0),
        ("substr('智慧城市', 2)", "城市"),
        ("substr('智慧城市', 0, 2)", "智慧"),
        ("contains(${name}, '小')", True),
        ("starts-with(${name}, '王')", True),
        ("regex('13812345678', '^1[3-9][0-9]{9}$')", True),
        ("number('12.5') * 2", 25.0),
        ("int(-7.9)", -7.0),
        ("round(2.5)", 3.0),
        ("round(3.14159, 2)", 3.14),
        ("10 div 4", 2.5),
        ("${age} mod 5", 4.0),
        ("-${age} + 1", -33.0),
        ("1 + 2 * 3", 7.0),
        ("(1 + 2) * 3", 9.0),
        ("3 > 2 = 1", True),  # relational binds tighter than equality: (3 > 2) = 1
        ("date(1)", "1970-01-02"),
        ("decimal-date-time('1970-01-03')", 2.0),
        ("${dob} < '2001-01-01'", True),  # dates compare as day numbers
        ("'10' = 10.0", True),
        ("'abc' = 'abc'", True),
        ("‘公交’ = ${commute}", False),  # curly quotes typed with a Chinese IME are strings too
    ],
)
def test_semantics(expression, expected):
    assert evaluate(expression, CTX) == expected


def test_blank_number_in_arithmetic_is_nan():
    assert math.isnan(evaluate("${blank} + 1", CTX))
    assert evaluate("${blank} + 1 > 0", CTX) is False
    assert evaluate("${blank} = ''", CTX) is True


def test_current_value_and_position():
    assert evaluate(". >= 0 and . <= 120", Answers(current="34")) is True
    assert evaluate(". >= 0 and . <= 120", Answers(current="-1")) is False
    assert evaluate("position(..)", Answers(position=3)) == 3.0
    assert evaluate("../age + 1", CTX) == 35.0


def test_today_minus_birth_date_is_days():
    days = evaluate("today() - ${dob}", CTX)
    assert days > 365 * 20


def test_references_name_every_question_read():
    assert references(parse("${a} > 1 and selected(${b}, 'x') or ../c = 2")) == {"a", "b", "c"}
    assert references(parse("jr:choice-name(${d}, '${d}')")) == {"d"}
    assert references(parse("today()")) == set()


@pytest.mark.parametrize(
    "text, position, words",
    [
        ("${age} >", 8, "不完整"),
        ("${age} > 18 and", 15, "不完整"),
        ("foo(1)", 0, "未知函数"),
        ("selected(${a})", 0, "参数"),
        ("(1 + 2", 0, "右括号"),
        ("${}", 0, "缺少题目名称"),
        ("1 # 2", 2, "无法识别"),
        ("", 0, "为空"),
        ("1 2", 2, "多余"),
        ("'unclosed", 0, "无法识别"),
    ],
)
def test_errors_say_what_and_where(text, position, words):
    with pytest.raises(ExpressionError) as info:
        parse(text)
    assert info.value.position == position
    assert words in info.value.message
    assert f"第 {position + 1} 个字符" in str(info.value)


def test_no_python_eval_is_reachable():
    with pytest.raises(ExpressionError):
        parse("__import__('os').system('true')")


# -- properties -----------------------------------------------------------------------------

names = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(lambda n: n not in ("and", "or", "div", "mod"))
literals = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(lambda n: Literal(float(n))),
    st.text(alphabet=st.characters(blacklist_characters="'\"‘’“”", blacklist_categories=("Cs",)), max_size=6).map(Literal),
)
leaves = st.one_of(literals, names.map(Ref), st.just(Current()))
calls = [name for name, f in FUNCTIONS.items() if f.arity[0] <= 2 <= (9 if f.arity[1] is None else f.arity[1])]


def extend(children):
    binary = st.builds(
        Binary,
        st.sampled_from(["or", "and", "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod"]),
        children,
        children,
    )
    unary = st.builds(Unary, st.just("-"), children)
    call = st.builds(lambda name, args: Call(name, tuple(args)), st.sampled_from(calls), st.lists(children, min_size=2, max_size=2))
    return st.one_of(binary, unary, call)


trees = st.recursive(leaves, extend, max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(trees)
def test_unparse_then_parse_gives_the_same_tree(tree):
    assert parse(unparse(tree)) == tree


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_parses_or_raises_expression_error(text):
    try:
        parse(text)
    except ExpressionError as err:
        assert 0 <= err.position <= len(text)


@settings(max_examples=200, deadline=None)
@given(trees, st.dictionaries(names, st.one_of(st.text(max_size=5), st.integers(-50, 50).map(str)), max_size=4), st.text(max_size=4))
def test_evaluation_never_raises(tree, answers, current):
    value = compile_expression(tree)(Answers(answers, current=current))
    assert isinstance(value, (str, float, bool))


int_trees = st.recursive(
    st.integers(0, 1000).map(lambda n: Literal(float(n))),
    lambda children: st.builds(Binary, st.sampled_from(["+", "-", "*"]), children, children),
    max_leaves=10,
)


def python_value(tree):
    if isinstance(tree, Literal):
        return tree.value
    left, right = python_value(tree.left), python_value(tree.right)
    return {"+": left + right, "-": left - right, "*": left * right}[tree.op]


@settings(max_examples=200, deadline=None)
@given(int_trees)
def test_integer_arithmetic_matches_python(tree):
    assert evaluate(unparse(tree), Answers()) == python_value(tree)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9))
def test_numbers_round_trip_through_text(number):
    assert to_number(repr(number)) == number
