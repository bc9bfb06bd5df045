package importer

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles a pattern when it is first used: the importer's
// patterns cost every plandoc command a quarter of a millisecond to start,
// most of them never importing a table.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
