package dev.quizbot.bank;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link BankVersion} in the {@code bank_version} row every instance's database shares. */
@Component
class JdbcBankVersion implements BankVersion {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcBankVersion(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long current() {
        return jdbc.sql("SELECT version FROM bank_version WHERE id = 1").query(Long.class).single();
    }

    @Override
    public long advance() {
        // one statement, so two instances reloading at once both move it (the row lock orders them)
        jdbc.sql("UPDATE bank_version SET version = version + 1, reloaded_at = ? WHERE id = 1")
                .param(clock.instant().atOffset(ZoneOffset.UTC)).update();
        return current();
    }
}
