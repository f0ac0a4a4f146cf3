package dev.quizbot.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.ReviewAction;
import dev.quizbot.chat.Reply;
import dev.quizbot.round.GradedAnswers;
import dev.quizbot.scoring.Players;

/**
 * The review queue as the web page shows it: one community's pending and decided items, and
 * the chat's own decisions on them, taken through {@link ReviewDesk} so a decision on the web
 * regrades exactly as one in chat. The caller is the admin the link was given to.
 */
@Service
public class ReviewBoard {

    /** Items listed at most, of each kind. */
    static final int LISTED = 100;

    private final ReviewRepository items;
    private final GradedAnswers answers;
    private final Players players;
    private final ReviewDesk desk;

    ReviewBoard(ReviewRepository items, GradedAnswers answers, Players players, ReviewDesk desk) {
        this.items = items;
        this.answers = answers;
        this.players = players;
        this.desk = desk;
    }

    /** One item as the page lists it; the decision fields are empty while it is pending. */
    public record Entry(long id, String kind, long roundId, String question, String reference, String player,
                        String answer, String grade, int score, int points, Optional<String> reason, String status,
                        Optional<String> decidedBy, Optional<Instant> decidedAt, Optional<String> note) {
    }

    public record Listing(List<Entry> pending, List<Entry> decided, int pendingCount) {
    }

    public Listing list(String communityKey) {
        return new Listing(entries(communityKey, items.pending(communityKey, LISTED)),
                entries(communityKey, items.decided(communityKey, LISTED)), items.pendingCount(communityKey));
    }

    private List<Entry> entries(String community, List<ReviewItem> list) {
        List<Entry> out = new ArrayList<>();
        for (ReviewItem item : list) {
            answers.find(item.answerId()).ifPresent(a -> {
                var decided = item.decisionId().flatMap(items::decided);
                out.add(new Entry(item.id(), item.appealed() ? "appeal" : "provisional", a.round().id(),
                        a.round().questionText(), a.round().referenceAnswer(), players.name(community, a.userId()),
                        a.text(), a.verdict().map(v -> v.label().toLowerCase(Locale.ROOT)).orElse("ungraded"),
                        a.score(), a.points(), item.reason(), item.status().name().toLowerCase(Locale.ROOT),
                        decided.map(d -> players.name(community, d.adminId())), decided.map(ReviewRepository.Decided::at),
                        item.decisionId().flatMap(items::note)));
            });
        }
        return out;
    }

    /** Whether {@code itemId} is in the community's queue (pending or decided). */
    public boolean belongs(String communityKey, long itemId) {
        return items.item(itemId).filter(i -> i.communityKey().equals(communityKey)).isPresent();
    }

    /**
     * A decision by the link's admin, as {@code review <action> #item} in chat would make it;
     * the link is the proof that they are an admin of the community.
     */
    public Reply decide(String communityKey, String adminId, ReviewAction action) {
        int colon = communityKey.indexOf(':');
        ChannelRef where = new ChannelRef(communityKey.substring(0, colon), communityKey.substring(colon + 1), "web");
        return desk.review(new Caller(where, adminId, players.name(communityKey, adminId), true), action);
    }
}
