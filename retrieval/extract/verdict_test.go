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
		{"减免租金超过10个亿了吗", "减免租金12.5亿元", "12.5亿元", "是"},
		{"甲校毕业生留下来的超过一半了吗", "毕业生留校率达52.5%", "52.5%", "是"},
		{"甲校留校率过半了吗", "毕业生留校率达41.2%", "41.2%", "否"},
		{"留校的过半数了吗", "毕业生留校率达55%", "55%", "是"},
		// A verb asked with its own negation is a yes/no question, the
		// verb its comparison (到不到 is no 不到), wherever another
		// A-not-A form stands.
		{"甲区减免租金超没超5亿", "甲区减免租金6.3亿元", "6.3亿元", "是"},
		{"甲港货运量到没到3000万吨", "甲港货运量1650万吨", "1650万吨", "否"},
		{"甲港货运量到不到1000万吨", "甲港货运量1650万吨", "1650万吨", "是"},
		{"甲港货运量够不够1000万吨", "甲港货运量1650万吨", "1650万吨", "是"},
		{"甲港货运量足不足1000万吨", "甲港货运量1650万吨", "1650万吨", "是"},
		{"甲港货运量超过没超过3000万吨", "甲港货运量1650万吨", "1650万吨", "否"},
		{"甲区够不够格,投资到不到5亿", "甲区投资6亿元", "6亿元", "是"},
		{"甲区动不动就停工,投资超没超5亿", "甲区投资6亿元", "6亿元", "是"},
		{"\xff到不到5亿", "甲区投资6亿元", "6亿元", "是"},
		// Half a year is no share.
		{"甲路封闭施工超过半年了吗", "甲路封闭施工4个月,通行效率提升80%", "80%", ""},
		{"甲平台上线过半年了吗", "甲平台上线3个月,用户增长60%", "60%", ""},
		// 公里 and 千米 are one unit, whichever side writes which.
		{"甲线全长超过200公里了吗", "甲线全长246公里", "246公里", "是"},
		{"甲线全长是60公里吗", "甲线全长60千米", "60千米", "是"},
		{"甲线全长是60千米吗", "甲线全长60公里", "60公里", "是"},
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

func TestAsksYesNo(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"超没超8亿", true},
		{"甲区动不动就停工,投资超没超8亿", true},
		{"人够不够", true},
		{"超过没超过", true},
		{"是不是第一", true},
		{"完成了吗", true},
		// Words of that shape asking nothing.
		{"动不动就停工", false},
		{"时不时检修", false},
		// A negation between two different characters, or between two
		// digits, asks nothing.
		{"不到10亿", false},
		{"差不多多少", false},
		{"1不1", false},
		{"不", false},
		{"", false},
	} {
		if got := asksYesNo(tc.q); got != tc.want {
			t.Errorf("asksYesNo(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}
