package metrics

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestNilMetricsCountNothing(t *testing.T) {
	var m *Metrics
	m.Update("message")
	m.Answer(Answered)
	m.InFlight()()
	m.LogWrite()()
	if rt := m.Transport(nil); rt != http.DefaultTransport {
		t.Error("nil metrics wrap the transport")
	}
}

func TestTransportCountsFailuresByMethod(t *testing.T) {
	status := http.StatusTooManyRequests
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) }))
	defer srv.Close()
	m := New(func() (int, int) { return 2, 30 })
	c := &http.Client{Transport: m.Transport(nil)}
	for _, s := range []int{http.StatusTooManyRequests, http.StatusBadRequest, http.StatusOK} {
		status = s
		resp, err := c.Get(srv.URL + "/bot123:SECRET/sendMessage")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	if n := testutil.ToFloat64(m.rateLimited.WithLabelValues("sendMessage")); n != 1 {
		t.Errorf("429s counted %v, want 1", n)
	}
	if n := testutil.ToFloat64(m.apiErrors.WithLabelValues("sendMessage", "400")); n != 1 {
		t.Errorf("400s counted %v, want 1", n)
	}
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := rec.Body.String()
	if strings.Contains(body, "SECRET") {
		t.Error("the token is in the metrics")
	}
	for _, want := range []string{"yearbookbot_yearbooks_loaded 2", "yearbookbot_index_paragraphs 30", "go_goroutines"} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}
