package telegram

import (
	"encoding/json"
	"testing"
)

// TestSplitArray: splitArray finds the elements json.Unmarshal finds, or
// says it cannot.
func TestSplitArray(t *testing.T) {
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"empty", `[]`, true},
		{"spaced empty", " [ \n] ", true},
		{"updates", `[{"update_id":1,"message":{"text":"a]b}c"}},{"update_id":2}]`, true},
		{"escapes", `[{"t":"q\"]},{\\"},{"t":"\\"}]`, true},
		{"nested", `[[1,[2,3]],{"a":{"b":[{}]}},"s",12,true,null]`, true},
		{"spaces", "[ {\"a\" : 1} ,\n\t{\"b\":[ 1 , 2 ]} ]", true},
		{"scalars", `[1,-2.5e3,"x",false]`, true},
		{"null", `null`, false},
		{"object", `{"update_id":1}`, false},
		{"unclosed", `[{"update_id":1}`, false},
		{"unclosed string", `[{"t":"abc}]`, false},
		{"trailing", `[1] 2`, false},
		{"no comma", `[1 2]`, false},
		{"empty input", ``, false},
		{"trailing comma", `[1,]`, false},
		{"leading comma", `[,1]`, false},
		{"two closings", `[]]`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := splitArray([]byte(tt.in))
			if ok != tt.ok {
				t.Fatalf("ok %v, want %v (%q)", ok, tt.ok, got)
			}
			if !ok {
				return
			}
			var want []json.RawMessage
			if err := json.Unmarshal([]byte(tt.in), &want); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d elements %q, want %d %q", len(got), got, len(want), want)
			}
			for i := range want {
				if string(got[i]) != string(want[i]) {
					t.Errorf("element %d: %q, want %q", i, got[i], want[i])
				}
			}
		})
	}
}

func BenchmarkSplitUpdates(b *testing.B) {
	var raws []json.RawMessage
	for i := range 100 {
		u, _ := json.Marshal(map[string]any{"update_id": i + 1, "message": map[string]any{"message_id": i, "chat": map[string]any{"id": i, "type": "private"}, "text": "青岛港集装箱吞吐量多少？\"quoted\"]"}})
		raws = append(raws, u)
	}
	data, _ := json.Marshal(raws)
	b.Run("split", func(b *testing.B) {
		for b.Loop() {
			if _, ok := splitArray(data); !ok {
				b.Fatal("not split")
			}
		}
	})
	b.Run("unmarshal", func(b *testing.B) {
		for b.Loop() {
			var rs []json.RawMessage
			if err := json.Unmarshal(data, &rs); err != nil {
				b.Fatal(err)
			}
		}
	})
}
