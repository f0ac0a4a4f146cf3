package dev.quizbot.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.quizbot.chat.Caller;
import dev.quizbot.chat.HelpTexts;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Times;
import dev.quizbot.grading.Verdict;
import dev.quizbot.round.GradedAnswers;
import dev.quizbot.round.Round;
import dev.quizbot.round.RoundService;

/**
 * {@code appeal [#round] [reason]}: a player asks for a person to look at their own graded
 * answer. Always the caller's own answer (a round names it, the caller is its author), once
 * per answer, while the round is open or within the appeal window after it closed.
 */
@Service
class Appeals {

    static final int MAX_REASON_LENGTH = 500;

    private final GradedAnswers answers;
    private final RoundService rounds;
    private final ReviewRepository items;
    private final ReviewProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;

    Appeals(GradedAnswers answers, RoundService rounds, ReviewRepository items, ReviewProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.answers = answers;
        this.rounds = rounds;
        this.items = items;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    Reply appeal(Caller caller, Optional<Long> roundId, Optional<String> typedReason) {
        Optional<String> reason = typedReason.map(String::strip).filter(r -> !r.isEmpty());
        if (reason.isPresent() && reason.get().length() > MAX_REASON_LENGTH) {
            return refused("Your reason is " + reason.get().length() + " characters; the limit is " + MAX_REASON_LENGTH
                    + ". Shorten it and appeal again (nothing was recorded).");
        }
        Optional<GradedAnswers.Answer> found;
        if (roundId.isPresent()) {
            // another channel's round is refused like an unknown one, as answers are
            Optional<Round> round = rounds.round(roundId.get()).filter(r -> r.channel().equals(caller.channel()));
            if (round.isEmpty()) {
                return refused("There is no round " + roundId.get() + " in this channel.");
            }
            found = answers.of(roundId.get(), caller.userId());
            if (found.isEmpty()) {
                return refused("You did not answer round " + roundId.get()
                        + ", so there is nothing to appeal: you can appeal only your own answer.");
            }
        } else {
            found = answers.latest(caller.channel(), caller.userId());
            if (found.isEmpty()) {
                return refused("You have not answered a round in this channel yet, so there is nothing to appeal.");
            }
        }
        GradedAnswers.Answer answer = found.get();
        long round = answer.round().id();
        if (answer.verdict().isEmpty()) {
            return refused("Your answer to round " + round + " is still being graded; appeal once you have your grade.");
        }
        if (answer.verdict().get() == Verdict.CORRECT && answer.score() == 100) {
            return refused("Your answer to round " + round + " is already graded correct with full marks;"
                    + " there is nothing to appeal.");
        }
        Instant now = clock.instant();
        Optional<Instant> closed = answer.round().closedAt();
        if (closed.isPresent() && now.isAfter(closed.get().plus(properties.appealWindow()))) {
            return refused("Appeals for round " + round + " closed " + Times.dayAndTime(closed.get().plus(properties.appealWindow()),
                    rounds.zone(answer.round())) + ", " + days(properties.appealWindow()) + " after the round closed.");
        }
        Optional<ReviewItem> earlier = items.ofAnswer(answer.id()).filter(ReviewItem::appealed);
        if (earlier.isPresent()) {
            return refused(alreadyAppealed(answer, earlier.get()));
        }
        String community = RoundService.communityKey(caller.channel());
        boolean recorded = Boolean.TRUE.equals(tx.execute(s -> items.appeal(answer, community, reason, now)));
        if (!recorded) {
            return refused(items.ofAnswer(answer.id()).map(i -> alreadyAppealed(answer, i))
                    .orElse("You already appealed your answer to round " + round + "; one appeal per answer."));
        }
        return new Reply.Done("Your appeal of round " + round + " is in the review queue. An admin will look at your"
                + " answer again; you'll be told the outcome privately.");
    }

    private String alreadyAppealed(GradedAnswers.Answer answer, ReviewItem item) {
        return "You already appealed your answer to round " + answer.round().id()
                + item.appealedAt().map(t -> " (" + Times.dayAndTime(t, rounds.zone(answer.round())) + ")").orElse("")
                + "; one appeal per answer" + (item.status() == ReviewItem.Status.PENDING ? ", and it is still in the queue."
                : ", and it was decided.");
    }

    private static String days(Duration window) {
        long days = window.toDays();
        return days >= 1 && window.equals(Duration.ofDays(days)) ? days + (days == 1 ? " day" : " days")
                : window.toHours() + " hours";
    }

    private static Reply refused(String reason) {
        return new Reply.Refused(reason, HelpTexts.APPEAL.usage());
    }
}
