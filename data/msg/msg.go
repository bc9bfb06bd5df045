// Package msg tells plandoc's messages in the user's language: English,
// or Vietnamese for the clerks plandoc is for.
//
// Every message is written in the code as an English fmt format; the
// Vietnamese catalogue (vi.toml) maps that format to its translation,
// which may reorder the arguments with %[n]v. A format the catalogue lacks
// is printed in English, and the catalogue's test fails.
//
// golang.org/x/text/message is not used: its printer writes numbers the
// locale's way, and a Vietnamese locale prints the year 2021 as "2.021".
package msg

import (
	_ "embed"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
)

// Lang is a language plandoc speaks.
type Lang string

const (
	English    Lang = "en"
	Vietnamese Lang = "vi"
)

// current is the process's language: plandoc is one command run by one
// person, so the choice is made once, by the command line, for all.
var current atomic.Value

// Use makes every later message speak lang.
func Use(lang Lang) { current.Store(lang) }

// Current is the language messages are told in; English until Use.
func Current() Lang {
	if l, ok := current.Load().(Lang); ok {
		return l
	}
	return English
}

//go:embed vi.toml
var viTOML string

var (
	loadVi  sync.Once
	viTable map[string]string
	viErr   error
)

// Catalogue is the Vietnamese catalogue: English format → Vietnamese.
func Catalogue() (map[string]string, error) {
	loadVi.Do(func() {
		viErr = toml.Unmarshal([]byte(viTOML), &viTable)
		if viErr != nil {
			viErr = fmt.Errorf("msg: vi.toml: %w", viErr)
		}
	})
	return viTable, viErr
}

// translate gives the format in the current language.
func translate(format string) string {
	if Current() != Vietnamese {
		return format
	}
	table, err := Catalogue()
	if err != nil {
		return format // the catalogue's own test says why
	}
	if t, ok := table[format]; ok {
		return t
	}
	return format
}

// Sprintf is fmt.Sprintf of the format in the current language.
func Sprintf(format string, args ...any) string {
	// format itself is passed on when it is not translated, which also
	// lets go vet check every call's arguments against it.
	if t := translate(format); t != format {
		return fmt.Sprintf(t, args...)
	}
	return fmt.Sprintf(format, args...)
}

// Errorf is fmt.Errorf of the format in the current language: %w wraps.
func Errorf(format string, args ...any) error {
	if t := translate(format); t != format {
		return fmt.Errorf(t, args...)
	}
	return fmt.Errorf(format, args...)
}

// New is errors.New of the text in the current language.
func New(text string) error { return errors.New(translate(text)) }

// Mark returns the text as it is: it marks a message kept in a table or
// passed along, to be told later through Sprintf, so the catalogue's
// test finds it.
func Mark(text string) string { return text }

// Text is a text without arguments (such as a usage message kept in a
// variable marked with Mark) in the current language.
func Text(text string) string { return translate(text) }
