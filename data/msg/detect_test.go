package msg

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	noUI := func() (Lang, bool) { return "", false }
	uiVi := func() (Lang, bool) { return Vietnamese, true }
	uiEn := func() (Lang, bool) { return English, true }
	for _, c := range []struct {
		name    string
		flag    string
		env     map[string]string
		ui      func() (Lang, bool)
		windows bool
		want    Lang
	}{
		{"flag vi wins over the environment", "vi", map[string]string{"LANG": "en_US.UTF-8"}, noUI, false, Vietnamese},
		{"flag en wins over the environment", "en", map[string]string{"LANG": "vi_VN.UTF-8"}, uiVi, true, English},
		{"flag in another spelling", "vi-VN", nil, noUI, false, Vietnamese},
		{"LANG vi", "", map[string]string{"LANG": "vi_VN.UTF-8"}, noUI, false, Vietnamese},
		{"LANG en", "", map[string]string{"LANG": "en_GB.UTF-8"}, uiVi, true, English},
		{"LC_ALL over LANG", "", map[string]string{"LC_ALL": "vi_VN", "LANG": "en_US.UTF-8"}, noUI, false, Vietnamese},
		{"LC_MESSAGES over LANG", "", map[string]string{"LC_MESSAGES": "en_US", "LANG": "vi_VN"}, noUI, false, English},
		{"LANGUAGE first of its list", "", map[string]string{"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"}, noUI, false, Vietnamese},
		{"LANGUAGE C defers to LANG", "", map[string]string{"LANGUAGE": "C", "LANG": "vi_VN.UTF-8"}, noUI, false, Vietnamese},
		{"C locale is English", "", map[string]string{"LANG": "C.UTF-8"}, uiVi, true, English},
		{"Windows with nothing set asks the UI language", "", nil, uiEn, true, English},
		{"Windows UI in Vietnamese", "", nil, uiVi, true, Vietnamese},
		{"Windows without an answer falls back to Vietnamese", "", nil, noUI, true, Vietnamese},
		{"elsewhere with nothing set, English", "", nil, noUI, false, English},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Detect(c.flag, func(k string) string { return c.env[k] }, c.ui, c.windows)
			if err != nil || got != c.want {
				t.Errorf("Detect = %s, %v; want %s", got, err, c.want)
			}
		})
	}
	if _, err := Detect("fr", func(string) string { return "" }, noUI, false); err == nil || !strings.Contains(err.Error(), "plandoc speaks vi (Vietnamese) and en (English)") {
		t.Errorf("-lang fr: %v", err)
	}
}

// A format the catalogue translates is told in the current language; one
// it does not is told as written.
func TestSprintfFollowsTheLanguage(t *testing.T) {
	defer Use(English)
	Use(Vietnamese)
	if got := Sprintf("%d errors", 3); got != "3 lỗi" {
		t.Errorf("Vietnamese: %q", got)
	}
	if got := Sprintf("day %d does not exist in month %d", 31, 4); got != "tháng 4 không có ngày 31" {
		t.Errorf("reordered arguments: %q", got)
	}
	if got := Errorf("reading %s: %w", "x", errTest).Error(); got != "đọc x: boom" {
		t.Errorf("Errorf: %q", got)
	}
	Use(English)
	if got := Sprintf("%d errors", 3); got != "3 errors" {
		t.Errorf("English: %q", got)
	}
}

var errTest = testError{}

type testError struct{}

func (testError) Error() string { return "boom" }
