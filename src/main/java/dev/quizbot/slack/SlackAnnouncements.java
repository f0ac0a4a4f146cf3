package dev.quizbot.slack;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Views;
import dev.quizbot.outbox.Delivery;
import dev.quizbot.outbox.DeliveryPort;
import dev.quizbot.outbox.DeliveryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack delivery port: renders what the outbox hands over (question posts, answer-count
 * edits, the closed state and the reveal, private notices, schedule failures for whoever set
 * the schedule) with one Web API call each, no waiting: a rate limit goes back to the outbox
 * with Slack's {@code Retry-After}, a refusal as a failure, which for a question post withdraws
 * the round. The outbox runs each delivery on a thread of its own, so a channel that fails or
 * is rate-limited never holds up another.
 */
class SlackAnnouncements implements DeliveryPort {

    private static final Logger log = LoggerFactory.getLogger(SlackAnnouncements.class);

    private final SlackApi api;
    private final RoundPosts posts;
    private final PostOutcomes outcomes;
    private final SlackProperties properties;
    /** Rounds whose post says "closing in 1 minute", so answer-count edits keep saying it. */
    private final Cache<Long, Boolean> closing = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(10_000).build();
    /** Slack's error for a question post it refused, until the outbox gives the post up. */
    private final Cache<Long, String> refused = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(10_000).build();

    SlackAnnouncements(SlackApi api, RoundPosts posts, PostOutcomes outcomes, SlackProperties properties) {
        this.api = api;
        this.posts = posts;
        this.outcomes = outcomes;
        this.properties = properties;
    }

    @Override
    public String platform() {
        return SlackUsers.PLATFORM;
    }

    @Override
    public Duration answerCountInterval() {
        return properties.answerCountInterval();
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        return switch (delivery.announcement()) {
            case Announcement.RoundOpened opened -> post(opened);
            case Announcement.AnswerCountChanged changed -> showCount(changed);
            case Announcement.ClosingSoon soon -> closingSoon(soon);
            case Announcement.RoundClosed roundClosed -> reveal(roundClosed);
            case Announcement.ScheduleFailed failed -> scheduleFailed(failed);
            // a user id as the channel posts to the app's direct-message conversation with that user
            case Announcement.PracticeReminder reminder -> result(api.<ChatPostMessageResponse>callOnce("chat.postMessage",
                    c -> c.chatPostMessage(r -> r.channel(reminder.userId()).text(PracticeBlocks.reminder(reminder.due())))));
            case Announcement.LateGrade late -> lateGrade(late);
            case Announcement.PrivateNotice notice -> result(api.<ChatPostMessageResponse>callOnce("chat.postMessage",
                    c -> c.chatPostMessage(r -> r.channel(notice.userId()).text(SlackText.escape(notice.text()) + " (" + channel(notice.channel()) + ")"))));
        };
    }

    /** The outbox gave a question post up: whoever asked for it hears why, and a scheduled one is alerted. */
    @Override
    public void gaveUp(Delivery delivery, String reason) {
        if (!(delivery.announcement() instanceof Announcement.RoundOpened opened)) {
            return;
        }
        long roundId = opened.question().roundId();
        String error = Optional.ofNullable(refused.getIfPresent(roundId)).orElse("ratelimited");
        refused.invalidate(roundId);
        // after the outbox withdrew the round: asking again after inviting the bot is not refused over it
        outcomes.complete(roundId, new SlackCall.Failed<>(error));
        if (opened.scheduled()) {
            SlackCall.Failed<?> failed = new SlackCall.Failed<>(error);
            alert("I could not post the scheduled question in " + channel(opened.channel()) + ": `" + error + "`."
                    + (failed.channelProblem() ? " Invite me with `/invite @quizbot` or remove the schedule." : ""));
        }
    }

    private DeliveryResult post(Announcement.RoundOpened opened) {
        Views.Question q = opened.question();
        // A try that posted and recorded the message but died before the outbox heard of it: done already.
        Optional<RoundPosts.RoundPost> earlier = posts.find(q.roundId());
        if (earlier.isPresent()) {
            outcomes.complete(q.roundId(), new SlackCall.Ok<>(earlier.get().messageTs()));
            return DeliveryResult.Delivered.as(earlier.get().messageTs());
        }
        SlackBlocks.Message message = SlackBlocks.question(q, true);
        SlackCall<ChatPostMessageResponse> call = api.callOnce("chat.postMessage", c -> c.chatPostMessage(r -> r
                .channel(opened.channel().channel()).text(message.text()).blocks(message.blocks())));
        if (call instanceof SlackCall.Ok<ChatPostMessageResponse>(ChatPostMessageResponse response)) {
            try {
                posts.save(opened.channel(), response.getTs(), q);
            } finally {
                // Whoever waits for this post hears of it even if recording it failed.
                outcomes.complete(q.roundId(), new SlackCall.Ok<>(response.getTs()));
            }
            return DeliveryResult.Delivered.as(response.getTs());
        }
        if (call instanceof SlackCall.Failed<ChatPostMessageResponse> failed && !failed.transientError()) {
            log.warn("Round {} could not be posted to {}: {}", q.roundId(), opened.channel().key(), failed.error());
            refused.put(q.roundId(), failed.error());
        }
        return result(call);
    }

    private DeliveryResult showCount(Announcement.AnswerCountChanged changed) {
        Optional<RoundPosts.RoundPost> post = posts.find(changed.roundId());
        if (post.isEmpty()) {
            log.debug("No Slack message for round {}; answer count not shown", changed.roundId());
            return DeliveryResult.Delivered.done();
        }
        posts.updateAnswerCount(changed.roundId(), changed.answerCount());
        Views.Question q = withCount(post.get().question(), changed.answerCount());
        return update(post.get(), SlackBlocks.question(q, true, closing.getIfPresent(changed.roundId()) != null));
    }

    /** The last call: the post's context line says the round closes within the minute. */
    private DeliveryResult closingSoon(Announcement.ClosingSoon soon) {
        long roundId = soon.question().roundId();
        closing.put(roundId, Boolean.TRUE);
        return posts.find(roundId).map(p -> update(p, SlackBlocks.question(
                        withCount(soon.question(), Math.max(soon.question().answerCount(), p.question().answerCount())),
                        true, true)))
                .orElseGet(DeliveryResult.Delivered::done);
    }

    private DeliveryResult reveal(Announcement.RoundClosed roundClosed) {
        Views.Reveal reveal = roundClosed.reveal();
        Optional<RoundPosts.RoundPost> post = posts.find(reveal.roundId());
        if (post.isPresent()) {
            // the closed state first: the Answer button goes even if the reveal has to wait for a rate limit
            DeliveryResult closed = update(post.get(), SlackBlocks.question(withCount(post.get().question(),
                    reveal.answered()), false));
            if (closed instanceof DeliveryResult.RetryLater) {
                return closed;
            }
        }
        String threadTs = properties.revealInThread() ? post.map(RoundPosts.RoundPost::messageTs).orElse(null) : null;
        SlackBlocks.Message message = SlackBlocks.reveal(reveal);
        SlackCall<ChatPostMessageResponse> call = api.callOnce("chat.postMessage", c -> c.chatPostMessage(r -> r
                .channel(roundClosed.channel().channel()).threadTs(threadTs)
                .text(message.text()).blocks(message.blocks())));
        if (call instanceof SlackCall.Failed<ChatPostMessageResponse> failed && failed.channelProblem()) {
            alert("I could not post the answer reveal in " + channel(roundClosed.channel()) + ": `" + failed.error() + "`.");
        }
        return result(call);
    }

    private DeliveryResult lateGrade(Announcement.LateGrade late) {
        SlackBlocks.Message message = SlackBlocks.lateGrade(late.feedback(), channel(late.channel()));
        // A user id as channel lands in the app's direct messages with that person: nobody else sees it.
        return result(api.<ChatPostMessageResponse>callOnce("chat.postMessage", c -> c.chatPostMessage(r -> r
                .channel(late.userId()).text(message.text()).blocks(message.blocks()))));
    }

    private DeliveryResult scheduleFailed(Announcement.ScheduleFailed failed) {
        String text = ":warning: Schedule `#" + failed.scheduleId() + "` in " + channel(failed.channel())
                + " could not post a question: " + SlackText.escape(failed.reason());
        if (failed.ownerUserId() != null && !failed.ownerUserId().isBlank()) {
            // A user id as channel lands in the app's direct messages with that person.
            SlackCall<ChatPostMessageResponse> call = api.callOnce("chat.postMessage",
                    c -> c.chatPostMessage(r -> r.channel(failed.ownerUserId()).text(text)));
            if (call instanceof SlackCall.RateLimited<?>) {
                return result(call);
            }
            if (call instanceof SlackCall.Ok<?>) {
                return DeliveryResult.Delivered.done();
            }
        }
        alert(text);
        return DeliveryResult.Delivered.done();
    }

    private DeliveryResult update(RoundPosts.RoundPost post, SlackBlocks.Message message) {
        return result(api.<ChatUpdateResponse>callOnce("chat.update", c -> c.chatUpdate(r -> r
                .channel(post.channel().channel()).ts(post.messageTs())
                .text(message.text()).blocks(message.blocks()))));
    }

    /** A Web API outcome as the outbox sees it: retried when it may pass, given up when it will not. */
    private static DeliveryResult result(SlackCall<?> call) {
        return switch (call) {
            case SlackCall.Ok<?> ok -> ok.response() instanceof ChatPostMessageResponse posted
                    ? DeliveryResult.Delivered.as(posted.getTs()) : DeliveryResult.Delivered.done();
            case SlackCall.RateLimited<?> limited -> DeliveryResult.RetryLater.after(limited.retryAfter(),
                    "Slack rate limit (Retry-After " + limited.retryAfter().toSeconds() + " s)");
            case SlackCall.Failed<?> failed -> failed.transientError()
                    ? DeliveryResult.RetryLater.backoff(failed.reason()) : new DeliveryResult.Failed(failed.reason());
        };
    }

    /** Failures nobody in the conversation can see go to the configured alerts channel, and the log. */
    private void alert(String text) {
        log.warn("Slack: {}", text);
        String alerts = properties.alertsChannel();
        if (SlackProperties.present(alerts)) {
            api.<ChatPostMessageResponse>call("chat.postMessage", c -> c.chatPostMessage(r -> r.channel(alerts).text(text)));
        }
    }

    private static Views.Question withCount(Views.Question q, int answerCount) {
        return new Views.Question(q.roundId(), q.questionId(), q.topic(), q.topicName(), q.difficulty(), q.text(),
                q.closesAt(), answerCount, q.zone(), q.timeLeft());
    }

    private static String channel(ChannelRef channel) {
        return "<#" + channel.channel() + ">";
    }
}
