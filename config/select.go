package config

import (
	"flag"
	"fmt"
)

// AddFlagsFor registers the flags of the given settings only (environment
// variable names, as in Vars), and makes Resolve read, validate and apply
// only those: a command that never talks to Telegram neither offers
// --send-rate nor fails on a bad YEARBOOK_SEND_RATE. The other fields of
// the Config keep their defaults. An unknown name panics: it is a
// programming error.
func AddFlagsFor(fs *flag.FlagSet, envs ...string) *Flags {
	known := map[string]Var{}
	for _, v := range Vars() {
		known[v.Env] = v
	}
	f := &Flags{vals: map[string]*flagValue{}, only: map[string]bool{}}
	for _, env := range envs {
		v, ok := known[env]
		if !ok {
			panic(fmt.Sprintf("config: unknown setting %q", env))
		}
		f.only[env] = true
		if v.Flag == "" {
			continue
		}
		fv := &flagValue{}
		f.vals[env] = fv
		fs.Var(fv, v.Flag, v.Usage+" (env "+v.Env+")")
	}
	return f
}
