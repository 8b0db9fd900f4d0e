package extract

import "testing"

// otherArea finds the same area with the areas' signatures as without.
func TestOtherAreaWithSignatures(t *testing.T) {
	pp := Prepare(Passage{Text: "东城区完成投资120亿元。西城区增长5%，南区持平。全市完成投资300亿元。"})
	var plain partInfo
	for _, name := range []string{"东城区", "西城区", "南区", "北区"} {
		plain.areas = append(plain.areas, area{name, Canon(name)})
	}
	signed := plain
	signed.areaSigs = areaSigs(plain.areas)
	found := 0
	for _, s := range pp.sentences {
		for _, place := range []string{"东城", "北区", "西城区"} {
			want := plain.otherArea(s.withPrev, place)
			if got := signed.otherArea(s.withPrev, place); got != want {
				t.Errorf("otherArea(%q, %s) = %q with signatures, %q without", s.withPrev.s, place, got, want)
			}
			if want != "" {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no sentence named another area")
	}
}
