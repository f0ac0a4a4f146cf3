package dev.quizbot.review;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ReviewAction;
import dev.quizbot.chat.Reply;
import dev.quizbot.chat.Times;
import dev.quizbot.round.RoundService;
import dev.quizbot.scoring.CommunityZones;
import dev.quizbot.scoring.Players;

/**
 * The review feature's one door for the chat core: appeals from players, the queue for
 * admins (checked on every command, as schedules are), and the decisions a player's stats show.
 */
@Service
public class ReviewDesk {

    /** Decisions a player's stats list. */
    static final int DECISIONS_SHOWN = 5;

    private final Appeals appeals;
    private final ReviewQueue queue;
    private final ReviewRepository items;
    private final Players players;
    private final CommunityZones zones;
    private final ReviewLinks links;

    ReviewDesk(Appeals appeals, ReviewQueue queue, ReviewRepository items, Players players, CommunityZones zones,
               ReviewLinks links) {
        this.links = links;
        this.zones = zones;
        this.appeals = appeals;
        this.queue = queue;
        this.items = items;
        this.players = players;
    }

    public Reply appeal(Caller caller, Optional<Long> roundId, Optional<String> reason) {
        return appeals.appeal(caller, roundId, reason);
    }

    public Reply review(Caller caller, ReviewAction action) {
        if (!caller.admin()) {
            return new Reply.Refused("Only admins can review appealed and provisional grades: it needs the server's"
                    + " admin permission (Manage Server on Discord, workspace admin on Slack). To contest your own"
                    + " grade, use `appeal`.", "");
        }
        return switch (action) {
            case ReviewAction.Show s -> queue.show(caller);
            case ReviewAction.Accept a -> queue.accept(caller, a.item(), a.score(), a.toBank(), a.bankText());
            case ReviewAction.Reject r -> queue.reject(caller, r.item(), r.note(), r.toBank(), r.bankText());
            case ReviewAction.Skip s -> queue.skip(caller, s.item());
            case ReviewAction.Split s -> queue.split(caller, s.item());
            case ReviewAction.Web w -> links.offer(caller);
        };
    }

    /**
     * The latest decisions on a player's answers, one line each, for their stats. Others see
     * only decisions on rounds already revealed, as they see only those grades.
     */
    public List<String> decisions(Caller caller, String userId) {
        String community = RoundService.communityKey(caller.channel());
        String zone = zones.zone(community).getId();
        boolean own = userId.equals(caller.userId());
        return items.decisionsFor(community, userId, DECISIONS_SHOWN * 4).stream()
                .filter(d -> own || d.roundClosed())
                .limit(DECISIONS_SHOWN)
                .map(d -> "Round " + d.roundId() + ": " + d.outcome().name().toLowerCase(Locale.ROOT) + " by "
                        + players.name(community, d.adminId()) + " " + Times.dayAndTime(d.at(), zone) + ", "
                        + lower(d.verdictBefore()) + " " + d.pointsBefore() + " pts → " + lower(d.verdictAfter()) + " "
                        + d.pointsAfter() + " pts" + (d.pointsDelta() != d.pointsAfter() - d.pointsBefore()
                        ? " (" + (d.pointsDelta() >= 0 ? "+" : "") + d.pointsDelta() + " with streak bonuses)" : ""))
                .toList();
    }

    private static String lower(String verdict) {
        return verdict == null ? "ungraded" : verdict.toLowerCase(Locale.ROOT);
    }
}
