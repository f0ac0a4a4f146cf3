package dev.quizbot.history;

/** How someone did in one topic: answers, how many were correct, points. */
public record TopicRecord(String topic, int answers, int correct, long points) {

    public double accuracy() {
        return answers == 0 ? 0 : (double) correct / answers;
    }
}
