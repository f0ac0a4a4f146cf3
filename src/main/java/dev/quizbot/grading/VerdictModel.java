package dev.quizbot.grading;

import java.util.List;

/**
 * The fitted verdict: three logistic models over the standardised measurements, fitted by
 * liblinear on human-graded answers (see {@link VerdictFit}). The first tells correct from
 * not correct; among answers that are not correct, the second tells partial from incorrect and
 * the third contradictory (says the opposite of the reference) from the rest.
 *
 * @param features        the measurement names the weights expect, in order; a name {@code a*b} is the
 *                        product of measurements, which lets a linear model weigh them together
 *                        (aligned words count for more when the meaning agrees too)
 * @param mean            per-measurement mean on the training answers
 * @param scale           per-measurement standard deviation (1 where constant)
 * @param correct         weights then bias of P(correct)
 * @param partial         weights then bias of P(partial | not correct)
 * @param contradictory   weights then bias of P(contradictory | not correct)
 * @param threshold       P(correct) at or above which an answer is correct
 */
public record VerdictModel(List<String> features, double[] mean, double[] scale, double[] correct, double[] partial,
                    double[] contradictory, double threshold) {

    /** What the model makes of one answer. Confidence is how far the deciding probability is from its cut, 0.5-1. */
    public record Decision(Verdict verdict, double pCorrect, double pPartial, double pContradictory, int score, double confidence) {

        /** Whether the explanation says the answer states the opposite of the reference. */
        public boolean saysOpposite() {
            return pContradictory >= Explanations.SAYS_OPPOSITE;
        }
    }

    public VerdictModel {
        if (mean.length != features.size() || scale.length != features.size() || correct.length != features.size() + 1
                || partial.length != features.size() + 1 || contradictory.length != features.size() + 1) {
            throw new IllegalArgumentException("weights do not match the " + features.size() + " features");
        }
        features = List.copyOf(features);
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
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - mean[i]) / scale[i];
        }
        double pc = probability(correct, z);
        double pp = probability(partial, z);
        double px = probability(contradictory, z);
        Verdict verdict = pc >= threshold ? Verdict.CORRECT : pp >= 0.5 ? Verdict.PARTIAL : Verdict.INCORRECT;
        double confidence = verdict == Verdict.CORRECT
                ? 0.5 + 0.5 * (pc - threshold) / (1 - threshold)
                : Math.min(0.5 + 0.5 * (threshold - pc) / threshold, Math.max(pp, 1 - pp));
        return new Decision(verdict, pc, pp, px, score(verdict, pc, pp), Math.max(0.5, Math.min(1, confidence)));
    }

    static double probability(double[] weights, double[] z) {
        double s = weights[weights.length - 1];
        for (int i = 0; i < z.length; i++) {
            s += weights[i] * z[i];
        }
        return 1 / (1 + Math.exp(-s));
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
