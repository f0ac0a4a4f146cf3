package dev.quizbot.web;

import java.io.IOException;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the review link's token from the {@value #HEADER} header of review API requests and
 * authenticates it. A request without one goes on unauthenticated (the chain then answers 401);
 * a bad one is answered 401 here, with the reason. The token travels in a header, never a
 * cookie, so another site cannot make a browser send it: that is the decisions' CSRF guard.
 */
final class ReviewLinkFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Review-Token";

    private final AuthenticationManager authentication;
    private final AuthenticationEntryPoint refuse;

    ReviewLinkFilter(AuthenticationManager authentication, AuthenticationEntryPoint refuse) {
        this.authentication = authentication;
        this.refuse = refuse;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api/review") || path.startsWith("/api/review/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(HEADER);
        if (token != null && !token.isBlank()) {
            try {
                var checked = authentication.authenticate(ReviewLinkAuthentication.unchecked(token.strip()));
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(checked);
                SecurityContextHolder.setContext(context);
            } catch (AuthenticationException bad) {
                SecurityContextHolder.clearContext();
                refuse.commence(request, response, bad);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
