"""XLSForm expressions: relevance, constraints, calculations and choice filters.

A real tokenizer and a precedence-climbing parser produce an AST (never Python
``eval``); :func:`compile_expression` turns the AST into nested Python closures so
that a kiosk can re-evaluate hundreds of expressions per keystroke.

Values follow XPath 1.0 as ODK uses it:

* every answer is a string ('' when blank); a multiple choice answer is the
  space-separated choice names;
* arithmetic converts with ``number()``: '' and text that is not a number give NaN,
  a date ``YYYY-MM-DD`` gives days since 1970-01-01 (so ``today() - ${dob}`` is days);
* ``=`` and ``!=`` compare as numbers when either side is a number or boolean, else as
  strings; ``<``, ``<=``, ``>``, ``>=`` always compare as numbers;
* a value is true when it is a non-empty string, a number other than 0 and NaN, or true.

Errors in an expression are :class:`ExpressionError` with the 0-based character
position, raised when the survey is saved or imported, not when a respondent gets there.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

# -- errors ---------------------------------------------------------------------------


class ExpressionError(ValueError):
    """An expression that cannot be read, with where (0-based character offset)."""

    def __init__(self, message: str, position: int, expression: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.expression = expression

    def __str__(self) -> str:
        where = f"第 {self.position + 1} 个字符处 (at character {self.position + 1})"
        return f"{self.message} — {where}"


# -- tokens ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # number, string, ref, name, op, lparen, rparen, comma, dot, dotdot, path, end
    text: str
    position: int


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<ref>\$\{\s*(?P<refname>[^}\s]*)\s*\})
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<string>'[^']*'|"[^"]*"|‘[^’]*’|“[^”]*”)
  | (?P<op>!=|<=|>=|=|<|>|\+|-|\*|\|)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<comma>,)
  | (?P<dotdot>\.\.)
  | (?P<dot>\.)
  | (?P<path>/)
  | (?P<name>[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)
    """,
    re.VERBOSE,
)
_WORD_OPERATORS = {"and", "or", "div", "mod"}


def tokenize(text: str) -> list[Token]:
    """Split an expression into tokens; raises :class:`ExpressionError` on a stray character."""
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ExpressionError(f"无法识别的字符 {text[position]!r} (unexpected character)", position, text)
        kind = match.lastgroup
        if kind == "refname":
            kind = "ref"
        if kind == "ref":
            name = match.group("refname")
            if not name:
                raise ExpressionError("${} 中缺少题目名称 (empty ${} reference)", position, text)
            tokens.append(Token("ref", name, position))
        elif kind == "string":
            tokens.append(Token("string", match.group()[1:-1], position))
        elif kind == "name" and match.group() in _WORD_OPERATORS and _operator_allowed(tokens):
            tokens.append(Token("op", match.group(), position))
        elif kind != "space":
            tokens.append(Token(kind, match.group(), position))
        position = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


def _operator_allowed(tokens: list[Token]) -> bool:
    """``and``/``div``... are operators only after an operand (XPath's disambiguation rule)."""
    return bool(tokens) and tokens[-1].kind in ("number", "string", "ref", "rparen", "dot", "dotdot", "name")


# -- the syntax tree ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Literal:
    value: str | float


@dataclass(frozen=True, slots=True)
class Ref:
    """``${name}``: the current answer to another question."""

    name: str


@dataclass(frozen=True, slots=True)
class Current:
    """``.``: the answer being checked (constraints, choice filters)."""


@dataclass(frozen=True, slots=True)
class Path:
    """A raw XPath such as ``../age`` or ``/data/age``; its last step names the question."""

    text: str


@dataclass(frozen=True, slots=True)
class Unary:
    op: str
    operand: Node


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]


Node = Literal | Ref | Current | Path | Unary | Binary | Call

_PRECEDENCE = {"or": 1, "and": 2, "=": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "div": 6, "mod": 6, "|": 7}


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0

    def peek(self) -> Token:
        return self.tokens[self.index]

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def error(self, message: str, token: Token | None = None) -> ExpressionError:
        token = token or self.peek()
        return ExpressionError(message, token.position, self.text)

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise self.error("表达式为空 (empty expression)")
        node = self.expression(1)
        if self.peek().kind != "end":
            raise self.error(f"多余的内容 {self.peek().text!r} (unexpected {self.peek().text!r})")
        return node

    def expression(self, min_precedence: int) -> Node:
        left = self.unary()
        while True:
            token = self.peek()
            precedence = _PRECEDENCE.get(token.text) if token.kind == "op" else None
            if precedence is None or precedence < min_precedence:
                return left
            self.take()
            right = self.expression(precedence + 1)
            left = Binary(token.text, left, right)

    def unary(self) -> Node:
        if self.peek().kind == "op" and self.peek().text == "-":
            self.take()
            return Unary("-", self.unary())
        return self.primary()

    def primary(self) -> Node:
        token = self.take()
        if token.kind == "number":
            return Literal(float(token.text))
        if token.kind == "string":
            return Literal(token.text)
        if token.kind == "ref":
            return Ref(token.text)
        if token.kind == "lparen":
            inner = self.expression(1)
            if self.take().kind != "rparen":
                raise self.error("缺少右括号 ) (missing ')')", token)
            return inner
        if token.kind == "name" and self.peek().kind == "lparen":
            return self.call(token)
        if token.kind in ("dot", "dotdot", "path", "name"):
            return self.path(token)
        if token.kind == "end":
            raise self.error("表达式不完整 (expression ends too early)", token)
        raise self.error(f"此处不应出现 {token.text!r} (unexpected {token.text!r})", token)

    def call(self, name: Token) -> Node:
        self.take()  # (
        args: list[Node] = []
        if self.peek().kind != "rparen":
            while True:
                args.append(self.expression(1))
                if self.peek().kind == "comma":
                    self.take()
                    continue
                break
        if self.take().kind != "rparen":
            raise self.error(f"函数 {name.text}() 缺少右括号 (missing ')' after arguments)", name)
        function = FUNCTIONS.get(name.text)
        if function is None:
            raise self.error(f"未知函数 {name.text}() (unknown function)", name)
        low, high = function.arity
        if not (low <= len(args) <= (high if high is not None else len(args))):
            expected = f"{low}" if low == high else f"{low}–{high if high is not None else '…'}"
            raise self.error(
                f"函数 {name.text}() 需要 {expected} 个参数，给了 {len(args)} 个 "
                f"(takes {expected} arguments, got {len(args)})",
                name,
            )
        return Call(name.text, tuple(args))

    def path(self, first: Token) -> Node:
        """``.``, ``..``, ``../x``, ``/data/x`` or a bare name: kept as text; its last step names the question."""
        if first.kind == "dot" and self.peek().kind != "path":
            return Current()
        parts = [first.text]
        if first.kind == "path":
            if self.peek().kind not in ("name", "dot", "dotdot"):
                raise self.error("路径 / 后缺少名称 (a name must follow '/')")
            parts.append(self.take().text)
        while self.peek().kind == "path":
            parts.append(self.take().text)
            if self.peek().kind not in ("name", "dot", "dotdot"):
                raise self.error("路径 / 后缺少名称 (a name must follow '/')")
            parts.append(self.take().text)
        return Path("".join(parts))


@lru_cache(maxsize=4096)
def parse(text: str) -> Node:
    """Parse an expression into an AST; raises :class:`ExpressionError` with a position."""
    return _Parser(text).parse()


def references(node: Node) -> set[str]:
    """Names of the questions an expression reads (``${name}`` and path last steps)."""
    found: set[str] = set()
    for child in walk(node):
        if isinstance(child, Ref):
            found.add(child.name)
        elif isinstance(child, Path):
            last = child.text.rstrip("/").rsplit("/", 1)[-1]
            if last not in (".", "..", ""):
                found.add(last)
        elif isinstance(child, Call) and child.name == "jr:choice-name" and len(child.args) == 2:
            second = child.args[1]
            if isinstance(second, Literal) and isinstance(second.value, str):
                match = re.fullmatch(r"\s*\$\{(\w+)\}\s*", second.value)
                if match:
                    found.add(match.group(1))
    return found


def walk(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, Unary):
        yield from walk(node.operand)
    elif isinstance(node, Binary):
        yield from walk(node.left)
        yield from walk(node.right)
    elif isinstance(node, Call):
        for arg in node.args:
            yield from walk(arg)


def unparse(node: Node) -> str:
    """The expression back as text (fully parenthesised binary operations)."""
    if isinstance(node, Literal):
        if isinstance(node.value, float):
            return repr(int(node.value)) if node.value.is_integer() and abs(node.value) < 1e15 else repr(node.value)
        quote = "'" if "'" not in node.value else '"'
        return f"{quote}{node.value}{quote}"
    if isinstance(node, Ref):
        return "${" + node.name + "}"
    if isinstance(node, Current):
        return "."
    if isinstance(node, Path):
        return node.text
    if isinstance(node, Unary):
        return f"-({unparse(node.operand)})"
    if isinstance(node, Binary):
        return f"({unparse(node.left)} {node.op} {unparse(node.right)})"
    return f"{node.name}({', '.join(unparse(a) for a in node.args)})"


# -- evaluation ---------------------------------------------------------------------------


class Context(Protocol):
    """What an expression can see while it is evaluated."""

    def value(self, name: str) -> str:
        """The answer to question ``name`` as text ('' when blank or unknown)."""

    def path_value(self, name: str) -> str:
        """A bare name or path such as ``district`` or ``../age``: in a choice filter, the
        choice's column of that name; elsewhere the answer, as for ``${name}``."""

    def current(self) -> str:
        """The answer being checked, for ``.``."""

    def choice_label(self, question: str, choice: str) -> str:
        """The label of ``choice`` in ``question``'s choice list (for ``jr:choice-name``)."""

    def position(self) -> int:
        """1-based index of the current repeat instance (0 outside repeats)."""


Value = str | float | bool
Compiled = Callable[[Context], Value]
_EPOCH = dt.date(1970, 1, 1)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")


def to_number(value: Value) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    text = value.strip()
    if not text:
        return math.nan
    try:
        return float(text)
    except ValueError:
        pass
    if _DATE.match(text):
        try:
            return float((dt.date.fromisoformat(text) - _EPOCH).days)
        except ValueError:
            return math.nan
    if _DATETIME.match(text):
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return math.nan
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.timezone.utc)
        return (moment - dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)).total_seconds() / 86400
    return math.nan


def to_string(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return str(int(value)) if value.is_integer() else repr(value)
    return value


def to_bool(value: Value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return not (value == 0 or math.isnan(value))
    return value != ""


def _compare(op: str, left: Value, right: Value) -> bool:
    if op in ("=", "!="):
        if isinstance(left, bool) or isinstance(right, bool):
            equal = to_bool(left) == to_bool(right)
        elif isinstance(left, float) or isinstance(right, float):
            equal = to_number(left) == to_number(right)
        else:
            equal = left == right
        return equal if op == "=" else not equal
    a, b = to_number(left), to_number(right)
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    return a >= b


def _arithmetic(op: str, left: Value, right: Value) -> float:
    a, b = to_number(left), to_number(right)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "div":
        if b == 0:
            return math.nan if a == 0 or math.isnan(a) else math.copysign(math.inf, a)
        return a / b
    if b == 0 or math.isnan(a) or math.isnan(b) or math.isinf(a):
        return math.nan
    return math.fmod(a, b)


def compile_expression(node: Node | str) -> Compiled:
    """Turn an AST (or expression text) into a function of a :class:`Context`."""
    if isinstance(node, str):
        node = parse(node)
    if isinstance(node, Literal):
        constant = node.value
        return lambda ctx: constant
    if isinstance(node, Ref):
        name = node.name
        return lambda ctx: ctx.value(name)
    if isinstance(node, Current):
        return lambda ctx: ctx.current()
    if isinstance(node, Path):
        last = node.text.rstrip("/").rsplit("/", 1)[-1]
        if last == ".":
            return lambda ctx: ctx.current()
        return lambda ctx: ctx.path_value(last)
    if isinstance(node, Unary):
        operand = compile_expression(node.operand)
        return lambda ctx: -to_number(operand(ctx))
    if isinstance(node, Binary):
        left, right, op = compile_expression(node.left), compile_expression(node.right), node.op
        if op == "and":
            return lambda ctx: to_bool(left(ctx)) and to_bool(right(ctx))
        if op == "or":
            return lambda ctx: to_bool(left(ctx)) or to_bool(right(ctx))
        if op in ("=", "!=", "<", "<=", ">", ">="):
            return lambda ctx: _compare(op, left(ctx), right(ctx))
        if op == "|":
            return lambda ctx: " ".join(v for v in (to_string(left(ctx)), to_string(right(ctx))) if v)
        return lambda ctx: _arithmetic(op, left(ctx), right(ctx))
    function = FUNCTIONS[node.name]
    args = tuple(compile_expression(a) for a in node.args)
    if function.lazy:
        return lambda ctx: function.body(ctx, *args)
    body = function.body
    return lambda ctx: body(ctx, *(a(ctx) for a in args))


def evaluate(expression: str, context: Context) -> Value:
    return compile_expression(parse(expression))(context)


# -- functions ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Function:
    body: Callable[..., Value]
    arity: tuple[int, int | None]
    lazy: bool = False
    """Lazy functions receive compiled arguments (for if/coalesce short-circuiting)."""


FUNCTIONS: dict[str, Function] = {}


def _function(*names: str, arity: tuple[int, int | None], lazy: bool = False):
    def register(body: Callable[..., Value]) -> Callable[..., Value]:
        for name in names:
            FUNCTIONS[name] = Function(body, arity, lazy)
        return body

    return register


def _items(value: Value) -> list[str]:
    return to_string(value).split()


@_function("selected", arity=(2, 2))
def _selected(ctx, answer, choice):
    return to_string(choice).strip() in _items(answer)


@_function("count-selected", arity=(1, 1))
def _count_selected(ctx, answer):
    return float(len(_items(answer)))


@_function("selected-at", arity=(2, 2))
def _selected_at(ctx, answer, index):
    items = _items(answer)
    i = to_number(index)
    return items[int(i)] if not math.isnan(i) and 0 <= i < len(items) else ""


@_function("jr:choice-name", arity=(2, 2))
def _choice_name(ctx, choice, question):
    name = to_string(question).strip()
    match = re.fullmatch(r"\$\{(\w+)\}", name)
    name = match.group(1) if match else name.rstrip("/").rsplit("/", 1)[-1]
    return ctx.choice_label(name, to_string(choice))


@_function("if", arity=(3, 3), lazy=True)
def _if(ctx, condition, then, otherwise):
    return then(ctx) if to_bool(condition(ctx)) else otherwise(ctx)


@_function("coalesce", arity=(2, None), lazy=True)
def _coalesce(ctx, *values):
    for value in values:
        result = value(ctx)
        if to_string(result) != "":
            return result
    return ""


@_function("concat", arity=(0, None))
def _concat(ctx, *parts):
    return "".join(to_string(p) for p in parts)


@_function("join", arity=(1, None))
def _join(ctx, separator, *parts):
    return to_string(separator).join(to_string(p) for p in parts)


@_function("string", arity=(1, 1))
def _string(ctx, value):
    return to_string(value)


@_function("string-length", arity=(1, 1))
def _string_length(ctx, value):
    return float(len(to_string(value)))


@_function("substr", arity=(2, 3))
def _substr(ctx, text, start, end=None):
    """ODK's substr: 0-based start, exclusive end."""
    s = to_string(text)
    a = to_number(start)
    b = len(s) if end is None else to_number(end)
    if math.isnan(a) or math.isnan(b):
        return ""
    return s[max(0, int(a)) : max(0, int(b))]


@_function("substring-before", arity=(2, 2))
def _substring_before(ctx, text, needle):
    s, n = to_string(text), to_string(needle)
    return s.split(n, 1)[0] if n and n in s else ""


@_function("substring-after", arity=(2, 2))
def _substring_after(ctx, text, needle):
    s, n = to_string(text), to_string(needle)
    if not n:
        return s
    return s.split(n, 1)[1] if n in s else ""


@_function("contains", arity=(2, 2))
def _contains(ctx, text, needle):
    return to_string(needle) in to_string(text)


@_function("starts-with", arity=(2, 2))
def _starts_with(ctx, text, prefix):
    return to_string(text).startswith(to_string(prefix))


@_function("ends-with", arity=(2, 2))
def _ends_with(ctx, text, suffix):
    return to_string(text).endswith(to_string(suffix))


@_function("normalize-space", arity=(1, 1))
def _normalize_space(ctx, text):
    return " ".join(to_string(text).split())


@_function("translate", arity=(3, 3))
def _translate(ctx, text, source, target):
    s, a, b = to_string(text), to_string(source), to_string(target)
    table = {ord(c): (b[i] if i < len(b) else None) for i, c in reversed(list(enumerate(a)))}
    return s.translate(table)


_compiled_regex = lru_cache(maxsize=256)(re.compile)


@_function("regex", arity=(2, 2))
def _regex(ctx, text, pattern):
    try:
        return _compiled_regex(to_string(pattern)).search(to_string(text)) is not None
    except re.error:
        return False


@_function("number", arity=(1, 1))
def _number(ctx, value):
    return to_number(value)


@_function("int", arity=(1, 1))
def _int(ctx, value):
    n = to_number(value)
    return n if math.isnan(n) or math.isinf(n) else float(math.trunc(n))


@_function("round", arity=(1, 2))
def _round(ctx, value, digits=0.0):
    n, d = to_number(value), to_number(digits)
    if math.isnan(n) or math.isinf(n) or math.isnan(d):
        return n
    digits = max(-300, min(300, int(d)))
    factor = 10.0**digits
    scaled = n * factor
    if math.isinf(scaled):
        return n
    return math.floor(scaled + 0.5) / factor


@_function("floor", arity=(1, 1))
def _floor(ctx, value):
    n = to_number(value)
    return n if math.isnan(n) or math.isinf(n) else float(math.floor(n))


@_function("ceiling", arity=(1, 1))
def _ceiling(ctx, value):
    n = to_number(value)
    return n if math.isnan(n) or math.isinf(n) else float(math.ceil(n))


@_function("abs", arity=(1, 1))
def _abs(ctx, value):
    return abs(to_number(value))


@_function("pow", arity=(2, 2))
def _pow(ctx, base, exponent):
    try:
        return float(to_number(base) ** to_number(exponent))
    except (OverflowError, ZeroDivisionError, ValueError):
        return math.nan


@_function("max", arity=(1, None))
def _max(ctx, *values):
    numbers = [to_number(v) for v in values]
    return math.nan if any(math.isnan(n) for n in numbers) else max(numbers)


@_function("min", arity=(1, None))
def _min(ctx, *values):
    numbers = [to_number(v) for v in values]
    return math.nan if any(math.isnan(n) for n in numbers) else min(numbers)


@_function("true", arity=(0, 0))
def _true(ctx):
    return True


@_function("false", arity=(0, 0))
def _false(ctx):
    return False


@_function("not", arity=(1, 1))
def _not(ctx, value):
    return not to_bool(value)


@_function("boolean", arity=(1, 1))
def _boolean(ctx, value):
    return to_bool(value)


@_function("boolean-from-string", arity=(1, 1))
def _boolean_from_string(ctx, value):
    return to_string(value).strip().lower() in ("true", "1")


@_function("today", arity=(0, 0))
def _today(ctx):
    return dt.date.today().isoformat()


@_function("now", arity=(0, 0))
def _now(ctx):
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


@_function("date", "date-time", arity=(1, 1))
def _date(ctx, value):
    if isinstance(value, str) and (_DATE.match(value.strip()) or _DATETIME.match(value.strip())):
        return value.strip()[:10]
    n = to_number(value)
    if math.isnan(n):
        return ""
    return (_EPOCH + dt.timedelta(days=math.floor(n))).isoformat()


@_function("decimal-date-time", "decimal-date", arity=(1, 1))
def _decimal_date_time(ctx, value):
    return to_number(value)


@_function("format-date", "format-date-time", arity=(2, 2))
def _format_date(ctx, value, pattern):
    n = to_number(value)
    if math.isnan(n):
        return ""
    moment = dt.datetime(1970, 1, 1) + dt.timedelta(days=n)
    codes = {"%Y": "%Y", "%y": "%y", "%m": "%m", "%n": str(moment.month), "%d": "%d", "%e": str(moment.day),
             "%H": "%H", "%h": str(moment.hour), "%M": "%M", "%S": "%S", "%a": "%a", "%b": "%b"}
    out = to_string(pattern)
    for code, replacement in codes.items():
        out = out.replace(code, moment.strftime(replacement) if replacement.startswith("%") else replacement)
    return out


@_function("position", arity=(0, 1))
def _position(ctx, node=None):
    return float(ctx.position())


@_function("uuid", arity=(0, 1))
def _uuid(ctx, length=None):
    return str(uuid.uuid4())


@_function("once", arity=(1, 1))
def _once(ctx, value):
    current = ctx.current()
    return current if current != "" else value


@_function("count", arity=(1, 1))
def _count(ctx, value):
    return float(len(_items(value))) if to_string(value) else 0.0


@_function("sum", arity=(1, 1))
def _sum(ctx, value):
    return float(sum(to_number(v) for v in _items(value)))


@_function("string-join", arity=(2, 2))
def _string_join(ctx, values, separator):
    return to_string(separator).join(_items(values))


@_function("digest", arity=(2, 3))
def _digest(ctx, text, algorithm, encoding=None):
    import hashlib

    name = to_string(algorithm).replace("-", "").lower()
    try:
        return hashlib.new(name, to_string(text).encode("utf-8")).hexdigest()
    except ValueError:
        return ""


def _math(function: Callable[..., float]) -> Callable[..., float]:
    def body(ctx, *values):
        try:
            return float(function(*(to_number(v) for v in values)))
        except (ValueError, OverflowError, ZeroDivisionError):
            return math.nan

    return body


for _name, _fn, _arity in [
    ("sqrt", math.sqrt, 1), ("exp", math.exp, 1), ("exp10", lambda x: 10**x, 1), ("log", math.log, 1),
    ("log10", math.log10, 1), ("sin", math.sin, 1), ("cos", math.cos, 1), ("tan", math.tan, 1),
    ("asin", math.asin, 1), ("acos", math.acos, 1), ("atan", math.atan, 1), ("atan2", math.atan2, 2),
]:
    FUNCTIONS[_name] = Function(_math(_fn), (_arity, _arity))
FUNCTIONS["pi"] = Function(lambda ctx: math.pi, (0, 0))


@_function("random", arity=(0, 0))
def _random(ctx):
    import random

    return random.random()


@_function("count-non-empty", arity=(1, None))
def _count_non_empty(ctx, *values):
    return float(sum(1 for v in values if to_string(v) != ""))


@_function("checklist", arity=(2, None))
def _checklist(ctx, low, high, *answers):
    yes = sum(1 for a in answers if to_bool(a) and to_string(a) not in ("false", "no"))
    lo, hi = to_number(low), to_number(high)
    return (lo < 0 or yes >= lo) and (hi < 0 or yes <= hi)


# Functions that need data Huizhi does not have offline (external CSVs, repeats by
# index, geometry): accepted so that forms using them load, evaluated as blank.
for _name, _low in [("pulldata", 3), ("indexed-repeat", 3), ("distance", 1), ("area", 1), ("instance", 1),
                    ("version", 0), ("property", 1)]:
    FUNCTIONS[_name] = Function(lambda ctx, *args: "", (_low, None))
