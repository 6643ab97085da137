"""Checks every Wikidata id in the gazetteers (data/*.tsv) against its label (run by build.sh after the build).

An entity may carry a `Q...` id only when Wikidata's label for that id names it: the label (from
the name-suggestion-index's dist/wikidata/wikidata.json, CC0) must match the canonical name or
one of the aliases under the same comparison orgs.py uses (case, diacritics, legal form, a
bracketed qualifier, "Group" and trailing words aside). Exits 1 and lists the mismatches if any.
"""
import sys

from common import DATA, GAZETTEERS, read_gazetteer
import orgs
from orgs import NSI, label_matches


def main() -> int:
    orgs.LEGAL_FORMS = orgs.load_legal_forms()  # the comparison orgs.py's main uses
    nsi = NSI()
    checked, bad = 0, []
    for path in sorted(DATA / name for name in GAZETTEERS):
        for e in read_gazetteer(path):
            if not e.id.startswith("Q"):
                continue
            checked += 1
            label = nsi.label(e.id)
            names = [e.name] + [a.text for a in e.aliases]
            # a bracketed qualifier can be the label itself: "SAS (San Antonio Shoemakers)"
            names += [n[n.index("(") + 1 : n.rindex(")")] for n in names if "(" in n and n.endswith(")")]
            if not label_matches(names, label):
                bad.append(f"  {path.name}: {e.id} {e.name!r} has label {label!r}")
    print(f"check_ids: {checked} Wikidata ids checked against their labels, {len(bad)} mismatches")
    print("\n".join(bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
