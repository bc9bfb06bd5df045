package data

import (
	"runtime"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// parallelFrom is the size from which a plan's text is decoded in parts
// at once: a plan of 100,000 tasks is 31 MB, and decoding it took half of
// its loading, on one processor.
const parallelFrom = 1 << 20

// decodeTOML decodes a plan's text into its tree. A large one is cut at
// its [[tasks]] headers into as many parts as there are processors, each
// decoded on its own, and the tasks put back together in order. That is
// the tree the whole text gives when every part decodes and holds only
// tasks; otherwise (a part fails, a cut fell inside a multi-line string or
// array, which leaves its first part unclosed, another table follows the
// tasks) the whole text is decoded as one, which also gives the error.
func decodeTOML(src string) (map[string]any, error) {
	parts := splitAtTasks(src, runtime.GOMAXPROCS(0))
	if len(parts) > 2 {
		if tree, ok := decodeParts(parts); ok {
			return tree, nil
		}
	}
	var tree map[string]any
	_, err := toml.Decode(src, &tree)
	return tree, err
}

// splitAtTasks cuts src before the first [[tasks]] header and then at
// headers about every len/n bytes; it returns nil for a small text or one
// without tasks.
func splitAtTasks(src string, n int) []string { return splitAtTasksFrom(src, n, parallelFrom) }

func splitAtTasksFrom(src string, n, from int) []string {
	const header = "\n[[tasks]]\n"
	if len(src) < from || n < 2 {
		return nil
	}
	first := strings.Index(src, header)
	if first < 0 {
		return nil
	}
	parts := []string{src[:first+1]}
	rest := src[first+1:]
	size := len(rest)/n + 1
	for len(rest) > size {
		i := strings.Index(rest[size:], header)
		if i < 0 {
			break
		}
		cut := size + i + 1
		parts = append(parts, rest[:cut])
		rest = rest[cut:]
	}
	return append(parts, rest)
}

// decodeParts decodes the head and the parts of tasks at once and puts
// the tasks back in order; ok is false unless every part decodes and the
// parts hold tasks alone.
func decodeParts(parts []string) (map[string]any, bool) {
	trees := make([]map[string]any, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Go(func() { _, errs[i] = toml.Decode(part, &trees[i]) })
	}
	wg.Wait()
	head := trees[0]
	if errs[0] != nil || head["tasks"] != nil {
		return nil, false
	}
	var tasks []map[string]any
	for i, tree := range trees[1:] {
		if errs[i+1] != nil || len(tree) != 1 {
			return nil, false
		}
		part, ok := tree["tasks"].([]map[string]any)
		if !ok {
			return nil, false
		}
		tasks = append(tasks, part...)
	}
	head["tasks"] = tasks
	return head, true
}
