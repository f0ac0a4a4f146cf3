-- An answer is committed before it is graded: verdict NULL means stored but not graded yet
-- (score, points and streak stay 0 until then). Whatever a crash leaves ungraded is graded
-- at start-up, and before its round's reveal, and the player is told privately.
ALTER TABLE answer ALTER COLUMN verdict DROP NOT NULL;
-- The start-up pass looks for answers still waiting for a grade.
CREATE INDEX answer_ungraded ON answer (verdict, round_id);
