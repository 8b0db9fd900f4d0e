// Package metrics is the bot's Prometheus metrics, in a registry of its own
// (not the global default, so tests and several bots in one process do not
// share counters), served as /metrics on YEARBOOK_LISTEN.
//
// Every method is safe on a nil *Metrics, which counts nothing: the console
// and unit tests run without.
package metrics

import (
	"net/http"
	"path"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Answer results, the "result" label of yearbookbot_answers_total.
const (
	Answered = "answered"
	NotFound = "not_found"
	Problem  = "problem" // the question itself was unusable (empty, emoji…)
	Error    = "error"   // the engine failed
)

// Metrics holds the bot's collectors.
type Metrics struct {
	reg         *prometheus.Registry
	updates     *prometheus.CounterVec
	answers     *prometheus.CounterVec
	refusals    *prometheus.CounterVec
	feedback    *prometheus.CounterVec
	latency     prometheus.Histogram
	apiErrors   *prometheus.CounterVec
	rateLimited *prometheus.CounterVec
	inFlight    prometheus.Gauge
	logPending  prometheus.Gauge
	sending     prometheus.Gauge
	reloads     *prometheus.CounterVec
}

// EngineSize reports the loaded yearbooks and their paragraphs, read at
// every scrape (the engine may be reloaded).
type EngineSize func() (yearbooks, paragraphs int)

// New registers the bot's metrics in a new registry; size may be nil.
func New(size EngineSize) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		updates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "yearbookbot_updates_total", Help: "Telegram updates received, by type.",
		}, []string{"type"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "yearbookbot_answers_total", Help: "Questions answered, by result (answered, not_found, problem, error).",
		}, []string{"result"}),
		refusals: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "yearbookbot_refusals_total", Help: "Requests refused, by reason (chat_not_allowed, admin_only).",
		}, []string{"reason"}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "yearbookbot_feedback_total", Help: "Feedback votes counted, by vote (up, down).",
		}, []string{"vote"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "yearbookbot_answer_seconds",
			Help:    "Time from a question's update to its reply being sent.",
			Buckets: []float64{.001, .0025, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5},
		}),
		apiErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "yearbookbot_telegram_errors_total", Help: "Bot API calls that failed, by method and code (HTTP status, or network).",
		}, []string{"method", "code"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "yearbookbot_telegram_rate_limited_total", Help: "Bot API calls answered 429 Too Many Requests, by method.",
		}, []string{"method"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "yearbookbot_updates_in_flight", Help: "Updates being handled now.",
		}),
		logPending: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "yearbookbot_log_writes_pending", Help: "Questions waiting for room in the question log's write queue (above zero: the disk falls behind).",
		}),
		sending: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "yearbookbot_sends_pending", Help: "Replies and other calls waiting for Telegram's rate limits or its answer.",
		}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "yearbookbot_reloads_total", Help: "Engine reloads (SIGHUP), by result (ok, failed).",
		}, []string{"result"}),
	}
	m.reg.MustRegister(m.updates, m.answers, m.refusals, m.feedback, m.latency, m.apiErrors, m.rateLimited,
		m.inFlight, m.logPending, m.sending, m.reloads,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if size != nil {
		m.reg.MustRegister(
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "yearbookbot_yearbooks_loaded", Help: "Yearbooks the engine answers from."},
				func() float64 { y, _ := size(); return float64(y) }),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "yearbookbot_index_paragraphs", Help: "Paragraphs in the loaded index."},
				func() float64 { _, p := size(); return float64(p) }),
		)
	}
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Registry is the metrics' own registry.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Update counts an update of kind (message, callback_query…).
func (m *Metrics) Update(kind string) {
	if m != nil {
		m.updates.WithLabelValues(kind).Inc()
	}
}

// Answer counts an answer's result.
func (m *Metrics) Answer(result string) {
	if m != nil {
		m.answers.WithLabelValues(result).Inc()
	}
}

// Refusal counts a refused request.
func (m *Metrics) Refusal(reason string) {
	if m != nil {
		m.refusals.WithLabelValues(reason).Inc()
	}
}

// Feedback counts a vote ("up" or "down").
func (m *Metrics) Feedback(vote string) {
	if m != nil {
		m.feedback.WithLabelValues(vote).Inc()
	}
}

// Latency observes one question's time to its reply.
func (m *Metrics) Latency(d time.Duration) {
	if m != nil {
		m.latency.Observe(d.Seconds())
	}
}

// Reload counts an engine reload.
func (m *Metrics) Reload(ok bool) {
	if m != nil {
		m.reloads.WithLabelValues(map[bool]string{true: "ok", false: "failed"}[ok]).Inc()
	}
}

// InFlight tracks an update being handled; call the returned func when done.
func (m *Metrics) InFlight() (done func()) {
	if m == nil {
		return func() {}
	}
	m.inFlight.Inc()
	return m.inFlight.Dec
}

// LogWrite tracks a question waiting for room in the log's write queue.
func (m *Metrics) LogWrite() (done func()) {
	if m == nil {
		return func() {}
	}
	m.logPending.Inc()
	return m.logPending.Dec
}

// Sending tracks a call to Telegram waiting for its rate limits or its
// answer; call the returned func when it returned.
func (m *Metrics) Sending() (done func()) {
	if m == nil {
		return func() {}
	}
	m.sending.Inc()
	return m.sending.Dec
}

// Transport wraps rt (nil = http.DefaultTransport) so that every Bot API
// call's failure is counted: network errors, error statuses, and 429s
// apart. The method is the last element of the URL path; the token, which
// is in the path too, never becomes a label.
func (m *Metrics) Transport(rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		rt = http.DefaultTransport
	}
	if m == nil {
		return rt
	}
	return roundTripper{m: m, next: rt}
}

type roundTripper struct {
	m    *Metrics
	next http.RoundTripper
}

func (t roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	method := path.Base(req.URL.Path)
	resp, err := t.next.RoundTrip(req)
	switch {
	case err != nil:
		if req.Context().Err() == nil { // a shutdown is no error
			t.m.apiErrors.WithLabelValues(method, "network").Inc()
		}
	case resp.StatusCode == http.StatusTooManyRequests:
		t.m.rateLimited.WithLabelValues(method).Inc()
		t.m.apiErrors.WithLabelValues(method, "429").Inc()
	case resp.StatusCode >= 400:
		t.m.apiErrors.WithLabelValues(method, strconv.Itoa(resp.StatusCode)).Inc()
	}
	return resp, err
}
