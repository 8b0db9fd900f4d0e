package retrieval

import (
	"strings"
	"testing"
)

// TestOtherYearRowRefused checks that a question naming a year is not
// answered by the row of another year of a table of years, even when the
// table path leaves it to the selector (a word no label writes, 酒店).
func TestOtherYearRowRefused(t *testing.T) {
	e := builtEngine(t, `# 样例县年鉴2025

## 旅游

### 指标

表1 样例县旅游主要指标（2020—2024年）

| 年份 | 游客人次（万人次） | 客房出租率（%） |
|---|---:|---:|
| 2020年 | 684.2 | 42.3 |
| 2021年 | 812.7 | 48.7 |
| 2022年 | 776.5 | 45.1 |
| 2023年 | 1126.5 | 57.4 |
| 2024年 | 1286.4 | 61.8 |
`)
	a, err := e.Ask(t.Context(), "去年酒店客房出租率超过60%了吗")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Facts {
		if !strings.Contains(f.Text, "61.8") {
			t.Errorf("answered with %q, want the row of 2024 or a refusal", f.Text)
		}
	}
}
