// Copyright ©2026 The plandoc Authors. Use of this source code is
// governed by the MIT-style license in the LICENSE file.

package fpdf

import "slices"

// cidsWithWidths lists in order the cids from start up to cwLen that the
// font's widths array gives: each with a width, all of them up to 255 and
// above only the runes the document uses. Upstream visited all 65,536 of a
// face's cids (its 512 KB of widths) and looked each with a width up in
// the used runes, for each font of each document; the document uses a few
// hundred.
func cidsWithWidths(font *fontDefType, start, cwLen int) []int {
	if cwLen > len(font.Cw) {
		// Upstream's loop read every width up to cwLen and failed at
		// the first past the end; so does this.
		_ = font.Cw[max(start, len(font.Cw))]
	}
	cids := make([]int, 0, 256+len(font.usedRunes))
	for cid := start; cid < min(cwLen, 256); cid++ {
		if font.Cw[cid] != 0 {
			cids = append(cids, cid)
		}
	}
	above := len(cids)
	for cid, n := range font.usedRunes {
		if cid > 255 && cid >= start && cid < cwLen && n != 0 && font.Cw[cid] != 0 {
			cids = append(cids, cid)
		}
	}
	slices.Sort(cids[above:])
	return cids
}
