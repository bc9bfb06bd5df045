package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The tests read plandoc's English unless they ask for Vietnamese,
// whatever the machine's locale.
func TestMain(m *testing.M) {
	os.Unsetenv("LANGUAGE")
	os.Unsetenv("LC_MESSAGES")
	os.Setenv("LC_ALL", "C.UTF-8")
	os.Exit(m.Run())
}

// Messages speak Vietnamese with -lang vi (before the command or among
// its flags) or a Vietnamese locale, English otherwise; -lang fr is
// refused.
func TestMessagesInTheUsersLanguage(t *testing.T) {
	plan := bundledPlanWith(t, `units = ["ban-khcn-tvpb"]`, `units = ["ban-khcn-tvbp"]`)
	line := ":" // the unknown unit's place, as check prints it
	wantVi := "không có đơn vị \"ban-khcn-tvbp\"; có phải là \"ban-khcn-tvpb\"?"
	wantEn := "unknown unit \"ban-khcn-tvbp\"; did you mean \"ban-khcn-tvpb\"?"
	for _, c := range []struct {
		name    string
		args    []string
		env     string
		want    string
		summary string
	}{
		{"-lang vi among the flags", []string{"check", "-lang", "vi", plan}, "", wantVi, "1 lỗi, 1 cảnh báo"},
		{"-lang=vi before the command", []string{"-lang=vi", "check", plan}, "", wantVi, "1 lỗi, 1 cảnh báo"},
		{"a Vietnamese locale", []string{"check", plan}, "vi_VN.UTF-8", wantVi, "1 lỗi, 1 cảnh báo"},
		{"-lang en over a Vietnamese locale", []string{"check", "-lang", "en", plan}, "vi_VN.UTF-8", wantEn, "1 error, 1 warning"},
		{"an English locale", []string{"check", plan}, "", wantEn, "1 error, 1 warning"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.env != "" {
				t.Setenv("LC_ALL", c.env)
			}
			code, out, errOut := runCLI(t, c.args...)
			if code != 1 || !strings.Contains(out, plan+line) || !strings.Contains(out, c.want) || strings.TrimSpace(errOut) != c.summary {
				t.Errorf("exit %d, want 1\n%s%s\nwant a line with %q and the summary %q", code, out, errOut, c.want, c.summary)
			}
		})
	}
	code, _, errOut := runCLI(t, "check", "-lang", "fr", plan)
	if code != 2 || !strings.Contains(errOut, "plandoc speaks vi (Vietnamese) and en (English)") {
		t.Errorf("-lang fr: exit %d\n%s", code, errOut)
	}
	dir := filepath.Join(t.TempDir(), "out")
	code, out, _ := runCLI(t, "render", "-lang", "vi", "-o", dir)
	if code != 0 || !strings.Contains(out, "đã ghi "+filepath.Join(dir, "annex.pdf")) {
		t.Errorf("render -lang vi: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "render", "-lang", "vi", "-o", dir)
	if code != 0 || !strings.Contains(out, "so với lần xuất trước: 0 mới, 0 thay đổi, 18 không đổi, 0 đã bỏ") {
		t.Errorf("render -lang vi again: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "help", "-lang", "vi")
	if code != 0 || !strings.Contains(out, "Cách dùng:") {
		t.Errorf("help -lang vi: exit %d\n%s", code, out)
	}
}
