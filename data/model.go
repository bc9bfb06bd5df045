// Package data holds the plan model, the TOML loader that fills it with
// precise, positioned problems, and the plans bundled with plandoc.
package data

import (
	"fmt"
	"strings"
	"time"

	"github.com/plandoc/plandoc/data/msg"
)

// SchemaVersion is the newest plan-file schema this build reads.
const SchemaVersion = 1

// Plan is one organisation's work program for one year, as loaded from one
// TOML file. Every string in it is NFC.
type Plan struct {
	Schema       int
	Organisation Organisation
	Decision     Decision
	Reports      Reports
	Program      Program
	Sections     []Section
	Units        []Unit
	Groups       []Group
	People       []Person
	Bodies       []Body
	Tasks        []Task

	// Source describes the file the plan came from.
	Source Source

	pos         *positions // where each key stands in the source, for later problems
	unitByID    map[string]*Unit
	groupByID   map[string]*Group
	personByID  map[string]*Person
	bodyByID    map[string]*Body
	sectionByID map[string]*Section
}

// Source identifies the bytes a plan was loaded from.
type Source struct {
	Name string // file name as given to the loader, used in messages
	// SHA256 is the hex digest of the normalised text (BOM removed, LF line
	// endings, NFC), so the same plan saved by two editors hashes the same.
	SHA256 string
}

// Organisation is the issuing body.
type Organisation struct {
	Name   string // tên cơ quan ban hành, e.g. "Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa"
	Parent string // cơ quan chủ quản; empty when there is none
	Place  string // place name of the date line, e.g. "Thanh Hóa"
}

// Decision is the decision the program is issued with.
type Decision struct {
	Number string // "313"
	Symbol string // "QĐ-LHH"
	Date   Date
	Issuer string // "Chủ tịch Liên hiệp hội Thanh Hóa"
	Signer *Signer
}

// Reports is what the quarterly and year reports take from the plan: who
// signs them (it may be another than the program's signer) and where they
// are sent (Nơi nhận). Both are optional: with no recipients the template's
// list is printed.
type Reports struct {
	Signer     *Signer
	Recipients []string
}

// Signer is who signs the program; nil when the plan names nobody.
type Signer struct {
	Authority string // "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"; optional
	Title     string // "CHỦ TỊCH"
	Name      string
}

// Program is the document's own wording.
type Program struct {
	Year    int
	Title   string // "Chương trình công tác năm 2021"
	Summary string // trích yếu under the title; optional
	Closing string // the paragraph after the table; optional
}

// Section groups tasks under a heading (I, II, …).
type Section struct {
	ID    string
	Label string // "I"
	Title string
}

// Unit is a department or office; External marks bodies outside the
// organisation that are registered only so tasks can name them consistently.
type Unit struct {
	ID       string
	Name     string // as printed in tables, e.g. "Ban KHCN, TVPB"
	FullName string // optional long form
	External bool
}

// Group names several units at once ("Các ban LHH").
type Group struct {
	ID          string
	Name        string
	Members     []string // unit ids
	AllInternal bool     // every internal unit, now and when more are added
}

// Person presides over tasks.
type Person struct {
	ID        string
	Honorific string // "Đ/c"
	Name      string
	Title     string // position, optional
}

// Body approves tasks (cấp thông qua).
type Body struct {
	ID   string
	Name string
}

// Task is one row of the program.
type Task struct {
	TT       string // number as printed
	Content  string
	Time     string // as printed, e.g. "Tháng 01"
	Schedule Schedule
	// Units lead the task; more than one means it is led jointly.
	Units     []string
	Presiding string // person id; optional
	Partners  []Partner
	Approvers []string // body ids
	Section   string   // section id; optional

	// The printed wording of a column when the plan gives it; otherwise the
	// registered names are printed.
	UnitsText     string
	PartnersText  string
	ApproversText string
}

// Partner is a coordinating party: a registered unit or group (Ref), or an
// outside body named in free text (Text).
type Partner struct {
	Ref  string
	Text string
}

// Date is a civil date with no time zone, so it never shifts.
type Date struct {
	Year  int
	Month int
	Day   int
}

// IsZero reports whether the date was never set.
func (d Date) IsZero() bool { return d == Date{} }

// String gives the ISO form, 2021-12-31.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Valid reports whether the date exists in the calendar.
func (d Date) Valid() bool {
	return d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= daysIn(d.Month, d.Year) && d.Year > 0
}

// ParseDate reads a date written 2021-03-31 or 31/03/2021.
func ParseDate(s string) (Date, error) {
	var d Date
	s = strings.TrimSpace(s)
	if _, err := fmt.Sscanf(s, "%4d-%2d-%2d", &d.Year, &d.Month, &d.Day); err != nil || len(s) != 10 {
		d = Date{}
		if _, err := fmt.Sscanf(s, "%d/%d/%d", &d.Day, &d.Month, &d.Year); err != nil || strings.Count(s, "/") != 2 {
			return Date{}, msg.Errorf("cannot read the date %q; write it 2021-03-31 or 31/03/2021", s)
		}
	}
	if !d.Valid() || d.Year < 1000 {
		return Date{}, msg.Errorf("the date %q does not exist", s)
	}
	return d, nil
}

// Time is midnight UTC of the date: documents carry dates, not the
// machine's clock or zone, so the same plan gives the same bytes anywhere.
func (d Date) Time() time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// Before reports whether d is strictly earlier than e.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}
