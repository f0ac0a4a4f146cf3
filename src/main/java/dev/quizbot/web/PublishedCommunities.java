package dev.quizbot.web;

import org.springframework.stereotype.Component;

import dev.quizbot.chat.ChannelRef;
import dev.quizbot.leaderboard.Publication;
import dev.quizbot.round.RoundService;

/**
 * The gate every community-scoped web request passes: an unpublished community answers the
 * same 404 as one that does not exist, so the API does not even reveal that it plays.
 */
@Component
class PublishedCommunities {

    private final Publication publication;

    PublishedCommunities(Publication publication) {
        this.publication = publication;
    }

    /** The community's key, or a 404 when it is unknown, unpublished or its ids cannot be stored ids. */
    String require(String platform, String community) {
        boolean fits = platform.length() <= LeaderboardApi.MAX_ID_LENGTH && community.length() <= LeaderboardApi.MAX_ID_LENGTH;
        String key = RoundService.communityKey(new ChannelRef(platform, community, ""));
        if (!fits || !publication.isPublished(key)) {
            throw ApiException.notFound("No published community '" + LeaderboardApi.shorten(platform + "/" + community)
                    + "'. GET /api/communities lists the communities on the web; an admin adds one with"
                    + " `leaderboard publish on`.");
        }
        return key;
    }
}
