package textsearch

import (
	"strings"
	"testing"
)

func TestIndexAsStringsIndex(t *testing.T) {
	long := strings.Repeat("全市完成固定资产投资增长3.6%，其中民间投资", 4)
	texts := []string{"", "青岛", long, long + "胶东国际机场", "机场" + long, "\xe6\x9c" + long + "\xe5", "abc" + long}
	words := []string{"", "a", "投资", "民间投资", "机场", "胶东国际机场", "增长3.6%", "3.6%", "\xe6\x9c\xba", "场", "不在", "资，其"}
	for _, s := range texts {
		for _, w := range words {
			if got, want := Index(s, w), strings.Index(s, w); got != want {
				t.Errorf("Index(%q, %q) = %d, want %d", s, w, got, want)
			}
		}
		// every substring of s up to 12 bytes long, and ones just past it
		for i := 0; i < len(s); i++ {
			for n := 1; n <= 12 && i+n <= len(s); n++ {
				w := s[i : i+n]
				if got, want := Index(s, w), strings.Index(s, w); got != want {
					t.Fatalf("Index(%q, %q) = %d, want %d", s, w, got, want)
				}
			}
		}
	}
}

var benchText = strings.Repeat("2020年,全市实现地区生产总值12400.56亿元,按可比价格计算,增长3.7%。其中,第一产业增加值425.41亿元,增长2.3%;第二产业增加值3767.04亿元,增长3.3%;", 3)

func BenchmarkIndex(b *testing.B) {
	words := []string{"海洋生产总值", "增加值", "胶东机场", "产业", "地铁"}
	b.Run("Index", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				Index(benchText, w)
			}
		}
	})
	b.Run("strings.Index", func(b *testing.B) {
		for b.Loop() {
			for _, w := range words {
				strings.Index(benchText, w)
			}
		}
	})
}
