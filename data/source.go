package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"unicode/utf8"

	"github.com/plandoc/plandoc/data/msg"
	"golang.org/x/text/unicode/norm"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// maxEncodingProblems caps the invalid-UTF-8 report: past a few lines the
// file is in another encoding and one fix mends them all.
const maxEncodingProblems = 5

// normalise turns the bytes of a plan file into the text the parser reads:
// no BOM, LF line endings, NFC. It reports an empty file, UTF-16 and invalid
// UTF-8 as errors (ok is then false) and non-NFC text once, as a warning.
func normalise(name string, raw []byte) (text []byte, probs Problems, ok bool) {
	if p, ok := officeFileProblem(name, raw); ok {
		return nil, Problems{p}, false
	}
	// UTF-32's byte-order mark begins with UTF-16's: test it first.
	if bytes.HasPrefix(raw, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(raw, []byte{0, 0, 0xFE, 0xFF}) {
		return nil, Problems{{File: name, Line: 1, Col: 1, Msg: msg.Sprintf("the file is UTF-32; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)")}}, false
	}
	if bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return nil, Problems{{File: name, Line: 1, Col: 1, Msg: msg.Sprintf("the file is UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)")}}, false
	}
	text = bytes.TrimPrefix(raw, utf8BOM)
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, Problems{{File: name, Msg: msg.Sprintf("the plan file is empty; start from the bundled plan (plandoc's data/plans folder) or the example in README.md")}}, false
	}
	if !utf8.Valid(text) {
		return nil, invalidUTF8(name, text), false
	}
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	if !norm.NFC.IsNormal(text) {
		line := firstNonNFCLine(text)
		probs = append(probs, Problem{File: name, Line: line, Severity: Warning,
			Msg: msg.Sprintf("text is not in Unicode NFC (first here); it was normalised on load; save the file as NFC to silence this")})
		text = norm.NFC.Bytes(text)
	}
	return text, probs, true
}

func invalidUTF8(name string, text []byte) Problems {
	var probs Problems
	line, col := 1, 1
	lastLine := 0
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		if r == utf8.RuneError && size == 1 {
			if line != lastLine && len(probs) < maxEncodingProblems {
				probs = append(probs, Problem{File: name, Line: line, Col: col,
					Msg: msg.Sprintf("invalid UTF-8 (byte 0x%02X); the file must be saved as UTF-8, not a legacy encoding such as TCVN3, VNI or Windows-1258", text[0])})
				lastLine = line
			}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		text = text[size:]
	}
	return probs
}

func firstNonNFCLine(text []byte) int {
	for i, l := range bytes.Split(text, []byte("\n")) {
		if !norm.NFC.IsNormal(l) {
			return i + 1
		}
	}
	return 1
}

func digest(text []byte) string {
	sum := sha256.Sum256(text)
	return hex.EncodeToString(sum[:])
}
