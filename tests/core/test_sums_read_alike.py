"""A sum over the ledger's 64-bit columns (serials and sheet counts, schema step 13) is a NUMERIC on the server
and an integer on a file: both read back as a Python int, so balances and totals compute and print alike."""

from __future__ import annotations

from decimal import Decimal


def test_a_sum_of_big_whole_numbers_is_an_int_on_either_engine(storage):
    def one(sql: str):
        return storage.db.execute_sql(sql).fetchone()[0]

    total = one("SELECT SUM(x) FROM (SELECT 3000000000 AS x UNION ALL SELECT 2 AS x) t")
    assert total == 3_000_000_002 and type(total) is int
    below = one("SELECT SUM(x) FROM (SELECT -3000000000 AS x UNION ALL SELECT 1 AS x) t")
    assert below == -2_999_999_999 and type(below) is int
    # a fraction is still a fraction (a float on a file, a Decimal on the server), never cut to a whole number
    half = one("SELECT SUM(x) FROM (SELECT 0.5 AS x UNION ALL SELECT 1 AS x) t")
    assert half == 1.5 and isinstance(half, (float, Decimal))
