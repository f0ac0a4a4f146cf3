package dev.quizbot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the bot, or, when the first argument names a tool ({@code import}, {@code grade}),
 * runs that tool and exits without starting the service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QuizbotApplication {

    public static void main(String[] args) {
        var tool = CommandLineTools.find(args);
        if (tool.isPresent()) {
            System.exit(tool.get().run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(QuizbotApplication.class, args);
    }
}
