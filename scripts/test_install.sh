#!/usr/bin/env bash
# `make install` into a scratch DESTDIR, then checks what landed: the binary runs
# from another folder, bash completes its subcommands and options, the zsh and
# fish completions are there, `man -l` renders the page without warnings; then
# `make uninstall` removes every file again. Installs the debug build
# (INSTALL_BUILD=debug) unless told otherwise, so `make test` stays fast.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
fail() { echo "test_install: $*" >&2; exit 1; }

make --no-print-directory install DESTDIR="$dest" PREFIX=/usr/local INSTALL_BUILD="${INSTALL_BUILD:-debug}" \
  >"$dest/install.log" 2>&1 || { cat "$dest/install.log" >&2; fail "make install failed"; }
root="$dest/usr/local"
files=(bin/robin-report share/man/man1/robin-report.1 share/bash-completion/completions/robin-report
       share/zsh/site-functions/_robin-report share/fish/vendor_completions.d/robin-report.fish)
for file in "${files[@]}"; do [ -s "$root/$file" ] || fail "$file was not installed"; done
[ -x "$root/bin/robin-report" ] || fail "bin/robin-report is not executable"

# The binary works from any folder: its templates are built in.
version=$(cd "$dest" && "$root/bin/robin-report" --version)
[ "$version" = "$(.build/debug/robin-report --version)" ] || fail "installed binary says version '$version'"
# grep reads the whole help (no -q): exiting at the first match would kill the writer with SIGPIPE (pipefail).
(cd "$dest" && "$root/bin/robin-report" report --help | grep -- '--history' >/dev/null) || fail "report --help lacks --history"

# bash: the completion function offers subcommands, and a subcommand's options.
complete_bash() {
  PATH="$root/bin:$PATH" bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _robin-report robin-report "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$root/share/bash-completion/completions/robin-report" "$@"
}
complete_bash robin-report rep | grep -qx report || fail "bash completion does not offer 'report'"
complete_bash robin-report report --hi | grep -qx -- --history || fail "bash completion does not offer 'report --history'"
head -1 "$root/share/zsh/site-functions/_robin-report" | grep -qx '#compdef robin-report' || fail "zsh completion lacks #compdef"
grep -q "complete -c 'robin-report' .*-l 'history'" "$root/share/fish/vendor_completions.d/robin-report.fish" \
  || fail "fish completion lacks report --history"
grep -q -- '--history' "$root/share/zsh/site-functions/_robin-report" || fail "zsh completion lacks report --history"
if command -v zsh >/dev/null; then zsh -n "$root/share/zsh/site-functions/_robin-report" || fail "zsh completion does not parse"; fi
if command -v fish >/dev/null; then fish -n "$root/share/fish/vendor_completions.d/robin-report.fish" || fail "fish completion does not parse"; fi

# The man page renders, names every subcommand and the report options, and groff has nothing to say.
page=$(MANWIDTH=80 man -l "$root/share/man/man1/robin-report.1" 2>/dev/null)
for word in "ROBIN-REPORT(1)" report fetch metrics email publish demo simulate --history --allow-long-range; do
  grep -q -- "$word" <<<"$page" || fail "man page lacks $word"
done
warnings=$(MANWIDTH=80 man --warnings -l "$root/share/man/man1/robin-report.1" 2>&1 >/dev/null || true)
[ -z "$warnings" ] || fail "man page warnings: $warnings"

make --no-print-directory uninstall DESTDIR="$dest" PREFIX=/usr/local >/dev/null
for file in "${files[@]}"; do [ ! -e "$root/$file" ] || fail "$file survived make uninstall"; done
echo "test_install: make install and uninstall OK (binary, bash/zsh/fish completions, man page)"
