package extract

import "testing"

func TestSubjectBefore(t *testing.T) {
	for _, tc := range []struct{ text, fig, want string }{
		// The words right before a figure, cut at the clause mark.
		{"全年建成公园12个,新建绿道30公里。", "30公里", "新建绿道"},
		// A sentence's topic stays out: only the last words count.
		{"依托重点实验室新建市级工程研究中心45家。", "45家", "验室新建市级工程研究中心"},
		// A change or a total too short to name a thing is the value before's.
		{"港口货物吞吐量3亿吨,增长2.1%。", "2.1%", "港口货物吞吐量增长"},
		{"新增会员120家,总量达900家。", "900家", "新增会员总量达"},
		{"园区产值50亿元,高于全区8个百分点。", "8个百分点", "园区产值高于全区"},
		// The base period (比上年) stands inside a subject, not before it.
		{"接待游客300万人次,增长(比上年,下同)6%。", "6%", "接待游客增长"},
		// A rank's clause opening with 居 ranks the value before.
		{"粮食产量80万吨,居全省第三位。", "第三位", "粮食产量居全省"},
		// A count's thing may follow it.
		{"改造提升12条背街小巷,整治广场5处。", "12条", "改造提升背街小巷"},
		// Figures given to subjects written earlier have none beside them.
		{"工业、服务业分别增长3%、5%。", "3%", ""},
		{"工业、服务业分别增长3%、5%。", "5%", ""},
	} {
		figs := readFigures(tc.text)
		found := false
		for _, f := range figs {
			if f.Text(tc.text) == tc.fig {
				found = true
				if f.subject != tc.want {
					t.Errorf("%s: subject of %s = %q, want %q", tc.text, tc.fig, f.subject, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no figure %s in %v", tc.text, tc.fig, figs)
		}
	}
}

// A count answers a 多少家 question only when what it counts is the thing
// asked: a sentence naming the thing for another figure measures that one.
func TestSubjectMiss(t *testing.T) {
	nouns := []string{"高新技术企业", "企业", "工程研究中心", "市级", "新增"}
	q := "新增高新技术企业多少家"
	text := "依托高新技术企业新建市级工程研究中心45家。"
	other := windowFeatures(t, q, nouns, Passage{Text: text}, text)
	text = "新增高新技术企业300家。"
	same := windowFeatures(t, q, nouns, Passage{Text: text}, text)
	if other[FSubjectMiss] != 1 || same[FSubjectMiss] != 0 {
		t.Errorf("subject_miss: %.2f for another thing counted, %.2f for the asked one; want 1 and 0", other[FSubjectMiss], same[FSubjectMiss])
	}
	if other[FMeasureMiss] != 0 {
		t.Errorf("measure_miss = %.2f: the sentence writes the asked word, so only subject_miss tells the two apart", other[FMeasureMiss])
	}
	// What a sum of money is may follow it.
	text = "为甲企业发放20亿元贷款。"
	after := windowFeatures(t, "给甲企业发放了多少贷款", []string{"贷款", "甲企业"}, Passage{Text: text}, text)
	if after[FSubjectMiss] != 0 {
		t.Errorf("subject_miss of 20亿元贷款 for 多少贷款 = %.2f, want 0", after[FSubjectMiss])
	}
	// Parts of a whole told in the sentence before are that whole's.
	text = "全年新增高新技术企业300家。其中东区120家。"
	part := windowFeatures(t, q, nouns, Passage{Text: text}, "其中东区120家。")
	if part[FSubjectMiss] != 0 {
		t.Errorf("subject_miss of a part of the whole before = %.2f, want 0", part[FSubjectMiss])
	}
}
