#!/usr/bin/env python3
"""Build countries.tsv from countries.src (name;aliases;demonyms;capital;article), written by
hand for this project from public facts (UN member states, a few territories and regions often
in the news). Aliases include the names the countries use for themselves (Brasil, Deutschland),
which appear in agency names and untranslated copy."""
import pathlib
HERE = pathlib.Path(__file__).resolve().parent
rows = []
for line in open(HERE / "countries.src", encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    f = line.split(";")
    assert len(f) == 5, line
    rows.append([x if x else "-" for x in f])
with open(HERE.parent / "countries.tsv", "w", encoding="utf-8") as out:
    out.write("# Countries and territories often in the news: name, aliases, demonyms (| separated),\n")
    out.write("# capital, and `the` when the name takes the definite article in running English.\n")
    out.write("# Written for copydesk from public facts; regenerate with rules/data/build/countries.py.\n")
    out.write("name\taliases\tdemonyms\tcapital\tarticle\n")
    for r in rows:
        out.write("\t".join(r) + "\n")
print(len(rows), "countries")
