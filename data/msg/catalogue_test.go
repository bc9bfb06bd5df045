package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// formatHelpers are plandoc's functions that take a message format, with
// the place of the format among their arguments (-1: the first literal).
var formatHelpers = map[string]int{"addf": 2, "errorf": 1, "warnf": 1, "bad": 1, "formatError": 1, "infer": 2, "warn": -1, "fail": 0}

// site is where a message's format is written.
type site struct {
	key     string
	where   string
	dynamic bool // the format is not a literal: the site must pass one along
}

// messageSites finds every format handed to msg or to a format helper in
// plandoc's code (tests, the synthetic plans and this package aside).
func messageSites(t *testing.T) []site {
	t.Helper()
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	var sites []site
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != root || path == filepath.Join(root, "data", "synth") || path == filepath.Join(root, "data", "msg")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name, isMsg := "", false
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
				if x, ok := fn.X.(*ast.Ident); ok && x.Name == "msg" {
					isMsg = true
				}
			}
			where := fset.Position(call.Pos()).String()
			switch {
			case isMsg && (name == "Sprintf" || name == "Errorf" || name == "New" || name == "Mark" || name == "Text"):
				if len(call.Args) == 0 {
					return true
				}
				if key, ok := literal(call.Args[0]); ok {
					sites = append(sites, site{key: key, where: where})
				} else if name != "Text" { // Text tells a key marked elsewhere

					sites = append(sites, site{where: where, dynamic: true})
				}
			case !isMsg && formatHelpers[name] != 0 || name == "fail":
				args := call.Args
				if i := formatHelpers[name]; i >= 0 && i < len(args) {
					args = args[i : i+1]
				}
				for _, a := range args {
					if key, ok := literal(a); ok {
						sites = append(sites, site{key: key, where: where})
						return true
					}
				}
				sites = append(sites, site{where: where, dynamic: true})
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sites
}

func literal(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// Every message plandoc can print has its Vietnamese, and the catalogue
// holds nothing else.
func TestCatalogueCoversEveryMessage(t *testing.T) {
	table, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	var missing []string
	for _, s := range messageSites(t) {
		if s.dynamic {
			continue
		}
		used[s.key] = true
		if _, ok := table[s.key]; !ok && !slices.Contains(missing, s.key) {
			missing = append(missing, s.key)
			t.Errorf("%s: no Vietnamese for %q", s.where, s.key)
		}
	}
	var stale []string
	for k := range table {
		if !used[k] {
			stale = append(stale, k)
		}
	}
	sort.Strings(stale)
	for _, k := range stale {
		t.Errorf("vi.toml translates %q, which no code says", k)
	}
	if testing.Verbose() && len(missing) > 0 {
		var b strings.Builder
		for _, k := range missing {
			b.WriteString(strconv.Quote(k) + " = \"\"\n")
		}
		t.Logf("missing, as TOML:\n%s", b.String())
	}
}

// A non-literal format is passed along from a site the scan sees; the
// places that do so are few and known.
func TestFormatsAreLiterals(t *testing.T) {
	known := regexp.MustCompile(`(data/decode\.go|data/decode_plan\.go|templates/problems\.go|data/returns/facts\.go|data/schedule\.go|data/importer/(interpret|document)\.go|data/check\.go|cmd/plandoc/(check|render|main)\.go)`)
	for _, s := range messageSites(t) {
		if s.dynamic && !known.MatchString(filepath.ToSlash(s.where)) {
			t.Errorf("%s: the format is not a literal, so the catalogue's test cannot see it; pass msg.Mark(\"…\") or a literal", s.where)
		}
	}
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// verbsOf lists a format's verbs by the argument each takes, so a
// translation that reorders with %[n]v still takes the same arguments.
func verbsOf(format string) []string {
	var out []string
	n := 0
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		v := m[0]
		if strings.HasSuffix(v, "%") {
			continue
		}
		if m[1] != "" {
			n, _ = strconv.Atoi(strings.Trim(m[1], "[]"))
			n--
			v = strings.Replace(v, m[1], "", 1)
		}
		out = append(out, strconv.Itoa(n)+":"+v[len(v)-1:])
		n++
	}
	sort.Strings(out)
	return out
}

func TestTranslationsTakeTheSameArguments(t *testing.T) {
	table, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	for en, vi := range table {
		if vi == "" {
			t.Errorf("%q has an empty translation", en)
			continue
		}
		if a, b := verbsOf(en), verbsOf(vi); !slices.Equal(a, b) {
			t.Errorf("%q takes %v, its translation %q takes %v", en, a, vi, b)
		}
	}
}
