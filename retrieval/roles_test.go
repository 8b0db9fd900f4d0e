package retrieval

import (
	"testing"
)

// rolesYearbook names holders of some roles and not of others.
const rolesYearbook = `# 样例县年鉴2024

## 卫生

### 医院

县人民医院党委书记、院长张三。全年门诊量52万人次。

县中医院新建住院楼一栋，由县领导任建设指挥部指挥长。

## 科技

### 学会

县科技学会成立，会员320人。
`

// TestHolderAsked checks questions for the holder of a role: answered
// where a sentence writes the role (a compound of it too: 医院院长),
// refused where no document writes it.
func TestHolderAsked(t *testing.T) {
	e := builtEngine(t, rolesYearbook)
	for q, answered := range map[string]bool{
		"县人民医院院长是谁":     true,
		"县人民医院的院长叫什么名字": true,
		"县科技学会会长是谁":     false,
	} {
		a, err := e.Ask(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered != answered {
			t.Errorf("%s: answered %v, want %v (%+v)", q, a.Answered, answered, a.Facts)
		}
	}
}
