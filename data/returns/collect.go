package returns

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/progress"
	"github.com/plandoc/plandoc/data/safefile"
	"github.com/plandoc/plandoc/templates"
)

// What a returned workbook can be: a department's workbook of the 2021 plan
// is 20 KB; one of a 10,000-task plan's fifty departments about 0.5 MB.
const (
	MaxWorkbookBytes = 32 << 20
	maxUnzipped      = 128 << 20
	maxRows          = 200_000
	maxColumns       = 64
)

// Options are what collect reads the returns against.
type Options struct {
	Plan     *data.Plan
	Columns  *templates.Columns
	Workbook *templates.Workbook
	AsOf     data.Date // zero: the date the newest return was saved

	keys    map[string]*data.Task
	digests map[string]string // unit id → what its workbook shows (data.Plan.Digest)
}

// Result is what the returns said, and everything odd about them.
type Result struct {
	Facts    []progress.Entry
	Problems data.Problems // errors: a file not read; warnings: what was not taken, or taken with a doubt
	Read     int           // workbooks read and used
	AsOf     data.Date
}

// Files lists the returned workbooks named: files as given, folders by
// their .xlsx and .ods files, in name order.
func Files(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, msg.Errorf("returned workbook: %w", err)
		}
		if !info.IsDir() {
			out = append(out, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, msg.Errorf("reading folder of returns: %w", err)
		}
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".xlsx" || ext == ".ods") && !strings.HasPrefix(e.Name(), "~$") && !strings.HasPrefix(e.Name(), ".~lock") {
				out = append(out, filepath.Join(a, e.Name()))
			}
		}
	}
	return out, nil
}

// Collect reads every returned workbook and gathers what the departments
// filled in. The workbooks are only read, never changed.
func Collect(paths []string, opts Options) *Result {
	res := &Result{}
	opts.keys = taskKeys(opts.Plan)
	loads := opts.Plan.Workloads()
	opts.digests = opts.Plan.Digests(loads)
	// The workbooks are read on every processor at once, each turned into
	// facts at once and its rows let go (a large plan's returns hold
	// hundreds of thousands); what they hold is taken in the order given.
	byKey, sheets, printed := opts.keys, sheetTasks(loads), printedCells(opts.Plan)
	read := make([]*returned, len(paths))
	errs := make([]error, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				b, err := readReturn(paths[i], opts)
				if err == nil {
					b.facts, b.rowProblems = b.readFacts(opts, byKey, sheets, printed)
					b.sheets = nil
				}
				read[i], errs[i] = b, err
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	var books []*returned
	for i, path := range paths {
		b, err := read[i], errs[i]
		if err != nil {
			res.Problems = append(res.Problems, data.Problem{File: path, Msg: msg.Sprintf("%v; not read", err)})
			continue
		}
		res.Problems = append(res.Problems, b.problems...)
		books = append(books, b)
	}
	books = latestPerUnit(books, res)
	res.AsOf = opts.AsOf
	if res.AsOf.IsZero() {
		for _, b := range books {
			if d, ok := savedDate(b.saved); ok && res.AsOf.Before(d) {
				res.AsOf = d
			}
		}
	}
	// A return another one of its unit replaces says nothing more: its
	// rows' warnings go with it.
	for _, b := range books {
		res.Read++
		for i := range b.facts {
			b.facts[i].AsOf = res.AsOf
		}
		res.Facts = append(res.Facts, b.facts...)
		res.Problems = append(res.Problems, b.rowProblems...)
	}
	checkJointLeads(opts.Plan, res)
	res.Problems = res.Problems.Sorted()
	return res
}

// returned is one workbook identified as a department's return.
type returned struct {
	path, sha256, saved, unit, plan string
	sheets                          []taskSheet
	problems                        data.Problems // about the workbook itself
	facts                           []progress.Entry
	rowProblems                     data.Problems // about its rows
}

func readReturn(path string, opts Options) (*returned, error) {
	src, err := safefile.Read(path, MaxWorkbookBytes, "returned workbook")
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(src)
	var wb *workbook
	switch {
	case len(src) == 0:
		return nil, msg.Errorf("the file is empty")
	case strings.EqualFold(filepath.Ext(path), ".ods"):
		wb, err = readOds(path, src)
	default:
		wb, err = readXlsx(path, src)
	}
	if err != nil {
		return nil, err
	}
	b := &returned{path: path, sha256: hex.EncodeToString(sum[:]), saved: wb.saved}
	for i := range wb.sheets {
		s := &wb.sheets[i]
		m := s.marks()
		if m.sheet != string(progress.Lead) && m.sheet != string(progress.Partner) {
			continue // the guide, or an overview's sheet
		}
		ts, err := readTaskSheet(path, s, m, opts.Columns.Progress, opts.Columns)
		if err != nil {
			b.problems = append(b.problems, data.Problem{File: path + ":" + s.name, Severity: data.Warning, Msg: msg.Sprintf("%v; sheet not read", err)})
			continue
		}
		if b.unit != "" && m.unit != b.unit {
			return nil, msg.Errorf("its sheets belong to two units (%s and %s); send each unit's own workbook", b.unit, m.unit)
		}
		b.unit, b.plan = m.unit, m.plan
		b.sheets = append(b.sheets, ts)
	}
	if len(b.sheets) == 0 {
		return nil, msg.Errorf("no department's task sheet in it (none carries plandoc's hidden marks); is it a workbook plandoc made for a department?")
	}
	if opts.Plan.Unit(b.unit) == nil {
		return nil, msg.Errorf("it is the workbook of unit %q, which this plan does not have: a workbook of another plan", b.unit)
	}
	if !b.matchesPlan(opts.keys) {
		return nil, msg.Errorf("none of its tasks is in this plan: a workbook of another plan or year")
	}
	// A workbook carries its unit's digest; one made by plandoc 0.1 before
	// digests, the whole plan's sha256.
	if b.plan != opts.digests[b.unit] && b.plan != opts.Plan.Source.SHA256 {
		b.problems = append(b.problems, data.Problem{File: path, Severity: data.Warning,
			Msg: msg.Sprintf("made from an earlier version of the plan: the tasks whose content is unchanged are taken, the others are listed")})
	}
	return b, nil
}

func (b *returned) matchesPlan(keys map[string]*data.Task) bool {
	for _, s := range b.sheets {
		for _, r := range s.rows {
			if keys[r.key] != nil {
				return true
			}
		}
	}
	return false
}

// latestPerUnit keeps, for a unit that returned several workbooks, the one
// saved last, and says which.
func latestPerUnit(books []*returned, res *Result) []*returned {
	byUnit := map[string][]*returned{}
	var units []string
	for _, b := range books {
		if byUnit[b.unit] == nil {
			units = append(units, b.unit)
		}
		byUnit[b.unit] = append(byUnit[b.unit], b)
	}
	var out []*returned
	for _, u := range units {
		list := byUnit[u]
		slices.SortStableFunc(list, func(a, b *returned) int { return strings.Compare(b.saved+b.path, a.saved+a.path) })
		out = append(out, list[0])
		for _, other := range list[1:] {
			why := "saved later (" + list[0].saved + ")"
			if list[0].saved == other.saved {
				why = "neither says when it was saved later; the later name in order"
			}
			if list[0].sha256 == other.sha256 {
				why = "the same file"
			}
			res.Problems = append(res.Problems, data.Problem{File: other.path, Severity: data.Warning,
				Msg: msg.Sprintf("another return of unit %q; %s is used (%s)", u, list[0].path, why)})
		}
	}
	return out
}
