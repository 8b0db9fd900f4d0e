package extract

import "testing"

func TestVerdict(t *testing.T) {
	for _, tc := range []struct {
		question, fact, figure, want string
	}{
		{"青岛港集装箱吞吐量超过2000万了吗", "集装箱吞吐量2201万标准箱", "2201万标准箱", "是"},
		{"集装箱吞吐量突破两千五百万标准箱没有", "集装箱吞吐量2201万标准箱", "2201万标准箱", "否"},
		{"集装箱吞吐量是3000万标准箱吗", "集装箱吞吐量2201万标准箱", "2201万标准箱", "不是"},
		{"集装箱吞吐量是2201万标准箱吗", "集装箱吞吐量2201万标准箱", "2201万标准箱", "是"},
		{"海洋生产总值增速到八成了没", "增长6.1%", "6.1%", "否"},
		{"增速超过一成了吗", "增长68.1%", "68.1%", "是"},
		// Not decided: another unit, a bound, not a yes/no question, no
		// comparison word.
		{"接待游客超过200万人了吗", "接待游客205.42万人次", "205.42万人次", ""},
		{"占比超过六成了吗", "占全部专项资金的70%以上", "70%", ""},
		{"集装箱吞吐量多少", "集装箱吞吐量2201万标准箱", "2201万标准箱", ""},
		{"2000万标准箱了吗", "集装箱吞吐量2201万标准箱", "2201万标准箱", ""},
	} {
		got := Verdict(tc.question, tc.fact)
		if got != tc.want {
			t.Errorf("Verdict(%q, %q) = %q, want %q", tc.question, tc.fact, got, tc.want)
		}
	}
}
