package extract

import (
	"slices"
	"testing"
)

func TestStatedNumbers(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"投资超过50亿元的项目有几个", []string{"50"}},
		{"2020年新增多少家", nil},
		{"2019年和2021年比", nil},
		{"2019的数字", nil},
		{"图13拍的是哪里", nil},
		{"120个项目里东区占多少", []string{"120"}},
		{"3.5万吨以上的码头有几个", []string{"3.5"}},
		{"2000辆以上的车队有几个", []string{"2000"}},
		{"2000多家企业里有几家", []string{"2000"}},
		// Chinese numerals mostly stand in words: left to the text.
		{"哪一天开的", nil},
	} {
		if got := statedNumbers(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("statedNumbers(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestNumberIn(t *testing.T) {
	for _, tc := range []struct {
		text, n string
		want    bool
	}{
		{"超过50亿元的达3个", "50", true},
		{"超过150亿元", "50", false},
		{"达50.5亿元", "50", false},
		{"第50.", "50", true},
		{"30亿元和50亿元", "50", true},
		{"没有数字", "50", false},
		{"以5结尾的5", "", false},
	} {
		if got := numberIn(tc.text, tc.n); got != tc.want {
			t.Errorf("numberIn(%q, %q) = %v, want %v", tc.text, tc.n, got, tc.want)
		}
	}
}

func TestMissesStated(t *testing.T) {
	if !missesStated([]string{"50"}, "投资超过30亿元的达7个") {
		t.Error("a sentence with another threshold misses the one asked")
	}
	if missesStated([]string{"50"}, "投资超过50亿元的达2个") {
		t.Error("a sentence writing the number asked does not miss it")
	}
	if missesStated(nil, "任何句子") {
		t.Error("a question stating no number misses none")
	}
}

func TestCountedOnly(t *testing.T) {
	heads := []Term{{Text: "县", Head: true}}
	for _, tc := range []struct {
		window string
		want   bool
	}{
		{"3个县获评先进,2个县获评示范", true},
		{"获评的县为甲县和乙县,共2个县", false},
		{"甲地和乙地获评先进", false},
		{"获评先进的有北县", false},
		// A list of names leading up to the count names them.
		{"东部、西部等3个县获评先进", false},
		{"东部、西部获评示范,3个县获评先进", true},
		{"甲县、乙县2个县获评先进", false},
		{"经济、社会发展指标居前的3个县获评先进", true},
	} {
		if got := countedOnly(tc.window, heads); got != tc.want {
			t.Errorf("countedOnly(%q) = %v, want %v", tc.window, got, tc.want)
		}
	}
}
