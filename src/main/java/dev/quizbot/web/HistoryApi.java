package dev.quizbot.web;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBankService;
import dev.quizbot.bank.Topic;
import dev.quizbot.chat.ChannelRef;
import dev.quizbot.history.PlayedRound;
import dev.quizbot.history.PlayerHistory;
import dev.quizbot.history.RevealStats;
import dev.quizbot.history.RoundHistory;
import dev.quizbot.history.TopicRecord;
import dev.quizbot.history.WeekPoint;
import dev.quizbot.scoring.CommunityZones;

/**
 * Player, team and round-history pages' JSON API, for published communities only. Players and
 * teams are named by display name, as on the boards; results carry verdicts and points, never
 * answer texts, and only rounds that closed with their reveal appear.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class HistoryApi {

    static final Set<Integer> WEEK_CHOICES = Set.of(4, 12, 26, 52);
    static final int MAX_NAME_LENGTH = 120;
    /** How many topics the strongest and weakest lists hold, as in chat stats. */
    static final int TOPICS_SHOWN = 3;

    private final PublishedCommunities published;
    private final PlayerHistory players;
    private final RoundHistory rounds;
    private final WebNames names;
    private final QuestionBankService bank;
    private final CommunityZones zones;

    HistoryApi(PublishedCommunities published, PlayerHistory players, RoundHistory rounds, WebNames names,
               QuestionBankService bank, CommunityZones zones) {
        this.published = published;
        this.players = players;
        this.rounds = rounds;
        this.names = names;
        this.bank = bank;
        this.zones = zones;
    }

    record Week(String week, int answers, int correct, double accuracy, long points) {
    }

    record TopicView(String slug, String name, int answers, int correct, double accuracy, long points) {
    }

    record Round(long id, WebNames.Channel channel, String questionId, String topic, String topicName,
                 String difficulty, String question, String referenceAnswer, String openedAt, String closedAt,
                 int answered, int correct, int partial, int incorrect, double meanScore, String commonMistake) {
    }

    record Result(String name, String verdict, int score, int points) {
    }

    record Played(Round round, List<Result> results) {
    }

    record Member(String name, int answers, int correct, double accuracy, long points) {
    }

    /** {@code members} is null for a player. */
    record Profile(String kind, String platform, String community, String communityName, String name, String zone,
                   int answers, int correct, double accuracy, long points, List<Week> weeks, List<TopicView> topics,
                   List<String> strongest, List<String> weakest, List<Played> recent, List<Member> members) {
    }

    record RoundPage(String platform, String community, String communityName, WebNames.Channel channel, int total,
                     int page, int size, int pages, List<Round> rounds) {
    }

    @GetMapping("/players/{platform}/{community}")
    Profile player(@PathVariable String platform, @PathVariable String community, @RequestParam String name,
                   @RequestParam(defaultValue = "12") int weeks) {
        String key = published.require(platform, community);
        int span = weeks(weeks);
        PlayerHistory.Record record = players.player(key, bounded(name), span)
                .orElseThrow(() -> ApiException.notFound("Nobody called '" + LeaderboardApi.shorten(name)
                        + "' has answered in " + names.community(platform, community) + "."));
        return profile("player", platform, community, key, record, null);
    }

    @GetMapping("/teams/{platform}/{community}")
    Profile team(@PathVariable String platform, @PathVariable String community, @RequestParam String name,
                 @RequestParam(defaultValue = "12") int weeks) {
        String key = published.require(platform, community);
        int span = weeks(weeks);
        PlayerHistory.TeamRecord team = players.team(key, bounded(name), span)
                .orElseThrow(() -> ApiException.notFound("There is no team called '" + LeaderboardApi.shorten(name)
                        + "' in " + names.community(platform, community) + "."));
        return profile("team", platform, community, key, team.record(), team.members().stream()
                .map(m -> new Member(m.name(), m.answers(), m.correct(), ratio(m.correct(), m.answers()), m.points()))
                .toList());
    }

    @GetMapping("/rounds/{platform}/{community}/{channel}")
    RoundPage channelRounds(@PathVariable String platform, @PathVariable String community,
                            @PathVariable String channel, @RequestParam(defaultValue = "1") int page,
                            @RequestParam(defaultValue = "20") int size) {
        published.require(platform, community);
        if (page < 1) {
            throw ApiException.badRequest("page counts from 1; got " + page + ".");
        }
        if (size < 1 || size > RoundHistory.MAX_PAGE_SIZE) {
            throw ApiException.badRequest("size is 1 to " + RoundHistory.MAX_PAGE_SIZE + "; got " + size + ".");
        }
        RoundHistory.Page found = rounds.channel(new ChannelRef(platform, community, bounded(channel)), page - 1, size);
        return new RoundPage(platform, community, names.community(platform, community),
                names.channel(platform, community, channel), found.total(), page, size,
                Math.max(1, (found.total() + size - 1) / size),
                found.rounds().stream().map(r -> round(platform, community, r)).toList());
    }

    private Profile profile(String kind, String platform, String community, String key, PlayerHistory.Record record,
                            List<Member> members) {
        List<TopicView> topics = record.topics().stream().map(this::topic).toList();
        return new Profile(kind, platform, community, names.community(platform, community), record.name(),
                zones.zone(key).getId(), record.answers(), record.correct(), ratio(record.correct(), record.answers()),
                record.points(), record.weeks().stream().map(HistoryApi::week).toList(), topics,
                topics.stream().filter(t -> t.accuracy() >= 0.5).limit(TOPICS_SHOWN).map(TopicView::slug).toList(),
                topics.reversed().stream().filter(t -> t.accuracy() < 0.5).limit(TOPICS_SHOWN).map(TopicView::slug)
                        .toList(),
                record.recent().stream().map(p -> played(platform, community, p)).toList(), members);
    }

    private Played played(String platform, String community, PlayedRound played) {
        return new Played(round(platform, community, played.reveal()), played.results().stream()
                .map(r -> new Result(r.name(), r.verdict(), r.score(), r.points())).toList());
    }

    private Round round(String platform, String community, RevealStats r) {
        return new Round(r.roundId(), names.channel(platform, community, r.channel()), r.questionId(), r.topic(),
                topicName(r.topic()), r.difficulty().slug(), r.question(), r.referenceAnswer(),
                r.openedAt().toString(), r.closedAt().toString(), r.answered(), r.correct(), r.partial(),
                r.incorrect(), r.meanScore(),
                // shown at the reveal too; null once the question has left the bank or lists none
                bank.bank().question(r.questionId()).flatMap(Question::commonMistake).orElse(null));
    }

    private TopicView topic(TopicRecord t) {
        return new TopicView(t.topic(), topicName(t.topic()), t.answers(), t.correct(), ratio(t.correct(), t.answers()),
                t.points());
    }

    private static Week week(WeekPoint w) {
        return new Week(w.weekStart().toString(), w.answers(), w.correct(), ratio(w.correct(), w.answers()), w.points());
    }

    private String topicName(String slug) {
        return bank.bank().topic(slug).map(Topic::name).orElse(slug);
    }

    private static int weeks(int weeks) {
        if (!WEEK_CHOICES.contains(weeks)) {
            throw ApiException.badRequest("weeks is one of 4, 12, 26, 52; got " + weeks + ".");
        }
        return weeks;
    }

    private static String bounded(String name) {
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("A name is 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        return name;
    }

    /** A share to three decimals, as the boards give accuracy. */
    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
