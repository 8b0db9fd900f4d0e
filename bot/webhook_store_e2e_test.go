package bot

import (
	"encoding/json"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"yearbookbot/bot/telegram/telegramtest"
)

// With a data folder, an update handled by the webhook before a restart
// and delivered again after it (Telegram never saw the 200) is answered
// once: the handled ids are in the data store, not only in memory.
func TestE2EWebhookDuplicatesAcrossRestart(t *testing.T) {
	data := t.TempDir()
	opts := func(addr string) Options {
		return Options{Listen: addr, WebhookURL: "http://" + addr + "/hook", WebhookSecret: "store_secret", DataDir: data}
	}
	addr := freeAddr(t)
	tb := startBot(t, newFakeEngine(), opts(addr), nil).ready()
	chat := telegramtest.Private(4242)
	raw, err := json.Marshal(tgbotapi.Update{UpdateID: 77, Message: tb.srv.NewMessage(chat, "青岛港货物吞吐量多少")})
	if err != nil {
		t.Fatal(err)
	}
	if code, err := tb.srv.PostWebhookRaw(t.Context(), raw); err != nil || code != 200 {
		t.Fatalf("delivery: %d, %v", code, err)
	}
	tb.sentTo(chat.ID, 1)
	tb.stop()

	registered := tb.srv.CallCount("setWebhook")
	again := startBotOn(t, tb.srv, newFakeEngine(), opts(addr), nil)
	defer again.stop()
	// The webhook the first process set is still there: ready means the
	// second one has registered its own, after which it serves deliveries.
	if err := tb.srv.WaitUntil(waitCtx(t), func() bool { return tb.srv.CallCount("setWebhook") > registered }); err != nil {
		t.Fatalf("the restarted bot did not register its webhook: %v", err)
	}
	if code, err := again.srv.PostWebhookRaw(t.Context(), raw); err != nil || code != 200 {
		t.Fatalf("re-delivery: %d, %v", code, err)
	}
	if n := again.sentCountTo(chat.ID); n != 1 {
		t.Errorf("%d replies to the re-delivered update, want the first one only", n)
	}
}
