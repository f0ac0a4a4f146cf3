package dev.quizbot.grading;

import java.nio.file.Path;

import dev.quizbot.bank.Question;
import dev.quizbot.bank.QuestionBank;
import dev.quizbot.bank.QuestionBankLoader;

/** The grading tests' own questions (src/test/resources/grading/bank), loaded by the real loader. */
final class PilotBank {

    static final Path FOLDER = Path.of("src/test/resources/grading/bank");
    static final QuestionBank BANK = new QuestionBankLoader().load(FOLDER);

    static final Question LORA = BANK.question("lora-qlora").orElseThrow();
    static final Question TEMPERATURE = BANK.question("sampling-temperature").orElseThrow();
    static final Question RAG = BANK.question("rag-basics").orElseThrow();
    static final Question BIAS_VARIANCE = BANK.question("bias-variance").orElseThrow();

    private PilotBank() {
    }
}
