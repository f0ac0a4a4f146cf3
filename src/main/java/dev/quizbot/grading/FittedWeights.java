package dev.quizbot.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fitted verdict models in {@code grading/weights.json}: one per sentence model (meaning
 * features mean different things for different models) and one for grading on concepts
 * only. Written by {@code grading-fit}; nothing in it is tuned by hand.
 */
record FittedWeights(Map<String, VerdictModel> models, JsonNode provenance) {

    static final String RESOURCE = "/grading/weights.json";
    static final String CONCEPTS_ONLY = "concepts-only";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    FittedWeights {
        models = Map.copyOf(models);
    }

    Optional<VerdictModel> forModel(String name) {
        return Optional.ofNullable(models.get(name));
    }

    VerdictModel conceptsOnly() {
        VerdictModel model = models.get(CONCEPTS_ONLY);
        if (model == null) {
            throw new IllegalStateException(RESOURCE + " has no '" + CONCEPTS_ONLY + "' model; run grading-fit");
        }
        return model;
    }

    static FittedWeights bundled() {
        try (InputStream in = FittedWeights.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path; run grading-fit");
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FittedWeights read(Path file) {
        return parse(JSON.readTree(file.toFile()));
    }

    private static FittedWeights parse(JsonNode root) {
        Map<String, VerdictModel> models = new LinkedHashMap<>();
        for (var entry : root.get("models").properties()) {
            JsonNode m = entry.getValue();
            List<String> features = new ArrayList<>();
            m.get("features").forEach(f -> features.add(f.asString()));
            double[][] weights = new double[VerdictModel.CLASSES.size()][];
            for (int c = 0; c < weights.length; c++) {
                weights[c] = doubles(m.get("weights").get(c));
            }
            double floor = m.has("relevance_floor") ? m.get("relevance_floor").asDouble() : Double.NaN;
            models.put(entry.getKey(), new VerdictModel(features, doubles(m.get("mean")), doubles(m.get("scale")),
                    weights, doubles(m.get("bias")), floor));
        }
        return new FittedWeights(models, root.path("provenance"));
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /** Writes models and how they were made, one file, stable order. */
    static void write(Path file, Map<String, VerdictModel> models, Map<String, JsonNode> provenance) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode about = root.putObject("provenance");
        provenance.forEach(about::set);
        ObjectNode all = root.putObject("models");
        models.forEach((name, model) -> {
            ObjectNode m = all.putObject(name);
            m.putArray("classes").addAll(VerdictModel.CLASSES.stream().map(v -> (JsonNode) JSON.getNodeFactory().stringNode(v.label())).toList());
            var features = m.putArray("features");
            model.features().forEach(features::add);
            array(m.putArray("mean"), model.mean());
            array(m.putArray("scale"), model.scale());
            var weights = m.putArray("weights");
            for (double[] row : model.weights()) {
                array(weights.addArray(), row);
            }
            array(m.putArray("bias"), model.bias());
            if (!Double.isNaN(model.relevanceFloor())) {
                m.put("relevance_floor", Math.round(model.relevanceFloor() * 1e6) / 1e6);
            }
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void array(tools.jackson.databind.node.ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(Math.round(v * 1e6) / 1e6);
        }
    }

    static JsonMapper json() {
        return JSON;
    }
}
