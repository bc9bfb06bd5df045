package templates

import (
	"slices"
	"strings"

	"github.com/plandoc/plandoc/data/lazy"
)

// Text is a template string with placeholders such as {year}. The struct
// field that holds it names the placeholders it takes in a `fill` tag, so
// a template is checked against them on load and fills itself when drawn.
type Text string

var placeholder = lazy.Regexp(`\{[a-z_-]+\}`)

// Words are the values placeholders are filled with, by name without braces.
type Words map[string]string

// Fill replaces each placeholder with its word. Load has refused any
// placeholder a text does not take; one the caller has no word for is
// left as written, visible rather than silently empty.
func (t Text) Fill(w Words) string {
	s := string(t)
	if !strings.Contains(s, "{") {
		return s
	}
	return placeholder().ReplaceAllStringFunc(s, func(ph string) string {
		if v, ok := w[ph[1:len(ph)-1]]; ok {
			return v
		}
		return ph
	})
}

// With returns a copy of w with more words; w is not changed.
func (w Words) With(more Words) Words {
	out := make(Words, len(w)+len(more))
	for k, v := range w {
		out[k] = v
	}
	for k, v := range more {
		out[k] = v
	}
	return out
}

// unknownPlaceholders lists the placeholders in s that allowed lacks.
func unknownPlaceholders(s string, allowed []string) []string {
	var bad []string
	for _, ph := range placeholder().FindAllString(s, -1) {
		if !slices.Contains(allowed, ph[1:len(ph)-1]) {
			bad = append(bad, ph)
		}
	}
	return bad
}

// String is the text as written, for texts that take no placeholders.
func (t Text) String() string { return string(t) }
