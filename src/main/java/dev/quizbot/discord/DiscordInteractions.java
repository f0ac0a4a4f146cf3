package dev.quizbot.discord;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.quizbot.bank.QuestionBankService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.ChatService;
import dev.quizbot.chat.Command;
import dev.quizbot.chat.Reply;
import dev.quizbot.grading.Grader;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Turns Discord interactions into core commands and the core's replies into interaction
 * responses. Discord wants every interaction acknowledged within 3 seconds, and JDA delivers
 * events on its gateway thread, so work that touches the core (database, grading) is deferred
 * at once and done on {@code work}; only the modal and autocomplete, which cannot be deferred
 * and need no core call, are answered on the gateway thread.
 */
class DiscordInteractions extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(DiscordInteractions.class);
    private static final EnumSet<Permission> NEEDED_TO_POST =
            EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);
    private static final int MAX_CHOICES = 25;
    private static final int MAX_CHOICE_NAME = 100;
    private static final String ONLY_IN_SERVERS = "quizbot runs inside servers: use /quiz in a server channel.";
    private static final String FAILED = "Something went wrong on quizbot's side; please try again in a moment.";

    private final ChatService chat;
    private final QuestionBankService bank;
    private final Executor work;
    private final MeterRegistry meters;

    DiscordInteractions(ChatService chat, QuestionBankService bank, Executor work, MeterRegistry meters) {
        this.chat = chat;
        this.bank = bank;
        this.work = work;
        this.meters = meters;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!QuizCommands.NAME.equals(event.getName())) {
            return;
        }
        if (event.getGuild() == null || event.getMember() == null) {
            event.reply(ONLY_IN_SERVERS).setEphemeral(true).queue();
            return;
        }
        Optional<Command> command = QuizCommands.translate(event.getSubcommandGroup(), event.getSubcommandName(),
                name -> Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsString));
        if (command.isEmpty()) {
            event.reply("quizbot does not know that command (yet); see `/quiz help`.").setEphemeral(true).queue();
            return;
        }
        if (command.get() instanceof Command.Ask) {
            EnumSet<Permission> missing = EnumSet.copyOf(NEEDED_TO_POST);
            missing.removeIf(p -> event.getGuild().getSelfMember().hasPermission(event.getGuildChannel(), p));
            if (!missing.isEmpty()) {
                event.reply("quizbot cannot post questions here: it needs "
                                + missing.stream().map(Permission::getName).collect(Collectors.joining(", "))
                                + " in this channel. Ask a server admin to grant them.")
                        .setEphemeral(true).queue();
                return;
            }
        }
        boolean publicly = QuizCommands.answersPublicly(command.get());
        Caller caller = caller(event, event.getMember());
        event.deferReply(!publicly).queue(null, failure -> log.warn("Interaction {} not acknowledged: {}",
                event.getId(), failure.toString()));
        work.execute(() -> respond(event.getHook(), caller, command.get(), publicly));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        OptionalLong appeal = DiscordIds.roundOfAppealButton(event.getComponentId());
        if (appeal.isPresent()) {
            openAppealForm(event, appeal.getAsLong());
            return;
        }
        Optional<DiscordIds.ReviewPress> review = DiscordIds.reviewPress(event.getComponentId());
        if (review.isPresent()) {
            decide(event, review.get());
            return;
        }
        boolean practice = DiscordIds.PRACTICE_ANSWER_BUTTON.equals(event.getComponentId());
        OptionalLong round = DiscordIds.roundOfAnswerButton(event.getComponentId());
        if (round.isEmpty() && !practice) {
            return;
        }
        // The post's title is cut to Discord's 256 characters; a longer question is in full in its description.
        // a practice reply shows the grade first and the next question last
        var embeds = event.getMessage().getEmbeds();
        String question = (practice ? embeds.reversed() : embeds).stream().findFirst()
                .map(embed -> embed.getDescription() != null ? embed.getDescription() : embed.getTitle())
                .orElse("Answer the question");
        TextInput answer = TextInput.create(DiscordIds.ANSWER_INPUT, TextInputStyle.PARAGRAPH)
                .setPlaceholder("Answer as you would in an interview: the key ideas, in your own words.")
                .setMaxLength(Grader.MAX_ANSWER_LENGTH)
                .setRequired(true)
                .build();
        String modalId = practice ? DiscordIds.PRACTICE_ANSWER_MODAL : DiscordIds.answerModal(round.getAsLong());
        event.replyModal(Modal.create(modalId, practice ? "Your practice answer" : "Your answer")
                        .addComponents(TextDisplay.of(DiscordRendering.clip(question, 4000)),
                                Label.of("Answer", answer))
                        .build())
                .queue(null, failure -> log.warn("Answer form {} not opened: {}", modalId, failure.toString()));
    }

    /** A review-queue button: the core checks the presser is an admin, as for the slash command. */
    private void decide(ButtonInteractionEvent event, DiscordIds.ReviewPress press) {
        if (event.getGuild() == null || event.getMember() == null) {
            event.reply(ONLY_IN_SERVERS).setEphemeral(true).queue();
            return;
        }
        Optional<Long> item = Optional.of(press.itemId());
        dev.quizbot.chat.ReviewAction action = switch (press.action()) {
            case "accept" -> new dev.quizbot.chat.ReviewAction.Accept(item, Optional.empty(), false, Optional.empty());
            case "reject" -> new dev.quizbot.chat.ReviewAction.Reject(item, Optional.empty(), false, Optional.empty());
            case "skip" -> new dev.quizbot.chat.ReviewAction.Skip(item);
            default -> new dev.quizbot.chat.ReviewAction.Split(item);
        };
        Caller caller = caller(event, event.getMember());
        event.deferReply(true).queue(null, failure -> log.warn("Review button {} not acknowledged: {}",
                event.getComponentId(), failure.toString()));
        work.execute(() -> respond(event.getHook(), caller, new Command.Review(action), false));
    }

    /** The appeal's short form: an optional reason, as long as the core takes. */
    private static void openAppealForm(ButtonInteractionEvent event, long roundId) {
        TextInput reason = TextInput.create(DiscordIds.APPEAL_INPUT, TextInputStyle.PARAGRAPH)
                .setPlaceholder("Optional: why you think the grade is wrong.")
                .setMaxLength(QuizCommands.MAX_REASON)
                .setRequired(false)
                .build();
        String modalId = DiscordIds.appealModal(roundId);
        event.replyModal(Modal.create(modalId, "Appeal your grade")
                        .addComponents(TextDisplay.of("An admin will look at your answer to round " + roundId
                                + " again; you'll hear the outcome privately."), Label.of("Reason", reason))
                        .build())
                .queue(null, failure -> log.warn("Appeal form {} not opened: {}", modalId, failure.toString()));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        OptionalLong appeal = DiscordIds.roundOfAppealModal(event.getModalId());
        if (appeal.isPresent()) {
            if (event.getGuild() == null || event.getMember() == null) {
                event.reply(ONLY_IN_SERVERS).setEphemeral(true).queue();
                return;
            }
            Optional<String> reason = Optional.ofNullable(event.getValue(DiscordIds.APPEAL_INPUT))
                    .map(ModalMapping::getAsString).filter(r -> !r.isBlank());
            Caller caller = caller(event, event.getMember());
            event.deferReply(true).queue(null, failure -> log.warn("Appeal {} not acknowledged: {}",
                    event.getModalId(), failure.toString()));
            work.execute(() -> respond(event.getHook(), caller, new Command.Appeal(Optional.of(appeal.getAsLong()), reason),
                    false));
            return;
        }
        boolean practice = DiscordIds.PRACTICE_ANSWER_MODAL.equals(event.getModalId());
        OptionalLong round = DiscordIds.roundOfAnswerModal(event.getModalId());
        if (round.isEmpty() && !practice) {
            return;
        }
        if (event.getGuild() == null || event.getMember() == null) {
            event.reply(ONLY_IN_SERVERS).setEphemeral(true).queue();
            return;
        }
        String text = Optional.ofNullable(event.getValue(DiscordIds.ANSWER_INPUT)).map(ModalMapping::getAsString)
                .orElse("");
        // Discord enforces the input's max length; the cut only guards against a client that does not.
        String cut = text.length() > Grader.MAX_ANSWER_LENGTH ? text.substring(0, Grader.MAX_ANSWER_LENGTH) : text;
        Command answer = practice ? new Command.PracticeAnswer(cut) : new Command.Answer(Optional.of(round.getAsLong()), cut);
        Caller caller = caller(event, event.getMember());
        event.deferReply(true).queue(null, failure -> log.warn("Answer {} not acknowledged: {}",
                event.getModalId(), failure.toString()));
        work.execute(() -> respond(event.getHook(), caller, answer, false));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!QuizCommands.NAME.equals(event.getName())) {
            return;
        }
        String typed = event.getFocusedOption().getValue().strip().toLowerCase(Locale.ROOT);
        List<net.dv8tion.jda.api.interactions.commands.Command.Choice> choices = switch (event.getFocusedOption().getName()) {
            case QuizCommands.OPTION_TOPIC -> bank.bank().topics().stream()
                    .filter(t -> t.slug().contains(typed) || t.name().toLowerCase(Locale.ROOT).contains(typed))
                    .limit(MAX_CHOICES)
                    .map(t -> choice(t.name() + " (" + t.slug() + ")", t.slug()))
                    .toList();
            case QuizCommands.OPTION_TIMEZONE -> timezones(typed);
            default -> List.of();
        };
        event.replyChoices(choices).queue(null, failure -> log.debug("Autocomplete not answered: {}", failure.toString()));
    }

    private void respond(InteractionHook hook, Caller caller, Command command, boolean deferredPublicly) {
        Reply reply;
        Timer.Sample sample = Timer.start(meters);
        try {
            reply = chat.handle(caller, command);
            sample.stop(meters.timer("quizbot.discord.commands", "command", command.getClass().getSimpleName(),
                    "outcome", reply.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            sample.stop(meters.timer("quizbot.discord.commands", "command", command.getClass().getSimpleName(),
                    "outcome", "Error"));
            log.error("{} from {} in {} failed", command.getClass().getSimpleName(), caller.userId(),
                    caller.channel().key(), e);
            reply = new Reply.Refused(FAILED, "");
        }
        MessageCreateData message = DiscordRendering.reply(reply);
        if (deferredPublicly && reply.isPrivate()) {
            // A refusal of a public command is nobody else's business: swap the public placeholder for a private note.
            hook.deleteOriginal().queue(null, failure -> log.debug("Placeholder not deleted: {}", failure.toString()));
            hook.sendMessage(message).setEphemeral(true).queue(null, failure -> undelivered(caller, failure));
        } else {
            hook.editOriginal(MessageEditData.fromCreateData(message)).queue(null, failure -> undelivered(caller, failure));
        }
    }

    private static void undelivered(Caller caller, Throwable failure) {
        log.warn("Reply to {} in {} not delivered: {}", caller.userId(), caller.channel().key(), failure.toString());
    }

    /** Manage Server is read from the member's current roles on every call, never remembered. */
    private static Caller caller(Interaction interaction, Member member) {
        return new Caller(new ChannelRef(DiscordAnnouncer.PLATFORM, interaction.getGuild().getId(),
                interaction.getChannelId()), member.getId(), member.getEffectiveName(),
                member.hasPermission(Permission.MANAGE_SERVER));
    }

    private static List<net.dv8tion.jda.api.interactions.commands.Command.Choice> timezones(String typed) {
        Stream<String> zones = ZoneId.getAvailableZoneIds().stream().sorted();
        if (typed.isEmpty()) {
            zones = Stream.of("UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
                    "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney");
        }
        return zones.filter(z -> z.toLowerCase(Locale.ROOT).contains(typed)).limit(MAX_CHOICES)
                .map(z -> choice(z, z)).toList();
    }

    private static net.dv8tion.jda.api.interactions.commands.Command.Choice choice(String name, String value) {
        return new net.dv8tion.jda.api.interactions.commands.Command.Choice(
                DiscordRendering.clip(name, MAX_CHOICE_NAME), value);
    }
}
