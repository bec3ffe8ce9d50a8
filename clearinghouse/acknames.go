package clearinghouse

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"unicode/utf8"
)

// maxNameBytes bounds the last part of every key edigw makes from an
// inbound name. A directory store (and versitygw's posix backend) takes
// file names up to 255 bytes, S3 keys up to 1024: a name within 255
// bytes under a partner's short prefix fits both.
const maxNameBytes = 255

// ackName names the acknowledgment of kind (ta1, 999, 277ca) answering
// ref (ISA13[-GS06[-ST02]]) of the inbound file named inbound:
// NAME.ref.kind.x12, NAME being the inbound name without its extension.
func ackName(inbound, ref, kind string) string {
	return boundedName(trimExt(inbound), "."+ref+"."+kind+".x12")
}

// reasonName names the text that says why an inbound file went to error/.
func reasonName(inbound string) string { return boundedName(inbound, reasonSuffix) }

const reasonSuffix = ".reason.txt"

func trimExt(name string) string { return name[:len(name)-len(path.Ext(name))] }

// boundedName joins stem and tail when they fit in maxNameBytes. A longer
// name keeps the start of the stem, then a digest of the whole name (so
// two long names that differ anywhere never share a key), then the tail,
// whose suffix says what the object is; a tail too long itself (an ISA13
// of any length from a malformed envelope) keeps its end. The cut falls on
// a UTF-8 boundary: S3 keys are UTF-8.
func boundedName(stem, tail string) string {
	if len(stem)+len(tail) <= maxNameBytes {
		return stem + tail
	}
	sum := sha256.Sum256([]byte(stem + tail))
	digest := "~" + hex.EncodeToString(sum[:8])
	if limit := maxNameBytes / 2; len(tail) > limit {
		tail = utf8Suffix(tail, limit)
	}
	return utf8Prefix(stem, maxNameBytes-len(digest)-len(tail)) + digest + tail
}

// utf8Prefix returns the longest start of s within n bytes that does not
// cut a character.
func utf8Prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// utf8Suffix returns the longest end of s within n bytes that does not
// cut a character.
func utf8Suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}
