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
