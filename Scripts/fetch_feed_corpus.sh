#!/usr/bin/env bash
# Fetches the ~2,200 RSS/Atom test feeds of feedparser's source package (PyPI) into .build/feed-corpus, the
# seeds of the feed reader's fuzz test. Without them the test still runs on the repository's own feeds.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.build/feed-corpus
[ -d "$dest" ] && [ "$(find "$dest" -name '*.xml' | wc -l)" -gt 1000 ] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-binary :all: --no-deps feedparser==6.0.14 -d "$tmp"
tar -xzf "$tmp"/feedparser-6.0.14.tar.gz -C "$tmp"
mkdir -p "$dest"
cp -r "$tmp"/feedparser-6.0.14/tests/. "$dest"/
echo "feed corpus: $(find "$dest" -name '*.xml' | wc -l) feeds in $dest"
