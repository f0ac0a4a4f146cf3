package dev.quizbot.grading;

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
    CombinedGrader grader(SentenceModels.Load sentenceModel, GradingProperties properties) {
        return CombinedGrader.create(sentenceModel, properties.provisionalBelow());
    }
}
