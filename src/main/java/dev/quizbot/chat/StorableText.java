package dev.quizbot.chat;

import java.lang.reflect.RecordComponent;
import java.util.Optional;

/**
 * Text the database can hold, checked where commands enter the core so H2 and PostgreSQL
 * give the same answer. PostgreSQL refuses U+0000 in text; a lone UTF-16 surrogate is no
 * character at all and would reach either database as '?'.
 */
public final class StorableText {

    private StorableText() {
    }

    /** What is wrong with the text, for the person who typed it; empty when it can be stored. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("a NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("a broken character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        return Optional.empty();
    }

    /** The text without what cannot be stored: for names the platform gives, not typed by the caller. */
    public static String strip(String text) {
        if (text == null || problem(text).isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c != '\u0000' && !Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The first problem in any text a command carries (its String and Optional String
     * fields), so commands added later are covered without listing them here.
     */
    static Optional<String> problem(Command command) {
        RecordComponent[] components = command.getClass().getRecordComponents();
        if (components == null) {
            return Optional.empty();
        }
        for (RecordComponent component : components) {
            Object value;
            try {
                value = component.getAccessor().invoke(command);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + command, e);
            }
            Optional<String> problem = switch (value) {
                case String s -> problem(s);
                case Optional<?> o when o.orElse(null) instanceof String s -> problem(s);
                case null, default -> Optional.empty();
            };
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
