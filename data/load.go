package data

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/safefile"
)

// Parse reads a plan from the bytes of a TOML file; name is how messages
// call the file. It returns every problem found, in file order. The plan is
// nil when any problem is an error: a plan with errors is never rendered.
func Parse(name string, raw []byte) (*Plan, Problems) {
	text, probs, ok := normalise(name, raw)
	if !ok {
		return nil, probs
	}
	if p := NestingProblem(name, text); p != nil {
		return nil, append(probs, *p)
	}
	tree, err := decodeTOML(string(text))
	if err != nil {
		probs = append(probs, SyntaxProblem(name, text, err))
		probs.sortByPlace()
		return nil, probs
	}
	d := &decoder{file: name, pos: indexPositions(text)}
	p := d.decodePlan(tree)
	d.check(p)
	probs = append(probs, d.probs...)
	probs.sortByPlace()
	if probs.Errors() > 0 {
		return nil, probs
	}
	p.Source = Source{Name: name, SHA256: digest(text)}
	p.pos = d.pos
	return p, probs
}

// MaxPlanBytes bounds a plan file: the 2021 plan is 40 KB, a plan of
// 10,000 tasks 2 MB.
const MaxPlanBytes = 64 << 20

// LoadFile reads and parses the plan at path. The error is nil only when
// the plan has no errors; warnings come back in the problems either way.
func LoadFile(path string) (*Plan, Problems, error) {
	raw, err := safefile.Read(path, MaxPlanBytes, "plan")
	if err != nil {
		return nil, nil, err
	}
	p, probs := Parse(path, raw)
	return p, probs, probs.Err()
}

// SyntaxProblem turns a TOML parse error into a problem that shows the
// line, its column counted in characters as editors count them.
func SyntaxProblem(name string, text []byte, err error) Problem {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return Problem{File: name, Msg: msg.Sprintf("cannot read the TOML: %v", err)}
	}
	line := pe.Position.Line
	lines := strings.Split(string(text), "\n")
	col := pe.Position.Col
	src := ""
	if line >= 1 && line <= len(lines) {
		src = lines[line-1]
		// The library counts bytes; editors count characters.
		lineStart := 0
		for _, l := range lines[:line-1] {
			lineStart += len(l) + 1
		}
		if off := pe.Position.Start - lineStart; off >= 0 && off <= len(src) {
			col = utf8.RuneCountInString(src[:off]) + 1
		}
	}
	p := Problem{File: name, Line: line, Col: col, Msg: msg.Sprintf("TOML syntax: %s", pe.Message)}
	if src != "" {
		caret := strings.Repeat(" ", max(col-1, 0)) + "^"
		p.Context = fmt.Sprintf("    %s\n    %s", strings.ReplaceAll(src, "\t", " "), caret)
	}
	return p
}
