package dev.quizbot.grading;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Grader} bean: the configured sentence model, loaded once at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GradingProperties.class)
class GradingConfiguration {

    @Bean
    SentenceModels.Load sentenceModel(GradingProperties properties) {
        return SentenceModels.load(properties.model());
    }

    @Bean
    CombinedGrader grader(SentenceModels.Load sentenceModel, GradingProperties properties,
                          ObjectProvider<SettledAnswerSource> settled) {
        // The review queue provides the settled answers when it is there; a grader alone grades every question as new.
        return CombinedGrader.create(sentenceModel, properties.provisionalBelow(), settled.getIfAvailable(() -> SettledAnswerSource.NONE));
    }
}
