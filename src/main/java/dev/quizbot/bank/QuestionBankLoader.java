package dev.quizbot.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code topics.yaml} and every other {@code *.yaml} file of a bank folder and
 * validates them as a whole, so that an editor sees every problem in one pass instead of
 * fixing them one restart at a time.
 */
public final class QuestionBankLoader {

    public static final String TOPICS_FILE = "topics.yaml";
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_QUESTION_LENGTH = 500;
    static final int MAX_ANSWER_LENGTH = 2_000;
    static final int MAX_CONCEPTS = 8;
    static final int MAX_MISCONCEPTIONS = 8;
    static final int MAX_MISCONCEPTION_LENGTH = 300;
    /** Origins a question may name; absent means it comes from the seed documents. */
    static final Set<String> ORIGINS = Set.of(Question.ORIGIN_QUIZBOT);

    private static final Set<String> ENTRY_FIELDS =
            Set.of("id", "topic", "difficulty", "question", "answer", "concepts", "accept", "sources",
                    "misconceptions", "origin");
    private static final Set<String> TOPIC_FIELDS = Set.of("slug", "name", "description");

    private final YAMLMapper yaml = YAMLMapper.builder().build();

    /**
     * Loads the bank in {@code folder}.
     *
     * @throws InvalidBankException listing every problem, if any file or entry is invalid
     */
    public QuestionBank load(Path folder) {
        List<BankProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            throw new InvalidBankException(folder, List.of(new BankProblem(
                    folder.toString(), "", "is not a folder; set quizbot.bank.path to the folder holding the question files")));
        }
        List<Topic> topics = readTopics(folder, problems);
        Map<String, Topic> topicsBySlug = new HashMap<>();
        topics.forEach(t -> topicsBySlug.put(t.slug(), t));

        List<Question> questions = new ArrayList<>();
        Map<String, String> firstSeenAt = new HashMap<>();
        List<Path> files = questionFiles(folder, problems);
        if (files.isEmpty()) {
            problems.add(new BankProblem(folder.toString(), "", "holds no question files (*.yaml besides " + TOPICS_FILE + ")"));
        }
        for (Path file : files) {
            String name = folder.relativize(file).toString();
            JsonNode root = parse(file, name, problems);
            if (root == null) {
                continue;
            }
            if (!root.isArray()) {
                problems.add(new BankProblem(name, "", "must be a list of questions (each starting with '- id: ...')"));
                continue;
            }
            for (int i = 0; i < root.size(); i++) {
                EntryReader entry = new EntryReader(name, i + 1, root.get(i), problems);
                Question question = entry.question(topicsBySlug.keySet());
                if (question == null) {
                    continue;
                }
                String location = name + " " + entry.label();
                String earlier = firstSeenAt.putIfAbsent(question.id(), location);
                if (earlier != null) {
                    problems.add(new BankProblem(name, entry.label(), "duplicate id, already used by " + earlier));
                } else {
                    questions.add(question);
                }
            }
        }
        if (problems.isEmpty() && questions.isEmpty()) {
            problems.add(new BankProblem(folder.toString(), "", "holds no questions"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidBankException(folder, problems);
        }
        return new QuestionBank(topics, questions);
    }

    private List<Topic> readTopics(Path folder, List<BankProblem> problems) {
        Path file = folder.resolve(TOPICS_FILE);
        if (!Files.isRegularFile(file)) {
            problems.add(new BankProblem(TOPICS_FILE, "", "is missing; it declares the topics questions may use"));
            return List.of();
        }
        JsonNode root = parse(file, TOPICS_FILE, problems);
        if (root == null) {
            return List.of();
        }
        if (!root.isArray()) {
            problems.add(new BankProblem(TOPICS_FILE, "", "must be a list of topics (each starting with '- slug: ...')"));
            return List.of();
        }
        List<Topic> topics = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            String label = "topic " + (i + 1);
            if (!node.isObject()) {
                problems.add(new BankProblem(TOPICS_FILE, label, "must be a mapping with slug, name and description"));
                continue;
            }
            unknownFields(node, TOPIC_FIELDS, TOPICS_FILE, label, problems);
            String slug = text(node, "slug");
            String topicName = text(node, "name");
            if (slug == null || !SLUG.matcher(slug).matches()) {
                problems.add(new BankProblem(TOPICS_FILE, label, "slug must be lower-case words joined by hyphens, got " + quote(slug)));
                continue;
            }
            if (topicName == null) {
                problems.add(new BankProblem(TOPICS_FILE, label + " ('" + slug + "')", "missing 'name'"));
                continue;
            }
            if (!seen.add(slug)) {
                problems.add(new BankProblem(TOPICS_FILE, label, "duplicate topic slug '" + slug + "'"));
                continue;
            }
            String description = text(node, "description");
            topics.add(new Topic(slug, topicName, description == null ? "" : description));
        }
        return topics;
    }

    private List<Path> questionFiles(Path folder, List<BankProblem> problems) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.equals(TOPICS_FILE);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new BankProblem(folder.toString(), "", "cannot be listed: " + e.getMessage()));
            return List.of();
        }
    }

    private JsonNode parse(Path file, String name, List<BankProblem> problems) {
        try {
            JsonNode root = yaml.readTree(file.toFile());
            if (root == null || root.isMissingNode() || root.isNull()) {
                problems.add(new BankProblem(name, "", "is empty"));
                return null;
            }
            return root;
        } catch (JacksonException e) {
            problems.add(new BankProblem(name, "", "is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    static void unknownFields(JsonNode node, Set<String> allowed, String file, String label, List<BankProblem> problems) {
        for (String field : node.propertyNames()) {
            if (!allowed.contains(field)) {
                problems.add(new BankProblem(file, label, "unknown field '" + field + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
            }
        }
    }

    static String quote(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }

    /** Validates one entry, adding a problem for each thing wrong with it. */
    private static final class EntryReader {
        private final String file;
        private final int index;
        private final JsonNode node;
        private final List<BankProblem> problems;
        private boolean valid = true;

        EntryReader(String file, int index, JsonNode node, List<BankProblem> problems) {
            this.file = file;
            this.index = index;
            this.node = node;
            this.problems = problems;
        }

        String label() {
            String id = node.isObject() ? text(node, "id") : null;
            return "entry " + index + (id == null ? "" : " (id '" + id + "')");
        }

        private void problem(String message) {
            valid = false;
            problems.add(new BankProblem(file, label(), message));
        }

        Question question(Set<String> knownTopics) {
            if (!node.isObject()) {
                problem("must be a mapping with id, topic, difficulty, question, answer");
                return null;
            }
            int before = problems.size();
            unknownFields(node, ENTRY_FIELDS, file, label(), problems);
            valid = problems.size() == before;

            String id = required("id");
            if (id != null && !SLUG.matcher(id).matches()) {
                problem("id must be lower-case words joined by hyphens (like 'lora-qlora'), got '" + id + "'");
            }
            String topic = required("topic");
            if (topic != null && !knownTopics.contains(topic)) {
                problem("unknown topic '" + topic + "' (declare it in " + TOPICS_FILE + "; known: "
                        + String.join(", ", new java.util.TreeSet<>(knownTopics)) + ")");
            }
            String difficultyText = required("difficulty");
            Difficulty difficulty = difficultyText == null ? null : Difficulty.parse(difficultyText).orElse(null);
            if (difficultyText != null && difficulty == null) {
                problem("unknown difficulty '" + difficultyText + "' (use easy, medium or hard)");
            }
            String question = bounded(required("question"), "question", MAX_QUESTION_LENGTH);
            String answer = bounded(required("answer"), "answer", MAX_ANSWER_LENGTH);
            List<Concept> concepts = concepts();
            List<String> accept = strings(node.get("accept"), "accept", Function.identity());
            List<Source> sources = sources();
            List<String> misconceptions = misconceptions(answer, accept);
            Optional<String> origin = origin();
            return valid
                    ? new Question(id, topic, difficulty, question, answer, concepts, accept, sources, misconceptions, origin)
                    : null;
        }

        private String required(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                problem("missing '" + field + "'");
                return null;
            }
            if (!value.isValueNode()) {
                problem("'" + field + "' must be text");
                return null;
            }
            String text = value.asString().strip();
            if (text.isEmpty()) {
                problem("'" + field + "' is empty");
                return null;
            }
            return text;
        }

        private String bounded(String text, String field, int max) {
            if (text != null && text.length() > max) {
                problem("'" + field + "' is " + text.length() + " characters; the limit is " + max);
            }
            return text;
        }

        private List<Concept> concepts() {
            JsonNode list = node.get("concepts");
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                problem("'concepts' must be a list");
                return List.of();
            }
            if (list.size() > MAX_CONCEPTS) {
                problem("has " + list.size() + " concepts; keep to the " + MAX_CONCEPTS + " an interviewer would listen for");
            }
            List<Concept> concepts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode c = list.get(i);
                String where = "concept " + (i + 1);
                if (c.isValueNode()) {
                    String phrase = c.asString().strip();
                    if (phrase.isEmpty()) {
                        problem(where + " has no text");
                    } else {
                        concepts.add(new Concept(phrase, List.of()));
                    }
                    continue;
                }
                if (!c.isObject()) {
                    problem(where + " must be text or a mapping with 'phrase' and 'synonyms'");
                    continue;
                }
                unknownFields(c, Set.of("phrase", "synonyms"), file, label() + ", " + where, problems);
                String phrase = text(c, "phrase");
                if (phrase == null) {
                    problem(where + " has no text ('phrase' is missing or empty)");
                    continue;
                }
                List<String> synonyms = strings(c.get("synonyms"), where + " synonyms", Function.identity());
                concepts.add(new Concept(phrase, synonyms));
            }
            return concepts;
        }

        /**
         * Misconceptions are wrong claims, so one that repeats the reference answer or an accepted
         * answer is an editing slip that would make the grader count a right answer as a mistake.
         */
        private List<String> misconceptions(String answer, List<String> accept) {
            JsonNode list = node.get("misconceptions");
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                problem("'misconceptions' must be a list");
                return List.of();
            }
            if (list.size() > MAX_MISCONCEPTIONS) {
                problem("has " + list.size() + " misconceptions; keep to the " + MAX_MISCONCEPTIONS + " most common");
            }
            Set<String> right = new java.util.HashSet<>();
            if (answer != null) {
                right.add(normalized(answer));
            }
            accept.forEach(a -> right.add(normalized(a)));
            Set<String> seen = new java.util.HashSet<>();
            List<String> misconceptions = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String m = item.isValueNode() ? item.asString().strip() : "";
                String where = "misconception " + (i + 1);
                if (m.isEmpty()) {
                    problem(where + " has no text");
                    continue;
                }
                if (m.length() > MAX_MISCONCEPTION_LENGTH) {
                    problem(where + " is " + m.length() + " characters; the limit is " + MAX_MISCONCEPTION_LENGTH);
                }
                String key = normalized(m);
                if (!seen.add(key)) {
                    problem(where + " repeats an earlier misconception: '" + m + "'");
                } else if (right.contains(key)) {
                    problem(where + " is the same text as the answer or an 'accept' entry; a misconception must be a wrong claim");
                }
                misconceptions.add(m);
            }
            return misconceptions;
        }

        private Optional<String> origin() {
            if (node.get("origin") == null || node.get("origin").isNull()) {
                return Optional.empty();
            }
            String origin = text(node, "origin");
            if (origin == null || !ORIGINS.contains(origin)) {
                problem("unknown origin " + quote(origin) + " (use '" + Question.ORIGIN_QUIZBOT
                        + "' for questions we wrote, or leave it out for questions from the seed documents)");
                return Optional.empty();
            }
            return Optional.of(origin);
        }

        /** Case and spacing do not make two texts different claims. */
        private static String normalized(String text) {
            return text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s.!]+$", "").strip();
        }

        private List<Source> sources() {
            JsonNode list = node.get("sources");
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                problem("'sources' must be a list");
                return List.of();
            }
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode s = list.get(i);
                String document = s.isObject() ? text(s, "document") : null;
                String heading = s.isObject() ? text(s, "heading") : null;
                if (document == null || heading == null) {
                    problem("source " + (i + 1) + " needs both 'document' and 'heading'");
                    continue;
                }
                sources.add(new Source(document, heading));
            }
            return sources;
        }

        private <T> List<T> strings(JsonNode list, String field, Function<String, T> map) {
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                problem("'" + field + "' must be a list");
                return List.of();
            }
            List<T> values = new ArrayList<>();
            for (JsonNode item : list) {
                String text = item.isValueNode() ? item.asString().strip() : "";
                if (text.isEmpty()) {
                    problem("'" + field + "' has an empty item");
                } else {
                    values.add(map.apply(text));
                }
            }
            return values;
        }
    }
}
