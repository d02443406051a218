// Equality pushdown for FerretDB 1.24's SQLite backend.
//
// This file is not built here: `npm run setup` copies it into the patched FerretDB module, as
// internal/backends/sqlite/equality_pushdown.go, and the backend's Query and Explain call
// equalityWhere instead of their own `_id`-only lookup (src/stack/ferretDbPatch.ts).
//
// Why: upstream pushes a filter down only when it is a lone `_id`, so any other find reads and
// decodes the whole collection in Go. FerretDB's secondary indexes are SQLite expression
// indexes on `_ferretdb_sjson->"field"`, and SQLite's planner uses them when the WHERE clause
// has that very expression (`->'$.field'` would not match the index and scans).
//
// What is pushed: equality (`{f: v}`, `{f: {$eq: v}}`) and `$in` on top-level fields with
// simple names, for strings and integers, `{f: {$exists: true}}`, plus `$and` parts and one
// top-level `$or` whose branches are all pushable. The WHERE clause may return more documents than match (the
// handler filters every document again), never fewer; anything not understood is left out.
//
// Arrays: `{f: "x"}` also matches a document whose f is an array holding "x". The JSON text of
// an array starts with '[', so `f >= '[' AND f < '\'` (the next character) finds every array
// through the same index; the empty array, which matches no value, is cut out of that range, and
// SQLite keeps only the arrays whose text holds the value's.
// With several fields the clause is written so that each OR term is an index prefix (equality on
// the first fields, then the array range on one field): SQLite then reads only index ranges
// (MULTI-INDEX OR) and never the whole table.
package sqlite

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
)

// simpleField: a top-level field name that needs no quoting beyond double quotes.
var simpleField = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// pushedField is one field constrained to equal one of values (their JSON text as stored), or
// (present) to exist: `->` gives SQL NULL only for a missing field (a JSON null is 'null').
type pushedField struct {
	name    string
	values  []string
	present bool
}

// equalityWhere returns the WHERE clause (with its leading space) and its arguments for the
// parts of filter that can be pushed down, or "" and nil when nothing can.
func equalityWhere(meta *metadata.Collection, filter *types.Document) (string, []any) {
	if filter == nil {
		return "", nil
	}

	var indexes []metadata.IndexInfo
	if meta != nil {
		indexes = meta.Settings.Indexes
	}

	common, alternatives := collect(filter)

	branches := [][]pushedField{common}
	if alternatives != nil {
		branches = branches[:0]
		for _, alternative := range alternatives {
			branches = append(branches, merge(common, alternative))
		}
	}

	var terms []string
	var args []any

	for _, branch := range branches {
		if len(branch) == 0 {
			return "", nil // one branch unconstrained: the whole collection may match
		}

		t, a := branchTerms(orderForIndex(branch, indexes))
		terms = append(terms, t...)
		args = append(args, a...)
	}

	return " WHERE " + strings.Join(terms, " OR "), args
}

// collect returns the pushable conjunction of filter (its own fields and its `$and` parts') and
// the branches of its first fully pushable `$or` (nil if none).
func collect(filter *types.Document) ([]pushedField, [][]pushedField) {
	var fields []pushedField
	var alternatives [][]pushedField

	for _, key := range filter.Keys() {
		value, _ := filter.Get(key)

		switch key {
		case "$and":
			parts, ok := value.(*types.Array)
			if !ok {
				continue
			}

			for i := 0; i < parts.Len(); i++ {
				part, _ := parts.Get(i)
				doc, ok := part.(*types.Document)
				if !ok {
					continue
				}

				f, alt := collect(doc)
				fields = merge(fields, f)
				if alternatives == nil {
					alternatives = alt
				}
			}

		case "$or":
			if alternatives == nil {
				alternatives = orBranches(value)
			}

		default:
			if f, ok := pushable(key, value); ok {
				fields = merge(fields, []pushedField{f})
			}
		}
	}

	return fields, alternatives
}

// orBranches returns the branches of an `$or`, or nil unless every branch constrains something
// (an unconstrained branch could match any document).
func orBranches(value any) [][]pushedField {
	parts, ok := value.(*types.Array)
	if !ok || parts.Len() == 0 {
		return nil
	}

	branches := make([][]pushedField, 0, parts.Len())

	for i := 0; i < parts.Len(); i++ {
		part, _ := parts.Get(i)
		doc, ok := part.(*types.Document)
		if !ok {
			return nil
		}

		// A nested `$or` inside a branch is dropped: fewer constraints, still a superset.
		fields, _ := collect(doc)
		if len(fields) == 0 {
			return nil
		}

		branches = append(branches, fields)
	}

	return branches
}

// pushable returns the constraint `key: value` puts on a field, if it can be pushed down.
func pushable(key string, value any) (pushedField, bool) {
	if !simpleField.MatchString(key) {
		return pushedField{}, false
	}

	if op, ok := value.(*types.Document); ok {
		// {$eq: v}, {$in: [...]} or {$exists: true} alone; other operators are left to the handler.
		if op.Len() != 1 {
			return pushedField{}, false
		}

		if v, err := op.Get("$exists"); err == nil {
			return pushedField{name: key, present: true}, v == true
		}

		if v, err := op.Get("$eq"); err == nil {
			return pushable(key, v)
		}

		in, err := op.Get("$in")
		if err != nil {
			return pushedField{}, false
		}

		arr, ok := in.(*types.Array)
		if !ok || arr.Len() == 0 {
			return pushedField{}, false
		}

		f := pushedField{name: key}

		for i := 0; i < arr.Len(); i++ {
			v, _ := arr.Get(i)
			texts, ok := storedTexts(v)
			if !ok {
				return pushedField{}, false
			}

			f.values = append(f.values, texts...)
		}

		return f, true
	}

	texts, ok := storedTexts(value)
	if !ok {
		return pushedField{}, false
	}

	return pushedField{name: key, values: texts}, true
}

// storedTexts returns the JSON texts a field equal to v can hold in a stored document.
//
// Strings (and ObjectIDs) have one text. A number equals every numeric type with the same value; FerretDB
// writes int32, int64 and double through encoding/json, so an integer below 2^53 is written the
// same whatever its type, except zero, which a double may hold as -0.
func storedTexts(v any) ([]string, bool) {
	var n int64

	switch v := v.(type) {
	case string, types.ObjectID: // an ObjectID is stored as its hex string
		b, err := sjson.MarshalSingleValue(v)
		if err != nil {
			return nil, false
		}

		return []string{string(b)}, true
	case int32:
		n = int64(v)
	case int64:
		n = v
	case float64:
		if v != math.Trunc(v) || math.Abs(v) >= 1<<53 {
			return nil, false
		}

		n = int64(v)
	default:
		return nil, false
	}

	if n > 1<<53 || n < -(1<<53) {
		return nil, false
	}

	if n == 0 {
		return []string{"0", "-0"}, true
	}

	return []string{strconv.FormatInt(n, 10)}, true
}

// merge appends the fields of more that are not in fields already (keeping one constraint per
// field is always safe: fewer constraints, a superset).
func merge(fields, more []pushedField) []pushedField {
	out := append([]pushedField(nil), fields...)

outer:
	for _, m := range more {
		for _, f := range out {
			if f.name == m.name {
				continue outer
			}
		}

		out = append(out, m)
	}

	return out
}

// orderForIndex puts first the fields that form the longest key prefix of one index (in its key
// order), then the others in filter order, so that every OR term starts with that prefix.
func orderForIndex(fields []pushedField, indexes []metadata.IndexInfo) []pushedField {
	byName := make(map[string]pushedField, len(fields))
	for _, f := range fields {
		byName[f.name] = f
	}

	var best []string

	for _, index := range indexes {
		var prefix []string

		for _, key := range index.Key {
			if _, ok := byName[key.Field]; !ok {
				break
			}

			prefix = append(prefix, key.Field)
		}

		if len(prefix) > len(best) {
			best = prefix
		}
	}

	ordered := make([]pushedField, 0, len(fields))
	for _, name := range best {
		ordered = append(ordered, byName[name])
	}

	return merge(ordered, fields)
}

// branchTerms writes fields f1..fn as OR terms: all equal; or f1..fi-1 equal and fi an array
// (for each i). A document that matches is in one of them: the first field that is not equal
// must hold an array. `_id` is never an array.
func branchTerms(fields []pushedField) ([]string, []any) {
	var terms []string
	var args []any
	var prefix []string
	var prefixArgs []any

	for _, f := range fields {
		column := fieldColumn(f.name)

		if f.present {
			// Every JSON text is >= '' (arrays included) and a missing field is NULL; unlike
			// IS NOT NULL, a range lets SQLite search the index inside an OR.
			prefix = append(prefix, column+" >= ''")
			continue
		}

		if f.name != "_id" {
			// An array holding the value holds its JSON text (written by the same encoder): SQLite
			// checks that on what the index range gives, so only likely matches reach Go's decoder.
			holds := make([]string, len(f.values))
			for i := range f.values {
				holds[i] = "instr(" + column + ", ?) > 0"
			}

			// Non-empty arrays: '[' <= text < '[]' or '[]' < text < '\' (']' sorts after '"', digits and '[').
			for _, arrays := range []string{
				column + ` >= '[' AND ` + column + ` < '[]'`,
				column + ` > '[]' AND ` + column + ` < '\'`,
			} {
				term := append(append([]string(nil), prefix...), arrays, "("+strings.Join(holds, " OR ")+")")
				terms = append(terms, "("+strings.Join(term, " AND ")+")")
				args = append(args, prefixArgs...)

				for _, v := range f.values {
					args = append(args, v)
				}
			}
		}

		placeholders := strings.TrimSuffix(strings.Repeat("?, ", len(f.values)), ", ")
		if len(f.values) == 1 {
			prefix = append(prefix, column+" = ?")
		} else {
			prefix = append(prefix, column+" IN ("+placeholders+")")
		}

		for _, v := range f.values {
			prefixArgs = append(prefixArgs, v)
		}
	}

	terms = append(terms, "("+strings.Join(prefix, " AND ")+")")
	args = append(args, prefixArgs...)

	return terms, args
}

// fieldColumn is the expression FerretDB's indexes use for a top-level field
// (metadata.indexesCreate); `_id` has its own (metadata.IDColumn).
func fieldColumn(name string) string {
	if name == "_id" {
		return metadata.IDColumn
	}

	return metadata.DefaultColumn + `->"` + name + `"`
}
