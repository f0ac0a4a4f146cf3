package dev.quizbot.bank;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Holds the live bank. Loading happens in the constructor so that an invalid bank stops
 * the service at start; a later {@link #reload()} never replaces a good bank with a bad one.
 */
@Service
public class QuestionBankService {

    private static final Logger log = LoggerFactory.getLogger(QuestionBankService.class);

    private final QuestionBankLoader loader;
    private final Path folder;
    private final AtomicReference<QuestionBank> current;

    @Autowired
    public QuestionBankService(BankProperties properties) {
        this(new QuestionBankLoader(), properties.path());
    }

    QuestionBankService(QuestionBankLoader loader, Path folder) {
        this.loader = loader;
        this.folder = folder.toAbsolutePath().normalize();
        this.current = new AtomicReference<>(loader.load(this.folder));
        log.info("Question bank loaded from {}: {}", this.folder, current.get().summary());
    }

    public QuestionBank bank() {
        return current.get();
    }

    public Path folder() {
        return folder;
    }

    /** Re-reads the bank files; keeps the bank in use if the new files are invalid. */
    public BankReload reload() {
        try {
            QuestionBank fresh = loader.load(folder);
            current.set(fresh);
            log.info("Question bank reloaded: {}", fresh.summary());
            return new BankReload.Reloaded(fresh);
        } catch (InvalidBankException e) {
            log.warn("Question bank reload rejected, keeping the bank in use. {}", e.getMessage());
            return new BankReload.Rejected(current.get(), e.problems());
        }
    }
}
