package dev.quizbot.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.quizbot.bank.BankOverlay;
import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.HelpTexts;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Times;
import dev.quizbot.grading.Grader;
import dev.quizbot.grading.Verdict;
import dev.quizbot.round.AnnouncementPublisher;
import dev.quizbot.round.GradedAnswers;
import dev.quizbot.round.RoundService;
import dev.quizbot.scoring.CommunityZones;
import dev.quizbot.scoring.Players;

/**
 * The admins' side of the queue: {@code review} shows the oldest pending item with the
 * similar answers grouped with it and remembers that group for the admin; accept and reject
 * settle exactly that group in one transaction (claiming each item, regrading, recording the
 * decision, teaching the bank), so two admins deciding at once make one decision.
 */
@Service
class ReviewQueue {

    private static final Logger log = LoggerFactory.getLogger(ReviewQueue.class);
    /** Pending items looked at for one group: the queue's head and what may join it. */
    private static final int CANDIDATES = 100;
    static final int MAX_GROUP = 20;
    static final int MAX_NOTE_LENGTH = 500;
    static final int MAX_BANK_TEXT_LENGTH = BankOverlay.maxMisconceptionLength();
    private static final int QUOTE = 120;
    /** What one `review` shows at most, in characters. */
    static final int MAX_SHOWN = 1_800;
    /** Group members listed one by one; the rest are counted. */
    private static final int LISTED = 5;

    private final ReviewRepository items;
    private final GradedAnswers answers;
    private final QuestionBankService bank;
    private final Grader grader;
    private final AnswerGroups groups;
    private final Players players;
    private final OverlayRepository overlay;
    private final AnnouncementPublisher announcements;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final CommunityZones zones;

    ReviewQueue(ReviewRepository items, GradedAnswers answers, QuestionBankService bank,
                Grader grader, AnswerGroups groups, Players players, OverlayRepository overlay,
                AnnouncementPublisher announcements, Clock clock, PlatformTransactionManager transactions,
                CommunityZones zones) {
        this.zones = zones;
        this.items = items;
        this.answers = answers;
        this.bank = bank;
        this.grader = grader;
        this.groups = groups;
        this.players = players;
        this.overlay = overlay;
        this.announcements = announcements;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    Reply show(Caller caller) {
        String community = RoundService.communityKey(caller.channel());
        List<ReviewItem> pending = items.pending(community, CANDIDATES);
        if (pending.isEmpty()) {
            tx.executeWithoutResult(s -> items.show(community, caller.userId(), List.of()));
            return new Reply.Done("The review queue is empty: no appeals or provisional grades are waiting.");
        }
        List<ReviewItem> group = group(pending.getFirst(), pending);
        tx.executeWithoutResult(s -> items.show(community, caller.userId(), group.stream().map(ReviewItem::id).toList()));
        return new Reply.ReviewItem(render(community, group, items.pendingCount(community)), group.getFirst().id(),
                group.size() > 1);
    }

    private List<ReviewItem> group(ReviewItem lead, List<ReviewItem> pending) {
        List<ReviewItem> group = new ArrayList<>(List.of(lead));
        if (lead.solo()) {
            return group;
        }
        Optional<GradedAnswers.Answer> leadAnswer = answers.find(lead.answerId());
        if (leadAnswer.isEmpty()) {
            return group;
        }
        List<AnswerGroups.Candidate<ReviewItem>> candidates = new ArrayList<>();
        for (ReviewItem other : pending.subList(1, pending.size())) {
            if (other.questionId().equals(lead.questionId()) && !other.solo()) {
                answers.find(other.answerId()).ifPresent(a -> candidates.add(new AnswerGroups.Candidate<>(other, a.text())));
            }
        }
        groups.closeTo(leadAnswer.get().text(), candidates).stream().limit(MAX_GROUP - 1).forEach(group::add);
        return group;
    }

    private String render(String community, List<ReviewItem> group, int pending) {
        ReviewItem lead = group.getFirst();
        GradedAnswers.Answer answer = answers.find(lead.answerId()).orElseThrow();
        Optional<Question> question = bank.bank().question(lead.questionId());
        StringBuilder out = new StringBuilder();
        out.append("Review #").append(lead.id()).append(" · ").append(kind(lead)).append(" · round ")
                .append(answer.round().id()).append(" · ").append(pending).append(" waiting in the queue\n");
        out.append("Question: ").append(answer.round().questionText()).append('\n');
        out.append("Reference: ").append(clip(answer.round().referenceAnswer(), 400)).append('\n');
        out.append(players.name(community, answer.userId())).append(" answered: \"").append(clip(answer.text(), 400))
                .append("\"\n");
        out.append("Graded: ").append(grade(answer));
        // the explanation is not stored with the answer; the grader words it again, as it would now
        question.ifPresent(q -> out.append(". Grader: ").append(clip(grader.grade(q, answer.text()).explanation(), 300)));
        out.append('\n');
        lead.reason().ifPresent(r -> out.append("Reason: \"").append(clip(r, 300)).append("\"\n"));
        if (group.size() > 1) {
            out.append("Grouped with ").append(group.size() - 1).append(group.size() == 2 ? " similar answer" : " similar answers")
                    .append(" (one decision settles all; `review split` takes #").append(lead.id()).append(" out):\n");
            for (ReviewItem other : group.subList(1, Math.min(group.size(), LISTED + 1))) {
                answers.find(other.answerId()).ifPresent(a -> out.append("  #").append(other.id()).append(' ')
                        .append(players.name(community, a.userId())).append(": \"").append(clip(a.text(), QUOTE))
                        .append("\" (").append(grade(a)).append(other.reason().map(r -> "; reason: \"" + clip(r, QUOTE) + "\"")
                                .orElse("")).append(")\n"));
            }
            if (group.size() > LISTED + 1) {
                out.append("  and ").append(group.size() - LISTED - 1).append(" more like these\n");
            }
        }
        String decide = "Decide: review accept [score] [bank [text]] · review reject [note | bank [claim]] · review skip"
                + (group.size() > 1 ? " · review split" : "");
        // the decision line always shows: the rest is cut to fit the smallest chat message (Discord's 2,000)
        return clip(out.toString().strip(), MAX_SHOWN - decide.length() - 1) + "\n" + decide;
    }

    private static String kind(ReviewItem item) {
        return item.appealed() ? (item.provisional() ? "appeal of a provisional grade" : "appeal") : "provisional grade";
    }

    private static String grade(GradedAnswers.Answer a) {
        return a.verdict().map(v -> v.label().toLowerCase(Locale.ROOT)).orElse("ungraded") + ", " + a.score() + "/100, "
                + a.points() + " points";
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** What a decision settles: the group the admin was shown, or the one item they named. */
    private sealed interface Target {
        record Items(List<Long> ids) implements Target {
        }

        record Refused(Reply reply) implements Target {
        }
    }

    private Target target(Caller caller, Optional<Long> named) {
        String community = RoundService.communityKey(caller.channel());
        List<Long> shown = items.shown(community, caller.userId());
        if (named.isPresent()) {
            if (!shown.isEmpty() && shown.getFirst().equals(named.get())) {
                return new Target.Items(shown);
            }
            return items.item(named.get()).filter(i -> i.communityKey().equals(community))
                    .<Target>map(i -> new Target.Items(List.of(i.id())))
                    .orElseGet(() -> new Target.Refused(refused("There is no review item #" + named.get() + " here.")));
        }
        if (shown.isEmpty()) {
            return new Target.Refused(refused("Run `review` first: a decision applies to the item it shows you."));
        }
        return new Target.Items(shown);
    }

    /** A refusal naming who settled an item first, or empty when every item is still pending. */
    private Optional<Reply> settledAlready(List<Long> ids) {
        for (long id : ids) {
            Optional<ReviewItem> item = items.item(id);
            if (item.isPresent() && item.get().status() != ReviewItem.Status.PENDING) {
                String community = item.get().communityKey();
                String who = item.get().decisionId().flatMap(items::decided)
                        .map(d -> " (" + d.outcome().name().toLowerCase(Locale.ROOT) + " by "
                                + players.name(community, d.adminId()) + ", "
                                + Times.dayAndTime(d.at(), zones.zone(community).getId()) + ")").orElse("");
                return Optional.of(refused("Review #" + id + " was already settled" + who
                        + ", so nothing was changed. `review` shows what is still pending."));
            }
        }
        return Optional.empty();
    }

    /** A decision the admin asked for, checked. */
    record Decision(ReviewItem.Status outcome, Verdict verdict, int score, Optional<String> note, boolean toBank,
                    Optional<String> bankText) {
    }

    Reply accept(Caller caller, Optional<Long> item, Optional<Integer> score, boolean toBank, Optional<String> bankText) {
        int s = score.orElse(100);
        if (s < 1 || s > 100) {
            return refused("The score must be from 1 to 100 (100: correct, below: partial); to keep a grade of 0 use"
                    + " `review reject`. Nothing was changed.");
        }
        return decide(caller, item, new Decision(ReviewItem.Status.ACCEPTED, s == 100 ? Verdict.CORRECT : Verdict.PARTIAL,
                s, Optional.empty(), toBank, bankText));
    }

    Reply reject(Caller caller, Optional<Long> item, Optional<String> note, boolean toBank, Optional<String> bankText) {
        Optional<String> trimmed = note.map(String::strip).filter(n -> !n.isEmpty());
        if (trimmed.isPresent() && trimmed.get().length() > MAX_NOTE_LENGTH) {
            return refused("The note is " + trimmed.get().length() + " characters; the limit is " + MAX_NOTE_LENGTH
                    + ". Nothing was changed.");
        }
        return decide(caller, item, new Decision(ReviewItem.Status.REJECTED, null, 0, trimmed, toBank, bankText));
    }

    /** Thrown inside the decision's transaction to roll it back when another admin got there first. */
    private static final class SettledMeanwhile extends RuntimeException {
        SettledMeanwhile() {
            super(null, null, false, false);
        }
    }

    private Reply decide(Caller caller, Optional<Long> named, Decision decision) {
        Target target = target(caller, named);
        if (target instanceof Target.Refused(Reply reply)) {
            return reply;
        }
        List<Long> ids = ((Target.Items) target).ids();
        Optional<Reply> settled = settledAlready(ids);
        if (settled.isPresent()) {
            return settled.get();
        }
        ReviewItem lead = items.item(ids.getFirst()).orElseThrow();
        GradedAnswers.Answer leadAnswer = answers.find(lead.answerId()).orElseThrow();
        Optional<BankOverlay.Addition> addition = Optional.empty();
        if (decision.toBank()) {
            var checked = bankAddition(lead, leadAnswer, decision);
            if (checked instanceof BankCheck.Refused(Reply reply)) {
                return reply;
            }
            addition = Optional.of(((BankCheck.Ok) checked).addition());
        }
        String community = RoundService.communityKey(caller.channel());
        Instant now = clock.instant();
        List<GradedAnswers.Regrade> changes;
        Optional<BankOverlay.Addition> toAdd = addition;
        boolean[] learned = {false};
        try {
            changes = tx.execute(status -> {
                long decisionId = items.decision(community, caller.userId(), now, decision.outcome(), decision.note());
                if (items.settle(ids, decision.outcome(), decisionId) != ids.size()) {
                    throw new SettledMeanwhile();
                }
                List<GradedAnswers.Regrade> done = new ArrayList<>();
                for (long id : ids) {
                    ReviewItem item = items.item(id).orElseThrow();
                    GradedAnswers.Answer answer = answers.find(item.answerId()).orElseThrow();
                    GradedAnswers.Regrade change = decision.outcome() == ReviewItem.Status.ACCEPTED
                            ? answers.regrade(answer.id(), decision.verdict(), decision.score())
                            : unchanged(answer);
                    items.change(decisionId, change);
                    announcements.publish(new Announcement.PrivateNotice(answer.round().channel(), answer.userId(),
                            notice(item, answer, change, decision)));
                    done.add(change);
                }
                toAdd.ifPresent(a -> learned[0] = overlay.add(a.questionId(), a.kind(), a.text(), caller.userId(), now));
                return done;
            });
        } catch (SettledMeanwhile raced) {
            return settledAlready(ids).orElseGet(() -> refused("Another admin settled part of this group a moment ago,"
                    + " so nothing was changed. `review` shows what is still pending."));
        }
        if (learned[0]) {
            bank.overlayChanged();
        }
        log.info("Review decision in {} by {}: {} item(s) {}", community, caller.userId(), ids.size(),
                decision.outcome().name().toLowerCase(Locale.ROOT));
        return new Reply.Done(summary(community, changes, decision, toAdd, learned[0]));
    }

    private static GradedAnswers.Regrade unchanged(GradedAnswers.Answer a) {
        Verdict v = a.verdict().orElse(Verdict.INCORRECT);
        return new GradedAnswers.Regrade(a.id(), a.round().id(), a.userId(), a.round().channel(), a.verdict(), a.score(),
                a.points(), v, a.score(), a.points(), 0);
    }

    private String notice(ReviewItem item, GradedAnswers.Answer answer, GradedAnswers.Regrade change, Decision decision) {
        long round = answer.round().id();
        String after = change.verdictAfter().label().toLowerCase(Locale.ROOT);
        if (decision.outcome() == ReviewItem.Status.REJECTED || !change.changed()) {
            String what = item.appealed() ? "Your appeal of round " + round + " was reviewed"
                    : "Your provisional grade for round " + round + " was checked by an admin";
            return what + ": the grade stands (" + after + ", " + change.scoreAfter() + "/100)."
                    + decision.note().map(n -> " Note from the reviewer: " + n).orElse("");
        }
        String before = change.verdictBefore().map(v -> v.label().toLowerCase(Locale.ROOT)).orElse("ungraded");
        String from = before.equals(after) ? before + " " + change.scoreBefore() + "/100 → " + after + " "
                + change.scoreAfter() + "/100" : before + " → " + after;
        String points = (change.pointsDelta() >= 0 ? "+" : "") + change.pointsDelta() + " points";
        boolean open = answer.round().closedAt().isEmpty();
        return "Your answer to round " + round + " was regraded: " + from + ", " + points
                + (open ? " (they reach the boards when the round closes)." : ".");
    }

    private String summary(String community, List<GradedAnswers.Regrade> changes, Decision decision,
                           Optional<BankOverlay.Addition> addition, boolean learned) {
        StringBuilder out = new StringBuilder();
        if (decision.outcome() == ReviewItem.Status.ACCEPTED) {
            out.append("Accepted ").append(changes.size()).append(changes.size() == 1 ? " answer" : " answers").append(" as ")
                    .append(decision.verdict().label().toLowerCase(Locale.ROOT)).append(" (").append(decision.score())
                    .append("/100): ");
            out.append(String.join(", ", changes.stream().map(c -> players.name(community, c.userId()) + " "
                    + (c.pointsDelta() >= 0 ? "+" : "") + c.pointsDelta()).toList()));
            out.append(" points.");
        } else {
            out.append("Rejected ").append(changes.size()).append(changes.size() == 1 ? " appeal" : " appeals")
                    .append(": the grades stand.");
        }
        out.append(changes.size() == 1 ? " The player was told privately." : " Each player was told privately.");
        addition.ifPresent(a -> out.append(learned
                ? " Added to the " + (a.kind() == BankOverlay.Kind.ACCEPT ? "accepted answers" : "misconceptions")
                + " of " + a.questionId() + ": \"" + a.text() + "\"; grading uses it from now on."
                : " " + a.questionId() + " already had \"" + a.text() + "\"; the bank is unchanged."));
        out.append(" `review` shows the next.");
        return out.toString();
    }

    private sealed interface BankCheck {
        record Ok(BankOverlay.Addition addition) implements BankCheck {
        }

        record Refused(Reply reply) implements BankCheck {
        }
    }

    /** The addition a decision teaches the bank, checked against the loader's rules so export stays valid. */
    private BankCheck bankAddition(ReviewItem lead, GradedAnswers.Answer answer, Decision decision) {
        Optional<Question> question = bank.bank().question(lead.questionId());
        if (question.isEmpty()) {
            return new BankCheck.Refused(refused("Question " + lead.questionId() + " is no longer in the bank, so `bank`"
                    + " cannot add to it; decide without `bank`. Nothing was changed."));
        }
        String text = decision.bankText().orElse(answer.text()).strip();
        if (text.isEmpty()) {
            return new BankCheck.Refused(refused("There is no text to add to the bank. Nothing was changed."));
        }
        if (text.length() > MAX_BANK_TEXT_LENGTH) {
            return new BankCheck.Refused(refused("That text is " + text.length() + " characters; the bank takes at most "
                    + MAX_BANK_TEXT_LENGTH + ". Give a shortened form: `bank <text>`. Nothing was changed."));
        }
        Question q = question.get();
        String key = BankOverlay.key(text);
        boolean right = BankOverlay.key(q.answer()).equals(key) || q.accept().stream().anyMatch(a -> BankOverlay.key(a).equals(key));
        boolean wrong = q.misconceptions().stream().anyMatch(m -> BankOverlay.key(m).equals(key));
        if (decision.outcome() == ReviewItem.Status.ACCEPTED) {
            if (wrong) {
                return new BankCheck.Refused(refused("\"" + text + "\" is one of " + q.id() + "'s misconceptions; it"
                        + " cannot be an accepted answer too. Nothing was changed."));
            }
            return new BankCheck.Ok(new BankOverlay.Addition(q.id(), BankOverlay.Kind.ACCEPT, text));
        }
        if (right) {
            return new BankCheck.Refused(refused("\"" + text + "\" is the reference or an accepted answer of " + q.id()
                    + "; a misconception must be a wrong claim. Nothing was changed."));
        }
        if (!wrong && q.misconceptions().size() >= BankOverlay.maxMisconceptions()) {
            return new BankCheck.Refused(refused(q.id() + " already has " + q.misconceptions().size()
                    + " misconceptions, the most a question may have. Decide without `bank`. Nothing was changed."));
        }
        return new BankCheck.Ok(new BankOverlay.Addition(q.id(), BankOverlay.Kind.MISCONCEPTION, text));
    }

    Reply skip(Caller caller, Optional<Long> named) {
        Target target = target(caller, named);
        if (target instanceof Target.Refused(Reply reply)) {
            return reply;
        }
        List<Long> ids = ((Target.Items) target).ids();
        Optional<Reply> settled = settledAlready(ids);
        if (settled.isPresent()) {
            return settled.get();
        }
        tx.executeWithoutResult(s -> items.requeue(ids, clock.instant()));
        return new Reply.Done("Skipped review #" + ids.getFirst() + (ids.size() > 1 ? " and the " + (ids.size() - 1)
                + " grouped with it" : "") + ": back of the queue. `review` shows the next.");
    }

    Reply split(Caller caller, Optional<Long> named) {
        Target target = target(caller, named);
        if (target instanceof Target.Refused(Reply reply)) {
            return reply;
        }
        List<Long> ids = ((Target.Items) target).ids();
        Optional<Reply> settled = settledAlready(ids);
        if (settled.isPresent()) {
            return settled.get();
        }
        long lead = ids.getFirst();
        String community = RoundService.communityKey(caller.channel());
        tx.executeWithoutResult(s -> {
            items.solo(lead);
            items.show(community, caller.userId(), List.of(lead));
        });
        ReviewItem item = items.item(lead).orElseThrow();
        return new Reply.ReviewItem("Review #" + lead + " now stands on its own; decide it alone"
                + (ids.size() > 1 ? ", the " + (ids.size() - 1) + " others stay in the queue" : "") + ".\n"
                + render(community, List.of(item), items.pendingCount(community)), lead, false);
    }

    private static Reply refused(String reason) {
        return new Reply.Refused(reason, HelpTexts.REVIEW_QUEUE.usage());
    }
}
