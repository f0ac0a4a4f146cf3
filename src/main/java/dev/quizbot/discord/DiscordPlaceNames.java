package dev.quizbot.discord;

import java.util.Optional;
import java.util.function.Supplier;

import dev.quizbot.chat.PlaceNames;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Server and channel names from JDA's cache, for the web leaderboards. Servers the bot has left
 * (or whose shard runs on another instance) are not in the cache; their ids stand in.
 */
final class DiscordPlaceNames implements PlaceNames {

    private final ShardManager shards;

    DiscordPlaceNames(ShardManager shards) {
        this.shards = shards;
    }

    @Override
    public String platform() {
        return DiscordAnnouncer.PLATFORM;
    }

    @Override
    public Optional<String> community(String community) {
        return cached(() -> shards.getGuildById(community)).map(Guild::getName);
    }

    @Override
    public Optional<String> channel(String community, String channel) {
        return cached(() -> shards.getGuildChannelById(channel)).map(c -> "#" + c.getName());
    }

    private static <T> Optional<T> cached(Supplier<T> lookup) {
        try {
            return Optional.ofNullable(lookup.get());
        } catch (IllegalArgumentException notASnowflake) {
            // stored ids come from Discord, so this is only a damaged row; show the id instead
            return Optional.empty();
        }
    }
}
