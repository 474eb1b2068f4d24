-- Search at scale (issue 20): an English phrase whose words are in every paper but never in that order
-- ("urban rural integration") made the search check the phrase on every paper holding its words. The adjacent
-- pairs of English stems ('urban rural', 'rural integr') are now indexed, so the index itself answers which
-- entries can hold the phrase, and the phrase is checked on those few.
--
-- search_latin_pairs: the pairs of lexemes at adjacent positions of a tsvector (the entry's "latinTsv"). A phrase
-- 'a' <-> 'b' can only match a vector with 'a' at some p and 'b' at p + 1, so the pair 'a b' (a space never
-- occurs inside a lexeme of the 'english' parser) is a necessary condition, computed from the very vector the
-- phrase is checked on. Prisma has no expression indexes: this one lives in SQL only, like the triggers.
CREATE FUNCTION search_latin_pairs(v tsvector) RETURNS tsvector IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
    FROM (SELECT u.lexeme, p FROM unnest(v) u, unnest(u.positions) p) a
    JOIN (SELECT u.lexeme, p FROM unnest(v) u, unnest(u.positions) p) b ON b.p = a.p + 1
$$;

-- The pairs a phrase requires, as one tsquery ('rural integr' & 'urban rural'); NULL when it has none (one word,
-- or words separated by stop words, whose gap the phrase check alone can judge). Immutable, so a search's
-- statement folds it to a constant when it is planned and the index below serves it.
CREATE FUNCTION search_phrase_pairs(phrase text) RETURNS tsquery IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$
  SELECT string_agg('''' || replace(replace(p, '\', '\\'), '''', '''''') || '''', ' & ')::tsquery
    FROM unnest(tsvector_to_array(search_latin_pairs(to_tsvector('english', phrase)))) AS p
$$;

CREATE INDEX "SearchEntry_latinPairs_idx" ON "SearchEntry" USING GIN (search_latin_pairs("latinTsv"));
