package dev.quizbot.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Errors under {@code /api/} that no API method answered (an unknown path, a POST, a request that
 * fails before reaching the controller) are written here as {@code {"error": "..."}} instead of
 * going to the container's error page, so a client of the API always gets the same shape.
 */
final class ApiErrorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorFilter.class);
    /** Paths are named in messages only this long: they come from the client. */
    private static final int MAX_PATH_SHOWN = 80;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String shown = request.getMethod() + " " + shorten(request.getRequestURI());
        var json = new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status, String message) throws IOException {
                sendError(status);
            }

            @Override
            public void sendError(int status) throws IOException {
                write(response, status, ApiErrorBodies.message(status, status == 404 || status == 405 ? shown : null));
            }
        };
        try {
            chain.doFilter(request, json);
        } catch (IOException | ServletException | RuntimeException e) {
            log.error("API request {} failed", shown, e);
            write(response, 500, ApiErrorBodies.message(500, null));
        }
    }

    private static void write(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ApiErrorBodies.json(message));
        response.flushBuffer();
    }

    private static String shorten(String path) {
        String clean = path.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_PATH_SHOWN ? clean : clean.substring(0, MAX_PATH_SHOWN) + "…";
    }
}
