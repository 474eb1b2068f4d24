-- Papers added earlier from another paper's reference list were recorded as added by hand; their creation event
-- says where they came from. (A migration of its own: a new enum value cannot be used in the transaction that adds it.)
UPDATE "ReviewItem" i
   SET "sourceKind" = 'CITATION_SEARCH'
  FROM "ActivityEvent" e
 WHERE e."subjectType" = 'item' AND e."subjectId" = i."id" AND e."kind" = 'item.created'
   AND e."data"->>'source' = 'reference' AND i."sourceKind" = 'MANUAL';
