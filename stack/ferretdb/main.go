// Command ferretdb runs FerretDB 1.x with its SQLite backend: the embedded MongoDB-protocol
// server of the directive engine's local stack.
//
// Why a wrapper instead of `go install github.com/FerretDB/FerretDB/cmd/ferretdb`: the binary
// built that way panics at start, because the module on the Go proxy lacks the generated
// build/version/version.txt. FerretDB's embeddable package skips that check.
//
// `npm run setup` builds this against a copy of the FerretDB module with two small fixes to its
// SQLite backend, so that lookups by _id use the _id index (src/stack/ferretDbPatch.ts says why).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	_ "net/http/pprof" // served only with --debug-addr, to profile the server under a benchmark
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "host:port to listen on")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite backend folder, as a file: URL ending with a slash")
	level := flag.String("log-level", "warn", "debug, info, warn or error")
	debugAddr := flag.String("debug-addr", "", "host:port for Go's /debug/pprof (off when empty)")
	flag.Parse()

	var logLevel slog.Level
	if err := logLevel.UnmarshalText([]byte(*level)); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: bad --log-level %q\n", *level)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: logLevel}))

	server, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: *sqliteURL,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}

	if *debugAddr != "" {
		go func() {
			if err := http.ListenAndServe(*debugAddr, nil); err != nil {
				logger.Warn("debug listener stopped", "error", err)
			}
		}()
	}

	// SIGTERM and SIGINT stop the listener and close the SQLite files cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	logger.Info("listening", "uri", server.MongoDBURI())
	if err := server.Run(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}
}
