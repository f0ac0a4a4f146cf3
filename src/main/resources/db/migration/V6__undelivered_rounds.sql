-- Why a round's question post never reached its channel (an adapter reported it), or NULL.
-- Such a round is closed without a reveal and does not count for the question rotation or
-- for streaks: nobody could see it, so it must not break anyone's run of correct answers.
ALTER TABLE quiz_round ADD COLUMN undelivered VARCHAR(300);
