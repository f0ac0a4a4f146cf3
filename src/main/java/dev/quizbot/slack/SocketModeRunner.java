package dev.quizbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Socket Mode: the same Bolt app, reached over a WebSocket that the app opens to Slack, so no
 * public URL is needed. Started with the context, closed with it.
 */
class SocketModeRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);

    private final App app;
    private final String appToken;
    private SocketModeApp socketModeApp;

    SocketModeRunner(App app, String appToken) {
        this.app = app;
        this.appToken = appToken;
    }

    @Override
    public synchronized void start() {
        try {
            socketModeApp = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
            socketModeApp.startAsync();
            log.info("Slack Socket Mode connecting");
        } catch (Exception e) {
            // Slack unreachable or the app token refused: the rest of quizbot keeps running.
            log.error("Slack Socket Mode could not start ({}); check SLACK_APP_TOKEN and the network", e.getMessage());
            socketModeApp = null;
        }
    }

    @Override
    public synchronized void stop() {
        if (socketModeApp != null) {
            try {
                socketModeApp.close();
            } catch (Exception e) {
                log.warn("Slack Socket Mode did not close cleanly: {}", e.getMessage());
            }
            socketModeApp = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return socketModeApp != null;
    }
}
