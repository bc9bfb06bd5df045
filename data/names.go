package data

import (
	"strings"
	"unicode"

	"github.com/plandoc/plandoc/data/lazy"
	"golang.org/x/text/unicode/norm"
)

var safeID = lazy.Regexp(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// maxIDLength keeps file names short enough for every file system and zip tool.
const maxIDLength = 64

// reservedNames cannot be file names on Windows, where the workbooks are
// opened: CON, PRN, AUX, NUL, and COM0–COM9 and LPT0–LPT9 (Windows 11 also
// refuses the 0s).
var reservedNames = func() map[string]bool {
	m := map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}
	for d := '0'; d <= '9'; d++ {
		m["com"+string(d)] = true
		m["lpt"+string(d)] = true
	}
	return m
}()

// isSafeID reports whether s can be an id: ids become file names, so only
// lower-case ASCII letters, digits and single inner hyphens.
func isSafeID(s string) bool {
	return len(s) <= maxIDLength && safeID().MatchString(s) && !reservedNames[s]
}

// Slug makes an id from a Vietnamese name: marks removed, "đ" → "d", runs
// of other characters → one hyphen. "Ban KHCN, TVPB" → "ban-khcn-tvpb".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		r = unicode.ToLower(r)
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	s := b.String()
	if len(s) > maxIDLength {
		s = strings.TrimRight(s[:maxIDLength], "-")
	}
	return s
}

// tonePlacement maps the old placement of tone marks (hoá, uỷ) to the new
// (hóa, ủy), so spellings that differ only there compare equal.
var tonePlacement = strings.NewReplacer(
	"oà", "òa", "oá", "óa", "oả", "ỏa", "oã", "õa", "oạ", "ọa",
	"oè", "òe", "oé", "óe", "oẻ", "ỏe", "oẽ", "õe", "oẹ", "ọe",
	"uỳ", "ùy", "uý", "úy", "uỷ", "ủy", "uỹ", "ũy", "uỵ", "ụy",
)

// Fold reduces a name to what two spellings of it share: NFC, lower case,
// single spaces, new-style tone placement. It is for comparing, never for
// printing.
func Fold(s string) string {
	s = strings.ToLower(norm.NFC.String(s))
	s = strings.Join(strings.Fields(s), " ")
	return tonePlacement.Replace(s)
}

// Distance is the Levenshtein distance in characters: how many letters to
// change, add or drop to turn a into b.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// suggest returns the candidate nearest to s when it is near enough to be
// a typo of it, or "" when none is.
func suggest(s string, candidates []string) string {
	best, bestDist := "", 0
	// A shortened id ("cac-ban" for "cac-ban-lhh") is a typo too.
	if len(s) >= 3 {
		for _, c := range candidates {
			if c != s && strings.HasPrefix(c, s) {
				return c
			}
		}
	}
	for _, c := range candidates {
		d := Distance(s, c)
		if d == 0 {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > max(2, len([]rune(s))/3) {
		return ""
	}
	return best
}
