package corpus

import (
	"strings"
	"testing"
)

func TestSplitSources(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"(市海洋发展局市发展改革委)", []string{"市海洋发展局", "市发展改革委"}},
		{"（市海洋发展局市发展改革委）", []string{"市海洋发展局", "市发展改革委"}},
		{"(市自然资源和规划局市住房城乡建设局市城市管理局)", []string{"市自然资源和规划局", "市住房城乡建设局", "市城市管理局"}},
		{"(市委宣传部市文化和旅游局市体育局)", []string{"市委宣传部", "市文化和旅游局", "市体育局"}},
		{"(市民营经济局市工商联)", []string{"市民营经济局", "市工商联"}},
		{"(市委政研室)", []string{"市委政研室"}},
		{"(俎瑶琛)", []string{"俎瑶琛"}},
		{"(黄霖窦晓青历承恺周义)", []string{"黄霖窦晓青历承恺周义"}},
		{"(綦晓倩)", []string{"綦晓倩"}},
		{"（市商务局、市委组织部）", []string{"市商务局", "市委组织部"}},
		{"(市商务局 市委组织部)", []string{"市商务局", "市委组织部"}},
		// Not wholly body names: one glued run is kept as it is.
		{"(市商务局张三)", []string{"市商务局张三"}},
		{"(区政府办公室省大数据中心)", []string{"区政府办公室", "省大数据中心"}},
	} {
		inner, ok := sourceLine(tc.line)
		if !ok {
			t.Errorf("sourceLine(%q) = not a credit", tc.line)
			continue
		}
		if got := splitSources(inner); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("splitSources(%q) = %q, want %q", inner, got, tc.want)
		}
	}
}

func TestSourceLineRejects(t *testing.T) {
	for _, l := range []string{
		"()",
		"( )",
		"(注：本节数据来自统计局。)",
		"(一)海洋经济",
		"海洋(攻势)",
		"图10位于青岛西海岸新区的“海洋牧场”(张进刚摄影)",
		"(" + strings.Repeat("很长", 50) + ")",
	} {
		if inner, ok := sourceLine(l); ok {
			t.Errorf("sourceLine(%q) = credit %q, want not a credit", l, inner)
		}
	}
}

func TestSplitHeading(t *testing.T) {
	const subject = "青岛市"
	for _, tc := range []struct {
		line, heading, body string
	}{
		{"港口航运大幅提升2020年，青岛市港口实现货物吞吐量6.05亿吨", "港口航运大幅提升", "2020年，青岛市港口实现货物吞吐量6.05亿吨"},
		{"概况2020年,青岛市打好海洋攻势,推动海洋经济发展", "概况", "2020年,青岛市打好海洋攻势,推动海洋经济发展"},
		{"创建国家海水淡化示范城市青岛市分别于2020年9月、10月提交报告", "创建国家海水淡化示范城市", "青岛市分别于2020年9月、10月提交报告"},
		{"开展“双招双引”2020年,青岛市建立“飞地经济”协调推进工作机制", "开展“双招双引”", "2020年,青岛市建立“飞地经济”协调推进工作机制"},
		{"培育新一代“青岛金花”企业2020年,青岛市印发培育指南", "培育新一代“青岛金花”企业", "2020年,青岛市印发培育指南"},
		// No heading: the line opens with its date or its subject.
		{"2020年,青岛市印发《意见》,质询满意率均在97%以上。", "", "2020年,青岛市印发《意见》,质询满意率均在97%以上。"},
		{"青岛市分别于2020年9月提交报告。", "", "青岛市分别于2020年9月提交报告。"},
		// A date inside a sentence is not the end of a heading.
		{"截至2020年底,全市人才总量突破230万人。", "", "截至2020年底,全市人才总量突破230万人。"},
		{"全市海洋生产总值增长,2020年,青岛市实现增长。", "", "全市海洋生产总值增长,2020年,青岛市实现增长。"},
		{"这是一段没有任何年份和主语的很长的正文文字,并且超过了标题长度的上限。", "", "这是一段没有任何年份和主语的很长的正文文字,并且超过了标题长度的上限。"},
	} {
		h, b := splitHeading(tc.line, subject)
		if h != tc.heading || b != tc.body {
			t.Errorf("splitHeading(%q) = %q, %q; want %q, %q", tc.line, h, b, tc.heading, tc.body)
		}
	}
}

func TestLearnSubject(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"dominant city", []string{
			"概况2020年,青岛市打好海洋攻势。", "2020年，青岛市港口实现吞吐量。", "机场建设2020年,青岛市建成机场。",
			"2020年,青岛海洋科学与技术试点国家实验室自主研发。", "2020年,全市实现增长。",
		}, "青岛市"},
		{"another city", []string{
			"概况2019年，济南市发起攻势。", "2019年，济南市推进建设。", "2019年，济南市完成任务。",
		}, "济南市"},
		{"no common subject", []string{
			"2020年，全市实现增长。", "2020年，港口吞吐量增长。", "2020年，机场建成。",
		}, ""},
		{"too few dated lines", []string{"2020年，青岛市完成任务。"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := learnSubject(tc.lines); got != tc.want {
				t.Errorf("learnSubject = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCaptionLabel(t *testing.T) {
	for _, tc := range []struct {
		line string
		fig  int
		text string
		ok   bool
	}{
		{"图10位于青岛西海岸新区的“海洋牧场”(张进刚摄影)", 10, "位于青岛西海岸新区的“海洋牧场”(张进刚摄影)", true},
		{"图132020年3月30日，青岛胶州湾大桥胶州连接线建成通车。", 13, "2020年3月30日，青岛胶州湾大桥胶州连接线建成通车。", true},
		{"图2 2020年3月30日，大桥通车。", 2, "2020年3月30日，大桥通车。", true},
		{"图12020年3月，大桥通车。", 1, "2020年3月，大桥通车。", true},
		{"图书馆建设2020年，青岛市新建图书馆。", 0, "", false},
		{"图0说明", 0, "", false},
		{"图", 0, "", false},
	} {
		fig, text, ok := captionLabel(tc.line)
		if ok != tc.ok || fig != tc.fig || text != tc.text {
			t.Errorf("captionLabel(%q) = %d, %q, %v; want %d, %q, %v", tc.line, fig, text, ok, tc.fig, tc.text, tc.ok)
		}
	}
}

func TestChapterTitleFromText(t *testing.T) {
	para := func(text string) item { return item{kind: KindParagraph, text: text} }
	headed := func(h, text string) item { return item{kind: KindParagraph, heading: h, text: text} }
	for _, tc := range []struct {
		name  string
		body  []item
		first bool
		want  string
	}{
		{"launch verb", []item{headed("概况", "2020年,青岛市发起乡村振兴攻势,坚持开放创新改革。")}, false, "乡村振兴攻势"},
		{"quoted name", []item{headed("概况", "2020年,青岛市继续开展“双招双引”攻势,坚持平台思维。")}, false, "“双招双引”攻势"},
		{"leftmost verb keeps the name's own verb", []item{headed("概况", "2020年,青岛市发起推进国有企业改革攻势,落实项目。")}, false, "推进国有企业改革攻势"},
		{"verb is not part of the name", []item{headed("概况", "2020年,青岛市推进国际时尚城建设攻势,创新践行。")}, false, "国际时尚城建设攻势"},
		{"full-width punctuation", []item{headed("概况", "2020年，青岛市打好海洋攻势，推动海洋经济发展。")}, false, "海洋攻势"},
		{"named only in passing", []item{
			headed("加强体制机制建设", "2020年,青岛市由指挥部办公室定期调度攻势进展情况,市级直接支持壮大民营经济攻势的资金达15.3亿元。制订《壮大民营经济攻势方案2.0版》。"),
			headed("搭建民营企业发展平台", "2020年,青岛市搭建民营企业创意平台。"),
		}, false, "壮大民营经济攻势"},
		{"overview of all offensives", []item{
			para("2020年,青岛市创新组织开展15个攻势公开质询。"),
			para("2020年,青岛市打好国际航运贸易金融创新中心建设攻势与海洋攻势。"),
		}, true, "综述"},
		{"overview only before the first credit", []item{
			para("2020年,青岛市创新组织开展15个攻势公开质询,打好海洋攻势。"),
		}, false, "海洋攻势"},
		{"no offensive: first specific heading", []item{
			headed("概况", "2020年,全市经济平稳。"),
			headed("工业经济", "2020年,全市工业增长。"),
		}, false, "工业经济"},
		{"nothing to name it by", []item{para("全市经济平稳。")}, false, "第3章"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := chapterTitle(tc.body, tc.first, 3); got != tc.want {
				t.Errorf("chapterTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDominantYear(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"2020年,青岛市……2019年……2020年……图132020年", 2020},
		{"《规划(2020—2035年)》2035年2035年", 2035},
		{"没有年份", 0},
		{"12020年", 0},
	} {
		if got := dominantYear(tc.text); got != tc.want {
			t.Errorf("dominantYear(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}
