package extract

import "testing"

func TestNamesHolder(t *testing.T) {
	for _, tc := range []struct {
		sentence, role string
		want           bool
	}{
		{"由市领导任甲指挥部指挥长，定期听取进展汇报", "指挥长", false},
		{"组长由区领导担任，每月调度一次", "组长", false},
		{"甲院院长和书记出席会议", "院长", false},
		// Another office's holder, or 长 of another word, names none.
		{"指挥长由市领导担任，办公室主任王某负责日常工作", "指挥长", false},
		{"由市领导任指挥长，投资增长明显", "指挥长", false},
		{"由市领导任指挥长，长江沿线", "指挥长", false},
		{"甲医院院长王某某出席", "院长", true},
		{"甲院院长为李某", "院长", true},
		{"甲会负责人：赵某", "负责人", true},
		{"组长由张某担任", "组长", true},
		{"甲组组长由副市长担任", "组长", true},
		{"由副市长担任甲组组长", "组长", true},
		{"刘某某同志任甲组组长", "组长", true},
		{"王某某任首任县长", "县长", true},
		{"选举刘某某为乙镇党委书记", "书记", true},
		{"刘某某当选乙镇党委书记", "书记", true},
		{"甲村党支部书记鞠某带领村民修路", "村支书", true},
		{"甲医院党委书记、院长张某", "甲医院院长", true},
		{"甲学校校长张某", "甲医院院长", false},
		{"乙院院长于某某主持全院工作", "院长", true},
		{"局长　王某某", "局长", true},
		{"甲院院长（兼）王某某", "院长", true},
		{"王某某院长出席", "院长", true},
		{"王某某（甲局局长）出席", "局长", true},
		{"王某某，男，汉族，现任甲局局长", "局长", true},
		{"乙县中医院（党委书记）：孙某", "书记", true},
		// Offices listed before the one holder's name.
		{"县甲局局长、党组书记李某某出席会议", "局长", true},
		{"局长、党组书记：李某某", "局长", true},
		{"甲院书记、院长张某出席", "书记", true},
		// A surname inside a word before the office, or a verb after it,
		// names no one; nor does a former holder.
		{"镇党委书记主持召开会议", "书记", false},
		{"县公安局局长出席会议并讲话", "局长", false},
		{"由县文化局任组长", "组长", false},
		{"县委书记强调，要抓好安全", "书记", false},
		{"王某某，男，曾任甲局局长，现任乙县副县长", "局长", false},
		// The holder stands in another clause than the office.
		{"刘某到会，甲组组长空缺", "组长", false},
	} {
		if got := namesHolder(tc.sentence, tc.role); got != tc.want {
			t.Errorf("namesHolder(%s, %s) = %v, want %v", tc.sentence, tc.role, got, tc.want)
		}
	}
}

func TestSplitRoleJoinsARoleCutBeforeTheAsk(t *testing.T) {
	split := []Term{{Text: "甲部", Key: true}, {Text: "指挥"}, {Text: "长"}}
	for _, tc := range []struct {
		text  string
		terms []Term
		want  string
	}{
		{"甲部指挥长是谁", split, "指挥长"},
		{"甲部指挥长叫什么名字", split, "指挥长"},
		{"甲部指挥长多大", split, ""},
		{"甲部的指挥长叫什么名字", []Term{{Text: "甲部", Key: true}, {Text: "的"}, {Text: "指挥"}, {Text: "长叫"}, {Text: "长"}, {Text: "叫"}}, "指挥长"},
		{"甲部大楼是谁", []Term{{Text: "甲部", Key: true}, {Text: "大"}, {Text: "楼"}}, ""},
	} {
		got := ""
		if r := askedRole(Asked{Part: Part{Text: tc.text}, Terms: tc.terms}); r != nil {
			got = r.Text
		}
		if got != tc.want {
			t.Errorf("askedRole(%s) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestOfficeAsked checks that a role held by a body (投资者, 代表) is not
// an office whose holder a sentence must name.
func TestOfficeAsked(t *testing.T) {
	for role, want := range map[string]bool{"院长": true, "村支书": true, "负责人": true, "投资者": false, "代表": false} {
		pi := partInfo{role: &Term{Text: role}}
		if got := pi.officeAsked(); got != want {
			t.Errorf("officeAsked(%s) = %v, want %v", role, got, want)
		}
	}
}
