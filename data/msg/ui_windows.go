package msg

import "syscall"

// UILanguage is the Windows user's display language: Vietnamese when its
// primary language is LANG_VIETNAMESE (0x2A), English otherwise.
func UILanguage() (Lang, bool) {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetUserDefaultUILanguage")
	if proc.Find() != nil {
		return "", false
	}
	id, _, _ := proc.Call()
	if id == 0 {
		return "", false
	}
	if id&0x3FF == 0x2A {
		return Vietnamese, true
	}
	return English, true
}
