#!/usr/bin/env bash
# Fetch the map's front-end files (Leaflet, jQuery) from the npm registry into static/vendor/.
#
# The pinned list is ui/assets.json (name, version, sha512 integrity, files to copy). Each package is
# fetched with `npm pack NAME@VERSION` into a temporary folder, its integrity is checked against the
# manifest, and only the listed dist + LICENSE files are copied. Idempotent: when static/vendor/ already
# holds every listed file for this manifest (stamp file), nothing is fetched, so it works offline after
# the first run. No third-party code is committed (static/vendor/ is git-ignored).
set -euo pipefail
case "${1:-}" in
  "") ;;
  -h|--help) sed -n '2,8s/^# \{0,1\}//p' "$0"; exit 0 ;;
  *) echo "usage: scripts/fetch_assets.sh   (no arguments; -h for help)" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
MANIFEST=ui/assets.json
DEST=static/vendor
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi

stamp="$("$PY" - "$MANIFEST" <<'PYEOF'
import hashlib, sys
print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())
PYEOF
)"

complete() {
  [ -f "$DEST/.manifest-sha256" ] && [ "$(cat "$DEST/.manifest-sha256")" = "$stamp" ] || return 1
  "$PY" - "$MANIFEST" "$DEST" <<'PYEOF'
import json, os, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
missing = [t for p in m["packages"] for t in p["files"].values()
           if not os.path.isfile(os.path.join(sys.argv[2], t))]
sys.exit(1 if missing else 0)
PYEOF
}

if complete; then
  echo "fetch_assets: static/vendor/ is up to date"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch_assets: npm is not installed; install Node.js/npm (Debian: apt-get install nodejs npm) and run" \
       "scripts/fetch_assets.sh again. The map needs Leaflet from static/vendor/ to draw." >&2
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
staging="$tmp/vendor"
mkdir -p "$staging"

"$PY" - "$MANIFEST" <<'PYEOF' > "$tmp/list.tsv"
import json, sys
for p in json.load(open(sys.argv[1], encoding="utf-8"))["packages"]:
    print(p["name"], p["version"], p["integrity"], sep="\t")
PYEOF

while IFS=$'\t' read -r name version integrity; do
  echo "fetch_assets: npm pack $name@$version"
  (cd "$tmp" && npm pack "$name@$version" --json --silent > "$tmp/pack-$name.json")
  got="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["integrity"])' "$tmp/pack-$name.json")"
  if [ "$got" != "$integrity" ]; then
    echo "fetch_assets: integrity mismatch for $name@$version: manifest $integrity, registry $got" >&2
    exit 1
  fi
  tgz="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["filename"])' "$tmp/pack-$name.json")"
  mkdir -p "$tmp/x-$name"
  tar -xzf "$tmp/$tgz" -C "$tmp/x-$name"
done < "$tmp/list.tsv"

"$PY" - "$MANIFEST" "$tmp" "$staging" <<'PYEOF'
import json, os, shutil, sys
manifest, tmp, staging = sys.argv[1:]
for p in json.load(open(manifest, encoding="utf-8"))["packages"]:
    root = os.path.join(tmp, "x-" + p["name"], "package")
    for src, dst in p["files"].items():
        s = os.path.join(root, src)
        if not os.path.isfile(s):
            sys.exit(f"fetch_assets: {p['name']}@{p['version']} has no file {src}; fix ui/assets.json")
        d = os.path.join(staging, dst)
        os.makedirs(os.path.dirname(d), exist_ok=True)
        shutil.copyfile(s, d)
PYEOF
echo "$stamp" > "$staging/.manifest-sha256"

# Swap in the new folder in one step so a half-copied vendor/ is never served.
mkdir -p static
rm -rf "$DEST.old"
[ -d "$DEST" ] && mv "$DEST" "$DEST.old"
mv "$staging" "$DEST"
rm -rf "$DEST.old"
echo "fetch_assets: installed $(find "$DEST" -type f | wc -l) files into $DEST/"
