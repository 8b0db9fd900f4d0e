package bot

import (
	"strings"
	"testing"

	"yearbookbot/bot/telegram/telegramtest"
)

func TestE2EStatsForAdminsOnly(t *testing.T) {
	t.Parallel()
	opts := dataOptions(t)
	const admin = 2001
	opts.Admins = []int64{admin}
	tb := startBot(t, newFakeEngine(), opts, nil).ready()

	// /stats is in the menu of the admin's private chat only.
	var scoped []string
	for _, c := range tb.srv.CallsTo("setMyCommands") {
		if strings.Contains(c.Params["commands"], `"stats"`) {
			scoped = append(scoped, c.Params["scope"])
		}
	}
	if len(scoped) != 1 || !strings.Contains(scoped[0], `"type":"chat"`) || !strings.Contains(scoped[0], "2001") {
		t.Errorf("/stats registered with scopes %q, want the admin's chat only", scoped)
	}

	for i := range 3 {
		tb.say(telegramtest.Private(int64(3000+i)), "烟台人口多少")
	}
	tb.sentTo(3002, 1)
	id, _ := tb.say(telegramtest.Private(3003), "2020年青岛港货物吞吐量是多少")
	tb.handled(id)

	tb.say(telegramtest.Private(admin), "/stats")
	wantIn(t, "/stats to an admin", tb.sentTo(admin, 1).Visible, "提问 4 次，回答 1 次", "3× 烟台人口多少", "1× qingdao-yearbook-2021-offensives-")
	stranger := telegramtest.Private(2002)
	tb.say(stranger, "/stats")
	if got := tb.sentTo(stranger.ID, 1).Visible; got != statsRefusal {
		t.Errorf("/stats to a non-admin: %q", got)
	}
	// In a group /stats is not the bot's business (it may be another bot's).
	group := telegramtest.Group(-100555, "群")
	id, _ = tb.say(group, "/stats")
	tb.handled(id)
	if n := tb.sentCountTo(group.ID); n != 0 {
		t.Errorf("/stats in a group got %d replies", n)
	}
}
