package dev.quizbot.discord;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.DeliveryFailed;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * Renders the core's announcements for Discord channels: question posts with their Answer
 * button, coalesced answer-count edits, reveals, and schedule failures sent to the schedule's
 * owner. Every Discord call is asynchronous and every failure stays with its own channel: one
 * guild's missing permission never delays or stops another guild's round.
 */
class DiscordAnnouncer {

    static final String PLATFORM = "discord";
    private static final Logger log = LoggerFactory.getLogger(DiscordAnnouncer.class);

    private final ShardManager discord;
    private final QuestionPosts posts;
    private final AnswerCountEdits answerCounts;
    private final ApplicationEventPublisher events;

    DiscordAnnouncer(ShardManager discord, QuestionPosts posts, ScheduledExecutorService scheduler,
                     Duration answerCountEditInterval, ApplicationEventPublisher events) {
        this.discord = discord;
        this.posts = posts;
        this.answerCounts = new AnswerCountEdits(scheduler, answerCountEditInterval, this::showAnswerCount);
        this.events = events;
    }

    @EventListener
    void on(Announcement announcement) {
        if (!PLATFORM.equals(announcement.channel().platform())) {
            return;
        }
        // The core publishes synchronously; nothing here may throw back into a round.
        try {
            switch (announcement) {
                case Announcement.RoundOpened opened -> post(opened);
                case Announcement.AnswerCountChanged changed -> answerCounts.changed(changed.roundId(), changed.answerCount());
                case Announcement.ClosingSoon soon -> closingSoon(soon);
                case Announcement.RoundClosed closed -> reveal(closed);
                case Announcement.ScheduleFailed failed -> tellOwner(failed);
                case Announcement.PracticeReminder reminder -> remind(reminder);
                case Announcement.LateGrade late -> tellLateGrade(late);
                case Announcement.PrivateNotice notice -> tellPrivately(notice);
            }
        } catch (RuntimeException e) {
            log.warn("Could not render {} for {}: {}", announcement.getClass().getSimpleName(),
                    announcement.channel().key(), e.toString());
        }
    }

    private void post(Announcement.RoundOpened opened) {
        ChannelRef ref = opened.channel();
        long roundId = opened.question().roundId();
        Optional<GuildMessageChannel> channel = channel(ref);
        if (channel.isEmpty()) {
            undeliverable(ref, roundId, opened.scheduled(),
                    "channel <#" + ref.channel() + "> no longer exists or quizbot was removed from the server");
            return;
        }
        try {
            channel.get().sendMessage(DiscordRendering.questionPost(opened.question(), opened.scheduled())).queue(
                    message -> savePost(new QuestionPosts.Post(roundId, ref, message.getId(), opened.scheduled(),
                            opened.question())),
                    failure -> undeliverable(ref, roundId, opened.scheduled(),
                            DiscordFailures.describe(failure, ref.channel())));
        } catch (RuntimeException e) {
            // JDA checks cached permissions before sending and throws at once when one is missing.
            undeliverable(ref, roundId, opened.scheduled(), DiscordFailures.describe(e, ref.channel()));
        }
    }

    private void savePost(QuestionPosts.Post post) {
        log.debug("Round {} posted as message {}", post.roundId(), post.messageId());
        posts.save(post);
        answerCounts.posted(post.roundId());
    }

    private void undeliverable(ChannelRef ref, long roundId, boolean scheduled, String reason) {
        log.warn("Round {} could not be posted to {}: {}", roundId, ref.key(), reason);
        events.publishEvent(new DeliveryFailed(ref, roundId, scheduled, reason));
    }

    private void showAnswerCount(long roundId, int answerCount) {
        log.debug("Showing {} answers on round {}", answerCount, roundId);
        posts.find(roundId).ifPresent(post -> channel(post.channel()).ifPresent(channel ->
                channel.editMessageEmbedsById(post.messageId(),
                                DiscordRendering.questionEmbed(post.question(), answerCount, false, post.scheduled()))
                        .queue(null, failure -> log.info("Answer count of round {} not updated: {}", roundId,
                                DiscordFailures.describe(failure, post.channel().channel())))));
    }

    private void closingSoon(Announcement.ClosingSoon soon) {
        long roundId = soon.question().roundId();
        channel(soon.channel()).ifPresent(channel -> channel.sendMessage(DiscordRendering.closingSoon(soon.question()))
                .queue(null, failure -> log.info("Closing notice of round {} not posted: {}", roundId,
                        DiscordFailures.describe(failure, soon.channel().channel()))));
    }

    private void reveal(Announcement.RoundClosed closed) {
        long roundId = closed.reveal().roundId();
        answerCounts.forget(roundId);
        Optional<QuestionPosts.Post> post = posts.find(roundId);
        Optional<GuildMessageChannel> channel = channel(closed.channel());
        if (channel.isEmpty()) {
            log.warn("Reveal of round {} not posted: channel {} is gone", roundId, closed.channel().key());
            post.ifPresent(p -> posts.remove(roundId));
            return;
        }
        post.ifPresent(p -> channel.get().editMessageById(p.messageId(), new MessageEditBuilder()
                        .setEmbeds(DiscordRendering.questionEmbed(p.question(), closed.reveal().answered(), true,
                                p.scheduled()))
                        .setComponents(ActionRow.of(DiscordRendering.answerButton(roundId, true)))
                        .build())
                .queue(null, failure -> log.info("Question post of round {} not closed: {}", roundId,
                        DiscordFailures.describe(failure, closed.channel().channel()))));
        try {
            var send = channel.get().sendMessageEmbeds(DiscordRendering.reveal(closed.reveal()));
            // Replying needs Read Message History; without it the reveal still goes out, just not as a reply.
            if (post.isPresent()
                    && channel.get().getGuild().getSelfMember().hasPermission(channel.get(), Permission.MESSAGE_HISTORY)) {
                send = send.setMessageReference(post.get().messageId()).failOnInvalidReply(false);
            }
            send.queue(message -> posts.remove(roundId), failure -> log.warn("Reveal of round {} not posted: {}",
                    roundId, DiscordFailures.describe(failure, closed.channel().channel())));
        } catch (RuntimeException e) {
            log.warn("Reveal of round {} not posted: {}", roundId, DiscordFailures.describe(e, closed.channel().channel()));
        }
    }

    private void tellLateGrade(Announcement.LateGrade late) {
        String text = "Your answer to round " + late.feedback().roundId() + " in <#" + late.channel().channel()
                + "> was stored before quizbot restarted and graded after it:";
        discord.retrieveUserById(late.userId())
                .flatMap(User::openPrivateChannel)
                .flatMap(dm -> dm.sendMessage(text).setEmbeds(DiscordRendering.feedback(late.feedback())))
                .queue(null, failure -> log.warn("Could not tell user {} the late grade of round {}: {}",
                        late.userId(), late.feedback().roundId(), failure.toString()));
    }

    private void tellPrivately(Announcement.PrivateNotice notice) {
        String text = notice.text() + " (<#" + notice.channel().channel() + ">)";
        discord.retrieveUserById(notice.userId())
                .flatMap(User::openPrivateChannel)
                .flatMap(dm -> dm.sendMessage(DiscordRendering.clip(text, DiscordRendering.Message.MAX_CONTENT)))
                .queue(null, failure -> log.warn("Could not send user {} a private notice: {}", notice.userId(),
                        failure.toString()));
    }

    private void tellOwner(Announcement.ScheduleFailed failed) {
        log.warn("Schedule {} in {} failed: {}", failed.scheduleId(), failed.channel().key(), failed.reason());
        if (failed.ownerUserId() == null || failed.ownerUserId().isBlank()) {
            return;
        }
        String text = "Your quiz schedule `" + failed.scheduleId() + "` in <#" + failed.channel().channel()
                + "> could not post: " + failed.reason()
                + "\nFix it, or remove the schedule with `/quiz schedule remove id:" + failed.scheduleId() + "`.";
        discord.retrieveUserById(failed.ownerUserId())
                .flatMap(User::openPrivateChannel)
                .flatMap(dm -> dm.sendMessage(DiscordRendering.clip(text, DiscordRendering.Message.MAX_CONTENT)))
                .queue(null, failure -> log.warn("Could not tell user {} that schedule {} failed: {}",
                        failed.ownerUserId(), failed.scheduleId(), failure.toString()));
    }

    private void remind(Announcement.PracticeReminder reminder) {
        discord.retrieveUserById(reminder.userId())
                .flatMap(User::openPrivateChannel)
                .flatMap(dm -> dm.sendMessage(PracticeRendering.reminder(reminder.due())))
                .queue(null, failure -> log.warn("Practice reminder for user {} not delivered: {}", reminder.userId(),
                        failure.toString()));
    }

    private Optional<GuildMessageChannel> channel(ChannelRef ref) {
        try {
            return Optional.ofNullable(discord.getChannelById(GuildMessageChannel.class, ref.channel()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    void close() {
        answerCounts.close();
    }
}
