package bot

import (
	"fmt"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/render"
	"yearbookbot/corpus"
)

// commands is the list registered with setMyCommands, the same for private
// chats and groups.
var botCommands = []tgbotapi.BotCommand{
	{Command: "ask", Description: "提问：/ask 问题"},
	{Command: "help", Description: "怎么提问，问题示例"},
	{Command: "about", Description: "已载入的年鉴和章节"},
	{Command: "start", Description: "开始"},
}

func (h *handler) botName() string {
	if h.self.UserName != "" {
		return "@" + h.self.UserName
	}
	return "@机器人"
}

func (h *handler) bookNames() string {
	if len(h.titles) == 0 {
		return "年鉴"
	}
	names := make([]string, len(h.titles))
	for i, t := range h.titles {
		names[i] = "《" + t + "》"
	}
	return strings.Join(names, "、")
}

func (h *handler) writeExamples(b *render.Builder, n int) {
	for i, ex := range h.examples {
		if i == n {
			break
		}
		b.Plain("\n· " + ex.question)
	}
}

// welcome answers /start without a payload.
func (h *handler) welcome() reply {
	var b render.Builder
	b.Plain("你好！我根据" + h.bookNames() + "回答问题，答案逐字引自年鉴，并注明出自哪一章哪一节。\n\n直接发给我一个问题即可")
	if len(h.examples) > 0 {
		b.Plain("，例如：")
		h.writeExamples(&b, 3)
	} else {
		b.Plain("。")
	}
	b.Plain("\n\n/help 查看用法和更多示例，/about 查看已载入的年鉴。")
	return reply{msg: b.Message()}
}

// help explains how to ask, with examples drawn from the loaded yearbooks.
func (h *handler) help() reply {
	var b render.Builder
	b.Bold("怎么提问")
	b.Plain("\n问具体的事实效果最好：数字（“……是多少”）、时间（“……什么时候”）、排名（“……第几”）、名单（“……有哪些”）。答案逐字引自" + h.bookNames() + "，每条都注明出处。")
	if len(h.examples) > 0 {
		b.Plain("\n\n")
		b.Bold("可以这样问")
		h.writeExamples(&b, numExamples)
	}
	b.Plain("\n\n")
	b.Bold("在哪里问")
	name := h.botName()
	b.Plain("\n· 私聊：直接发送问题，或 /ask 问题" +
		"\n· 群组：/ask 问题，" + name + " 问题，或回复我的消息" +
		"\n· 任意聊天：输入 " + name + " 问题，选择答案卡片即可发送" +
		"\n\n每条答案下有「原文」（整段原文和出处）和「更多」（其他相关段落）按钮。/about 查看已载入的年鉴。")
	return reply{msg: b.Message()}
}

// about lists the loaded yearbooks with their chapters.
func (h *handler) about() reply {
	var b render.Builder
	ybs := h.engine.Yearbooks()
	if len(ybs) == 0 {
		b.Plain("还没有载入任何年鉴。")
		return reply{msg: b.Message()}
	}
	b.Plain("已载入的年鉴：")
	for _, y := range ybs {
		b.Plain("\n\n")
		b.Bold("《" + y.Title + "》")
		b.Plain(aboutMeta(y))
		paras := 0
		for i, c := range y.Chapters {
			n := 0
			for _, s := range c.Sections {
				n += len(s.Paragraphs)
			}
			paras += n
			b.Plain(fmt.Sprintf("\n%d. %s（%d 节，%d 段）", i+1, c.Title, len(c.Sections), n))
		}
		b.Plain(fmt.Sprintf("\n共 %d 章，%d 段。", len(y.Chapters), paras))
	}
	return reply{msg: b.Message()}
}

func (h *handler) askUsage() reply {
	var b render.Builder
	b.Plain("请在 /ask 后面写上问题")
	if len(h.examples) > 0 {
		b.Plain("，例如：\n/ask " + h.examples[0].question)
	} else {
		b.Plain("。")
	}
	return reply{msg: b.Message()}
}

// aboutMeta is the metadata line of /about: kind, place and years.
func aboutMeta(y corpus.Yearbook) string {
	var parts []string
	switch y.Meta.Kind {
	case corpus.DocYearbook:
		parts = append(parts, "年鉴")
	case corpus.DocReport:
		parts = append(parts, "报告")
	}
	if p := y.Meta.Place; p.Name != "" {
		s := p.Name
		if len(p.Aliases) > 0 {
			s += "（" + strings.Join(p.Aliases, "、") + "）"
		}
		parts = append(parts, s)
	} else {
		parts = append(parts, "多地")
	}
	if y.Meta.Edition != 0 {
		parts = append(parts, fmt.Sprintf("%d 年版", y.Meta.Edition))
	}
	if y.Year != 0 {
		parts = append(parts, fmt.Sprintf("记述 %d 年", y.Year))
	}
	return "\n" + strings.Join(parts, " · ")
}
