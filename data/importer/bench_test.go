package importer

import "testing"

func BenchmarkImportSeed(b *testing.B) {
	src := seed(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Import("seed.txt", src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportWorkbook10000Rows(b *testing.B) {
	src := workbook(b, 10000, "")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Import("plan.xlsx", src, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Problems.Errors() > 0 {
			b.Fatal(res.Problems[0])
		}
	}
}
