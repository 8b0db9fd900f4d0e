package bot

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"yearbookbot/bot/store"
)

// ReportPath is where the running bot serves the editors' report on
// YEARBOOK_LISTEN to `yearbookbot report`, which cannot open the database
// while the bot holds its lock.
const ReportPath = "/report"

// reportHandler serves the report as JSON to a caller with the data
// folder's report token (store.ReportToken); since is RFC 3339.
func reportHandler(data *store.Store) http.HandlerFunc {
	want := []byte("Bearer " + data.ReportToken())
	return func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var since time.Time
		if s := r.URL.Query().Get("since"); s != "" {
			var err error
			if since, err = time.Parse(time.RFC3339, s); err != nil {
				http.Error(w, "since: want RFC 3339", http.StatusBadRequest)
				return
			}
		}
		rep, err := data.Report(since, 0)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(rep)
	}
}

// FetchReport asks the bot running on listen (YEARBOOK_LISTEN) for the
// report of the data folder dataDir.
func FetchReport(ctx context.Context, listen, dataDir string, since time.Time) (store.Report, error) {
	if listen == "" {
		return store.Report{}, errors.New("YEARBOOK_LISTEN is empty, so the running bot serves no report")
	}
	token, err := store.ReportTokenIn(dataDir)
	if err != nil {
		return store.Report{}, err
	}
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return store.Report{}, fmt.Errorf("YEARBOOK_LISTEN %q: %w", listen, err)
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	u := "http://" + net.JoinHostPort(host, port) + ReportPath
	if !since.IsZero() {
		u += "?since=" + since.Format(time.RFC3339)
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return store.Report{}, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	// No proxy: the bot is local, whatever HTTP_PROXY says.
	resp, err := (&http.Client{Transport: &http.Transport{Proxy: nil}}).Do(req)
	if err != nil {
		return store.Report{}, fmt.Errorf("asking the running bot at %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return store.Report{}, fmt.Errorf("the running bot at %s answered %s: %s", u, resp.Status, strings.TrimSpace(string(b)))
	}
	var rep store.Report
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(&rep); err != nil {
		return store.Report{}, fmt.Errorf("report from %s: %w", u, err)
	}
	return rep, nil
}
