// Package lazy compiles regular expressions when they are first used:
// package-level patterns compiled as the program starts cost every plandoc
// command its time, most commands never using them (the importer's a
// quarter of a millisecond, the PDF/A pass's a tenth).
package lazy

import (
	"regexp"
	"sync"
)

// Regexp gives the pattern compiled, compiling it on the first call.
func Regexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
