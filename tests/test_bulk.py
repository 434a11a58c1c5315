"""Bulk helpers: the cyclic collector is paused for a bulk load and restored after, even on error."""

from __future__ import annotations

import gc

import pytest

from workspace.bulk import collector_paused


def test_collector_is_paused_inside_and_restored_after_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not switch it back on early
        raise RuntimeError
    assert gc.isenabled()


def test_as_a_decorator():
    @collector_paused()
    def load():
        return gc.isenabled()

    assert load() is False and gc.isenabled()


def test_insert_rows_writes_every_row_whatever_the_block_size():
    import sqlite3

    from workspace.bulk import insert_rows

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    for count in (0, 1, 49, 50, 51, 137):
        conn.execute("DELETE FROM t")
        rows = [(i, f"值{i}") for i in range(count)]
        insert_rows(conn, "INSERT INTO t(a, b)", rows, per_statement=50)
        assert conn.execute("SELECT a, b FROM t ORDER BY a").fetchall() == rows
