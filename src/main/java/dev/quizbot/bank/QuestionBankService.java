package dev.quizbot.bank;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Holds the live bank. Loading happens in the constructor so that an invalid bank stops
 * the service at start; a later {@link #reload()} never replaces a good bank with a bad one.
 * A reload advances the shared {@link BankVersion}; {@link #followOtherInstances()} loads the
 * files again when another instance has done so. The bank served is the files with the
 * {@link BankOverlay}'s additions merged, rebuilt when either changes.
 */
@Service
public class QuestionBankService {

    private static final Logger log = LoggerFactory.getLogger(QuestionBankService.class);

    private final QuestionBankLoader loader;
    private final Path folder;
    /** The bank as the files have it; {@link #bank()} serves it with the overlay merged. */
    private final AtomicReference<QuestionBank> files;
    private final AtomicReference<Served> current = new AtomicReference<>();
    private final Optional<BankOverlay> overlay;
    /** When another instance's additions were last looked for: at most once a second. */
    private final AtomicLong checkedAt = new AtomicLong(Long.MIN_VALUE / 2);
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;
    private final BankVersion version;
    /** The shared version the bank in use is at least as new as. */
    private final AtomicLong seen;

    /** The merged bank, the files it was merged onto and the overlay version it was built from. */
    private record Served(QuestionBank bank, QuestionBank from, long version) {
    }

    @Autowired
    public QuestionBankService(BankProperties properties, BankVersion version, ObjectProvider<BankOverlay> overlay) {
        this(new QuestionBankLoader(), properties.path(), version, Optional.ofNullable(overlay.getIfAvailable()));
    }

    QuestionBankService(QuestionBankLoader loader, Path folder) {
        this(loader, folder, BankVersion.ALONE, Optional.empty());
    }

    QuestionBankService(QuestionBankLoader loader, Path folder, BankVersion version) {
        this(loader, folder, version, Optional.empty());
    }

    QuestionBankService(QuestionBankLoader loader, Path folder, Optional<BankOverlay> overlay) {
        this(loader, folder, BankVersion.ALONE, overlay);
    }

    QuestionBankService(QuestionBankLoader loader, Path folder, BankVersion version, Optional<BankOverlay> overlay) {
        this.loader = loader;
        this.folder = folder.toAbsolutePath().normalize();
        this.version = version;
        this.overlay = overlay;
        // read before the files: a reload elsewhere while they load is then followed, not missed
        this.seen = new AtomicLong(version.current());
        this.files = new AtomicReference<>(loader.load(this.folder));
        log.info("Question bank loaded from {}: {}", this.folder, files.get().summary());
    }

    /** The bank in use: the files with the overlay's additions merged. */
    public QuestionBank bank() {
        if (overlay.isEmpty()) {
            return files.get();
        }
        Served served = current.get();
        long now = System.nanoTime();
        long last = checkedAt.get();
        boolean stale = served == null || served.from() != files.get();
        if (stale || (now - last > CHECK_EVERY_NANOS && checkedAt.compareAndSet(last, now))) {
            try {
                if (stale || served.version() != overlay.get().version()) {
                    served = rebuild();
                }
            } catch (RuntimeException unreachable) {
                // the overlay's store is out of reach for a moment: serve what we have, look again in a second
                log.warn("Bank overlay not read ({}); serving the bank as last merged", unreachable.toString());
                return served == null ? files.get() : served.bank();
            }
        }
        return served.bank();
    }

    /** The bank files as loaded, without the overlay (what {@code export-bank} merges onto). */
    public QuestionBank files() {
        return files.get();
    }

    /** Rebuilds the served bank now: the overlay changed on this instance. */
    public QuestionBank overlayChanged() {
        return overlay.isEmpty() ? files.get() : rebuild().bank();
    }

    private Served rebuild() {
        BankOverlay source = overlay.orElseThrow();
        QuestionBank from = files.get();
        long at = source.version();
        Served served = new Served(BankOverlay.merge(from, source.additions()), from, at);
        current.set(served);
        return served;
    }

    public Path folder() {
        return folder;
    }

    /** Re-reads the bank files; keeps the bank in use if the new files are invalid. */
    public BankReload reload() {
        try {
            QuestionBank fresh = loader.load(folder);
            files.set(fresh);
            seen.accumulateAndGet(version.advance(), Math::max);
            log.info("Question bank reloaded: {}", fresh.summary());
            return new BankReload.Reloaded(bank());
        } catch (InvalidBankException e) {
            log.warn("Question bank reload rejected, keeping the bank in use. {}", e.getMessage());
            return new BankReload.Rejected(bank(), e.problems());
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
            files.set(fresh);
            log.info("Question bank reloaded after a reload on another instance: {}", fresh.summary());
        } catch (InvalidBankException e) {
            log.warn("Another instance reloaded the bank, but the files here have problems; keeping the bank in use. {}",
                    e.getMessage());
        }
    }
}
