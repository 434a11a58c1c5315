"""The responses table in SQL: every sort key orders the rows by what the column shows."""

from __future__ import annotations

import sqlite3

import pytest

from survey.browse import COLUMNS, Filter, response_ids, response_rows


@pytest.mark.parametrize("key", ["collector", "submitted", "started", "minutes", "survey", "group", "status"])
def test_each_sort_key_orders_by_the_column_it_shows(demo_file, key):
    conn = sqlite3.connect(demo_file)
    ids = response_ids(conn, Filter(), sort=key, descending=True)
    rows = response_rows(conn, ids)
    column = list(COLUMNS).index(key)
    shown = [rows[i][column] for i in ids]
    assert len(ids) == conn.execute("SELECT COUNT(*) FROM responses WHERE deleted_at IS NULL").fetchone()[0]
    present = [v for v in shown if v is not None]
    assert present == sorted(present, reverse=True)  # ties and blanks aside, highest first
    ascending = response_ids(conn, Filter(), sort=key, descending=False)
    assert ascending == ids[::-1]
    conn.close()
