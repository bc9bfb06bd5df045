module github.com/plandoc/plandoc

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	golang.org/x/text v0.44.0
)

require codeberg.org/go-pdf/fpdf v0.12.0 // indirect
