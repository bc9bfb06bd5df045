// Copyright 2026 The plandoc Authors. Use of this source code is governed
// by the BSD-style license in the LICENSE file.

package excelize

import "sync"

// plandoc's patch: the number formats of other languages and currencies,
// and the languages' month and weekday names, are made on first use: their
// 1,100 map entries (and a slice for each language's tags) were most of
// excelize's start-up, in every run of a program linking it, and a
// program writing workbooks without number formats of those languages
// never uses them.
var (
	langNumFmt                = sync.OnceValue(langNumFmtTable)
	currencyNumFmt            = sync.OnceValue(currencyNumFmtTable)
	supportedLanguageInfo     = sync.OnceValue(supportedLanguageInfoTable)
	supportedLanguageCodeInfo = sync.OnceValue(supportedLanguageCodeInfoTable)
)
