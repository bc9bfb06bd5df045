// Package templates holds the wording and layout of plandoc's documents as
// editable TOML files, embedded in the binary; a folder given by the user
// overrides them key by key, so another agency can rename a column or move
// a margin without touching Go code.
package templates

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"
)

//go:embed annex.toml workbook.toml quarterly.toml
var builtin embed.FS

// load decodes the embedded template name, then the file of the same name
// in dir over it when dir is set and has one. reset runs on the user's file
// before it is decoded, to clear lists it replaces whole.
func load(name, dir string, v any, reset func(raw []byte)) (string, error) {
	raw, err := builtin.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("embedded template: %w", err)
	}
	source := name + " (embedded)"
	if err := decodeStrict(source, raw, v); err != nil {
		return "", err
	}
	if dir == "" {
		return source, nil
	}
	path := filepath.Join(dir, name)
	raw, err = os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return source, nil // a templates folder need not override every document
	case err != nil:
		return "", fmt.Errorf("reading template: %w", err)
	}
	if reset != nil {
		reset(raw)
	}
	return path, decodeStrict(path, raw, v)
}

func decodeStrict(name string, raw []byte, v any) error {
	text := norm.NFC.String(strings.TrimPrefix(string(raw), "\uFEFF"))
	md, err := toml.Decode(text, v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s:%d: %s", name, pe.Position.Line, pe.Message)
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		// A misspelt table makes all its keys unknown: name the table only.
		var keys []string
		for _, k := range und {
			if len(keys) > 0 && strings.HasPrefix(k.String(), keys[len(keys)-1]+".") {
				continue
			}
			keys = append(keys, k.String())
		}
		return fmt.Errorf("%s: unknown key %s; see plandoc's templates/%s for the keys", name, strings.Join(keys, ", "), filepath.Base(strings.Fields(name)[0]))
	}
	return nil
}

var placeholder = regexp.MustCompile(`\{[a-z_-]+\}`)

// placeholderErrors reports the placeholders in s that are not allowed.
func placeholderErrors(key, s string, allowed ...string) []string {
	var errs []string
	for _, ph := range placeholder.FindAllString(s, -1) {
		if !slices.Contains(allowed, ph) {
			errs = append(errs, fmt.Sprintf("%s: unknown placeholder %s; it takes %s", key, ph, strings.Join(allowed, " ")))
		}
	}
	return errs
}

// defines reports whether a template file sets table.key; a file that does
// not parse defines nothing (decodeStrict reports why).
func defines(raw []byte, table, key string) bool {
	var m map[string]any
	if _, err := toml.Decode(string(raw), &m); err != nil {
		return false
	}
	t, ok := m[table].(map[string]any)
	if !ok {
		return false
	}
	_, ok = t[key]
	return ok
}
