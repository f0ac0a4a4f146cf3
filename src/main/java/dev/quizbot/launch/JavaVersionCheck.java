package dev.quizbot.launch;

import java.lang.reflect.InvocationTargetException;

/**
 * The executable jar's start class: checks the running Java before any class built for 21 is
 * loaded, so {@code java -jar quizbot.jar} on an older JVM says what to install instead of
 * failing with {@code UnsupportedClassVersionError}; on 21 or newer it hands over to
 * {@code dev.quizbot.QuizbotApplication}. Compiled on its own for release 17, the oldest Java
 * Spring Boot's jar launcher (which runs first) starts on.
 */
public final class JavaVersionCheck {

    static final int NEEDED = 21;
    private static final String APPLICATION = "dev.quizbot.QuizbotApplication";

    private JavaVersionCheck() {
    }

    public static void main(String[] args) throws Throwable {
        String refusal = refusal(Runtime.version().feature(), System.getProperty("java.home"));
        if (refusal != null) {
            System.err.println(refusal);
            System.exit(1);
        }
        try {
            Class.forName(APPLICATION, true, Thread.currentThread().getContextClassLoader())
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }

    /** The one-sentence refusal for a JVM of this feature version, or null when it is new enough. */
    static String refusal(int feature, String javaHome) {
        if (feature >= NEEDED) {
            return null;
        }
        return "quizbot needs Java " + NEEDED + " or newer, but this is Java " + feature + " (" + javaHome
                + "): install a JDK or JRE " + NEEDED + "+ (for example Eclipse Temurin 21) and start it"
                + " with that java, e.g. /path/to/jdk-21/bin/java -jar quizbot.jar.";
    }
}
