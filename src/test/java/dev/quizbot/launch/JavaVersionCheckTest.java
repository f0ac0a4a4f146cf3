package dev.quizbot.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaVersionCheckTest {

    @Test
    void olderJavaIsRefusedInOneSentenceNamingWhatToInstall() {
        String refusal = JavaVersionCheck.refusal(17, "/usr/lib/jvm/java-17-openjdk-amd64");

        assertThat(refusal)
                .contains("Java 21 or newer", "this is Java 17", "/usr/lib/jvm/java-17-openjdk-amd64", "install")
                .doesNotContain("\n");
    }

    @Test
    void java21AndNewerStartTheApplication() {
        assertThat(JavaVersionCheck.refusal(21, "/jdk")).isNull();
        assertThat(JavaVersionCheck.refusal(25, "/jdk")).isNull();
    }
}
