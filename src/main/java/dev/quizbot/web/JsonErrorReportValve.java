package dev.quizbot.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error responses (a path with {@code %00}, an encoded {@code /}, characters such
 * as {@code <} that HTTP does not allow) are written before any Spring code runs, by the host's
 * error report valve; this one writes them as the API's {@code {"error": "..."}} instead of an
 * HTML page naming the server. The message is fixed text: the rejected path is never echoed.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    /** Public: the host may create it by class name. */
    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ApiErrorBodies.json(ApiErrorBodies.message(status, null)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response already closed: nothing left to tell it
        }
    }
}
