package dev.quizbot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What a console session printed, for assertions. */
public final class Screen implements Consumer<String> {

    private final List<String> printed = new ArrayList<>();

    @Override
    public synchronized void accept(String text) {
        printed.add(text);
    }

    public synchronized String all() {
        return String.join("\n", printed);
    }

    public synchronized String last() {
        return printed.isEmpty() ? "" : printed.getLast();
    }

    /** Everything printed since the last call, then starts over. */
    public synchronized String take() {
        String text = String.join("\n", printed);
        printed.clear();
        return text;
    }
}
