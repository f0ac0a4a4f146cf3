package dev.quizbot.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds answer claims that state the opposite of the reference. A claim is compared with the
 * reference statement it talks about (shares the most plain content words with), polar word by
 * polar word: words of one dimension of {@code grading/opposites.txt} (higher/lower,
 * random/deterministic, teacher/student…), each attached to the words around it. Every
 * opposite polarity is one flip and a negation flips the word it governs. Against "a lower
 * temperature makes the output more deterministic", "a higher temperature makes the output
 * more deterministic" flips one word of two and contradicts it, while "a higher temperature
 * makes it more random" flips both and states the same relation from its other end. When the
 * reference names both sides of a dimension ("a smaller student… a larger teacher"), the
 * answer's word is matched to the reference word in the closest context, and left alone when
 * that is not clear. Negations of plain words are not counted here: on labelled answers they
 * flagged correct answers ("no examples in the prompt") as often as wrong ones; see
 * {@link NegatedFacts}. The two things a comparison question contrasts ("beam search" vs
 * "greedy decoding") are read as sides by {@link SwappedSides}, which also runs from here.
 */
final class Contradictions {

    /** How an answer goes against the reference; the explanation names it. */
    sealed interface Clash permits Opposite, SwappedSides.Swap, NegatedFacts.Denial {
    }

    /** The answer used a word ({@code "not larger"} when negated) where the reference has its opposite. */
    record Opposite(String answerWord, String referenceWord) implements Clash {
    }

    record Result(int count, Optional<Clash> example) {
    }

    /** Dimension id of the contrast the question draws; lexicon dimensions are 0 and up. */
    private static final int QUESTION_DIMENSION = -1;

    /** How far after a negation a word counts as negated ("does not change the distribution"). */
    static final int NEGATION_REACH = 4;

    /** Neighbours on each side that make up a polar word's context. */
    private static final int CONTEXT_REACH = 2;

    /** A dimension (line of the lexicon) and which side of it a stem is on. */
    /**
     * A dimension (line of the lexicon) and which side of it a stem is on. Modifiers describe the
     * word after them ("larger teacher"); intensifiers also compose with it, so "less random"
     * says what "more deterministic" says.
     */
    private record Pole(int dimension, int polarity, boolean modifier, boolean intensifier) {
    }

    /** Hyphenated words are one word here: "pre-trained" is not a claim about training, "low-rank" is one pole. */
    static final Pattern HYPHEN = Pattern.compile("(?<=\\p{L})-(?=\\p{L})");

    private static final Map<String, Pole> LEXICON = load();

    /**
     * Dimensions of the words that set the condition of a relation ("higher", "larger", "fewer"):
     * the only ones read as a relation's other end when no neighbour says what they describe.
     */
    private static final Set<Integer> CONDITIONS = LEXICON.values().stream()
            .filter(p -> p.modifier() && !p.intensifier()).map(Pole::dimension)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Claims end at sentences, semicolons and the contrastive links that join two claims. */
    private static final Pattern CLAIM_BREAK = Pattern.compile(
            "(?<=[.!?])\\s+|;\\s*|\\s+(?:while|whereas|whilst|but|however)\\s+|,?\\s+and\\s+(?=(?:a|an|the|it|they)\\s)",
            Pattern.CASE_INSENSITIVE);


    private static final List<Pattern> CONTRAST_QUESTIONS = List.of(
            Pattern.compile("between (.+?) and (.+?)(?: in [^?]*)?\\?", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?:how|in what ways?) (?:does|do|is|are) (.+?) (?:differ|different) from (.+?)(?: in [^?]*)?\\?", Pattern.CASE_INSENSITIVE),
            Pattern.compile("what (?:is|are) (.+?) and how (?:does|do) (?:it|they) differ from (.+?)(?: in [^?]*)?\\?", Pattern.CASE_INSENSITIVE),
            Pattern.compile("compare(?: and contrast)? (.+?) (?:and|with|to) (.+?)(?: in [^?]*)?[.?]", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(\\S+(?: \\S+)?) (?:vs\\.?|versus) (\\S+(?: \\S+)?)", Pattern.CASE_INSENSITIVE));

    /** The reference worked out once per question. */
    record Reference(List<Claim> statements, Map<String, Pole> questionPoles, Map<String, Integer> sideOfStem,
                     Map<Integer, SwappedSides.Side> sides) {

        static Reference of(String question, String answer) {
            Contrast contrast = contrastOf(question);
            Map<String, Pole> questionPoles = contrast.poles();
            Map<String, Integer> sideOfStem = sideOfStem(questionPoles);
            return new Reference(claims(answer, questionPoles), questionPoles, sideOfStem,
                    SwappedSides.sides(answer, sideOfStem, contrast.names()));
        }

        /** Which side of the question's contrast (+1 or -1) each of its stems names. */
        private static Map<String, Integer> sideOfStem(Map<String, Pole> questionPoles) {
            Map<String, Integer> sides = new HashMap<>();
            questionPoles.forEach((stem, pole) -> sides.put(stem, pole.polarity()));
            return Map.copyOf(sides);
        }
    }

    /** A polar word, or adjacent polar words read together ("more random", "larger teacher"). */
    record Unit(Map<Integer, Integer> signature, Map<Integer, String> surfaces, Set<String> context, String next) {

        /** The first dimension both talk about on which they take opposite sides, or -2 if none. */
        int opposedOn(Unit other) {
            for (var side : signature.entrySet()) {
                Integer theirs = other.signature.get(side.getKey());
                if (theirs != null && !theirs.equals(side.getValue())) {
                    return side.getKey();
                }
            }
            return -2;
        }

        boolean sharesDimension(Unit other) {
            return signature.keySet().stream().anyMatch(other.signature::containsKey);
        }

        double closeness(Unit other) {
            double score = context.stream().filter(other.context::contains).count();
            return next != null && next.equals(other.next) ? score + 0.5 : score;
        }
    }

    /** One claim: its polar units, its plain content stems and its polar stems. */
    record Claim(List<Unit> units, Set<String> plain, Set<String> polar) {

        boolean mentionsBothSides(int dimension) {
            Set<Integer> sides = new HashSet<>();
            units.forEach(u -> {
                Integer side = u.signature().get(dimension);
                if (side != null) {
                    sides.add(side);
                }
            });
            return sides.size() > 1;
        }
    }

    static List<Claim> claims(String text, Map<String, Pole> questionPoles) {
        return Arrays.stream(CLAIM_BREAK.split(HYPHEN.matcher(text).replaceAll(""))).filter(c -> !c.isBlank()).map(c -> claim(c, questionPoles)).toList();
    }

    /** Phrases inside a claim: a modifier describes a word of its own phrase only. */
    private static final Pattern PHRASE_BREAK = Pattern.compile("[,:()\\[\\]]+|\\s+-+\\s+|\\s+and\\s+(?=(?:a|an|the|it|they)\\s)");

    private static Claim claim(String text, Map<String, Pole> questionPoles) {
        List<Unit> units = new ArrayList<>();
        Set<String> plain = new HashSet<>();
        Set<String> polar = new HashSet<>();
        for (String phrase : PHRASE_BREAK.split(text)) {
            phrase(phrase, questionPoles, units, plain, polar);
        }
        return new Claim(units, plain, polar);
    }

    private static void phrase(String text, Map<String, Pole> questionPoles, List<Unit> units, Set<String> plain, Set<String> polar) {
        List<String> words = Terms.ENGLISH.words(text);
        // content slots in order: a plain stem, or a unit of adjacent polar words
        List<Object> slots = new ArrayList<>();
        Map<Integer, Integer> signature = null;
        Map<Integer, String> surfaces = null;
        List<String> unitStems = null;
        boolean open = false; // the current unit so far holds modifiers only, so it takes the next word
        int intensity = 0;
        int intensifierDimension = 0;
        for (Terms.Term term : Terms.ENGLISH.stems(text)) {
            Pole pole = questionPoles.containsKey(term.stem()) ? questionPoles.get(term.stem()) : LEXICON.get(term.stem());
            if (pole == null && FunctionWords.isEnglish(term.stem())) {
                continue;
            }
            boolean isNegated = negated(words, term.position());
            if (pole == null) {
                signature = null;
                open = false;
                intensity = 0;
                slots.add(term.stem());
                plain.add(term.stem());
                continue;
            }
            if (signature == null || !open || signature.containsKey(pole.dimension())) {
                intensity = 0;
                // a unit is modifiers and the one word they describe: "larger teacher", "more random", "trains"
                signature = new LinkedHashMap<>();
                surfaces = new LinkedHashMap<>();
                unitStems = new ArrayList<>();
                slots.add(new Slot(signature, surfaces, unitStems));
            }
            open = pole.modifier();
            int polarity = isNegated ? -pole.polarity() : pole.polarity();
            String surface = (isNegated ? "not " : "") + term.surface();
            unitStems.add(term.stem());
            polar.add(term.stem());
            if (intensity != 0 && !pole.intensifier()) {
                // "less random" says what "more deterministic" says: fold the intensifier into its word
                signature.remove(intensifierDimension);
                surface = surfaces.remove(intensifierDimension) + " " + surface;
                polarity *= intensity;
                intensity = 0;
            } else if (pole.intensifier()) {
                intensity = polarity;
                intensifierDimension = pole.dimension();
            }
            signature.putIfAbsent(pole.dimension(), polarity);
            surfaces.putIfAbsent(pole.dimension(), surface);
        }
        for (int i = 0; i < slots.size(); i++) {
            if (!(slots.get(i) instanceof Slot unit)) {
                continue;
            }
            Set<String> context = new HashSet<>();
            for (int j = Math.max(0, i - CONTEXT_REACH); j <= Math.min(slots.size() - 1, i + CONTEXT_REACH); j++) {
                if (slots.get(j) instanceof String stem) {
                    context.add(stem);
                } else if (j != i && slots.get(j) instanceof Slot neighbour) {
                    context.addAll(neighbour.stems());
                }
            }
            String next = i + 1 < slots.size() && slots.get(i + 1) instanceof String stem ? stem : null;
            units.add(new Unit(Map.copyOf(unit.signature()), Map.copyOf(unit.surfaces()), context, next));
        }
    }

    private record Slot(Map<Integer, Integer> signature, Map<Integer, String> surfaces, List<String> stems) {
    }

    Result count(String answer, Reference reference) {
        int total = 0;
        Clash example = null;
        for (Claim said : claims(answer, reference.questionPoles())) {
            Optional<Clash> clash = contradicts(said, reference);
            if (clash.isPresent()) {
                total++;
                if (example == null) {
                    example = clash.get();
                }
            }
        }
        if (total == 0) {
            Optional<Clash> swap = SwappedSides.find(answer, reference.sideOfStem(), reference.sides());
            if (swap.isPresent()) {
                return new Result(1, swap);
            }
        }
        return new Result(total, Optional.ofNullable(example));
    }

    /** The claim's clash with the statement it talks about; empty when it agrees or cannot be told. */
    private static Optional<Clash> contradicts(Claim said, Reference reference) {
        double mostShared = 0;
        for (Claim statement : reference.statements()) {
            mostShared = Math.max(mostShared, alignment(said, statement));
        }
        Optional<Clash> verdict = Optional.empty();
        boolean compared = false;
        if (mostShared > 0) {
            for (Claim statement : reference.statements()) {
                if (alignment(said, statement) < mostShared) {
                    continue;
                }
                Optional<Clash> clash = flips(said, statement);
                if (clash.isEmpty()) {
                    return Optional.empty(); // agrees with one statement it talks about: benefit of the doubt
                }
                compared = true;
                verdict = clash;
            }
        }
        return compared ? verdict : Optional.empty();
    }

    /** The first flip against one statement, when the claim contradicts it. */
    private static Optional<Clash> flips(Claim said, Claim statement) {
        int flips = 0;
        int compared = 0;
        int reversedEnds = 0;
        Clash first = null;
        Clash firstEnd = null;
        Set<Map<Integer, Integer>> seen = new HashSet<>();
        for (Unit unit : said.units()) {
            if (!seen.add(unit.signature())) {
                continue; // "every expert processes every token" states one thing twice
            }
            List<Unit> candidates = statement.units().stream().filter(unit::sharesDimension).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            Unit match = match(unit, candidates, said);
            if (match == null) {
                // No shared neighbour says which word it speaks of, but it sets a condition and the
                // statement's one word on its dimension is on the other side: the other end of a relation
                // ("a higher temperature makes it more random" against "below 1 ... more focused"). It
                // takes part in telling a relation turned round from one with a part reversed, and is
                // never a clash alone.
                int end = candidates.size() == 1 ? unit.opposedOn(candidates.getFirst()) : -2;
                if (end >= 0 && CONDITIONS.contains(end) && !(said.mentionsBothSides(end) && !statement.mentionsBothSides(end))) {
                    compared++;
                    flips++;
                    reversedEnds++;
                    if (firstEnd == null) {
                        firstEnd = new Opposite(unit.surfaces().get(end), candidates.getFirst().surfaces().get(end));
                    }
                }
                continue;
            }
            int dimension = unit.opposedOn(match);
            if (dimension == QUESTION_DIMENSION) {
                // Which side of the question's contrast a claim is about is SwappedSides' call: matched
                // by shared words alone, "in cross-attention the queries come from the decoder"
                // aligned with the reference's sentence on self-attention and read as a flip.
                continue;
            }
            if (dimension != -2 && said.mentionsBothSides(dimension) && !statement.mentionsBothSides(dimension)) {
                continue; // the answer contrasts two cases; this statement speaks of one
            }
            compared++;
            if (dimension != -2) {
                flips++;
                if (first == null) {
                    first = new Opposite(unit.surfaces().get(dimension), match.surfaces().get(dimension));
                }
            }
        }
        // One polar word on the other side contradicts; so does a relation with some of its words
        // turned round but not all ("higher temperature, more deterministic"). All of them turned
        // round is the same relation seen from the other end ("lower temperature sharpens it, so
        // output is more deterministic" against "higher temperature flattens it, more random").
        boolean contradicts = flips > reversedEnds && (compared == 1 || flips < compared)
                || reversedEnds > 0 && flips < compared;
        return contradicts ? Optional.of(first != null ? first : firstEnd) : Optional.empty();
    }

    /**
     * The statement's unit this one speaks of. When all candidates agree (or all disagree) that is
     * settled; otherwise the closest context decides, by a clear margin when the answer itself
     * names both sides (it may simply order them differently, "a large teacher trains a small student").
     */
    private static Unit match(Unit unit, List<Unit> candidates, Claim said) {
        boolean anyOpposed = false;
        boolean anyAgreeing = false;
        for (Unit candidate : candidates) {
            if (unit.opposedOn(candidate) != -2) {
                anyOpposed = true;
            } else {
                anyAgreeing = true;
            }
        }
        if (!(anyOpposed && anyAgreeing)) {
            // all candidates say the same; still only about the same thing (a shared neighbour)
            return candidates.stream().filter(c -> unit.closeness(c) >= 1).findFirst().orElse(null);
        }
        Unit best = null;
        double bestScore = -1;
        double second = -1;
        for (Unit candidate : candidates) {
            double score = unit.closeness(candidate);
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = candidate;
            } else if (score > second) {
                second = score;
            }
        }
        boolean bothSides = unit.signature().keySet().stream().anyMatch(said::mentionsBothSides);
        double margin = bothSides ? 2 : 0.5;
        return bestScore - Math.max(second, 0) >= margin ? best : null;
    }

    /** How much two claims talk about the same thing: plain words shared, polar words half as much; none without a plain one. */
    private static double alignment(Claim a, Claim b) {
        int plain = shared(a, b);
        if (plain == 0) {
            return 0;
        }
        return plain + 0.5 * a.polar().stream().filter(b.polar()::contains).count();
    }

    private static int shared(Claim a, Claim b) {
        int shared = 0;
        for (String stem : a.plain()) {
            if (b.plain().contains(stem)) {
                shared++;
            }
        }
        return shared;
    }

    /**
     * True when a negation stands within {@link #NEGATION_REACH} words before {@code position}.
     * Reaching to the end of the clause ("not trained with a causal attention mask") flagged
     * more correct answers than it caught wrong ones on the labelled set.
     */
    static boolean negated(List<String> words, int position) {
        for (int back = 1; back <= NEGATION_REACH && position - back >= 0; back++) {
            if (position - back < words.size() && isNegation(words.get(position - back))) {
                return true;
            }
        }
        return false;
    }

    static boolean isNegation(String word) {
        return switch (word) {
            case "not", "no", "never", "without", "cannot", "neither", "nor", "none", "nothing" -> true;
            default -> word.endsWith("n't") || word.endsWith("n’t");
        };
    }

    /** The two things a comparison question contrasts: their stems as the two sides of one dimension, and their names as asked. */
    record Contrast(Map<String, Pole> poles, Map<Integer, String> names) {
    }

    static Contrast contrastOf(String question) {
        for (Pattern pattern : CONTRAST_QUESTIONS) {
            Matcher m = pattern.matcher(question);
            if (m.find()) {
                // without hyphens, as in the claims: "pre-training" is the one word "pretraining", not "pre" and "training"
                Set<String> left = contentStems(HYPHEN.matcher(m.group(1)).replaceAll(""));
                Set<String> right = contentStems(HYPHEN.matcher(m.group(2)).replaceAll(""));
                Set<String> both = new HashSet<>(left);
                both.retainAll(right);
                left.removeAll(both);
                right.removeAll(both);
                if (left.isEmpty() || right.isEmpty()) {
                    continue; // "how does it differ from…": the other pattern names both
                }
                Map<String, Pole> poles = new HashMap<>();
                left.forEach(s -> poles.put(s, new Pole(QUESTION_DIMENSION, 1, false, false)));
                right.forEach(s -> poles.put(s, new Pole(QUESTION_DIMENSION, -1, false, false)));
                return new Contrast(Map.copyOf(poles), Map.of(1, m.group(1).strip(), -1, m.group(2).strip()));
            }
        }
        return new Contrast(Map.of(), Map.of());
    }

    private static Set<String> contentStems(String text) {
        Set<String> stems = new HashSet<>();
        for (Terms.Term term : Terms.ENGLISH.stems(text.toLowerCase(Locale.ROOT))) {
            if (!FunctionWords.isEnglish(term.stem())) {
                stems.add(term.stem());
            }
        }
        return stems;
    }

    /** Each line is one dimension; a stem keeps the first dimension it is listed in. */
    private static Map<String, Pole> load() {
        Map<String, Pole> lexicon = new HashMap<>();
        try (var in = Contradictions.class.getResourceAsStream("/grading/opposites.txt")) {
            if (in == null) {
                throw new IllegalStateException("grading/opposites.txt is missing from the class path");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int dimension = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || !line.contains("|")) {
                    continue;
                }
                boolean intensifier = line.startsWith("^");
                boolean modifier = intensifier || line.startsWith("*");
                String[] sides = (modifier ? line.substring(1) : line).split("\\|");
                for (String stem : stems(sides[0])) {
                    lexicon.putIfAbsent(stem, new Pole(dimension, 1, modifier, intensifier));
                }
                for (String stem : stems(sides[1])) {
                    lexicon.putIfAbsent(stem, new Pole(dimension, -1, modifier, intensifier));
                }
                dimension++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(lexicon);
    }

    private static Set<String> stems(String words) {
        Set<String> stems = new HashSet<>();
        for (String word : words.strip().split("\\s+")) {
            List<Terms.Term> terms = Terms.ENGLISH.stems(HYPHEN.matcher(word).replaceAll(""));
            if (terms.size() == 1) {
                stems.add(terms.getFirst().stem());
            }
        }
        return stems;
    }
}
