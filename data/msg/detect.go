package msg

import "strings"

// Detect chooses the language: the -lang flag when given ("vi", "en"),
// else the environment's locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in
// the order gettext reads them), else the system's user interface
// language (Windows, where those are rarely set), else Vietnamese on
// Windows and English elsewhere. getenv and uiLang are the process's
// own, given so tests can try every case.
func Detect(flag string, getenv func(string) string, uiLang func() (Lang, bool), windows bool) (Lang, error) {
	if flag != "" {
		return Parse(flag)
	}
	for _, name := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if name == "LANGUAGE" {
			v, _, _ = strings.Cut(v, ":") // a list of preferences: the first is the user's
		}
		if v == "" {
			continue
		}
		if fromLocale(v) == Vietnamese {
			return Vietnamese, nil
		}
		if name != "LANGUAGE" || (v != "C" && v != "POSIX") {
			return English, nil
		}
	}
	if l, ok := uiLang(); ok {
		return l, nil
	}
	if windows {
		return Vietnamese, nil
	}
	return English, nil
}

// Parse reads -lang's value.
func Parse(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "vi", "vi-vn", "vi_vn", "vietnamese", "tiếng việt", "tieng viet":
		return Vietnamese, nil
	case "en", "en-us", "en_us", "en-gb", "en_gb", "english":
		return English, nil
	}
	return English, Errorf("-lang %s: plandoc speaks vi (Vietnamese) and en (English)", s)
}

// fromLocale reads a POSIX locale name: vi_VN.UTF-8, vi, en_US.
func fromLocale(v string) Lang {
	v = strings.ToLower(v)
	if v == "vi" || strings.HasPrefix(v, "vi_") || strings.HasPrefix(v, "vi-") || strings.HasPrefix(v, "vi.") {
		return Vietnamese
	}
	return English
}
