package data

import (
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/plandoc/plandoc/data/synth"
)

// wholeTree is the tree the whole text decodes to.
func wholeTree(t *testing.T, src string) map[string]any {
	t.Helper()
	var tree map[string]any
	if _, err := toml.Decode(src, &tree); err != nil {
		t.Fatal(err)
	}
	return tree
}

// A plan decoded in parts is the tree of the whole text, tasks in order.
func TestPartsDecodeToTheWholeTree(t *testing.T) {
	bundled, err := bundledSource(DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{string(bundled), string(synth.Plan(3000, 20))} {
		for _, n := range []int{2, 3, 7} {
			parts := splitAtTasksFrom(src, n, 0)
			if len(parts) < 3 {
				t.Fatalf("%d parts for %d processors: the test needs cuts", len(parts), n)
			}
			tree, ok := decodeParts(parts)
			if !ok {
				t.Fatalf("%d parts did not decode", len(parts))
			}
			if want := wholeTree(t, src); !reflect.DeepEqual(tree, want) {
				t.Fatalf("the tree of %d parts differs from the whole text's", len(parts))
			}
		}
	}
	big := string(synth.Plan(5000, 50))
	tree, err := decodeTOML(big)
	if err != nil || len(big) < parallelFrom || !reflect.DeepEqual(tree, wholeTree(t, big)) {
		t.Fatalf("decodeTOML of %d bytes: %v; equal to the whole tree: %v", len(big), err, reflect.DeepEqual(tree, wholeTree(t, big)))
	}
}

// Where a cut is not a header of its own, or the parts hold more than
// tasks, the parts are refused and the whole text decides.
func TestPartsRefusedWhereACutIsNotAHeader(t *testing.T) {
	task := "[[tasks]]\ncontent = \"Họp\"\ntime = \"Tháng 01\"\n"
	cases := map[string]string{
		"inside a multi-line string": "x = 1\n" + task + "notes = \"\"\"\n[[tasks]]\nnot a header\n\"\"\"\n" + task + task,
		"inside a multi-line array":  "x = 1\n" + task + "partners = [\n\"a\",\n]\n" + task + "units = [\n\"b\"\n" + task + "]\n",
		"a table after the tasks":    "x = 1\n" + task + task + "[[units]]\nid = \"u\"\n" + task,
		"tasks in the head":          "tasks = []\n" + task + task,
	}
	for name, src := range cases {
		parts := splitAtTasksFrom(src, 4, 0)
		if len(parts) < 3 {
			t.Fatalf("%s: %d parts; the test needs cuts", name, len(parts))
		}
		if _, ok := decodeParts(parts); ok {
			t.Errorf("%s: the parts were taken", name)
		}
		var want map[string]any
		_, wantErr := toml.Decode(src, &want)
		got, err := decodeTOML(src)
		if (err == nil) != (wantErr == nil) || (err == nil && !reflect.DeepEqual(got, want)) {
			t.Errorf("%s: decodeTOML gives %v, %v; the whole text %v", name, err, got != nil, wantErr)
		}
		if strings.Contains(name, "string") && wantErr != nil {
			t.Errorf("%s: the whole text must decode: %v", name, wantErr)
		}
	}
}
