-- Two lookups walked every anchored checkpoint from the first one (one more every interval T, forever):
--  * after every anchor, "the oldest anchored checkpoint whose leaves are not all confirmed" (confirmed_through < size
--    cannot use an index) — in the read benchmark, 6 checkpoint rows read per event after only minutes of running;
--  * for every proof, "the anchored checkpoint that first covered a leaf" (ordered by id, filtered on the sizes).
-- A stored generated column marks the checkpoints still being confirmed (NULL for all others, so its index stays
-- small), and an index on (state, size) finds the first anchored checkpoint past a leaf (sizes grow with id).
ALTER TABLE checkpoint
    ADD COLUMN confirming TINYINT GENERATED ALWAYS AS (IF(state = 'IRREVERSIBLE' AND confirmed_through < size, 1, NULL)) STORED,
    ADD KEY checkpoint_confirming (confirming, id),
    ADD KEY checkpoint_state_size (state, size);
