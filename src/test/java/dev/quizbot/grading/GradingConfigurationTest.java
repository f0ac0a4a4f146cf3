package dev.quizbot.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GradingConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
            .withUserConfiguration(GradingConfiguration.class)
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:grading-config;DB_CLOSE_DELAY=-1");

    @Test
    void exposesAGraderBeanForTheConfiguredModel() {
        context.withPropertyValues("quizbot.grading.model=none").run(ctx -> {
            assertThat(ctx).hasSingleBean(Grader.class);
            assertThat(ctx.getBean(GradingProperties.class).model()).isEqualTo(SentenceModel.NONE);
            Grade grade = ctx.getBean(Grader.class).grade(PilotBank.RAG, "It retrieves documents and adds them to the prompt.");
            assertThat(grade.notes()).anyMatch(n -> n.contains("key concepts only"));
        });
    }

    @Test
    void defaultsToMiniLm() {
        context.run(ctx -> assertThat(ctx.getBean(GradingProperties.class).model()).isEqualTo(SentenceModel.ALL_MINILM_L6_V2_Q));
    }
}
