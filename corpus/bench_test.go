package corpus

import (
	"strings"
	"testing"
)

func BenchmarkParseDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// A long line without punctuation, full of mentions, is the worst case for
// the title and heading rules.
func BenchmarkParsePathological(b *testing.B) {
	data := []byte(strings.Repeat("发起海洋攻势青岛市", 20000) + "\n来源：" + strings.Repeat("市局", 5000) + "\n")
	for b.Loop() {
		if _, err := Parse("x.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
