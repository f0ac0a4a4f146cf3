package dev.quizbot.discord;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quizbot.chat.Announcement;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.outbox.Delivery;
import dev.quizbot.outbox.DeliveryPort;
import dev.quizbot.outbox.DeliveryResult;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * The Discord delivery port: question posts with their Answer button, answer-count edits,
 * reveals, and private messages (schedule failures to the schedule's owner, late grades,
 * notices). Each call completes before the outbox records it, without JDA's own waiting: a
 * rate limit goes back to the outbox with Discord's retry-after, so a restart or another
 * instance carries on where this one stopped.
 */
class DiscordAnnouncer implements DeliveryPort {

    static final String PLATFORM = "discord";
    private static final Logger log = LoggerFactory.getLogger(DiscordAnnouncer.class);

    private final ShardManager discord;
    private final QuestionPosts posts;
    private final Duration answerCountInterval;

    DiscordAnnouncer(ShardManager discord, QuestionPosts posts, Duration answerCountInterval) {
        this.discord = discord;
        this.posts = posts;
        this.answerCountInterval = answerCountInterval;
    }

    /** A call Discord did not carry out, as the outbox should take it. */
    private static final class NotDelivered extends RuntimeException {
        final transient DeliveryResult result;

        NotDelivered(DeliveryResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Duration answerCountInterval() {
        return answerCountInterval;
    }

    @Override
    public boolean handles(ChannelRef channel) {
        // a guild's events and channels live on one shard; only the instance running it can post there
        try {
            long guild = Long.parseLong(channel.community());
            int total = discord.getShardsTotal();
            return total <= 0 || discord.getShardById((int) ((guild >> 22) % total)) != null;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        try {
            return switch (delivery.announcement()) {
                case Announcement.RoundOpened opened -> post(delivery, opened);
                case Announcement.AnswerCountChanged changed -> showAnswerCount(changed);
                case Announcement.ClosingSoon soon -> closingSoon(soon);
                case Announcement.RoundClosed closed -> reveal(closed);
                case Announcement.ScheduleFailed failed -> tellOwner(failed);
                case Announcement.PracticeReminder reminder -> direct(reminder.userId(),
                        PracticeRendering.reminder(reminder.due()), reminder.channel());
                case Announcement.LateGrade late -> tellLateGrade(late);
                case Announcement.PrivateNotice notice -> direct(notice.userId(),
                        DiscordRendering.clip(notice.text() + " (<#" + notice.channel().channel() + ">)",
                                DiscordRendering.Message.MAX_CONTENT), notice.channel());
            };
        } catch (NotDelivered not) {
            return not.result;
        }
    }

    private DeliveryResult post(Delivery delivery, Announcement.RoundOpened opened) {
        ChannelRef ref = opened.channel();
        long roundId = opened.question().roundId();
        // A try that posted and recorded the message but died before the outbox heard of it: done already.
        Optional<QuestionPosts.Post> earlier = posts.find(roundId);
        if (earlier.isPresent()) {
            return DeliveryResult.Delivered.as(earlier.get().messageId());
        }
        GuildMessageChannel channel = channel(ref).orElseThrow(() -> new NotDelivered(new DeliveryResult.Failed(
                "channel <#" + ref.channel() + "> no longer exists or quizbot was removed from the server")));
        Message message = complete(() -> channel.sendMessage(DiscordRendering.questionPost(opened.question(),
                        opened.scheduled()))
                // the outbox row is the nonce: Discord can tell a resend of the same post
                .setNonce("qb" + delivery.id()), ref);
        log.debug("Round {} posted as message {}", roundId, message.getId());
        posts.save(new QuestionPosts.Post(roundId, ref, message.getId(), opened.scheduled(), opened.question()));
        return DeliveryResult.Delivered.as(message.getId());
    }

    private DeliveryResult showAnswerCount(Announcement.AnswerCountChanged changed) {
        long roundId = changed.roundId();
        Optional<QuestionPosts.Post> post = posts.find(roundId);
        Optional<GuildMessageChannel> channel = post.flatMap(p -> channel(p.channel()));
        if (post.isEmpty() || channel.isEmpty()) {
            return DeliveryResult.Delivered.done();
        }
        log.debug("Showing {} answers on round {}", changed.answerCount(), roundId);
        complete(() -> channel.get().editMessageEmbedsById(post.get().messageId(), DiscordRendering.questionEmbed(
                post.get().question(), changed.answerCount(), false, post.get().scheduled())), changed.channel());
        return DeliveryResult.Delivered.done();
    }

    private DeliveryResult closingSoon(Announcement.ClosingSoon soon) {
        Optional<GuildMessageChannel> channel = channel(soon.channel());
        if (channel.isEmpty()) {
            return DeliveryResult.Delivered.done();
        }
        Message sent = complete(() -> channel.get().sendMessage(DiscordRendering.closingSoon(soon.question())),
                soon.channel());
        return DeliveryResult.Delivered.as(sent.getId());
    }

    private DeliveryResult reveal(Announcement.RoundClosed closed) {
        long roundId = closed.reveal().roundId();
        Optional<QuestionPosts.Post> post = posts.find(roundId);
        Optional<GuildMessageChannel> found = channel(closed.channel());
        if (found.isEmpty()) {
            log.warn("Reveal of round {} not posted: channel {} is gone", roundId, closed.channel().key());
            posts.remove(roundId);
            return new DeliveryResult.Failed("channel <#" + closed.channel().channel() + "> is gone");
        }
        GuildMessageChannel channel = found.get();
        // the closed state first: the Answer button goes even if the reveal has to wait for a rate limit
        post.ifPresent(p -> {
            try {
                complete(() -> channel.editMessageById(p.messageId(), new MessageEditBuilder()
                        .setEmbeds(DiscordRendering.questionEmbed(p.question(), closed.reveal().answered(), true,
                                p.scheduled()))
                        .setComponents(ActionRow.of(DiscordRendering.answerButton(roundId, true)))
                        .build()), closed.channel());
            } catch (NotDelivered not) {
                if (not.result instanceof DeliveryResult.RetryLater) {
                    throw not;
                }
                log.info("Question post of round {} not closed: {}", roundId, not.result);
            }
        });
        // Replying needs Read Message History; without it the reveal still goes out, just not as a reply.
        boolean reply = post.isPresent() && channel.getGuild().getSelfMember().hasPermission(channel,
                Permission.MESSAGE_HISTORY);
        Message sent = complete(() -> {
            var send = channel.sendMessageEmbeds(DiscordRendering.reveal(closed.reveal()));
            return reply ? send.setMessageReference(post.get().messageId()).failOnInvalidReply(false) : send;
        }, closed.channel());
        posts.remove(roundId);
        return DeliveryResult.Delivered.as(sent.getId());
    }

    private DeliveryResult tellLateGrade(Announcement.LateGrade late) {
        String text = "Your answer to round " + late.feedback().roundId() + " in <#" + late.channel().channel()
                + "> was stored before quizbot restarted and graded after it:";
        complete(() -> discord.retrieveUserById(late.userId())
                .flatMap(User::openPrivateChannel)
                .flatMap(dm -> dm.sendMessage(text).setEmbeds(DiscordRendering.feedback(late.feedback()))), late.channel());
        return DeliveryResult.Delivered.done();
    }

    private DeliveryResult tellOwner(Announcement.ScheduleFailed failed) {
        log.warn("Schedule {} in {} failed: {}", failed.scheduleId(), failed.channel().key(), failed.reason());
        if (failed.ownerUserId() == null || failed.ownerUserId().isBlank()) {
            return DeliveryResult.Delivered.done();
        }
        String text = "Your quiz schedule `" + failed.scheduleId() + "` in <#" + failed.channel().channel()
                + "> could not post: " + failed.reason()
                + "\nFix it, or remove the schedule with `/quiz schedule remove id:" + failed.scheduleId() + "`.";
        return direct(failed.ownerUserId(), DiscordRendering.clip(text, DiscordRendering.Message.MAX_CONTENT),
                failed.channel());
    }

    /** A direct message; {@code about} is the channel it concerns, named if Discord refuses. */
    private DeliveryResult direct(String userId, String text, ChannelRef about) {
        complete(() -> discord.retrieveUserById(userId)
                .flatMap(User::openPrivateChannel)
                .flatMap(dm -> dm.sendMessage(text)), about);
        return DeliveryResult.Delivered.done();
    }

    /** Runs one REST call to its end; what Discord refused becomes a {@link NotDelivered}. */
    private static <T> T complete(java.util.function.Supplier<RestAction<T>> action, ChannelRef where) {
        try {
            return action.get().complete(false);
        } catch (RateLimitedException limited) {
            throw new NotDelivered(DeliveryResult.RetryLater.after(Duration.ofMillis(limited.getRetryAfter()),
                    "Discord rate limit (retry after " + limited.getRetryAfter() + " ms)"));
        } catch (ErrorResponseException error) {
            String reason = DiscordFailures.describe(error, where.channel());
            throw new NotDelivered(error.isServerError() || error.getErrorCode() == -1
                    ? DeliveryResult.RetryLater.backoff(reason) : new DeliveryResult.Failed(reason));
        } catch (InsufficientPermissionException missing) {
            // JDA checks cached permissions before sending and throws at once when one is missing
            throw new NotDelivered(new DeliveryResult.Failed(DiscordFailures.describe(missing, where.channel())));
        } catch (RuntimeException e) {
            // network trouble and the like: worth another try
            throw new NotDelivered(DeliveryResult.RetryLater.backoff(DiscordFailures.describe(e, where.channel())));
        }
    }

    private Optional<GuildMessageChannel> channel(ChannelRef ref) {
        try {
            return Optional.ofNullable(discord.getChannelById(GuildMessageChannel.class, ref.channel()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
