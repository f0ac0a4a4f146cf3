package dev.quizbot.console;

/** Terminal colours, or none: the renderer asks for a role, the style decides how it looks. */
enum Style {
    ANSI, PLAIN;

    static final String BOLD = "1";
    static final String DIM = "2";
    static final String GREEN = "32";
    static final String YELLOW = "33";
    static final String RED = "31";
    static final String CYAN = "36";

    String paint(String code, String text) {
        return this == ANSI ? "\u001B[" + code + "m" + text + "\u001B[0m" : text;
    }
}
