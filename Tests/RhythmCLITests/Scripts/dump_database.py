"""Prints every row of every table of a Rhythm database, for tests that prove nothing changed.

Usage: dump_database.py DATABASE
Opens the database read-only (a running `rhythm serve` may have it open) and prints one JSON
object: the schema, and for each table (sqlite_sequence included) its rows in rowid order,
each row a list of its values, BLOBs as hex. Checkpointing the WAL moves pages between files
but no row, so two dumps are equal exactly when the data is.
"""
import json
import sqlite3
import sys


def value(cell):
    return cell.hex() if isinstance(cell, bytes) else cell


def main():
    connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    schema = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name"
    ).fetchall()
    tables = {}
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        quoted = '"' + name.replace('"', '""') + '"'
        try:
            rows = connection.execute(f"SELECT * FROM {quoted} ORDER BY rowid").fetchall()
        except sqlite3.OperationalError:
            # A WITHOUT ROWID table: its primary key orders it.
            rows = sorted(connection.execute(f"SELECT * FROM {quoted}").fetchall(), key=repr)
        tables[name] = [[value(cell) for cell in row] for row in rows]
    connection.close()
    print(json.dumps({"schema": schema, "tables": tables}, sort_keys=True, indent=1))


if __name__ == "__main__":
    main()
