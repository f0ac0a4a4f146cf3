package dev.quizbot.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fitted verdict models in {@code grading/weights.json}: one per sentence model, plus
 * {@value #CONCEPTS_ONLY} for grading without one. Written by {@code grading-fit}, read at start.
 */
public record VerdictWeights(Map<String, VerdictModel> models, Map<String, String> provenance) {

    static final String RESOURCE = "/grading/weights.json";
    public static final String CONCEPTS_ONLY = "none";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static JsonMapper json() {
        return JSON;
    }

    public Optional<VerdictModel> forModel(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public VerdictModel conceptsOnly() {
        VerdictModel model = models.get(CONCEPTS_ONLY);
        if (model == null) {
            throw new IllegalStateException("grading/weights.json has no '" + CONCEPTS_ONLY + "' model; run grading-fit");
        }
        return model;
    }

    public static VerdictWeights bundled() {
        try (InputStream in = VerdictWeights.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static VerdictWeights parse(JsonNode root) {
        Map<String, VerdictModel> models = new LinkedHashMap<>();
        root.path("models").properties().forEach(entry -> {
            JsonNode m = entry.getValue();
            List<String> features = new ArrayList<>();
            m.path("features").forEach(f -> features.add(f.asString()));
            models.put(entry.getKey(), new VerdictModel(features, probability(m.path("correct")),
                    probability(m.path("partial")), probability(m.path("contradictory")), m.path("threshold").asDouble(0.5)));
        });
        Map<String, String> provenance = new LinkedHashMap<>();
        root.path("provenance").properties().forEach(e -> provenance.put(e.getKey(), e.getValue().asString()));
        return new VerdictWeights(models, provenance);
    }

    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode p = root.putObject("provenance");
        provenance.forEach(p::put);
        ObjectNode all = root.putObject("models");
        models.forEach((name, model) -> {
            ObjectNode m = all.putObject(name);
            model.features().forEach(m.putArray("features")::add);
            put(m.putObject("correct"), model.correct());
            put(m.putObject("partial"), model.partial());
            put(m.putObject("contradictory"), model.contradictory());
            m.put("threshold", model.threshold());
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void put(ObjectNode node, Probability probability) {
        switch (probability) {
            case Probability.Average average -> {
                node.put("kind", "average");
                var members = node.putArray("members");
                average.members().forEach(member -> put(members.addObject(), member));
            }
            case Probability.BoostedTrees trees -> {
                node.put("kind", "boosted-trees");
                node.put("xgboost_ubj_base64", Base64.getEncoder().encodeToString(trees.model()));
            }
            case Probability.Logistic logistic -> {
                node.put("kind", "logistic");
                put(node, "mean", logistic.mean());
                put(node, "scale", logistic.scale());
                put(node, "weights", logistic.weights());
            }
            case Probability.Constant constant -> {
                node.put("kind", "constant");
                node.put("p", constant.p());
            }
        }
    }

    private static Probability probability(JsonNode node) {
        String kind = node.path("kind").asString("");
        return switch (kind) {
            case "average" -> {
                List<Probability> members = new ArrayList<>();
                node.path("members").forEach(member -> members.add(probability(member)));
                yield new Probability.Average(members);
            }
            case "boosted-trees" -> new Probability.BoostedTrees(Base64.getDecoder().decode(node.path("xgboost_ubj_base64").asString()));
            case "logistic" -> new Probability.Logistic(doubles(node.path("mean")), doubles(node.path("scale")),
                    doubles(node.path("weights")));
            case "constant" -> new Probability.Constant(node.path("p").asDouble());
            default -> throw new IllegalArgumentException("grading/weights.json: unknown kind of model '" + kind + "'");
        };
    }

    private static void put(ObjectNode node, String name, double[] values) {
        var array = node.putArray(name);
        for (double v : values) {
            array.add(Math.round(v * 1e6) / 1e6);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
