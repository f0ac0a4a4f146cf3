package dev.quizbot.bank;

import java.util.List;

/** What a bank reload did: swapped in the new bank, or kept the old one because the new one is invalid. */
public sealed interface BankReload {

    record Reloaded(QuestionBank bank) implements BankReload {
    }

    record Rejected(QuestionBank kept, List<BankProblem> problems) implements BankReload {
    }
}
