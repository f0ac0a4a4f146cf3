package dev.quizbot.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served bank carries the overlay's additions across reloads; a dropped question's wait for it to return. */
class BankOverlayReloadTest {

    @TempDir
    Path folder;

    /** An overlay held in memory, as the database holds it. */
    static final class ListOverlay implements BankOverlay {
        final List<Addition> additions = new CopyOnWriteArrayList<>();

        @Override
        public long version() {
            return additions.size();
        }

        @Override
        public List<Addition> additions() {
            return List.copyOf(additions);
        }
    }

    private void copyTestBank() throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/test-bank"))) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void additionsApplyAtOnceSurviveReloadsAndStayDormantWhileTheirQuestionIsGone() throws IOException {
        copyTestBank();
        ListOverlay overlay = new ListOverlay();
        QuestionBankService service = new QuestionBankService(new QuestionBankLoader(), folder, Optional.of(overlay));
        assertThat(service.bank().question("lora").orElseThrow().accept()).isEmpty();

        overlay.additions.add(new BankOverlay.Addition("lora", BankOverlay.Kind.ACCEPT, "a low-rank update"));
        assertThat(service.overlayChanged().question("lora").orElseThrow().accept()).containsExactly("a low-rank update");
        assertThat(service.bank().question("lora").orElseThrow().accept()).containsExactly("a low-rank update");

        // a reload keeps the addition
        assertThat(service.reload()).isInstanceOf(BankReload.Reloaded.class);
        assertThat(service.bank().question("lora").orElseThrow().accept()).containsExactly("a low-rank update");

        // the question leaves the files: gone from the bank, its addition kept for later
        String loraFile = Files.readString(folder.resolve("fine-tuning.yaml"));
        Files.delete(folder.resolve("fine-tuning.yaml"));
        assertThat(service.reload()).isInstanceOf(BankReload.Reloaded.class);
        assertThat(service.bank().question("lora")).isEmpty();
        assertThat(overlay.additions()).hasSize(1);

        Files.writeString(folder.resolve("fine-tuning.yaml"), loraFile);
        service.reload();
        assertThat(service.bank().question("lora").orElseThrow().accept()).containsExactly("a low-rank update");
        assertThat(service.files().question("lora").orElseThrow().accept()).isEmpty();
    }

    @Test
    void anOverlayOutOfReachNeverStopsTheBankBeingServed() throws IOException {
        copyTestBank();
        BankOverlay broken = new BankOverlay() {
            @Override
            public long version() {
                throw new IllegalStateException("database down");
            }

            @Override
            public List<Addition> additions() {
                throw new IllegalStateException("database down");
            }
        };
        QuestionBankService service = new QuestionBankService(new QuestionBankLoader(), folder, Optional.of(broken));
        assertThat(service.bank().question("lora")).isPresent();
    }
}
