package retrieval

import (
	"strings"
	"testing"
)

// TestOfficeHolderNamedOrNot checks the no-holder veto through the engine:
// a sentence writing an office without its holder does not answer who
// holds it, one naming the holder does.
func TestOfficeHolderNamedOrNot(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	e := builtEngine(t, "# 丙县年鉴2025\n\n## 卫生\n\n### 医院\n\n2024年，丙县甲医院由县领导任院长，全年门诊12万人次。乙学校校长王某某主持全校工作，全年招生800人。\n")
	for q, want := range map[string]string{"甲医院院长是谁": "", "乙学校校长叫什么名字": "王某某"} {
		a, err := e.Ask(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case want == "" && a.Answered:
			t.Errorf("%s: answered %+v, want a refusal", q, a.Facts)
		case want != "" && (!a.Answered || !strings.Contains(a.Facts[0].Text, want)):
			t.Errorf("%s: got %+v, want %s", q, a, want)
		}
	}
}
