package bot

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"yearbookbot/bot/store"
	"yearbookbot/bot/telegram/telegramtest"
)

// A data folder another process holds, or one that cannot be written, stops
// Serve at start with an error naming it.
func TestServeDataFolderErrors(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer(t)
	locked := t.TempDir()
	held, err := store.Open(locked, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	notDir := filepath.Join(t.TempDir(), "file")
	_ = os.WriteFile(notDir, nil, 0o600)
	for _, c := range []struct {
		dir  string
		want string
	}{
		{locked, "locked by another process"},
		{notDir, notDir},
	} {
		err := Serve(t.Context(), func(context.Context) (Engine, error) { return newFakeEngine(), nil },
			Options{Token: srv.Token, APIEndpoint: srv.Endpoint(), DataDir: c.dir})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("data folder %s: %v, want an error with %q", c.dir, err, c.want)
		}
	}
	if n := srv.CallCount("getMe"); n != 0 {
		t.Errorf("%d getMe calls: the bot connected before checking its data folder", n)
	}
}

// With a data folder, the poller's state survives in the database: a
// restart neither answers a handled update again nor loses one.
func TestE2EStateInDataFolder(t *testing.T) {
	t.Parallel()
	opts := dataOptions(t)
	srv := telegramtest.NewServer(t, telegramtest.WithMaxLongPoll(300*time.Millisecond))
	tb := startBotOn(t, srv, newFakeEngine(), opts, nil).ready()
	chat := telegramtest.Private(31)
	id, _ := tb.say(chat, "2020年青岛港货物吞吐量是多少")
	tb.handled(id)
	tb.stop()
	tb2 := startBotOn(t, srv, newFakeEngine(), opts, nil).ready()
	id2, _ := tb2.say(chat, "海铁联运箱量多少")
	tb2.handled(id2)
	if n := tb2.sentCountTo(chat.ID); n != 2 {
		t.Errorf("%d replies after a restart, want 2 (one per question)", n)
	}
	st, err := store.Open(opts.DataDir, store.Options{Retention: store.DefaultRetention})
	if err == nil {
		t.Error("the database opened beside the running bot")
		_ = st.Close()
	}
}

// The report endpoint answers only with the data folder's token.
func TestReportEndpointNeedsToken(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir, store.Options{Retention: store.DefaultRetention})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_ = st.Log(st.NewID(), store.Question{ChatID: 1, Text: "烟台人口"})
	h := reportHandler(st)
	for _, c := range []struct {
		auth string
		want int
	}{
		{"", http.StatusUnauthorized},
		{"Bearer wrong", http.StatusUnauthorized},
		{"Bearer " + st.ReportToken(), http.StatusOK},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, ReportPath, nil)
		if c.auth != "" {
			req.Header.Set("Authorization", c.auth)
		}
		h(rec, req)
		if rec.Code != c.want {
			t.Errorf("Authorization %q: %d, want %d", c.auth, rec.Code, c.want)
		}
		if c.want == http.StatusOK && !strings.Contains(rec.Body.String(), "烟台人口") {
			t.Errorf("report body %s", rec.Body)
		}
	}
	tok, err := store.ReportTokenIn(dir)
	if err != nil || tok != st.ReportToken() {
		t.Errorf("token from the key file %q, %v; want the store's", tok, err)
	}
}

// Without a data folder and without a writable temporary folder the bot
// still answers, only without feedback buttons.
func TestServeWithoutAnyStore(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	tb := startBot(t, newFakeEngine(), Options{LogRetention: store.DefaultRetention}, nil).ready()
	tb.say(telegramtest.Private(5), "2020年青岛港货物吞吐量是多少")
	b := buttonData(t, tb.sentTo(5, 1))
	if b["原文"] == "" || b[thumbUp] != "" {
		t.Errorf("buttons %v, want 原文 without feedback", b)
	}
	wantIn(t, "logs", tb.logs.String(), "no in-memory store")
}
