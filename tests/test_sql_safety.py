"""SQL only with parameters: no user text is ever formatted into a statement."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|ALTER|REPLACE INTO|MATCH)\b")
# Names that may be formatted into SQL: each holds a constant or a run of "?" placeholders, never user text.
ALLOWED = {
    "table": "a table name chosen by the code (passages, facts, their FTS tables)",
    "marks": "',' joined '?' placeholders",
    "names": "column names: the keys of the rows the store itself makes",
    "typed": "a constant ' AND f.type = ?' or ''",
    "SCAN_BUDGET": "an int constant",
    "_BUSY_MS": "an int constant",
}


def sql_formatting(path: Path) -> list[str]:
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if SQL.search(text):
                for value in node.values:
                    if isinstance(value, ast.FormattedValue):
                        name = value.value.id if isinstance(value.value, ast.Name) else ast.unparse(value.value)
                        if name not in ALLOWED:
                            problems.append(f"{where}:{node.lineno} formats {name} into SQL")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
                and isinstance(node.left.value, str) and SQL.search(node.left.value):
            problems.append(f"{where}:{node.lineno} %-formats SQL")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and _concatenates_sql(node):
            problems.append(f"{where}:{node.lineno} concatenates a value onto SQL")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
                and isinstance(node.func.value, ast.Constant) and SQL.search(str(node.func.value.value)):
            problems.append(f"{where}:{node.lineno} .format()s SQL")
    return problems


def _concatenates_sql(node: ast.BinOp) -> bool:
    sides = (node.left, node.right)
    sql = any(isinstance(x, ast.Constant) and isinstance(x.value, str) and SQL.search(x.value) for x in sides)
    # constant + constant is one string written in two pieces; an allowed name is a known constant
    return sql and any(not isinstance(x, ast.Constant | ast.JoinedStr | ast.BinOp)
                       and not (isinstance(x, ast.Name) and x.id in ALLOWED) for x in sides)


@pytest.mark.parametrize("package", ["knowledge", "handlers", "bot"])
def test_sql_is_never_built_from_values(package: str) -> None:
    problems = [p for path in sorted((ROOT / package).rglob("*.py")) for p in sql_formatting(path)]
    assert not problems


def test_the_check_catches_formatting(tmp_path: Path) -> None:
    bad = tmp_path / "bad_example.py"
    bad.write_text('def q(conn, user):\n    conn.execute(f"SELECT * FROM t WHERE name = \'{user}\'")\n'
                   '    conn.execute("DELETE FROM t WHERE id = %s" % user)\n'
                   '    conn.execute("SELECT * FROM t WHERE name = " + user)\n')
    assert len(sql_formatting(bad)) == 3
