package dev.quizbot.web;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** The text of errors that no API method produced: unknown paths, wrong methods, rejected requests. */
final class ApiErrorBodies {

    static final String ENDPOINTS = "GET /api/communities, GET /api/leaderboards/{platform}/{community}, GET /api/topics";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrorBodies() {
    }

    static String json(String message) {
        return JSON.writeValueAsString(Map.of("error", message));
    }

    /** A message for a status; {@code request} ("GET /api/x") is named where the status is about it. */
    static String message(int status, String request) {
        String about = request == null ? "" : " (" + request + ")";
        return switch (status) {
            case 400 -> "Bad request" + about + ": the path or query has characters or parts the server does not accept."
                    + " The API answers " + ENDPOINTS + ".";
            case 404 -> "No such API endpoint" + about + ". The API answers " + ENDPOINTS + ".";
            case 405 -> "The API is read-only" + about + ": use GET (" + ENDPOINTS + ").";
            case 406 -> "The API answers in JSON only" + about + ": accept application/json.";
            case 414, 431 -> "The request is too long" + about + ".";
            default -> status >= 500 ? "Something went wrong answering this request; it was logged. Try again shortly."
                    : "The request could not be answered" + about + " (HTTP " + status + ").";
        };
    }
}
