package dev.quizbot.bank;

/**
 * A counter shared by every instance that moves on each successful bank reload, so the
 * others can tell their bank is older and load the files again.
 */
public interface BankVersion {

    /** For a bank that no other instance shares (tools, unit tests). */
    BankVersion ALONE = new BankVersion() {
        @Override
        public long current() {
            return 0;
        }

        @Override
        public long advance() {
            return 0;
        }
    };

    long current();

    /** Records a reload; the new version. */
    long advance();
}
