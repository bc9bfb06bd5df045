package progress

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
	"github.com/plandoc/plandoc/data/safefile"
)

// MaxFileBytes bounds a progress file: 10,000 tasks reported by their lead
// and two partners each are about 10 MB; a plan whose 100 units all
// coordinate a third of its 10,000 tasks, 110 MB.
const MaxFileBytes = 256 << 20

// Encode writes the progress as TOML, one [[entry]] a fact, in a fixed
// order and form: the same facts give the same bytes, and a diff between
// two collects shows what changed.
func (p *Progress) Encode() []byte {
	var b bytes.Buffer
	p.encode(&b)
	return b.Bytes()
}

// writer is what encode writes to: a buffer, or a buffered file.
type writer interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

func (p *Progress) encode(b writer) {
	b.WriteString("# Progress of a work program, as the departments reported it.\n")
	b.WriteString("# Made and merged by plandoc collect; read by plandoc render -progress.\n\n")
	fmt.Fprintf(b, "plan_sha256 = %s\n", quote(p.PlanSHA256))
	if !p.AsOf.IsZero() {
		fmt.Fprintf(b, "as_of = %s\n", p.AsOf)
	}
	field := func(key, v string) {
		if v != "" {
			b.WriteString(key)
			b.WriteString(" = ")
			b.WriteString(quote(v))
			b.WriteByte('\n')
		}
	}
	for _, e := range p.Entries {
		b.WriteString("\n[[entry]]\n")
		field("task", e.Task)
		field("tt", e.TT)
		field("unit", e.Unit)
		field("role", string(e.Role))
		field("status", e.Status)
		if !e.Done.IsZero() {
			b.WriteString("done = " + e.Done.String() + "\n")
		}
		field("new_time", e.NewTime)
		field("notes", e.Notes)
		if len(e.Extra) > 0 {
			b.WriteString("extra = [")
			for i, f := range e.Extra {
				if i > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(b, "{ name = %s, value = %s }", quote(f.Name), quote(f.Value))
			}
			b.WriteString("]\n")
		}
		field("source", e.Source)
		field("source_sha256", e.SourceSHA256)
		field("saved", e.Saved)
		if !e.AsOf.IsZero() {
			b.WriteString("as_of = " + e.AsOf.String() + "\n")
		}
	}
}

func quote(s string) string { return data.TOMLString(s) }

// fileForm is the file as TOML decodes it.
type fileForm struct {
	PlanSHA256 string      `toml:"plan_sha256"`
	AsOf       time.Time   `toml:"as_of"`
	Entry      []entryForm `toml:"entry"`
}

type entryForm struct {
	Task         string    `toml:"task"`
	TT           string    `toml:"tt"`
	Unit         string    `toml:"unit"`
	Role         string    `toml:"role"`
	Status       string    `toml:"status"`
	Done         time.Time `toml:"done"`
	NewTime      string    `toml:"new_time"`
	Notes        string    `toml:"notes"`
	Extra        []Field   `toml:"extra"`
	Source       string    `toml:"source"`
	SourceSHA256 string    `toml:"source_sha256"`
	Saved        string    `toml:"saved"`
	AsOf         time.Time `toml:"as_of"`
}

// Read loads a progress file. A file that does not exist is empty progress
// (exists is then false), so the first collect starts one.
func Read(path string) (p *Progress, exists bool, err error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return &Progress{}, false, nil
	}
	raw, err := safefile.Read(path, MaxFileBytes, "progress file")
	if err != nil {
		return nil, false, err
	}
	p, err = Parse(path, raw)
	return p, true, err
}

// Parse reads progress from the bytes of a progress file.
func Parse(name string, raw []byte) (*Progress, error) {
	if p, ok := fastParse(raw); ok && p.valid() {
		return p, nil
	}
	if prob := data.NestingProblem(name, raw); prob != nil {
		return nil, data.Problems{*prob}.Err()
	}
	var f fileForm
	md, err := toml.Decode(string(raw), &f)
	if err != nil {
		return nil, data.Problems{data.SyntaxProblem(name, raw, err)}.Err()
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, data.Problems{{File: name, Msg: msg.Sprintf("unknown key %s; a progress file is written by plandoc collect", und[0])}}.Err()
	}
	p := &Progress{PlanSHA256: f.PlanSHA256, AsOf: dateOf(f.AsOf)}
	for i, e := range f.Entry {
		role := Role(e.Role)
		if e.Task == "" || e.Unit == "" || (role != Lead && role != Partner) {
			return nil, data.Problems{{File: name, Msg: msg.Sprintf("entry #%d lacks its task, its unit or a role of lead or partner; a progress file is written by plandoc collect", i+1)}}.Err()
		}
		p.Entries = append(p.Entries, Entry{Task: e.Task, TT: e.TT, Unit: e.Unit, Role: role, Status: e.Status, Done: dateOf(e.Done),
			NewTime: e.NewTime, Notes: e.Notes, Extra: e.Extra, Source: e.Source, SourceSHA256: e.SourceSHA256, Saved: e.Saved, AsOf: dateOf(e.AsOf)})
	}
	return p, nil
}

// valid reports whether every entry names its task, unit and role, as
// the TOML path below checks with a message.
func (p *Progress) valid() bool {
	for _, e := range p.Entries {
		if e.Task == "" || e.Unit == "" || (e.Role != Lead && e.Role != Partner) {
			return false
		}
	}
	return true
}

// Write writes the file whole or not at all, without holding it in memory.
func (p *Progress) Write(path string) error {
	return safefile.WriteWith(path, func(w io.Writer) error {
		p.encode(w.(writer))
		return nil
	})
}

// dateOf is the civil date of a TOML local date (midnight in the
// machine's zone: its date, never its UTC date).
func dateOf(t time.Time) data.Date {
	if t.IsZero() {
		return data.Date{}
	}
	y, m, d := t.Date()
	return data.Date{Year: y, Month: int(m), Day: d}
}
