package dev.quizbot.grading;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@link Grader} bean: the configured sentence model, loaded once at start, and the database cache of reference vectors. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GradingProperties.class)
class GradingConfiguration {

    @Bean
    SentenceModels.Load sentenceModel(GradingProperties properties) {
        return SentenceModels.load(properties.model());
    }

    @Bean
    ReferenceEmbeddingStore referenceEmbeddingStore(ObjectProvider<DataSource> dataSource) {
        DataSource source = dataSource.getIfAvailable();
        return source == null ? ReferenceEmbeddingStore.inMemoryOnly() : ReferenceEmbeddingStore.jdbc(JdbcClient.create(source));
    }

    @Bean
    CombinedGrader grader(SentenceModels.Load sentenceModel, ReferenceEmbeddingStore store) {
        return CombinedGrader.create(sentenceModel, store);
    }
}
