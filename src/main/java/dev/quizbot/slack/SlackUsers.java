package dev.quizbot.slack;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.quizbot.chat.Caller;
import dev.quizbot.chat.ChannelRef;

/**
 * Who is calling, decided on the server from Slack's own records (never from anything the
 * request claims): display name from {@code users.info}; admin when a workspace admin or owner,
 * or a member of the configured user group. Looked up answers are cached briefly so busy
 * channels don't hit Slack's rate limits, but an admin command always asks Slack afresh, so a
 * demoted admin loses the rights at once; a failed lookup counts as "not admin".
 */
class SlackUsers {

    static final String PLATFORM = "slack";

    private record Person(String displayName, boolean workspaceAdmin) {
    }

    private final SlackApi api;
    private final Optional<String> adminGroup;
    private final Cache<String, Person> people = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();
    private final Cache<String, Set<String>> groups = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100).build();

    SlackUsers(SlackApi api, String adminGroup) {
        this.api = api;
        this.adminGroup = Optional.ofNullable(adminGroup).filter(SlackProperties::present).map(String::trim);
    }

    Caller caller(String teamId, String channelId, String userId, String fallbackName) {
        return caller(teamId, channelId, userId, fallbackName, false);
    }

    /** {@code adminCommand}: the command needs admin rights, so nothing cached is trusted. */
    Caller caller(String teamId, String channelId, String userId, String fallbackName, boolean adminCommand) {
        if (adminCommand) {
            people.invalidate(teamId + ":" + userId);
            adminGroup.ifPresent(groups::invalidate);
        }
        Person person = person(teamId, userId);
        String name = person != null ? person.displayName()
                : fallbackName != null && !fallbackName.isBlank() ? fallbackName : userId;
        boolean admin = person != null && person.workspaceAdmin() || inAdminGroup(userId);
        return new Caller(new ChannelRef(PLATFORM, teamId, channelId), userId, name, admin);
    }

    /** Drops cached lookups, so the next command sees role and group changes at once. */
    void forgetCachedLookups() {
        people.invalidateAll();
        groups.invalidateAll();
    }

    private Person person(String teamId, String userId) {
        // keyed by workspace too: one id in two workspaces is two people
        String key = teamId + ":" + userId;
        Person cached = people.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        SlackCall<UsersInfoResponse> call = api.call("users.info", c -> c.usersInfo(r -> r.user(userId)));
        if (!(call instanceof SlackCall.Ok<UsersInfoResponse>(UsersInfoResponse response)) || response.getUser() == null) {
            return null;
        }
        User user = response.getUser();
        Person person = new Person(displayName(user), user.isAdmin() || user.isOwner() || user.isPrimaryOwner());
        people.put(key, person);
        return person;
    }

    private static String displayName(User user) {
        User.Profile profile = user.getProfile();
        if (profile != null && profile.getDisplayName() != null && !profile.getDisplayName().isBlank()) {
            return profile.getDisplayName();
        }
        if (user.getRealName() != null && !user.getRealName().isBlank()) {
            return user.getRealName();
        }
        return user.getName() != null ? user.getName() : user.getId();
    }

    private boolean inAdminGroup(String userId) {
        if (adminGroup.isEmpty()) {
            return false;
        }
        String group = adminGroup.get();
        Set<String> members = groups.getIfPresent(group);
        if (members == null) {
            SlackCall<UsergroupsUsersListResponse> call =
                    api.call("usergroups.users.list", c -> c.usergroupsUsersList(r -> r.usergroup(group)));
            if (!(call instanceof SlackCall.Ok<UsergroupsUsersListResponse>(UsergroupsUsersListResponse response))
                    || response.getUsers() == null) {
                return false;
            }
            members = Set.copyOf(response.getUsers());
            groups.put(group, members);
        }
        return members.contains(userId);
    }
}
