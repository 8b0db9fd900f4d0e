package bot

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"yearbookbot/bot/telegram/telegramtest"
)

// scrape reads /metrics and returns each sample line's value by its name
// and labels as printed ("yearbookbot_answers_total{result=\"answered\"}").
func scrape(t *testing.T, addr string) map[string]float64 {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("/metrics: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	out := map[string]float64{}
	for _, line := range strings.Split(string(body), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("metrics line %q: %v", line, err)
		}
		out[line[:i]] = v
	}
	return out
}

func TestE2EMetricsMove(t *testing.T) {
	t.Parallel()
	opts := dataOptions(t)
	opts.Listen = "127.0.0.1:0"
	tb := startBot(t, newFakeEngine(), opts, nil).ready()
	before := scrape(t, tb.addr)
	if before["yearbookbot_yearbooks_loaded"] != 1 || before["yearbookbot_index_paragraphs"] != 6 {
		t.Errorf("engine size: %v yearbooks, %v paragraphs; want 1 and 6", before["yearbookbot_yearbooks_loaded"], before["yearbookbot_index_paragraphs"])
	}
	chat := telegramtest.Private(61)
	// One 429 on the way: retried, and counted.
	tb.srv.FailNext("sendMessage", 1, telegramtest.TooManyRequests(0))
	tb.say(chat, "2020年青岛港货物吞吐量是多少")
	ans := tb.sentTo(chat.ID, 1)
	tb.say(chat, "烟台人口多少")
	tb.sentTo(chat.ID, 2)
	id := press(tb.srv, chat, ans.MessageID, telegramtest.UserOf(chat), buttonData(t, ans)[thumbDown])
	tb.handled(id)
	after := scrape(t, tb.addr)
	for _, c := range []struct {
		sample string
		delta  float64
	}{
		{`yearbookbot_updates_total{type="message"}`, 2},
		{`yearbookbot_updates_total{type="callback_query"}`, 1},
		{`yearbookbot_answers_total{result="answered"}`, 1},
		{`yearbookbot_answers_total{result="not_found"}`, 1},
		{`yearbookbot_feedback_total{vote="down"}`, 1},
		{`yearbookbot_answer_seconds_count`, 2},
		{`yearbookbot_telegram_rate_limited_total{method="sendMessage"}`, 1},
		{`yearbookbot_telegram_errors_total{code="429",method="sendMessage"}`, 1},
	} {
		if got := after[c.sample] - before[c.sample]; got != c.delta {
			t.Errorf("%s moved by %v, want %v", c.sample, got, c.delta)
		}
	}
	for _, gauge := range []string{"yearbookbot_updates_in_flight", "yearbookbot_sends_pending", "yearbookbot_log_writes_pending"} {
		if v, ok := after[gauge]; !ok || v != 0 {
			t.Errorf("%s = %v (present %v), want 0 once idle", gauge, v, ok)
		}
	}
	for k := range after {
		if strings.Contains(k, tb.srv.Token) || strings.Contains(k, "TEST-token") {
			t.Errorf("the token is in a metric: %s", k)
		}
	}
}
