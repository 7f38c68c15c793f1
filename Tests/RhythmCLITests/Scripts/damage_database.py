"""Damages a copy of a Rhythm database the way a failing disk does, for Rhythm's tests.

Usage: damage_database.py DATABASE
Adds a table of a few hundred pages (so the middle of the file is table data, not the
schema), then writes 4 KiB of zeros over the page in the middle of the file. The database
must not be open elsewhere.
"""
import sqlite3
import sys

PAGE = 4096


def main():
    path = sys.argv[1]
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE filler (bytes BLOB)")
    connection.executemany("INSERT INTO filler VALUES (randomblob(3000))", [()] * 300)
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(path, "r+b") as database:
        database.seek(0, 2)
        pages = database.tell() // PAGE
        database.seek(pages // 2 * PAGE)
        database.write(bytes(PAGE))


if __name__ == "__main__":
    main()
