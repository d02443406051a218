// Tests of equality_pushdown.go, run inside the patched FerretDB module (copied there with it):
// test/integration/ferretDbPushdown.test.ts runs them as part of `npm test`.
package sqlite

import (
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/handler/common"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/iterator"
	"github.com/FerretDB/FerretDB/internal/util/must"
	"github.com/FerretDB/FerretDB/internal/util/state"
	"github.com/FerretDB/FerretDB/internal/util/testutil"
)

func doc(pairs ...any) *types.Document { return must.NotFail(types.NewDocument(pairs...)) }

func arr(values ...any) *types.Array { return must.NotFail(types.NewArray(values...)) }

// pushdownCollection is a collection shaped like the engine's assignments, with documents whose
// fields hold strings, arrays (empty, holding the value, not holding it), numbers of every type,
// nested documents, or nothing.
func pushdownCollection(t *testing.T) backends.Collection {
	t.Helper()
	ctx := testutil.Ctx(t)

	sp, err := state.NewProvider("")
	require.NoError(t, err)

	b, err := NewBackend(&NewBackendParams{URI: "file:" + t.TempDir() + "/", L: testutil.Logger(t), P: sp, BatchSize: 100})
	require.NoError(t, err)
	t.Cleanup(b.Close)

	db, err := b.Database("pushdown")
	require.NoError(t, err)
	c, err := db.Collection("assignments")
	require.NoError(t, err)

	key := func(fields ...string) []backends.IndexKeyPair {
		pairs := make([]backends.IndexKeyPair, len(fields))
		for i, f := range fields {
			pairs[i] = backends.IndexKeyPair{Field: f}
		}
		return pairs
	}
	_, err = c.CreateIndexes(ctx, &backends.CreateIndexesParams{Indexes: []backends.IndexInfo{
		{Name: "agency", Key: key("agencyCode")},
		{Name: "campaign_agency", Key: key("campaignKey", "agencyCode", "deadline")},
		{Name: "campaign_section", Key: key("campaignKey", "sectionNumber")},
		{Name: "coordinating", Key: key("coordinatingAgencies")},
		{Name: "campaign_coordinating", Key: key("campaignKey", "coordinatingAgencies")},
		{Name: "status", Key: key("status")},
		{Name: "pending", Key: key("pendingExtension")},
	}})
	require.NoError(t, err)

	docs := []*types.Document{
		doc("_id", "s1.A7", "campaignKey", "c1", "agencyCode", "A7", "sectionNumber", int32(1), "coordinatingAgencies", arr(), "status", "resultSubmitted"),
		doc("_id", "s1.A8", "campaignKey", "c1", "agencyCode", "A8", "sectionNumber", int32(1), "coordinatingAgencies", arr("A7"), "pendingExtension", doc("reason", "x")),
		doc("_id", "s2.A7", "campaignKey", "c2", "agencyCode", "A7", "sectionNumber", int64(2), "coordinatingAgencies", arr("A9", "A7")),
		doc("_id", "s2.A9", "campaignKey", "c1", "agencyCode", "A9", "sectionNumber", float64(2), "coordinatingAgencies", arr(), "pendingExtension", types.Null),
		doc("_id", "arr.A7", "campaignKey", "c1", "agencyCode", arr("A9", "A7"), "sectionNumber", int32(3), "coordinatingAgencies", arr()),
		doc("_id", "arr.other", "campaignKey", "c1", "agencyCode", arr("A9"), "sectionNumber", int32(3), "coordinatingAgencies", arr()),
		doc("_id", "arr.empty", "campaignKey", "c1", "agencyCode", arr(), "sectionNumber", int32(3), "coordinatingAgencies", arr()),
		doc("_id", "campaign.array", "campaignKey", arr("c0", "c1"), "agencyCode", "A7", "sectionNumber", int32(4)),
		doc("_id", "nested", "campaignKey", "c1", "agencyCode", doc("code", "A7"), "sectionNumber", float64(0)),
		doc("_id", "lower", "campaignKey", "c1", "agencyCode", "a7", "sectionNumber", math.Copysign(0, -1)),
		doc("_id", "number", "campaignKey", "c1", "agencyCode", int32(7), "sectionNumber", int32(5)),
		doc("_id", "missing", "campaignKey", "c1"),
		doc("_id", "quote", "campaignKey", "c1", "agencyCode", `A"7<&>`, "sectionNumber", int32(-3)),
		doc("_id", "vietnamese", "campaignKey", "c1", "agencyCode", "Sở Nội vụ", "sectionNumber", int32(6)),
	}
	// Filler, so that a scan and an index search differ in the plan; half of it coordinated by
	// others, so that reading every non-empty array would show in the returned count.
	for i := 0; i < 200; i++ {
		coordinating := arr()
		if i%2 == 0 {
			coordinating = arr("Z1", "A77")
		}
		docs = append(docs, doc("_id", "filler"+string(rune('a'+i%26))+strings.Repeat("x", i/26), "campaignKey", "c9", "agencyCode", "Z", "sectionNumber", int32(9), "coordinatingAgencies", coordinating))
	}
	_, err = c.InsertAll(ctx, &backends.InsertAllParams{Docs: docs})
	require.NoError(t, err)

	return c
}

// ids of the documents a query returns, after the handler's own filter when filtered is true.
func ids(t *testing.T, c backends.Collection, filter *types.Document, filtered bool) []string {
	t.Helper()
	res, err := c.Query(testutil.Ctx(t), &backends.QueryParams{Filter: filter})
	require.NoError(t, err)
	docs, err := iterator.ConsumeValues[struct{}, *types.Document](res.Iter)
	require.NoError(t, err)

	var out []string
	for _, d := range docs {
		if filtered {
			if ok, err := common.FilterDocument(d, filter); err != nil || !ok {
				require.NoError(t, err)
				continue
			}
		}
		out = append(out, must.NotFail(d.Get("_id")).(string))
	}
	sort.Strings(out)
	return out
}

func TestEqualityPushdownReturnsEveryMatch(t *testing.T) {
	t.Parallel()
	c := pushdownCollection(t)
	all := ids(t, c, nil, false)

	for name, tc := range map[string]struct {
		filter  *types.Document
		matches []string
	}{
		"string, or an array holding it": {
			filter:  doc("agencyCode", "A7"),
			matches: []string{"arr.A7", "campaign.array", "s1.A7", "s2.A7"},
		},
		"$eq": {filter: doc("agencyCode", doc("$eq", "A8")), matches: []string{"s1.A8"}},
		"$in": {
			filter:  doc("agencyCode", doc("$in", arr("A8", "A9"))),
			matches: []string{"arr.A7", "arr.other", "s1.A8", "s2.A9"},
		},
		"two fields of a compound index, either an array": {
			filter:  doc("agencyCode", "A7", "campaignKey", "c1"),
			matches: []string{"arr.A7", "campaign.array", "s1.A7"},
		},
		"array field": {
			filter:  doc("coordinatingAgencies", "A7"),
			matches: []string{"s1.A8", "s2.A7"},
		},
		"visibility $or with a campaign": {
			filter:  doc("campaignKey", "c1", "$or", arr(doc("agencyCode", "A7"), doc("coordinatingAgencies", "A7"))),
			matches: []string{"arr.A7", "campaign.array", "s1.A7", "s1.A8"},
		},
		"$and of parts": {
			filter:  doc("$and", arr(doc("campaignKey", "c1"), doc("sectionNumber", int32(2)))),
			matches: []string{"s2.A9"},
		},
		"integer equals int32, int64 and double": {
			filter:  doc("sectionNumber", float64(2)),
			matches: []string{"s2.A7", "s2.A9"},
		},
		"zero equals -0": {filter: doc("sectionNumber", int32(0)), matches: []string{"lower", "nested"}},
		"negative":       {filter: doc("sectionNumber", int64(-3)), matches: []string{"quote"}},
		"escaped text":   {filter: doc("agencyCode", `A"7<&>`), matches: []string{"quote"}},
		"diacritics":     {filter: doc("agencyCode", "Sở Nội vụ"), matches: []string{"vietnamese"}},
		"_id and more":   {filter: doc("_id", "s1.A7", "agencyCode", "A7"), matches: []string{"s1.A7"}},
		"$exists, null included": {
			filter:  doc("$or", arr(doc("status", "resultSubmitted"), doc("pendingExtension", doc("$exists", true)))),
			matches: []string{"s1.A7", "s1.A8", "s2.A9"},
		},
		"no match": {filter: doc("agencyCode", "A7", "campaignKey", "c2", "sectionNumber", int32(1))},
	} {
		t.Run(name, func(t *testing.T) {
			returned := ids(t, c, tc.filter, false)
			assert.Equal(t, tc.matches, ids(t, c, tc.filter, true), "after the handler's filter")
			// The pushdown narrowed the read: far fewer than all documents came back.
			assert.Less(t, len(returned), len(all)/10, "returned %v", returned)
		})
	}
}

func TestEqualityPushdownLeavesTheRestToTheHandler(t *testing.T) {
	t.Parallel()
	c := pushdownCollection(t)

	for name, filter := range map[string]*types.Document{
		"range":              doc("sectionNumber", doc("$gt", int32(1))),
		"dotted path":        doc("agencyCode.code", "A7"),
		"fraction":           doc("sectionNumber", 2.5),
		"$or with a range":   doc("$or", arr(doc("agencyCode", "A7"), doc("sectionNumber", doc("$gt", int32(1))))),
		"$nin":               doc("agencyCode", doc("$nin", arr("A7"))),
		"$exists: false":     doc("pendingExtension", doc("$exists", false)),
		"regular expression": doc("agencyCode", types.Regex{Pattern: "^A"}),
	} {
		where, args := equalityWhere(nil, filter)
		assert.Empty(t, where, name)
		assert.Empty(t, args, name)
	}

	// A pushable part is still pushed next to one that is not.
	where, _ := equalityWhere(nil, doc("campaignKey", "c1", "sectionNumber", doc("$gt", int32(1))))
	assert.Contains(t, where, `->"campaignKey" = ?`)
	assert.Equal(t, 7, len(ids(t, c, doc("campaignKey", "c1", "sectionNumber", doc("$gt", int32(1))), true)))
}

func TestEqualityPushdownExplainUsesTheIndex(t *testing.T) {
	t.Parallel()
	c := pushdownCollection(t)
	ctx := testutil.Ctx(t)

	for name, tc := range map[string]struct {
		filter *types.Document
		index  string
	}{
		"one field":               {doc("agencyCode", "A7"), "agency"},
		"compound, in key order":  {doc("agencyCode", "A7", "campaignKey", "c1"), "campaign_agency"},
		"integer":                 {doc("campaignKey", "c1", "sectionNumber", int32(2)), "campaign_section"},
		"array field in compound": {doc("campaignKey", "c1", "coordinatingAgencies", "A7"), "campaign_coordinating"},
		"visibility $or":          {doc("campaignKey", "c1", "$or", arr(doc("agencyCode", "A7"), doc("coordinatingAgencies", "A7"))), "campaign_agency"},
		"$exists in an $or":       {doc("$or", arr(doc("status", "resultSubmitted"), doc("pendingExtension", doc("$exists", true)))), "pending"},
	} {
		t.Run(name, func(t *testing.T) {
			res, err := c.Explain(ctx, &backends.ExplainParams{Filter: tc.filter})
			require.NoError(t, err)
			assert.True(t, res.FilterPushdown)

			plan := must.NotFail(res.QueryPlanner.Get("Plan")).(*types.Array)
			var lines []string
			for i := 0; i < plan.Len(); i++ {
				lines = append(lines, must.NotFail(plan.Get(i)).(string))
			}
			text := strings.Join(lines, "\n")
			// Index names are the table's name (with a hash), '_', then the index's name.
			assert.Regexp(t, `USING INDEX assignments_[0-9a-f]+_`+tc.index+` \(`, text)
			// Every table access is an index search: no line reads the whole table.
			assert.NotContains(t, text, "detail=SCAN", text)
		})
	}

	res, err := c.Explain(ctx, &backends.ExplainParams{Filter: doc("sectionNumber", doc("$gt", int32(1)))})
	require.NoError(t, err)
	assert.False(t, res.FilterPushdown)
}
