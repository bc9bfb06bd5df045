package safefile

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func randomParts(r *rand.Rand, n int) ([][]byte, []byte) {
	var parts [][]byte
	var all []byte
	for i := range n {
		p := make([]byte, r.Intn(3)*r.Intn(5000)) // a third of them empty
		for j := range p {
			p[j] = byte(i + j)
		}
		parts = append(parts, p)
		all = append(all, p...)
	}
	return parts, all
}

// Whatever number of bytes each writev takes, and when one is
// interrupted, the parts are written whole and in order, at most 1024 a
// call, none of them empty.
func TestWriteAllVectoredShortWrites(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for round := range 200 {
		parts, want := randomParts(r, r.Intn(3000))
		var got bytes.Buffer
		calls := 0
		err := writeAllVectored(parts, func(iov [][]byte) (int, error) {
			calls++
			if len(iov) > maxIovecs {
				t.Fatalf("%d parts in one writev", len(iov))
			}
			if r.Intn(10) == 0 {
				return 0, syscall.EINTR
			}
			total := 0
			for _, v := range iov {
				if len(v) == 0 {
					t.Fatal("an empty part given to writev")
				}
				total += len(v)
			}
			take := total
			if r.Intn(2) == 0 {
				take = 1 + r.Intn(total)
			}
			left := take
			for _, v := range iov {
				k := min(left, len(v))
				got.Write(v[:k])
				if left -= k; left == 0 {
					break
				}
			}
			return take, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("round %d: %d parts written as %d bytes; want %d", round, len(parts), got.Len(), len(want))
		}
		if len(want) == 0 && calls != 0 {
			t.Fatalf("nothing to write, yet %d calls", calls)
		}
	}
	if err := writeAllVectored([][]byte{[]byte("a")}, func([][]byte) (int, error) { return 0, nil }); err == nil {
		t.Error("a writev that takes nothing and says nothing went unnoticed")
	}
	if err := writeAllVectored([][]byte{[]byte("a")}, func([][]byte) (int, error) { return 0, syscall.ENOSPC }); err == nil {
		t.Error("a full disk went unnoticed")
	}
}

// A file gets its parts through writev, in order, 1024 and more of them.
func TestWritePartsToAFile(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	parts, want := randomParts(r, 3000)
	path := filepath.Join(t.TempDir(), "parts")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if done, err := writeVectored(f, parts); !done || err != nil {
		t.Fatalf("writeVectored: %v, %v", done, err)
	}
	f.Close()
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Fatalf("the file holds %d bytes; want the %d of the parts in order", len(got), len(want))
	}
}
