package dev.quizbot.web;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import dev.quizbot.review.ReviewLinks;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may use what on the web: everything is public (pages, {@code /api/**}, health) except the
 * review API, which needs a review link's token ({@link ReviewLinkFilter}). Nothing keeps a
 * session or sets a cookie, so CSRF protection has nothing to guard: the review decisions'
 * guard is the token in a header, which a cross-site form or image cannot send.
 */
@Configuration(proxyBeanMethods = false)
// command-line tools and tests start the application without a web server, and so without HttpSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {

    static final String NEEDS_LINK = "This page needs the link `review web` gives an admin in chat.";

    @Bean
    ReviewLinkAuthenticationProvider reviewLinkAuthenticationProvider(ReviewLinks links) {
        return new ReviewLinkAuthenticationProvider(links);
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, ReviewLinkAuthenticationProvider provider) throws Exception {
        AuthenticationEntryPoint refuse = (request, response, e) -> write(response, 401,
                e instanceof BadCredentialsException ? e.getMessage() : NEEDS_LINK);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/review", "/api/review/**").hasAuthority(ReviewLinkAuthentication.AUTHORITY)
                        .anyRequest().permitAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(refuse)
                        .accessDeniedHandler((request, response, e) -> write(response, 403,
                                "This review link does not open that.")))
                .addFilterBefore(new ReviewLinkFilter(new ProviderManager(provider), refuse),
                        AnonymousAuthenticationFilter.class);
        return http.build();
    }

    private static void write(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ApiErrorBodies.json(message));
        response.flushBuffer();
    }
}
