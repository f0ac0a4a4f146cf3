package dev.quizbot.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.quizbot.chat.ReviewAction;
import dev.quizbot.chat.Reply;
import dev.quizbot.review.ReviewBoard;
import dev.quizbot.review.ReviewLinks;

/**
 * The review queue of the community a review link opens (the link's holder is the
 * principal {@link WebSecurity} put there): its items, and the chat's decisions on one of them.
 * Items of other communities are unknown here, as in chat.
 */
@RestController
class ReviewApi {

    private final ReviewBoard board;

    ReviewApi(ReviewBoard board) {
        this.board = board;
    }

    record Item(long id, String kind, long round, String question, String reference, String player, String answer,
                String grade, int score, int points, String reason, String status, String decidedBy,
                Instant decidedAt, String note) {
        static Item of(ReviewBoard.Entry e) {
            return new Item(e.id(), e.kind(), e.roundId(), e.question(), e.reference(), e.player(), e.answer(), e.grade(),
                    e.score(), e.points(), e.reason().orElse(null), e.status(), e.decidedBy().orElse(null),
                    e.decidedAt().orElse(null), e.note().orElse(null));
        }
    }

    record Queue(String community, String admin, Instant linkExpires, int pendingCount, List<Item> pending,
                 List<Item> decided) {
    }

    @GetMapping("/api/review")
    Queue queue(@AuthenticationPrincipal ReviewLinks.Holder holder) {
        ReviewBoard.Listing listing = board.list(holder.communityKey());
        return new Queue(holder.communityKey(), holder.adminId(), holder.expires(), listing.pendingCount(),
                listing.pending().stream().map(Item::of).toList(), listing.decided().stream().map(Item::of).toList());
    }

    /** What a decision may carry; both optional, checked by the queue as in chat. */
    record Decision(Integer score, String note) {
    }

    record Outcome(String message) {
    }

    @PostMapping("/api/review/{id}/{action}")
    ResponseEntity<Outcome> decide(@AuthenticationPrincipal ReviewLinks.Holder holder, @PathVariable long id,
                                   @PathVariable String action, @RequestBody(required = false) Decision body) {
        if (!board.belongs(holder.communityKey(), id)) {
            throw ApiException.notFound("There is no review item #" + id + " here.");
        }
        Decision d = body == null ? new Decision(null, null) : body;
        Optional<Long> item = Optional.of(id);
        ReviewAction decision = switch (action) {
            case "accept" -> new ReviewAction.Accept(item, Optional.ofNullable(d.score()), false, Optional.empty());
            case "reject" -> new ReviewAction.Reject(item, Optional.ofNullable(d.note()), false, Optional.empty());
            case "skip" -> new ReviewAction.Skip(item);
            case "split" -> new ReviewAction.Split(item);
            default -> throw ApiException.notFound(
                    "Decisions are accept, reject, skip and split, not '" + shorten(action) + "'.");
        };
        return switch (board.decide(holder.communityKey(), holder.adminId(), decision)) {
            case Reply.Done done -> ResponseEntity.ok(new Outcome(done.message()));
            case Reply.ReviewItem shown -> ResponseEntity.ok(new Outcome(shown.text()));
            case Reply.Refused refused -> throw ApiException.conflict(refused.reason());
            default -> throw new IllegalStateException("unexpected reply to a review decision");
        };
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "…";
    }
}
