package dev.quizbot.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a PostgreSQL test before its Spring context is built, and only where this platform
 * cannot run the build's PostgreSQL at all; on Linux x86-64 the server must start or the test fails.
 */
public final class PostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return PostgresServer.unavailableBecause()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("PostgreSQL can run here"));
    }
}
