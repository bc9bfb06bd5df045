package data

// TaskField is a column any document can show for a task: its name, as the
// templates call it, and the text it prints. The annex, the quarterly
// reports and every workbook take their task columns from this one list,
// so a column is defined once and printed the same everywhere.
type TaskField struct {
	Name string
	Text func(*Plan, *Task) string
}

// TaskFields are the task columns in the order a program prints them.
var TaskFields = []TaskField{
	{"tt", func(_ *Plan, t *Task) string { return t.TT }},
	{"content", func(_ *Plan, t *Task) string { return t.Content }},
	{"time", func(_ *Plan, t *Task) string { return t.Time }},
	{"units", (*Plan).UnitsLabel},
	{"presiding", (*Plan).PresidingLabel},
	{"partners", (*Plan).PartnersLabel},
	{"approvers", (*Plan).ApproversLabel},
}

// FieldIndex is the place of the named field in TaskFields, or -1.
func FieldIndex(name string) int {
	for i, f := range TaskFields {
		if f.Name == name {
			return i
		}
	}
	return -1
}

// FieldNames lists the fields' names, for messages.
func FieldNames() []string {
	out := make([]string, len(TaskFields))
	for i, f := range TaskFields {
		out[i] = f.Name
	}
	return out
}
