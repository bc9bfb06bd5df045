//go:build !windows

package msg

// UILanguage is known only on Windows; elsewhere the locale says it.
func UILanguage() (Lang, bool) { return "", false }
