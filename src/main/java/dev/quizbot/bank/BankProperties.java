package dev.quizbot.bank;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code quizbot.bank.*}: where the question files live. */
@ConfigurationProperties("quizbot.bank")
public record BankProperties(@DefaultValue("questions") Path path) {
}
