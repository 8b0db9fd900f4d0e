package retrieval

import (
	"testing"

	"yearbookbot/corpus"
)

// wholeWord follows the division's kind as its name ends, for every kind
// the division list holds, with no list of its own.
func TestWholeWord(t *testing.T) {
	e := &Engine{gaz: corpus.NewGazetteer()}
	for name, want := range map[string]string{
		"山东省":              "全省",
		"内蒙古自治区":           "全区",
		"新疆维吾尔自治区":         "全区",
		"北京市":              "全市",
		"延边朝鲜族自治州":         "全州",
		"阿拉善盟":             "全盟",
		"胶州市":              "全市",
		"莒县":               "全县",
		"鄂伦春自治旗":           "全旗",
		corpus.CountryName: "全国",
	} {
		codes := e.gaz.Codes(name)
		if len(codes) == 0 {
			t.Fatalf("%s is no division", name)
		}
		if got := e.wholeWord(codes[0]); got != want {
			t.Errorf("wholeWord(%s) = %q, want %q", name, got, want)
		}
	}
	if got := e.wholeWord("no such code"); got != "" {
		t.Errorf("wholeWord of an unknown code = %q, want none", got)
	}
}
