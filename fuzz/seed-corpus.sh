#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the repository's HTML pages, plus a few small hostile inputs.
# The corpus is generated, not committed (fuzz/corpus is gitignored). Idempotent: rerun at will.
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"
for target in clean clean_bytes; do
    dir="$fuzz/corpus/$target"
    mkdir -p "$dir"
    for page in "$root"/tests/fixtures/*.html "$root"/examples/pages/*.html; do
        [ -e "$page" ] || continue
        cp "$page" "$dir/seed-$(basename "$page")"
    done
    # Small hostile seeds: the shapes tests/hostile.rs checks at full size.
    printf '' >"$dir/hostile-empty"
    printf '<div><p><span>' >"$dir/hostile-unclosed"
    printf '<table><tr><td><table><tr><td>نص</td></tr></table>' >"$dir/hostile-table"
    printf '<p>&amp;#1575;&#1575;&#x0;&#xFFFFFFFF;&#55296;&ampx</p>' >"$dir/hostile-entities"
    printf '<script type="application/ld+json">[[[[{"headline":"\\u12</script>' >"$dir/hostile-jsonld"
    printf '<meta name="author" content="<b>كتب</b>"><div class="byline">كتب أحمد و محمد</div><time datetime="0000-02-31">31 شباط 2021</time>' >"$dir/hostile-meta"
    # Issue 11's shapes, small: html5ever's quadratic paths, for the fuzzer to grow.
    printf '<p><b id=1><b id=2><b id=3></p><p>x</p><p>x</p>' >"$dir/shape-b-then-p"
    printf '<span><span><span><p>x</p><li>x</q></q><h1>x</h1>' >"$dir/shape-span-scope"
    printf '<svg><g><g><g></x></x></x>' >"$dir/shape-svg-g"
    printf '<svg><style><div><div></style><math><style><div><svg><title><div><svg><textarea><div>' >"$dir/shape-foreign-raw"
    printf '<dir><figcaption><summary><search><template><p>x<p>x' >"$dir/shape-containers"
    printf '<p a0=1 a1=1 a2=1 a1=2 a3=1>x</p>' >"$dir/shape-attributes"
    printf '<meta property=article:tag content=a><meta property=article:tag content=a><meta name=keywords content="a,b,a"><meta name=date content="2024-01-1111111">' >"$dir/shape-meta"
    printf '<td>x<td>x<i>x<i>x<br><br><img src=a.jpg><img src=javascript:x><a href=vbscript:x>x</a>' >"$dir/shape-small-nodes"
    printf '<p>\xe2\x80\x8f\xe2\x80\xae\xe2\x81\xa6abc\xd8\xa7\xe2\x80\x8b\xef\xbb\xbf</p>' >"$dir/hostile-bidi"
done
# Only clean_bytes sees invalid UTF-8 and declared charsets.
printf '<meta charset="windows-1256"><p>\xc7\xe1\xe3\xff\xfe\x00\x80</p>' >"$fuzz/corpus/clean_bytes/hostile-1256"
printf '\xff\xfe<\x00p\x00>\x00' >"$fuzz/corpus/clean_bytes/hostile-utf16"
printf '<p>\xc0\x80\xed\xa0\x80\xf8\x88\x80\x80\x80</p>' >"$fuzz/corpus/clean_bytes/hostile-invalid-utf8"
ls "$fuzz/corpus/clean" | wc -l | xargs echo "clean corpus files:"
ls "$fuzz/corpus/clean_bytes" | wc -l | xargs echo "clean_bytes corpus files:"
