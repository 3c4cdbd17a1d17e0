#!/bin/sh
# lgma --search over the shipped content and a hostile copy of the tiny
# content, as TAP. Needs LGMA_BUILD_ROOT (set by meson).
set -u
lgma="$LGMA_BUILD_ROOT/src/lgma"
tab=$(printf '\t')
esc=$(printf '\033')
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
n=0

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	shift
	for line in "$@"; do
		echo "# $line"
	done
}

# run ARGS...: $out gets stdout, $status the exit status. No locale, so the
# default language is the content's first (ja).
run() {
	out=$(env -u LANG -u LC_ALL -u LC_MESSAGES COLUMNS=80 "$lgma" "$@" 2>"$scratch/err")
	status=$?
}

# expect DESCRIPTION STATUS LINE...: the exit status, and each LINE among
# the output lines exactly.
expect() {
	desc=$1 want=$2
	shift 2
	if [ "$status" -ne "$want" ]; then
		not_ok "$desc" "exit status $status, want $want" "$out" "$(cat "$scratch/err")"
		return
	fi
	for line in "$@"; do
		if ! printf '%s\n' "$out" | grep -qxF -- "$line"; then
			not_ok "$desc" "no line: $line" "got:" "$out"
			return
		fi
	done
	ok "$desc"
}

# expect_count DESCRIPTION COUNT: the number of output lines.
expect_count() {
	got=$(printf '%s' "$out" | grep -c '')
	if [ "$got" -eq "$2" ]; then ok "$1"; else not_ok "$1" "$got lines, want $2" "$out"; fi
}

run --search NDC --lang ja
expect "NDC in Japanese finds the about section" 0
if printf '%s\n' "$out" | grep -q "^about${tab}[0-9][0-9]*${tab}.*\[\[NDC\]\]"; then
	ok "the about section's line marks NDC"
else
	not_ok "the about section's line marks NDC" "$out"
fi

run --search ソウル
expect "ソウル finds the Seoul office's city (card line 2)" 0 "offices/seoul${tab}2${tab}[[ソウル]]"
expect_count "ソウル: nothing else" 1

run --search ｓｅｏｕｌ --lang en
expect "full-width ｓｅｏｕｌ finds Seoul in English" 0 \
	"offices/seoul${tab}2${tab}[[Seoul]]" \
	"offices/seoul${tab}5${tab}14/, [[Seoul]] Global Center Building, 38Jongo, Jongo GU, Seo..." \
	"offices/seoul${tab}5${tab}...ing, 38Jongo, Jongo GU, [[Seoul]], South Korea"
expect_count "ｓｅｏｕｌ: the city and the address twice" 3

run --search São
expect "São finds the São Paulo address (card line 6)" 0 \
	"offices/sao-paulo${tab}6${tab}[[São]] Paulo / SP - Brazil"
accented=$out
run --search sao
expect "sao finds it too" 0 "offices/sao-paulo${tab}6${tab}[[São]] Paulo / SP - Brazil"
if [ "$out" = "$accented" ]; then ok "sao and São give the same lines"; else not_ok "sao and São differ" "$out"; fi
run --search "SÃO PAULO" --lang en
expect "SÃO PAULO in English: the city first" 0 "offices/sao-paulo${tab}2${tab}[[São Paulo]]"

run --search "no such thing anywhere"
expect "no match exits 1" 1
expect_count "no match prints nothing" 0

run --search "   "
expect "a query of spaces is no match" 1

run --search NDC --lang xx
expect "an unknown language is a usage error" 2

run --search ndc --lang all
expect "--lang all searches every language" 0
if printf '%s\n' "$out" | grep -q "^about${tab}[0-9]*${tab}.*${tab}ja\$" &&
	printf '%s\n' "$out" | grep -q "^about${tab}[0-9]*${tab}.*${tab}en\$"; then
	ok "--lang all: Japanese and English lines, with their language"
else
	not_ok "--lang all: Japanese and English lines, with their language" "$out"
fi

# LINE is the line of --dump (same width, same language) that shows the
# match; titles wrap over several lines at small widths.
for width in 12 20 33 80; do
	for lang in ja en; do
		for word in NDC LGMA UNFCCC; do
			desc="LINE of $word ($lang, width $width) is a --dump line showing it"
			run --search "$word" --lang "$lang" --width "$width"
			if [ "$status" -ne 0 ]; then
				not_ok "$desc" "exit status $status" "$(cat "$scratch/err")"
				continue
			fi
			bad=$(printf '%s\n' "$out" | while IFS="$tab" read -r id line snippet; do
				case $id in offices/*) continue ;; esac
				shown=$(env -u LANG -u LC_ALL -u LC_MESSAGES "$lgma" --dump "$id" --lang "$lang" \
					--width "$width" | sed -n "${line}p")
				case $shown in
				*"$word"*) ;;
				*) echo "$id line $line is '$shown'" ;;
				esac
			done)
			if [ -z "$bad" ]; then ok "$desc"; else not_ok "$desc" "$bad"; fi
		done
	done
done

# Hostile content: an escape sequence in the text never reaches the output.
cp -R "$LGMA_SOURCE_ROOT/tests/data/tiny/." "$scratch/" && cat >"$scratch/sections/10-one.yaml" <<'YAML'
id: one
title: {ja: 一, en: One}
body:
  ja: "本文\e[2J NDC \e]0;title\a です。"
  en: "The \e[31mbody\e[0m and NDC."
YAML
run --content "$scratch" --search ndc --lang all
expect "a match next to escape sequences" 0
case $out in
*"$esc"*) not_ok "no escape byte in the output" "$(printf '%s' "$out" | od -c | head)" ;;
*) ok "no escape byte in the output" ;;
esac

echo "1..$n"
