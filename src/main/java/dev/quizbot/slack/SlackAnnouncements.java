package dev.quizbot.slack;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.DeliveryFailed;
import dev.quizbot.chat.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * Renders the core's announcements for Slack channels: question posts, coalesced answer-count
 * edits, the closed state and the reveal, and schedule failures for whoever set the schedule.
 * A question post Slack refuses is reported to the core as {@link DeliveryFailed}, which
 * withdraws the round instead of leaving it open, unseen, until its deadline.
 * Each announcement is handled on its own virtual thread, so a channel that fails or is
 * rate-limited never holds up another.
 */
class SlackAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(SlackAnnouncements.class);
    private static final Duration POST_WAIT = Duration.ofSeconds(30);

    private final SlackApi api;
    private final RoundPosts posts;
    private final PostOutcomes outcomes;
    private final Executor work;
    private final SlackProperties properties;
    private final ApplicationEventPublisher events;
    private final AnswerCountCoalescer counts;
    private final Cache<Long, Boolean> closed = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(6)).maximumSize(10_000).build();
    /** Rounds whose post says "closing in 1 minute", so answer-count edits keep saying it. */
    private final Cache<Long, Boolean> closing = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(10_000).build();

    SlackAnnouncements(SlackApi api, RoundPosts posts, PostOutcomes outcomes, Executor work,
                       AnswerCountCoalescer.Delayer delayer, SlackProperties properties,
                       ApplicationEventPublisher events) {
        this.api = api;
        this.posts = posts;
        this.outcomes = outcomes;
        this.work = work;
        this.properties = properties;
        this.events = events;
        this.counts = new AnswerCountCoalescer(delayer, properties.answerCountInterval(),
                edit -> work.execute(() -> showCount(edit)));
    }

    @EventListener
    public void on(Announcement announcement) {
        if (!SlackUsers.PLATFORM.equals(announcement.channel().platform())) {
            return;
        }
        if (announcement instanceof Announcement.RoundOpened opened) {
            // Registered before returning so an /quiz ask waiting for this post finds it under way.
            outcomes.posting(opened.question().roundId());
        }
        work.execute(() -> {
            try {
                handle(announcement);
            } catch (RuntimeException e) {
                log.error("Could not show {} in Slack", announcement.getClass().getSimpleName(), e);
            }
        });
    }

    private void handle(Announcement announcement) {
        switch (announcement) {
            case Announcement.RoundOpened opened -> post(opened);
            case Announcement.AnswerCountChanged changed -> {
                if (closed.getIfPresent(changed.roundId()) == null) {
                    counts.changed(changed.channel(), changed.roundId(), changed.answerCount());
                }
            }
            case Announcement.ClosingSoon soon -> closingSoon(soon);
            case Announcement.RoundClosed roundClosed -> reveal(roundClosed);
            case Announcement.ScheduleFailed failed -> scheduleFailed(failed);
            // a user id as the channel posts to the app's direct-message conversation with that user
            case Announcement.PracticeReminder reminder -> api.<ChatPostMessageResponse>call("chat.postMessage",
                    c -> c.chatPostMessage(r -> r.channel(reminder.userId()).text(PracticeBlocks.reminder(reminder.due()))));
            case Announcement.LateGrade late -> lateGrade(late);
            // a user id as the channel: the app's direct messages with that person
            case Announcement.PrivateNotice notice -> api.<ChatPostMessageResponse>call("chat.postMessage",
                    c -> c.chatPostMessage(r -> r.channel(notice.userId())
                            .text(SlackText.escape(notice.text()) + " (" + channel(notice.channel()) + ")")));
        }
    }

    private void post(Announcement.RoundOpened opened) {
        Views.Question q = opened.question();
        SlackBlocks.Message message = SlackBlocks.question(q, true);
        SlackCall<ChatPostMessageResponse> call = api.call("chat.postMessage", c -> c.chatPostMessage(r -> r
                .channel(opened.channel().channel()).text(message.text()).blocks(message.blocks())));
        switch (call) {
            case SlackCall.Ok<ChatPostMessageResponse>(ChatPostMessageResponse response) -> {
                try {
                    posts.save(opened.channel(), response.getTs(), q);
                } finally {
                    // Whoever waits for this post hears of it even if recording it failed.
                    outcomes.complete(q.roundId(), new SlackCall.Ok<>(response.getTs()));
                }
            }
            case SlackCall.Failed<ChatPostMessageResponse> failed -> {
                try {
                    // Before the asker hears of it, so that asking again after inviting the bot is not
                    // refused because of the round nobody could see.
                    undeliverable(opened, failed);
                } finally {
                    outcomes.complete(q.roundId(), new SlackCall.Failed<>(failed.error()));
                }
                if (opened.scheduled()) {
                    alert("I could not post the scheduled question in " + channel(opened.channel()) + ": `"
                            + failed.error() + "`." + (failed.channelProblem()
                            ? " Invite me with `/invite @quizbot` or remove the schedule." : ""));
                }
            }
        }
    }

    private void undeliverable(Announcement.RoundOpened opened, SlackCall.Failed<?> failed) {
        log.warn("Round {} could not be posted to {}: {}", opened.question().roundId(), opened.channel().key(),
                failed.error());
        events.publishEvent(new DeliveryFailed(opened.channel(), opened.question().roundId(), opened.scheduled(),
                failed.reason()));
    }

    private void showCount(AnswerCountCoalescer.Edit edit) {
        if (closed.getIfPresent(edit.roundId()) != null) {
            return;
        }
        Optional<RoundPosts.RoundPost> post = postOf(edit.roundId());
        if (post.isEmpty()) {
            log.debug("No Slack message for round {}; answer count not shown", edit.roundId());
            return;
        }
        posts.updateAnswerCount(edit.roundId(), edit.answerCount());
        Views.Question q = withCount(post.get().question(), edit.answerCount());
        update(post.get(), SlackBlocks.question(q, true, closing.getIfPresent(edit.roundId()) != null));
    }

    /** The last call: the post's context line says the round closes within the minute. */
    private void closingSoon(Announcement.ClosingSoon soon) {
        long roundId = soon.question().roundId();
        if (closed.getIfPresent(roundId) != null) {
            return;
        }
        closing.put(roundId, Boolean.TRUE);
        postOf(roundId).ifPresent(p -> update(p, SlackBlocks.question(
                withCount(soon.question(), Math.max(soon.question().answerCount(), p.question().answerCount())), true, true)));
    }

    private void reveal(Announcement.RoundClosed roundClosed) {
        Views.Reveal reveal = roundClosed.reveal();
        closed.put(reveal.roundId(), Boolean.TRUE);
        counts.forget(reveal.roundId());
        Optional<RoundPosts.RoundPost> post = postOf(reveal.roundId());
        post.ifPresent(p -> update(p, SlackBlocks.question(withCount(p.question(), reveal.answered()), false)));
        String threadTs = properties.revealInThread() ? post.map(RoundPosts.RoundPost::messageTs).orElse(null) : null;
        SlackBlocks.Message message = SlackBlocks.reveal(reveal);
        SlackCall<ChatPostMessageResponse> call = api.call("chat.postMessage", c -> c.chatPostMessage(r -> r
                .channel(roundClosed.channel().channel()).threadTs(threadTs)
                .text(message.text()).blocks(message.blocks())));
        if (call instanceof SlackCall.Failed<ChatPostMessageResponse> failed && failed.channelProblem()) {
            alert("I could not post the answer reveal in " + channel(roundClosed.channel()) + ": `" + failed.error() + "`.");
        }
    }

    private void lateGrade(Announcement.LateGrade late) {
        SlackBlocks.Message message = SlackBlocks.lateGrade(late.feedback(), channel(late.channel()));
        // A user id as channel lands in the app's direct messages with that person: nobody else sees it.
        api.<ChatPostMessageResponse>call("chat.postMessage", c -> c.chatPostMessage(r -> r
                .channel(late.userId()).text(message.text()).blocks(message.blocks())));
    }

    private void scheduleFailed(Announcement.ScheduleFailed failed) {
        String text = ":warning: Schedule `#" + failed.scheduleId() + "` in " + channel(failed.channel())
                + " could not post a question: " + SlackText.escape(failed.reason());
        if (failed.ownerUserId() != null && !failed.ownerUserId().isBlank()) {
            // A user id as channel lands in the app's direct messages with that person.
            SlackCall<ChatPostMessageResponse> call = api.call("chat.postMessage",
                    c -> c.chatPostMessage(r -> r.channel(failed.ownerUserId()).text(text)));
            if (call instanceof SlackCall.Ok<?>) {
                return;
            }
        }
        alert(text);
    }

    private Optional<RoundPosts.RoundPost> postOf(long roundId) {
        Optional<RoundPosts.RoundPost> post = posts.find(roundId);
        if (post.isPresent()) {
            return post;
        }
        // Still being posted (a quick answer, a very short round): wait for it, then look again.
        return outcomes.awaitIfKnown(roundId, POST_WAIT).flatMap(outcome -> posts.find(roundId));
    }

    private void update(RoundPosts.RoundPost post, SlackBlocks.Message message) {
        api.<ChatUpdateResponse>call("chat.update", c -> c.chatUpdate(r -> r
                .channel(post.channel().channel()).ts(post.messageTs())
                .text(message.text()).blocks(message.blocks())));
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
