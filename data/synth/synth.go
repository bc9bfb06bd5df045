// Package synth writes large, valid, deterministic plan files for
// benchmarks and stress tests: real plans have a hundred tasks, these have
// as many as asked.
package synth

import (
	"fmt"
	"strings"
)

var times = []string{"Tháng %02d", "Tháng %d", "Quý %s", "Tháng %d-%d", "Cả năm", "Thường xuyên", "%d/%d", "6 tháng đầu năm", "Hằng quý"}

var quarters = []string{"I", "II", "III", "IV"}

// contentWords are a task's words; tasks cycle through them so lines wrap
// as real Vietnamese contents do.
const contentWords = "Hội nghị thông qua phương án kiện toàn, nâng cao chất lượng hoạt động của các hội thành viên và trung tâm trực thuộc Liên hiệp hội giai đoạn 2021 – 2025 theo Kế hoạch số 166-KH/TU của Ban Thường vụ Tỉnh uỷ"

// Plan returns the TOML of a plan for year 2021 with the given numbers of
// tasks and internal units. Every registry entry is used, so it checks clean
// apart from nothing.
func Plan(tasks, units int) []byte {
	var b strings.Builder
	b.Grow(tasks * 400)
	b.WriteString(`schema = 1

[organisation]
name = "Liên hiệp các Hội Khoa học và Kỹ thuật Thanh Hóa"
place = "Thanh Hóa"

[decision]
number = "1"
symbol = "QĐ-LHH"
date = 2020-12-20
issuer = "Chủ tịch Liên hiệp hội Thanh Hóa"

[program]
year = 2021
title = "Chương trình công tác năm 2021"
closing = "Thường trực Liên hiệp hội có thể điều chỉnh, bổ sung cho phù hợp./."

[[groups]]
id = "cac-ban"
name = "Các ban LHH"
all_internal = true

[[bodies]]
id = "thuong-truc"
name = "Thường trực LHH"

[[bodies]]
id = "ban-thuong-vu"
name = "Ban Thường vụ LHH"
`)
	for u := 1; u <= units; u++ {
		fmt.Fprintf(&b, "\n[[units]]\nid = \"ban-%d\"\nname = \"Ban Chuyên môn số %d\"\n", u, u)
	}
	people := max(1, units/2)
	for x := 1; x <= people; x++ {
		fmt.Fprintf(&b, "\n[[people]]\nid = \"nguoi-%d\"\nhonorific = \"Đ/c\"\nname = \"Nguyễn Văn Người %d\"\n", x, x)
	}
	words := strings.Fields(contentWords)
	for i := 0; i < tasks; i++ {
		n := 8 + (i*7)%(len(words)-8)
		content := strings.Join(words[:n], " ")
		fmt.Fprintf(&b, "\n[[tasks]]\ntt = \"%d\"\ncontent = \"%s (nhiệm vụ %d)\"\ntime = \"%s\"\nunits = [\"ban-%d\"]\npresiding = \"nguoi-%d\"\n",
			i+1, content, i+1, timeOf(i), i%units+1, i%people+1)
		if i%3 == 0 {
			b.WriteString("partners = [\"cac-ban\", \"Sở, ngành liên quan\"]\n")
		} else {
			fmt.Fprintf(&b, "partners = [\"ban-%d\"]\n", (i+1)%units+1)
		}
		if i%5 == 0 {
			b.WriteString("approvers = [\"ban-thuong-vu\"]\n")
		} else {
			b.WriteString("approvers = [\"thuong-truc\"]\n")
		}
	}
	return []byte(b.String())
}

// timeOf spreads the tasks over the year in every form the parser reads,
// mostly single months, in order, as real plans are.
func timeOf(i int) string {
	month := i%12 + 1
	switch i % 20 {
	case 3:
		return fmt.Sprintf(times[2], quarters[(month-1)/3])
	case 7:
		return fmt.Sprintf(times[3], month, min(12, month+2))
	case 11:
		return times[4]
	case 13:
		return times[5]
	case 17:
		return fmt.Sprintf(times[6], 1+i%28, month)
	case 19:
		return times[7]
	}
	if i%2 == 0 {
		return fmt.Sprintf(times[0], month)
	}
	return fmt.Sprintf(times[1], month)
}
