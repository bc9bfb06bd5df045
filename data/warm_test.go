package data

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Every pattern the package compiles on first use is among those Warm
// compiles: one left out would be compiled by the render's main goroutine
// in the middle of reading the plan.
func TestWarmCompilesEveryPattern(t *testing.T) {
	var declared, warmed []string
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, v := range n.Values {
					if call, ok := v.(*ast.CallExpr); ok {
						if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Regexp" {
							declared = append(declared, n.Names[i].Name)
						}
					}
					if lit, ok := v.(*ast.CompositeLit); ok && n.Names[i].Name == "planPatterns" {
						for _, e := range lit.Elts {
							warmed = append(warmed, e.(*ast.Ident).Name)
						}
					}
				}
			}
			return true
		})
	}
	slices.Sort(declared)
	slices.Sort(warmed)
	if len(declared) < 9 || !slices.Equal(declared, warmed) {
		t.Errorf("patterns compiled on first use %v; Warm compiles %v", declared, warmed)
	}
	Warm()
	if !reSpaces().MatchString(" \t") || !safeID().MatchString("van-phong") {
		t.Error("a warmed pattern does not match what it matched")
	}
}
