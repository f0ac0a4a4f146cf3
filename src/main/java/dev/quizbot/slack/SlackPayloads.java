package dev.quizbot.slack;

import java.util.Optional;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;

/**
 * The shape checks of a signed request, before any handler reads it: the fields quizbot's
 * handlers rely on are there. What fails here was never sent by Slack (or Slack changed its
 * format) and gets 400 instead of a stack trace.
 */
final class SlackPayloads {

    private SlackPayloads() {
    }

    /** Empty when the request has what its handler reads, else what is missing. */
    static Optional<String> problem(Request<?> request) {
        return switch (request) {
            case SlashCommandRequest r -> r.getPayload() == null || blank(r.getPayload().getTeamId())
                    || blank(r.getPayload().getUserId()) || blank(r.getPayload().getChannelId())
                    ? Optional.of("slash command without team, user or channel") : Optional.empty();
            case BlockActionRequest r -> r.getPayload() == null || r.getPayload().getActions() == null
                    || r.getPayload().getActions().isEmpty() || r.getPayload().getUser() == null
                    || r.getPayload().getTeam() == null || r.getPayload().getChannel() == null
                    ? Optional.of("block action without actions, user, team or channel") : Optional.empty();
            case ViewSubmissionRequest r -> r.getPayload() == null || r.getPayload().getView() == null
                    || r.getPayload().getUser() == null || blank(r.getPayload().getView().getId())
                    ? Optional.of("view submission without a view or user") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
