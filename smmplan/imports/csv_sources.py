"""CSV and TSV in the encodings spreadsheets save them in, with the delimiter sniffed."""

from __future__ import annotations

import csv
import io

from smmplan.imports.table import FileRefused, Row, Table, check_rows

# A spreadsheet app saves what it shows; cp1252 is what Excel on Windows calls "CSV".
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 with BOM"),
    (b"\xff\xfe", "utf-16", "UTF-16 (Excel 'Unicode text')"),
    (b"\xfe\xff", "utf-16", "UTF-16 (Excel 'Unicode text')"),
)
_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
# What smmplan's CSV writer put before a cell a spreadsheet would run (export/to_csv.py).
_NEUTRALISED = ("'=", "'+", "'-", "'@", "'\t", "'\r", "'\n", "'\0")


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """The text of a CSV file and a note naming its encoding; FileRefused for binary files."""
    for bom, encoding, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), name
            except UnicodeDecodeError:
                raise FileRefused(f"{path}: not readable as {name}") from None
    if b"\x00" in raw[:4096]:
        sample = raw[:200]
        for zeros, encoding in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
            if zeros and not zeros.strip(b"\x00"):  # ASCII saved as UTF-16 without its BOM
                try:
                    return raw.decode(encoding), "UTF-16"
                except UnicodeDecodeError:
                    break
        raise FileRefused(f"{path}: a binary file, not a CSV or spreadsheet smmplan can read")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252 (not UTF-8)"
    except UnicodeDecodeError:
        raise FileRefused(
            f"{path}: neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8"
        ) from None


def sniff(text: str) -> str:
    """The delimiter of the header line: the most frequent of , ; and tab outside quotes."""
    first = next(csv.reader(io.StringIO(text)), [""])
    line = text.split("\n", 1)[0] if len(first) <= 1 else ",".join(first)
    counts = {d: _count_outside_quotes(line, d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, delimiter: str) -> int:
    quoted = False
    count = 0
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def read_csv(raw: bytes, path: str, *, headerless: bool = False) -> Table:
    """Every record of a CSV file; the header is record 1, as a spreadsheet numbers rows."""
    text, encoding = decode(raw, path)
    if not text.strip():
        raise FileRefused(f"{path}: the file is empty")
    delimiter = sniff(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise FileRefused(f"{path}: not a readable CSV ({exc})") from None
    check_rows(path, len(records))
    rows = [
        Row(number, [undo_neutralise(cell) for cell in record])
        for number, record in enumerate(records, start=1)
        if any(cell.strip() for cell in record)
    ]
    if not rows:
        raise FileRefused(f"{path}: the file has no rows")
    header: list[str] = [] if headerless else [cell.strip() for cell in rows.pop(0).cells]
    kind = "tsv" if delimiter == "\t" else "csv"
    notes = [f"read as {encoding}, {_DELIMITERS[delimiter]}-separated"]
    return Table(path, header, rows, kind, notes=notes)


def undo_neutralise(cell: str) -> str:
    """A cell as written before smmplan's CSV put a `'` before a formula-like start."""
    return cell[1:] if cell.startswith(_NEUTRALISED) else cell
