package dev.quizbot.grading;

import java.util.List;

/**
 * The fitted verdict: three probabilities over the answer's measurements, fitted on human-graded
 * answers (see {@code grading.calibration}). The first tells correct from not correct; among
 * answers that are not correct, the second tells partial from incorrect and the third
 * contradictory (says the opposite of the reference) from the rest.
 *
 * @param features        the measurement names the probabilities read, in order; a name {@code a*b} is the
 *                        product of measurements (a linear model weighs them together that way)
 * @param correct         P(correct)
 * @param partial         P(partial | not correct)
 * @param contradictory   P(contradictory | not correct)
 * @param threshold       P(correct) at or above which an answer is correct
 */
public record VerdictModel(List<String> features, Probability correct, Probability partial, Probability contradictory,
                    double threshold) {

    /** What the model makes of one answer. Confidence is how far the deciding probability is from its cut, 0.5-1. */
    public record Decision(Verdict verdict, double pCorrect, double pPartial, double pContradictory, int score, double confidence) {

        /** Whether the explanation says the answer states the opposite of the reference. */
        public boolean saysOpposite() {
            return pContradictory >= Explanations.SAYS_OPPOSITE;
        }
    }

    /** The rules' findings among the measurements: a clash with the reference, or a denial of what it states. */
    static final List<String> OPPOSITE_RULES = List.of("rule_contradiction", "rule_denial");

    public VerdictModel {
        features = List.copyOf(features);
    }

    /**
     * Whether the answer states the opposite of the reference: the contradiction model says so,
     * or a rule found a clash or a denial (on the development set, no partly right answer ever
     * set one off: 0 of 154).
     */
    private boolean saysOpposite(double[] x, double pContradictory) {
        if (pContradictory >= Explanations.SAYS_OPPOSITE) {
            return true;
        }
        for (String rule : OPPOSITE_RULES) {
            int at = features.indexOf(rule);
            if (at >= 0 && x[at] > 0) {
                return true;
            }
        }
        return false;
    }

    /** The model's inputs picked out of a full measurement vector, by name. */
    public double[] select(List<String> allNames, double[] all) {
        return select(features, allNames, all);
    }

    public static double[] select(List<String> names, List<String> allNames, double[] all) {
        double[] x = new double[names.size()];
        for (int i = 0; i < x.length; i++) {
            String name = names.get(i);
            double product = 1;
            for (String factor : name.split("\\*")) {
                product *= value(allNames, all, factor);
            }
            x[i] = product;
        }
        return x;
    }

    private static double value(List<String> allNames, double[] all, String name) {
        int at = allNames.indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException("no measurement '" + name + "'");
        }
        return all[at];
    }

    public Decision decide(double[] x) {
        if (x.length != features.size()) {
            throw new IllegalArgumentException("the model reads " + features.size() + " measurements, not " + x.length);
        }
        double pc = correct.of(x);
        double pp = partial.of(x);
        double px = contradictory.of(x);
        // An answer that states the opposite of the reference earns no partial credit, however many right words it uses.
        Verdict verdict = pc >= threshold ? Verdict.CORRECT
                : pp >= 0.5 && !saysOpposite(x, px) ? Verdict.PARTIAL : Verdict.INCORRECT;
        double confidence = verdict == Verdict.CORRECT
                ? 0.5 + 0.5 * (pc - threshold) / (1 - threshold)
                : Math.min(0.5 + 0.5 * (threshold - pc) / threshold,
                        verdict == Verdict.PARTIAL ? Math.min(pp, 1 - px) : Math.max(1 - pp, px));
        return new Decision(verdict, pc, pp, px, score(verdict, pc, pp), Math.max(0.5, Math.min(1, confidence)));
    }

    /**
     * Expected credit (correct 1, partial 1/2) as a percentage, kept inside the verdict's band
     * (incorrect below 40, partial 40-69, correct 70 and up) so score and verdict never disagree.
     */
    static int score(Verdict verdict, double pCorrect, double pPartial) {
        int expected = (int) Math.round(100 * (pCorrect + 0.5 * (1 - pCorrect) * pPartial));
        return switch (verdict) {
            case INCORRECT -> Math.max(0, Math.min(expected, 39));
            case PARTIAL -> Math.max(40, Math.min(expected, 69));
            case CORRECT -> Math.max(70, Math.min(100, expected));
        };
    }
}
