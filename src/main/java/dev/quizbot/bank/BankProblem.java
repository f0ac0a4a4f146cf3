package dev.quizbot.bank;

/**
 * One thing wrong with the bank files, located precisely enough for an editor to fix it.
 *
 * @param file  the file, relative to the bank folder
 * @param entry which entry ("entry 3 (id 'lora-qlora')"), or empty for file-level problems
 */
public record BankProblem(String file, String entry, String message) {

    @Override
    public String toString() {
        return entry.isEmpty() ? file + ": " + message : file + ": " + entry + ": " + message;
    }
}
