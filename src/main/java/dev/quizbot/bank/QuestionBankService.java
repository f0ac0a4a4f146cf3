package dev.quizbot.bank;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Holds the live bank. Loading happens in the constructor so that an invalid bank stops
 * the service at start; a later {@link #reload()} never replaces a good bank with a bad one.
 * A reload advances the shared {@link BankVersion}; {@link #followOtherInstances()} loads the
 * files again when another instance has done so.
 */
@Service
public class QuestionBankService {

    private static final Logger log = LoggerFactory.getLogger(QuestionBankService.class);

    private final QuestionBankLoader loader;
    private final Path folder;
    private final AtomicReference<QuestionBank> current;
    private final BankVersion version;
    /** The shared version the bank in use is at least as new as. */
    private final AtomicLong seen;

    @Autowired
    public QuestionBankService(BankProperties properties, BankVersion version) {
        this(new QuestionBankLoader(), properties.path(), version);
    }

    QuestionBankService(QuestionBankLoader loader, Path folder) {
        this(loader, folder, BankVersion.ALONE);
    }

    QuestionBankService(QuestionBankLoader loader, Path folder, BankVersion version) {
        this.loader = loader;
        this.folder = folder.toAbsolutePath().normalize();
        this.version = version;
        // read before the files: a reload elsewhere while they load is then followed, not missed
        this.seen = new AtomicLong(version.current());
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
            seen.accumulateAndGet(version.advance(), Math::max);
            log.info("Question bank reloaded: {}", fresh.summary());
            return new BankReload.Reloaded(fresh);
        } catch (InvalidBankException e) {
            log.warn("Question bank reload rejected, keeping the bank in use. {}", e.getMessage());
            return new BankReload.Rejected(current.get(), e.problems());
        }
    }

    /**
     * Loads the files again if another instance reloaded since this one last did. A bank that
     * has become invalid is not taken (and not retried until the next reload elsewhere).
     */
    public void followOtherInstances() {
        long shared = version.current();
        long before = seen.get();
        if (shared <= before || !seen.compareAndSet(before, shared)) {
            return;
        }
        try {
            QuestionBank fresh = loader.load(folder);
            current.set(fresh);
            log.info("Question bank reloaded after a reload on another instance: {}", fresh.summary());
        } catch (InvalidBankException e) {
            log.warn("Another instance reloaded the bank, but the files here have problems; keeping the bank in use. {}",
                    e.getMessage());
        }
    }
}
