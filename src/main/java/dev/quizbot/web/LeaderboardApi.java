package dev.quizbot.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.chat.Period;
import dev.quizbot.chat.Scope;
import dev.quizbot.chat.Views;
import dev.quizbot.leaderboard.LeaderboardService;
import dev.quizbot.leaderboard.Publication;
import dev.quizbot.round.RoundService;

/**
 * The read-only JSON API behind the leaderboard page. Boards come from
 * {@link LeaderboardService#publicBoard}, so they rank exactly like the chat boards; rows carry
 * names and numbers, never user ids. Only communities an admin published
 * ({@code leaderboard publish on}) are listed or shown; any other answers 404 like an unknown one.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class LeaderboardApi {

    /** Ids are at most this long in storage; anything longer cannot match. */
    static final int MAX_ID_LENGTH = 120;
    /** The platforms' ids as the adapters file scores under them (ConsoleChat, DiscordAnnouncer, SlackUsers). */
    static final List<String> PLATFORMS = List.of("console", "discord", "slack");

    private final LeaderboardService leaderboards;
    private final QuestionBankService bank;
    private final WebNames names;
    private final Publication publication;
    private final PublishedCommunities published;

    LeaderboardApi(LeaderboardService leaderboards, QuestionBankService bank, WebNames names,
                   Publication publication, PublishedCommunities published) {
        this.leaderboards = leaderboards;
        this.publication = publication;
        this.published = published;
        this.bank = bank;
        this.names = names;
    }

    record Community(String platform, String id, String name, int players, List<WebNames.Channel> channels) {
    }

    record Communities(List<Community> communities) {
    }

    /** {@code first} and {@code last} are local days in {@code zone}, inclusive; both null for all time. */
    record Window(String zone, LocalDate first, LocalDate last) {
    }

    record Row(int rank, String name, double points, int answers, int correct, double accuracy) {
    }

    record Board(String platform, String community, String communityName, String scope, String period,
                 WebNames.Channel channel, Window window, List<Row> rows) {
    }

    record Topic(String slug, String name, String description, int questions, Map<String, Long> byDifficulty) {
    }

    record Topics(int questions, List<Topic> topics) {
    }

    @GetMapping("/communities")
    Communities communities() {
        Set<String> published = publication.published();
        return new Communities(leaderboards.scoredCommunities().stream()
                .filter(c -> published.contains(RoundService.communityKey(new ChannelRef(c.platform(), c.community(), ""))))
                .map(c -> new Community(c.platform(), c.community(), communityName(c.platform(), c.community()),
                        c.players(), leaderboards.scoredChannels(c.platform(), c.community()).stream()
                                .map(ch -> channel(c.platform(), c.community(), ch)).toList()))
                .toList());
    }

    @GetMapping("/leaderboards/{platform}/{community}")
    Board board(@PathVariable String platform, @PathVariable String community,
                @RequestParam(defaultValue = "server") String scope,
                @RequestParam(defaultValue = "week") String period,
                @RequestParam(required = false) String channel) {
        Scope parsedScope = parse(Scope.class, "scope", scope);
        Period parsedPeriod = parse(Period.class, "period", period);
        if (!PLATFORMS.contains(platform)) {
            throw ApiException.badRequest("Unknown platform '" + shorten(platform) + "'; use one of: "
                    + String.join(", ", PLATFORMS) + ".");
        }
        published.require(platform, community);
        boolean known = platform.length() <= MAX_ID_LENGTH && community.length() <= MAX_ID_LENGTH
                && leaderboards.hasScores(platform, community);
        if (!known) {
            throw ApiException.notFound("No scores yet in community '" + shorten(platform + "/" + community)
                    + "'. GET /api/communities lists the communities on the web.");
        }
        Optional<WebNames.Channel> shown = Optional.empty();
        String channelId = "";
        if (parsedScope == Scope.CHANNEL) {
            List<String> channels = leaderboards.scoredChannels(platform, community);
            if (channel == null || channel.isBlank()) {
                throw ApiException.badRequest("scope=channel needs a channel parameter; channels with scores here: "
                        + String.join(", ", channels) + ".");
            }
            if (!channels.contains(channel)) {
                throw ApiException.notFound("No scores yet in channel '" + shorten(channel) + "' of " + platform + "/"
                        + community + "; channels with scores here: " + String.join(", ", channels) + ".");
            }
            channelId = channel;
            shown = Optional.of(channel(platform, community, channel));
        }
        LeaderboardService.WindowedBoard windowed = leaderboards.publicBoard(
                new ChannelRef(platform, community, channelId), parsedScope, parsedPeriod);
        Views.Leaderboard board = windowed.board();
        Window window = new Window(board.zone(),
                windowed.window().map(LeaderboardService.Window::first).orElse(null),
                windowed.window().map(LeaderboardService.Window::last).orElse(null));
        List<Row> rows = board.rows().stream()
                .map(r -> new Row(r.rank(), r.name(), r.points(), r.answers(), r.correct(),
                        r.answers() == 0 ? 0 : Math.round(1000.0 * r.correct() / r.answers()) / 1000.0))
                .toList();
        return new Board(platform, community, communityName(platform, community), lower(parsedScope),
                lower(parsedPeriod), shown.orElse(null), window, rows);
    }

    @GetMapping("/topics")
    Topics topics() {
        QuestionBank current = bank.bank();
        Map<String, Map<String, Long>> byDifficulty = current.questions().stream()
                .collect(Collectors.groupingBy(q -> q.topic(),
                        Collectors.groupingBy(q -> lower(q.difficulty()), java.util.TreeMap::new, Collectors.counting())));
        List<Topic> topics = current.topics().stream()
                .map(t -> {
                    Map<String, Long> counts = byDifficulty.getOrDefault(t.slug(), Map.of());
                    int total = counts.values().stream().mapToInt(Long::intValue).sum();
                    return new Topic(t.slug(), t.name(), t.description(), total, counts);
                })
                .toList();
        return new Topics(current.size(), topics);
    }

    private String communityName(String platform, String community) {
        return names.community(platform, community);
    }

    private WebNames.Channel channel(String platform, String community, String channel) {
        return names.channel(platform, community, channel);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("Unknown " + parameter + " '" + shorten(value)
                        + "'; use one of: " + Arrays.stream(type.getEnumConstants()).map(LeaderboardApi::lower)
                        .collect(Collectors.joining(", ")) + "."));
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
